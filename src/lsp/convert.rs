//! Between copydesk's byte offsets and the protocol's positions (line and UTF-16 code unit, as
//! LSP requires), and between `file:` URIs and paths.

use crate::span::Span;
use line_index::{LineCol, LineIndex, TextSize, WideEncoding, WideLineCol};
use lsp_types::{Position, Range, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A text's lines, for converting positions both ways.
pub struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The protocol position of a byte offset (clamped to the text, and back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_col = self.index.line_col(TextSize::from(offset as u32));
        let wide = self
            .index
            .to_wide(WideEncoding::Utf16, line_col)
            .unwrap_or(WideLineCol {
                line: line_col.line,
                col: line_col.col,
            });
        Position::new(wide.line, wide.col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a protocol position: past the end of a line is its end, past the last
    /// line is the end of the text, inside a character is its start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(line) = self.index.line(position.line) else {
            return self.text.len();
        };
        let start = u32::from(line.start()) as usize;
        let end = u32::from(line.end()) as usize;
        let content = self.text[start..end].trim_end_matches(['\n', '\r']);
        let byte_col = self
            .index
            .to_utf8(
                WideEncoding::Utf16,
                WideLineCol {
                    line: position.line,
                    col: position.character,
                },
            )
            .map_or(content.len(), |LineCol { col, .. }| col as usize)
            .min(content.len());
        let mut offset = start + byte_col;
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        Span::new(start, self.offset(range.end).max(start))
    }
}

/// The path of a `file:` URI.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The `file:` URI of a path (made absolute against the working folder).
pub fn uri_of(path: &Path) -> Option<Uri> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let url = url::Url::from_file_path(absolute).ok()?;
    Uri::from_str(url.as_str()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        // "😀" is 4 bytes and 2 UTF-16 units; "’" is 3 bytes and 1 unit; "é" 2 bytes, 1 unit.
        let text = "a😀b ’q’ Zoë\nsecond";
        let lines = Lines::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(lines.position(b), Position::new(0, 3));
        let z = text.find('Z').unwrap();
        assert_eq!(lines.position(z), Position::new(0, 9));
        assert_eq!(lines.offset(Position::new(0, 3)), b);
        assert_eq!(lines.offset(Position::new(0, 9)), z);
        let second = text.find("second").unwrap();
        assert_eq!(lines.position(second), Position::new(1, 0));
        assert_eq!(lines.offset(Position::new(1, 0)), second);
    }

    #[test]
    fn offsets_are_clamped() {
        let text = "ab\r\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(Position::new(0, 99)), 2);
        assert_eq!(lines.offset(Position::new(7, 0)), text.len());
        // Inside the emoji's surrogate pair: its start.
        let lines = Lines::new("a😀b");
        assert_eq!(lines.offset(Position::new(0, 2)), 1);
        assert_eq!(lines.position(3), Position::new(0, 1));
    }

    #[test]
    fn file_uris_round_trip() {
        let uri = uri_of(Path::new("/tmp/a draft/story.md")).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20draft/story.md");
        assert_eq!(path_of(&uri).unwrap(), Path::new("/tmp/a draft/story.md"));
        assert!(path_of(&Uri::from_str("untitled:Untitled-1").unwrap()).is_none());
    }
}
