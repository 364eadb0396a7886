//! Shares of one whole: the percentages one sentence gives a poll's, a vote's or a survey's
//! answers ("52% backed the plan, 41% opposed it and 12% were undecided").
//!
//! A sentence is read as shares of one whole only when it says what the whole is (a vote, a
//! poll, a survey, respondents) and nothing in it makes the percentages changes, margins or
//! shares of different wholes ("rose 5%", "up from 40%", "52% of Democrats and 30% of
//! Republicans", "compared with 78% in 2016"). A change told of one share in points ("up 18
//! points from December") leaves the shares one whole's.

use super::calendar::is_year;
use super::model::{Place, ShareSet};
use super::words::{Sentence, Word, class};
use crate::article::Article;

/// Words that say what the whole is.
pub(super) const WHOLES: &[&str] = &[
    "vote",
    "votes",
    "poll",
    "polls",
    "polling",
    "survey",
    "surveyed",
    "respondents",
    "voters",
    "ballot",
    "ballots",
    "polled",
    "referendum",
];

/// Words that make a sentence's percentages changes, margins, rates or shares of different
/// wholes.
pub(super) const NOT_SHARES: &[&str] = &[
    "rose",
    "fell",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "growth",
    "grew",
    "rise",
    "fall",
    "turnout",
    "margin",
    "lead",
    "than",
    "higher",
    "lower",
    "rate",
    "rates",
    "each",
    "respectively",
    "previous",
    "change",
    "swing",
    "gained",
    "lost",
    "dropped",
    "jumped",
    "climbed",
    "slipped",
    "edged",
    "reported",
    "reporting",
    "precincts",
    "counted",
];

/// The shares of every sentence that gives some.
pub fn find(article: &Article, sentences: &[Sentence<'_>]) -> Vec<ShareSet> {
    sentences
        .iter()
        .filter(|s| {
            s.has(class::WHOLE) && !s.has(class::NOT_SHARE) && !two_groups(s) && !two_times(s)
        })
        .filter_map(|s| shares_in(article, s))
        .collect()
}

/// Words before a percentage that make it a change or an earlier value ("up 5%", "from 40%").
const CHANGE_BEFORE: &[&str] = &["from", "up", "down", "by"];

/// Words that put a compared figure at another time ("compared with 78% in 2016").
const ANOTHER_TIME: &[&str] = &[
    "last", "previous", "earlier", "ago", "since", "before", "then", "now",
];

/// "52% now, compared with 61% last year", "64% then compared with 54% now": shares at two
/// times.
fn two_times(sentence: &Sentence<'_>) -> bool {
    sentence.has_any(&["compared", "comparison"])
        && sentence
            .words
            .iter()
            .any(|w| w.is_any(ANOTHER_TIME) || is_year(w.text))
}

/// "Among Democrats …, among Republicans …": shares of two groups.
fn two_groups(sentence: &Sentence<'_>) -> bool {
    sentence.words.iter().filter(|w| w.is("among")).count() > 1
}

fn shares_in(article: &Article, sentence: &Sentence<'_>) -> Option<ShareSet> {
    let words = &sentence.words;
    let mut shares = Vec::new();
    let mut decimals = false;
    let mut of_whole: Option<Option<String>> = None;
    let mut at = 0;
    while at < words.len() {
        let Some((share, last, with_decimals)) = percentage(article, words, at) else {
            at += 1;
            continue;
        };
        // "82% of Democrats and 41% of Republicans", or "70% of the over-65s, compared with
        // 39% of people under 55": shares of two wholes.
        if words.get(last + 1).is_some_and(|w| w.is("of")) {
            if words[..at]
                .iter()
                .any(|w| w.is_any(&["compared", "comparison"]))
            {
                return None;
            }
            let whole = words[last + 2..]
                .iter()
                .find(|w| !w.is_any(&["the", "a", "an", "those", "all"]))
                .map(|w| w.text.to_lowercase());
            match &of_whole {
                Some(other) if *other != whole => return None,
                _ => of_whole = Some(whole),
            }
        }
        let before = at.checked_sub(1).map(|b| &words[b]);
        if words[at].quoted || before.is_some_and(|w| w.is_any(CHANGE_BEFORE)) {
            return None;
        }
        decimals |= with_decimals;
        shares.push((share, sentence.place(at, last)));
        at = last + 1;
    }
    (shares.len() >= 2).then(|| ShareSet {
        place: Place {
            span: sentence.span,
            ..shares[0].1
        },
        shares,
        decimals,
    })
}

/// The percentage whose number starts at word `at` ("52%", "52.5%", "52 percent", "52 per
/// cent"): its value, its last word and whether it has decimals.
fn percentage(article: &Article, words: &[Word<'_>], at: usize) -> Option<(f64, usize, bool)> {
    let whole = &words[at];
    if !whole.text.bytes().all(|b| b.is_ascii_digit()) || whole.text.len() > 3 {
        return None;
    }
    let mut last = at;
    let mut text = whole.text.to_owned();
    let fraction = words
        .get(at + 1)
        .filter(|w| w.before == "." && w.text.bytes().all(|b| b.is_ascii_digit()));
    if let Some(fraction) = fraction {
        text = format!("{text}.{}", fraction.text);
        last += 1;
    }
    let after = &article.contents[words[last].span.end..];
    let percent = after.starts_with('%')
        || words
            .get(last + 1)
            .is_some_and(|w| w.is("percent") && w.follows_closely());
    let per_cent = words.get(last + 1).is_some_and(|w| w.is("per"))
        && words.get(last + 2).is_some_and(|w| w.is("cent"));
    if !percent && !per_cent {
        return None;
    }
    let last = match (percent, per_cent) {
        (true, _) if !after.starts_with('%') => last + 1,
        (false, true) => last + 2,
        _ => last,
    };
    Some((text.parse().ok()?, last, fraction.is_some()))
}
