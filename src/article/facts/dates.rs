//! Dates: weekdays written with their date ("Wednesday, March 15"), relative dates tied to an
//! absolute one ("last month, on March 3"), and the story's own date. The calendar is
//! `chrono`'s.

use super::calendar::{month_of, nearest_year, weekday_of};
use super::model::{DatedWeekday, Offset, RelativeDate};
use super::words::{Sentence, Word, class};
use chrono::{NaiveDate, Weekday};

/// A day of the month: "15", "15th".
fn day_of(word: &Word<'_>) -> Option<u32> {
    let digits = word
        .text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_of(word: Option<&Word<'_>>) -> Option<i32> {
    let word = word?;
    let year: i32 = word.text.parse().ok()?;
    (word.text.len() == 4 && (1800..=2200).contains(&year)).then_some(year)
}

/// An absolute date as written: any of its year, month and day, and its last word.
#[derive(Debug, Clone, Copy)]
struct Absolute {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    last: usize,
}

/// The date written from word `at`: "March 15", "15 March", either with a year ("March 15,
/// 2023", "15 March 2023"), or a month or year alone.
fn absolute_at(words: &[Word<'_>], at: usize) -> Option<Absolute> {
    let word = words.get(at)?;
    if word.quoted {
        return None;
    }
    if let Some(month) = month_of(word.text) {
        // "May" is a month only before a day or a year.
        let day = words.get(at + 1).and_then(day_of);
        let (day, last) = match day {
            Some(day) => (Some(day), at + 1),
            None => (None, at),
        };
        let year = year_of(words.get(last + 1));
        if word.is("may") && day.is_none() && year.is_none() || !word.capitalised() {
            return None;
        }
        return Some(Absolute {
            year,
            month: Some(month),
            day,
            last: last + usize::from(year.is_some()),
        });
    }
    if let Some(day) = day_of(word).filter(|_| word.text.len() <= 4) {
        let month = month_of(words.get(at + 1)?.text).filter(|_| words[at + 1].capitalised())?;
        let year = year_of(words.get(at + 2));
        return Some(Absolute {
            year,
            month: Some(month),
            day: Some(day),
            last: at + 1 + usize::from(year.is_some()),
        });
    }
    year_of(Some(word)).map(|year| Absolute {
        year: Some(year),
        month: None,
        day: None,
        last: at,
    })
}

/// Weekdays written with their date: "Wednesday, March 15", "Wednesday (March 15, 2023)",
/// "Wednesday 15 March".
pub fn weekdays(sentences: &[Sentence<'_>], story: Option<NaiveDate>) -> Vec<DatedWeekday> {
    let mut found = Vec::new();
    for sentence in sentences.iter().filter(|s| s.has(class::WEEKDAY)) {
        let words = &sentence.words;
        for (at, word) in words.iter().enumerate() {
            if word.quoted || !word.is_a(class::WEEKDAY) {
                continue;
            }
            let Some(weekday) = weekday_of(word.text) else {
                continue;
            };
            let Some(next) = words.get(at + 1) else {
                continue;
            };
            if !matches!(next.before.trim(), "" | "," | "(") {
                continue;
            }
            let Some(Absolute {
                year,
                month: Some(month),
                day: Some(day),
                last,
            }) = absolute_at(words, at + 1)
            else {
                continue;
            };
            let date = match (year, story) {
                (Some(year), _) => NaiveDate::from_ymd_opt(year, month, day),
                (None, Some(story)) => nearest_year(story, month, day),
                (None, None) => None,
            };
            found.push(DatedWeekday {
                weekday,
                date,
                place: sentence.place(at, last),
            });
        }
    }
    found
}

/// The words a relative date opens with.
pub(super) const RELATIVE_OPENERS: &[&str] =
    &["yesterday", "today", "tomorrow", "last", "this", "next"];

/// Relative date words and how far they point: "yesterday", "last month", "next year".
fn relative_at(words: &[Word<'_>], at: usize) -> Option<(Offset, usize)> {
    let word = &words[at];
    if word.quoted || !word.is_a(class::RELATIVE) {
        return None;
    }
    // Each word of the story passes here: compared in place, not lower-cased into a copy.
    let single = [("yesterday", -1), ("today", 0), ("tomorrow", 1)]
        .into_iter()
        .find(|(name, _)| word.is(name));
    if let Some((_, days)) = single {
        return Some((Offset::Days(days), at));
    }
    // "the last year for which data is available" is no relative date.
    if at > 0 && words[at - 1].is_any(&["the", "a", "its", "their", "his", "her"]) {
        return None;
    }
    let (_, step) = [("last", -1), ("this", 0), ("next", 1)]
        .into_iter()
        .find(|(name, _)| word.is(name))?;
    let unit = words.get(at + 1).filter(|w| w.follows_closely())?;
    let offset = if unit.is("week") {
        Offset::Weeks(i64::from(step))
    } else if unit.is("month") {
        Offset::Months(step)
    } else if unit.is("year") {
        Offset::Years(step)
    } else {
        return None;
    };
    Some((offset, at + 1))
}

/// Words before a date that make it the bound of a span of time, not the date of an event.
const BOUNDING: &[&str] = &[
    "since", "from", "until", "till", "before", "after", "by", "through",
];

/// Words that may stand between a relative date and the absolute one beside it.
const TIES: &[&str] = &["on", "in", "of", "the"];

/// Relative dates with an absolute date beside them: "last month, on March 3", "on March 3
/// last year", "in 2018 last year". Dates in quotations are the speaker's.
pub fn relative(sentences: &[Sentence<'_>]) -> Vec<RelativeDate> {
    let mut found = Vec::new();
    for sentence in sentences.iter().filter(|s| s.has(class::RELATIVE)) {
        let words = &sentence.words;
        for at in 0..words.len() {
            let Some((offset, last)) = relative_at(words, at) else {
                continue;
            };
            // The absolute date after ("last month, on March 3") or before ("March 3 last
            // year"), with at most two tying words between.
            let mut after = last + 1;
            while after < words.len() && after <= last + 2 && words[after].is_any(TIES) {
                after += 1;
            }
            let tied_after = absolute_at(words, after)
                .filter(|_| {
                    after > last + 1
                        || words[after].before.trim().is_empty()
                        || words[after].before.trim() == ","
                })
                .map(|date| (date, at, date.last));
            let tied_before = (at.saturating_sub(4)..at).find_map(|start| {
                // "since 1969 last month": the date bounds a span of time.
                let bounded = start > 0 && words[start - 1].is_any(BOUNDING);
                let date = absolute_at(words, start).filter(|_| !bounded)?;
                let between = words.get(date.last + 1..at)?;
                (between.len() <= 2 && between.iter().all(|w| w.is_any(TIES)))
                    .then_some((date, start, last))
            });
            if let Some((date, first, end)) = tied_after.or(tied_before) {
                found.push(RelativeDate {
                    offset,
                    year: date.year,
                    month: date.month,
                    day: date.day,
                    weekday: None,
                    place: sentence.place(first, end),
                });
            } else if let Some((weekday, first, end)) = named_day(words, at, offset) {
                found.push(RelativeDate {
                    offset,
                    year: None,
                    month: None,
                    day: None,
                    weekday: Some(weekday),
                    place: sentence.place(first, end),
                });
            }
        }
    }
    found
}

/// The weekday written beside "yesterday", "today" or "tomorrow" at word `at`: "yesterday
/// (Tuesday)", "today, Wednesday,", "on Tuesday, yesterday": the weekday and the first and last
/// word of the pair.
fn named_day(words: &[Word<'_>], at: usize, offset: Offset) -> Option<(Weekday, usize, usize)> {
    if !matches!(offset, Offset::Days(_)) {
        return None;
    }
    let apart = |w: &Word<'_>| matches!(w.before.trim(), "" | "," | "(" | "—" | "–");
    let after = words
        .get(at + 1)
        .filter(|w| apart(w) && !w.quoted)
        .and_then(|w| weekday_of(w.text))
        .map(|weekday| (weekday, at, at + 1));
    let before = at
        .checked_sub(1)
        .filter(|&b| apart(&words[at]) && !words[b].quoted)
        .and_then(|b| weekday_of(words[b].text).map(|weekday| (weekday, b, at)));
    after.or(before)
}
