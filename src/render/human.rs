//! Compiler-style output through codespan-reporting: the rule id as the code, the primary label
//! on the exact span, secondary labels, the rationale as a note, help and the fix.
//!
//! `info` findings print as codespan's `note` severity.

use super::Report;
use super::emitter::{Context, Emitter, SummaryForm};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::located::LocatedErrors;
use crate::span::LineIndex;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files, SimpleFiles};
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use std::ops::Range;

/// An output buffer, with ANSI colours or without.
pub fn buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

/// Lines longer than this many bytes are shown as a window around the labels on them.
const LONG_LINE: usize = 1_000;
/// Bytes of context shown on each side of the labels on a long line.
const WINDOW_CONTEXT: usize = 160;

/// `--format human`, the default.
pub struct Human;

impl Emitter for Human {
    fn name(&self) -> &'static str {
        "human"
    }

    fn help(&self) -> &'static str {
        "Compiler-style diagnostics with the source"
    }

    fn streams(&self) -> bool {
        true
    }

    fn summary_form(&self) -> Option<SummaryForm> {
        Some(SummaryForm::Table)
    }

    fn render(&self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8> {
        render(report, context.color)
    }
}

/// Every diagnostic of the report, then the inputs that could not be read.
pub fn render(report: &Report<'_>, color: bool) -> Vec<u8> {
    let documents = Documents {
        names: report.documents().map(|a| a.name.as_str()).collect(),
        sources: report.documents().map(|a| a.contents.as_str()).collect(),
        indexes: report.line_indexes(),
    };
    let config = Config::default();
    let mut out = buffer(color);
    for diagnostic in report.diagnostics {
        let view = documents.view(diagnostic);
        let mut rendered = to_codespan(diagnostic, report);
        rendered.notes.extend(view.notes());
        // A span is always inside its article, so emitting cannot fail on lookups; an I/O error
        // writing to the in-memory buffer cannot happen either.
        let _ = term::emit_to_write_style(&mut out, &config, &view, &rendered);
    }
    for problem in report.problems {
        let severity = if problem.is_error {
            cs::Severity::Error
        } else {
            cs::Severity::Note
        };
        let rendered = cs::Diagnostic::new(severity)
            .with_code("io")
            .with_message(format!("{}: {}", problem.name, problem.message));
        let _ = term::emit_to_write_style(&mut out, &config, &documents.view_all(), &rendered);
    }
    out.into_inner()
}

/// The report's documents, with the line index of each, built once per report.
struct Documents<'a> {
    names: Vec<&'a str>,
    sources: Vec<&'a str>,
    indexes: Vec<LineIndex<'a>>,
}

impl<'a> Documents<'a> {
    /// The documents as `diagnostic` shows them: each long line it labels cut to a window
    /// around its labels, so a finding on a minified megabyte line prints a few lines, and
    /// many findings on one line cost time in proportion to their number.
    fn view(&self, diagnostic: &Diagnostic) -> View<'_, 'a> {
        let mut windows: Vec<Window> = Vec::new();
        for label in std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary) {
            let index = &self.indexes[label.article];
            let line = index.line_of(label.span.start);
            if index.line_of(label.span.end) != line {
                continue;
            }
            let start = index.line_start(line).unwrap_or(0);
            let next = index.line_start(line + 1).unwrap_or(start);
            let source = self.sources[label.article];
            let end = start + source[start..next].trim_end_matches(['\n', '\r']).len();
            if end - start <= LONG_LINE {
                continue;
            }
            match windows
                .iter_mut()
                .find(|w| w.document == label.article && w.line == line)
            {
                Some(window) => {
                    window.range.start = window.range.start.min(label.span.start);
                    window.range.end = window.range.end.max(label.span.end);
                }
                None => windows.push(Window {
                    document: label.article,
                    line,
                    line_range: start..end,
                    range: label.span.range(),
                }),
            }
        }
        for window in &mut windows {
            let source = self.sources[window.document];
            let from = window
                .range
                .start
                .saturating_sub(WINDOW_CONTEXT)
                .max(window.line_range.start);
            let to = (window.range.end + WINDOW_CONTEXT).min(window.line_range.end);
            window.range = source.floor_char_boundary(from)..source.ceil_char_boundary(to);
        }
        View {
            documents: self,
            windows,
        }
    }

    /// The documents whole (for diagnostics without labels).
    fn view_all(&self) -> View<'_, 'a> {
        View {
            documents: self,
            windows: Vec::new(),
        }
    }
}

/// The part of a long line shown for one diagnostic.
struct Window {
    document: usize,
    line: usize,
    /// The whole line, without its line break.
    line_range: Range<usize>,
    range: Range<usize>,
}

