//! Exception phrases: where a rule's match lies inside one, it is not reported.

use super::Context;
use super::matcher::Hit;
use crate::span::Span;

/// Phrases inside which a rule's match is not reported (`exceptions` in packs): "slammed" is
/// loaded, "slammed the door" is not.
#[derive(Debug, Clone, Default)]
pub struct Exceptions {
    /// ASCII-lower-cased, so byte offsets match the text's.
    phrases: Vec<String>,
}

impl Exceptions {
    pub fn new(phrases: &[String]) -> Self {
        Self {
            phrases: phrases.iter().map(|p| p.to_ascii_lowercase()).collect(),
        }
    }

    /// The rule's hits that no exception phrase covers. Each block with hits is lower-cased
    /// and searched once, however many hits it holds.
    pub fn uncovered<'c>(&self, cx: &Context<'c>) -> Vec<&'c Hit> {
        if self.phrases.is_empty() {
            return cx.hits.iter().collect();
        }
        let mut phrases_in: Option<(usize, PhraseSpans)> = None;
        let mut kept = Vec::with_capacity(cx.hits.len());
        for hit in cx.hits {
            let Some(block) = cx.article.block_at(hit.span) else {
                kept.push(hit);
                continue;
            };
            if phrases_in.as_ref().is_none_or(|(b, _)| *b != block) {
                let block_span = cx.article.blocks[block].span;
                phrases_in = Some((block, self.find(cx.text(block_span), block_span.start)));
            }
            if !phrases_in
                .as_ref()
                .is_some_and(|(_, found)| found.cover(hit.span))
            {
                kept.push(hit);
            }
        }
        kept
    }

    /// Where the phrases are in `text`, which starts at byte `at` of the article.
    fn find(&self, text: &str, at: usize) -> PhraseSpans {
        let text = text.to_ascii_lowercase();
        let mut spans: Vec<Span> = self
            .phrases
            .iter()
            .flat_map(|phrase| {
                text.match_indices(phrase.as_str())
                    .map(move |(start, p)| Span::new(at + start, at + start + p.len()))
            })
            .collect();
        spans.sort_unstable_by_key(|s| s.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        PhraseSpans { spans, reach }
    }
}

/// Exception phrases found in a block, by start, and how far the phrases up to each reach.
struct PhraseSpans {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl PhraseSpans {
    /// Whether a phrase covers `span`: one starting at or before it reaches its end.
    fn cover(&self, span: Span) -> bool {
        let starting_before = self.spans.partition_point(|s| s.start <= span.start);
        starting_before > 0 && self.reach[starting_before - 1] >= span.end
    }
}
