//! copydesk's findings as protocol diagnostics: the rule id as the code, the severity, the
//! rationale, help and notes as related information at the finding, and secondary labels as
//! related locations — in the document or in a source document it was checked against.

use super::convert::{Lines, uri_of};
use crate::diagnostic::{self, Label, Severity};
use crate::located::LocatedErrors;
use crate::pipeline::Checked;
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};
use std::path::Path;

/// The name diagnostics give as their source.
pub const SOURCE: &str = "copydesk";

/// The diagnostics of a checked document (the only article of `checked`).
pub fn of_document(checked: &Checked, uri: &Uri) -> Vec<Diagnostic> {
    let Some(article) = checked.articles.first() else {
        return problems(checked);
    };
    let lines = Lines::new(&article.contents);
    let mut out: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .map(|d| convert(d, checked, uri, &lines))
        .collect();
    out.extend(problems(checked));
    out
}

fn convert(
    d: &diagnostic::Diagnostic,
    checked: &Checked,
    uri: &Uri,
    lines: &Lines<'_>,
) -> Diagnostic {
    let range = lines.range(d.primary.span);
    let here = |message: String| DiagnosticRelatedInformation {
        location: Location::new(uri.clone(), range),
        message,
    };
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|label| related_label(label, checked, uri, lines))
        .collect();
    related.extend(d.rationale.iter().map(|r| here(format!("why: {r}"))));
    related.extend(d.help.iter().map(|h| here(format!("help: {h}"))));
    related.extend(d.notes.iter().map(|n| here(format!("note: {n}"))));
    let message = if d.primary.message.is_empty() {
        d.message.clone()
    } else {
        format!("{}: {}", d.message, d.primary.message)
    };
    Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.clone())),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: Some(related),
        ..Diagnostic::default()
    }
}

/// A secondary label as a related location: in the document itself, or in a source document
/// (whose file it names).
fn related_label(
    label: &Label,
    checked: &Checked,
    uri: &Uri,
    lines: &Lines<'_>,
) -> Option<DiagnosticRelatedInformation> {
    let location = if label.article < checked.articles.len() {
        Location::new(uri.clone(), lines.range(label.span))
    } else {
        let doc = checked
            .sources
            .as_ref()?
            .docs
            .get(label.article - checked.articles.len())?;
        let source_uri = uri_of(Path::new(&doc.article.name))?;
        Location::new(
            source_uri,
            Lines::new(&doc.article.contents).range(label.span),
        )
    };
    Some(DiagnosticRelatedInformation {
        location,
        message: label.message.clone(),
    })
}

/// Inputs that could not be read (a front-matter source that is missing), at the top.
fn problems(checked: &Checked) -> Vec<Diagnostic> {
    checked
        .problems
        .iter()
        .map(|problem| Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String("input".to_owned())),
            source: Some(SOURCE.to_owned()),
            message: format!("{}: {}", problem.name, problem.message),
            ..Diagnostic::default()
        })
        .collect()
}

/// The diagnostics of a configuration or pack that does not load, by the file they are in.
pub fn of_setup_errors(errors: &LocatedErrors) -> Vec<(Uri, Vec<Diagnostic>)> {
    errors
        .files
        .iter()
        .enumerate()
        .filter_map(|(index, file)| {
            let uri = uri_of(Path::new(&file.name))?;
            let lines = Lines::new(&file.text);
            let list = errors
                .errors
                .iter()
                .filter(|e| e.file == index)
                .map(|e| Diagnostic {
                    range: e.span.map(|s| lines.range(s)).unwrap_or_default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    code: Some(NumberOrString::String(errors.code.to_owned())),
                    source: Some(SOURCE.to_owned()),
                    message: format!(
                        "{} (copydesk keeps checking with the last rules that loaded)",
                        e.message
                    ),
                    ..Diagnostic::default()
                })
                .collect();
            Some((uri, list))
        })
        .collect()
}

/// A check that failed inside copydesk (a bug): one error at the top of the document.
pub fn internal_error(message: &str) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("internal".to_owned())),
        source: Some(SOURCE.to_owned()),
        message: format!(
            "copydesk failed while checking this document ({message}); this is a bug, please report it. The server keeps running."
        ),
        ..Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
