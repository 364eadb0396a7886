//! Running every rule's own examples: each `must-fire` text must make the rule report, each
//! `must-not-fire` text must not.
//!
//! A one-line example is checked as a single block of the rule's first scope kind (a headline
//! rule's example is a headline); an example with line breaks is read as a whole plain-text
//! article.

use super::{Example, RuleSet};
use crate::article::{Article, BlockKind, Format};
use crate::engine::check_article;

/// An example that did not behave.
#[derive(Debug)]
pub struct ExampleFailure<'a> {
    pub rule: &'a str,
    pub pack: usize,
    pub example: &'a Example,
    /// `true` for a `must-fire` example that stayed quiet.
    pub should_fire: bool,
    /// What the rule reported on a `must-not-fire` example.
    pub reported: Vec<String>,
}

/// Every failing example of every rule in `set`.
pub fn failures(set: &RuleSet) -> Vec<ExampleFailure<'_>> {
    let mut failures = Vec::new();
    for (index, rule) in set.rules.iter().enumerate() {
        let meta = &rule.meta;
        let kind = meta.scope.kinds().next().unwrap_or(BlockKind::Paragraph);
        let cases = meta
            .must_fire
            .iter()
            .map(|e| (e, true))
            .chain(meta.must_not_fire.iter().map(|e| (e, false)));
        for (example, should_fire) in cases {
            let article = if example.text.trim().contains('\n') {
                Article::parse("example", example.text.clone(), Format::Plain)
            } else {
                Article::single_block("example", example.text.clone(), kind)
            };
            let reported: Vec<String> = check_article(set, &article, 0, Some(index))
                .into_iter()
                .map(|d| format!("{} (at `{}`)", d.message, article.text(d.primary.span)))
                .collect();
            if reported.is_empty() == should_fire {
                failures.push(ExampleFailure {
                    rule: &meta.id,
                    pack: meta.origin.pack,
                    example,
                    should_fire,
                    reported,
                });
            }
        }
    }
    failures
}
