//! Who a clause names: the subject of a lead-in and the speaker before a cue. Below both
//! walks that look for speakers, in the quotation's sentence ([`super::speakers`]) and around
//! it ([`super::around`]).

use super::lexicon::{CHARACTERISE, SPEECH};
use super::view::Token;
use crate::article::Article;
use crate::span::Span;

/// The span from the first to the last of `tokens`.
pub(super) fn cover(tokens: &[Token]) -> Option<Span> {
    Some(Span::new(
        tokens.first()?.span.start,
        tokens.last()?.span.end,
    ))
}

/// Words a sentence may open with that are not its subject.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "however",
    "still",
    "meanwhile",
    "instead",
    "also",
    "then",
    "now",
];

/// Words that open an introductory phrase ending at a comma ("On Monday, …").
const INTRODUCERS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "speaking",
    "asked",
    "earlier",
    "later",
    "last",
    "since",
    "when",
    "while",
    "as",
    "for",
    "with",
    "in",
    "addressing",
    "writing",
];

/// The subject of a lead-in: up to six words from the start of its clause, stopping at a verb
/// of saying.
pub(super) fn subject(article: &Article, lead: &[Token]) -> Option<Span> {
    let mut start = 0;
    if lead.first().is_some_and(|t| t.is_one_of(article, OPENERS)) {
        start = 1;
    }
    if lead
        .get(start)
        .is_some_and(|t| t.is_one_of(article, INTRODUCERS))
        && let Some(comma) = lead[start + 1..]
            .iter()
            .take(8)
            .position(|t| article.text(t.gap).contains(','))
    {
        start += 1 + comma;
    }
    let clause = &lead[start.min(lead.len())..];
    let end = clause
        .iter()
        .take(6)
        .position(|t| t.is(SPEECH | CHARACTERISE))
        .unwrap_or(clause.len().min(6));
    cover(&clause[..end])
}

/// The speaker before cue `at`: the words back to the last clause break before it ("Later,
/// Smith said" gives "Smith"), at most eight.
pub(super) fn speaker_before(article: &Article, lead: &[Token], at: usize) -> Option<Span> {
    let floor = at.saturating_sub(8);
    let mut start = (floor + 1..at)
        .rev()
        .find(|&i| article.text(lead[i].gap).contains([',', ';', '—', '–']))
        .unwrap_or(floor);
    if start < at && lead[start].is_one_of(article, OPENERS) {
        start += 1;
    }
    cover(without_auxiliaries(article, &lead[start..at]))
}

/// `tokens` without the auxiliaries and adverbs that end them ("Smith has also").
pub(super) fn without_auxiliaries<'t>(article: &Article, tokens: &'t [Token]) -> &'t [Token] {
    let mut end = tokens.len();
    while end > 1 && tokens[end - 1].is_one_of(article, AUXILIARIES) {
        end -= 1;
    }
    &tokens[..end]
}

/// Words between a speaker and the verb that are not the speaker ("Smith has also said").
const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "are",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "once",
    "often",
    "has",
    "would",
    "will",
    "had",
    "did",
    "does",
    "again",
    "publicly",
    "recently",
    "earlier",
    "first",
    "further",
    "separately",
    "himself",
    "herself",
];

/// Whether `gap` is the dash or tilde that sets a name beside a quotation in a list or a
/// signature (`Dana Ross — “…”`, `“…” ~ Dana Ross`).
pub(super) fn is_signature_mark(gap: &str) -> bool {
    matches!(gap.trim(), "—" | "–" | "-" | "--" | "―" | "~")
}
