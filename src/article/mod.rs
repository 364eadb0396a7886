//! The article model: what a draft is made of, with byte spans into its source.
//!
//! An [`Article`] owns its source text and lists its [`Block`]s in order — section label,
//! headline, dek, byline, dateline, subheads, paragraphs, captions and promo lines — and the
//! direct [`Quote`]s inside them. Rules read blocks by kind (their *scope*) and skip quoted text
//! unless they opt in.

pub mod attribution;
mod block;
mod classify;
mod elements;
mod entity;
pub mod facts;
mod format;
pub mod furniture;
mod html;
pub mod label;
mod layout;
mod markdown;
mod nickname;
mod parser;
mod plain;
mod quotes;
mod record;
pub mod text;
pub mod voice;
mod word_classes;
mod words;

pub use block::{Block, BlockKind, Quote, next_in_text, previous_in_text};
pub use format::Format;
pub use layout::{Layout, Parts};
pub use parser::{FormatInfo, ParseAs, Parsed};
pub use words::Words;

use crate::span::Span;

/// How an article's file is encoded on disk. Its text is always held as UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    #[default]
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
}

/// An article: its source text and the blocks and quotations found in it.
#[derive(Debug, Clone)]
pub struct Article {
    /// How the article is named in diagnostics (a path, or `<stdin>`).
    pub name: String,
    /// The article's text as read and decoded; every span of the model indexes it.
    pub contents: String,
    pub format: Format,
    pub blocks: Vec<Block>,
    pub quotes: Vec<Quote>,
    /// Source documents the article names itself (Markdown front matter `sources`), as written.
    pub declared_sources: Vec<String>,
    /// What the story says it is when it is not news, and where it says so (see
    /// [`label`]): the label line, or no span for front matter and a record's field.
    pub label: Option<(label::StoryLabel, Option<Span>)>,
    /// How the file on disk is encoded; fixes are written back the same way.
    pub encoding: Encoding,
    /// Where each field lies, for an article assembled from a record's fields.
    pub layout: Option<Layout>,
    /// The story's own date: its front matter's or record's `date`, its dateline's, or the
    /// run's (`--date`). Checks of dates that need one are skipped without it.
    pub date: Option<chrono::NaiveDate>,
    /// Every block's words and sentences, split once, the first time a rule asks.
    tokens: std::sync::OnceLock<Tokens>,
    /// Who said what, worked out the first time a rule asks.
    attribution: std::sync::OnceLock<attribution::Attribution>,
    /// Each sentence's attribution cues, counted the first time a rule asks.
    voicing: std::sync::OnceLock<attribution::Voicing>,
    /// The block where a passage in the first person starts (see [`voice`]), found the first
    /// time a rule asks.
    first_person: std::sync::OnceLock<Option<usize>>,
    /// Ages, titles, counts, dates and shares, read the first time a rule asks.
    facts: std::sync::OnceLock<facts::model::Facts>,
}

/// The words and sentences of all blocks, in order, and which of them each block holds.
#[derive(Debug, Clone, Default)]
struct Tokens {
    words: Vec<Span>,
    sentences: Vec<Span>,
    /// For each block, the range of `words` inside it.
    block_words: Vec<std::ops::Range<usize>>,
    /// For each block, the range of `sentences` inside it.
    block_sentences: Vec<std::ops::Range<usize>>,
}

impl Article {
    /// Builds the model of `source`. A leading byte-order mark is kept in the source (spans stay
    /// true to the bytes on disk) and skipped by the parser; CRLF line ends are understood.
    pub fn parse(name: impl Into<String>, source: impl Into<String>, format: Format) -> Self {
        let source = source.into();
        let parsed = (format.info().parse)(&source, ParseAs::Draft);
        let mut article = Self::from_blocks(
            name.into(),
            source,
            format,
            parsed.blocks,
            &parsed.tagged_quotes,
        );
        article.declared_sources = parsed.declared_sources;
        if let Some(label) = parsed.label {
            article.label = Some((label, None));
        }
        article.date = parsed.date.or_else(|| article.dateline_date());
        article
    }

