//! # consistency
//!
//! ## What it flags
//! Variants of one name or term mixed in one article: neighborhood/neighbourhood,
//! Kataib/Kata’ib, Iran-backed/Iranian-backed, US/U.S. Nothing is reported while an article
//! uses one variant only. Once two appear, the winner is the rule's `preferred` variant, or
//! else the one used first (`policy = "first"`, the default) or most often (`policy =
//! "majority"`, ties going to the first); every other variant is flagged, with a secondary
//! label at the first use of the winner. A variant inside one of the rule's `exceptions`
//! phrases is a name's own form ("T-Mobile US Inc") and is neither counted nor reported.
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
use crate::diagnostic::Diagnostic;
use crate::rules::forms::{self, Evidence, Policy, Verdict};
use crate::rules::matcher::LiteralOptions;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, CorpusCheck, Details, Exceptions, Occurrence, RuleMeta};
use crate::span::Span;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "consistency",
    default_scope: super::PROSE,
    placeholders: &["match", "preferred"],
    rust_file: include_str!("consistency.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        pub variants: Vec<String>,
        #[serde(default)]
        pub preferred: Option<Spanned<String>>,
        #[serde(default)]
        pub policy: Policy,
        #[serde(default)]
        pub case_sensitive: bool,
        /// Phrases inside which a variant is a name's, not the story's choice ("US Inc").
        #[serde(default)]
        pub exceptions: Vec<String>,
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
    // The configuration's `[style] preferred` outranks the pack.
    let preferred = match compiler.style.preferred.get(spec.id.get_ref()) {
        Some(house) => match spec.variants.iter().position(|v| v == house) {
            Some(index) => Some(index as u32),
            None => {
                let message = format!(
                    "the configuration prefers `{house}` for `{}`, which is not one of its `variants` ({})",
                    spec.id.get_ref(),
                    spec.variants.join(", ")
                );
                compiler.style_error(spec.id.span().into(), message);
                return None;
            }
        },
        None => preferred,
    };
    let options = LiteralOptions::whole_words(spec.case_sensitive);
    for (index, variant) in spec.variants.iter().enumerate() {
        compiler
            .matcher
            .add_literal(compiler.rule, index as u32, variant, options);
    }
    Some(Box::new(Consistency {
        variants: spec.variants.clone(),
        case_sensitive: spec.case_sensitive,
        preferred,
        policy: spec.policy,
        exceptions: Exceptions::new(&spec.exceptions),
    }))
}

struct Consistency {
    variants: Vec<String>,
    case_sensitive: bool,
    preferred: Option<u32>,
    policy: Policy,
    exceptions: Exceptions,
}

impl CorpusCheck for Consistency {
    fn collect(&self, cx: &Context<'_>) -> Vec<Occurrence> {
        // Where every letter is a capital ("ALERT US TO WRONGDOING"), case tells nothing: a
        // rule that tells variants apart by case (US, U.S.) does not read such a block. Each
        // block is read once for this, however many hits it holds.
        let mut shouted_block: Option<(usize, bool)> = None;
        let mut shouted = |span: Span| {
            let Some(block) = cx.article.block_at(span).filter(|_| self.case_sensitive) else {
                return false;
            };
            match shouted_block {
                Some((known, shouted)) if known == block => shouted,
                _ => {
                    let text = cx.text(cx.article.blocks[block].span);
                    let shouted = !text.chars().any(char::is_lowercase);
                    shouted_block = Some((block, shouted));
                    shouted
                }
            }
        };
        self.exceptions
            .uncovered(cx)
            .into_iter()
            .filter(|hit| !shouted(hit.span))
            .map(|hit| Occurrence {
                article: cx.article_index,
                span: hit.span,
                group: String::new(),
                form: self.variants[hit.pattern as usize].clone(),
                written: cx.text(hit.span).to_owned(),
                quoted: false,
                capital_opens_sentence: false,
                name: false,
            })
            .collect()
    }

    fn verdicts(&self, rule: &RuleMeta, evidence: &[Evidence]) -> Vec<Verdict> {
        let preferred = self.preferred.map(|p| self.variants[p as usize].as_str());
        evidence
            .iter()
            .filter_map(|e| forms::verdict(rule, e, self.policy, preferred))
            .collect()
    }
}

impl Check for Consistency {
    fn details(&self) -> Details {
        let preferred = self.preferred.map(|i| self.variants[i as usize].clone());
        Details {
            matches: vec![format!(
                "one of {}",
                self.variants
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )],
            preferred: Some(preferred.unwrap_or_else(|| match self.policy {
                Policy::First => "the form used first".to_owned(),
                Policy::Majority => "the form used most".to_owned(),
            })),
        }
    }

    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        forms::judge(cx.rule, self, &self.collect(cx), out);
    }

    fn house_form(&self) -> Option<&str> {
        self.preferred.map(|p| self.variants[p as usize].as_str())
    }

    fn corpus(&self) -> Option<&dyn CorpusCheck> {
        Some(self)
    }
}
