//! `check --statistics`: how often each rule fired, absolutely and per 1,000 words checked —
//! the figure that says whether a rule is quiet enough for edited copy.

use super::Report;
use crate::article::text;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(report: &Report<'_>) -> String {
    let words: usize = report
        .articles
        .iter()
        .flat_map(|a| {
            a.blocks
                .iter()
                .map(move |b| text::words(a.text(b.span)).count())
        })
        .sum();
    let mut by_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut last_article: BTreeMap<&str, usize> = BTreeMap::new();
    for d in report.diagnostics {
        let entry = by_rule.entry(&d.rule).or_default();
        entry.0 += 1;
        // Diagnostics are sorted by article, so a new article index means one more article.
        if last_article.insert(&d.rule, d.primary.article) != Some(d.primary.article) {
            entry.1 += 1;
        }
    }
    let mut rows: Vec<(&str, usize, usize)> =
        by_rule.into_iter().map(|(r, (n, a))| (r, n, a)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let per_k = |n: usize| {
        if words == 0 {
            0.0
        } else {
            n as f64 * 1000.0 / words as f64
        }
    };
    let mut out = format!(
        "{:>7} {:>9} {:>9}  {}\n",
        "count", "per-1k-w", "articles", "rule"
    );
    for (rule, count, articles) in &rows {
        let _ = writeln!(
            out,
            "{count:>7} {:>9.4} {articles:>9}  {rule}",
            per_k(*count)
        );
    }
    let total: usize = rows.iter().map(|r| r.1).sum();
    let _ = writeln!(
        out,
        "{total:>7} {:>9.4} {:>9}  total over {} articles, {words} words",
        per_k(total),
        "",
        report.articles.len()
    );
    out
}
