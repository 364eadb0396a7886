//! Compiler-style output through codespan-reporting: the rule id as the code, the primary label
//! on the exact span, secondary labels, the rationale as a note, help and the fix.
//!
//! `info` findings print as codespan's `note` severity.

use super::Report;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::located::LocatedErrors;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, termcolor::Buffer};

/// An output buffer, with ANSI colours or without.
pub fn buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

/// Every diagnostic of the report, then the inputs that could not be read.
pub fn render(report: &Report<'_>, color: bool) -> Vec<u8> {
    let mut files = SimpleFiles::new();
    for article in report.documents() {
        files.add(article.name.as_str(), article.source.as_str());
    }
    let config = Config::default();
    let mut out = buffer(color);
    for diagnostic in report.diagnostics {
        let rendered = to_codespan(diagnostic, report);
        // A span is always inside its article, so emitting cannot fail on lookups; an I/O error
        // writing to the in-memory buffer cannot happen either.
        let _ = term::emit_to_write_style(&mut out, &config, &files, &rendered);
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
        let _ = term::emit_to_write_style(&mut out, &config, &files, &rendered);
    }
    out.into_inner()
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
        let source = &report.document(d.primary.article).source;
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
