//! The terms sentences are aligned by: content words, stemmed with the Snowball English stemmer
//! (`rust-stemmers`), and figures by value ("three" and "3" are one term). Function words, and
//! the verbs of saying, carry no claim of their own and are no terms: "said" and "says",
//! "more than" and "over" align alike.

use super::figure_value;
use rust_stemmers::{Algorithm, Stemmer};

/// Words that are never terms: articles, pronouns, prepositions, conjunctions, auxiliaries,
/// quantifiers, and the verbs of saying (what is said is the claim; who says it is the
/// attribution rules' business).
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "added",
    "adds",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "nearly",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// Turns words into terms.
pub struct Terms {
    stemmer: Stemmer,
}

impl Default for Terms {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Terms {
    /// The term of a normalised word (lower case, straight apostrophes), or `None` for a
    /// function word: `#3` for a figure ("three", "3"), else its stem.
    pub fn of(&self, normalised: &str) -> Option<String> {
        if FUNCTION_WORDS.binary_search(&normalised).is_ok() {
            return None;
        }
        if let Some(value) = figure_value(normalised) {
            return Some(format!("#{value}"));
        }
        let bare = normalised.trim_end_matches("'s").trim_end_matches('\'');
        if bare.is_empty() || bare.chars().all(|c| !c.is_alphanumeric()) {
            return None;
        }
        let base = irregular_base(bare).unwrap_or(bare);
        Some(self.stemmer.stem(base).into_owned())
    }
}

/// The base form of `word` (lower case) when it is the past form of an irregular verb
/// ("grew" → "grow").
pub(super) fn irregular_base(word: &str) -> Option<&'static str> {
    let at = IRREGULAR
        .binary_search_by_key(&word, |&(form, _)| form)
        .ok()?;
    Some(IRREGULAR[at].1)
}

/// Past forms of irregular verbs, with their base form, which the stemmer cannot relate: "lost"
/// and "lose" are one term, as "wounded" and "wound" are. Sorted by form. Forms that are
/// other common words as well ("left", "found", "saw", "lay") are left out.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hung", "hang"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("lost", "lose"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("ran", "run"),
    ("risen", "rise"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("sank", "sink"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swept", "sweep"),
    ("taken", "take"),
    ("taught", "teach"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("took", "take"),
    ("understood", "understand"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// The stem of a word as alignment compares it (`None` for a function word): "wounded" and
/// "wounds" are both `wound`.
pub fn stem(word: &str) -> Option<String> {
    Terms::default().of(&super::normalise_word(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_bisection() {
        assert!(FUNCTION_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(IRREGULAR.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn terms_are_stems_and_figures() {
        assert_eq!(stem("Wounded").as_deref(), Some("wound"));
        assert_eq!(stem("wounds").as_deref(), Some("wound"));
        assert_eq!(stem("three").as_deref(), Some("#3"));
        assert_eq!(stem("3").as_deref(), Some("#3"));
        assert_eq!(stem("said"), None);
        assert_eq!(stem("over"), None);
        assert_eq!(stem("Hezbollah's").as_deref(), Some("hezbollah"));
    }
}
