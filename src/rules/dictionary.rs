//! A word list from a pack's data file (one lower-case word a line, `#` comments), indexed the
//! first time a check asks it something, so packs that never need it cost nothing.

use foldhash::HashSet;
use std::borrow::Cow;
use std::sync::OnceLock;

pub struct Dictionary {
    text: Cow<'static, str>,
    index: OnceLock<HashSet<String>>,
}

impl Dictionary {
    pub fn new(text: Cow<'static, str>) -> Self {
        Self {
            text,
            index: OnceLock::new(),
        }
    }

    /// Whether `word`, lower-cased, is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| {
            self.text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect()
        });
        index.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case_and_comments() {
        let dictionary = Dictionary::new(Cow::Borrowed("# words\narrest\nlater\n"));
        assert!(dictionary.contains("Later"));
        assert!(!dictionary.contains("# words"));
        assert!(!dictionary.contains("swansea"));
    }
}
