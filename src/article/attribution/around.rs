//! A quotation with no speaker in its own sentence: its paragraph, the paragraph before it
//! (whose speaker's words it continues) or the paragraph after.

use super::clause::{speaker_before, subject};
use super::lexicon::SPEECH;
use super::view::{Token, View, Views};
use super::{QuoteSource, Resolution};
use crate::article::Article;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// Resolves the quotations with no speaker in their own sentence, in article order. What a
/// block gives every quotation in or beside it (its verb of saying, its last speaker, the
/// next paragraph's opening) is worked out once per block, so a block of thousands of
/// quotations is read once, not once for each.
pub struct Around<'a> {
    article: &'a Article,
    views: &'a Views,
    /// The quotations the first pass found to be titles or a document's words, in order.
    listed: Vec<Span>,
    /// For each block, the first quotation with a speaker found so far.
    first_speaker: HashMap<usize, usize>,
    /// For each block, what its first verb of saying gives.
    cue_in: HashMap<usize, Option<QuoteSource>>,
    /// For each block, what the block before it in the running text gives a quotation
    /// opening one of its sentences.
    continued_from: HashMap<usize, Option<QuoteSource>>,
    /// For each block, what the opening of the block after it gives.
    named_after: HashMap<usize, Option<QuoteSource>>,
}

impl<'a> Around<'a> {
    /// Ready to resolve the quotations after the first pass found `found`.
    pub fn new(article: &'a Article, views: &'a Views, found: &[QuoteSource]) -> Self {
        let listed = article
            .quotes
            .iter()
            .zip(found)
            .filter(|(_, f)| matches!(f.how, Resolution::Title | Resolution::Document))
            .map(|(q, _)| q.span)
            .collect();
        let mut around = Around {
            article,
            views,
            listed,
            first_speaker: HashMap::new(),
            cue_in: HashMap::new(),
            continued_from: HashMap::new(),
            named_after: HashMap::new(),
        };
        for (index, source) in found.iter().enumerate() {
            around.found(index, source);
        }
        around
    }

    /// Takes note that quotation `index` was resolved as `source`.
    pub fn found(&mut self, index: usize, source: &QuoteSource) {
        if source.how != Resolution::Unresolved && source.speaker.is_some() {
            let first = self
                .first_speaker
                .entry(self.article.quotes[index].block)
                .or_insert(index);
            *first = (*first).min(index);
        }
    }

    /// The speaker of quotation `index` from around it, given what is found so far.
    pub fn resolve(&mut self, found: &[QuoteSource], index: usize) -> QuoteSource {
        let quote = &self.article.quotes[index];
        let Some(view) = self.views.of_block(quote.block) else {
            return QuoteSource::unresolved();
        };
        self.in_paragraph(view, found, index)
            .or_else(|| self.continuing_previous(view, found, index))
            .or_else(|| self.named_in_next(quote.block))
            .or_else(|| named_beside(self.article, quote.block, view, quote.span.start))
            .unwrap_or_else(QuoteSource::unresolved)
    }

    /// Another speaker of the paragraph, a title listed with others, or a verb of saying in it.
    fn in_paragraph(
        &mut self,
        view: &View,
        found: &[QuoteSource],
        index: usize,
    ) -> Option<QuoteSource> {
        let article = self.article;
        let quote = &article.quotes[index];
        if let Some(&other) = self.first_speaker.get(&quote.block) {
            return Some(QuoteSource {
                how: Resolution::Paragraph,
                ..found[other]
            });
        }
        // “Santa Fe strong” and “…”: a title or a document's words, listed together.
        let sentence = view
            .sentence_of(view.token_at(quote.span.start))
            .map(|(_, s)| *s);
        let listed = sentence.is_some_and(|s| {
            // Quotations do not overlap: the first listed one starting in the sentence is the
            // one that may end in it.
            let first = self.listed.partition_point(|q| q.start < s.start);
            self.listed.get(first).is_some_and(|q| s.contains(*q))
        });
        if listed {
            return Some(QuoteSource {
                how: Resolution::Title,
                ..QuoteSource::unresolved()
            });
        }
        *self.cue_in.entry(view.block).or_insert_with(|| {
            let cue = view.tokens.iter().position(|t| !t.quoted && t.is(SPEECH))?;
            Some(at_cue(article, &view.tokens, cue, Resolution::Paragraph))
        })
    }

    /// A quotation that opens a sentence continues the paragraph before.
    fn continuing_previous(
        &mut self,
        view: &View,
        found: &[QuoteSource],
        index: usize,
    ) -> Option<QuoteSource> {
        let quote = &self.article.quotes[index];
        let first = view.token_at(quote.span.start);
        let opens_sentence = view
            .sentence_of(first)
            .is_none_or(|(range, _)| range.start == first);
        if !opens_sentence {
            return None;
        }
        // Every quotation of the block before is resolved by now. The block before in the
        // running text is looked for once per block, however many quotations it holds.
        let (article, views) = (self.article, self.views);
        *self.continued_from.entry(quote.block).or_insert_with(|| {
            let previous = crate::article::previous_in_text(&article.blocks, quote.block)?;
            continues(article, views.of_block(previous)?, found)
        })
    }

    /// The next paragraph's first sentence names the speaker with a verb of saying.
    fn named_in_next(&mut self, block: usize) -> Option<QuoteSource> {
        let (article, views) = (self.article, self.views);
        *self.named_after.entry(block).or_insert_with(|| {
            let next = views.of_block(crate::article::next_in_text(&article.blocks, block)?)?;
            let (range, _) = next.sentences.first()?;
            let sentence = &next.tokens[range.clone()];
            let cue = sentence.iter().position(|t| !t.quoted && t.is(SPEECH))?;
            Some(at_cue(article, sentence, cue, Resolution::NextParagraph))
        })
    }
}

