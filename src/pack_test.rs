//! `copydesk test`: what a pack author runs instead of Rust tests.
//!
//! - Examples: each `must-fire` text must make its rule report, each `must-not-fire` text must
//!   not. A one-line example is checked as a single block of the rule's first scope kind (a
//!   headline rule's example is a headline); an example with line breaks is read as a whole
//!   plain-text article. An example may carry a source to check the draft against, after a
//!   line `--- source ---`.
//! - Fixtures: drafts a pack names in `[pack] fixtures`, each with the expected human output
//!   (no colour) in `DRAFT.expected` beside it; `--bless` writes what the rules report now.

use crate::article::{Article, BlockKind, Format};
use crate::engine::{Run, check_all, check_article};
use crate::grounding::Sources;
use crate::input;
use crate::render::{self, Report};
use crate::rules::pack::expected_path;
use crate::rules::{Example, RuleSet};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use std::path::{Path, PathBuf};

/// The line that separates an example's draft from its source text.
pub const SOURCE_SEPARATOR: &str = "\n--- source ---\n";

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
                corpus: false,
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

/// One fixture draft checked against its expected output.
#[derive(Debug)]
pub struct FixtureOutcome {
    pub draft: PathBuf,
    pub expected_path: PathBuf,
    /// The expected output, or `None` when the file is missing.
    pub expected: Option<String>,
    /// What the rules report now (or why the draft could not be read).
    pub actual: String,
}

impl FixtureOutcome {
    pub fn passed(&self) -> bool {
        self.expected.as_deref() == Some(self.actual.as_str())
    }

    /// A unified diff from the expected output to the actual one.
    pub fn diff(&self) -> String {
        let expected = self.expected.as_deref().unwrap_or_default();
        similar::TextDiff::from_lines(expected, &self.actual)
            .unified_diff()
            .header(&self.expected_path.display().to_string(), "actual")
            .to_string()
    }

    /// Writes the actual output as the expected one: a temporary file beside it, then a rename,
    /// so an interrupted bless never leaves half a file.
    pub fn bless(&self) -> std::io::Result<()> {
        let dir = self.expected_path.parent().unwrap_or(Path::new("."));
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut temp, self.actual.as_bytes())?;
        temp.persist(&self.expected_path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Every fixture of every pack in `set`, checked with all of `set`'s rules. A draft is named in
/// the output by its path relative to its pack's folder, so expected files do not depend on
/// where the command runs.
pub fn fixtures(set: &RuleSet) -> Vec<FixtureOutcome> {
    let mut outcomes = Vec::new();
    for pack in &set.packs {
        for draft in &pack.fixtures {
            let expected_path = expected_path(draft);
            let expected = std::fs::read_to_string(&expected_path).ok();
            // Read as `check` reads a file (`pipeline::DraftOrigin::read`, a layer above).
            let name = draft.display().to_string();
            let read = input::read_bytes(draft, &name)
                .and_then(|bytes| input::parse_bytes(&name, bytes, Format::for_path(&name)));
            let actual = match read {
                Ok(mut article) => {
                    let base = pack.folder.as_deref().unwrap_or(Path::new(""));
                    article.name = draft
                        .strip_prefix(base)
                        .unwrap_or(draft)
                        .display()
                        .to_string();
                    let articles = [article];
                    let diagnostics = check_all(set, &articles);
                    let report = Report::new(&articles, &diagnostics, &[]);
                    String::from_utf8_lossy(&render::human::render(&report, false)).into_owned()
                }
                Err(problem) => format!("error: {}\n", problem.message),
            };
            outcomes.push(FixtureOutcome {
                draft: draft.clone(),
                expected_path,
                expected,
                actual,
            });
        }
    }
    outcomes
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
