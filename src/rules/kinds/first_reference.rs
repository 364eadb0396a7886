//! # first-reference
//!
//! ## What it flags
//! A name or an abbreviation used before it is introduced, chosen by `check`:
//! - `"surname"`: a surname on its own ("Blinken said") before the article gives the full
//!   name ("Antony Blinken"). A full name is two or three capitalised words whose last word is
//!   not a common word of the rule's `dictionary` (so "White House" is no person);
//! - `"acronym"`: the first use of an abbreviation in capitals (2 to 6 letters) that is not in
//!   the rule's `known` list and that no earlier run of capitalised words spells out ("Federal
//!   Emergency Management Agency" for FEMA, with of/and/the/for skipped).
//!
//! Text inside quotations is not judged, nor blocks set wholly in capitals.
//!
//! ## Why
//! Readers meet a person by full name, then by surname; an abbreviation is spelled out the
//! first time unless every reader knows it (AP Stylebook, "names", "abbreviations and
//! acronyms").
//!
//! ## Example
//! ```toml
//! [[first-reference]]
//! id = "style.first-reference.surname"
//! message = "`{match}` is used before the full name"
//! check = "surname"
//! rationale = "Full name on first reference."
//! must-fire = ["Title\n\nBlinken spoke first.\n\nLater Antony Blinken left.\n"]
//! must-not-fire = ["Title\n\nAntony Blinken spoke first.\n\nLater Blinken left.\n"]
//! ```
//!
//! ## Instead
//! Give the full name or the spelled-out form at the first use.
//!
//! ## Fix safety
//! No fix: the full name has to come from the reporter.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::Diagnostic;
use crate::rules::dictionary::Dictionary;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde::Deserialize;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "first-reference",
    default_scope: &[BlockKind::Paragraph],
    placeholders: &["match", "full"],
    rust_file: include_str!("first_reference.rs"),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reference {
    Surname,
    Acronym,
}

crate::rule_spec! {
    pub struct Spec {
        pub check: Reference,
        #[serde(default)]
        pub known: Vec<String>,
        #[serde(default)]
        pub dictionary: Option<Spanned<String>>,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let dictionary = match &spec.dictionary {
        Some(path) => Some(compiler.word_list(path)?),
        None => None,
    };
    Some(Box::new(FirstReference {
        check: spec.check,
        known: spec.known.iter().cloned().collect(),
        dictionary,
    }))
}

struct FirstReference {
    check: Reference,
    known: HashSet<String>,
    dictionary: Option<Dictionary>,
}

/// Words skipped when spelling out an abbreviation from initials.
const LINKING: &[&str] = &["of", "and", "the", "for", "on", "in", "to", "&", "de", "at"];

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

fn acronym(word: &str) -> bool {
    (2..=6).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase())
}

impl FirstReference {
    fn common(&self, word: &str) -> bool {
        self.dictionary.as_ref().is_some_and(|d| d.contains(word))
    }

    /// The words of the rule's blocks, in order, with whether each may be reported.
    fn words(&self, cx: &Context<'_>) -> Vec<(Span, bool)> {
        let mut words = Vec::new();
        for (index, _) in cx.blocks() {
            words.extend(
                cx.article
                    .block_words(index)
                    .map(|w| (w, cx.may_report(index, w))),
            );
        }
        words
    }

    fn check_surnames(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let words = self.words(cx);
        let adjacent = |a: Span, b: Span| cx.article.contents[a.end..b.start] == *" ";
        // Runs of capitalised words.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let start = i;
            while i < words.len()
                && capitalised(cx.text(words[i].0))
                && (i == start || adjacent(words[i - 1].0, words[i].0))
            {
                i += 1;
            }
            if i > start {
                runs.push((start, i));
            } else {
                i += 1;
            }
        }
        let mut first_full: HashMap<&str, Span> = HashMap::new();
        for &(mut start, end) in &runs {
            // "Later Antony Blinken": a common word opening a sentence is not part of the name.
            while start < end && self.common(cx.text(words[start].0)) {
                start += 1;
            }
            let len = end - start;
            let surname = cx.text(words[end - 1].0);
            if (2..=3).contains(&len)
                && !self.common(surname)
                && !self.common(cx.text(words[start].0))
            {
                let full = Span::new(words[start].0.start, words[end - 1].0.end);
                first_full.entry(surname).or_insert(full);
            }
        }
        for &(start, end) in &runs {
            let (span, reportable) = words[start];
            if end - start != 1 || !reportable {
                continue;
            }
            let word = cx.text(span);
            if let Some(&full) = first_full.get(word)
                && span.start < full.start
            {
                let full_text = cx.text(full);
                let mut d = cx.diagnostic(
                    span,
                    "surname only",
                    &[("match", word), ("full", full_text)],
                );
                d.secondary
                    .push(cx.label(full, "the full name comes only here"));
                out.push(d);
            }
        }
    }

    fn check_acronyms(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Every word of the article, read once in order: the initials spelled out so far.
        let mut all = cx
            .article
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(index, _)| cx.article.block_words(index))
            .peekable();
        let mut initials = Initials::default();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut shouting_block: Option<(usize, bool)> = None;
        for (span, reportable) in self.words(cx) {
            while let Some(word) = all.next_if(|w| w.start < span.start) {
                initials.read(cx.text(word));
            }
            let word = cx.text(span);
            if !acronym(word) || self.known.contains(word) || !seen.insert(word) || !reportable {
                continue;
            }
            // A block set wholly in capitals ("TRADE TALKS RESUME") holds no abbreviations.
            let Some(block) = cx.article.block_at(span) else {
                continue;
            };
            let shouting = match shouting_block {
                Some((known, shouting)) if known == block => shouting,
                _ => {
                    let text = cx.text(cx.article.blocks[block].span);
                    let shouting = !text.chars().any(char::is_lowercase);
                    shouting_block = Some((block, shouting));
                    shouting
                }
            };
            if !shouting && !initials.spelled.contains(word) {
                out.push(cx.diagnostic(
                    span,
                    "not spelled out before",
                    &[("match", word), ("full", "")],
                ));
            }
        }
    }
}

