//! The sentences the facts layer reads, as words with the punctuation before each: the
//! headline, the dek, the body's paragraphs and subheads, and captions, in reading order.

use super::model::Place;
use super::roles::{self, Role};
use crate::article::text::opens_with_capital;
use crate::article::{Article, BlockKind};
use crate::span::Span;

/// The classes of words the facts layer looks for in every sentence, so that a sentence
/// without any is passed over at once. Which words each class holds is the table
/// [`Split`] is given, built from the readers' own lists (see `facts::classes_of`).
pub mod class {
    /// What a count counts, after it or as a verb before it ("killed", "injuring").
    pub const COUNTING: u32 = 1;
    /// Words that put a sentence's counts in another time ("last", "ago").
    pub const EARLIER: u32 = 1 << 1;
    /// A birthday, which makes two ages one person's past and present ("turned").
    pub const BIRTHDAY: u32 = 1 << 2;
    pub const WEEKDAY: u32 = 1 << 3;
    /// The words a relative date starts with ("yesterday", "last").
    pub const RELATIVE: u32 = 1 << 4;
    /// Offices and their qualifiers, capitalised, as a title is written ("Defense",
    /// "Secretary"; see `roles`).
    pub const TITLE: u32 = 1 << 5;
    /// Words that open a sentence and are never part of a name, capitalised ("The", "In").
    pub const NOT_NAME: u32 = 1 << 6;
    /// What a set of shares is a whole of ("poll", "voters").
    pub const WHOLE: u32 = 1 << 7;
    /// What makes percentages changes or rates, not shares ("rose", "margin").
    pub const NOT_SHARE: u32 = 1 << 8;
    /// A number below a hundred in words ("twelve", "forty").
    pub const NUMBER: u32 = 1 << 9;
    pub const AGED: u32 = 1 << 10;
    /// A word in figures or joined by a hyphen, which may be or hold a number ("46",
    /// "forty-six", "46-year-old"). Known by its shape, not looked up.
    pub const FIGURE: u32 = 1 << 11;
}

/// One word of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    /// The text between the previous word of the block (or its start) and this one.
    pub before: &'a str,
    /// Inside a direct quotation.
    pub quoted: bool,
    /// Its [`class`]es.
    pub classes: u32,
}

impl Word<'_> {
    /// Whether the word is `word`, ignoring ASCII case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// Whether it is a word of `class`.
    pub fn is_a(&self, class: u32) -> bool {
        self.classes & class != 0
    }

    /// What the word can be in a title or a name.
    #[inline]
    pub fn role(&self) -> Role {
        match self.is_a(class::TITLE | class::NOT_NAME) {
            true => roles::role(self.text),
            false => Role::default(),
        }
    }

    /// Whether it starts with a capital letter.
    pub fn capitalised(&self) -> bool {
        opens_with_capital(self.text)
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
    pub words: &'a [Word<'a>],
    /// The classes of its words outside quotations.
    unquoted: u32,
    /// The classes of all its words.
    classes: u32,
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

    /// Whether a word of the sentence outside quotations is of `class`.
    pub fn has(&self, class: u32) -> bool {
        self.unquoted & class != 0
    }

    /// Whether any word of the sentence, quoted or not, is of `class`.
    pub fn holds(&self, class: u32) -> bool {
        self.classes & class != 0
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

/// The words of every block the facts layer reads, in the article's order, each with its
/// classes as `classes_of` gives them, and where each sentence's words stand among them: one
/// list for the story, not one for each sentence.
pub struct Split<'a> {
    words: Vec<Word<'a>>,
    sentences: Vec<Bounds>,
}

/// Where one sentence stands, before its words are lent out.
struct Bounds {
    rank: u8,
    block: usize,
    span: Span,
    words: std::ops::Range<usize>,
    unquoted: u32,
    classes: u32,
}

impl<'a> Split<'a> {
    pub fn new(article: &'a Article, classes_of: impl Fn(&str) -> u32) -> Self {
        // Room for every word and sentence at once: growing a list of 56-byte words copies it
        // (a tenth of the layer's cost on the UK half, when the room was guessed from bytes).
        let ranked = || (article.blocks.iter().enumerate()).filter(|(_, b)| rank(b.kind).is_some());
        let mut split = Split {
            words: Vec::with_capacity(
                ranked()
                    .map(|(block, _)| article.block_word_spans(block).len())
                    .sum(),
            ),
            sentences: Vec::with_capacity(
                ranked().map(|(_, b)| article.sentences(b).count()).sum(),
            ),
        };
        // Words come in order, so the quotation each may stand in is found by walking forward;
        // `quote` is the first that does not end before the current word (none: past the end).
        let mut quotes = article.quotes.iter().map(|q| q.span);
        let past_the_end = Span::new(usize::MAX, usize::MAX);
        let mut quote = quotes.next().unwrap_or(past_the_end);
        for (block, b) in article.blocks.iter().enumerate() {
            let Some(rank) = rank(b.kind) else { continue };
            let mut previous_end = b.span.start;
            let mut words = article.block_word_spans(block);
            for sentence in article.sentences(b) {
                let count = words.partition_point(|w| w.start < sentence.end);
                let (these, rest) = words.split_at(count);
                words = rest;
                let first = split.words.len();
                let (mut unquoted, mut all) = (0, 0);
                for &span in these {
                    while quote.end <= span.start {
                        quote = quotes.next().unwrap_or(past_the_end);
                    }
                    let quoted = quote.overlaps(span);
                    let text = article.text(span);
                    let word_classes = classes_of(text);
                    all |= word_classes;
                    if !quoted {
                        unquoted |= word_classes;
                    }
                    split.words.push(Word {
                        span,
                        text,
                        before: &article.contents[previous_end.min(span.start)..span.start],
                        quoted,
                        classes: word_classes,
                    });
                    previous_end = span.end;
                }
                if split.words.len() > first {
                    split.sentences.push(Bounds {
                        rank,
                        block,
                        span: sentence,
                        words: first..split.words.len(),
                        unquoted,
                        classes: all,
                    });
                }
            }
        }
        split
    }

    /// The sentences, each lending its words.
    pub fn sentences(&self) -> Vec<Sentence<'_>> {
        self.sentences
            .iter()
            .map(|b| Sentence {
                rank: b.rank,
                block: b.block,
                span: b.span,
                words: &self.words[b.words.clone()],
                unquoted: b.unquoted,
                classes: b.classes,
            })
            .collect()
    }
}
