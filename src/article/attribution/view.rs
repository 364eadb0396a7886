//! The words of reporting blocks as the attribution layer reads them: each word's classes
//! (one lexicon lookup), whether it is quoted, and the punctuation before it.

use super::lexicon;
use crate::article::Article;
use crate::article::BlockKind;
use crate::span::Span;

/// One word of a block.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    /// Its lexicon classes ([`lexicon::classes`]); none for a quoted word.
    pub classes: u32,
    /// Inside a direct quotation.
    pub quoted: bool,
    /// The text between the previous word (or the block's start) and this one.
    pub gap: Span,
}

impl Token {
    pub fn is(&self, class: u32) -> bool {
        self.classes & class != 0
    }

    /// Whether the word is one of `words`, ignoring ASCII case.
    pub fn is_one_of(&self, article: &Article, words: &[&str]) -> bool {
        let text = article.text(self.span);
        words.iter().any(|w| text.eq_ignore_ascii_case(w))
    }
}

/// One reporting block's words and sentences.
#[derive(Debug, Clone)]
pub struct View {
    pub block: usize,
    pub tokens: Vec<Token>,
    /// Each sentence as a range of token indices, with its span.
    pub sentences: Vec<(std::ops::Range<usize>, Span)>,
}

impl View {
    /// The sentence (token range and span) that holds token `at`.
    pub fn sentence_of(&self, at: usize) -> Option<&(std::ops::Range<usize>, Span)> {
        // The ranges follow one another: the first to end after `at` is the one that may hold it.
        let index = self.sentences.partition_point(|(range, _)| range.end <= at);
        self.sentences
            .get(index)
            .filter(|(range, _)| range.contains(&at))
    }

    /// The first token at or after byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }
}

/// Views of every reporting block, in article order.
pub struct Views {
    pub views: Vec<View>,
}

impl Views {
    pub fn new(article: &Article) -> Self {
        let views = article
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| reports(b.kind))
            .map(|(index, _)| view(article, index))
            .collect();
        Self { views }
    }

    /// The view of block `block`, if it is a reporting block.
    pub fn of_block(&self, block: usize) -> Option<&View> {
        let at = self.views.partition_point(|v| v.block < block);
        self.views.get(at).filter(|v| v.block == block)
    }
}

fn view(article: &Article, block: usize) -> View {
    let span = article.blocks[block].span;
    let mut quotes = article
        .quotes_in(block)
        .iter()
        // A nickname's words read as part of the name around them.
        .filter(|q| !q.nickname)
        .peekable();
    let words = article.block_word_spans(block);
    let mut tokens = Vec::with_capacity(words.len());
    let mut previous_end = span.start;
    for &word in words {
        // Tag names and link targets are markup, not words of the text.
        if article.touches_markup(block, word) {
            continue;
        }
        while quotes.next_if(|q| q.span.end <= word.start).is_some() {}
        let quoted = quotes.peek().is_some_and(|q| q.span.overlaps(word));
        tokens.push(Token {
            span: word,
            // Quoted words are never attribution: nothing reads their classes.
            classes: if quoted {
                0
            } else {
                lexicon::classes(article.text(word))
            },
            quoted,
            gap: Span::new(previous_end, word.start),
        });
        previous_end = word.end;
    }
    let mut sentences = Vec::new();
    let mut first = 0;
    for sentence in article.sentences(&article.blocks[block]) {
        let count = tokens[first..].partition_point(|t| t.span.end <= sentence.end);
        sentences.push((first..first + count, sentence));
        first += count;
    }
    View {
        block,
        tokens,
        sentences,
    }
}

/// The blocks whose sentences are reporting: where attribution is read.
fn reports(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Dek | BlockKind::Caption
    )
}
