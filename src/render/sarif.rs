//! SARIF 2.1.0, the format GitHub code scanning and other tools ingest: one run, the rules
//! that fired as the tool's rule descriptors, one result per finding with its region, related
//! locations and fixes.

use super::Report;
use crate::diagnostic::{Applicability, Severity};
use crate::rules::RuleSet;
use serde_json::{Value, json};
use std::collections::BTreeSet;

pub fn render(report: &Report<'_>, rules: &[&RuleSet]) -> String {
    let indexes = report.line_indexes();
    let region = |article: usize, span: crate::span::Span| {
        let (start_line, start_column) = indexes[article].line_col(span.start);
        let (end_line, end_column) = indexes[article].line_col(span.end);
        json!({
            "startLine": start_line, "startColumn": start_column,
            "endLine": end_line, "endColumn": end_column,
            "charOffset": span.start, "charLength": span.len(),
        })
    };
    let uri = |article: usize| {
        report
            .document(article)
            .name
            .trim_start_matches("./")
            .replace('\\', "/")
    };
    let fired: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    let descriptors: Vec<Value> = fired
        .iter()
        .map(|id| {
            let meta = rules.iter().find_map(|set| set.rule(id)).map(|r| &r.meta);
            let short = meta.map_or_else(
                || (*id).to_owned(),
                |m| format!("{} rule `{}`", m.kind, m.id),
            );
            let full = meta.map_or("", |m| m.rationale.as_str());
            json!({
                "id": id,
                "shortDescription": { "text": short },
                "fullDescription": { "text": if full.is_empty() { short.as_str() } else { full } },
                "help": { "text": format!("copydesk explain {id}") },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": fired.iter().position(|r| *r == d.rule).unwrap_or(0),
                "level": level,
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(d.primary.article) },
                        "region": region(d.primary.article, d.primary.span),
                    }
                }],
            });
            if !d.secondary.is_empty() {
                result["relatedLocations"] = d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i,
                            "message": { "text": l.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri(l.article) },
                                "region": region(l.article, l.span),
                            }
                        })
                    })
                    .collect();
            }
            if let Some(fix) = d.fix.as_ref().filter(|f| f.applicability == Applicability::Safe) {
                result["fixes"] = json!([{
                    "description": { "text": d.help.clone().unwrap_or_else(|| "apply the fix".to_owned()) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(d.primary.article) },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": region(d.primary.article, e.span),
                            "insertedContent": { "text": e.replacement },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            result
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/copydesk/copydesk",
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    text.push('\n');
    text
}
