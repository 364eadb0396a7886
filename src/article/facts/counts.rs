//! Counts tied to what they count: the dead, the injured, the arrested and the missing, of a
//! group ("people", "soldiers", "children"), in figures or words.
//!
//! Read: "12 people were killed", "left 31 dead", "killing at least 12", "the death toll rose
//! to 14", "12 deaths". A count is not read where the sentence says it is part of another
//! ("including 12 children", "12 of them", "another 12") or belongs to another time ("last
//! year", "in 2015", "since", "so far").

use super::calendar::{is_year, month_of};
use super::model::{Bound, Count, Counted};
use super::number;
use super::words::{Sentence, Word, class};

/// Words that say what a count counts, after the count ("12 killed") or before it as a verb
/// ("killing 12").
const COUNTED: &[(&str, Counted)] = &[
    ("dead", Counted::Dead),
    ("killed", Counted::Dead),
    ("died", Counted::Dead),
    ("deaths", Counted::Dead),
    ("fatalities", Counted::Dead),
    ("injured", Counted::Injured),
    ("wounded", Counted::Injured),
    ("hurt", Counted::Injured),
    ("arrested", Counted::Arrested),
    ("detained", Counted::Arrested),
    ("missing", Counted::Missing),
];

/// Every word that says what a count counts, after it or as a verb before it.
pub(super) fn counting_words() -> impl Iterator<Item = &'static str> {
    COUNTED.iter().chain(COUNTING_VERBS).map(|&(word, _)| word)
}

/// Verbs before a count that say what it counts.
const COUNTING_VERBS: &[(&str, Counted)] = &[
    ("killed", Counted::Dead),
    ("killing", Counted::Dead),
    ("kills", Counted::Dead),
    ("injured", Counted::Injured),
    ("injuring", Counted::Injured),
    ("wounded", Counted::Injured),
    ("wounding", Counted::Injured),
    ("arrested", Counted::Arrested),
    ("arresting", Counted::Arrested),
    ("detained", Counted::Arrested),
];

/// Words that may stand between a count and what it counts ("12 people were killed").
const BETWEEN: &[&str] = &[
    "were", "was", "have", "had", "been", "are", "is", "reported",
];

/// Words that end the words describing a group ("13 Taliban in attacks").
const FUNCTION_WORDS: &[&str] = &[
    "in", "at", "on", "and", "or", "of", "from", "with", "by", "to", "during", "after", "before",
    "when", "while", "as", "who", "that", "which",
];

/// Groups that are people in general.
const PEOPLE: &[&str] = &["people", "person", "persons", "individuals", "victims", ""];

/// Words that make a count part of another or another count: "including 12", "another 12".
const PART: &[&str] = &[
    "including",
    "among",
    "another",
    "further",
    "additional",
    "other",
    "others",
    "each",
    "per",
    "more",
];

/// Words that tie a sentence's counts to another time or another event, or make them
/// hypothetical.
const ELSEWHERE: &[&str] = &[
    "total",
    "altogether",
    "annually",
    "average",
    "separate",
    "similar",
    "second",
    "could",
    "would",
    "might",
    "may",
    "if",
    "daily",
    "every",
    "another",
    "between",
    "range",
    "estimate",
    "estimates",
    "forecast",
    "model",
    "additional",
    "worldwide",
    "globally",
    "nationwide",
    "countries",
    "nations",
    "per",
    "correct",
    "corrected",
    "refiled",
    "projected",
    "projects",
    "tally",
];

/// Words that say a count changed.
const UPDATE: &[&str] = &[
    "rose",
    "risen",
    "rising",
    "climbed",
    "climbing",
    "increased",
    "jumped",
    "revised",
    "updated",
    "initially",
    "previously",
    "bringing",
];

/// Words before a count that bound it.
const BOUNDS: &[(&str, Bound)] = &[
    ("least", Bound::AtLeast),
    ("than", Bound::AtLeast),
    ("over", Bound::AtLeast),
    ("nearly", Bound::AtMost),
    ("almost", Bound::AtMost),
    ("to", Bound::AtMost),
    ("about", Bound::About),
    ("around", Bound::About),
    ("some", Bound::About),
    ("roughly", Bound::About),
    ("approximately", Bound::About),
    ("estimated", Bound::About),
];

