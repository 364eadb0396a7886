//! # attribution
//!
//! ## What it flags
//! A trigger with no supporting phrase near it: a check-worthy claim ("No civilian casualties
//! were reported", "killed three soldiers", "the largest ever") with no attribution cue ("said",
//! "according to", "in a statement"), or an anonymous source ("officials said", "a person
//! familiar with the matter") with no reason for the anonymity ("who were not authorized to
//! speak publicly"). Triggers come from `triggers` (whole words and phrases) and
//! `trigger-patterns` (regexes); support from `support` and `support-patterns`. Support counts
//! when it stands in the same unit as the trigger: `within = "sentence"`, `"paragraph"` (the
//! default) or `"article"`. Text inside direct quotations is neither a trigger nor support.
//!
//! ## Why
//! Readers trust a figure or an absolute claim as far as they know who vouches for it; a source
//! kept anonymous owes the reader the reason (AP Stylebook, "anonymous sources"; Reuters
//! Handbook, "sourcing").
//!
//! ## Example
//! ```toml
//! [[attribution]]
//! id = "news.unsupported-claim"
//! message = "`{match}` is not attributed to anyone"
//! trigger-patterns = ['\bno (?:\w+ )?casualties were reported\b']
//! support = ["said", "according to"]
//! rationale = "Say who reports it."
//! must-fire = ["No casualties were reported."]
//! must-not-fire = ["No casualties were reported, police said."]
//! ```
//!
//! ## Instead
//! Name who says so in the same sentence or paragraph, or, for an anonymous source, say why
//! the source was granted anonymity.
//!
//! ## Fix safety
//! No fix: only the reporter knows the source.

use super::KindInfo;
use crate::diagnostic::Diagnostic;
use crate::rules::matcher::LiteralOptions;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use serde::Deserialize;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "attribution",
    default_scope: &[
        crate::article::BlockKind::Dek,
        crate::article::BlockKind::Paragraph,
    ],
    placeholders: &["match", "within"],
    rust_file: include_str!("attribution.rs"),
};

/// The unit in which support must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Within {
    Sentence,
    #[default]
    Paragraph,
    Article,
}

impl Within {
    fn name(self) -> &'static str {
        match self {
            Within::Sentence => "sentence",
            Within::Paragraph => "paragraph",
            Within::Article => "article",
        }
    }
}

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub triggers: Vec<String>,
        #[serde(default)]
        pub trigger_patterns: Vec<Spanned<String>>,
        #[serde(default)]
        pub support: Vec<String>,
        #[serde(default)]
        pub support_patterns: Vec<Spanned<String>>,
        #[serde(default)]
        pub within: Within,
    }
}

/// Pattern numbers: what a hit is.
const TRIGGER: u32 = 0;
const SUPPORT: u32 = 1;

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let id_span = spec.id.span().into();
    if spec.triggers.is_empty() && spec.trigger_patterns.is_empty() {
        compiler.error(
            id_span,
            "an attribution rule needs `triggers` or `trigger-patterns`",
            "this rule",
        );
        return None;
    }
    if spec.support.is_empty() && spec.support_patterns.is_empty() {
        compiler.error(
            id_span,
            "an attribution rule needs `support` or `support-patterns`",
            "this rule",
        );
        return None;
    }
    let options = LiteralOptions::whole_words(false);
    for (pattern, words) in [(TRIGGER, &spec.triggers), (SUPPORT, &spec.support)] {
        for word in words {
            compiler
                .matcher
                .add_literal(compiler.rule, pattern, word, options);
        }
    }
    let mut ok = true;
    for (pattern, regexes) in [
        (TRIGGER, &spec.trigger_patterns),
        (SUPPORT, &spec.support_patterns),
    ] {
        for regex in regexes {
            ok &= compiler.add_regex(pattern, regex, true);
        }
    }
    ok.then(|| {
        Box::new(Attribution {
            within: spec.within,
        }) as Box<dyn Check>
    })
}

struct Attribution {
    within: Within,
}

impl Attribution {
    /// The unit (sentence, block or whole article) that holds `span`.
    fn unit(&self, cx: &Context<'_>, span: Span) -> Option<Span> {
        let block = &cx.article.blocks[cx.article.block_at(span)?];
        match self.within {
            Within::Article => Some(Span::new(0, cx.article.contents.len())),
            Within::Paragraph => Some(block.span),
            Within::Sentence => cx
                .article
                .sentence_at(span)
                .filter(|sentence| block.span.contains(*sentence)),
        }
    }
}

impl Check for Attribution {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Hits are sorted and apart, so the supports are too: the first one starting in a unit
        // is the one that may end in it.
        let support: Vec<Span> = cx
            .hits
            .iter()
            .filter(|h| h.pattern == SUPPORT)
            .map(|h| h.span)
            .collect();
        for trigger in cx.hits.iter().filter(|h| h.pattern == TRIGGER) {
            let Some(unit) = self.unit(cx, trigger.span) else {
                continue;
            };
            let first_in_unit = support.partition_point(|s| s.start < unit.start);
            if support
                .get(first_in_unit)
                .is_some_and(|s| unit.contains(*s))
            {
                continue;
            }
            let matched = cx.text(trigger.span);
            out.push(cx.diagnostic(
                trigger.span,
                format!("nothing in this {} supports it", self.within.name()),
                &[("match", matched), ("within", self.within.name())],
            ));
        }
    }
}
