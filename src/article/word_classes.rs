//! A table of word classes: each listed word with the bits of every class it is listed in,
//! looked up ASCII-case-insensitively. The attribution layer and the facts layer each keep one,
//! and look up every word of a story in it, so a lookup must be cheap: a sketch rules out most
//! words before any hashing.

use super::text::sketch_of;
use std::collections::HashMap;

/// Words longer than this are in no class.
const LONGEST: usize = 24;

/// Bits in the sketch: 8 KiB, which stays in cache.
const SLOTS: usize = 1 << 16;

/// Words by class: each class's bit with its words, separated by white space.
pub type ClassList = [(u32, &'static str)];

/// The classes of a fixed set of words (see the [module](self)).
pub struct WordClasses {
    /// One bit for each (length, first, second and last letter) of the table's words, hashed.
    sketch: Box<[u64; SLOTS / 64]>,
    /// The same for the words of classes that only capitalised words have (see
    /// [`capitalised_only`](Self::capitalised_only)) and every other word.
    capital_sketch: Box<[u64; SLOTS / 64]>,
    /// Classes that only a word written with a capital has.
    capitalised_only: u32,
    /// Keyed by the ASCII lower-case bytes of each word.
    table: HashMap<Box<[u8]>, u32, foldhash::fast::FixedState>,
}

impl WordClasses {
    /// The table of `classes`.
    pub fn new(classes: &ClassList) -> Self {
        Self::from_words(
            classes
                .iter()
                .flat_map(|&(class, words)| words.split_whitespace().map(move |w| (class, w))),
        )
    }

    /// The table of each word's class, given word by word in any case; a word listed twice
    /// has both classes.
    pub fn from_words<'w>(words: impl IntoIterator<Item = (u32, &'w str)>) -> Self {
        Self::capitalised_only(words, 0)
    }

    /// The table of each word's class, where the classes of `capitalised_only` belong to a
    /// word only when it opens with an ASCII capital ("The" may open a title, "the" never):
    /// a word of those classes alone costs the words in lower case nothing.
    pub fn capitalised_only<'w>(
        words: impl IntoIterator<Item = (u32, &'w str)>,
        capitalised_only: u32,
    ) -> Self {
        let mut table = HashMap::with_hasher(foldhash::fast::FixedState::default());
        let mut sketch = Box::new([0; SLOTS / 64]);
        let mut capital_sketch = Box::new([0; SLOTS / 64]);
        for (class, word) in words {
            *table
                .entry(word.to_ascii_lowercase().into_bytes().into())
                .or_insert(0) |= class;
            if let Some(at) = slot(word.as_bytes()) {
                capital_sketch[at / 64] |= 1 << (at % 64);
                if class & !capitalised_only != 0 {
                    sketch[at / 64] |= 1 << (at % 64);
                }
            }
        }
        WordClasses {
            sketch,
            capital_sketch,
            capitalised_only,
            table,
        }
    }

    /// The classes of `word` (0 for none), compared ASCII-case-insensitively. Curly
    /// apostrophes and anything past 24 bytes make no match.
    #[inline]
    pub fn of(&self, word: &str) -> u32 {
        let bytes = word.as_bytes();
        let Some(at) = slot(bytes) else { return 0 };
        let capitalised = bytes[0].is_ascii_uppercase();
        let sketch = if capitalised {
            &self.capital_sketch
        } else {
            &self.sketch
        };
        if sketch[at / 64] & (1 << (at % 64)) == 0 {
            return 0;
        }
        let classes = self.look_up(bytes);
        if capitalised {
            classes
        } else {
            classes & !self.capitalised_only
        }
    }

    /// The classes of a word the sketch may hold, from the table. Kept apart from [`of`](Self::of)
    /// so that the words the sketch rules out, most of them, pay for no more than the sketch.
    #[inline(never)]
    fn look_up(&self, bytes: &[u8]) -> u32 {
        let mut lower = [0u8; LONGEST];
        for (to, from) in lower.iter_mut().zip(bytes) {
            *to = from.to_ascii_lowercase();
        }
        self.table.get(&lower[..bytes.len()]).copied().unwrap_or(0)
    }
}

/// Where a word stands in the sketch (its [`word_sketch`](super::text::word_sketch)): none
/// for a word too long or not opening with a letter.
#[inline]
fn slot(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    let first = first | 0x20;
    if !first.is_ascii_lowercase() || word.len() > LONGEST {
        return None;
    }
    let second = word.get(1).map_or(0, |b| b | 0x20);
    let ends = [first, second, last | 0x20];
    Some(sketch_of(ends, word.len() as u8, SLOTS.trailing_zeros()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: u32 = 1;
    const B: u32 = 2;

    #[test]
    fn a_word_has_every_class_it_is_listed_in_whatever_its_case() {
        let classes = WordClasses::new(&[(A, "said told U.S"), (B, "told a")]);
        assert_eq!(classes.of("Said"), A);
        assert_eq!(classes.of("TOLD"), A | B);
        assert_eq!(classes.of("U.S"), A);
        assert_eq!(classes.of("a"), B);
        assert_eq!(classes.of("tell"), 0);
        assert_eq!(classes.of(""), 0);
        assert_eq!(classes.of("9"), 0);
        assert_eq!(classes.of("saidsaidsaidsaidsaidsaidsaid"), 0);
        assert_eq!(classes.of("Zoë"), 0);
    }

    #[test]
    fn a_class_for_capitalised_words_only_is_not_given_to_a_word_in_lower_case() {
        let classes = WordClasses::capitalised_only([(A, "the"), (B, "last"), (A, "last")], A);
        assert_eq!(classes.of("The"), A);
        assert_eq!(classes.of("the"), 0);
        assert_eq!(classes.of("Last"), A | B);
        assert_eq!(classes.of("last"), B);
    }
}
