//! The facts layer's data: what each kind of fact records, and where it stands. Below every
//! file that reads facts, so that the article model can hold them.

use super::calendar::nearest_year;
use crate::span::Span;
use chrono::{Datelike, Months, NaiveDate, Weekday};

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Counted {
    Dead,
    Injured,
    Arrested,
    Missing,
}

impl Counted {
    pub fn name(self) -> &'static str {
        match self {
            Counted::Dead => "dead",
            Counted::Injured => "injured",
            Counted::Arrested => "arrested",
            Counted::Missing => "missing",
        }
    }
}

/// How exact a count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// "at least 12", "more than 12".
    AtLeast,
    /// "nearly 12", "up to 12".
    AtMost,
    /// "about 12", "some 12".
    About,
}

/// One count the story gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub counted: Counted,
    /// Of whom, when the story says ("soldiers"); empty for people in general.
    pub group: String,
    pub value: u32,
    pub bound: Bound,
    /// The sentence says the count changed ("rose to", "revised", "now").
    pub update: bool,
    /// The places the sentence ties the count to ("in El Paso"), lower-cased.
    pub location: Option<String>,
    /// The weekday the sentence names, lower-cased: counts of two days are two events.
    pub day: Option<String>,
    /// Parts of it follow ("5 dead, including an officer"): a smaller count may be one.
    pub parts: bool,
    /// Who the sentence gives it to, when that is a name of two words or more ("the Health
    /// Ministry said"), lower-cased: two authorities' counts that differ are reported as
    /// differing, not contradicting.
    pub source: Option<String>,
    pub place: Place,
}

/// A weekday written with a date ("Wednesday, March 15"), and the date it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedWeekday {
    pub weekday: Weekday,
    /// The date, its year as written or, where none is, the story's; `None` when neither
    /// gives a year.
    pub date: Option<NaiveDate>,
    pub place: Place,
}

/// How far from the story's date a relative date points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    Days(i64),
    /// "last week", "next week": the date falls within the week before (or after) the story's
    /// seven days, read loosely as the thirteen days before (or after) the story's date.
    Weeks(i64),
    Months(i32),
    Years(i32),
}

/// A relative date ("last month", "yesterday") with the absolute date or the weekday written
/// beside it ("last month, on March 3", "yesterday (Tuesday)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeDate {
    pub offset: Offset,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
    /// The relative words and the absolute date, from the first to the last.
    pub place: Place,
}

impl RelativeDate {
    /// Whether the absolute date contradicts the relative one, for a story dated `story`.
    pub fn contradicts(&self, story: NaiveDate) -> bool {
        match self.offset {
            Offset::Days(days) => {
                let Some(expected) = story.checked_add_signed(chrono::TimeDelta::days(days)) else {
                    return false;
                };
                self.day.is_some_and(|d| d != expected.day())
                    || self.month.is_some_and(|m| m != expected.month())
                    || self.year.is_some_and(|y| y != expected.year())
                    || self.weekday.is_some_and(|w| w != expected.weekday())
            }
            Offset::Weeks(weeks) => {
                let (Some(month), Some(day)) = (self.month, self.day) else {
                    return false;
                };
                let date = match self.year {
                    Some(year) => NaiveDate::from_ymd_opt(year, month, day),
                    None => nearest_year(story, month, day),
                };
                let Some(date) = date else { return false };
                let days = (date - story).num_days();
                match weeks.signum() {
                    -1 => !(-13..=-1).contains(&days),
                    1 => !(1..=13).contains(&days),
                    _ => !(-6..=6).contains(&days),
                }
            }
            Offset::Months(months) => {
                let expected = match months >= 0 {
                    true => story.checked_add_months(Months::new(months.unsigned_abs())),
                    false => story.checked_sub_months(Months::new(months.unsigned_abs())),
                };
                let Some(expected) = expected else {
                    return false;
                };
                self.month.is_some_and(|m| m != expected.month())
                    || self.year.is_some_and(|y| y != expected.year())
            }
            Offset::Years(years) => self.year.is_some_and(|y| y != story.year() + years),
        }
    }
}

/// An age the story gives a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// The person, as the story names them there.
    pub person: String,
    /// Who the person is: their full name, lower-cased.
    pub key: String,
    pub years: u32,
    pub place: Place,
}

/// A title written before a person's name ("Secretary of State Antony Blinken").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Titled {
    pub person: String,
    pub key: String,
    /// The title as written.
    pub title: String,
    /// The office it names, by its head word ("secretary", "prime minister"), spelled out.
    pub office: String,
    /// What the office is of: "state" in "Secretary of State", "defense" in "Defense
    /// Secretary"; empty for an office that needs none ("Senator").
    pub portfolio: String,
    pub place: Place,
    /// The sentence it stands in.
    pub sentence: crate::span::Span,
}

/// The percentages of one sentence read as shares of one whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareSet {
    /// Each share, as written, with where it is.
    pub shares: Vec<(f64, Place)>,
    /// Whether any share is written with decimals (rounding then allows less).
    pub decimals: bool,
    pub place: Place,
}

impl ShareSet {
    pub fn total(&self) -> f64 {
        self.shares.iter().map(|(share, _)| share).sum()
    }

    /// Whether the shares add up to more than the whole, beyond what rounding each allows. A
    /// total past [`PLAUSIBLE_TOTAL`] says the percentages are not shares of one whole at all
    /// (answers to two questions, shares of two counts).
    pub fn exceeds_whole(&self) -> bool {
        let per_share = if self.decimals { 0.05 } else { 0.5 };
        let total = self.total();
        total > 100.0 + per_share * self.shares.len() as f64 && total <= PLAUSIBLE_TOTAL
    }
}

/// The most the shares of one whole are taken to add up to by mistake.
const PLAUSIBLE_TOTAL: f64 = 115.0;

/// Everything the facts layer read from one article.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub ages: Vec<Age>,
    pub titles: Vec<Titled>,
    pub counts: Vec<Count>,
    pub weekdays: Vec<DatedWeekday>,
    pub relative_dates: Vec<RelativeDate>,
    pub shares: Vec<ShareSet>,
}

/// Where a fact is stated, in the order a reader meets it: headline, dek, body, captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// 0 headline, 1 dek, 2 body, 3 caption.
    pub rank: u8,
    pub block: usize,
    pub span: Span,
}
