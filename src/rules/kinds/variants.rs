//! # variants
//!
//! ## What it flags
//! Spellings of one name or term that differ only by apostrophes, hyphens, spaces or
//! diacritics — Kataib/Kata’ib, al-Saadi/Al Saadi, TimeWarner/Time Warner, e-mail/email — found
//! with no list: words (and pairs of capitalised words) are grouped by their letters alone.
//! Within one article, or across all articles of a run with `--corpus`, the first spelling (or
//! the most frequent, with `policy = "majority"`) wins and the others are flagged, with a
//! secondary label at the winner. To keep quiet on edited copy:
//! - differences of case alone are not variants (sentence starts, titles), nor straight
//!   against curly apostrophes (O'Rourke/O’Rourke is typography);
//! - contractions (we're/were, I'll/ill), words in capitals, and handles or web addresses
//!   (twitter.com/JaneDoe) are skipped;
//! - a name's group only compares forms that have a capital (al-Saadi/Al Saadi), so a
//!   compound modifier (family-planning) is no variant of a name (Family Planning);
//! - for common words (written in lower case), only a hyphen makes a variant (e-mail/email):
//!   "it's/its", "any one/anyone", "résumé/resume" are different words;
//! - words shorter than `min-letters` (default 3) letters and groups in `ignore` are skipped;
//! - a variant inside a direct quotation is reported as info, with no fix;
//! - across a corpus, common words are compared within each article only (names across all).
//!
//! ## Why
//! A name spelled two ways makes readers wonder whether there are two of them, and a story that
//! writes both "e-mail" and "email" shows nobody read it through.
//!
//! ## Example
//! ```toml
//! [[variants]]
//! id = "consistency.variants"
//! message = "`{match}` here, but `{preferred}` elsewhere"
//! rationale = "One spelling per name."
//! must-fire = ["Kataib Hezbollah spoke first. Later Kata’ib Hezbollah denied it."]
//! must-not-fire = ["Kataib Hezbollah spoke first. Later Kataib Hezbollah denied it."]
//! ```
//!
//! ## Instead
//! The winning spelling everywhere outside quotations.
//!
//! ## Fix safety
//! Safe: the forms have the same letters, so the fix only changes punctuation, spacing and
//! accents, keeping the original's capitalisation. Never applied inside a quotation.

use super::KindInfo;
use crate::diagnostic::Diagnostic;
use crate::rules::dictionary::Dictionary;
use crate::rules::forms::{self, Evidence, Policy, Shape, Verdict};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, CorpusCheck, Occurrence, RuleMeta};
use crate::span::Span;
use foldhash::{HashMap, HashSet};

pub const KIND: KindInfo = KindInfo {
    name: "variants",
    default_scope: super::PROSE,
    placeholders: &["match", "preferred"],
    rust_file: include_str!("variants.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub policy: Policy,
        #[serde(default = "default_min_letters")]
        pub min_letters: usize,
        #[serde(default)]
        pub ignore: Vec<String>,
        /// Common words (a data file, one a line): two of them one slip apart (There, Three)
        /// are two words, not a misspelled name.
        #[serde(default)]
        pub dictionary: Option<toml::Spanned<String>>,
    }
}

fn default_min_letters() -> usize {
    3
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let dictionary = match &spec.dictionary {
        Some(path) => Some(compiler.word_list(path)?),
        None => None,
    };
    Some(Box::new(Variants {
        policy: spec.policy,
        min_letters: spec.min_letters,
        ignore: spec.ignore.iter().map(|w| fold(w)).collect(),
        dictionary,
    }))
}

struct Variants {
    policy: Policy,
    min_letters: usize,
    /// Folded forms whose groups are never reported.
    ignore: HashSet<String>,
    dictionary: Option<Dictionary>,
}

mod candidates;
mod letters;
mod slips;
use candidates::Candidates;
use letters::{eligible, fold};

