//! The words of a span, as [`Article::words`](super::Article::words) gives them.

use crate::span::Span;

/// The words of a span (see [`Article::words`]).
pub enum Words<'a> {
    /// Read from the words of the article, split once.
    Split(std::iter::Copied<std::slice::Iter<'a, Span>>),
    /// Split on the spot: the span is not inside one block.
    Spot(Box<dyn Iterator<Item = Span> + 'a>),
}

impl Iterator for Words<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        match self {
            Words::Split(words) => words.next(),
            Words::Spot(words) => words.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Words::Split(words) => words.size_hint(),
            Words::Spot(words) => words.size_hint(),
        }
    }
}
