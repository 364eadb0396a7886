//! The facts layer as `copydesk dump-model` shows it under each block: ages, titles, counts,
//! dated weekdays, relative dates and shares (see [`crate::article::facts`]).

use crate::article::Article;
use crate::article::facts::{Bound, Offset, Place};
use std::fmt::Write;

/// The facts stated in block `block`, a line each, appended to `out`.
pub fn describe(
    article: &Article,
    block: usize,
    position: &dyn Fn(usize) -> String,
    out: &mut String,
) {
    let facts = article.facts();
    let mut line = |place: &Place, what: String| {
        if place.block == block {
            let _ = writeln!(
                out,
                "  fact    {:>7}  {:?}: {what}",
                position(place.span.start),
                article.text(place.span)
            );
        }
    };
    for age in &facts.ages {
        line(&age.place, format!("age {} of {}", age.years, age.key));
    }
    for titled in &facts.titles {
        let of = match titled.portfolio.is_empty() {
            true => String::new(),
            false => format!(" ({})", titled.portfolio),
        };
        line(
            &titled.place,
            format!("title {}{of} of {}", titled.office, titled.key),
        );
    }
    for count in &facts.counts {
        let bound = match count.bound {
            Bound::Exact => "",
            Bound::AtLeast => "at least ",
            Bound::AtMost => "at most ",
            Bound::About => "about ",
        };
        let group = match count.group.is_empty() {
            true => String::new(),
            false => format!(" {}", count.group),
        };
        let mut notes = String::new();
        if count.update {
            notes.push_str("; an update");
        }
        if let Some(location) = &count.location {
            let _ = write!(notes, "; in {location}");
        }
        line(
            &count.place,
            format!(
                "count {bound}{}{group} {}{notes}",
                count.value,
                count.counted.name()
            ),
        );
    }
    for weekday in &facts.weekdays {
        let date = weekday.date.map_or("no year known".to_owned(), |d| {
            d.format("%Y-%m-%d, a %A").to_string()
        });
        line(&weekday.place, format!("weekday with its date: {date}"));
    }
    for relative in &facts.relative_dates {
        let offset = match relative.offset {
            Offset::Days(days) => format!("{days:+} days"),
            Offset::Weeks(weeks) => format!("{weeks:+} weeks"),
            Offset::Months(months) => format!("{months:+} months"),
            Offset::Years(years) => format!("{years:+} years"),
        };
        let beside = match relative.weekday {
            Some(_) => "a weekday",
            None => "an absolute date",
        };
        line(
            &relative.place,
            format!("a relative date ({offset} from the story's date) beside {beside}"),
        );
    }
    for set in &facts.shares {
        line(
            &set.place,
            format!("shares of one whole adding up to {}%", set.total()),
        );
    }
}
