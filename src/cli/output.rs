//! Turning a report into the bytes of the chosen format: the formats are the table
//! [`render::EMITTERS`]; this is only which one, and which summary, if any, instead of findings.

use super::flags::CheckArgs;
use crate::render::{self, Context, DEFAULT_EMITTER, Emitter, Report, SummaryForm};

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

/// The report in `format`, or the summary chosen instead of it (in the format's form of one).
pub fn render(
    format: &dyn Emitter,
    summary: Summary,
    report: &Report<'_>,
    context: &Context<'_>,
) -> Vec<u8> {
    let form = format.summary_form().unwrap_or(SummaryForm::Table);
    match summary {
        Summary::Findings => format.render(report, context),
        Summary::Statistics => render::statistics::render_as(form, report),
        Summary::Sourcing => render::sourcing::render_as(form, report),
    }
}

/// Why a combination of flags makes no sense, if it does not.
pub fn unsupported(format: Option<&dyn Emitter>, summary: Summary, diff: bool) -> Option<String> {
    match format {
        Some(f) if diff && f.name() != DEFAULT_EMITTER.name() => Some(format!(
            "--diff prints a unified diff and no findings, so --format {} does not apply; use --fix --format {} to fix and report what remains",
            f.name(),
            f.name()
        )),
        _ if diff && summary != Summary::Findings => Some(format!(
            "--diff prints a unified diff; {} prints a summary: choose one",
            summary.flag()
        )),
        Some(f) if summary != Summary::Findings && f.summary_form().is_none() => Some(format!(
            "{} prints a summary, which {} cannot carry; use --format json or jsonl",
            summary.flag(),
            f.name()
        )),
        _ => None,
    }
}
