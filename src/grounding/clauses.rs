//! Where a draft sentence splits into clauses for alignment: at "which", at an "as" that
//! opens a clause ("as the crowd gathered", not "as a result" or "such as"), and at an "and"
//! that joins two clauses rather than two words.
//!
//! Without a parser, an "and" is taken to open a clause when a comma comes before it, when a
//! subject pronoun, an auxiliary or a modal follows it ("and he said", "and was taken"), or
//! when a past form follows it ("and took"), or a word in "-ed" after a word that is not
//! ("tyres and chanted slogans"), or one followed by a word that opens its object ("and
//! wounded several others", "and caused a loud explosion"). "between Yukos and the
//! Kremlin" and "a charred and mangled car" are noun phrases, not clauses: split there, each
//! half is judged on words that only make sense together.

use super::terms::irregular_base;
use crate::article::Article;
use crate::span::Span;

/// Words after "and" that show a clause follows: subject pronouns, auxiliaries, modals, and
/// past forms that are seldom anything but verbs.
const OPEN_CLAUSE: &[&str] = &[
    "are", "be", "became", "been", "began", "brought", "came", "can", "could", "did", "does",
    "fell", "found", "gave", "had", "has", "have", "he", "i", "is", "it", "kept", "made", "may",
    "might", "must", "rose", "said", "saw", "says", "sent", "she", "should", "they", "took",
    "told", "was", "we", "went", "were", "will", "won", "would",
];

/// Words that open a verb's object or complement: after "and" and a verb-like word, they show
/// the word is a verb ("and wounded several others") rather than a modifier ("and mangled car").
const OPEN_OBJECT: &[&str] = &[
    "a", "about", "after", "against", "all", "an", "another", "at", "by", "dozens", "each", "for",
    "from", "her", "him", "his", "in", "into", "its", "many", "more", "most", "no", "of", "on",
    "one", "other", "others", "over", "several", "some", "that", "the", "their", "them", "these",
    "this", "those", "to", "two", "up", "with",
];

/// Whether the word `at` of `words` (the words of one sentence) opens a clause to align on its
/// own. The first word never does.
pub(super) fn opens_clause(article: &Article, words: &[Span], at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let word = words[at];
    match article.text(word) {
        "which" => true,
        "as" => !in_phrase(article, word) && opens_subject(article, words, at),
        "and" => joins_clauses(article, words, at),
        _ => false,
    }
}

/// Whether the "and" at `at` joins two clauses (see the module's description).
fn joins_clauses(article: &Article, words: &[Span], at: usize) -> bool {
    let before = &article.contents[words[at - 1].end..words[at].start];
    if before.contains(',') {
        return true;
    }
    let lower = |i: usize| words.get(i).map(|&w| article.text(w).to_lowercase());
    let Some(next) = lower(at + 1) else {
        return false;
    };
    if OPEN_CLAUSE.contains(&next.as_str()) {
        return true;
    }
    // "a charred and mangled car": two modifiers in "-ed"; "burned tyres and chanted
    // slogans": two verbs.
    let parallel = lower(at - 1).is_some_and(|before| before.ends_with("ed"));
    next.ends_with("ed")
        && (!parallel
            || lower(at + 2).is_some_and(|after| {
                OPEN_OBJECT.contains(&after.as_str()) || after.bytes().all(|b| b.is_ascii_digit())
            }))
}

/// Words after "as" that open no clause: "as a result", "as scheduled", "as much as", "as
/// part of".
const NO_CLAUSE_AFTER_AS: &[&str] = &[
    "a",
    "always",
    "an",
    "before",
    "early",
    "ever",
    "expected",
    "far",
    "few",
    "follows",
    "if",
    "long",
    "many",
    "much",
    "of",
    "often",
    "part",
    "planned",
    "possible",
    "promised",
    "quickly",
    "required",
    "scheduled",
    "soon",
    "such",
    "though",
    "usual",
    "well",
];

/// How many words after "as" its clause's verb may come: "as the new owners took".
const AS_VERB_WITHIN: usize = 4;

/// Whether the "as" at `at` opens a clause: the word after it may open a subject ("as the
/// crowd gathered", not "as a result"), and a verb follows within a few words — "as demand
/// grew" is a clause, "as Chelsea chairman" a role.
fn opens_subject(article: &Article, words: &[Span], at: usize) -> bool {
    let lower = |i: usize| words.get(i).map(|&w| article.text(w).to_lowercase());
    let Some(next) = lower(at + 1) else {
        return false;
    };
    if NO_CLAUSE_AFTER_AS.contains(&next.as_str()) {
        return false;
    }
    (at + 1..at + 2 + AS_VERB_WITHIN)
        .filter_map(lower)
        .any(|word| {
            word.ends_with("ed")
                || irregular_base(&word).is_some()
                || OPEN_CLAUSE.contains(&word.as_str())
        })
}

/// Whether the "as" at `word` is part of a phrase that opens no clause: "as well as", "such
/// as" (found by the words either side of it, without a search).
fn in_phrase(article: &Article, word: Span) -> bool {
    let source = &article.contents;
    let from = source.floor_char_boundary(word.start.saturating_sub(16));
    let to = source.ceil_char_boundary(word.end.saturating_add(16).min(source.len()));
    let before = source[from..word.start].trim_end().to_lowercase();
    let after = source[word.end..to].trim_start().to_lowercase();
    after.starts_with("well ") || before.ends_with("such") || before.ends_with("as well")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    /// The words at which `text` splits into clauses.
    fn splits(text: &str) -> Vec<String> {
        let article = Article::parse("draft.txt", text, Format::Plain);
        let words: Vec<Span> = article.words(Span::new(0, text.len())).collect();
        (0..words.len())
            .filter(|&at| opens_clause(&article, &words, at))
            .map(|at| {
                let to = words.get(at + 1).map_or(words[at].end, |w| w.end);
                text[words[at].start..to].to_string()
            })
            .collect()
    }

    #[test]
    fn and_between_clauses_splits() {
        assert_eq!(
            splits("The attack killed three soldiers and wounded several others."),
            ["and wounded"]
        );
        assert_eq!(
            splits("The storm felled a tree and caused a long delay."),
            ["and caused"]
        );
        assert_eq!(
            splits("She left early, and nobody noticed."),
            ["and nobody"]
        );
        assert_eq!(splits("He resigned and was replaced."), ["and was"]);
        assert_eq!(splits("He arrived and told reporters."), ["and told"]);
        assert_eq!(
            splits("They burned tyres and chanted slogans."),
            ["and chanted"]
        );
    }

    #[test]
    fn and_inside_a_noun_phrase_does_not_split() {
        assert!(splits("Images showed a charred and mangled car nearby.").is_empty());
        assert!(splits("The dispute between Yukos and the Kremlin deepened.").is_empty());
        assert!(splits("Workers and onlookers gathered.").is_empty());
        assert!(splits("It cost jobs and homes in the region.").is_empty());
    }

    #[test]
    fn which_splits_and_as_splits_outside_its_phrases() {
        assert_eq!(splits("A plan which failed."), ["which failed"]);
        assert_eq!(splits("Prices rose as demand grew."), ["as demand"]);
        assert_eq!(splits("Fans cheered as the owners arrived."), ["as the"]);
        assert!(splits("Firms such as Next and Zara.").is_empty());
        assert!(splits("Tea as well as coffee.").is_empty());
        assert!(splits("Prices fell as a result.").is_empty());
        assert!(splits("The vote went ahead as scheduled.").is_empty());
        assert!(splits("Bates left as Chelsea chairman in March.").is_empty());
    }
}
