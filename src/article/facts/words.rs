//! The sentences the facts layer reads, as words with the punctuation before each: the
//! headline, the dek, the body's paragraphs and subheads, and captions, in reading order.

use super::model::Place;
use crate::article::{Article, BlockKind};
use crate::span::Span;

/// One word of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    /// The text between the previous word of the block (or its start) and this one.
    pub before: &'a str,
    /// Inside a direct quotation.
    pub quoted: bool,
}

impl Word<'_> {
    /// Whether the word is `word`, ignoring ASCII case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// Whether it starts with a capital letter.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether only white space stands between the previous word and this one.
    pub fn follows_closely(&self) -> bool {
        self.before.chars().all(char::is_whitespace)
    }
}

/// One sentence of a block the facts layer reads.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// Which block, and where the sentence stands in reading order.
    pub rank: u8,
    pub block: usize,
    pub span: Span,
    pub words: Vec<Word<'a>>,
}

impl Sentence<'_> {
    /// Where the words `first..=last` stand.
    pub fn place(&self, first: usize, last: usize) -> Place {
        Place {
            rank: self.rank,
            block: self.block,
            span: Span::new(self.words[first].span.start, self.words[last].span.end),
        }
    }

    /// Whether any word of the sentence is one of `words`.
    pub fn has_any(&self, words: &[&str]) -> bool {
        self.words.iter().any(|w| !w.quoted && w.is_any(words))
    }
}

/// Where a block of `kind` stands in reading order, if the facts layer reads it.
fn rank(kind: BlockKind) -> Option<u8> {
    match kind {
        BlockKind::Headline => Some(0),
        BlockKind::Dek => Some(1),
        BlockKind::Paragraph | BlockKind::Subhead => Some(2),
        BlockKind::Caption => Some(3),
        _ => None,
    }
}

/// The sentences of every block the facts layer reads, in the article's order.
pub fn sentences(article: &Article) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    for (block, b) in article.blocks.iter().enumerate() {
        let Some(rank) = rank(b.kind) else { continue };
        let mut previous_end = b.span.start;
        let mut words = article.block_words(block).peekable();
        for sentence in article.sentences(b) {
            // About one word in six bytes of news copy: grown once at most, not word by word.
            let mut list = Vec::with_capacity(sentence.len() / 6 + 1);
            while let Some(span) = words.next_if(|w| w.start < sentence.end) {
                list.push(Word {
                    span,
                    text: article.text(span),
                    before: &article.contents[previous_end.min(span.start)..span.start],
                    quoted: article.in_quote(span),
                });
                previous_end = span.end;
            }
            if !list.is_empty() {
                out.push(Sentence {
                    rank,
                    block,
                    span: sentence,
                    words: list,
                });
            }
        }
    }
    out
}
