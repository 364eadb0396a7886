//! A quotation with no speaker in its own sentence: its paragraph, the paragraph before it
//! (whose speaker's words it continues) or the paragraph after.

use super::lexicon::SPEECH;
use super::speakers::{speaker_before, subject, unresolved};
use super::view::{Token, View, Views};
use super::{QuoteSource, Resolution};
use crate::article::Article;

pub fn around(
    article: &Article,
    views: &Views,
    found: &[QuoteSource],
    index: usize,
) -> QuoteSource {
    let quote = &article.quotes[index];
    let Some(view) = views.of_block(quote.block) else {
        return unresolved();
    };
    in_paragraph(article, view, found, index)
        .or_else(|| from_previous(article, views, view, found, index))
        .or_else(|| from_next(article, views, quote.block))
        .unwrap_or_else(unresolved)
}

/// The resolved quotations of block `block`.
fn of_block<'a>(
    article: &'a Article,
    found: &'a [QuoteSource],
    block: usize,
) -> impl DoubleEndedIterator<Item = &'a QuoteSource> + 'a {
    article
        .quotes
        .iter()
        .zip(found)
        .filter(move |(q, _)| q.block == block)
        .map(|(_, f)| f)
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

/// Another speaker of the paragraph, a title listed with others, or a verb of saying in it.
fn in_paragraph(
    article: &Article,
    view: &View,
    found: &[QuoteSource],
    index: usize,
) -> Option<QuoteSource> {
    let quote = &article.quotes[index];
    if let Some(other) = of_block(article, found, quote.block)
        .find(|f| f.how != Resolution::Unresolved && f.speaker.is_some())
    {
        return Some(QuoteSource {
            how: Resolution::Paragraph,
            ..*other
        });
    }
    // “Santa Fe strong” and “…”: a title or a document's words, listed together.
    let sentence = view
        .sentence_of(view.token_at(quote.span.start))
        .map(|(_, s)| *s);
    let listed = article.quotes.iter().zip(found).any(|(q, f)| {
        matches!(f.how, Resolution::Title | Resolution::Document)
            && sentence.is_some_and(|s| s.contains(q.span))
    });
    if listed {
        return Some(QuoteSource {
            how: Resolution::Title,
            ..unresolved()
        });
    }
    let cue = view.tokens.iter().position(|t| !t.quoted && t.is(SPEECH))?;
    Some(at_cue(article, &view.tokens, cue, Resolution::Paragraph))
}

/// A quotation that opens a sentence continues the paragraph before: its last speaker, its
/// last verb of saying, a quotation it ran on from, or the named person it is about.
fn from_previous(
    article: &Article,
    views: &Views,
    view: &View,
    found: &[QuoteSource],
    index: usize,
) -> Option<QuoteSource> {
    let quote = &article.quotes[index];
    let first = view.token_at(quote.span.start);
    let opens_sentence = view
        .sentence_of(first)
        .is_none_or(|(range, _)| range.start == first);
    let previous = views.of_block(quote.block.checked_sub(1)?)?;
    if !opens_sentence {
        return None;
    }
    if let Some(last) = of_block(article, found, previous.block).rfind(|f| f.speaker.is_some()) {
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
    let ran_on = article
        .quotes
        .iter()
        .any(|q| q.block == previous.block && q.continues);
    if ran_on {
        return Some(QuoteSource {
            how: Resolution::Continues,
            ..unresolved()
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

/// The next paragraph's first sentence names the speaker with a verb of saying.
fn from_next(article: &Article, views: &Views, block: usize) -> Option<QuoteSource> {
    let next = views.of_block(block + 1)?;
    let (range, _) = next.sentences.first()?;
    let sentence = &next.tokens[range.clone()];
    let cue = sentence.iter().position(|t| !t.quoted && t.is(SPEECH))?;
    Some(at_cue(article, sentence, cue, Resolution::NextParagraph))
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
