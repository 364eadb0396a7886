//! # repetition
//!
//! ## What it flags
//! A word written twice in a row with only white space between ("the the", "in\nin"), in any
//! case. Words in the rule's `allow` list may double ("had had", "that that"). Never flagged:
//! words with digits (tennis scores: "6-4 6-4") and a second copy that starts with a capital,
//! which is how names and titles double on purpose ("Duran Duran", "Bafana Bafana").
//!
//! ## Why
//! A doubled word is almost always a slip of an edit, and the eye skips over it in proof.
//!
//! ## Example
//! ```toml
//! [[repetition]]
//! id = "typo.doubled-word"
//! message = "`{match}` is written twice"
//! allow = ["had", "that"]
//! rationale = "A doubled word is a typing slip."
//! must-fire = ["The mayor said the the bridge was open."]
//! must-not-fire = ["The mayor said that that bridge had had repairs."]
//! ```
//!
//! ## Instead
//! One copy of the word.
//!
//! ## Fix safety
//! Safe: the fix deletes the second copy and the space before it.

use super::KindInfo;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;

pub const KIND: KindInfo = KindInfo {
    name: "repetition",
    default_scope: super::PROSE,
    placeholders: &["match"],
    source: include_str!("repetition.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub allow: Vec<String>,
    }
}

pub fn compile(spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(Repetition {
        allow: spec.allow.iter().map(|w| w.to_lowercase()).collect(),
    }))
}

struct Repetition {
    /// Lower-cased words that may be doubled.
    allow: Vec<String>,
}

impl Check for Repetition {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (index, block) in cx.blocks() {
            let mut previous: Option<Span> = None;
            for word in cx.article.words(block.span) {
                if let Some(before) = previous.replace(word) {
                    let gap = &cx.article.source[before.end..word.start];
                    let first = cx.text(before);
                    let second = cx.text(word);
                    let doubled = same_word(first, second)
                        && !gap.is_empty()
                        && gap.chars().all(char::is_whitespace)
                        && !first.chars().any(|c| c.is_ascii_digit())
                        && !second.chars().next().is_some_and(char::is_uppercase)
                        && !self.allow.contains(&first.to_lowercase());
                    let pair = Span::new(before.start, word.end);
                    if doubled && cx.may_report(index, pair) {
                        let mut diagnostic =
                            cx.diagnostic(pair, "doubled word", &[("match", first)]);
                        diagnostic.fix = Some(Fix::safe(Span::new(before.end, word.end), ""));
                        out.push(diagnostic);
                    }
                }
            }
        }
    }
}

/// Case-insensitive equality, without allocating for ASCII words.
fn same_word(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        true
    } else if a.is_ascii() && b.is_ascii() {
        false
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}
