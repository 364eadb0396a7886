//! Which facts contradict which: within one story, or between a draft and a source.
//!
//! A contradiction is reported at the later mention in reading order (headline, dek, body,
//! captions), with the earlier one — or the source's — as the other place.

use super::model::{Bound, Count, Counted, Facts, Place, Titled};
use super::people::titles_conflict;
use crate::span::Span;
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{HashMap, HashSet};

/// The kinds of fact that can contradict each other, as rule packs name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Age,
    Count,
    Title,
    Weekday,
    RelativeDate,
    Shares,
}

/// Two mentions that cannot both be true, or one that cannot be true.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Where it is reported.
    pub at: Place,
    /// The words the fact was read from, which a rule must be free to see for the conflict to
    /// be reported: a share set is reported over its sentence, but a quotation or a link
    /// elsewhere in that sentence holds none of its figures.
    pub read_from: Span,
    /// What is wrong there ("Smith is 47 here").
    pub message: String,
    /// The mention it contradicts, if another, and what that one says ("46", "12 dead").
    pub earlier: Option<(Place, String)>,
}

impl Facts {
    /// The contradictions of `kind` inside the story, for a story dated `story`.
    pub fn conflicts(&self, kind: FactKind, story: Option<NaiveDate>) -> Vec<Conflict> {
        match kind {
            FactKind::Age => ages(self, self),
            FactKind::Title => titles(self, self),
            FactKind::Count => counts(self, self),
            FactKind::Weekday => {
                let mut found = weekdays(self);
                found.extend(story.map_or_else(Vec::new, |story| relative(self, story, true)));
                found
            }
            FactKind::RelativeDate => {
                story.map_or_else(Vec::new, |story| relative(self, story, false))
            }
            FactKind::Shares => shares(self),
        }
    }

    /// The facts of `kind` a draft with these facts states differently from a source with
    /// `source`'s. The source's mention is the earlier one.
    pub fn conflicts_with_source(&self, source: &Facts, kind: FactKind) -> Vec<Conflict> {
        match kind {
            FactKind::Age => ages(source, self),
            FactKind::Title => titles(source, self),
            FactKind::Count => counts(source, self),
            _ => Vec::new(),
        }
    }

    /// Whether a check of dates needed the story's date and had none: a weekday written with
    /// a date that has no year, or a relative date beside an absolute one.
    pub fn needs_story_date(&self, story: Option<NaiveDate>) -> bool {
        story.is_none()
            && (self.weekdays.iter().any(|w| w.date.is_none()) || !self.relative_dates.is_empty())
    }
}

/// Whether `earlier` and `later` are one story's facts read twice.
fn same(earlier: &Facts, later: &Facts) -> bool {
    std::ptr::eq(earlier, later)
}

/// The most different earlier mentions of one key a later one is compared with: a person with
/// more ages, or a toll with more values, than this is past reading as one fact.
const MAX_DISTINCT: usize = 16;

/// The later mentions among `later`'s that no earlier mention with their key (among
/// `earlier`'s) agrees with, each with the first earlier mention, once for each different
/// value. Within one story (`within`), earlier means earlier in reading order. Each mention is
/// compared with one earlier mention of each different value, so the work grows with the
/// mentions times the values a key takes, not with the mentions squared.
fn first_and_later<'a, T>(
    earlier: &'a [T],
    later: &'a [T],
    within: bool,
    key: impl Fn(&T) -> &str,
    place: impl Fn(&T) -> Place,
    differs: impl Fn(&T, &T) -> bool,
    value: impl Fn(&T) -> String,
) -> Vec<(&'a T, &'a T)> {
    // For each key, one earlier mention of each value (written once), in reading order.
    let mut distinct: HashMap<&str, Vec<(String, &T)>> = HashMap::new();
    let mut out = Vec::new();
    let mut reported: HashSet<(String, String)> = HashSet::new();
    let add =
        |distinct: &mut HashMap<&'a str, Vec<(String, &'a T)>>, fact: &'a T, written: String| {
            let values = distinct.entry(key(fact)).or_default();
            if values.len() < MAX_DISTINCT && !values.iter().any(|(v, _)| *v == written) {
                values.push((written, fact));
            }
        };
    if !within {
        let mut sorted_earlier: Vec<&T> = earlier.iter().collect();
        sorted_earlier.sort_by_key(|fact| place(fact));
        for fact in sorted_earlier {
            add(&mut distinct, fact, value(fact));
        }
    }
    let mut ordered: Vec<&T> = later.iter().collect();
    ordered.sort_by_key(|fact| place(fact));
    for fact in ordered {
        let written = value(fact);
        if let Some(before) = distinct.get(key(fact)).filter(|b| !b.is_empty()) {
            let contradicted = before.iter().all(|(_, m)| differs(m, fact));
            if contradicted && reported.insert((key(fact).to_owned(), written.clone())) {
                out.push((before[0].1, fact));
            }
        }
        if within {
            add(&mut distinct, fact, written);
        }
    }
    out
}

