//! The calendar words of news copy: month names and their abbreviations, and the story's own
//! date as a field or a dateline writes it. The calendar itself is `chrono`'s.

use chrono::{Datelike, NaiveDate, Weekday};

/// Month names and the abbreviations news copy uses before a day ("Aug. 5", "Sept. 5").
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// A date written in a field or on a dateline: "2019-08-07" (or the date of a timestamp that
/// starts so), "August 7, 2019", "7 August 2019".
pub fn story_date_in(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = text
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some(date);
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).find_map(|w| {
        let (month, day, year) = match (month_of(w[0]), month_of(w[1])) {
            (Some(month), _) => (month, w[1], w[2]),
            (None, Some(month)) => (month, w[0], w[2]),
            _ => return None,
        };
        NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
    })
}

pub fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, month)| month)
}

/// The days of the week.
pub(super) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The weekday a word names, ignoring case.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, day)| day)
}

/// Whether `word` is a year as news copy writes one, 1900 to 2100 ("in 2015").
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The year in which `month` and `day` fall nearest the story's date.
pub fn nearest_year(story: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (story.year() - 1..=story.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .min_by_key(|date| (*date - story).num_days().abs())
}
