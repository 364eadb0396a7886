//! Running rules over articles: one scan of the combined matcher per article, then every rule's
//! check; articles in parallel.

use crate::article::Article;
use crate::diagnostic::Diagnostic;
use crate::rules::matcher::{Hit, leftmost_longest};
use crate::rules::{Context, RuleMeta, RuleSet};
use rayon::prelude::*;

/// Checks every article in parallel; diagnostics come back sorted.
pub fn check_all(rules: &RuleSet, articles: &[Article]) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, article)| check_article(rules, article, index, None))
        .collect();
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// Checks one article with every rule, or with rule `only`; diagnostics come back sorted.
pub fn check_article(
    rules: &RuleSet,
    article: &Article,
    article_index: usize,
    only: Option<usize>,
) -> Vec<Diagnostic> {
    let scanned = rules.matcher.scan(&article.source);
    let mut out = Vec::new();
    let mut rest = &scanned[..];
    for (rule_index, rule) in rules.rules.iter().enumerate() {
        let count = rest.iter().take_while(|(r, _)| *r == rule_index).count();
        let (own, after) = rest.split_at(count);
        rest = after;
        let wanted = match only {
            Some(only) => only == rule_index,
            None => rules.enabled[rule_index],
        };
        if !wanted {
            continue;
        }
        let hits = leftmost_longest(
            own.iter()
                .map(|(_, hit)| *hit)
                .filter(|hit| readable(article, &rule.meta, hit)),
        );
        let cx = Context {
            article,
            article_index,
            rule: &rule.meta,
            hits: &hits,
        };
        rule.check.check_article(&cx, &mut out);
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    merge_same_findings(out)
}

/// One finding per problem: when two rules flag the same span with the same fix (a
/// consistency group and the spelling system both catching "neighbourhood"), the first in
/// sort order is kept and names the others.
fn merge_same_findings(sorted: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<Diagnostic> = Vec::with_capacity(sorted.len());
    for diagnostic in sorted {
        if let Some(kept) = merged.last_mut() {
            let same = kept.primary.span == diagnostic.primary.span
                && kept.fix.is_some()
                && kept.fix.as_ref().map(|f| &f.edits) == diagnostic.fix.as_ref().map(|f| &f.edits);
            if same {
                kept.notes
                    .push(format!("also reported by `{}`", diagnostic.rule));
                continue;
            }
        }
        merged.push(diagnostic);
    }
    merged
}

/// Whether a rule may see a match: inside one block of its scope, outside quotations (unless it
/// opts in) and off markup.
fn readable(article: &Article, rule: &RuleMeta, hit: &Hit) -> bool {
    let Some(block) = article.block_at(hit.span) else {
        return false;
    };
    rule.scope.contains(article.blocks[block].kind)
        && (rule.in_quotes || !article.in_quote(hit.span))
        && !article.touches_markup(block, hit.span)
}