/// The counts of every sentence.
pub fn find(sentences: &[Sentence<'_>]) -> Vec<Count> {
    let mut found = Vec::new();
    for sentence in sentences {
        // What the sentence says of all its counts, read once: no count is read past here in
        // a sentence set in another time.
        if sentence.has(class::EARLIER) {
            continue;
        }
        // A count is read only beside a word of what it counts: most sentences have none.
        if !sentence.holds(class::COUNTING) {
            continue;
        }
        // Read the first time a count in the sentence needs it: most sentences have none.
        let mut around = None;
        for at in 0..sentence.words.len() {
            let Some(count) = count_at(sentence, at, &mut around) else {
                continue;
            };
            if !elsewhere(sentence, at) {
                found.push(count);
            }
        }
    }
    found
}

/// Scopes a toll may be given for: "in the country", "in the state".
const SCOPES: &[&str] = &[
    "country", "state", "city", "region", "province", "county", "world",
];

/// Events counted in the plural: a sentence that counts them ("3 crashes, 3 deaths") sums
/// several events.
const EVENTS: &[&str] = &[
    "crashes",
    "attacks",
    "shootings",
    "blasts",
    "explosions",
    "incidents",
    "accidents",
    "storms",
    "earthquakes",
    "quakes",
    "fires",
    "bombings",
    "raids",
    "strikes",
    "clashes",
];

/// Words anywhere in a sentence that put its counts in another time.
pub(super) const ANOTHER_TIME: &[&str] = &["last", "previous", "earlier", "ago"];

/// How many words either side of a count may tie it to another time or event, or say it
/// changed.
const REACH: usize = 8;

/// The words within [`REACH`] of word `at`.
fn near<'s, 'a>(sentence: &'s Sentence<'a>, at: usize) -> impl Iterator<Item = &'s Word<'a>> {
    let words = &sentence.words;
    words[at.saturating_sub(REACH)..words.len().min(at + REACH + 1)].iter()
}

/// Whether the words around the count at `at` say it is of another time, another event,
/// several events or what might happen.
fn elsewhere(sentence: &Sentence<'_>, at: usize) -> bool {
    let words = &sentence.words;
    let near = at.saturating_sub(REACH)..words.len().min(at + REACH + 1);
    words[near.clone()].iter().zip(near).any(|(w, i)| {
        !w.quoted
            && (w.is_any(ELSEWHERE)
                // "in 2015": another year's event.
                || is_year(w.text) && i > 0 && words[i - 1].is("in")
                // "3 crashes", "three mass shootings".
                || w.is_any(EVENTS)
                    && (i.saturating_sub(2)..i).any(|n| number::read(words, n).is_some())
                // "34 people in all".
                || w.is("all") && i > 0 && words[i - 1].is("in"))
    })
}

/// The count whose number is word `at`, when the words around it say what it counts.
/// The place and the day a sentence ties its counts to.
struct Around {
    location: Option<String>,
    day: Option<String>,
    source: Option<String>,
}

impl Around {
    fn of(sentence: &Sentence<'_>) -> Self {
        let words = &sentence.words;
        Around {
            location: location(words),
            day: words
                .iter()
                .find(|w| !w.quoted && w.is_a(class::WEEKDAY))
                .map(|w| w.text.to_ascii_lowercase()),
            source: source(words),
        }
    }
}

fn count_at(sentence: &Sentence<'_>, at: usize, around: &mut Option<Around>) -> Option<Count> {
    let words = &sentence.words;
    if number::continues(words, at) {
        return None;
    }
    let year_like = words[at].text.len() == 4 && words[at].text.bytes().all(|b| b.is_ascii_digit());
    if words[at].quoted || year_like {
        return None;
    }
    let (value, last) = number::read(words, at)?;
    if words.get(last + 1).is_some_and(|w| w.before.contains('%')) || value == 0 {
        return None;
    }
    let (bound, first) = bound_before(words, at);
    let before = first.checked_sub(1).map(|i| &words[i]);
    if before.is_some_and(|w| w.is_any(PART)) {
        return None;
    }
    let (counted, group, end) = match counted_after(words, last) {
        Some(found) => found,
        None => {
            let verb = before.and_then(|w| lookup(COUNTING_VERBS, w))?;
            let (group, end) = group_after(words, last);
            (verb, group, end)
        }
    };
    // "one" is a count only of a named group ("one person was killed").
    if words[at].is("one") && group.is_empty() {
        return None;
    }
    if words
        .get(end + 1)
        .is_some_and(|w| w.is_any(&["of", "more", "others", "per"]))
    {
        return None;
    }
    // "killed 300 people since 2015": a running total.
    if words[end + 1..words.len().min(end + 6)]
        .iter()
        .any(|w| w.is_any(&["since", "so"]))
    {
        return None;
    }
    let group = if PEOPLE.contains(&group.as_str()) {
        String::new()
    } else {
        group.to_lowercase()
    };
    let around = around.get_or_insert_with(|| Around::of(sentence));
    Some(Count {
        counted,
        group,
        value,
        bound,
        update: near(sentence, at).any(|w| !w.quoted && w.is_any(UPDATE)),
        location: around.location.clone(),
        parts: words[end + 1..words.len().min(end + 3)]
            .iter()
            .any(|w| w.is("including")),
        day: around.day.clone(),
        source: around.source.clone(),
        place: sentence.place(first, end),
    })
}

/// The bound before the number at `at` ("at least", "more than", "about"), and the index of
/// the count's first word.
fn bound_before(words: &[Word<'_>], at: usize) -> (Bound, usize) {
    let Some(before) = at.checked_sub(1).map(|i| &words[i]) else {
        return (Bound::Exact, at);
    };
    match BOUNDS.iter().find(|(w, _)| before.is(w)) {
        Some(&(word, bound)) => {
            // "at least", "more than", "up to", "an estimated": two words.
            let first = match word {
                "least" | "than" | "to" | "estimated" => at.saturating_sub(2),
                _ => at - 1,
            };
            if word == "to" && !words[first].is("up") {
                return (Bound::Exact, at);
            }
            (bound, first)
        }
        None => (Bound::Exact, at),
    }
}

/// "12 people were killed", "31 dead": what the words after the number at `last` count, the
/// group between, and the index of the last word read.
fn counted_after(words: &[Word<'_>], last: usize) -> Option<(Counted, String, usize)> {
    let mut group = String::new();
    for (i, word) in words.iter().enumerate().take(last + 6).skip(last + 1) {
        if word.quoted || !word.before.trim().is_empty() {
            return None;
        }
        if let Some(counted) = lookup(COUNTED, word) {
            return Some((counted, group, i));
        }
        if word.is_any(BETWEEN) {
            continue;
        }
        // "seven more deaths": an increment.
        if word.is_any(&["more", "other", "others", "additional", "new"]) {
            return None;
        }
        if !group.is_empty() || !word.text.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        group = word.text.to_owned();
    }
    None
}

/// "killing 12 people", "killed two U.S. soldiers", "killed 13 Taliban": the group after the
/// number at `last` (the first noun in the plural within three words, or else a capitalised
/// name right after it), and the index of the last word read.
fn group_after(words: &[Word<'_>], last: usize) -> (String, usize) {
    for (i, w) in words.iter().enumerate().take(last + 5).skip(last + 1) {
        // "two U.S. service members": the stops of an abbreviation join its words.
        let joined = w.follows_closely() || matches!(w.before, "." | ". ") && i > last + 1;
        if !joined || w.quoted || w.is_any(FUNCTION_WORDS) {
            break;
        }
        let lower = w.text.chars().all(|c| c.is_ascii_lowercase());
        if lower && (w.text.ends_with('s') || PEOPLE.contains(&w.text)) {
            return (w.text.to_owned(), i);
        }
    }
    let abbreviated = words
        .get(last + 2)
        .is_some_and(|w| w.before.starts_with('.'));
    match words.get(last + 1) {
        Some(w) if w.capitalised() && w.follows_closely() && !w.quoted && !abbreviated => {
            (w.text.to_lowercase(), last + 1)
        }
        _ => (String::new(), last),
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &Word<'_>) -> Option<T> {
    table.iter().find(|(w, _)| word.is(w)).map(|&(_, t)| t)
}

/// Verbs by which a sentence gives a count to who reported it.
const REPORTING: &[&str] = &["said", "says", "reported", "gave", "put", "announced"];

/// Who a sentence gives its counts to: the run of two or more capitalised words right before a
/// reporting verb ("Health Ministry gave", "Nasrat Rahimi said"), lower-cased.
fn source(words: &[Word<'_>]) -> Option<String> {
    let verb = words
        .iter()
        .position(|w| !w.quoted && w.is_any(REPORTING))?;
    let first = words[..verb]
        .iter()
        .rposition(|w| !w.capitalised() || !w.follows_closely())
        .map_or(0, |i| i + 1);
    let first = first.max(verb.saturating_sub(4));
    let name: Vec<String> = words[first..verb]
        .iter()
        .filter(|w| w.capitalised() && !w.is("The"))
        .map(|w| w.text.to_lowercase())
        .collect();
    (name.len() >= 2).then(|| name.join(" "))
}

/// The place a sentence names after "in" or "at" ("in El Paso", "at the University of North
/// Carolina", "at Pearl Harbor"), lower-cased.
fn location(words: &[Word<'_>]) -> Option<String> {
    let capitalised = |i: usize| {
        words.get(i).is_some_and(|w| {
            w.capitalised() && !w.is_a(class::WEEKDAY) && month_of(w.text).is_none()
        })
    };
    let the = |i: usize| words.get(i).is_some_and(|w| w.is("the"));
    let at = (0..words.len()).find(|&i| {
        words[i].is_any(&["in", "at"])
            && !words[i].quoted
            && (capitalised(i + 1) || the(i + 1) && capitalised(i + 2))
    });
    // "in the country", "in the state": a scope of its own.
    let scope = (0..words.len()).find(|&i| {
        words[i].is("in") && the(i + 1) && words.get(i + 2).is_some_and(|w| w.is_any(SCOPES))
    });
    let Some(at) = at else {
        return scope.map(|i| words[i + 2].text.to_lowercase());
    };
    let at = at + usize::from(words[at + 1].is("the"));
    let place: Vec<String> = words[at + 1..]
        .iter()
        .take_while(|w| w.capitalised())
        .take(3)
        .map(|w| w.text.to_lowercase())
        .collect();
    Some(place.join(" "))
}
