//! Every sentence of a draft aligned with the source passage it most likely comes from: one
//! source sentence, or two adjacent ones, in any of the draft's sources.
//!
//! A draft sentence and a passage are compared by the terms they share (stemmed content words,
//! names and figures; see [`super::terms`]), each weighted by its rarity over the source
//! sentences (BM25's inverse document frequency), plus half the weight of the adjacent term
//! pairs they share. Candidates are found through the rarest terms' lists of sentences, within
//! a budget, so a sentence costs time in proportion to its length however often its words
//! recur. A headline, dek, subhead or caption summarises: it is compared with the union of its
//! few best passages. A sentence is also split into clauses (see [`super::clauses`]), each
//! aligned on its own, so a clause added to a supported sentence shows.

use super::Sources;
use super::clauses;
use super::sentences::SentenceIndex;
use super::synonyms;
use crate::article::{Article, BlockKind};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// How many source sentences a unit's terms may visit while candidates are gathered, at least.
const VISITS_PER_UNIT: usize = 256;
/// How many a unit may visit per word, when that is more.
const VISITS_PER_WORD: usize = 16;
/// How many leading candidate sentences are compared term by term.
const CANDIDATES: usize = 4;
/// How many passages a headline, dek, subhead or caption is compared with together.
const SUMMARISED: usize = 3;
/// How much a word the passage has in other words (a synonym) counts, against the word itself.
const SYNONYM_SHARE: f64 = 0.75;
/// How much a shared word pair counts, against a shared term of the same rarity.
const PAIR_SHARE: f64 = 0.5;

/// A passage of one source: one sentence or two adjacent ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// The source document (an index into [`Sources::docs`]).
    pub doc: usize,
    /// Its sentences, numbered within the document (see [`Sources::source_sentences`]).
    pub sentences: std::ops::Range<usize>,
    /// From the first sentence's start to the last one's end, in the source.
    pub span: Span,
    /// How well it matches: the weight of the terms shared, plus half that of the pairs.
    pub score: f64,
}

/// How far a stretch of draft (a sentence or a clause) is supported by the sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    /// The passage it is aligned with, best first: one for a sentence of the body, up to
    /// three for a headline, dek, subhead or caption. Empty when no source sentence shares a
    /// term with it.
    pub passages: Vec<Passage>,
    /// The share of its terms' weight that the passages have, from 0 to 1 (1 when it has no
    /// terms outside quotations: there is nothing to judge).
    pub coverage: f64,
    /// The share (0 to 1) of its terms' weight that its passages lack but some other sentence
    /// of the sources has: words of the story used elsewhere, as a paraphrase or a summary
    /// uses them, unlike words no source has.
    pub elsewhere: f64,
    /// The weight of its terms outside quotations (the sum of their rarities).
    pub weight: f64,
    /// Its words, outside quotations, whose terms none of the passages has (see
    /// [`AlignedSentence::quoted_share`] for a sentence mostly quoted).
    pub unmatched: Vec<Span>,
}

/// The coverage from which a sentence of the body counts as traced to its passage: under it,
/// too little of what it says is in the sources.
pub const TRACED_COVERAGE: f64 = 0.4;
/// The coverage from which a headline, dek, subhead or caption counts as traced to its
/// passages: a summary says the story in words of its own, so half a body sentence's.
pub const TRACED_SUMMARY_COVERAGE: f64 = 0.2;

/// How much a word the passages lack but another source sentence has counts, against one the
/// passages have.
pub const ELSEWHERE_CREDIT: f64 = 0.25;

impl Passage {
    /// Whether two passages of one source share a sentence.
    pub fn overlaps(&self, other: &Passage) -> bool {
        self.doc == other.doc
            && self.sentences.start < other.sentences.end
            && other.sentences.start < self.sentences.end
    }

    /// Whether two passages of one source share a sentence or lie side by side.
    pub fn adjoins(&self, other: &Passage) -> bool {
        self.doc == other.doc
            && self.sentences.start <= other.sentences.end
            && other.sentences.start <= self.sentences.end
    }
}