    /// The article of `source` cut into `blocks`, with the quotations found in them and
    /// those marked up as `<q>` (`tagged`), which carry no quotation marks of their own.
    fn from_blocks(
        name: String,
        source: String,
        format: Format,
        blocks: Vec<Block>,
        tagged: &[Span],
    ) -> Self {
        let entities = format.info().character_references;
        let mut quotes = quotes::find(&source, &blocks, entities);
        // Quotations with marks come sorted; each `<q>` is placed among them by bisection.
        let marked = quotes.len();
        for &span in tagged {
            let block = blocks.partition_point(|b| b.span.start <= span.start);
            let block = block
                .checked_sub(1)
                .filter(|&b| blocks[b].span.contains(span));
            let after = quotes[..marked].partition_point(|q| q.span.end <= span.start);
            let overlaps = quotes[after..marked]
                .first()
                .is_some_and(|q| q.span.overlaps(span));
            if let Some(block) = block.filter(|_| !overlaps) {
                quotes.push(Quote {
                    span,
                    block,
                    unclosed: false,
                    continues: false,
                    nickname: false,
                });
            }
        }
        quotes.sort_by_key(|q| q.span.start);
        let label = label::StoryLabel::line(&source, &blocks).map(|(l, span)| (l, Some(span)));
        Self {
            name,
            contents: source,
            format,
            blocks,
            quotes,
            declared_sources: Vec::new(),
            label,
            encoding: Encoding::Utf8,
            layout: None,
            date: None,
            tokens: std::sync::OnceLock::new(),
            attribution: std::sync::OnceLock::new(),
            voicing: std::sync::OnceLock::new(),
            first_person: std::sync::OnceLock::new(),
            facts: std::sync::OnceLock::new(),
        }
    }