impl Variants {
    /// Whether a group's forms differ in a way this kind reports. A group with a use written
    /// as a name (a capital mid-sentence) anywhere is a name's, which may vary in any way;
    /// other groups may only vary by hyphens.
    fn reportable(&self, group: &[Shape]) -> bool {
        let forms: HashSet<&str> = group.iter().map(|o| o.form.as_str()).collect();
        // Pairs of words matter only against a one-word form (TimeWarner/Time Warner); pairs
        // that differ inside a word are already found word by word.
        if forms.len() < 2 || forms.iter().all(|f| f.contains(' ')) {
            return false;
        }
        if spaced_name_against_plain_word(group) {
            return false;
        }
        let is_name = group.iter().any(|o| o.name);
        if is_name {
            let named: HashSet<&str> = group
                .iter()
                .filter(|o| o.written.chars().any(char::is_uppercase) && !common_compound(o))
                .map(|o| o.form.as_str())
                .collect();
            return named.len() >= 2
                && !named.iter().all(|f| f.contains(' '))
                && forms.len() == named.len();
        }
        // Common words: the forms must be the same once hyphens are dropped, and differ by
        // nothing else.
        let dehyphenated: HashSet<String> =
            forms.iter().map(|f| f.replace(['-', '‐'], "")).collect();
        dehyphenated.len() == 1
    }
}

/// A hyphenated common word capitalised only because it opens a sentence ("Sixth-form
/// teacher …" beside the name "Long Road Sixth Form College"); "Al-Saadi" keeps its capitals.
fn common_compound(occurrence: &Shape) -> bool {
    let written = &occurrence.written;
    occurrence.capital_opens_sentence
        && written.contains('-')
        && !written.chars().skip(1).any(char::is_uppercase)
}

/// A name of several capitalised words (Delta Air Lines, the White House, High Speed Downlink)
/// against a one-word form never written with a capital inside it (airlines, Senator
/// Whitehouse, high-speed): two different words, not one spelled two ways. TimeWarner and
/// JPMorgan, with their inner capitals, are variants of Time Warner and JP Morgan, and the
/// hyphenated name Kyung-wha of Kyung Wha.
fn spaced_name_against_plain_word(group: &[Shape]) -> bool {
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let spaced_name = group
        .iter()
        .any(|o| o.written.contains(' ') && o.written.split(' ').all(capitalised));
    // A plain word: no capital inside, and no hyphen joining a capitalised name (Kyung-wha).
    let plain = |word: &str| {
        !word.chars().skip(1).any(char::is_uppercase) && (!word.contains('-') || !capitalised(word))
    };
    let single = || group.iter().filter(|o| !o.written.contains(' '));
    // A lower-case use with no capital inside makes the one-word form a common word
    // (high-speed, airlines), where al-Saadi stays a name.
    let common = |word: &str| {
        word.chars().next().is_some_and(char::is_lowercase) && !word.chars().any(char::is_uppercase)
    };
    spaced_name && (single().all(|o| plain(&o.written)) || single().any(|o| common(&o.written)))
}

