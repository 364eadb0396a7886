//! The sentences of the sources, indexed for alignment: each sentence's terms (see
//! [`super::terms`]) and the word pairs it has, which sentences hold each term, and how rare
//! each term is over all the sentences of the run's sources (the BM25 inverse document
//! frequency). Built once per run, the first time a draft is aligned.

use super::doc::SourceDoc;
use super::synonyms::Synonyms;
use super::terms::Terms;
use super::words::normalise_word;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// One sentence of a source.
#[derive(Debug, Clone)]
pub struct SourceSentence {
    pub doc: usize,
    pub span: Span,
    /// Its terms, sorted and each once.
    pub(super) terms: Vec<u32>,
    /// Its pairs of adjacent terms, sorted and each once.
    pub(super) pairs: Vec<(u32, u32)>,
}

/// Every source sentence, with what alignment looks up.
pub struct SentenceIndex {
    pub(super) terms: Terms,
    /// Interned terms.
    pub(super) term_ids: HashMap<String, u32>,
    /// For each source word (by its id in the sources' vocabulary), its term.
    pub(super) term_of_word: Vec<Option<u32>>,
    /// In how many sentences each term is.
    pub(super) sentence_count: Vec<u32>,
    /// The synonym groups of each term (see [`super::synonyms`]).
    pub(super) term_groups: Vec<&'static [u32]>,
    /// In how many sentences each pair is.
    pub(super) pair_count: HashMap<(u32, u32), u32>,
    /// The sentences that hold each term, in order.
    pub(super) postings: Vec<Vec<u32>>,
    pub(super) sentences: Vec<SourceSentence>,
    /// The range of `sentences` of each document.
    pub(super) of_doc: Vec<std::ops::Range<usize>>,
}

impl SentenceIndex {
    pub(super) fn new(docs: &[SourceDoc], vocabulary: &HashMap<String, u32>) -> Self {
        let terms = Terms::default();
        let mut term_ids: HashMap<String, u32> = HashMap::new();
        let mut term_of_word = vec![None; vocabulary.len()];
        for (word, &id) in vocabulary {
            if let Some(term) = terms.of(word) {
                let next = term_ids.len() as u32;
                term_of_word[id as usize] = Some(*term_ids.entry(term).or_insert(next));
            }
        }
        let mut term_groups = vec![&[][..]; term_ids.len()];
        for (term, &id) in &term_ids {
            term_groups[id as usize] = Synonyms::of(term);
        }
        let mut index = SentenceIndex {
            terms,
            term_groups,
            sentence_count: vec![0; term_ids.len()],
            postings: vec![Vec::new(); term_ids.len()],
            term_ids,
            term_of_word,
            pair_count: HashMap::new(),
            sentences: Vec::new(),
            of_doc: Vec::with_capacity(docs.len()),
        };
        for (doc, source) in docs.iter().enumerate() {
            index.add_doc(doc, source);
        }
        index
    }

    /// Splits source `doc` into sentences and indexes each.
    fn add_doc(&mut self, doc: usize, source: &SourceDoc) {
        let first = self.sentences.len();
        let article = &source.article;
        let mut next_word = 0;
        for block in &article.blocks {
            for span in article.sentences(block) {
                let mut ids = Vec::new();
                while let Some(word) = source.words.get(next_word) {
                    if word.span.start >= span.end {
                        break;
                    }
                    if word.span.start >= span.start {
                        ids.push(self.term_of_word[word.id as usize]);
                    }
                    next_word += 1;
                }
                self.add_sentence(doc, span, &ids);
            }
        }
        self.of_doc.push(first..self.sentences.len());
    }

    fn add_sentence(&mut self, doc: usize, span: Span, ids: &[Option<u32>]) {
        let content: Vec<u32> = ids.iter().flatten().copied().collect();
        let mut pairs: Vec<(u32, u32)> = content.windows(2).map(|p| (p[0], p[1])).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut terms = content;
        terms.sort_unstable();
        terms.dedup();
        let at = self.sentences.len() as u32;
        for &term in &terms {
            self.sentence_count[term as usize] += 1;
            self.postings[term as usize].push(at);
        }
        for &pair in &pairs {
            *self.pair_count.entry(pair).or_default() += 1;
        }
        self.sentences.push(SourceSentence {
            doc,
            span,
            terms,
            pairs,
        });
    }

    /// The term of a word as written, with its synonym groups, if it is a content word:
    /// `Some((None, …))` for a term in no source, `None` for a function word.
    pub(super) fn term(
        &self,
        vocabulary: &HashMap<String, u32>,
        word: &str,
    ) -> Option<(Option<u32>, &'static [u32])> {
        let normalised = normalise_word(word);
        if let Some(&id) = vocabulary.get(&normalised) {
            let term = self.term_of_word[id as usize]?;
            return Some((Some(term), self.term_groups[term as usize]));
        }
        let term = self.terms.of(&normalised)?;
        match self.term_ids.get(&term) {
            Some(&id) => Some((Some(id), self.term_groups[id as usize])),
            None => Some((None, Synonyms::of(&term))),
        }
    }

    /// How rare a term is over the source sentences (BM25's inverse document frequency); a
    /// term in no source (`None`) is as rare as can be.
    pub(super) fn weight(&self, term: Option<u32>) -> f64 {
        let count = term.map_or(0, |t| self.sentence_count[t as usize]);
        idf(self.sentences.len(), count)
    }

    pub(super) fn pair_weight(&self, pair: (u32, u32)) -> f64 {
        let count = self.pair_count.get(&pair).copied().unwrap_or(0);
        idf(self.sentences.len(), count)
    }
}

/// BM25's inverse document frequency of a term in `count` of `total` sentences.
fn idf(total: usize, count: u32) -> f64 {
    let total = total as f64;
    let count = f64::from(count);
    (1.0 + (total - count + 0.5) / (count + 0.5)).ln()
}
