//! SARIF 2.1.0, the format GitHub code scanning and other tools ingest: one run, one result
//! per finding with its region, related locations and fixes, then the rules that fired as the
//! tool's rule descriptors.

use super::Report;
use super::emitter::{
    Context, DocumentWriter, Emitter, Frame, FramedArray, RunEnd, SummaryForm, whole_document,
};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::rules::RuleSet;
use crate::span::{LineIndex, Span};
use serde::Serialize;
use serde_json::{Value, json};

/// `--format sarif`.
pub struct Sarif;

impl Emitter for Sarif {
    fn name(&self) -> &'static str {
        "sarif"
    }

    fn help(&self) -> &'static str {
        "SARIF 2.1.0, for GitHub code scanning and other tools"
    }

    /// One document for the whole run, written a chunk at a time ([`Emitter::document`]).
    fn streams(&self) -> bool {
        false
    }

    /// A SARIF log holds results: a summary has nowhere to go.
    fn summary_form(&self) -> Option<SummaryForm> {
        None
    }

    fn render(&self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8> {
        whole_document(Box::new(SarifWriter::default()), report, context)
    }

    fn document(&self) -> Option<Box<dyn DocumentWriter>> {
        Some(Box::new(SarifWriter::default()))
    }
}

/// The SARIF log written a chunk at a time. Its one run lists its results first and its tool
/// after them, so that the tool's rule descriptors can be those of the rules that fired, in
/// the order they first fired (each result's `ruleIndex`).
#[derive(Default)]
struct SarifWriter {
    results: FramedArray,
    /// The rules that fired, in the order they first did.
    fired: Vec<String>,
}

impl SarifWriter {
    /// The log around no results, its tool describing `fired`.
    fn skeleton(fired: &[String], rules: &[&RuleSet]) -> Option<Frame> {
        let log = SarifLog {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: [Run {
                column_kind: "unicodeCodePoints",
                results: [],
                tool: json!({
                    "driver": {
                        "name": "copydesk",
                        "version": env!("CARGO_PKG_VERSION"),
                        "informationUri": "https://github.com/copydesk/copydesk",
                        "rules": descriptors(fired, rules),
                    }
                }),
            }],
        };
        let text = serde_json::to_string_pretty(&log).ok()? + "\n";
        Frame::around(&text, "results")
    }

    /// The index of `rule` among the rules that fired, adding it if it is new.
    fn rule_index(&mut self, rule: &str) -> usize {
        match self.fired.iter().position(|r| r == rule) {
            Some(index) => index,
            None => {
                self.fired.push(rule.to_owned());
                self.fired.len() - 1
            }
        }
    }
}

impl DocumentWriter for SarifWriter {
    fn chunk(&mut self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8> {
        let mut out = self.results.open(|| Self::skeleton(&[], context.rules));
        let locator = Locator {
            report,
            indexes: report.line_indexes(),
        };
        for d in report.diagnostics {
            let index = self.rule_index(&d.rule);
            self.results.push(&mut out, &result(d, index, &locator));
        }
        out.into_bytes()
    }

    fn finish(&mut self, _end: &RunEnd<'_>, context: &Context<'_>) -> Vec<u8> {
        let mut out = self.results.open(|| Self::skeleton(&[], context.rules));
        out.push_str(
            &self
                .results
                .close(Self::skeleton(&self.fired, context.rules)),
        );
        out.into_bytes()
    }
}

/// The SARIF document: one run.
#[derive(Serialize)]
struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

/// The run, around no results: they are written into it one at a time.
#[derive(Serialize)]
struct Run {
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: [Value; 0],
    tool: Value,
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
fn descriptors(fired: &[String], rules: &[&RuleSet]) -> Vec<Value> {
    fired
        .iter()
        .map(|id| {
            let meta = rules.iter().find_map(|set| set.rule(id)).map(|r| &r.meta);
            let short = meta.map_or_else(|| id.clone(), |m| format!("{} rule `{}`", m.kind, m.id));
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
fn result(d: &Diagnostic, rule_index: usize, locator: &Locator<'_>) -> Value {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let mut result = json!({
        "ruleId": d.rule,
        "ruleIndex": rule_index,
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