impl CorpusCheck for Variants {
    fn collect(&self, cx: &Context<'_>) -> Vec<Occurrence> {
        let candidates = Candidates::of(cx);
        // Only forms with an apostrophe, hyphen, space, accent or inner capital can differ from
        // another; a plain word matters only when such a form of it exists (in this article, or
        // for names anywhere in a corpus). This keeps the work and memory to the variants seen.
        let marked_set: HashSet<&str> = candidates
            .marked
            .iter()
            .map(|m| m.letters.as_str())
            .collect();
        // A cheap test before the set: the lengths of the marked forms' letters.
        let mut lengths = vec![false; marked_set.iter().map(|f| f.len()).max().unwrap_or(0) + 1];
        for fold in &marked_set {
            lengths[fold.len()] = true;
        }
        let source = &cx.article.contents;
        let mut found = Vec::new();
        // Plain words are ASCII with no marks, so their fold is their lower case; one buffer
        // serves them all.
        let mut lower = String::new();
        let mut marked = candidates.marked.iter().peekable();
        for plain in &candidates.plain {
            // The marked forms before this word, in reading order.
            while let Some(m) = marked.next_if(|m| m.order < plain.order) {
                self.push(cx, &mut found, m.span, m.written, &m.letters, m.name);
            }
            let written = cx.text(plain.span);
            let wanted = plain.name && cx.corpus;
            if !wanted && !lengths.get(written.len()).is_some_and(|&known| known) {
                continue;
            }
            lower.clear();
            lower.push_str(written);
            lower.make_ascii_lowercase();
            if !wanted && !marked_set.contains(lower.as_str())
                || !eligible(source, plain.span, written)
            {
                continue;
            }
            self.push(cx, &mut found, plain.span, written, &lower, plain.name);
        }
        for m in marked {
            self.push(cx, &mut found, m.span, m.written, &m.letters, m.name);
        }
        self.push_slips(cx, &candidates.slip_words, &mut found);
        found
    }

    fn verdicts(&self, rule: &RuleMeta, evidence: &[Evidence]) -> Vec<Verdict> {
        evidence
            .iter()
            .filter(|e| self.reportable(&e.shapes))
            .filter_map(|e| forms::verdict(rule, e, self.policy, None))
            .collect()
    }
}

impl Variants {
    /// Records the uses of names one slip from a better-used spelling in the article, as
    /// variants of it (the uses not recorded already).
    fn push_slips(
        &self,
        cx: &Context<'_>,
        words: &[slips::Candidate<'_>],
        found: &mut Vec<Occurrence>,
    ) {
        let common = |word: &str| self.dictionary.as_ref().is_some_and(|d| d.contains(word));
        let pairs = slips::pairs(words, &common);
        if pairs.is_empty() {
            return;
        }
        // Each slip and each better spelling, with the spelling its group is named after.
        let better_of_slip: HashMap<&str, &str> = pairs.iter().copied().collect();
        let mut better_of: HashMap<&str, &str> = better_of_slip.clone();
        for &(_, better) in &pairs {
            better_of.entry(better).or_insert(better);
        }
        // Uses recorded already (a name with an inner capital) join the better spelling's group.
        for occurrence in found.iter_mut() {
            if let Some(better) = better_of_slip.get(occurrence.written.as_str()) {
                occurrence.group = better.to_ascii_lowercase();
                occurrence.name = true;
            }
        }
        let recorded: HashSet<usize> = found.iter().map(|o| o.span.start).collect();
        for word in words.iter().filter(|w| !recorded.contains(&w.span.start)) {
            let Some(better) = better_of.get(word.written) else {
                continue;
            };
            let letters = better.to_ascii_lowercase();
            self.push(cx, found, word.span, word.written, &letters, true);
        }
    }

    /// Records one occurrence of an eligible form whose letters are `letters`.
    fn push(
        &self,
        cx: &Context<'_>,
        found: &mut Vec<Occurrence>,
        span: Span,
        written: &str,
        letters: &str,
        name: bool,
    ) {
        if letters.chars().count() < self.min_letters || self.ignore.contains(letters) {
            return;
        }
        found.push(Occurrence {
            article: cx.article_index,
            span,
            group: letters.to_owned(),
            form: written.to_lowercase().replace('’', "'"),
            written: written.to_owned(),
            quoted: cx.article.in_quote(span),
            // Words capitalised mid-sentence and pairs of capitalised words are names.
            capital_opens_sentence: !name && written.starts_with(char::is_uppercase),
            name,
        });
    }
}

impl Check for Variants {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        forms::judge(cx.rule, self, &self.collect(cx), out);
    }

    fn corpus(&self) -> Option<&dyn CorpusCheck> {
        Some(self)
    }
}
