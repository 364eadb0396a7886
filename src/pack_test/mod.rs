//! `copydesk test`: what a pack author runs instead of Rust tests.
//!
//! - Examples: each `must-fire` text must make its rule report, each `must-not-fire` text must
//!   not. A one-line example is checked as a single block of the rule's first scope kind (a
//!   headline rule's example is a headline); an example with line breaks is read as a whole
//!   plain-text article. An example may carry a source to check the draft against, after a
//!   line `--- source ---`.
//! - Fixtures ([`fixtures`]): drafts a pack names in `[pack] fixtures`, each checked through the
//!   pipeline as `copydesk check` checks it, with the expected human output (no colour) in
//!   `DRAFT.expected` beside it; `--bless` writes what the rules report now.
//!
//! Both run under one [`Session`] ([`prepare`]): no configuration, the named packs, and the
//! built-in pack unless the named packs are its own files.

pub mod fixtures;

pub use fixtures::{FixtureOutcome, Fixtures, NotRun};

use crate::article::{Article, BlockKind, Format};
use crate::engine::{Corpus, Run, check_article};
use crate::grounding::Sources;
use crate::pipeline::{ConfigChoice, Options, RuleOptions, Session, SetupError};
use crate::render;
use crate::rules::pack::PackInput;
use crate::rules::{Example, RuleSet};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use std::path::PathBuf;

/// The line that separates an example's draft from its source text.
pub const SOURCE_SEPARATOR: &str = "\n--- source ---\n";

/// The session `copydesk test` checks under, as `copydesk check --isolated --rules PACK...`
/// prepares one: no configuration, the built-in pack and then `packs` (TOML files or folders of
/// them). When `packs` are the built-in pack's own files (`copydesk test rules/` in a checkout
/// of copydesk), those files stand in for the built-in pack, as with `--no-default-rules`; when
/// they repeat some of its files but not all, nothing is loaded and the error says why.
pub fn prepare(packs: &[PathBuf]) -> Result<Session, SetupError> {
    let options = Options {
        rules: RuleOptions {
            packs: packs.to_vec(),
            no_default_rules: !loads_built_in(packs)?,
            ..RuleOptions::default()
        },
        config: ConfigChoice::Isolated,
        ..Options::default()
    };
    Session::prepare(options, Vec::new()).map(|(session, _)| session)
}

/// Whether the built-in pack is loaded beside `packs`: unless they repeat its files (the same
/// text), which they must then do for every one of them.
fn loads_built_in(packs: &[PathBuf]) -> Result<bool, SetupError> {
    let mut named = Vec::new();
    for path in packs {
        named.extend(PackInput::given(path).map_err(SetupError::Message)?);
    }
    let texts: Vec<String> = named
        .iter()
        .filter_map(|input| match input {
            // Only files the loader will read: a link out of the folder is refused there.
            PackInput::File { path, within } if within.admit(path).is_ok() => {
                std::fs::read_to_string(path).ok()
            }
            _ => None,
        })
        .collect();
    let (repeated, left): (Vec<_>, Vec<_>) = PackInput::defaults().into_iter().partition(
        |input| matches!(input, PackInput::Embedded { text, .. } if texts.iter().any(|t| t == text)),
    );
    if repeated.is_empty() || left.is_empty() {
        return Ok(repeated.is_empty());
    }
    let names = |inputs: &[PackInput]| {
        inputs
            .iter()
            .filter_map(|input| match input {
                PackInput::Embedded { name, .. } => Some(*name),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Err(SetupError::Message(format!(
        "the packs named repeat files of the built-in pack ({}) but not all of it (not {}): \
         name the built-in pack's whole folder to test it from disk (`copydesk test rules/`)",
        names(&repeated),
        names(&left)
    )))
}

/// An example that did not behave.
#[derive(Debug)]
pub struct ExampleFailure<'a> {
    pub rule: &'a str,
    pub pack: usize,
    pub example: &'a Example,
    /// `true` for a `must-fire` example that stayed quiet.
    pub should_fire: bool,
    /// What the rule reported on a `must-not-fire` example.
    pub reported: Vec<String>,
}

/// Every failing example of every rule in `set`.
pub fn example_failures(set: &RuleSet) -> Vec<ExampleFailure<'_>> {
    let mut failures = Vec::new();
    for (index, rule) in set.rules.iter().enumerate() {
        let meta = &rule.meta;
        let kind = meta.scope.kinds().next().unwrap_or(BlockKind::Paragraph);
        let cases = meta
            .must_fire
            .iter()
            .map(|e| (e, true))
            .chain(meta.must_not_fire.iter().map(|e| (e, false)));
        for (example, should_fire) in cases {
            let (draft, source) = match example.text.split_once(SOURCE_SEPARATOR) {
                Some((draft, source)) => (draft, Some(source)),
                None => (example.text.as_str(), None),
            };
            let article = if draft.trim().contains('\n') {
                Article::parse("example", draft, Format::Plain)
            } else {
                Article::single_block("example", draft, kind)
            };
            let sources =
                source.map(|s| Sources::new(vec![Article::parse("source", s, Format::Plain)]));
            let article_sources = [vec![0]];
            let articles = [article];
            let run = Run {
                articles: &articles,
                sources: sources.as_ref(),
                article_sources: if sources.is_some() {
                    &article_sources
                } else {
                    &[]
                },
                corpus: Corpus::Off,
                article_places: &[],
                progress: None,
                deadline: None,
            };
            let reported: Vec<String> = check_article(set, run, 0, Some(index))
                .into_iter()
                .map(|d| format!("{} (at `{}`)", d.message, articles[0].text(d.primary.span)))
                .collect();
            if reported.is_empty() == should_fire {
                failures.push(ExampleFailure {
                    rule: &meta.id,
                    pack: meta.origin.pack,
                    example,
                    should_fire,
                    reported,
                });
            }
        }
    }
    failures
}

/// Rule examples that did not behave, each pointing at the example in its TOML file.
pub fn render_example_failures(
    set: &RuleSet,
    failures: &[ExampleFailure<'_>],
    color: bool,
) -> Vec<u8> {
    let mut files = SimpleFiles::new();
    for pack in &set.packs {
        files.add(pack.name.as_str(), pack.text.as_str());
    }
    let config = Config::default();
    let mut out = render::human::buffer(color);
    for failure in failures {
        let (message, label) = if failure.should_fire {
            (
                format!(
                    "rule `{}`: a `must-fire` example did not fire",
                    failure.rule
                ),
                "expected a diagnostic here",
            )
        } else {
            (
                format!("rule `{}`: a `must-not-fire` example fired", failure.rule),
                "expected no diagnostic here",
            )
        };
        let notes = failure
            .reported
            .iter()
            .map(|r| format!("reported: {r}"))
            .collect();
        let rendered = cs::Diagnostic::error()
            .with_code("example")
            .with_message(message)
            .with_labels(vec![
                cs::Label::primary(failure.pack, failure.example.span.range()).with_message(label),
            ])
            .with_notes(notes);
        let _ = term::emit_to_write_style(&mut out, &config, &files, &rendered);
    }
    out.into_inner()
}
