//! # preferred-term
//!
//! ## What it flags
//! A word or phrase the style guide replaces with another: each pair in `replace` is
//! `["as written", "preferred"]`. Matching is on whole words and ignores ASCII case unless
//! `case-sensitive = true`. A match inside one of the rule's `exceptions` phrases ("tax
//! regime" for a rule on "regime") is not reported.
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
//! The preferred term, written with the case of the original ("E-mail" → "Email").
//!
//! ## Fix safety
//! Safe by default: the replacement keeps the original's capitalisation and is never applied
//! inside a direct quotation. A rule whose replacement needs judgement (loaded wording) sets
//! `fix = "unsafe"`, which shows the suggestion without applying it.

use super::KindInfo;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::rules::matcher::LiteralOptions;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, Details, Exceptions, keep_case};

pub const KIND: KindInfo = KindInfo {
    name: "preferred-term",
    default_scope: super::PROSE,
    placeholders: &["match", "preferred"],
    source: include_str!("preferred_term.rs"),
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
        written: spec.replace.iter().map(|(wrong, _)| wrong.clone()).collect(),
        applicability: spec.fix,
        exceptions: Exceptions::new(&spec.exceptions),
    }))
}

struct PreferredTerm {
    /// The preferred term of each pair, by the pattern number its literal was registered with.
    preferred: Vec<String>,
    /// The form each pair replaces, for `explain`.
    written: Vec<String>,
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
            let replacement = keep_case(matched, &self.preferred[hit.pattern as usize]);
            if replacement == matched {
                continue;
            }
            let mut diagnostic = cx.diagnostic(
                hit.span,
                format!("use `{replacement}`"),
                &[("match", matched), ("preferred", &replacement)],
            );
            diagnostic.fix = Some(Fix {
                applicability: self.applicability,
                edits: vec![Edit {
                    span: hit.span,
                    replacement,
                }],
            });
            out.push(diagnostic);
        }
    }
}
