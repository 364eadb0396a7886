//! What changed between a draft sentence and the source passage it is aligned with (see
//! [`super::Alignment`]), beyond its words: an attribution dropped or changed, a hedge
//! dropped, the qualifier of a figure or the reach of a denial changed. Each comparison reads
//! both sides with the word lists of [`DriftWords`] and reports the draft's words and the
//! source's.
//!
//! A sentence is compared only when it is aligned well enough to be read as a rewrite of its
//! passage ([`MIN_COVERAGE`]), and never a headline, dek, subhead or caption, which compress
//! by convention. Quotations are the misquote rules' business: no quoted word is read.

mod amounts;
mod attribution;
mod hedges;
mod read;
mod reading;
pub mod words;

pub use reading::DriftReading;
pub use words::{DriftWords, WordsError};

use super::{AlignedSentence, Alignment, Sources};
use crate::article::Article;
use crate::span::Span;
use read::Token;
use reading::{DraftSentence, shared, span_of};

/// The share of a draft sentence's term weight its passage must have for the two to be
/// compared: less, and the sentence is not a rewrite of that passage (the unsupported-sentence
/// rule speaks for it).
pub const MIN_COVERAGE: f64 = 0.5;

/// The fewest terms a draft sentence has to be compared.
const MIN_TERMS: usize = 3;

/// A draft sentence mostly inside quotation marks is a quotation, not a rewrite.
const MOST_QUOTED: f64 = 0.5;

/// How a draft drifted from its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DriftKind {
    /// The source attributes the claim; the draft states it on its own authority.
    AttributionDropped,
    /// The draft names another speaker, or a stronger verb of saying.
    AttributionChanged,
    /// The source hedges the claim; the draft does not.
    HedgeDropped,
    /// A figure's qualifier dropped or changed ("at least 12" as "12"), or a denial's reach
    /// ("no other deaths" as "no civilian casualties").
    QualifierChanged,
}

/// One drift: the draft's words and the source's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// The draft's words.
    pub span: Span,
    /// The source document.
    pub doc: usize,
    /// The source's words that the draft changed or dropped.
    pub source: Span,
    /// The source sentence they are in.
    pub passage: Span,
}

impl Sources {
    /// The drifts of kind `kind` in `article`, aligned with its sources as `alignment` says
    /// and read as `reading` says ([`Sources::drift_reading`] of the same two).
    pub fn drifts(
        &self,
        kind: DriftKind,
        words: &DriftWords,
        article: &Article,
        alignment: &Alignment,
        reading: &DriftReading,
    ) -> Vec<Drift> {
        let mut found = Vec::new();
        for (at, sentence) in alignment.sentences.iter().enumerate() {
            let Some(passage) = sentence.support.passages.first() else {
                continue;
            };
            // A denial that names another class shares little else with its passage ("No
            // civilian casualties were reported"): it is compared on the words around it.
            let rewrite = sentence.support.coverage >= MIN_COVERAGE;
            if sentence.summary || !rewrite && kind != DriftKind::QualifierChanged {
                continue;
            }
            let quoted = sentence.quoted_share >= MOST_QUOTED;
            if quoted && kind != DriftKind::AttributionChanged {
                continue;
            }
            let Some(Some(draft_sentence)) = reading.sentences.get(at) else {
                continue;
            };
            // A fragment ("Trump tweeted:") says too little to be compared.
            if draft_sentence.terms.len() < MIN_TERMS {
                continue;
            }
            let source = &self.docs[passage.doc].article;
            let mut report = |span: Span, source: Span, sentence: Span| {
                found.push(Drift {
                    span,
                    doc: passage.doc,
                    source,
                    passage: sentence,
                });
            };
            match kind {
                DriftKind::AttributionDropped => {
                    if !attributed_nearby(words, alignment, reading, at) {
                        attribution::attribution_dropped(words, draft_sentence, &mut report);
                    }
                }
                DriftKind::AttributionChanged => {
                    attribution::attribution_changed(words, draft_sentence, &mut report);
                }
                DriftKind::HedgeDropped => {
                    hedge_dropped(words, draft_sentence, &mut report);
                }
                DriftKind::QualifierChanged => {
                    let sides = (article, source);
                    qualifier_changed(words, sides, rewrite, draft_sentence, &mut report);
                }
            }
        }
        found
    }
}

