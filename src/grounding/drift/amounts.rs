//! The amounts and denials of a sentence, read for `grounding.qualifier-changed`: each figure
//! with the qualifier before it ("at least 12"), and each denial of a whole class ("no other
//! deaths or injuries").

use super::read::{Token, lower};
use super::words::{self, DriftWords};
use crate::article::Article;
use crate::grounding::{figure_value, figures};
use crate::span::Span;
use std::ops::Range;

/// A figure and the qualifier before it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualified {
    pub value: String,
    /// The figure with its qualifier.
    pub words: Range<usize>,
    /// The qualifier's class ([`words::LOWER`], [`words::UPPER`] or [`words::ABOUT`]), 0
    /// when it has none.
    pub sense: u16,
}

/// The amounts of a sentence outside quotations, each with the qualifier before it: its
/// figures ([`figures`]), and the words that count without being figures there — "$180bn",
/// "half", "a dozen", the number of "three-week".
pub fn qualified_figures(
    words: &DriftWords,
    article: &Article,
    tokens: &[Token],
) -> Vec<Qualified> {
    let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
    let lower = lower(tokens);
    let mut amounts: Vec<(usize, usize, String)> = figures(&article.contents, &spans)
        .into_iter()
        .map(|f| {
            let end = spans.partition_point(|s| s.start < f.span.end);
            (f.word, end.max(f.word + 1), f.value)
        })
        .collect();
    for (at, token) in tokens.iter().enumerate() {
        if amounts
            .iter()
            .any(|(first, end, _)| (*first..*end).contains(&at))
        {
            continue;
        }
        let first_part = token.lower.split('-').next().unwrap_or("");
        let counts = token.lower.starts_with(|c: char| c.is_ascii_digit())
            || words.classes(&token.lower) & words::AMOUNT != 0;
        let value = if counts {
            Some(token.lower.clone())
        } else if token.lower.contains('-') {
            figure_value(first_part)
        } else {
            None
        };
        if let Some(value) = value {
            amounts.push((at, at + 1, value));
        }
    }
    amounts.sort_unstable();
    amounts
        .into_iter()
        .filter(|(first, ..)| !tokens[*first].quoted)
        .map(|(first, end, value)| {
            // "more than a dozen": an article may stand between.
            let before = match first.checked_sub(1).map(|i| lower[i]) {
                Some("a" | "an") => first - 1,
                _ => first,
            };
            let qualifier = (1..=3.min(before)).rev().find_map(|len| {
                let (found, classes) = words.phrase_at(&lower, before - len, words::QUALIFIER)?;
                // "could add up to $3bn" is a total, not a ceiling: "up to" after "add" is
                // part of the verb.
                let phrasal = before - len > 0
                    && lower[before - len] == "up"
                    && lower[before - len - 1].starts_with("add");
                (found == len && !tokens[before - len].quoted && !phrasal).then_some((len, classes))
            });
            let (start, sense) = qualifier.map_or((first, 0), |(len, classes)| {
                (before - len, classes & words::QUALIFIER)
            });
            Qualified {
                value,
                words: start..end,
                sense,
            }
        })
        .collect()
}

/// A denial of a whole class: "no other deaths or injuries".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denial {
    /// From the denying word to the end of what it denies.
    pub words: Range<usize>,
    /// The stems of the words that narrow what it denies: all but the last ("civilian" in
    /// "no civilian casualties").
    pub modifiers: Vec<String>,
    /// It narrows the denial to what is not yet counted ("other", "further").
    pub exclusive: bool,
}

/// Words that end the class a denial names: the verb after it.
const DENIAL_ENDS: &[&str] = &[
    "were", "was", "is", "are", "have", "has", "had", "will", "would", "could", "can", "been",
    "be", "to", "in", "on", "at", "from", "among", "by", "for", "with", "of",
];

/// Prepositions after which "no" opens a phrase of manner ("with no evidence"), not a
/// denial of events.
const DENIAL_AFTER_PREPOSITION: &[&str] = &["with", "without", "of", "for", "on", "by", "at"];

/// The denials of a sentence, outside quotations.
pub fn denials(words: &DriftWords, tokens: &[Token]) -> Vec<Denial> {
    let mut found = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if token.quoted || words.classes(&token.lower) & words::NEGATION == 0 {
            continue;
        }
        // "no longer wants", "no doubt": no class of things is denied.
        if tokens
            .get(at + 1)
            .is_some_and(|next| matches!(next.lower.as_str(), "longer" | "doubt"))
        {
            continue;
        }
        // "claimed, with no evidence, that …" qualifies a verb; it denies no events.
        if at > 0
            && !token.pause_before
            && DENIAL_AFTER_PREPOSITION.contains(&tokens[at - 1].lower.as_str())
        {
            continue;
        }
        let end = at
            + 1
            + tokens[at + 1..]
                .iter()
                .take(6)
                .take_while(|t| !t.pause_before && !DENIAL_ENDS.contains(&t.lower.as_str()))
                .count();
        if end == at + 1 {
            continue;
        }
        let named = &tokens[at + 1..end];
        let mut modifiers: Vec<String> = named.iter().filter_map(|t| t.stem.clone()).collect();
        modifiers.pop();
        found.push(Denial {
            words: at..end,
            modifiers,
            exclusive: named
                .iter()
                .any(|t| words.classes(&t.lower) & words::EXCLUSIVE != 0),
        });
    }
    found
}