    /// The date a dateline gives with its year ("WASHINGTON, March 15, 2023 (Reuters) -").
    fn dateline_date(&self) -> Option<chrono::NaiveDate> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Dateline)
            .find_map(|b| facts::calendar::story_date_in(self.text(b.span)))
    }

    /// An article that is one block of `kind` (how a rule's one-line example is checked).
    pub fn single_block(name: impl Into<String>, text: impl Into<String>, kind: BlockKind) -> Self {
        let source: String = text.into();
        let trimmed = source.trim_start();
        let start = source.len() - trimmed.len();
        let span = Span::new(start, start + trimmed.trim_end().len());
        let blocks = if span.is_empty() {
            Vec::new()
        } else {
            vec![Block {
                kind,
                span,
                markup: Vec::new(),
            }]
        };
        let quotes = quotes::find(&source, &blocks, false);
        let label = label::StoryLabel::line(&source, &blocks).map(|(l, span)| (l, Some(span)));
        Self {
            name: name.into(),
            contents: source,
            format: Format::Plain,
            blocks,
            quotes,
            declared_sources: Vec::new(),
            label,
            encoding: Encoding::Utf8,
            layout: None,
            date: None,
            tokens: std::sync::OnceLock::new(),
            attribution: std::sync::OnceLock::new(),
            voicing: std::sync::OnceLock::new(),
            first_person: std::sync::OnceLock::new(),
            facts: std::sync::OnceLock::new(),
        }
    }

    pub fn text(&self, span: Span) -> &str {
        &self.contents[span.range()]
    }

    pub fn headline(&self) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == BlockKind::Headline)
    }

    /// The index of the block that contains `span`, if one does.
    pub fn block_at(&self, span: Span) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.start <= span.start);
        let i = i.checked_sub(1)?;
        self.blocks[i].span.contains(span).then_some(i)
    }

    /// Whether `span` lies inside (or overlaps) a direct quotation.
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes.get(i).is_some_and(|q| q.span.overlaps(span))
    }

    /// Whether `span` touches markup of its block (see [`Block::markup`]). Asked of every word
    /// by several rules, and most blocks have none: inlined.
    #[inline]
    pub fn touches_markup(&self, block: usize, span: Span) -> bool {
        let markup = &self.blocks[block].markup;
        // Most blocks hold a few tags at most: looked through, not bisected.
        match markup.len() {
            0..=8 => markup.iter().any(|m| m.overlaps(span)),
            _ => !self.blocks[block].markup_overlapping(span).is_empty(),
        }
    }

    /// The quotations inside block `block`, in order.
    pub fn quotes_in(&self, block: usize) -> &[Quote] {
        let first = self.quotes.partition_point(|q| q.block < block);
        let count = self.quotes[first..].partition_point(|q| q.block == block);
        &self.quotes[first..first + count]
    }

    /// Every block split into words and sentences once: several rules read them.
    fn tokens(&self) -> &Tokens {
        self.tokens.get_or_init(|| {
            let mut tokens = Tokens::default();
            for block in &self.blocks {
                let text = &self.contents[block.span.range()];
                let at = block.span.start;
                let (words, sentences) = (tokens.words.len(), tokens.sentences.len());
                tokens.words.extend(text::words(text).map(|w| w.shift(at)));
                tokens
                    .sentences
                    .extend(text::sentences(text).map(|s| s.shift(at)));
                tokens.block_words.push(words..tokens.words.len());
                tokens
                    .block_sentences
                    .push(sentences..tokens.sentences.len());
            }
            tokens
        })
    }

    /// The spans of `all` (sorted, not overlapping) that lie inside `within`.
    fn inside(all: &[Span], within: Span) -> &[Span] {
        let first = all.partition_point(|s| s.start < within.start);
        let count = all[first..].partition_point(|s| s.end <= within.end);
        &all[first..first + count]
    }

    /// The sentences of a block, as absolute spans.
    pub fn sentences(&self, block: &Block) -> impl Iterator<Item = Span> + '_ {
        let tokens = self.tokens();
        let own = match self.index_of(block) {
            Some(index) => &tokens.sentences[tokens.block_sentences[index].clone()],
            None => Self::inside(&tokens.sentences, block.span),
        };
        own.iter().copied()
    }

    /// The index of `block` when it is one of this article's blocks (found by its address,
    /// without a search).
    fn index_of(&self, block: &Block) -> Option<usize> {
        let offset = (block as *const Block as usize).wrapping_sub(self.blocks.as_ptr() as usize);
        let index = offset / std::mem::size_of::<Block>().max(1);
        self.blocks
            .get(index)
            .filter(|own| std::ptr::eq(*own, block))
            .map(|_| index)
    }

    /// The words of block `block`, split once.
    pub fn block_words(&self, block: usize) -> Words<'_> {
        Words::Split(self.block_word_spans(block).iter().copied())
    }

    /// The words of block `block`, split once, as a slice.
    pub fn block_word_spans(&self, block: usize) -> &[Span] {
        let tokens = self.tokens();
        let range = tokens.block_words.get(block).cloned().unwrap_or_default();
        &tokens.words[range]
    }

    /// The sentence that holds `span`, if one does, found by bisection.
    pub fn sentence_at(&self, span: Span) -> Option<Span> {
        let sentences = &self.tokens().sentences;
        let after = sentences.partition_point(|s| s.start <= span.start);
        let sentence = sentences[..after].last()?;
        sentence.contains(span).then_some(*sentence)
    }

    /// The words inside `span`, as absolute spans. Spans inside one block (a block, a
    /// sentence, a quotation) read the words split once; others are split on the spot.
    pub fn words(&self, span: Span) -> Words<'_> {
        match self.block_at(span) {
            // A block's words are known; a part of a block is searched for among them.
            Some(block) => {
                let tokens = self.tokens();
                let own = &tokens.words[tokens.block_words[block].clone()];
                let words = match self.blocks[block].span == span {
                    true => own,
                    false => Self::inside(own, span),
                };
                Words::Split(words.iter().copied())
            }
            None => Words::Spot(Box::new(
                text::words(&self.contents[span.range()]).map(move |w| w.shift(span.start)),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
