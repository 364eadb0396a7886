//! # existence
//!
//! ## What it flags
//! Any word, phrase or regex from the rule's lists. Words and phrases (`words`) match whole
//! words, ignoring ASCII case unless `case-sensitive = true`; regexes (`patterns`) match as
//! written (add `\b` yourself), and one with a group named `match` (`(?<match>…)`) reports
//! only that group, so context can decide a match without being underlined. A match that lies inside one of the rule's `exceptions` phrases
//! is not reported, and none is when the story says one of the rule's `covered-by` phrases
//! anywhere (a conviction it names covers the label "crook").
//!
//! ## Why
//! Some words never belong in copy: leftover editor marks (TK), clichés, words a style guide
//! bans outright. A list is the cheapest rule there is, and every list of every pack is matched
//! in one pass.
//!
//! ## Example
//! ```toml
//! [[existence]]
//! id = "style.editor-mark"
//! message = "leftover editor mark `{match}`"
//! words = ["TK", "TKTK"]
//! case-sensitive = true
//! rationale = "Placeholders must be filled before publication."
//! must-fire = ["The mayor was born in TK."]
//! must-not-fire = ["The mayor was born in Ohio."]
//! ```
//!
//! ## Instead
//! Rewrite the passage; the rule's `help` says how.
//!
//! ## Fix safety
//! No fix, unless the rule names a `suggest`ion: then the match is underlined "use `…`" and
//! the suggestion is offered as an unsafe fix (shown, never applied by `--fix`), since what
//! replaces a flagged word is an editor's call.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::matcher::LiteralOptions;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, Details, Exceptions, keep_case};
use crate::span::Span;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "existence",
    default_scope: super::PROSE,
    placeholders: &["match"],
    rust_file: include_str!("existence.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub words: Vec<String>,
        #[serde(default)]
        pub patterns: Vec<Spanned<String>>,
        #[serde(default)]
        pub case_sensitive: bool,
        #[serde(default)]
        pub exceptions: Vec<String>,
        /// A word to offer instead of the match (an unsafe fix).
        #[serde(default)]
        pub suggest: Option<String>,
        /// Words that, in the article's first paragraph, show the lede carries what the
        /// headline or dek says ("may spark" over a lede where analysts say it may): a match in
        /// display text is then not reported.
        #[serde(default)]
        pub lede_supports: Vec<String>,
        /// Words or phrases that, anywhere in the story, cover every match: a conviction the
        /// story names ("convicted", "pleaded guilty") covers the label "crook".
        #[serde(default)]
        pub covered_by: Vec<String>,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    if spec.words.is_empty() && spec.patterns.is_empty() {
        compiler.error(
            spec.id.span().into(),
            format!(
                "existence rule `{}` has neither `words` nor `patterns`",
                spec.id.get_ref()
            ),
            "this rule",
        );
        return None;
    }
    let options = LiteralOptions::whole_words(spec.case_sensitive);
    for word in &spec.words {
        compiler
            .matcher
            .add_literal(compiler.rule, 0, word, options);
    }
    let mut ok = true;
    for pattern in &spec.patterns {
        ok &= compiler.add_regex(0, pattern, !spec.case_sensitive);
    }
    let exceptions = Exceptions::new(&spec.exceptions);
    let listed = spec
        .words
        .iter()
        .map(|w| format!("`{w}`"))
        .chain(
            spec.patterns
                .iter()
                .map(|p| format!("pattern `{}`", p.get_ref())),
        )
        .collect();
    let suggest = spec.suggest.clone();
    ok.then(|| {
        Box::new(Existence {
            exceptions,
            lede_supports: spec
                .lede_supports
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            suggest,
            listed,
            covered_by: spec.covered_by.iter().map(|w| w.to_lowercase()).collect(),
        }) as Box<dyn Check>
    })
}

struct Existence {
    exceptions: Exceptions,
    /// Lower-cased words that, in the lede, support display text.
    lede_supports: Vec<String>,
    /// A word to offer instead, as an unsafe fix.
    suggest: Option<String>,
    /// Its words and patterns, for `explain`.
    listed: Vec<String>,
    /// Lower-cased phrases that, anywhere in the story, cover every match.
    covered_by: Vec<String>,
}

impl Existence {
    /// Whether the story says one of the phrases that cover every match.
    fn story_covers(&self, cx: &Context<'_>) -> bool {
        if self.covered_by.is_empty() {
            return false;
        }
        let story = cx.article.contents.to_lowercase();
        self.covered_by.iter().any(|phrase| story.contains(phrase))
    }

    /// Whether the first paragraph has one of the words that support display text.
    fn lede_supports_display(&self, cx: &Context<'_>) -> bool {
        if self.lede_supports.is_empty() {
            return false;
        }
        let article = cx.article;
        let Some(lede) = article
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
        else {
            return false;
        };
        article.words(lede.span).any(|w| {
            self.lede_supports
                .iter()
                .any(|s| s.eq_ignore_ascii_case(article.text(w)))
        })
    }
}

/// Whether a span lies in the headline or the dek.
fn in_display(cx: &Context<'_>, span: Span) -> bool {
    cx.article.block_at(span).is_some_and(|b| {
        matches!(
            cx.article.blocks[b].kind,
            BlockKind::Headline | BlockKind::Dek
        )
    })
}

impl Check for Existence {
    fn details(&self) -> Details {
        Details {
            matches: self.listed.clone(),
            preferred: None,
        }
    }

    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.hits.is_empty() || self.story_covers(cx) {
            return;
        }
        let supported = self.lede_supports_display(cx);
        for hit in self.exceptions.uncovered(cx) {
            if supported && in_display(cx, hit.span) {
                continue;
            }
            let matched = cx.text(hit.span);
            let Some(suggest) = &self.suggest else {
                out.push(cx.diagnostic(hit.span, "", &[("match", matched)]));
                continue;
            };
            let replacement = keep_case(matched, suggest);
            let mut diagnostic = cx.diagnostic(
                hit.span,
                format!("use `{replacement}`"),
                &[("match", matched)],
            );
            diagnostic.fix = Some(Fix::needs_review(hit.span, replacement));
            out.push(diagnostic);
        }
    }
}
