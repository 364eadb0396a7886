//! A word list from a pack's data file (one lower-case word a line, `#` comments), indexed the
//! first time a check asks it something, so packs that never need it cost nothing.
//!
//! The index is the list's words in sorted order as offsets into the text, looked up by binary
//! search: nothing is copied, and indexing a sorted list (the bundled ones are) is one pass.

use std::borrow::Cow;
use std::sync::OnceLock;

pub struct Dictionary {
    text: Cow<'static, str>,
    /// Where each word stands in `text`, sorted by the word.
    index: OnceLock<Vec<(u32, u32)>>,
}

impl Dictionary {
    pub fn new(text: Cow<'static, str>) -> Self {
        Self {
            text,
            index: OnceLock::new(),
        }
    }

    fn word(&self, &(start, end): &(u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }

    fn index(&self) -> &[(u32, u32)] {
        self.index.get_or_init(|| {
            let mut words = Vec::new();
            let mut start = 0;
            for line in self.text.split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() && !trimmed.starts_with('#') {
                    let at = start + (line.len() - line.trim_start().len());
                    // Offsets fit: a data file over 4 GiB is not a word list.
                    let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
                    words.push((offset(at), offset(at + trimmed.len())));
                }
                start += line.len();
            }
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

    #[test]
    fn lookups_ignore_case_and_comments() {
        let dictionary = Dictionary::new(Cow::Borrowed("# words\narrest\nlater\n"));
        assert!(dictionary.contains("Later"));
        assert!(dictionary.contains("arrest"));
        assert!(!dictionary.contains("# words"));
        assert!(!dictionary.contains("swansea"));
    }

    #[test]
    fn an_unsorted_list_with_spaces_and_crlf_still_finds_its_words() {
        let dictionary = Dictionary::new(Cow::Owned("zebra\r\n  apple \nmango".to_owned()));
        for word in ["zebra", "apple", "mango", "Mango"] {
            assert!(dictionary.contains(word), "{word}");
        }
        assert!(!dictionary.contains("pear") && !dictionary.contains(""));
    }
}
