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
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(text).map(|i| i + 1))
            .collect();
        Self { text, line_starts }
    }

    /// 1-based line and column (counted in characters) of byte offset `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= at);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..at].chars().count() + 1;
        (line, column)
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
