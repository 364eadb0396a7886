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
use super::word_classes::WordClasses;
use std::sync::LazyLock;
use words::class;

/// The words of every looked-up [`class`], from the lists of the readers that look for them.
/// Titles ([`class::TITLE`]) and words never part of a name ([`class::NOT_NAME`]) are looked
/// for in capitalised words only: they are many of the commonest words ("the", "in", "state")
/// and matter only where they open a title or a name.
static CLASSES: LazyLock<WordClasses> = LazyLock::new(|| {
    let words = |class: u32, words: &'static [&'static str]| words.iter().map(move |&w| (class, w));
    let roles = roles::title_words()
        .map(|w| (class::TITLE, w))
        .chain(roles::NOT_NAMES.iter().map(|&w| (class::NOT_NAME, w)));
    WordClasses::capitalised_only(
        counts::counting_words()
            .map(|w| (class::COUNTING, w))
            .chain(words(class::EARLIER, counts::ANOTHER_TIME))
            .chain(words(class::BIRTHDAY, people::BIRTHDAY))
            .chain(calendar::WEEKDAYS.iter().map(|&(w, _)| (class::WEEKDAY, w)))
            .chain(words(class::RELATIVE, dates::RELATIVE_OPENERS))
            .chain(words(class::WHOLE, shares::WHOLES))
            .chain(words(class::NOT_SHARE, shares::NOT_SHARES))
            .chain(number::words().map(|w| (class::NUMBER, w)))
            .chain([(class::AGED, "aged")])
            .chain(roles),
        class::TITLE | class::NOT_NAME,
    )
});

/// The classes of `word`, from [`CLASSES`] (passed in, so that the split asks the lazy table
/// for itself once, not once a word) and the word's shape.
#[inline]
fn classes_of(classes: &WordClasses, word: &str) -> u32 {
    let figure = if number::may_hold(word) {
        class::FIGURE
    } else {
        0
    };
    classes.of(word) | figure
}

/// The facts of `article`, read against the story's date where one is known.
fn analyse(article: &Article) -> Facts {
    let classes = &*CLASSES;
    let split = words::Split::new(article, |word| classes_of(classes, word));
    let sentences = split.sentences();
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