/// The speaker of the verb of saying at token `cue` of `tokens`, with `how`.
fn at_cue(article: &Article, tokens: &[Token], cue: usize, how: Resolution) -> QuoteSource {
    let lead: Vec<Token> = tokens[..cue]
        .iter()
        .filter(|t| !t.quoted)
        .copied()
        .collect();
    QuoteSource {
        speaker: speaker_before(article, &lead, lead.len()),
        cue: Some(tokens[cue].span),
        how,
        refers_to: None,
    }
}

/// What paragraph `previous` gives a quotation that opens a sentence of the paragraph after:
/// its last speaker, its last verb of saying, a quotation it ran on from, or the named person
/// it is about.
fn continues(article: &Article, previous: &View, found: &[QuoteSource]) -> Option<QuoteSource> {
    let quotes = article.quotes_in(previous.block);
    let first_index = quotes.first().map_or(0, |q| {
        article
            .quotes
            .partition_point(|other| other.span.start < q.span.start)
    });
    let speakers = &found[first_index..first_index + quotes.len()];
    if let Some(last) = speakers.iter().rfind(|f| f.speaker.is_some()) {
        return Some(QuoteSource {
            how: Resolution::Continues,
            ..*last
        });
    }
    if let Some(cue) = previous
        .tokens
        .iter()
        .rposition(|t| !t.quoted && t.is(SPEECH))
    {
        return Some(at_cue(
            article,
            &previous.tokens,
            cue,
            Resolution::Continues,
        ));
    }
    if quotes.iter().any(|q| q.continues) {
        return Some(QuoteSource {
            how: Resolution::Continues,
            ..QuoteSource::unresolved()
        });
    }
    // "Wolf has seen the landscape change, and he sees what is coming." then the words: a
    // paragraph about a named person introduces the quotation under it.
    let lead: Vec<Token> = previous
        .tokens
        .iter()
        .filter(|t| !t.quoted)
        .copied()
        .collect();
    lead.first()
        .filter(|t| names_someone(article, t))
        .map(|_| QuoteSource {
            speaker: subject(article, &lead),
            cue: None,
            how: Resolution::Continues,
            refers_to: None,
        })
}

/// Capitalised words that open a sentence without naming anyone.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "in", "on", "at", "for", "but",
    "and", "as", "after", "before", "if", "when", "while", "there", "some", "many", "most", "its",
    "their", "his", "her", "our", "one", "two", "no", "all", "what", "why", "how", "so", "yet",
    "since", "with", "by", "from", "to", "under", "over", "about", "more", "other",
];

/// Whether a paragraph's first word names someone: capitalised, in no class of the lexicon and
/// no determiner, preposition or pronoun ("Wolf has seen …", not "The achievement …").
fn names_someone(article: &Article, token: &Token) -> bool {
    let text = article.text(token.span);
    text.starts_with(char::is_uppercase)
        && token.classes == 0
        && !NOT_NAMES.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// The most words of a heading or signature that names a speaker ("Dana Ross, council
/// leader", "— Owen Pike, ferry pilot").
const MAX_NAMING_WORDS: usize = 10;

/// A quotation that opens its block, under a heading or label that is a name ("Dana Ross,
/// council leader" above it), or over a signature ("— Dana Ross" under it).
fn named_beside(article: &Article, block: usize, view: &View, start: usize) -> Option<QuoteSource> {
    let opens_block = view.tokens.first().is_some_and(|t| t.span.start >= start);
    if !opens_block {
        return None;
    }
    let blocks = &article.blocks;
    let heading = crate::article::previous_in_text(blocks, block)
        .map(|i| blocks[i].span)
        .filter(|&span| names_a_speaker(article.text(span)));
    let signature = crate::article::next_in_text(blocks, block)
        .map(|i| blocks[i].span)
        .filter(|&span| {
            let text = article.text(span);
            let mark_end = text.find(char::is_alphabetic).unwrap_or(0);
            super::clause::is_signature_mark(&text[..mark_end])
                && names_a_speaker(&text[mark_end..])
        });
    let named = heading.or(signature)?;
    let text = article.text(named);
    let name_start = text.find(char::is_alphabetic).unwrap_or(0);
    let name_end = text
        .find([',', ':', '('])
        .unwrap_or(text.len())
        .max(name_start);
    Some(QuoteSource {
        speaker: Some(Span::new(
            named.start + name_start,
            named.start + name_start + text[name_start..name_end].trim_end().len(),
        )),
        cue: None,
        how: Resolution::Heading,
        refers_to: None,
    })
}

/// Whether a line is a name, with a title after a comma at most: a few words, the first two
/// capitalised, no sentence in it ("Dana Ross, council leader", "Owen Pike:").
fn names_a_speaker(line: &str) -> bool {
    let line = line.trim().trim_end_matches(':');
    let words: Vec<&str> = crate::article::text::words(line)
        .take(MAX_NAMING_WORDS + 1)
        .map(|w| &line[w.range()])
        .collect();
    let name = line.split(',').next().unwrap_or_default();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    (2..=MAX_NAMING_WORDS).contains(&words.len())
        && (2..=4).contains(&name_words.len())
        && name_words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !line.contains(['.', '!', '?', '“', '"'])
        && !NOT_NAMES
            .iter()
            .any(|w| name_words[0].eq_ignore_ascii_case(w))
}
