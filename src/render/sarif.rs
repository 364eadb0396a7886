//! SARIF 2.1.0, the format GitHub code scanning and other tools ingest: one run, the rules
//! that fired as the tool's rule descriptors, one result per finding with its region, related
//! locations and fixes.

use super::Report;
use super::emitter::{Context, Emitter, SummaryForm};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::rules::RuleSet;
use crate::span::{LineIndex, Span};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// `--format sarif`.
pub struct Sarif;

impl Emitter for Sarif {
    fn name(&self) -> &'static str {
        "sarif"
    }

    fn help(&self) -> &'static str {
        "SARIF 2.1.0, for GitHub code scanning and other tools"
    }

    /// One document for the whole run.
    fn streams(&self) -> bool {
        false
    }

    /// A SARIF log holds results: a summary has nowhere to go.
    fn summary_form(&self) -> Option<SummaryForm> {
        None
    }

    fn render(&self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8> {
        render(report, context.rules).into_bytes()
    }
}

fn render(report: &Report<'_>, rules: &[&RuleSet]) -> String {
    let locator = Locator {
        report,
        indexes: report.line_indexes(),
    };
    let fired: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    let sarif = SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/copydesk/copydesk",
                    "rules": descriptors(&fired, rules),
                }
            }),
            column_kind: "unicodeCodePoints",
            results: Results {
                diagnostics: report.diagnostics,
                fired: &fired,
                locator: &locator,
            },
        }],
    };
    let mut text = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    text.push('\n');
    text
}

/// The SARIF document: one run.
#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Value,
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: Results<'a>,
}

/// The results, each built as it is written: memory stays with the output, not with a tree
/// of every finding.
struct Results<'a> {
    diagnostics: &'a [Diagnostic],
    fired: &'a BTreeSet<&'a str>,
    locator: &'a Locator<'a>,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.diagnostics
                .iter()
                .map(|d| result(d, self.fired, self.locator)),
        )
    }
}

/// Regions and artifact addresses of the report's documents.
struct Locator<'a> {
    report: &'a Report<'a>,
    indexes: Vec<LineIndex<'a>>,
}

impl Locator<'_> {
    /// A span's region: lines, columns and offsets all counted in the unit the run's
    /// `columnKind` names, Unicode code points (a span's own offsets are bytes).
    fn region(&self, article: usize, span: Span) -> Value {
        let index = &self.indexes[article];
        let (start_line, start_column) = index.line_col(span.start);
        let (end_line, end_column) = index.line_col(span.end);
        let char_offset = index.char_offset(span.start);
        json!({
            "startLine": start_line, "startColumn": start_column,
            "endLine": end_line, "endColumn": end_column,
            "charOffset": char_offset,
            "charLength": index.char_offset(span.end) - char_offset,
        })
    }

    fn uri(&self, article: usize) -> String {
        self.report
            .document(article)
            .name
            .trim_start_matches("./")
            .replace('\\', "/")
    }

    fn location(&self, article: usize, span: Span) -> Value {
        json!({
            "artifactLocation": { "uri": self.uri(article) },
            "region": self.region(article, span),
        })
    }
}

/// A descriptor for each rule that fired.
fn descriptors(fired: &BTreeSet<&str>, rules: &[&RuleSet]) -> Vec<Value> {
    fired
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
        .collect()
}

/// One finding as a SARIF result: its location, related locations and safe fix.
fn result(d: &Diagnostic, fired: &BTreeSet<&str>, locator: &Locator<'_>) -> Value {
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
            "physicalLocation": locator.location(d.primary.article, d.primary.span),
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
                    "physicalLocation": locator.location(l.article, l.span),
                })
            })
            .collect();
    }
    if let Some(fix) = d
        .fix
        .as_ref()
        .filter(|f| f.applicability == Applicability::Safe)
    {
        result["fixes"] = json!([{
            "description": { "text": d.help.clone().unwrap_or_else(|| "apply the fix".to_owned()) },
            "artifactChanges": [{
                "artifactLocation": { "uri": locator.uri(d.primary.article) },
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": locator.region(d.primary.article, e.span),
                    "insertedContent": { "text": e.replacement },
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}