fn ages(earlier: &Facts, later: &Facts) -> Vec<Conflict> {
    first_and_later(
        &earlier.ages,
        &later.ages,
        same(earlier, later),
        |a| a.key.as_str(),
        |a| a.place,
        |a, b| a.years != b.years,
        |a| a.years.to_string(),
    )
    .into_iter()
    .map(|(was, is)| Conflict {
        at: is.place,
        read_from: is.place.span,
        message: format!("{} is {} here", is.person, is.years),
        earlier: Some((was.place, format!("{} is {}", was.person, was.years))),
    })
    .collect()
}

/// Whether two titles stand in one sentence: a career listed ("Sen. Biden or Vice President
/// Biden") is not a contradiction.
fn same_sentence(a: &Titled, b: &Titled) -> bool {
    a.sentence == b.sentence
}

fn titles(earlier: &Facts, later: &Facts) -> Vec<Conflict> {
    let within = same(earlier, later);
    first_and_later(
        &earlier.titles,
        &later.titles,
        within,
        |t| t.key.as_str(),
        |t| t.place,
        |a, b| titles_conflict(a, b) && !(within && same_sentence(a, b)),
        |t| format!("{} {}", t.office, t.portfolio),
    )
    .into_iter()
    .map(|(was, is)| Conflict {
        at: is.place,
        read_from: is.place.span,
        message: format!("{} is {} here", is.person, is.title),
        earlier: Some((was.place, format!("{} is {}", was.person, was.title))),
    })
    .collect()
}

/// Counts of one thing that disagree. A class of count the story says changed ("rose to"),
/// or ties to two places, is left alone; "at least 12" then "14" agree, "12" then "11" do not.
fn counts(earlier: &Facts, later: &Facts) -> Vec<Conflict> {
    let (was, is) = (settled(earlier), settled(later));
    let keyed = |list: &[&Count]| -> Vec<(String, Count)> {
        list.iter()
            .filter(|c| !elsewhere_than_lead(list, c))
            .map(|c| {
                (
                    format!("{} {}", c.counted.name(), group_of(list, c)),
                    (*c).clone(),
                )
            })
            .collect()
    };
    let (was, is) = (keyed(&was), keyed(&is));
    first_and_later(
        &was,
        &is,
        same(earlier, later),
        |(k, _)| k.as_str(),
        |(_, c)| c.place,
        |(_, a), (_, b)| disagree(a, b),
        // What `disagree` reads: the value, its bound, where and when, and whether it is the
        // headline's or the dek's.
        |(_, c)| {
            let body = c.place.rank > 1;
            format!(
                "{} {:?} {:?} {:?} {:?} {body}",
                c.value, c.bound, c.location, c.day, c.source
            )
        },
    )
    .into_iter()
    .map(|((_, was), (_, is))| Conflict {
        at: is.place,
        read_from: is.place.span,
        message: format!("{} here", written(is)),
        earlier: Some((was.place, written(was))),
    })
    .collect()
}

/// The group a count is compared as: its own, or, for a count of people in general, the
/// group of the body's first count of its kind (the lead's toll, "57 prisoners were killed")
/// when it is a headline's or a dek's ("58 dead"), or a later body count smaller than the
/// lead's ("56 people were killed"): a total of several groups may be larger than one of
/// them, never smaller.
fn group_of<'a>(list: &[&'a Count], count: &'a Count) -> &'a str {
    if !count.group.is_empty() {
        return singular(&count.group);
    }
    let lead = list
        .iter()
        .filter(|c| c.counted == count.counted && c.place.rank > 1)
        .min_by_key(|c| c.place);
    match lead {
        Some(lead) if count.place.rank <= 1 => singular(&lead.group),
        Some(lead) if lead.place < count.place && count.value < lead.value => singular(&lead.group),
        _ => "",
    }
}

/// Whether `count` is a body count tied to a place that the lead's count of its kind (the
/// body's first) is not tied to: "three people were killed in Washington state" in a story
/// whose lead counts a crash in South Carolina is another event's toll, not compared with the
/// story's own.
fn elsewhere_than_lead(list: &[&Count], count: &Count) -> bool {
    let lead = list
        .iter()
        .filter(|c| c.counted == count.counted && c.place.rank > 1)
        .min_by_key(|c| c.place);
    count.place.rank > 1
        && count.location.is_some()
        && lead.is_some_and(|lead| lead.location != count.location)
}

