//! Words of the same meaning, for alignment: a draft may say in its own words what its source
//! says ("distinguish" for "tell apart", "renew" for "revive"). The groups come from Open
//! English WordNet (CC BY 4.0; see `data/wordnet/LICENSE.md`): the single words that share a
//! synset among the first two senses of each, stemmed with the stemmer terms are made with.
//!
//! Architecture invariant: the table is built the first time a draft is aligned with sources,
//! never in a run without them.

use std::sync::LazyLock;

/// One line a stem, sorted, with the numbers of its groups (see
/// `examples/synonym-stems.rs`).
const TABLE: &str = include_str!("../../data/wordnet/synonyms.txt");

/// Each stem with the range of its groups in `groups`, sorted by stem.
pub struct Synonyms {
    stems: Vec<(&'static str, u32, u32)>,
    groups: Vec<u32>,
}

static SYNONYMS: LazyLock<Synonyms> = LazyLock::new(|| Synonyms::parse(TABLE));

impl Synonyms {
    /// Reads the table in one pass over its bytes: no sorting, no allocation per stem (a
    /// line-by-line split costs four times as much on a table of 30,000 lines).
    fn parse(text: &'static str) -> Self {
        let mut stems = Vec::with_capacity(32_000);
        let mut groups = Vec::with_capacity(64_000);
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let start = at;
            while at < bytes.len() && !matches!(bytes[at], b' ' | b'\n') {
                at += 1;
            }
            let stem = &text[start..at];
            let first = groups.len() as u32;
            while at < bytes.len() && bytes[at] == b' ' {
                at += 1;
                let mut number = 0u32;
                while let Some(digit) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
                    number = number
                        .saturating_mul(10)
                        .saturating_add(u32::from(digit - b'0'));
                    at += 1;
                }
                groups.push(number);
            }
            at += 1;
            if !stem.is_empty() {
                stems.push((stem, first, groups.len() as u32));
            }
        }
        Self { stems, groups }
    }

    /// The groups of a stem: empty for a stem with no synonym.
    pub fn of(stem: &str) -> &'static [u32] {
        let table: &'static Synonyms = &SYNONYMS;
        match table.stems.binary_search_by_key(&stem, |&(s, ..)| s) {
            Ok(at) => {
                let (_, start, end) = table.stems[at];
                &table.groups[start as usize..end as usize]
            }
            Err(_) => &[],
        }
    }
}

/// Whether two stems' groups meet.
pub fn meet(mine: &[u32], theirs: &[u32]) -> bool {
    mine.iter().any(|g| theirs.contains(g))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grounding::stem;

    fn synonyms(a: &str, b: &str) -> bool {
        let (a, b) = (stem(a).unwrap_or_default(), stem(b).unwrap_or_default());
        meet(Synonyms::of(&a), Synonyms::of(&b))
    }

    #[test]
    fn common_senses_meet() {
        assert!(synonyms("distinguishing", "differentiate"));
        assert!(synonyms("revived", "revive"));
        assert!(synonyms("renewed", "regenerate"));
        assert!(!synonyms("strike", "banana"));
    }

    #[test]
    fn the_table_is_sorted_stems_each_with_its_groups() {
        let lines: Vec<&str> = TABLE.lines().collect();
        assert!(lines.len() > 10_000);
        let stems: Vec<&str> = lines
            .iter()
            .map(|l| l.split(' ').next().unwrap_or(""))
            .collect();
        assert!(
            stems.windows(2).all(|p| p[0] < p[1]),
            "sorted, each stem once"
        );
        for line in lines {
            let numbers: Vec<&str> = line.split(' ').skip(1).collect();
            assert!(!numbers.is_empty(), "{line}");
            assert!(numbers.iter().all(|n| n.parse::<u32>().is_ok()), "{line}");
        }
    }
}
