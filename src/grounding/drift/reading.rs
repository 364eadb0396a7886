//! What every kind of drift reads of an article and its sources, read once per article: the
//! words of each aligned sentence and of the source sentences of its passage, with their
//! stems.

use super::read::{self, Token};
use crate::article::Article;
use crate::grounding::{Alignment, Sources};
use crate::span::Span;

/// A source sentence of a passage, read.
pub(super) struct SourceSentence {
    pub(super) span: Span,
    pub(super) tokens: Vec<Token>,
    /// The stems of its words outside quotations ([`read::stems`]).
    pub(super) terms: Vec<String>,
}

/// A draft sentence aligned with a passage, read, with its passage's sentences.
pub(super) struct DraftSentence {
    pub(super) tokens: Vec<Token>,
    /// The stems of its words outside quotations ([`read::stems`]).
    pub(super) terms: Vec<String>,
    pub(super) passage: Vec<SourceSentence>,
}

/// An article's sentences and the passages they are aligned with, read into words once and
/// shared by every drift compared (see [`Sources::drift_reading`]).
pub struct DriftReading {
    /// One for each sentence of the [`Alignment`], `None` when it has no passage.
    pub(super) sentences: Vec<Option<DraftSentence>>,
}

impl Sources {
    /// The sentences of `article` that `alignment` aligns with a passage, and the sentences
    /// of those passages, read for [`Sources::drifts`]: what every kind of drift reads, read
    /// once.
    pub fn drift_reading(&self, article: &Article, alignment: &Alignment) -> DriftReading {
        let sentences = alignment
            .sentences
            .iter()
            .map(|sentence| {
                let passage = sentence.support.passages.first()?;
                let source = &self.docs[passage.doc].article;
                let tokens = read::tokens(article, sentence.span);
                // Each sentence looked up directly: skipping to it would cost the whole source.
                let passage = passage
                    .sentences
                    .clone()
                    .filter_map(|number| self.source_sentence(passage.doc, number))
                    .map(|span| {
                        let tokens = read::tokens(source, span);
                        SourceSentence {
                            span,
                            terms: read::stems(&tokens),
                            tokens,
                        }
                    })
                    .collect();
                Some(DraftSentence {
                    terms: read::stems(&tokens),
                    tokens,
                    passage,
                })
            })
            .collect();
        DriftReading { sentences }
    }
}

/// From the first of `tokens[range]` to the last.
pub(super) fn span_of(tokens: &[Token], range: std::ops::Range<usize>) -> Option<Span> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    Some(Span::new(first.span.start, last.span.end))
}

/// How many of `terms` (sorted) are in `others` (sorted).
pub(super) fn shared(terms: &[String], others: &[String]) -> usize {
    terms
        .iter()
        .filter(|t| others.binary_search(t).is_ok())
        .count()
}
