//! The sources a draft is checked against, indexed once per run.
//!
//! Every source is read into an [`Article`] like a draft and reduced to its words (lower-cased,
//! apostrophes normalised; quotation marks, dashes and white space fall away with the
//! punctuation). A bigram index over those words finds where a quotation appears verbatim, or
//! failing that the passage it was most likely taken from. The figures, dates and names of
//! each source are gathered into sets for the "not in sources" checks.

mod align;
mod changed;
mod clauses;
mod countries;
mod doc;
pub mod drift;
mod figures;
mod passages;
mod sentences;
mod synonyms;
mod terms;
mod words;

pub use doc::SourceDoc;
use doc::SourceWord;
pub use figures::{Figure, figure_value, figures};
pub use passages::{
    AlignedClause, AlignedSentence, Alignment, ELSEWHERE_CREDIT, Passage, Support, TRACED_COVERAGE,
    TRACED_SUMMARY_COVERAGE,
};
pub use terms::stem;
pub use words::normalise_word;

use crate::article::{Article, text};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// Where a quotation came from, or the passage it was most likely taken from.
#[derive(Debug, Clone)]
pub enum QuoteMatch {
    /// Word for word in source `doc`.
    Verbatim {
        doc: usize,
        span: Span,
    },
    /// Close to a passage of source `doc`, with the word-level differences.
    Close {
        doc: usize,
        span: Span,
        changes: Vec<Change>,
    },
    NotFound,
}

/// A word-level difference between a quotation and its source passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added(String),
    Dropped(String),
    Changed { from: String, to: String },
}

/// All the sources of a run.
#[derive(Default)]
pub struct Sources {
    pub docs: Vec<SourceDoc>,
    vocabulary: HashMap<String, u32>,
    /// Positions of each word pair: (doc, index of the first word).
    bigrams: HashMap<(u32, u32), Vec<(u32, u32)>>,
    /// The sentences of the sources, indexed the first time a draft is aligned.
    sentence_index: std::sync::OnceLock<sentences::SentenceIndex>,
}

/// How far, in words, a source's own quotation is taken before and after the place a draft
/// quotation aligns with: this many words per word quoted, plus [`PASSAGE_MARGIN`].
const PASSAGE_MARGIN_PER_WORD: usize = 4;
const PASSAGE_MARGIN: usize = 64;
/// The most words of a quotation and its passage compared word by word; a longer quotation's
/// differences are listed up to there.
const MAX_COMPARED_WORDS: usize = 2_000;

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The dates in a run of words: "march 15" for "March 15" and "15 March", and weekdays.
pub fn dates(words: &[&str]) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        if WEEKDAYS.contains(&lower.as_str()) {
            found.push((i, i + 1, lower));
        } else if MONTHS.contains(&lower.as_str()) {
            let day = |w: Option<&&str>| {
                w.and_then(|w| figure_value(w))
                    .filter(|d| d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
            };
            if let Some(d) = day(words.get(i + 1)) {
                found.push((i, i + 2, format!("{lower} {d}")));
            } else if let Some(d) = i.checked_sub(1).and_then(|p| day(words.get(p))) {
                found.push((i - 1, i + 1, format!("{lower} {d}")));
            }
        }
    }
    found
}

impl Sources {
    /// Indexes `articles` as the sources of a run.
    pub fn new(articles: Vec<Article>) -> Self {
        let mut sources = Sources::default();
        for article in articles {
            sources.add(article);
        }
        sources
    }

    fn add(&mut self, article: Article) {
        let doc = self.docs.len() as u32;
        let mut words = Vec::new();
        let mut surface: Vec<&str> = Vec::new();
        for block in 0..article.blocks.len() {
            for span in article.block_words(block) {
                let text = article.text(span);
                let next = self.vocabulary.len() as u32;
                let id = *self.vocabulary.entry(normalise_word(text)).or_insert(next);
                words.push(SourceWord { span, id });
                surface.push(text);
            }
        }
        for (i, pair) in words.windows(2).enumerate() {
            self.bigrams
                .entry((pair[0].id, pair[1].id))
                .or_default()
                .push((doc, i as u32));
        }
        let mut first_of = HashMap::new();
        for (index, word) in words.iter().enumerate() {
            first_of.entry(word.id).or_insert(index);
        }
        let spans: Vec<Span> = words.iter().map(|w| w.span).collect();
        let figure_list = figures::figures(&article.contents, &spans);
        let figures = figure_list.iter().map(|f| f.value.clone()).collect();
        let dates = dates(&surface).into_iter().map(|(_, _, d)| d).collect();
        let joined = format!(" {} ", surface.join(" "));
        self.docs.push(SourceDoc {
            article,
            words,
            first_of,
            figures,
            figure_list,
            figure_index: std::sync::OnceLock::new(),
            dates,
            joined,
            suffixes: std::sync::OnceLock::new(),
        });
    }

