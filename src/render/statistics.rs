//! `check --statistics`: how often each rule fired, absolutely and per 1,000 words checked —
//! the figure that says whether a rule is quiet enough for edited copy. As a table, or as JSON
//! (`--format json`: one document; `--format jsonl`: one object per rule).

use super::Report;
use super::emitter::SummaryForm;
use super::json::SCHEMA_VERSION;
use crate::article::text;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How often one rule fired.
#[derive(Serialize)]
struct RuleCount<'a> {
    rule: &'a str,
    count: usize,
    per_1000_words: f64,
    /// In how many articles.
    articles: usize,
}

/// The counts of a run, most frequent rule first.
#[derive(Serialize)]
struct Statistics<'a> {
    version: u32,
    tool: &'static str,
    articles: usize,
    words: usize,
    findings: usize,
    per_1000_words: f64,
    rules: Vec<RuleCount<'a>>,
}

fn count<'a>(report: &'a Report<'a>) -> Statistics<'a> {
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
    let per_k = |n: usize| {
        if words == 0 {
            0.0
        } else {
            n as f64 * 1000.0 / words as f64
        }
    };
    let mut rules: Vec<RuleCount> = by_rule
        .into_iter()
        .map(|(rule, (count, articles))| RuleCount {
            rule,
            count,
            per_1000_words: per_k(count),
            articles,
        })
        .collect();
    rules.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    let findings = rules.iter().map(|r| r.count).sum();
    Statistics {
        version: SCHEMA_VERSION,
        tool: "copydesk",
        articles: report.articles.len(),
        words,
        findings,
        per_1000_words: per_k(findings),
        rules,
    }
}

/// The statistics in a format's form of a summary.
pub fn render_as(form: SummaryForm, report: &Report<'_>) -> Vec<u8> {
    match form {
        SummaryForm::Table => render(report),
        SummaryForm::Document => render_json(report),
        SummaryForm::Lines => render_lines(report),
    }
    .into_bytes()
}

/// The table.
fn render(report: &Report<'_>) -> String {
    let stats = count(report);
    let mut out = format!(
        "{:>7} {:>9} {:>9}  {}\n",
        "count", "per-1k-w", "articles", "rule"
    );
    for row in &stats.rules {
        let _ = writeln!(
            out,
            "{:>7} {:>9.4} {:>9}  {}",
            row.count, row.per_1000_words, row.articles, row.rule
        );
    }
    let _ = writeln!(
        out,
        "{:>7} {:>9.4} {:>9}  total over {} articles, {} words",
        stats.findings, stats.per_1000_words, "", stats.articles, stats.words
    );
    out
}

/// One JSON document.
fn render_json(report: &Report<'_>) -> String {
    let mut text = serde_json::to_string_pretty(&count(report))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// One JSON object per rule, a line each.
fn render_lines(report: &Report<'_>) -> String {
    let mut out = String::new();
    for row in &count(report).rules {
        out.push_str(&serde_json::to_string(row).unwrap_or_default());
        out.push('\n');
    }
    out
}
