//! Turning diagnostics into output. The formats of `check --format` are the table
//! [`EMITTERS`]: [`human`] (codespan-reporting, the default), [`concise`] (one line
//! each), [`json`] (the versioned document and JSON lines), [`sarif`] and [`github`]
//! (annotations). `--statistics` ([`statistics`]) and `--sourcing` ([`sourcing`]) print a
//! summary instead, in the form the chosen format asks for. Besides `check`'s output:
//! [`model`] is `dump-model`'s, [`explain`] a rule's documentation.

pub mod concise;
pub mod emitter;
pub mod explain;
pub mod facts;
pub mod github;
pub mod human;
pub mod json;
pub mod model;
mod registry;
pub mod sarif;
pub mod sourcing;
pub mod statistics;
pub mod trace;

use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::grounding::Sources;
use crate::input::InputProblem;
use crate::span::LineIndex;

pub use emitter::{Context, Emitter, SummaryForm};
pub use registry::{DEFAULT_EMITTER, EMITTERS, emitter_named};

/// What one `check` run produced.
pub struct Report<'a> {
    /// Every article checked. Labels index these, then the sources' documents after them.
    pub articles: &'a [Article],
    /// The sources the articles were checked against, if any.
    pub sources: Option<&'a Sources>,
    /// For each article, the indices in `sources` of those it was checked against (empty when
    /// the caller does not say).
    pub source_of: &'a [Vec<usize>],
    pub diagnostics: &'a [Diagnostic],
    /// Inputs that could not be checked.
    pub problems: &'a [InputProblem],
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    /// Adds another chunk's counts.
    pub fn add(&mut self, other: Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}

impl<'a> Report<'a> {
    /// Checked articles only, with no sources.
    pub fn new(
        articles: &'a [Article],
        diagnostics: &'a [Diagnostic],
        problems: &'a [InputProblem],
    ) -> Self {
        Self {
            articles,
            sources: None,
            source_of: &[],
            diagnostics,
            problems,
        }
    }

    /// Document `index` of the run: an article, or a source after the articles.
    pub fn document(&self, index: usize) -> &'a Article {
        match index.checked_sub(self.articles.len()) {
            None => &self.articles[index],
            Some(source) => match self.sources {
                Some(sources) => &sources.docs[source].article,
                None => &self.articles[index],
            },
        }
    }

    /// Every document labels may point into: the articles, then the sources.
    pub fn documents(&self) -> impl Iterator<Item = &'a Article> + 'a {
        let sources = self.sources.map(|s| s.docs.iter().map(|d| &d.article));
        self.articles.iter().chain(sources.into_iter().flatten())
    }

    /// A line index of every document, numbered as labels number them.
    pub fn line_indexes(&self) -> Vec<LineIndex<'a>> {
        self.documents()
            .map(|a| LineIndex::new(&a.contents))
            .collect()
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for d in self.diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}

/// What the summary line adds when `undated` articles had dates to check but no date of their
/// own: "; 2 articles give no date of their own, so their weekdays and relative dates were not
/// checked (give one with --date)". Nothing when none did.
pub fn undated_note(undated: usize) -> String {
    match undated {
        0 => String::new(),
        1 => "; 1 article gives no date of its own, so its weekdays and relative dates were not \
              checked (give one with --date or a `date` field)"
            .to_owned(),
        n => format!(
            "; {n} articles give no date of their own, so their weekdays and relative dates \
             were not checked (give one with --date or a `date` field)"
        ),
    }
}

/// "checked 3 articles: 0 errors, 2 warnings, 1 info; 1 file could not be read" (or another
/// noun for what could not be read: `record`).
pub fn summary_line(articles: usize, c: Counts, unread: usize, unread_noun: &str) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "checked {}: {}, {}, {}",
        plural(articles, "article"),
        plural(c.errors, "error"),
        plural(c.warnings, "warning"),
        plural(c.infos, "info"),
    );
    if unread > 0 {
        line.push_str(&format!(
            "; {} could not be read",
            plural(unread, unread_noun)
        ));
    }
    line
}
