//! Turning a report into the bytes of the chosen format.

use super::flags::OutputFormat;
use crate::render::{self, Report};
use crate::rules::RuleSet;

/// The report in `format`; with `statistics`, how often each rule fired instead.
pub fn render(
    format: OutputFormat,
    statistics: bool,
    report: &Report<'_>,
    rules: &[&RuleSet],
    color: bool,
) -> Vec<u8> {
    if statistics {
        return match format {
            OutputFormat::Json => render::statistics::render_json(report).into_bytes(),
            OutputFormat::Jsonl => render::statistics::render_lines(report).into_bytes(),
            _ => render::statistics::render(report).into_bytes(),
        };
    }
    match format {
        OutputFormat::Human => render::human::render(report, color),
        OutputFormat::Concise => render::concise::render(report).into_bytes(),
        OutputFormat::Json => render::json::render(report).into_bytes(),
        OutputFormat::Jsonl => render::json::render_lines(report).into_bytes(),
        OutputFormat::Sarif => render::sarif::render(report, rules).into_bytes(),
        OutputFormat::Github => render::github::render(report).into_bytes(),
    }
}

/// Whether articles can be checked, printed and dropped a chunk at a time in this format.
pub fn streams(format: OutputFormat) -> bool {
    matches!(
        format,
        OutputFormat::Human | OutputFormat::Concise | OutputFormat::Jsonl | OutputFormat::Github
    )
}

/// Why a combination of flags makes no sense, if it does not.
pub fn unsupported(format: Option<OutputFormat>, statistics: bool, diff: bool) -> Option<String> {
    let named = |f: OutputFormat| match f {
        OutputFormat::Human => "human",
        OutputFormat::Concise => "concise",
        OutputFormat::Json => "json",
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Sarif => "sarif",
        OutputFormat::Github => "github",
    };
    match format {
        Some(f) if diff && f != OutputFormat::Human => Some(format!(
            "--diff prints a unified diff and no findings, so --format {} does not apply; use --fix --format {} to fix and report what remains",
            named(f),
            named(f)
        )),
        _ if diff && statistics => Some(
            "--diff prints a unified diff; --statistics counts findings: choose one".to_owned(),
        ),
        Some(f @ (OutputFormat::Sarif | OutputFormat::Github)) if statistics => Some(format!(
            "--statistics counts findings per rule, which {} cannot carry; use --format json or jsonl",
            named(f)
        )),
        _ => None,
    }
}
