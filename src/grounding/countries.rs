//! Words that name one country — its names, spellings and demonyms — for telling speakers
//! apart: "China's state press" and "the Chinese state press" are one speaker. The table is
//! `data/countries/names.tsv`, derived from mledoze/countries (ODbL; see
//! `data/countries/LICENSE.md`) by `scripts/country-names.py`.
//!
//! Architecture invariant: the table is read the first time a speaker is compared, never in a
//! run without sources.

use std::sync::LazyLock;

/// One line a word, sorted: the word in lower case, a tab, the country's ISO code.
const TABLE: &str = include_str!("../../data/countries/names.tsv");

static COUNTRIES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// The ISO code of the country `word` (in lower case) names, if it names one: "chinese" and
/// "china" give "CN", "u.s." and "american" give "US".
pub fn country(word: &str) -> Option<&'static str> {
    let table = &*COUNTRIES;
    table
        .binary_search_by(|(name, _)| (*name).cmp(word))
        .ok()
        .map(|at| table[at].1)
}

#[cfg(test)]
mod tests {
    use super::country;

    #[test]
    fn names_demonyms_and_codes_give_one_country() {
        for (word, code) in [
            ("china", "CN"),
            ("chinese", "CN"),
            ("britain", "GB"),
            ("british", "GB"),
            ("uk", "GB"),
            ("u.s.", "US"),
            ("american", "US"),
            ("france", "FR"),
        ] {
            assert_eq!(country(word), Some(code), "{word}");
        }
        // Shared by two countries, or by every kind of name: no country.
        for word in ["korea", "united", "republic", "island", "police"] {
            assert_eq!(country(word), None, "{word}");
        }
    }

    #[test]
    fn the_table_is_sorted_for_bisection() {
        let words: Vec<&str> = super::TABLE
            .lines()
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
    }
}