/// Whether a sentence next to sentence `at`, in its paragraph and aligned with the same
/// source sentence, carries an attribution: one source sentence split in two keeps its
/// attribution in one half.
fn attributed_nearby(
    words: &DriftWords,
    alignment: &Alignment,
    reading: &DriftReading,
    at: usize,
) -> bool {
    let sentence = &alignment.sentences[at];
    let same_source = |other: &AlignedSentence| {
        other.block == sentence.block
            && other.support.passages.first().is_some_and(|p| {
                sentence
                    .support
                    .passages
                    .first()
                    .is_some_and(|q| p.overlaps(q))
            })
    };
    [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter(|&i| alignment.sentences.get(i).is_some_and(&same_source))
        .filter_map(|i| reading.sentences.get(i)?.as_ref())
        .any(|other| !read::cues(words, &other.tokens, words::DRAFT_CUES, true).is_empty())
}

/// How many words before the draft's word for what a source hedged may hold the draft's own
/// hedge ("could HAVE started"), and how many after ("started, POSSIBLY").
const HEDGE_BEFORE: usize = 4;
const HEDGE_AFTER: usize = 2;

/// The source hedges a claim the draft states as fact: around the draft's word for the
/// hedged words, no hedge of any kind.
fn hedge_dropped(
    words: &DriftWords,
    draft_sentence: &DraftSentence,
    report: &mut dyn FnMut(Span, Span, Span),
) {
    let (draft, passage) = (&draft_sentence.tokens[..], &draft_sentence.passage[..]);
    let attributed = !read::cues(words, draft, words::DRAFT_CUES, true).is_empty();
    let draft_terms = &draft_sentence.terms;
    let draft_lower = read::lower(draft);
    for sentence in passage {
        let source_lower = read::lower(&sentence.tokens);
        for (hedge, stood_for) in hedges::hedges(words, &sentence.tokens) {
            if stood_for && attributed {
                continue;
            }
            let clause = hedges::clause_around(&sentence.tokens, hedge.start);
            let clause_terms = read::stems(&sentence.tokens[clause.clone()]);
            let common = shared(draft_terms, &clause_terms);
            if common < 2.min(clause_terms.len()).max(1) {
                continue;
            }
            // The hedged word: the first after the hedge the draft has, else the last before.
            let in_draft = |t: &Token| {
                t.stem
                    .clone()
                    .filter(|s| draft_terms.binary_search(s).is_ok())
            };
            // A hedge before its claim ("might be suitable") hedges the words after it: a
            // draft that has none of them does not state the hedged claim. One that ends its
            // clause ("started, possibly") hedges the words before.
            let after = &sentence.tokens[hedge.end..clause.end];
            let anchor = match after.iter().any(|t| t.stem.is_some()) {
                true => after.iter().find_map(in_draft),
                false => sentence.tokens[clause.start..hedge.start]
                    .iter()
                    .rev()
                    .find_map(in_draft),
            };
            if anchor.is_none() && after.iter().any(|t| t.stem.is_some()) {
                continue;
            }
            let windows: Vec<std::ops::Range<usize>> = match anchor {
                Some(stem) => draft
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.stem.as_ref() == Some(&stem))
                    .map(|(at, _)| {
                        at.saturating_sub(HEDGE_BEFORE)..(at + HEDGE_AFTER).min(draft.len())
                    })
                    .collect(),
                None => std::iter::once(0..draft.len()).collect(),
            };
            let same_hedge = draft_lower
                .windows(hedge.len())
                .any(|w| w == &source_lower[hedge.clone()]);
            if same_hedge
                || windows
                    .into_iter()
                    .any(|w| hedges::keeps_hedge(words, draft, w))
            {
                continue;
            }
            if let (Some(span), Some(source)) = (
                span_of(draft, 0..draft.len()),
                span_of(&sentence.tokens, hedge),
            ) {
                report(span, source, sentence.span);
                return;
            }
        }
    }
}

/// A figure the draft shares with the source, with its qualifier dropped or changed; or a
/// denial whose reach changed.
fn qualifier_changed(
    words: &DriftWords,
    (article, source): (&Article, &Article),
    rewrite: bool,
    draft_sentence: &DraftSentence,
    report: &mut dyn FnMut(Span, Span, Span),
) {
    let (draft, passage) = (&draft_sentence.tokens[..], &draft_sentence.passage[..]);
    let draft_figures = amounts::qualified_figures(words, article, draft);
    for sentence in passage.iter().filter(|_| rewrite) {
        for theirs in amounts::qualified_figures(words, source, &sentence.tokens) {
            if theirs.sense == 0 {
                continue;
            }
            let same_value: Vec<_> = draft_figures
                .iter()
                .filter(|f| f.value == theirs.value)
                .collect();
            if same_value.is_empty() || same_value.iter().any(|f| f.sense == theirs.sense) {
                continue;
            }
            if let (Some(span), Some(from)) = (
                span_of(draft, same_value[0].words.clone()),
                span_of(&sentence.tokens, theirs.words.clone()),
            ) {
                report(span, from, sentence.span);
            }
        }
    }
    let draft_denials = amounts::denials(words, draft);
    let around_denials: Vec<Token> = draft
        .iter()
        .enumerate()
        .filter(|(i, _)| !draft_denials.iter().any(|d| d.words.contains(i)))
        .map(|(_, t)| t.clone())
        .collect();
    let frame = read::stems(&around_denials);
    for sentence in passage {
        let sentence_terms = &sentence.terms;
        let same_frame = !frame.is_empty() && shared(&frame, sentence_terms) == frame.len();
        if !rewrite && !same_frame {
            continue;
        }
        let theirs = amounts::denials(words, &sentence.tokens);
        for mine in &draft_denials {
            let narrowed = mine
                .modifiers
                .iter()
                .any(|t| sentence_terms.binary_search(t).is_err());
            let changed =
                |denial: &amounts::Denial| denial.exclusive && !mine.exclusive || narrowed;
            if theirs.iter().all(changed)
                && let Some(first) = theirs.first()
                && let (Some(span), Some(from)) = (
                    span_of(draft, mine.words.clone()),
                    span_of(&sentence.tokens, first.words.clone()),
                )
            {
                report(span, from, sentence.span);
            }
        }
    }
}

#[cfg(test)]
mod speaker_tests;
#[cfg(test)]
mod tests;