/// The longest abbreviation [`acronym`] accepts.
const MAX_ACRONYM: usize = 6;

/// The abbreviations a text spells out in initials so far: every run of capitalised words
/// (linking words such as "of" skipped after the first) adds the initials of each of its
/// starts, up to [`MAX_ACRONYM`] letters — "Federal Emergency Management Agency" adds FE, FEM,
/// FEMA, EM, EMA and MA. Each word costs at most that many steps.
#[derive(Default)]
struct Initials {
    /// Runs still growing: the initials from each recent start.
    open: Vec<String>,
    spelled: HashSet<String>,
}

impl Initials {
    fn read(&mut self, word: &str) {
        // Only an ASCII capital can be the letter of an abbreviation.
        let initial = word.chars().next().filter(char::is_ascii_uppercase);
        let linking = LINKING.iter().any(|l| l.eq_ignore_ascii_case(word));
        match initial {
            // A linking word continues the runs under way ("Bank of England").
            _ if linking => {}
            Some(letter) => {
                for run in &mut self.open {
                    run.push(letter);
                    self.spelled.insert(run.clone());
                }
                self.open.retain(|run| run.len() < MAX_ACRONYM);
            }
            None => self.open.clear(),
        }
        // Any capitalised word opens a run, a linking one too ("The Hague Group").
        if let Some(letter) = initial {
            self.open.push(letter.to_string());
        }
    }
}

impl Check for FirstReference {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match self.check {
            Reference::Surname => self.check_surnames(cx, out),
            Reference::Acronym => self.check_acronyms(cx, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The initials `words` spell out, read one by one.
    fn spelled(words: &[&str]) -> HashSet<String> {
        let mut initials = Initials::default();
        for word in words {
            initials.read(word);
        }
        initials.spelled
    }

    /// The definition, tried from every start: a run of capitalised words from `start`
    /// (linking words skipped after the first) whose initials spell `acronym`.
    fn spelled_out(words: &[&str], acronym: &str) -> bool {
        let letters: Vec<char> = acronym.chars().collect();
        (0..words.len()).any(|start| {
            let mut next = 0;
            for word in &words[start..] {
                if next == letters.len() {
                    break;
                }
                if LINKING.contains(&word.to_lowercase().as_str()) && next > 0 {
                    continue;
                }
                let Some(first) = word.chars().next() else {
                    break;
                };
                if !first.is_uppercase() || first != letters[next] {
                    break;
                }
                next += 1;
            }
            next == letters.len()
        })
    }

    #[test]
    fn acronyms_are_spelled_out_by_initials() {
        let fema = spelled(&["the", "Federal", "Emergency", "Management", "Agency"]);
        assert!(fema.contains("FEMA") && fema.contains("EMA"));
        assert!(spelled(&["Islamic", "Resistance", "in", "Iraq"]).contains("IRI"));
        assert!(!spelled(&["Federal", "agency"]).contains("FA"));
        assert!(spelled(&["The", "Hague", "Group"]).contains("THG"));
    }

    proptest! {
        /// Reading word by word finds what trying every start finds.
        #[test]
        fn reading_once_agrees_with_trying_every_start(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("of"), Just("The"), Just("the"), Just("&"), Just("Agency"),
                    Just("Bank"), Just("Army"), Just("Éire"), Just("air"), Just("BA"),
                ],
                0..14,
            ),
            acronym in "[ABT]{2,6}",
        ) {
            prop_assert_eq!(
                spelled(&words).contains(&acronym),
                spelled_out(&words, &acronym),
                "{:?} {}", words, acronym
            );
        }
    }
}
