//! The word lists the drift comparisons read, from a pack's data file (`drift-words.tsv` in
//! the built-in pack): verbs of saying by strength, hedges, qualifiers of figures, denials.
//! Each entry is a word or a phrase; a phrase may stand in several lists, and is looked up
//! by its first word, the longest entry first.

use foldhash::{HashMap, HashMapExt};

/// A verb or phrase of saying that vouches for nothing: said, told, according to.
pub const NEUTRAL: u16 = 1;
/// A verb of saying that vouches, concedes or takes a side: confirmed, admitted, insisted.
pub const STRONGER: u16 = 1 << 1;
/// A hedge a source qualifies a claim with: reportedly, may, what appeared to be.
pub const HEDGE: u16 = 1 << 2;
/// A word that keeps a claim hedged in a draft: could, likely, expected.
pub const KEEPS_HEDGE: u16 = 1 << 3;
/// A hedge that an attribution in the draft may stand for: reportedly, allegedly.
pub const ATTRIBUTED_HEDGE: u16 = 1 << 4;
/// A qualifier that makes a figure a lower bound: more than, at least, over.
pub const LOWER: u16 = 1 << 5;
/// A qualifier that makes a figure an upper bound: up to, fewer than, as many as.
pub const UPPER: u16 = 1 << 6;
/// A qualifier that makes a figure an approximation: about, nearly, some.
pub const ABOUT: u16 = 1 << 7;
/// A word that denies a whole class: no, none.
pub const NEGATION: u16 = 1 << 8;
/// A word that narrows a denial to what is not yet counted: "no other deaths".
pub const EXCLUSIVE: u16 = 1 << 9;
/// An honorific or title that does not tell one speaker from another: Mr, Dr, Sen.
pub const TITLE: u16 = 1 << 10;
/// A pronoun: a speaker who is named elsewhere.
pub const PRONOUN: u16 = 1 << 11;

/// A word that counts without being a figure: half, dozen, quarter.
pub const AMOUNT: u16 = 1 << 12;

/// A verb of saying that may come before its speaker: "…, said Smith".
pub const INVERTS: u16 = 1 << 13;
/// A verb or phrase that attributes a claim in a draft, though in a source it may not: "the
/// figures showed", "a poll found".
pub const ATTRIBUTES: u16 = 1 << 14;
/// What a company or a public body reports as its own record (results, not a claim): "Barclays
/// reported a rise in profits" attributes nothing.
pub const RECORD: u16 = 1 << 15;

/// Every verb of saying, of either strength.
pub const SAYING: u16 = NEUTRAL | STRONGER;
/// What attributes a claim in a draft: a verb of saying, or a finding ("the poll found").
pub const DRAFT_CUES: u16 = SAYING | ATTRIBUTES;
/// Every qualifier of a figure.
pub const QUALIFIER: u16 = LOWER | UPPER | ABOUT;

/// The classes by the names a word-list file gives them.
const CLASS_NAMES: &[(&str, u16)] = &[
    ("neutral", NEUTRAL),
    ("stronger", STRONGER),
    ("hedge", HEDGE),
    ("attributed-hedge", HEDGE | ATTRIBUTED_HEDGE),
    ("keeps-hedge", KEEPS_HEDGE),
    ("lower", LOWER),
    ("upper", UPPER),
    ("about", ABOUT),
    ("negation", NEGATION),
    ("exclusive", EXCLUSIVE),
    ("title", TITLE),
    ("pronoun", PRONOUN),
    ("amount", AMOUNT),
    ("inverts", INVERTS),
    ("attributes", ATTRIBUTES),
    ("record", RECORD),
];

/// The word lists, indexed by the first word of each entry.
#[derive(Debug, Clone, Default)]
pub struct DriftWords {
    /// For each first word, the entries that start with it (their words and classes),
    /// longest first.
    phrases: HashMap<String, Vec<(Vec<String>, u16)>>,
}

/// What is wrong with a word-list file: the line, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordsError {
    pub line: usize,
    pub problem: String,
}

