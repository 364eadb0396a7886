//! `path:line:col: severity[rule] message`, one line per diagnostic.

use super::Report;
use std::fmt::Write;

pub fn render(report: &Report<'_>) -> String {
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
    out
}
