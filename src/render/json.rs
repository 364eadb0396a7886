//! The JSON report, schema version 1 (documented in the README). Fields are only ever added
//! within a version; a change that removes or renames one bumps `version`.

use super::emitter::{
    Context, DocumentWriter, Emitter, Frame, FramedArray, RunEnd, SummaryForm, whole_document,
};
use super::{Counts, Report};
use crate::diagnostic::{Applicability, Label, Severity};
use crate::input::InputProblem;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

/// `--format json`.
pub struct Json;

impl Emitter for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn help(&self) -> &'static str {
        "A versioned JSON document (see the README for the schema)"
    }

    /// One document for the whole run, written a chunk at a time ([`Emitter::document`]).
    fn streams(&self) -> bool {
        false
    }

    fn summary_form(&self) -> Option<SummaryForm> {
        Some(SummaryForm::Document)
    }

    fn render(&self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8> {
        whole_document(Box::new(JsonWriter::default()), report, context)
    }

    fn document(&self) -> Option<Box<dyn DocumentWriter>> {
        Some(Box::new(JsonWriter::default()))
    }
}

/// The JSON report written a chunk at a time: the pretty-printed document of the whole run,
/// byte for byte, holding one chunk's diagnostics at a time.
#[derive(Default)]
struct JsonWriter {
    diagnostics: FramedArray,
}

/// The document around no diagnostics, ending as `end` says.
fn skeleton(end: &RunEnd<'_>) -> Option<Frame> {
    let skeleton = JsonReport {
        version: SCHEMA_VERSION,
        tool: "copydesk",
        diagnostics: Vec::new(),
        errors: end.problems.iter().map(JsonProblem::of).collect(),
        summary: JsonSummary {
            articles: end.articles,
            counts: end.counts,
        },
    };
    let text = serde_json::to_string_pretty(&skeleton).ok()? + "\n";
    Frame::around(&text, "diagnostics")
}

/// The document's opening does not depend on how the run ends.
fn opening() -> Option<Frame> {
    skeleton(&RunEnd {
        problems: &[],
        articles: 0,
        counts: Counts::default(),
    })
}

impl DocumentWriter for JsonWriter {
    fn chunk(&mut self, report: &Report<'_>, _context: &Context<'_>) -> Vec<u8> {
        let mut out = self.diagnostics.open(opening);
        for diagnostic in &self::report(report).diagnostics {
            self.diagnostics.push(&mut out, diagnostic);
        }
        out.into_bytes()
    }

    fn finish(&mut self, end: &RunEnd<'_>, _context: &Context<'_>) -> Vec<u8> {
        let mut out = self.diagnostics.open(opening);
        out.push_str(&self.diagnostics.close(skeleton(end)));
        out.into_bytes()
    }
}

/// `--format jsonl`.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn help(&self) -> &'static str {
        "One JSON object per finding per line, for pipelines"
    }

    fn streams(&self) -> bool {
        true
    }

    fn summary_form(&self) -> Option<SummaryForm> {
        Some(SummaryForm::Lines)
    }

    fn render(&self, report: &Report<'_>, _context: &Context<'_>) -> Vec<u8> {
        render_lines(report).into_bytes()
    }
}

/// The JSON report: what `--format json` prints, and what the HTTP API answers (with fields of
/// its own added).
#[derive(Serialize)]
pub struct JsonReport<'a> {
    version: u32,
    tool: &'static str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: Vec<JsonProblem<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    articles: usize,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    path: &'a str,
    message: &'a str,
    /// `false` for inputs skipped on purpose (binary files).
    error: bool,
}

impl<'a> JsonProblem<'a> {
    fn of(problem: &'a InputProblem) -> Self {
        JsonProblem {
            path: &problem.name,
            message: &problem.message,
            error: problem.is_error,
        }
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: Location<'a>,
    labels: Vec<Location<'a>>,
    rationale: Option<&'a str>,
    notes: &'a [String],
    help: Option<&'a str>,
    fix: Option<JsonFix<'a>>,
}

/// A span with its byte offsets, 1-based line and column (in characters) and UTF-16 offsets
/// at both ends.
#[derive(Serialize)]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    /// In a record, the field the span starts in: `headline`, `dek` or `body`.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'static str>,
    start: Position,
    end: Position,
    #[serde(skip_serializing_if = "str::is_empty")]
    label: &'a str,
}

#[derive(Serialize)]
struct Position {
    offset: usize,
    line: usize,
    column: usize,
    /// The offset in UTF-16 code units: what JavaScript strings index.
    utf16: usize,
    /// In a record, the offset from the start of the field, in bytes and in UTF-16 code units.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    in_field: Option<FieldOffset>,
}

#[derive(Serialize)]
struct FieldOffset {
    field_offset: usize,
    field_utf16: usize,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: Position,
    end: Position,
    replacement: &'a str,
}

/// One JSON object per line: every diagnostic (the objects of `diagnostics` in the JSON
/// report), then one line per input that could not be read (`{"error": …}`), for pipelines.
fn render_lines<'a>(report: &'a Report<'a>) -> String {
    let json = self::report(report);
    let mut out = String::new();
    for diagnostic in &json.diagnostics {
        out.push_str(&serde_json::to_string(diagnostic).unwrap_or_default());
        out.push('\n');
    }
    for problem in &json.errors {
        out.push_str(&serde_json::to_string(problem).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The JSON report of `report`, as data.
pub fn report<'a>(report: &'a Report<'a>) -> JsonReport<'a> {
    let indexes = report.line_indexes();
    let field_at =
        |article: usize, offset: usize| report.document(article).layout?.field_at(offset);
    let position = |article: usize, offset: usize| {
        let index = &indexes[article];
        let (line, column) = index.line_col(offset);
        let utf16 = index.utf16_offset(offset);
        Position {
            offset,
            line,
            column,
            utf16,
            in_field: field_at(article, offset).map(|(_, field)| FieldOffset {
                field_offset: offset - field.start,
                field_utf16: utf16 - index.utf16_offset(field.start),
            }),
        }
    };
    let location = |label: &'a Label, with_path: bool| Location {
        path: with_path.then(|| report.document(label.article).name.as_str()),
        field: field_at(label.article, label.span.start).map(|(name, _)| name),
        start: position(label.article, label.span.start),
        end: position(label.article, label.span.end),
        label: &label.message,
    };
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            path: &report.document(d.primary.article).name,
            rule: &d.rule,
            severity: d.severity,
            message: &d.message,
            location: location(&d.primary, false),
            labels: d.secondary.iter().map(|l| location(l, true)).collect(),
            rationale: d.rationale.as_deref(),
            notes: &d.notes,
            help: d.help.as_deref(),
            fix: d.fix.as_ref().map(|fix| JsonFix {
                applicability: fix.applicability,
                edits: fix
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        start: position(d.primary.article, e.span.start),
                        end: position(d.primary.article, e.span.end),
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
        })
        .collect();
    JsonReport {
        version: SCHEMA_VERSION,
        tool: "copydesk",
        diagnostics,
        errors: report.problems.iter().map(JsonProblem::of).collect(),
        summary: JsonSummary {
            articles: report.articles.len(),
            counts: report.counts(),
        },
    }
}
