//! Inline suppressions, written as HTML comments in Markdown, HTML and plain text alike:
//!
//! - `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->`: a range (to the end of
//!   the file when never re-enabled);
//! - `<!-- copydesk-disable-next-line RULE -->`: the next line that has text.
//!
//! `RULE` is a rule id, an id prefix or a pack name, several separated by commas or spaces; no
//! rule means every rule. A suppression that suppresses nothing is reported
//! (`suppression.unused`, info), so stale ones do not pile up.

use crate::article::Article;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};
use regex::Regex;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};
use std::sync::LazyLock;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid pattern")
});

/// One suppression comment and what it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The comment itself.
    pub comment: Span,
    /// Rule selectors; empty means every rule.
    pub rules: Vec<String>,
    /// The text it covers.
    pub covers: Span,
}

/// The suppressions of an article.
pub fn parse(source: &str) -> Vec<Suppression> {
    // Most articles have no comment: they do not pay for the pattern.
    if memchr::memmem::find(source.as_bytes(), b"copydesk-").is_none() {
        return Vec::new();
    }
    let mut found: Vec<Suppression> = Vec::new();
    // Open ranges as indices into `found`, in the order opened, and by their selectors; a
    // range closed through one list is skipped when the other reaches it.
    let mut open: Vec<usize> = Vec::new();
    let mut open_by_rules: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    let mut closed: Vec<bool> = Vec::new();
    for captures in COMMENT.captures_iter(source) {
        let (Some(whole), Some(kind)) = (captures.get(0), captures.get(1)) else {
            continue;
        };
        let rules: Vec<String> = captures
            .get(2)
            .map(|m| {
                m.as_str()
                    .split([',', ' ', '\t'])
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let comment = Span::new(whole.start(), whole.end());
        match kind.as_str() {
            "disable-next-line" => {
                let after = &source[comment.end..];
                let line_end = after.find('\n').map_or(after.len(), |i| i + 1);
                let next = &after[line_end..];
                let skipped = next.len() - next.trim_start().len();
                let start = comment.end + line_end + skipped;
                let end = source[start..]
                    .find('\n')
                    .map_or(source.len(), |i| start + i);
                found.push(Suppression {
                    comment,
                    rules,
                    covers: Span::new(start, end),
                });
                closed.push(false);
            }
            "disable" => {
                open.push(found.len());
                open_by_rules
                    .entry(rules.clone())
                    .or_default()
                    .push(found.len());
                found.push(Suppression {
                    comment,
                    rules,
                    covers: Span::new(comment.end, source.len()),
                });
                closed.push(false);
            }
            _ => {
                // Close the latest open range with the same selectors (any, for a bare enable).
                let stack = match rules.is_empty() {
                    true => Some(&mut open),
                    false => open_by_rules.get_mut(&rules),
                };
                let latest = stack.and_then(|stack| {
                    while let Some(index) = stack.pop() {
                        if !closed[index] {
                            return Some(index);
                        }
                    }
                    None
                });
                if let Some(index) = latest {
                    closed[index] = true;
                    found[index].covers.end = comment.start;
                }
            }
        }
    }
    found
}

/// Drops the diagnostics that suppressions cover and reports suppressions that covered none.
/// `selects(selector, rule_id)` says whether a selector names a rule.
/// What suppressions need to know of the loaded rules.
pub trait RuleNames {
    /// Whether selector `entry` (an id, a former id, an id prefix or a pack name) names the
    /// rule `id`.
    fn selects(&self, entry: &str, id: &str) -> bool;
    /// The current id of a rule that `entry` names by a former id.
    fn renamed(&self, entry: &str) -> Option<String>;
}

/// Drops the diagnostics that a suppression covers, and adds a finding for each suppression
/// that covers nothing and each that names a rule by a former id.
pub fn apply(
    articles: &[Article],
    diagnostics: Vec<Diagnostic>,
    rules: &dyn RuleNames,
) -> Vec<Diagnostic> {
    let all: Vec<Vec<Suppression>> = articles.iter().map(|a| parse(&a.contents)).collect();
    let mut used: Vec<Vec<bool>> = all.iter().map(|s| vec![false; s.len()]).collect();
    let covering = covering(&all, &diagnostics, rules);
    let mut kept = Vec::with_capacity(diagnostics.len());
    for (diagnostic, covered_by) in diagnostics.into_iter().zip(covering) {
        match covered_by {
            Some(index) => used[diagnostic.primary.article][index] = true,
            None => kept.push(diagnostic),
        }
    }
    for (article, list) in all.iter().enumerate() {
        for (suppression, was_used) in list.iter().zip(&used[article]) {
            if !was_used {
                kept.push(unused(article, suppression));
            }
            for entry in &suppression.rules {
                if let Some(current) = rules.renamed(entry) {
                    kept.push(renamed(article, suppression, entry, &current));
                }
            }
        }
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}

/// For each diagnostic, the first suppression of its article (in the order written) that
/// covers it and names its rule. The diagnostics of one rule in one article meet the
/// suppressions naming that rule in one sweep by position, keeping those open at each in
/// the order written: a draft of thousands of suppressions and findings costs no more than
/// the sum of the two.
fn covering(
    all: &[Vec<Suppression>],
    diagnostics: &[Diagnostic],
    rules: &dyn RuleNames,
) -> Vec<Option<usize>> {
    let mut groups: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let article = diagnostic.primary.article;
        if all.get(article).is_some_and(|list| !list.is_empty()) {
            groups
                .entry((article, diagnostic.rule.as_str()))
                .or_default()
                .push(index);
        }
    }
    let mut covering = vec![None; diagnostics.len()];
    for ((article, rule), mut members) in groups {
        let list = &all[article];
        let mut naming: Vec<usize> = (0..list.len())
            .filter(|&i| {
                let entries = &list[i].rules;
                entries.is_empty() || entries.iter().any(|entry| rules.selects(entry, rule))
            })
            .collect();
        naming.sort_by_key(|&i| list[i].covers.start);
        members.sort_by_key(|&d| diagnostics[d].primary.span.start);
        let mut next = naming.into_iter().peekable();
        let mut open: BTreeSet<usize> = BTreeSet::new();
        let mut ends: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
        for member in members {
            let span = diagnostics[member].primary.span;
            while let Some(index) = next.next_if(|&i| list[i].covers.start <= span.start) {
                open.insert(index);
                ends.push(Reverse((list[index].covers.end, index)));
            }
            while let Some(index) = ends
                .peek()
                .filter(|Reverse((end, _))| *end < span.start)
                .map(|Reverse((_, index))| *index)
            {
                ends.pop();
                open.remove(&index);
            }
            covering[member] = open
                .iter()
                .copied()
                .find(|&i| list[i].covers.end >= span.end);
        }
    }
    covering
}

fn unused(article: usize, suppression: &Suppression) -> Diagnostic {
    Diagnostic {
        rule: "suppression.unused".to_owned(),
        severity: Severity::Info,
        message: "this suppression suppresses nothing".to_owned(),
        primary: Label {
            article,
            span: suppression.comment,
            message: "unused".to_owned(),
        },
        secondary: Vec::new(),
        rationale: Some(
            "A stale suppression hides nothing today and may hide a real finding tomorrow."
                .to_owned(),
        ),
        notes: Vec::new(),
        help: Some("delete the comment".to_owned()),
        fix: None,
    }
}

fn renamed(article: usize, suppression: &Suppression, old: &str, new: &str) -> Diagnostic {
    Diagnostic {
        rule: "suppression.renamed".to_owned(),
        severity: Severity::Info,
        message: format!("`{old}` is now `{new}`"),
        primary: Label {
            article,
            span: suppression.comment,
            message: "names a former rule id".to_owned(),
        },
        secondary: Vec::new(),
        rationale: Some(
            "A former id still works, but only the current one is certain to keep working."
                .to_owned(),
        ),
        notes: Vec::new(),
        help: Some(format!("write `{new}`")),
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_next_line() {
        let source = "a\n<!-- copydesk-disable-next-line typo.doubled-word -->\n\nthe the\nb\n<!-- copydesk-disable news, core -->\nx\n<!-- copydesk-enable news, core -->\ny\n<!-- copydesk-disable -->\nz\n";
        let found = parse(source);
        assert_eq!(found.len(), 3);
        assert_eq!(&source[found[0].covers.range()], "the the");
        assert_eq!(found[0].rules, ["typo.doubled-word"]);
        assert_eq!(source[found[1].covers.range()].trim(), "x");
        assert_eq!(found[1].rules, ["news", "core"]);
        assert!(found[2].rules.is_empty());
        assert_eq!(found[2].covers.end, source.len());
    }
}