impl Support {
    /// How far the stretch is supported, from 0 to 1: its coverage, plus
    /// [`ELSEWHERE_CREDIT`] of the share of its weight found elsewhere in the sources.
    pub fn supported_share(&self) -> f64 {
        (self.coverage + ELSEWHERE_CREDIT * self.elsewhere).min(1.0)
    }

    /// Whether the stretch is traced to the sources with a [`Support::supported_share`] of at
    /// least `min_share` and a passage (or nothing outside quotations to trace).
    pub fn is_traced(&self, min_share: f64) -> bool {
        self.supported_share() >= min_share && (!self.passages.is_empty() || self.weight == 0.0)
    }
}

impl AlignedSentence {
    /// Whether the sentence is traced to the sources: [`TRACED_COVERAGE`] for a sentence of
    /// the body, [`TRACED_SUMMARY_COVERAGE`] for a summary.
    pub fn is_traced(&self) -> bool {
        self.support.is_traced(match self.summary {
            true => TRACED_SUMMARY_COVERAGE,
            false => TRACED_COVERAGE,
        })
    }
}

/// A clause of a draft sentence, aligned on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedClause {
    /// From its first word (the "and", "which" or "as" that opens it, except for the first
    /// clause) to its last.
    pub span: Span,
    pub support: Support,
}

/// A sentence of a draft and its alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedSentence {
    /// The draft block it is in.
    pub block: usize,
    pub span: Span,
    /// A headline, dek, subhead or caption: compared with the union of its passages.
    pub summary: bool,
    /// The share of its words inside quotations. When it is over half, the sentence is
    /// aligned by all its words, quoted or not (a quotation is aligned with the passage it was
    /// taken from), and `support` counts them all; otherwise quoted words count for nothing.
    pub quoted_share: f64,
    pub support: Support,
    /// Its clauses, when it splits in two or more (see [`super::clauses`]; else empty).
    pub clauses: Vec<AlignedClause>,
}

/// Every sentence of a draft's headline, dek, subheads, paragraphs and captions, aligned
/// with the sources, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub sentences: Vec<AlignedSentence>,
}

impl Alignment {
    /// The aligned sentence that holds `span`, found by bisection.
    pub fn sentence_at(&self, span: Span) -> Option<&AlignedSentence> {
        let after = self
            .sentences
            .partition_point(|s| s.span.start <= span.start);
        self.sentences[..after]
            .last()
            .filter(|s| s.span.contains(span))
    }
}

/// A word of a unit being aligned: where it is, its term (`None` for a term in no source) and
/// its synonym groups.
#[derive(Clone, Copy)]
struct Word {
    span: Span,
    term: Option<u32>,
    groups: &'static [u32],
}

impl Sources {
    /// The sentence index, built the first time a draft is aligned.
    pub(super) fn sentence_index(&self) -> &SentenceIndex {
        self.sentence_index
            .get_or_init(|| SentenceIndex::new(&self.docs, &self.vocabulary))
    }

    /// Aligns every sentence of `article` with the sources `docs` (indices into
    /// [`Sources::docs`]).
    pub fn align(&self, docs: &[usize], article: &Article) -> Alignment {
        let index = self.sentence_index();
        let mut sentences = Vec::new();
        for (block_index, block) in article.blocks.iter().enumerate() {
            let summary = match block.kind {
                BlockKind::Paragraph => false,
                BlockKind::Headline | BlockKind::Dek | BlockKind::Subhead | BlockKind::Caption => {
                    true
                }
                _ => continue,
            };
            for span in article.sentences(block) {
                let read = self.sentence_words(index, article, span);
                let support = self.support(index, docs, &read.words, summary, &[]);
                let clauses = self.clauses(index, docs, span, &read.words, &read.splits, &support);
                sentences.push(AlignedSentence {
                    block: block_index,
                    span,
                    summary,
                    quoted_share: read.quoted_share,
                    support,
                    clauses,
                });
            }
        }
        Alignment { sentences }
    }

