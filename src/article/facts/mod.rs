//! The facts layer of the article model: what the story states about people, tolls, dates and
//! shares, read so that two mentions of one fact can be compared.
//!
//! Computed once per article, the first time a rule asks ([`Article::facts`]), and shown by
//! `copydesk dump-model`:
//! - people's ages ("Smith, 46,", "46-year-old Smith", "Smith, aged 46") and the titles before
//!   their names ("Defense Secretary Lloyd Austin"), each tied to one person ([`people`]);
//! - counts tied to what they count — dead, injured, arrested, missing — and to the group
//!   ("people", "children") they are counts of ([`counts`]);
//! - weekdays written with their date, and relative dates ("last month", "yesterday") tied to
//!   an absolute one ([`dates`]);
//! - the percentages one sentence gives as shares of one whole ([`shares`]).
//!
//! What contradicts what is worked out in [`conflicts`], within a story or between a draft and
//! its sources. Quoted words are never read: a quotation is its speaker's, and the quote rules
//! speak for it.

pub mod calendar;
pub mod conflicts;
mod counts;
mod dates;
pub mod model;
mod number;
mod people;
mod roles;
mod shares;
mod words;

pub use calendar::story_date_in;
pub use conflicts::{Conflict, FactKind};
pub use model::{
    Age, Bound, Count, Counted, DatedWeekday, Facts, Offset, Place, RelativeDate, ShareSet, Titled,
};

use super::Article;

/// The facts of `article`, read against the story's date where one is known.
fn analyse(article: &Article) -> Facts {
    let sentences = words::sentences(article);
    let names = people::Names::new(&sentences);
    Facts {
        ages: people::ages(&sentences, &names),
        titles: people::titles(&sentences, &names),
        counts: counts::find(&sentences),
        weekdays: dates::weekdays(&sentences, article.date),
        relative_dates: dates::relative(&sentences),
        shares: shares::find(article, &sentences),
    }
}

impl Article {
    /// The ages, titles, counts, dates and shares the story states (see [`facts`](self)),
    /// read once.
    pub fn facts(&self) -> &Facts {
        self.facts.get_or_init(|| analyse(self))
    }

    /// The facts layer if a rule has read it, without reading it.
    pub fn facts_read(&self) -> Option<&Facts> {
        self.facts.get()
    }
}

#[cfg(test)]
mod tests;
