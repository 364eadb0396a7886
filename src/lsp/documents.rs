//! The documents the editor has open: their text as the editor has it (incremental changes
//! applied), and what the last check of each found.

use super::convert::Lines;
use crate::pipeline::Checked;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

/// One open document.
pub struct Document {
    pub uri: Uri,
    /// Its file, for configuration discovery and front-matter sources; `None` for a buffer
    /// that is not a file.
    pub path: Option<PathBuf>,
    /// The name findings use and whose extension chooses the format.
    pub name: String,
    pub text: String,
    pub version: i32,
    /// When it changed and has not been checked since: checked once the debounce is over.
    pub due: Option<Instant>,
    /// The last check of the current text, if there was one.
    pub checked: Option<Checked>,
    /// The configuration file its last check used (for reloading).
    pub config: Option<PathBuf>,
}

impl Document {
    /// Applies the editor's changes in order: a change with a range replaces that range, one
    /// without replaces the whole text.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = Lines::new(&self.text).span(range);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
                None => self.text = change.text,
            }
        }
        self.version = version;
        self.checked = None;
    }
}

/// The open documents, by URI.
#[derive(Default)]
pub struct Documents {
    open: HashMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, document: Document) {
        self.open.insert(document.uri.as_str().to_owned(), document);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.open.remove(uri.as_str())
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri.as_str())
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.open.get_mut(uri.as_str())
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Document> {
        self.open.values_mut()
    }

    /// The soonest moment a changed document is due for a check.
    pub fn next_due(&self) -> Option<Instant> {
        self.open.values().filter_map(|d| d.due).min()
    }

    /// The URIs of the documents due by `now`.
    pub fn due(&self, now: Instant) -> Vec<Uri> {
        self.open
            .values()
            .filter(|d| d.due.is_some_and(|due| due <= now))
            .map(|d| d.uri.clone())
            .collect()
    }

    /// Every open document's URI.
    pub fn uris(&self) -> Vec<Uri> {
        self.open.values().map(|d| d.uri.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    fn document(text: &str) -> Document {
        Document {
            uri: Uri::from_str("file:///tmp/a.md").unwrap(),
            path: None,
            name: "a.md".into(),
            text: text.into(),
            version: 1,
            due: None,
            checked: None,
            config: None,
        }
    }

    #[test]
    fn incremental_changes_apply_in_order_at_utf16_positions() {
        let mut doc = document("Zoë 😀 said “yes”\nline two\n");
        let change = |range: Option<Range>, text: &str| TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.into(),
        };
        // Replace "said" (UTF-16 columns 7..11: Z o ë space, 2 for the emoji, space).
        let said = Range::new(Position::new(0, 7), Position::new(0, 11));
        doc.apply(
            vec![
                change(Some(said), "told"),
                change(
                    Some(Range::new(Position::new(1, 0), Position::new(1, 4))),
                    "LINE",
                ),
            ],
            2,
        );
        assert_eq!(doc.text, "Zoë 😀 told “yes”\nLINE two\n");
        assert_eq!(doc.version, 2);
        doc.apply(vec![change(None, "all new")], 3);
        assert_eq!(doc.text, "all new");
    }
}