/// What codespan reads for one diagnostic: the documents, with its long lines cut to windows.
struct View<'d, 'a> {
    documents: &'d Documents<'a>,
    windows: Vec<Window>,
}

impl View<'_, '_> {
    /// A note for each cut line, saying which part of it is shown.
    fn notes(&self) -> Vec<String> {
        self.windows
            .iter()
            .filter(|w| w.range != w.line_range)
            .map(|w| {
                let index = &self.documents.indexes[w.document];
                let (line, from) = index.line_col(w.range.start);
                let to = index.line_col(w.range.end).1 - 1;
                let length = index.line_col(w.line_range.end).1 - 1;
                format!("line {line} is {length} characters long: shown from column {from} to {to}")
            })
            .collect()
    }
}

impl<'d> Files<'d> for View<'d, '_> {
    type FileId = usize;
    type Name = &'d str;
    type Source = &'d str;

    fn name(&'d self, id: usize) -> Result<&'d str, FilesError> {
        self.documents
            .names
            .get(id)
            .copied()
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'d self, id: usize) -> Result<&'d str, FilesError> {
        self.documents
            .sources
            .get(id)
            .copied()
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'d self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        let index = self
            .documents
            .indexes
            .get(id)
            .ok_or(FilesError::FileMissing)?;
        Ok(index.line_of(byte_index))
    }

    fn column_number(
        &'d self,
        id: usize,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let index = self
            .documents
            .indexes
            .get(id)
            .ok_or(FilesError::FileMissing)?;
        Ok(index.line_col(byte_index).1)
    }

    fn line_range(&'d self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        if let Some(window) = self
            .windows
            .iter()
            .find(|w| w.document == id && w.line == line_index)
        {
            return Ok(window.range.clone());
        }
        let index = self
            .documents
            .indexes
            .get(id)
            .ok_or(FilesError::FileMissing)?;
        let too_large = || FilesError::LineTooLarge {
            given: line_index,
            max: index.line_of(usize::MAX),
        };
        let start = index.line_start(line_index).ok_or_else(too_large)?;
        let end = index.line_start(line_index + 1).ok_or_else(too_large)?;
        Ok(start..end)
    }
}

fn severity(severity: Severity) -> cs::Severity {
    match severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    }
}

fn to_codespan(d: &Diagnostic, report: &Report<'_>) -> cs::Diagnostic<usize> {
    let mut labels = vec![
        cs::Label::primary(d.primary.article, d.primary.span.range())
            .with_message(&d.primary.message),
    ];
    labels.extend(
        d.secondary
            .iter()
            .map(|l| cs::Label::secondary(l.article, l.span.range()).with_message(&l.message)),
    );
    let mut notes: Vec<String> = d.rationale.iter().map(|r| format!("why: {r}")).collect();
    notes.extend(d.notes.iter().cloned());
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    if let Some(fix) = &d.fix {
        let source = &report.document(d.primary.article).contents;
        let edits: Vec<String> = fix
            .edits
            .iter()
            .map(|e| {
                let old = visible(&source[e.span.range()]);
                if e.replacement.is_empty() {
                    format!("delete `{old}`")
                } else if old.is_empty() {
                    format!("insert `{}`", visible(&e.replacement))
                } else {
                    format!("replace `{old}` with `{}`", visible(&e.replacement))
                }
            })
            .collect();
        let how = match fix.applicability {
            Applicability::Safe => "fix",
            Applicability::Unsafe => "suggestion",
        };
        notes.push(format!("{how}: {}", edits.join(", ")));
    }
    cs::Diagnostic::new(severity(d.severity))
        .with_code(&d.rule)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Text for a one-line note: line breaks and tabs written as escapes.
fn visible(text: &str) -> String {
    text.replace('\r', "\\r")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

/// Errors in rule packs or a configuration, each pointing into its TOML file.
pub fn render_located_errors(errors: &LocatedErrors, color: bool) -> Vec<u8> {
    let mut files = SimpleFiles::new();
    for file in &errors.files {
        files.add(file.name.as_str(), file.text.as_str());
    }
    let config = Config::default();
    let mut out = buffer(color);
    for error in &errors.errors {
        let mut rendered = cs::Diagnostic::error()
            .with_code(errors.code)
            .with_message(&error.message);
        if let Some(span) = error.span {
            rendered = rendered.with_labels(vec![
                cs::Label::primary(error.file, span.range()).with_message(&error.label),
            ]);
        }
        let _ = term::emit_to_write_style(&mut out, &config, &files, &rendered);
    }
    out.into_inner()
}
