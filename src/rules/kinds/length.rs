//! # length
//!
//! ## What it flags
//! A block (`per = "block"`, the default) or a sentence (`per = "sentence"`) of the rule's scope
//! that is longer than `max-words` words or `max-chars` characters. The label covers the part
//! past the limit. A "sentence" of five or more parenthesised items is a list run together (a
//! squad, a results table), not a sentence, and is not measured.
//!
//! ## Why
//! Headlines are cut off in search results and on phones past about 70 characters; long
//! sentences and paragraphs lose readers. Desks set their own limits per block kind.
//!
//! ## Example
//! ```toml
//! [[length]]
//! id = "length.headline"
//! message = "headline is {count} {unit} long; the limit is {limit}"
//! scope = ["headline"]
//! max-words = 14
//! rationale = "Long headlines are truncated on mobile and in search."
//! must-fire = ["One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"]
//! must-not-fire = ["Mayor opens bridge"]
//! ```
//!
//! ## Instead
//! Cut the block or split the sentence.
//!
//! ## Fix safety
//! No fix: shortening copy is writing.

use super::KindInfo;
use crate::diagnostic::Diagnostic;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use serde::Deserialize;

pub const KIND: KindInfo = KindInfo {
    name: "length",
    default_scope: &[crate::article::BlockKind::Headline],
    placeholders: &["count", "limit", "unit", "block"],
    rust_file: include_str!("length.rs"),
};

/// What a length limit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    #[default]
    Block,
    Sentence,
}

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub max_words: Option<usize>,
        #[serde(default)]
        pub max_chars: Option<usize>,
        #[serde(default)]
        pub per: Per,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let limit = match (spec.max_words, spec.max_chars) {
        (Some(words), None) => Limit::Words(words),
        (None, Some(chars)) => Limit::Chars(chars),
        _ => {
            compiler.error(
                spec.id.span().into(),
                "a length rule sets exactly one of `max-words` and `max-chars`",
                "this rule",
            );
            return None;
        }
    };
    Some(Box::new(Length {
        limit,
        per: spec.per,
    }))
}

#[derive(Clone, Copy)]
enum Limit {
    Words(usize),
    Chars(usize),
}

struct Length {
    limit: Limit,
    per: Per,
}

impl Length {
    /// The part of `unit` past the limit and the unit's size, when it is over.
    fn overflow(&self, cx: &Context<'_>, unit: Span) -> Option<(Span, usize)> {
        match self.limit {
            Limit::Words(max) => {
                let mut words = cx.article.words(unit);
                let first_over = words.nth(max)?;
                let count = max + 1 + words.count();
                Some((Span::new(first_over.start, unit.end), count))
            }
            Limit::Chars(max) => {
                let text = cx.text(unit);
                let (at, _) = text.char_indices().nth(max)?;
                Some((Span::new(unit.start + at, unit.end), text.chars().count()))
            }
        }
    }
}

impl Check for Length {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (unit_name, limit) = match self.limit {
            Limit::Words(max) => ("words", max),
            Limit::Chars(max) => ("characters", max),
        };
        for (_, block) in cx.blocks() {
            let units: Vec<Span> = match self.per {
                Per::Block => vec![block.span],
                Per::Sentence => cx.article.sentences(block).collect(),
            };
            for unit in units {
                if self.per == Per::Sentence && is_list(cx.text(unit)) {
                    continue;
                }
                let Some((over, count)) = self.overflow(cx, unit) else {
                    continue;
                };
                let count = count.to_string();
                let limit = limit.to_string();
                out.push(cx.diagnostic(
                    over,
                    format!("past the limit of {limit} {unit_name}"),
                    &[
                        ("count", &count),
                        ("limit", &limit),
                        ("unit", unit_name),
                        ("block", block.kind.name()),
                    ],
                ));
            }
        }
    }
}

/// Whether a "sentence" is a list run together: five or more parenthesised items ("Hugo
/// Southwell (Edinburgh), Simon Webster (Edinburgh) …", a squad or a results table).
fn is_list(text: &str) -> bool {
    text.matches('(').count() >= 5
}