/// A group as counts of it are compared: "soldiers" and "soldier" are one group.
fn singular(group: &str) -> &str {
    group.strip_suffix('s').unwrap_or(group)
}

/// A count as the messages give it: "at least 12 dead", "11 soldiers injured".
fn written(count: &Count) -> String {
    let bound = match count.bound {
        Bound::AtLeast => "at least ",
        _ => "",
    };
    let group = match count.group.is_empty() {
        true => String::new(),
        false => format!(" {}", count.group),
    };
    format!("{bound}{}{group} {}", count.value, count.counted.name())
}

/// The exact and lower-bound counts of `facts` in classes the story does not update and that
/// hold at most two values (of counts tied to no place, exact or bounded below): a story with three tolls of one thing
/// (the world's, a country's, a city's) is a story of tallies, not of one event.
fn settled(facts: &Facts) -> Vec<&Count> {
    // Per class (what is counted, of whom): its values tied to no place, and whether the
    // story says it changed. Read in one pass.
    let mut classes: HashMap<(Counted, &str), (Vec<u32>, bool)> = HashMap::new();
    for c in &facts.counts {
        let (values, updated) = classes.entry((c.counted, singular(&c.group))).or_default();
        *updated |= c.update;
        let unplaced = c.location.is_none() && matches!(c.bound, Bound::Exact | Bound::AtLeast);
        if unplaced && !values.contains(&c.value) && values.len() <= 2 {
            values.push(c.value);
        }
    }
    facts
        .counts
        .iter()
        .filter(|c| {
            let (values, updated) = &classes[&(c.counted, singular(&c.group))];
            matches!(c.bound, Bound::Exact | Bound::AtLeast) && values.len() <= 2 && !updated
        })
        .collect()
}

/// Whether a later count cannot stand beside an earlier one. Below the headline and dek, a
/// later count tied to a place or a day the earlier one is not tied to ("in El Paso", "on
/// Sunday") counts a part of it, or another event; so may a smaller count after one whose parts
/// are listed ("5 dead, including an officer"); and two counts given to two authorities (the
/// Interior Ministry's, the Health Ministry's) differ as sources do, which the story reports.
fn disagree(earlier: &Count, later: &Count) -> bool {
    let narrows = |was: &Option<String>, is: &Option<String>| is.is_some() && was != is;
    // A headline or dek names the lead's event without its day or its exact place.
    let body = earlier.place.rank > 1;
    let dated = body && narrows(&earlier.day, &later.day);
    let placed = body && narrows(&earlier.location, &later.location);
    let part = earlier.parts && later.value < earlier.value;
    let two_authorities =
        earlier.source.is_some() && later.source.is_some() && earlier.source != later.source;
    if dated || placed || part || two_authorities {
        return false;
    }
    match (earlier.bound, later.bound) {
        (Bound::Exact, Bound::Exact) => earlier.value != later.value,
        (Bound::Exact, Bound::AtLeast) => later.value > earlier.value,
        (Bound::AtLeast, Bound::Exact) => later.value < earlier.value,
        _ => false,
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn weekdays(facts: &Facts) -> Vec<Conflict> {
    facts
        .weekdays
        .iter()
        .filter_map(|w| {
            let date = w.date?;
            (date.weekday() != w.weekday).then(|| Conflict {
                at: w.place,
                read_from: w.place.span,
                message: format!(
                    "{} is a {}, not a {}",
                    date.format("%B %-d, %Y"),
                    weekday_name(date.weekday()),
                    weekday_name(w.weekday)
                ),
                earlier: None,
            })
        })
        .collect()
}

/// The relative dates that contradict the story's date: those written beside a weekday
/// ("yesterday (Tuesday)", reported as weekday mismatches) when `named_days`, else those
/// beside an absolute date.
fn relative(facts: &Facts, story: NaiveDate, named_days: bool) -> Vec<Conflict> {
    let format = match named_days {
        true => "%A, %B %-d, %Y",
        false => "%B %-d, %Y",
    };
    facts
        .relative_dates
        .iter()
        .filter(|r| r.weekday.is_some() == named_days && r.contradicts(story))
        .map(|r| Conflict {
            at: r.place,
            read_from: r.place.span,
            message: format!("the story is dated {}", story.format(format)),
            earlier: None,
        })
        .collect()
}

fn shares(facts: &Facts) -> Vec<Conflict> {
    facts
        .shares
        .iter()
        .filter(|set| set.exceeds_whole())
        .map(|set| Conflict {
            at: set.place,
            read_from: set
                .shares
                .first()
                .map_or(set.place.span, |(_, share)| share.span),
            message: format!("these shares add up to {}%", set.total()),
            earlier: None,
        })
        .collect()
}
