//! # preferred-term
//!
//! ## What it flags
//! A word or phrase the style guide replaces with another: each pair in `replace` is
//! `["as written", "preferred"]`. Matching is on whole words and ignores ASCII case unless
//! `case-sensitive = true`. A match inside one of the rule's `exceptions` phrases ("tax
//! regime" for a rule on "regime") is not reported.
//!
//! A pair that changes case alone (`["city council", "City Council"]`, `["Web", "web"]`) flags
//! every match not written as preferred, except a capital the text needs: the first letter of
//! a sentence or of a word in a heading in title case, and text set in capitals. A pair whose
//! two forms are the same is an error.
//!
//! ## Why
//! House style keeps copy consistent and readable across writers and desks: one spelling of
//! "email", "cease-fire" or "militant group", whoever filed.
//!
//! ## Example
//! ```toml
//! [[preferred-term]]
//! id = "style.email"
//! message = "write `{preferred}`, not `{match}`"
//! replace = [["e-mail", "email"]]
//! rationale = "AP Stylebook: email, no hyphen."
//! must-fire = ["Send an e-mail to the desk."]
//! must-not-fire = ["Send an email to the desk."]
//! ```
//!
//! ## Instead
//! The preferred term, written with the case of the original ("E-mail" → "Email"); for a pair
//! that changes case alone, as the pair writes it (capitalised where the text needs it).
//!
//! ## Fix safety
//! Safe by default: the replacement keeps the original's capitalisation and is never applied
//! inside a direct quotation. A rule whose replacement needs judgement (loaded wording) sets
//! `fix = "unsafe"`, which shows the suggestion without applying it.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::rules::matcher::LiteralOptions;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, Details, Exceptions, keep_case};
use crate::span::Span;

pub const KIND: KindInfo = KindInfo {
    name: "preferred-term",
    default_scope: super::PROSE,
    placeholders: &["match", "preferred"],
    rust_file: include_str!("preferred_term.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        pub replace: Vec<(String, String)>,
        #[serde(default)]
        pub case_sensitive: bool,
        #[serde(default = "safe")]
        pub fix: Applicability,
        #[serde(default)]
        pub exceptions: Vec<String>,
    }
}

fn safe() -> Applicability {
    Applicability::Safe
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    if spec.replace.is_empty() {
        compiler.error(
            spec.id.span().into(),
            format!(
                "preferred-term rule `{}` has an empty `replace` list",
                spec.id.get_ref()
            ),
            "this rule",
        );
        return None;
    }
    for (wrong, preferred) in spec.replace.iter().filter(|(w, p)| w == p) {
        compiler.error(
            spec.id.span().into(),
            format!(
                "preferred-term rule `{}` replaces `{wrong}` with `{preferred}`, the same text: the pair can never fire",
                spec.id.get_ref()
            ),
            "this rule",
        );
    }
    let options = LiteralOptions::whole_words(spec.case_sensitive);
    for (index, (wrong, _)) in spec.replace.iter().enumerate() {
        let index = u32::try_from(index).ok()?;
        compiler
            .matcher
            .add_literal(compiler.rule, index, wrong, options);
    }
    Some(Box::new(PreferredTerm {
        preferred: spec
            .replace
            .iter()
            .map(|(_, right)| right.clone())
            .collect(),
        written: spec
            .replace
            .iter()
            .map(|(wrong, _)| wrong.clone())
            .collect(),
        case_only: spec
            .replace
            .iter()
            .map(|(wrong, preferred)| wrong.to_lowercase() == preferred.to_lowercase())
            .collect(),
        applicability: spec.fix,
        exceptions: Exceptions::new(&spec.exceptions),
    }))
}

struct PreferredTerm {
    /// The preferred term of each pair, by the pattern number its literal was registered with.
    preferred: Vec<String>,
    /// The form each pair replaces, for `explain`.
    written: Vec<String>,
    /// For each pair, whether it changes case alone: then case is the rule's point, and the
    /// preferred form is written as the pair has it rather than in the case of the match.
    case_only: Vec<bool>,
    applicability: Applicability,
    exceptions: Exceptions,
}

impl Check for PreferredTerm {
    fn details(&self) -> Details {
        let pairs = self.written.iter().zip(&self.preferred);
        Details {
            matches: pairs.map(|(w, p)| format!("`{w}` → `{p}`")).collect(),
            preferred: (self.preferred.len() == 1).then(|| self.preferred[0].clone()),
        }
    }

    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for hit in self.exceptions.uncovered(cx) {
            let matched = cx.text(hit.span);
            let pattern = hit.pattern as usize;
            let replacement = if self.case_only[pattern] {
                house_case(cx, hit.span, &self.preferred[pattern])
            } else {
                keep_case(matched, &self.preferred[pattern])
            };
            if replacement == matched {
                continue;
            }
            let mut diagnostic = cx.diagnostic(
                hit.span,
                format!("use `{replacement}`"),
                &[("match", matched), ("preferred", &replacement)],
            );
            diagnostic.fix = Some(Fix::one(self.applicability, hit.span, replacement));
            out.push(diagnostic);
        }
    }
}

/// The preferred form of a pair that changes case alone, for the match at `span`: as the pair
/// writes it, but in capitals in text set in capitals (a heading in capitals), and with a
/// capital first letter where the match has one the text needs — at the start of a sentence,
/// or in a heading in title case.
fn house_case(cx: &Context<'_>, span: Span, preferred: &str) -> String {
    let matched = cx.text(span);
    let mut letters = matched.chars().filter(|c| c.is_alphabetic());
    if letters.clone().nth(1).is_some() && letters.all(char::is_uppercase) {
        return preferred.to_uppercase();
    }
    let capital_needed = matched.starts_with(char::is_uppercase)
        && preferred.starts_with(char::is_lowercase)
        && cx.article.block_at(span).is_some_and(|index| {
            let block = &cx.article.blocks[index];
            let heading = matches!(
                block.kind,
                BlockKind::Headline | BlockKind::Dek | BlockKind::Subhead
            );
            (heading && in_title_case(cx, block.span, span))
                || cx.article.sentences(block).any(|sentence| {
                    sentence.start <= span.start
                        && !cx
                            .text(Span::new(sentence.start, span.start))
                            .contains(char::is_alphanumeric)
                })
        });
    if capital_needed {
        keep_case(matched, preferred)
    } else {
        preferred.to_owned()
    }
}

/// Whether a heading is in title case, its words but the one at `except` telling: more of the
/// words after its first are capitalised than not, words title case leaves in lower case and
/// words in capitals aside.
fn in_title_case(cx: &Context<'_>, heading: Span, except: Span) -> bool {
    let (mut capitalised, mut lower) = (0usize, 0usize);
    for word in cx.article.words(heading).skip(1).filter(|&w| w != except) {
        let text = cx.text(word);
        let in_capitals = !text.contains(char::is_lowercase);
        if in_capitals || super::TITLE_CASE_LOWER.contains(&text.to_lowercase().as_str()) {
            continue;
        }
        if text.starts_with(char::is_uppercase) {
            capitalised += 1;
        } else {
            lower += 1;
        }
    }
    capitalised > lower
}
