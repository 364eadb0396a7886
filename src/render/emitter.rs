//! What an output format of `check --format` is: a type that implements [`Emitter`], in its
//! own file of this folder. The table of them is `render/registry.rs` (`EMITTERS`).

use super::Report;
use crate::rules::RuleSet;

/// What a format may need besides the report.
pub struct Context<'a> {
    /// The rule sets of the run (SARIF describes the rules that fired).
    pub rules: &'a [&'a RuleSet],
    /// Whether to colour the output with ANSI escapes, in a format that can.
    pub color: bool,
}

/// How a format prints a summary that stands instead of the findings (`--statistics`,
/// `--sourcing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryForm {
    /// A table, for people.
    Table,
    /// One JSON document.
    Document,
    /// One JSON object a line.
    Lines,
}

/// One output format.
pub trait Emitter: Sync {
    /// Its `--format` value.
    fn name(&self) -> &'static str;
    /// What it prints, as `--help` says it.
    fn help(&self) -> &'static str;
    /// Whether a run may render its findings a chunk of articles at a time, printing each
    /// chunk as it is checked: the output of the chunks, one after the other, is the output of
    /// the run (there is no document around them all).
    fn streams(&self) -> bool;
    /// How it prints a summary, or `None` when it cannot carry one.
    fn summary_form(&self) -> Option<SummaryForm>;
    /// The report in this format.
    fn render(&self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8>;
}
