//! Byte spans into an article's or a rule pack's source text.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `start..end` into a source text.
///
/// Spans are always on UTF-8 character boundaries of the text they index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span moved `offset` bytes to the right.
    pub const fn shift(self, offset: usize) -> Self {
        Self::new(self.start + offset, self.end + offset)
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Self::new(range.start, range.end)
    }
}

/// Start offsets of every line of a text, for turning byte offsets into 1-based line and column.
///
/// Columns count characters. A text that is all ASCII counts bytes; otherwise the number of
/// characters before every [`CHECKPOINT`]-th byte is kept, so a column costs at most that many
/// bytes of counting however long the line: many findings on one long line stay linear.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Built the first time a position is asked for: a chunk of articles gets an index for
    /// each, and most have no finding.
    tables: std::sync::OnceLock<Tables>,
}

struct Tables {
    line_starts: Vec<usize>,
    /// Characters before byte `i * CHECKPOINT` (and, last, in the whole text); empty for an
    /// ASCII text.
    chars_before: Vec<usize>,
    /// Characters outside the Basic Multilingual Plane (emoji: two UTF-16 units each) before
    /// byte `i * CHECKPOINT`; empty for a text with none.
    astral_before: Vec<usize>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 256;

impl Tables {
    fn of(text: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let chars_before = if text.is_ascii() {
            Vec::new()
        } else {
            let mut counts = vec![0];
            for chunk in text.as_bytes().chunks(CHECKPOINT) {
                let before = counts.last().copied().unwrap_or(0);
                counts.push(before + chars_in(chunk));
            }
            counts
        };
        let astral_before = if text.as_bytes().iter().any(|&b| b >= 0xF0) {
            let mut counts = vec![0];
            for chunk in text.as_bytes().chunks(CHECKPOINT) {
                let before = counts.last().copied().unwrap_or(0);
                counts.push(before + astral_in(chunk));
            }
            counts
        } else {
            Vec::new()
        };
        Tables {
            line_starts,
            chars_before,
            astral_before,
        }
    }
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            tables: std::sync::OnceLock::new(),
        }
    }

    fn tables(&self) -> &Tables {
        self.tables.get_or_init(|| Tables::of(self.text))
    }

    /// The offset of byte `at` in UTF-16 code units from the start of the text: what a
    /// JavaScript string or an editor's UTF-16 position counts.
    pub fn utf16_offset(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let astral = if self.tables().astral_before.is_empty() {
            0
        } else {
            let checkpoint = at / CHECKPOINT;
            self.tables().astral_before[checkpoint]
                + astral_in(&self.text.as_bytes()[checkpoint * CHECKPOINT..at])
        };
        self.chars_to(at) + astral
    }

    /// The offset of byte `at` in characters (Unicode code points) from the start of the text.
    pub fn char_offset(&self, at: usize) -> usize {
        self.chars_to(at.min(self.text.len()))
    }

    /// 1-based line and column (counted in characters) of byte offset `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let line = self
            .tables()
            .line_starts
            .partition_point(|&start| start <= at);
        let line_start = self.tables().line_starts[line - 1];
        (line, self.chars_to(at) - self.chars_to(line_start) + 1)
    }

    /// The 0-based index of the line holding byte offset `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.tables()
            .line_starts
            .partition_point(|&start| start <= at)
            - 1
    }

    /// Where 0-based line `line` starts; the end of the text for the line after the last, and
    /// `None` past that.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        match self.tables().line_starts.get(line) {
            Some(&start) => Some(start),
            None if line == self.tables().line_starts.len() => Some(self.text.len()),
            None => None,
        }
    }

    /// The number of characters before byte offset `at`.
    fn chars_to(&self, at: usize) -> usize {
        if self.tables().chars_before.is_empty() {
            return at;
        }
        let checkpoint = at / CHECKPOINT;
        self.tables().chars_before[checkpoint]
            + chars_in(&self.text.as_bytes()[checkpoint * CHECKPOINT..at])
    }
}

/// Whether `c` ends a line: a line feed, a carriage return (alone or before a line feed), a
/// next-line character or a Unicode line or paragraph separator.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The line ends in `text`, in order, each as written (`"\r\n"` is one).
pub fn line_ends(text: &str) -> impl Iterator<Item = &str> {
    text.char_indices()
        .filter(|&(i, c)| is_line_break(c) && !(c == '\n' && text[..i].ends_with('\r')))
        .map(|(i, c)| {
            let end = match c {
                '\r' if text[i + 1..].starts_with('\n') => i + 2,
                c => i + c.len_utf8(),
            };
            &text[i..end]
        })
}

/// Four-byte characters that start in `bytes` (their lead byte is 0xF0 or above).
fn astral_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xF0).count()
}

/// Characters that start in `bytes`: every byte but UTF-8 continuation bytes.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_are_read_as_written() {
        let ends: Vec<&str> = line_ends("a\r\nb\nc\rd\u{2028}\r\r\n").collect();
        assert_eq!(ends, ["\r\n", "\n", "\r", "\u{2028}", "\r", "\r\n"]);
        assert_eq!(line_ends("no break").count(), 0);
    }

    #[test]
    fn utf16_offsets_count_emoji_twice() {
        let text = format!("{}a😀’b", "x".repeat(300));
        let index = LineIndex::new(&text);
        let b = text.find('b').unwrap();
        assert_eq!(index.utf16_offset(b), text[..b].encode_utf16().count());
        assert_eq!(index.utf16_offset(b), 304);
        assert_eq!(LineIndex::new("plain").utf16_offset(3), 3);
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = format!("{}\n“Ya’ll” 😀 z", "é".repeat(200));
        let index = LineIndex::new(&text);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.char_offset(at), text[..at].chars().count(), "at {at}");
        }
        assert_eq!(LineIndex::new("plain").char_offset(3), 3);
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n“x” y";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(3), (2, 1));
        let y = text.find('y').unwrap();
        assert_eq!(index.line_col(y), (2, 5));
        assert_eq!(index.line_col(text.len()), (2, 6));
    }

    #[test]
    fn columns_on_a_long_line_match_counting_from_its_start() {
        let line = "é“x” ".repeat(300);
        let text = format!("title\n{line}\nend");
        let index = LineIndex::new(&text);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let (line, column) = index.line_col(at);
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(line, text[..at].matches('\n').count() + 1);
            assert_eq!(column, text[start..at].chars().count() + 1, "at {at}");
        }
    }
}