    /// The clauses of a sentence split at `splits` (the index in `words` each opens at, and
    /// the splitting word), each aligned on its own and judged against its own passage and
    /// its sentence's together.
    fn clauses(
        &self,
        index: &SentenceIndex,
        docs: &[usize],
        sentence: Span,
        words: &[Word],
        splits: &[(usize, Span)],
        whole: &Support,
    ) -> Vec<AlignedClause> {
        if splits.is_empty() {
            return Vec::new();
        }
        let mut clauses = Vec::with_capacity(splits.len() + 1);
        let mut start = (0, sentence.start);
        for &(at, word) in splits
            .iter()
            .chain(std::iter::once(&(words.len(), sentence)))
        {
            let own = &words[start.0..at];
            let end = own.last().map_or(start.1, |w| w.span.end).max(start.1);
            if !own.is_empty() {
                clauses.push(AlignedClause {
                    span: Span::new(start.1, end),
                    support: self.support(index, docs, own, false, &whole.passages),
                });
            }
            start = (at, word.start);
        }
        clauses
    }

    /// How far `words` are supported by the sources `docs`: by their best passage, or the
    /// union of their few best for a summary, together with the passages `also`.
    fn support(
        &self,
        index: &SentenceIndex,
        docs: &[usize],
        words: &[Word],
        summary: bool,
        also: &[Passage],
    ) -> Support {
        let weight: f64 = words.iter().map(|w| index.weight(w.term)).sum();
        let shared = Shared::of(words);
        let candidates = candidates(index, docs, &shared.terms, words.len());
        let passages: Vec<Passage> = if summary {
            candidates
                .iter()
                .take(SUMMARISED)
                .map(|&at| passage(index, &shared, at..at + 1))
                .collect()
        } else {
            best_passage(index, &shared, &candidates)
                .into_iter()
                .collect()
        };
        let has = |term: u32| {
            passages.iter().chain(also).any(|p| {
                index.sentences[index.of_doc[p.doc].start + p.sentences.start..]
                    [..p.sentences.len()]
                    .iter()
                    .any(|s| s.terms.binary_search(&term).is_ok())
            })
        };
        // A word the passages have in other words: a term of theirs shares a synonym group.
        let has_synonym = |groups: &[u32]| {
            !groups.is_empty()
                && passages.iter().chain(also).any(|p| {
                    index.sentences[index.of_doc[p.doc].start + p.sentences.start..]
                        [..p.sentences.len()]
                        .iter()
                        .flat_map(|s| &s.terms)
                        .any(|&t| synonyms::meet(groups, index.term_groups[t as usize]))
                })
        };
        let (mut matched, mut elsewhere) = (0.0, 0.0);
        let mut unmatched = Vec::new();
        for word in words {
            match word.term {
                Some(term) if has(term) => matched += index.weight(word.term),
                _ if has_synonym(word.groups) => {
                    matched += SYNONYM_SHARE * index.weight(word.term);
                }
                Some(_) => {
                    elsewhere += index.weight(word.term);
                    unmatched.push(word.span);
                }
                None => unmatched.push(word.span),
            }
        }
        let share = |part: f64| if weight > 0.0 { part / weight } else { 0.0 };
        Support {
            passages,
            coverage: if weight > 0.0 { matched / weight } else { 1.0 },
            elsewhere: share(elsewhere),
            weight,
            unmatched,
        }
    }
}

/// The terms of a unit the sources have, and its pairs of adjacent ones, sorted, each once.
struct Shared {
    terms: Vec<u32>,
    pairs: Vec<(u32, u32)>,
}

