//! Turning a report into the bytes of the chosen format.

use super::flags::{CheckArgs, OutputFormat};
use crate::render::{self, Report};
use crate::rules::RuleSet;

/// What a run prints: its findings, or a summary instead of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Summary {
    Findings,
    /// `--statistics`: how often each rule fired.
    Statistics,
    /// `--sourcing`: each article's sources.
    Sourcing,
}

impl Summary {
    pub fn of(args: &CheckArgs) -> Self {
        match (args.statistics, args.sourcing) {
            (true, _) => Summary::Statistics,
            (false, true) => Summary::Sourcing,
            (false, false) => Summary::Findings,
        }
    }

    fn flag(self) -> &'static str {
        match self {
            Summary::Findings => "",
            Summary::Statistics => "--statistics",
            Summary::Sourcing => "--sourcing",
        }
    }
}

/// The report in `format`, or the summary chosen instead of it.
pub fn render(
    format: OutputFormat,
    summary: Summary,
    report: &Report<'_>,
    rules: &[&RuleSet],
    color: bool,
) -> Vec<u8> {
    match summary {
        Summary::Statistics => {
            return match format {
                OutputFormat::Json => render::statistics::render_json(report).into_bytes(),
                OutputFormat::Jsonl => render::statistics::render_lines(report).into_bytes(),
                _ => render::statistics::render(report).into_bytes(),
            };
        }
        Summary::Sourcing => {
            return match format {
                OutputFormat::Json => render::sourcing::render_json(report).into_bytes(),
                OutputFormat::Jsonl => render::sourcing::render_lines(report).into_bytes(),
                _ => render::sourcing::render(report).into_bytes(),
            };
        }
        Summary::Findings => {}
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
pub fn unsupported(format: Option<OutputFormat>, summary: Summary, diff: bool) -> Option<String> {
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
        _ if diff && summary != Summary::Findings => Some(format!(
            "--diff prints a unified diff; {} prints a summary: choose one",
            summary.flag()
        )),
        Some(f @ (OutputFormat::Sarif | OutputFormat::Github)) if summary != Summary::Findings => {
            Some(format!(
                "{} prints a summary, which {} cannot carry; use --format json or jsonl",
                summary.flag(),
                named(f)
            ))
        }
        _ => None,
    }
}
