//! The word table: every whole-word literal that starts with a letter or digit, under its
//! first word, looked up once per word of the text.

use crate::article::text::{is_word_char, word_sketch};
use crate::span::Span;
use std::hash::BuildHasher;
use std::ops::Range;

/// Whole-word literals that start with a word character, found through their first word.
#[derive(Default)]
pub(super) struct WordTable {
    /// Literal numbers, hashed by the literal's first word (folded).
    pub(super) by_first_word: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    /// Byte length of each literal's first word (0 for literals not in the table).
    first_word_len: Vec<usize>,
    /// The byte lengths of first words worth looking up.
    lengths: Range<usize>,
    /// A bit per [`Sketch`] of the first words: a word whose sketch has no bit cannot be
    /// one, and is not hashed at all.
    sketches: Vec<u64>,
}

/// The first words' sketches ([`word_sketch`]) take 18 bits: a word whose sketch has no bit
/// in the table cannot be a first word, and is not folded or hashed at all.
pub(super) struct Sketch;

impl Sketch {
    const BITS: u32 = 18;

    /// The sketch of a word (at least one byte long).
    #[inline]
    pub(super) fn of(word: &[u8]) -> usize {
        word_sketch(word, Self::BITS)
    }
}

impl WordTable {
    /// The byte length of the first word of `literal`, if it starts with one.
    pub(super) fn first_word(literal: &str) -> Option<usize> {
        let end = literal
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(literal.len(), |(i, _)| i);
        (end > 0).then_some(end)
    }

    pub(super) fn new(literals: &[String], in_table: impl Fn(usize) -> bool) -> (Self, Vec<u32>) {
        let mut table = WordTable {
            first_word_len: vec![0; literals.len()],
            lengths: 0..0,
            sketches: vec![0; (1 << Sketch::BITS) / 64],
            ..WordTable::default()
        };
        let mut others = Vec::new();
        // Room for every literal at once, so the table is not rehashed as it grows.
        table.by_first_word.reserve(literals.len(), |&i| {
            let i = i as usize;
            table
                .hasher
                .hash_one(&literals[i].as_bytes()[..table.first_word_len[i]])
        });
        for (index, literal) in literals.iter().enumerate() {
            let first = Self::first_word(literal).filter(|_| in_table(index));
            let Some(first) = first else {
                others.push(index as u32);
                continue;
            };
            table.first_word_len[index] = first;
            let sketch = Sketch::of(&literal.as_bytes()[..first]);
            table.sketches[sketch / 64] |= 1 << (sketch % 64);
            table.lengths = if table.lengths.is_empty() {
                first..first + 1
            } else {
                table.lengths.start.min(first)..table.lengths.end.max(first + 1)
            };
            let hash = table.hasher.hash_one(&literal.as_bytes()[..first]);
            table.by_first_word.insert_unique(hash, index as u32, |&i| {
                let i = i as usize;
                table
                    .hasher
                    .hash_one(&literals[i].as_bytes()[..table.first_word_len[i]])
            });
        }
        (table, others)
    }

    /// Every match in `text` of a literal in the table, as `(literal, span)`.
    pub(super) fn find(&self, literals: &[String], text: &str, mut found: impl FnMut(u32, Span)) {
        if self.by_first_word.is_empty() {
            return;
        }
        let mut folded = String::new();
        for word in word_runs(text) {
            if !self.lengths.contains(&word.len()) {
                continue;
            }
            let sketch = Sketch::of(&text.as_bytes()[word.range()]);
            if self.sketches[sketch / 64] & (1 << (sketch % 64)) == 0 {
                continue;
            }
            folded.clear();
            folded.push_str(&text[word.range()]);
            folded.make_ascii_lowercase();
            let hash = self.hasher.hash_one(folded.as_bytes());
            for &index in self.by_first_word.iter_hash(hash) {
                let literal = &literals[index as usize];
                let first = self.first_word_len[index as usize];
                if literal.as_bytes()[..first] != *folded.as_bytes() {
                    continue;
                }
                let end = word.start + literal.len();
                let rest_matches = first == literal.len()
                    || text
                        .get(word.end..end)
                        .is_some_and(|rest| rest.eq_ignore_ascii_case(&literal[first..]));
                if rest_matches {
                    found(index, Span::new(word.start, end));
                }
            }
        }
    }
}

/// The maximal runs of word characters (letters and digits) in `text`: exactly the places
/// where a literal made of word characters matches on word boundaries.
pub(super) fn word_runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    // Whether the character at `at` is a word character, and its width: ASCII bytes, most of
    // a text, from a table without decoding; others decoded.
    let read = move |at: usize, byte: u8| match ASCII_WORD.get(usize::from(byte)) {
        Some(&word) => (word, 1),
        None => text[at..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let (word, width) = read(at, *bytes.get(at)?);
            if word {
                break;
            }
            at += width;
        }
        let start = at;
        while let Some(&byte) = bytes.get(at) {
            let (word, width) = read(at, byte);
            if !word {
                break;
            }
            at += width;
        }
        Some(Span::new(start, at))
    })
}

/// Whether each ASCII byte is a word character: a letter or a digit.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_and_sketches() {
        assert_eq!(WordTable::first_word("colour's"), Some(6));
        assert_eq!(WordTable::first_word("“quoted"), None);
        assert_eq!(Sketch::of(b"Colour"), Sketch::of(b"colour"));
        assert_ne!(Sketch::of(b"colour"), Sketch::of(b"colours"));
        assert_ne!(Sketch::of(b"a"), Sketch::of(b"ab"));
        assert!(Sketch::of(b"colourization") < 1 << Sketch::BITS);
    }

    #[test]
    fn word_runs_split_on_anything_but_letters_and_digits() {
        let text = "Kata’ib 2024—al-Saadi é";
        let runs: Vec<&str> = word_runs(text).map(|s| &text[s.range()]).collect();
        assert_eq!(runs, ["Kata", "ib", "2024", "al", "Saadi", "é"]);
    }
}
