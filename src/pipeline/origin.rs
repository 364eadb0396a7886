//! Where a draft comes from, and the one function that reads a draft into an [`Article`]:
//! a file, standard input, text in memory or an article record. Every front end hands the
//! pipeline a [`DraftOrigin`]; sources are read the same way.

use super::Record;
use crate::article::{Article, Format};
use crate::input::{self, InputProblem};
use std::path::PathBuf;

/// Where one draft comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftOrigin {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, named by a virtual path (`--stdin-filename`) or `<stdin>`.
    Stdin { name: Option<PathBuf> },
    /// Text in memory, named by a virtual path that chooses its format unless `format` is
    /// given.
    Text {
        name: String,
        text: String,
        format: Option<Format>,
    },
    /// An article record of a JSON-lines export, named by its id.
    Record(Box<Record>),
}

impl DraftOrigin {
    /// How diagnostics name the draft.
    pub fn name(&self) -> String {
        match self {
            DraftOrigin::File(path) => path.display().to_string(),
            DraftOrigin::Stdin { name: Some(name) } => name.display().to_string(),
            DraftOrigin::Stdin { name: None } => input::STDIN_NAME.to_owned(),
            DraftOrigin::Text { name, .. } => name.clone(),
            DraftOrigin::Record(record) => record.id.clone(),
        }
    }

    /// Whether fixes may be written back to a file.
    pub fn is_file(&self) -> bool {
        matches!(self, DraftOrigin::File(_))
    }

    /// Reads the draft into an article. A file, standard input and text are read in the format
    /// their name says ([`Format::for_path`]; `<stdin>` and unclaimed extensions are plain
    /// text), a record in the format it gives its body.
    pub fn read(&self) -> Result<Article, InputProblem> {
        let name = self.name();
        match self {
            DraftOrigin::File(path) => {
                let bytes = input::read_bytes(path, &name)?;
                input::parse_bytes(&name, bytes, Format::for_path(&name))
            }
            DraftOrigin::Stdin { .. } => {
                let bytes = input::read_stdin_bytes(&name)?;
                input::parse_bytes(&name, bytes, Format::for_path(&name))
            }
            DraftOrigin::Text { name, text, format } => {
                let format = format.unwrap_or_else(|| Format::for_path(name));
                Ok(Article::parse(name, text, format))
            }
            DraftOrigin::Record(record) => {
                let mut article =
                    Article::assemble(record.id.clone(), &record.parts, record.format);
                // The record's field says before a label line does.
                if let Some(label) = record.label {
                    article.label = Some((label, None));
                }
                article.date = record.date.or(article.date);
                Ok(article)
            }
        }
    }
}

/// Text in memory named `name`, read in the format its name says: a [`DraftOrigin::Text`], or
/// a source document given as text.
pub(super) fn parse_text(name: &str, text: &str) -> Article {
    Article::parse(name, text, Format::for_path(name))
}
