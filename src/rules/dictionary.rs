//! A word list from a pack's data file (one lower-case word a line, `#` comment lines; the
//! format of [`data_format`]), checked when the pack loads and indexed the first time a check
//! asks it something, so packs that never need it pay for one pass over it.
//!
//! The index is the list's words in sorted order as offsets into the text, looked up by binary
//! search: nothing is copied, and indexing a sorted list (the bundled ones are) is one pass.

use super::data_format::{self, Column, Field, LineError};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A word list's one column.
const WORD: [Column; 1] = [("word", Field::Word)];

pub struct Dictionary {
    text: Cow<'static, str>,
    /// Where each word stands in `text`, sorted by the word.
    index: OnceLock<Vec<(u32, u32)>>,
}

impl Dictionary {
    /// The word list `text`, or the first line that breaks its format or holds an upper-case
    /// letter (lookups are lower-cased, so that entry could never match).
    pub fn parse(text: Cow<'static, str>) -> Result<Self, LineError> {
        for entry in data_format::entries(&text, WORD) {
            let entry = entry?;
            let [word] = &entry.fields;
            if let Some(at) = text[word.clone()].chars().position(char::is_uppercase) {
                return Err(LineError {
                    line: entry.line,
                    problem: format!(
                        "an upper-case letter at column {} (words are looked up in lower case)",
                        at + 1
                    ),
                });
            }
        }
        Ok(Self {
            text,
            index: OnceLock::new(),
        })
    }

    fn word(&self, &(start, end): &(u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }

    fn index(&self) -> &[(u32, u32)] {
        self.index.get_or_init(|| {
            // Offsets fit: a data file over 4 GiB is not a word list.
            let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
            // `parse` has checked every line.
            let mut words: Vec<(u32, u32)> = data_format::entries(&self.text, WORD)
                .flatten()
                .map(|entry| {
                    let [word] = entry.fields;
                    (offset(word.start), offset(word.end))
                })
                .collect();
            if !words.is_sorted_by(|a, b| self.word(a) <= self.word(b)) {
                words.sort_unstable_by(|a, b| self.word(a).cmp(self.word(b)));
            }
            words
        })
    }

    /// Whether `word`, lower-cased, is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let lower: Cow<'_, str> = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        self.index()
            .binary_search_by(|entry| self.word(entry).cmp(&lower))
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &'static str) -> Result<Dictionary, LineError> {
        Dictionary::parse(Cow::Borrowed(text))
    }

    #[test]
    fn lookups_ignore_case_and_comments() {
        let dictionary = parse("# words\narrest\nlater\n").expect("a word list");
        assert!(dictionary.contains("Later"));
        assert!(dictionary.contains("arrest"));
        assert!(!dictionary.contains("# words"));
        assert!(!dictionary.contains("swansea"));
    }

    #[test]
    fn an_unsorted_list_with_crlf_still_finds_its_words() {
        let dictionary = parse("zebra\r\napple\n\nmango").expect("a word list");
        for word in ["zebra", "apple", "mango", "Mango"] {
            assert!(dictionary.contains(word), "{word}");
        }
        assert!(!dictionary.contains("pear") && !dictionary.contains(""));
    }

    #[test]
    fn an_entry_that_could_never_match_is_an_error_at_its_line() {
        let problem = |text| parse(text).err().map(|e| (e.line, e.problem));
        assert_eq!(
            problem("arrest\n  apple\n"),
            Some((
                2,
                "whitespace at the start of the word (column 1)".to_owned()
            ))
        );
        assert_eq!(
            problem("arrest\nlater # soon\n").map(|(line, _)| line),
            Some(2)
        );
        assert_eq!(
            problem("# list\narrest\nkYiv\n"),
            Some((
                3,
                "an upper-case letter at column 2 (words are looked up in lower case)".to_owned()
            ))
        );
    }
}