    fn id(&self, word: &str) -> Option<u32> {
        self.vocabulary.get(&normalise_word(word)).copied()
    }

    /// Finds quotation `words` (as written) in the sources `docs`.
    pub fn find_quote(&self, docs: &[usize], words: &[&str], min_share: f64) -> QuoteMatch {
        if words.len() < 2 {
            return match words.first().and_then(|w| self.id(w)) {
                Some(id) => docs
                    .iter()
                    .find_map(|&d| {
                        let source = &self.docs[d];
                        let w = source.words[*source.first_of.get(&id)?];
                        Some(QuoteMatch::Verbatim {
                            doc: d,
                            span: w.span,
                        })
                    })
                    .unwrap_or(QuoteMatch::NotFound),
                None => QuoteMatch::NotFound,
            };
        }
        let ids: Vec<Option<u32>> = words.iter().map(|w| self.id(w)).collect();
        let Some((doc, start, count)) = self.best_alignment(docs, &ids) else {
            return QuoteMatch::NotFound;
        };
        let doc_words = &self.docs[doc as usize].words;
        let pairs = ids.len() - 1;
        if count == pairs && start >= 0 {
            let start = start as usize;
            if let (Some(first), Some(last)) =
                (doc_words.get(start), doc_words.get(start + ids.len() - 1))
            {
                return QuoteMatch::Verbatim {
                    doc: doc as usize,
                    span: Span::new(first.span.start, last.span.end),
                };
            }
        }
        if (count as f64) < (pairs as f64 * min_share).max(2.0) {
            return QuoteMatch::NotFound;
        }
        let passage = self.passage(doc as usize, start, ids.len());
        let source = &self.docs[doc as usize];
        let passage_words: Vec<&str> = source.words[passage.clone()]
            .iter()
            .map(|w| source.article.text(w.span))
            .collect();
        let span = Span::new(
            source.words[passage.start].span.start,
            source.words[passage.end - 1].span.end,
        );
        QuoteMatch::Close {
            doc: doc as usize,
            span,
            changes: word_changes(&passage_words, words),
        }
    }

    /// The source words a quotation aligned at `start` was probably taken from: the source's
    /// own quotation there if it has one, else as many words as the quotation has.
    fn passage(&self, doc: usize, start: i64, len: usize) -> std::ops::Range<usize> {
        let source = &self.docs[doc];
        let words = &source.words;
        let anchor = start.clamp(0, words.len() as i64 - 1) as usize;
        let anchor_span = words[anchor.min(words.len() - 1)].span;
        let anchor_end = words[(anchor + len - 1).min(words.len() - 1)].span;
        // Quotations and words are in order and apart: each is found by bisection.
        let quotes = &source.article.quotes;
        let holding = |span: Span| {
            let after = quotes.partition_point(|q| q.span.start <= span.start);
            quotes[..after].last().filter(|q| q.span.contains(span))
        };
        match holding(anchor_span).or_else(|| holding(anchor_end)) {
            Some(q) => {
                let first = words.partition_point(|w| w.span.start < q.span.start);
                let first = words
                    .get(first)
                    .filter(|w| q.span.contains(w.span))
                    .map_or(anchor, |_| first);
                let end = words.partition_point(|w| w.span.end <= q.span.end);
                let last = end
                    .checked_sub(1)
                    .filter(|&last| q.span.contains(words[last].span))
                    .unwrap_or(anchor);
                // A source's quotation may run on for pages (one left open): the passage
                // keeps to the words around the alignment, so each quotation costs time in
                // proportion to its own length.
                let margin = PASSAGE_MARGIN_PER_WORD * len + PASSAGE_MARGIN;
                first.max(anchor.saturating_sub(margin))..(last + 1).min(anchor + len + margin)
            }
            None => anchor..(anchor + len).min(words.len()),
        }
    }

    /// Whether any of `docs` has this figure (a value from [`figure_value`]).
    pub fn has_figure(&self, docs: &[usize], value: &str) -> bool {
        docs.iter().any(|&d| self.docs[d].figures.contains(value))
    }

