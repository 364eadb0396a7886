//! GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
//! which GitHub shows as annotations on the pull request.

use super::Report;
use super::emitter::{Context, Emitter, SummaryForm};
use crate::diagnostic::Severity;
use std::fmt::Write;

/// `--format github`.
pub struct Github;

impl Emitter for Github {
    fn name(&self) -> &'static str {
        "github"
    }

    fn help(&self) -> &'static str {
        "GitHub Actions annotations (workflow commands)"
    }

    fn streams(&self) -> bool {
        true
    }

    /// An annotation is a finding: a summary has nowhere to go.
    fn summary_form(&self) -> Option<SummaryForm> {
        None
    }

    fn render(&self, report: &Report<'_>, _context: &Context<'_>) -> Vec<u8> {
        render(report).into_bytes()
    }
}

/// Escapes a workflow command's message.
fn message(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    message(text).replace(':', "%3A").replace(',', "%2C")
}

fn render(report: &Report<'_>) -> String {
    let indexes = report.line_indexes();
    let mut out = String::new();
    for d in report.diagnostics {
        let article = report.document(d.primary.article);
        let index = &indexes[d.primary.article];
        let (line, col) = index.line_col(d.primary.span.start);
        let (end_line, end_col) = index.line_col(d.primary.span.end);
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            property(&article.name),
            property(&d.rule),
            message(&d.message)
        );
    }
    for problem in report.problems.iter().filter(|p| p.is_error) {
        let _ = writeln!(
            out,
            "::error file={},title=io::{}",
            property(&problem.name),
            message(&problem.message)
        );
    }
    out
}
