//! A word list from a pack's data file (one lower-case word a line, `#` comment lines; the
//! format of [`data_format`]), checked when the pack loads and indexed the first time a check
//! asks it something, so packs that never need it pay for one pass over it. Rules that name
//! the same list share it ([`Dictionary`] is a shared handle).
//!
//! The index is the list's words in sorted order as offsets into the text, looked up by binary
//! search: nothing is copied, and indexing a sorted list (the bundled ones are) is one pass.

use super::data_format::{self, Column, Field, LineError};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// A word list's one column.
const WORD: [Column; 1] = [("word", Field::Word)];

/// A word list; clones share its text and index.
#[derive(Clone)]
pub struct Dictionary(Arc<WordList>);

struct WordList {
    text: Cow<'static, str>,
    /// Whether it is a plain word list ([`is_plain_word_list`]): then each line that is not a
    /// comment or blank is one word, and the index is read by splitting lines.
    plain: bool,
    /// Where each word stands in `text`, sorted by the word.
    index: OnceLock<Vec<(u32, u32)>>,
}

impl Dictionary {
    /// The word list `text`, or the first line that breaks its format or holds an upper-case
    /// letter (lookups are lower-cased, so that entry could never match).
    pub fn parse(text: Cow<'static, str>) -> Result<Self, LineError> {
        let plain = is_plain_word_list(&text);
        if !plain {
            check_line_by_line(&text)?;
        }
        Ok(Self(Arc::new(WordList {
            text,
            plain,
            index: OnceLock::new(),
        })))
    }

    /// The list's text.
    pub fn text(&self) -> &str {
        &self.0.text
    }

    fn word(&self, &(start, end): &(u32, u32)) -> &str {
        &self.0.text[start as usize..end as usize]
    }

    fn index(&self) -> &[(u32, u32)] {
        self.0.index.get_or_init(|| {
            // Offsets fit: a data file over 4 GiB is not a word list.
            let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
            // `parse` has checked every line.
            let mut words: Vec<(u32, u32)> = match self.0.plain {
                true => plain_lines(&self.0.text)
                    .map(|line| (offset(line.start), offset(line.end)))
                    .collect(),
                false => data_format::entries(&self.0.text, WORD)
                    .flatten()
                    .map(|entry| {
                        let [word] = entry.fields;
                        (offset(word.start), offset(word.end))
                    })
                    .collect(),
            };
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

/// Whether `text` is plainly a good word list: `#` comment lines at the top, then lines of
/// printable ASCII but `#` and capitals, or empty. Decided in one branch-free pass over its
/// bytes, since the bundled list (65,000 words) is read at every load; a list that is not
/// plain is checked line by line.
fn is_plain_word_list(text: &str) -> bool {
    let mut rest = text.as_bytes();
    while rest.first() == Some(&b'#') {
        rest = memchr::memchr(b'\n', rest).map_or(&[], |end| &rest[end + 1..]);
    }
    rest.iter().fold(true, |plain, &byte| {
        let graphic = byte.wrapping_sub(b'!') < 94;
        let upper = byte.wrapping_sub(b'A') < 26;
        plain & ((graphic & !upper & (byte != b'#')) | (byte == b'\n'))
    })
}

/// Where each word of a plain word list stands: every line but the comments at its top and
/// blank ones.
fn plain_lines(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |at| start + at);
            let line = start..end;
            start = end + 1;
            if !line.is_empty() && bytes[line.start] != b'#' {
                return Some(line);
            }
        }
        None
    })
}

/// The first line of `text` that is not one lower-case word, a comment or blank.
fn check_line_by_line(text: &str) -> Result<(), LineError> {
    for entry in data_format::entries(text, WORD) {
        let entry = entry?;
        let [word] = &entry.fields;
        let word = &text[word.clone()];
        if let Some(at) = word.chars().position(char::is_uppercase) {
            return Err(LineError {
                line: entry.line,
                problem: format!(
                    "an upper-case letter at column {} (words are looked up in lower case)",
                    at + 1
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &'static str) -> Result<Dictionary, LineError> {
        Dictionary::parse(Cow::Borrowed(text))
    }

    #[test]
    fn lookups_ignore_case_and_comments() {
        let dictionary = parse("# words\n# more\narrest\n\nlater\n").expect("a word list");
        assert!(dictionary.0.plain, "read by splitting lines");
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
    fn the_one_pass_check_takes_only_what_the_line_by_line_one_takes() {
        for text in ["# Words\narrest\n\nlater\n", "o'clock\nx-ray\n", "a"] {
            assert!(is_plain_word_list(text), "{text:?}");
            assert_eq!(check_line_by_line(text), Ok(()), "{text:?}");
        }
        for text in [
            "arrest \n",
            "Later\n",
            "a#b\n",
            " # x\n",
            "crlf\r\n",
            "café\n",
            "a\tb\n",
            "a\n# a later comment\n",
        ] {
            assert!(!is_plain_word_list(text), "{text:?}");
        }
        assert_eq!(check_line_by_line("crlf\r\ncafé\n"), Ok(()));
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
