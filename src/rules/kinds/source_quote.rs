//! # source-quote
//!
//! ## What it flags
//! A direct quotation in a draft checked against sources (`copydesk check DRAFT --source
//! ORIGINAL`, or `sources` in Markdown front matter) that does not appear in any source word
//! for word. Words are compared ignoring case and punctuation, so quotation marks, dashes, white
//! space and the case of the first letter may differ. With `report = "misquote"` a quotation
//! close to a source passage is flagged, with that passage as a secondary label in the source
//! and the words added, dropped or changed in a note; with `report = "not-found"`, a quotation
//! with nothing close in any source (fewer than `min-share` of its word pairs, default 0.3, in
//! one place). Quotations shorter than `min-words` (default 1) are not checked. Without sources
//! the rule does nothing.
//!
//! ## Why
//! A quotation promises the reader these are the speaker's exact words. Rewrites drift: a
//! statement gets words it never had, a phrase is trimmed (AP Stylebook, "quotations in the
//! news": never alter quotations).
//!
//! ## Example
//! ```toml
//! [[source-quote]]
//! id = "grounding.misquote"
//! severity = "error"
//! message = "this quotation does not match its source"
//! report = "misquote"
//! rationale = "Quotations are verbatim."
//! must-fire = ["x"]
//! must-not-fire = ["“A quotation with no sources to check is left alone,” she said."]
//! ```
//!
//! ## Instead
//! Quote the source exactly, or paraphrase without quotation marks.
//!
//! ## Fix safety
//! No fix: which words the speaker said is a fact to check, not to guess.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::Diagnostic;
use crate::grounding::{Change, QuoteMatch, words_in};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use serde::Deserialize;

pub const KIND: KindInfo = KindInfo {
    name: "source-quote",
    default_scope: &[BlockKind::Dek, BlockKind::Paragraph, BlockKind::Caption],
    placeholders: &["match"],
    rust_file: include_str!("source_quote.rs"),
};

/// Which outcome a rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    Misquote,
    NotFound,
}

crate::rule_spec! {
    pub struct Spec {
        pub report: Report,
        #[serde(default = "default_min_share")]
        pub min_share: f64,
        #[serde(default = "default_min_words")]
        pub min_words: usize,
    }
}

fn default_min_share() -> f64 {
    0.3
}

fn default_min_words() -> usize {
    1
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    if !(0.0..=1.0).contains(&spec.min_share) {
        compiler.error(
            spec.id.span().into(),
            "`min-share` is a fraction between 0 and 1",
            "this rule",
        );
        return None;
    }
    Some(Box::new(SourceQuote {
        report: spec.report,
        min_share: spec.min_share,
        min_words: spec.min_words,
    }))
}

struct SourceQuote {
    report: Report,
    min_share: f64,
    min_words: usize,
}

fn describe(change: &Change) -> String {
    match change {
        Change::Added(words) => format!("added: “{words}”"),
        Change::Dropped(words) => format!("dropped: “{words}”"),
        Change::Changed { from, to } => format!("changed: “{from}” → “{to}”"),
    }
}

impl Check for SourceQuote {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(sources) = cx.sources.filter(|_| !cx.source_docs.is_empty()) else {
            return;
        };
        for quote in &cx.article.quotes {
            if quote.nickname || !cx.rule.scope.contains(cx.article.blocks[quote.block].kind) {
                continue;
            }
            let words = words_in(cx.article, quote.span);
            if words.len() < self.min_words.max(1) {
                continue;
            }
            let matched = cx.text(quote.span);
            match (
                sources.find_quote(cx.source_docs, &words, self.min_share),
                self.report,
            ) {
                (QuoteMatch::Close { doc, span, changes }, Report::Misquote) => {
                    let mut diagnostic = cx.diagnostic(
                        quote.span,
                        "not in the source as quoted",
                        &[("match", matched)],
                    );
                    diagnostic.secondary.push(cx.source_label(
                        doc,
                        span,
                        "the closest passage in the source",
                    ));
                    diagnostic.notes.extend(changes.iter().map(describe));
                    out.push(diagnostic);
                }
                (QuoteMatch::NotFound, Report::NotFound) => {
                    out.push(cx.diagnostic(quote.span, "in no source", &[("match", matched)]));
                }
                _ => {}
            }
        }
    }
}
