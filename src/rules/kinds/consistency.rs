//! # consistency
//!
//! ## What it flags
//! Variants of one name or term mixed in one article: neighborhood/neighbourhood,
//! Kataib/Kata’ib, Iran-backed/Iranian-backed, US/U.S. Nothing is reported while an article
//! uses one variant only. Once two appear, the winner is the rule's `preferred` variant, or
//! else the one used first (`policy = "first"`, the default) or most often (`policy =
//! "majority"`, ties going to the first); every other variant is flagged, with a secondary
//! label at the first use of the winner.
//!
//! ## Why
//! A reader who meets two spellings of one militia, or "US" in one paragraph and "U.S." in the
//! next, wonders whether they are the same thing, and whether anyone edited the story.
//!
//! ## Example
//! ```toml
//! [[consistency]]
//! id = "consistency.iran-backed"
//! message = "`{match}` here, but `{preferred}` elsewhere in this article"
//! variants = ["Iran-backed", "Iranian-backed"]
//! preferred = "Iran-backed"
//! rationale = "One form per story."
//! must-fire = ["Iran-backed groups met. The Iranian-backed group left."]
//! must-not-fire = ["Iran-backed groups met. The Iran-backed group left."]
//! ```
//!
//! ## Instead
//! The winning variant everywhere, outside direct quotations (which stay verbatim).
//!
//! ## Fix safety
//! Safe: the variants of a group name the same thing by definition of the group, and the
//! replacement keeps the original's capitalisation.

use super::KindInfo;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::matcher::{Hit, LiteralOptions};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, keep_case};
use serde::Deserialize;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "consistency",
    default_scope: super::PROSE,
    placeholders: &["match", "preferred"],
    source: include_str!("consistency.rs"),
};

/// How the winning variant is chosen when the rule names no `preferred` one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// The variant used first.
    #[default]
    First,
    /// The variant used most often; on a tie, the one used first.
    Majority,
}

crate::rule_spec! {
    pub struct Spec {
        pub variants: Vec<String>,
        #[serde(default)]
        pub preferred: Option<Spanned<String>>,
        #[serde(default)]
        pub policy: Policy,
        #[serde(default)]
        pub case_sensitive: bool,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let id_span = spec.id.span().into();
    if spec.variants.len() < 2 {
        compiler.error(
            id_span,
            "a consistency rule needs at least two `variants`",
            "this rule",
        );
        return None;
    }
    if !spec.case_sensitive {
        for (i, a) in spec.variants.iter().enumerate() {
            if spec.variants[..i].iter().any(|b| b.eq_ignore_ascii_case(a)) {
                compiler.error(
                    id_span,
                    format!("variants differ only by case (`{a}`); set `case-sensitive = true`"),
                    "this rule",
                );
                return None;
            }
        }
    }
    let preferred = match &spec.preferred {
        Some(p) => match spec.variants.iter().position(|v| v == p.get_ref()) {
            Some(index) => Some(index as u32),
            None => {
                compiler.error(
                    p.span().into(),
                    "`preferred` must be one of the `variants`",
                    "not a variant",
                );
                return None;
            }
        },
        None => None,
    };
    let options = LiteralOptions::whole_words(spec.case_sensitive);
    for (index, variant) in spec.variants.iter().enumerate() {
        compiler
            .matcher
            .add_literal(compiler.rule, index as u32, variant, options);
    }
    Some(Box::new(Consistency {
        variants: spec.variants.clone(),
        preferred,
        policy: spec.policy,
    }))
}

struct Consistency {
    variants: Vec<String>,
    preferred: Option<u32>,
    policy: Policy,
}

impl Consistency {
    /// The winning variant among `hits` (sorted by position, not empty).
    fn winner(&self, hits: &[Hit]) -> u32 {
        if let Some(preferred) = self.preferred {
            return preferred;
        }
        let first = hits[0].pattern;
        match self.policy {
            Policy::First => first,
            Policy::Majority => {
                let count = |pattern: u32| hits.iter().filter(|h| h.pattern == pattern).count();
                // Earlier variants win ties: scan in order of first use, keep strictly larger.
                let mut best = (first, count(first));
                for hit in hits {
                    let n = count(hit.pattern);
                    if n > best.1 {
                        best = (hit.pattern, n);
                    }
                }
                best.0
            }
        }
    }
}

impl Check for Consistency {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(first) = cx.hits.first() else { return };
        if cx.hits.iter().all(|h| h.pattern == first.pattern) {
            return;
        }
        let winner = self.winner(cx.hits);
        let winner_text = &self.variants[winner as usize];
        let first_winner = cx.hits.iter().find(|h| h.pattern == winner);
        for hit in cx.hits.iter().filter(|h| h.pattern != winner) {
            let matched = cx.text(hit.span);
            let replacement = keep_case(matched, winner_text);
            let mut diagnostic = cx.diagnostic(
                hit.span,
                format!("`{matched}`"),
                &[("match", matched), ("preferred", winner_text)],
            );
            if let Some(first_winner) = first_winner {
                let why = if self.preferred.is_some() {
                    format!("house style `{winner_text}` is used here")
                } else {
                    format!("first written `{}` here", cx.text(first_winner.span))
                };
                diagnostic.secondary.push(cx.label(first_winner.span, why));
            }
            diagnostic.fix = Some(Fix::safe(hit.span, replacement));
            out.push(diagnostic);
        }
    }
}