impl DriftWords {
    /// The lists of a data file's entries, each its line (1-based), its class and a word or a
    /// phrase in lower case. The kind reads the file with the line format every data file of a
    /// pack shares (`rules::data_format`), so comments, blank lines and stray whitespace are
    /// dealt with once, there.
    pub fn from_entries<'t>(
        entries: impl IntoIterator<Item = (usize, &'t str, &'t str)>,
    ) -> Result<Self, WordsError> {
        let mut words = DriftWords {
            phrases: HashMap::new(),
        };
        for (line, name, entry) in entries {
            let error = |problem: String| WordsError { line, problem };
            let Some(&(_, class)) = CLASS_NAMES.iter().find(|(known, _)| *known == name) else {
                let known: Vec<&str> = CLASS_NAMES.iter().map(|(n, _)| *n).collect();
                return Err(error(format!(
                    "`{name}` is not a class (one of {})",
                    known.join(", ")
                )));
            };
            words.add(entry, class).map_err(error)?;
        }
        for entries in words.phrases.values_mut() {
            entries.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        }
        Ok(words)
    }

    fn add(&mut self, entry: &str, class: u16) -> Result<(), String> {
        let phrase: Vec<String> = entry.split_whitespace().map(str::to_owned).collect();
        let Some(first) = phrase.first().cloned() else {
            return Err("the entry is empty".to_owned());
        };
        if entry.chars().any(char::is_uppercase) {
            return Err(format!("`{entry}` is not lower case"));
        }
        let entries = self.phrases.entry(first).or_default();
        match entries.iter_mut().find(|(known, _)| *known == phrase) {
            Some((_, classes)) => *classes |= class,
            None => entries.push((phrase, class)),
        }
        Ok(())
    }

    /// The longest entry with a class of `mask` that starts at word `at` of `lower` (words
    /// in lower case): its length in words and its classes.
    pub fn phrase_at(&self, lower: &[&str], at: usize, mask: u16) -> Option<(usize, u16)> {
        let entries = self.phrases.get(*lower.get(at)?)?;
        entries.iter().find_map(|(phrase, classes)| {
            let fits = classes & mask != 0
                && lower.len() >= at + phrase.len()
                && phrase.iter().zip(&lower[at..]).all(|(a, b)| a == b);
            fits.then_some((phrase.len(), *classes))
        })
    }

    /// The classes of a single word (0 when it is in no list on its own).
    pub fn classes(&self, lower: &str) -> u16 {
        self.phrases.get(lower).map_or(0, |entries| {
            entries
                .iter()
                .filter(|(phrase, _)| phrase.len() == 1)
                .fold(0, |all, (_, classes)| all | classes)
        })
    }
}

#[cfg(test)]
/// The lists of `text`, split as the kind's data-file reader splits them (a line without a
/// tab is an error at its line).
pub(super) fn parse(text: &str) -> Result<DriftWords, WordsError> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((class, entry)) = line.split_once('\t') else {
            return Err(WordsError {
                line: index + 1,
                problem: "not a class, a tab and an entry".to_owned(),
            });
        };
        entries.push((index + 1, class, entry));
    }
    DriftWords::from_entries(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTS: &str = "# verbs\nneutral\tsaid\nneutral\taccording to\nstronger\tconfirmed\n\n\
        hedge\tmay\nhedge\twhat appeared to be\nattributed-hedge\treportedly\n\
        keeps-hedge\tcould\nlower\tmore than\nlower\tover\nupper\tup to\nabout\tabout\n";

    #[test]
    fn phrases_are_found_longest_first_by_class() {
        let words = parse(LISTS).expect("the lists parse");
        let lower = ["according", "to", "police"];
        assert_eq!(words.phrase_at(&lower, 0, SAYING), Some((2, NEUTRAL)));
        assert_eq!(words.phrase_at(&lower, 0, HEDGE), None);
        let lower = ["what", "appeared", "to", "be", "a", "car"];
        assert_eq!(words.phrase_at(&lower, 0, HEDGE), Some((4, HEDGE)));
        assert_eq!(words.phrase_at(&lower[..3], 0, HEDGE), None);
        assert_eq!(
            words.classes("reportedly"),
            HEDGE | ATTRIBUTED_HEDGE,
            "a hedge an attribution stands for"
        );
        assert_eq!(words.classes("over"), LOWER);
    }

    #[test]
    fn a_bad_entry_is_reported_at_its_line() {
        let error = parse(&LISTS.replace("\tcould", "\tCould")).expect_err("upper case is refused");
        assert_eq!(error.line, 9);
        assert!(error.problem.contains("lower case"), "{}", error.problem);
        let error = parse("# lists\nneutral said\n").expect_err("no tab");
        assert_eq!(error.line, 2);
        let error = parse("strong\tsaid\n").expect_err("no such class");
        assert!(
            error.problem.contains("`strong` is not a class"),
            "{}",
            error.problem
        );
    }
}
