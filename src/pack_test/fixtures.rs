//! Pack fixtures: drafts a pack names in `[pack] fixtures`, each checked by the pipeline as
//! `copydesk check` checks it, its human output (no colour) compared with `DRAFT.expected`.
//!
//! A draft's output is what `copydesk check --isolated --color never --rules PACK DRAFT` prints
//! when run from the pack's folder (with `--input jsonl` for an export of records), the draft
//! named by its path relative to that folder. The session is the one `copydesk test` prepares,
//! and each draft is checked on its own, with its suppressions and the sources its front
//! matter names.

use crate::input::{self, InputProblem};
use crate::pipeline::{Checked, DraftOrigin, RecordLine, RecordReader, Session};
use crate::render;
use crate::rules::pack::expected_path;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// How a fixture draft is read, by its extension: as the pipeline reads a file of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DraftKind {
    /// An article (`check FILE`).
    Article,
    /// An export of article records, one JSON object a line (`check --input jsonl FILE`).
    Records,
}

impl DraftKind {
    /// The kind of `draft`, or `None` when copydesk reads no file with its extension.
    fn of(draft: &Path) -> Option<DraftKind> {
        let extension = draft.extension()?.to_str()?;
        let listed =
            |mut list: std::slice::Iter<&str>| list.any(|e| e.eq_ignore_ascii_case(extension));
        if input::draft_extensions().any(|e| e.eq_ignore_ascii_case(extension)) {
            Some(DraftKind::Article)
        } else if listed(input::RECORD_EXTENSIONS.iter()) {
            Some(DraftKind::Records)
        } else {
            None
        }
    }
}

/// One fixture draft checked against its expected output.
#[derive(Debug)]
pub struct FixtureOutcome {
    pub draft: PathBuf,
    pub expected_path: PathBuf,
    /// The expected output, or `None` when the file is missing.
    pub expected: Option<String>,
    /// What checking the draft prints now (its findings, or why it could not be read).
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

/// A fixture draft of a format copydesk does not read, so it was not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRun {
    pub draft: PathBuf,
    pub reason: String,
}

/// Every fixture of the session's packs: those checked, and those that could not be.
#[derive(Debug, Default)]
pub struct Fixtures {
    pub checked: Vec<FixtureOutcome>,
    pub not_run: Vec<NotRun>,
}

/// Checks every fixture of every pack the session loaded from disk.
pub fn fixtures(session: &Session) -> Fixtures {
    let mut fixtures = Fixtures::default();
    let Some(profile) = session.profiles().first() else {
        return fixtures;
    };
    for pack in &profile.rules.packs {
        let folder = pack.folder.as_deref().unwrap_or(Path::new(""));
        for draft in &pack.fixtures {
            let mut checked = match DraftKind::of(draft) {
                Some(DraftKind::Article) => check_article(session, draft),
                Some(DraftKind::Records) => check_records(session, draft),
                None => {
                    fixtures.not_run.push(NotRun {
                        draft: draft.clone(),
                        reason: not_read_reason(),
                    });
                    continue;
                }
            };
            name_relative_to(folder, &mut checked);
            let rendered = render::human::render(&checked.report(), false);
            let expected_path = expected_path(draft);
            fixtures.checked.push(FixtureOutcome {
                draft: draft.clone(),
                expected: std::fs::read_to_string(&expected_path).ok(),
                expected_path,
                actual: String::from_utf8_lossy(&rendered).into_owned(),
            });
        }
    }
    fixtures
}

/// Why a draft of another extension is not checked: the extensions copydesk reads.
fn not_read_reason() -> String {
    let listed = |list: &mut dyn Iterator<Item = &str>| {
        list.map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
    };
    format!(
        "copydesk reads articles ending {} and records ending {}",
        listed(&mut input::draft_extensions()),
        listed(&mut input::RECORD_EXTENSIONS.iter().copied())
    )
}

/// Checks an article draft as `check DRAFT` does.
fn check_article(session: &Session, draft: &Path) -> Checked {
    let planned = session.plan(DraftOrigin::File(draft.to_path_buf()));
    session.check(&[planned], None)
}

/// Checks an export of records as `check --input jsonl DRAFT` does: every record under the
/// session's configuration, each line that is not a record reported (before the problems of
/// checking, as `check` prints them).
fn check_records(session: &Session, draft: &Path) -> Checked {
    let name = draft.display().to_string();
    let file = match std::fs::File::open(draft) {
        Ok(file) => file,
        Err(e) => {
            let mut unopened = Checked::default();
            unopened.problems = vec![input::problem(&name, format!("cannot read: {e}"))];
            return unopened;
        }
    };
    let fields = session
        .profiles()
        .first()
        .map(|profile| profile.config.records.clone())
        .unwrap_or_default();
    let mut unreadable: Vec<InputProblem> = Vec::new();
    let mut planned = Vec::new();
    for line in RecordReader::new(BufReader::new(file), name, fields) {
        match line {
            RecordLine::Record(record) => planned.push(session.plan(DraftOrigin::Record(record))),
            RecordLine::Blank(_) => {}
            RecordLine::Unreadable { problem, .. } => unreadable.push(problem),
        }
    }
    let mut checked = if planned.is_empty() {
        Checked::default()
    } else {
        session.check(&planned, None)
    };
    unreadable.append(&mut checked.problems);
    checked.problems = unreadable;
    checked
}

/// Names the files of `checked` — drafts, the sources their front matter names, and the inputs
/// that could not be read — by their paths relative to `folder`, as `check` run there names
/// them. Records keep their ids.
fn name_relative_to(folder: &Path, checked: &mut Checked) {
    let relative = |name: &mut String| {
        if let Ok(rest) = Path::new(name.as_str()).strip_prefix(folder) {
            *name = rest.display().to_string();
        }
    };
    for (article, input) in checked.articles.iter_mut().zip(&checked.inputs) {
        if input.is_file() {
            relative(&mut article.name);
        }
    }
    if let Some(sources) = &mut checked.sources {
        for doc in &mut sources.docs {
            relative(&mut doc.article.name);
        }
    }
    for problem in &mut checked.problems {
        relative(&mut problem.name);
    }
}