impl Shared {
    fn of(words: &[Word]) -> Self {
        let mut terms: Vec<u32> = words.iter().filter_map(|w| w.term).collect();
        terms.sort_unstable();
        terms.dedup();
        let mut pairs: Vec<(u32, u32)> = words
            .windows(2)
            .filter_map(|p| Some((p[0].term?, p[1].term?)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        Self { terms, pairs }
    }
}

/// What a draft sentence is aligned by.
struct SentenceWords {
    /// Its words outside quotations, with their terms; all its words when most are quoted.
    words: Vec<Word>,
    /// Where a word outside quotations opens a clause (see [`super::clauses`]): the index
    /// in `words`, and the word.
    splits: Vec<(usize, Span)>,
    quoted_share: f64,
}

impl Sources {
    /// The words of sentence `span` of `article` that it is aligned by: those outside
    /// quotations, or, when most of it is quoted, all of them (a quotation is aligned with the
    /// passage it was taken from, and it has no clauses).
    fn sentence_words(
        &self,
        index: &SentenceIndex,
        article: &Article,
        span: Span,
    ) -> SentenceWords {
        let (mut all, mut quoted) = (0usize, 0usize);
        let mut words = Vec::new();
        let mut splits = Vec::new();
        let spans: Vec<Span> = article.words(span).collect();
        for (at, &word) in spans.iter().enumerate() {
            all += 1;
            if article.in_quote(word) {
                quoted += 1;
                continue;
            }
            let text = article.text(word);
            if clauses::opens_clause(article, &spans, at) {
                splits.push((words.len(), word));
            }
            if let Some((term, groups)) = index.term(&self.vocabulary, text) {
                words.push(Word {
                    span: word,
                    term,
                    groups,
                });
            }
        }
        if quoted * 2 > all {
            splits.clear();
            words = article
                .words(span)
                .filter_map(|word| {
                    let (term, groups) = index.term(&self.vocabulary, article.text(word))?;
                    Some(Word {
                        span: word,
                        term,
                        groups,
                    })
                })
                .collect();
        }
        SentenceWords {
            words,
            splits,
            quoted_share: quoted as f64 / all.max(1) as f64,
        }
    }
}

/// The source sentences (global indices) that share the most weight with `words`, best first:
/// the rarest terms' sentences are visited first, within a budget.
fn candidates(index: &SentenceIndex, docs: &[usize], terms: &[u32], words: usize) -> Vec<usize> {
    let mut terms = terms.to_vec();
    terms.sort_by_key(|&t| index.postings[t as usize].len());
    let budget = VISITS_PER_UNIT.max(VISITS_PER_WORD * words);
    let mut spent = 0;
    let mut scores: HashMap<u32, f64> = HashMap::new();
    'terms: for term in terms {
        let weight = index.weight(Some(term));
        for &at in &index.postings[term as usize] {
            if spent == budget {
                break 'terms;
            }
            spent += 1;
            if docs.contains(&index.sentences[at as usize].doc) {
                *scores.entry(at).or_default() += weight;
            }
        }
    }
    let mut ranked: Vec<(u32, f64)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(CANDIDATES)
        .map(|(at, _)| at as usize)
        .collect()
}

/// The best passage around the candidates: each alone, or with the sentence before or after
/// it in the same source; a two-sentence passage must score more than its better half.
fn best_passage(index: &SentenceIndex, shared: &Shared, candidates: &[usize]) -> Option<Passage> {
    let mut best: Option<Passage> = None;
    let mut consider = |p: Passage| {
        if best.as_ref().is_none_or(|b| p.score > b.score + 1e-9) {
            best = Some(p);
        }
    };
    for &at in candidates {
        consider(passage(index, shared, at..at + 1));
    }
    for &at in candidates {
        let doc = index.sentences[at].doc;
        let range = &index.of_doc[doc];
        if at > range.start {
            consider(passage(index, shared, at - 1..at + 1));
        }
        if at + 1 < range.end {
            consider(passage(index, shared, at..at + 2));
        }
    }
    best
}

/// The passage of global sentences `range` (of one document) and its score against `words`.
fn passage(index: &SentenceIndex, shared: &Shared, range: std::ops::Range<usize>) -> Passage {
    let sentences = &index.sentences[range.clone()];
    let has = |term: u32| {
        sentences
            .iter()
            .any(|s| s.terms.binary_search(&term).is_ok())
    };
    let has_pair = |pair: (u32, u32)| {
        sentences
            .iter()
            .any(|s| s.pairs.binary_search(&pair).is_ok())
    };
    let mut score = 0.0;
    for &term in shared.terms.iter().filter(|&&t| has(t)) {
        score += index.weight(Some(term));
    }
    for &pair in shared.pairs.iter().filter(|&&p| has_pair(p)) {
        score += PAIR_SHARE * index.pair_weight(pair);
    }
    let doc = sentences[0].doc;
    let first = index.of_doc[doc].start;
    Passage {
        doc,
        sentences: range.start - first..range.end - first,
        span: Span::new(
            sentences[0].span.start,
            sentences[sentences.len() - 1].span.end,
        ),
        score,
    }
}
