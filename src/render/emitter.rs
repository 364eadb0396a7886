//! The output formats of `check --format`: each is a type that implements [`Emitter`] (in its
//! own file of this folder), and [`EMITTERS`] lists them, one line each. The command line reads
//! its `--format` values, their help and what each can do from this table, so adding a format is
//! its file and one line here.

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

/// Every output format, one line each, in the order `--help` lists them.
pub const EMITTERS: &[&dyn Emitter] = &[
    &super::human::Human,
    &super::concise::Concise,
    &super::json::Json,
    &super::json::JsonLines,
    &super::sarif::Sarif,
    &super::github::Github,
];

/// The format printed when none is asked for.
pub const DEFAULT_EMITTER: &dyn Emitter = &super::human::Human;

/// The output format named `name`.
pub fn emitter_named(name: &str) -> Option<&'static dyn Emitter> {
    EMITTERS.iter().copied().find(|e| e.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_the_default_is_in_the_table() {
        for (index, format) in EMITTERS.iter().enumerate() {
            assert!(
                EMITTERS[..index].iter().all(|e| e.name() != format.name()),
                "`{}` is listed twice",
                format.name()
            );
            assert!(
                emitter_named(format.name()).is_some_and(|e| e.help() == format.help()),
                "{}",
                format.name()
            );
        }
        assert!(emitter_named(DEFAULT_EMITTER.name()).is_some());
        assert!(emitter_named("docx").is_none());
    }
}