    /// The source figure that `figure` most likely changed: another value with the most words
    /// around it alike (at least one neighbour), as source `doc`, its span and its value.
    pub fn changed_figure(&self, docs: &[usize], figure: &Figure) -> Option<(usize, Span, String)> {
        let mut best: Option<(u32, usize, &Figure)> = None;
        for &doc in docs {
            let source = &self.docs[doc];
            let index = source
                .figure_index
                .get_or_init(|| changed::FigureIndex::new(&source.figure_list));
            // An earlier document keeps a tie.
            if let Some((at, score)) = index.most_alike(&source.figure_list, figure)
                && best.is_none_or(|(s, _, _)| score > s)
            {
                best = Some((score, doc, &source.figure_list[at]));
            }
        }
        best.map(|(_, doc, f)| (doc, f.span, f.value.clone()))
    }

    pub fn has_date(&self, docs: &[usize], date: &str) -> bool {
        docs.iter().any(|&d| self.docs[d].dates.contains(date))
    }

    /// The text of `span` in source `doc`.
    pub fn text(&self, doc: usize, span: Span) -> &str {
        self.docs[doc].article.text(span)
    }

    /// The sentences of source `doc`, in order: a [`Passage`]'s `sentences` number them.
    pub fn source_sentences(&self, doc: usize) -> impl Iterator<Item = Span> + '_ {
        let index = self.sentence_index();
        let range = index.of_doc.get(doc).cloned().unwrap_or_default();
        index.sentences[range].iter().map(|s| s.span)
    }

    /// Sentence `number` of source `doc` (as a [`Passage`]'s `sentences` number them).
    pub fn source_sentence(&self, doc: usize, number: usize) -> Option<Span> {
        let index = self.sentence_index();
        let range = index.of_doc.get(doc)?;
        let at = range
            .start
            .checked_add(number)
            .filter(|&at| at < range.end)?;
        Some(index.sentences[at].span)
    }

    /// Whether any of `docs` has the name (words joined by single spaces), in the same case.
    /// A possessive is the name's own form: "Al Azm's" is found where a source writes "Al Azm",
    /// and "Al Azm" where it writes "Al Azm’s".
    pub fn has_name(&self, docs: &[usize], name: &str) -> bool {
        let bare = without_possessive(name);
        let forms = [
            format!(" {bare} "),
            format!(" {bare}'s "),
            format!(" {bare}’s "),
        ];
        docs.iter().any(|&d| {
            let source = &self.docs[d];
            let suffixes = source
                .suffixes
                .get_or_init(|| suffix::SuffixTable::new(source.joined.clone()));
            forms.iter().any(|form| suffixes.contains(form))
        })
    }
}

/// `name` without a closing possessive ("Al Azm's" → "Al Azm"; "Reuters’" stays, a plural's
/// apostrophe being part of too many names to strip).
fn without_possessive(name: &str) -> &str {
    ["'s", "’s"]
        .iter()
        .find_map(|ending| name.strip_suffix(ending))
        .filter(|bare| !bare.is_empty())
        .unwrap_or(name)
}

/// The word-level differences that turn `source` into `quoted`, over their first
/// [`MAX_COMPARED_WORDS`] words (a diff's cost grows with the square of its length at worst).
fn word_changes(source: &[&str], quoted: &[&str]) -> Vec<Change> {
    let source = &source[..source.len().min(MAX_COMPARED_WORDS)];
    let quoted = &quoted[..quoted.len().min(MAX_COMPARED_WORDS)];
    let old: Vec<String> = source.iter().map(|w| normalise_word(w)).collect();
    let new: Vec<String> = quoted.iter().map(|w| normalise_word(w)).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new);
    let join = |words: &[&str]| words.join(" ");
    let mut changes = Vec::new();
    for op in &ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let old_words = &source[old_range.clone()];
        let new_words = &quoted[new_range.clone()];
        match (old_words.is_empty(), new_words.is_empty()) {
            (true, true) => {}
            (true, false) => changes.push(Change::Added(join(new_words))),
            (false, true) => changes.push(Change::Dropped(join(old_words))),
            (false, false) if old[old_range.clone()] == new[new_range.clone()] => {}
            (false, false) => changes.push(Change::Changed {
                from: join(old_words),
                to: join(new_words),
            }),
        }
    }
    changes
}

/// The words of `span` in `article`, as written.
pub fn words_in(article: &Article, span: Span) -> Vec<&str> {
    text::words(article.text(span))
        .map(|w| &article.text(span)[w.range()])
        .collect()
}

#[cfg(test)]
mod tests;
