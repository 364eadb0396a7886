//! `path:line:col: severity[rule] message`, one line per diagnostic, then `path: message` for
//! each input that could not be checked.

use super::Report;
use super::emitter::{Context, Emitter, SummaryForm};
use std::fmt::Write;

/// `--format concise`.
pub struct Concise;

impl Emitter for Concise {
    fn name(&self) -> &'static str {
        "concise"
    }

    fn help(&self) -> &'static str {
        "One line per finding: `path:line:col: severity[rule] message`"
    }

    fn streams(&self) -> bool {
        true
    }

    fn summary_form(&self) -> Option<SummaryForm> {
        Some(SummaryForm::Table)
    }

    fn render(&self, report: &Report<'_>, _context: &Context<'_>) -> Vec<u8> {
        render(report).into_bytes()
    }
}

fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    let indexes = report.line_indexes();
    for d in report.diagnostics {
        let article = report.document(d.primary.article);
        let (line, column) = indexes[d.primary.article].line_col(d.primary.span.start);
        let _ = writeln!(
            out,
            "{}:{line}:{column}: {}[{}] {}",
            article.name, d.severity, d.rule, d.message
        );
    }
    for problem in report.problems {
        let _ = writeln!(out, "{}: {}", problem.name, problem.message);
    }
    out
}
