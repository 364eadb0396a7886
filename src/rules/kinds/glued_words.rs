//! # glued-words
//!
//! ## What it flags
//! Two words run together by a lost space or line break, as pasting from a CMS leaves them:
//! "arrestSwansea" (a lower-case word of three or more letters, then a capitalised one; brands
//! glue capitalised words: WeChat, OpenTable, so a capitalised first half counts only before a
//! word that opens sentences: "the SenateIt has") and "report.The", "Ms Patel.The" (a sentence
//! end with no space after the full stop; after a name, the second half must open a sentence
//! or be a name the article uses elsewhere: "in Miami.Lennon recorded"). Both halves must be words: in the rule's
//! `dictionary` (a data file, one lower-case word a line), or, for the capitalised half, a name
//! the article uses on its own elsewhere. Never flagged: words in `allow` (iPhone, YouTube,
//! PlayStation …) and a glued form the article uses more than once (a brand, not a slip).
//! Inside a quotation a lost space is reported too, with no fix.
//!
//! ## Why
//! A lost space is the commonest paste artifact, and spell checkers that know brand names let
//! it through.
//!
//! ## Example
//! ```toml
//! [[glued-words]]
//! id = "paste.glued-words"
//! message = "`{match}` looks like two words run together"
//! dictionary = "words/english.txt"
//! allow = ["YouTube"]
//! rationale = "A space was lost in pasting."
//! must-fire = ["Officers made an arrestLater that day."]
//! must-not-fire = ["Police made an arrest in Swansea."]
//! ```
//!
//! ## Instead
//! Put the space back: "arrest Swansea", "report. The".
//!
//! ## Fix safety
//! Safe: the fix inserts one space between the two halves and changes nothing else.

use super::KindInfo;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::dictionary::Dictionary;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use foldhash::{HashMap, HashSet};
use regex::Regex;
use std::sync::LazyLock;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "glued-words",
    default_scope: super::PROSE,
    placeholders: &["match", "left", "right"],
    rust_file: include_str!("glued_words.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        pub dictionary: Spanned<String>,
        #[serde(default)]
        pub allow: Vec<String>,
    }
}

/// A sentence end with no space after it: "report.The".
static STOP_GLUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Za-z][a-z]+\.[A-Z][a-z]+\b").expect("valid pattern"));

/// Words that open sentences: after a capitalised word glued to one of them ("SenateIt",
/// "Patel.The"), a space was lost at a sentence end; brands do not glue these.
const OPENERS: &[&str] = &[
    "The",
    "It",
    "He",
    "She",
    "They",
    "We",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "But",
    "And",
    "After",
    "When",
    "While",
    "There",
    "Police",
    "Officials",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "If",
    "As",
    "At",
    "On",
];

/// Anything that could be a glued pair: a lower-case letter before a capital, or a word, a
/// full stop and a capital with no space ("report.The").
fn looks_glued(text: &str) -> bool {
    capital_after(text, |before| {
        let mut back = before.chars().rev();
        match back.next() {
            Some('.') => back.next().is_some_and(|c| c.is_ascii_lowercase()),
            Some(c) => c.is_lowercase(),
            None => false,
        }
    })
}

/// A lower-case letter right before a capital: "SenateIt", "theSenate", "iPhone".
fn lower_before_capital(text: &str) -> bool {
    capital_after(text, |before| {
        before.chars().next_back().is_some_and(char::is_lowercase)
    })
}

/// Whether some capital in `text` has a text before it that `fits`. Capitals are found by
/// their bytes, so the text is decoded only around them.
fn capital_after(text: &str, fits: impl Fn(&str) -> bool) -> bool {
    let bytes = text.as_bytes();
    (1..bytes.len()).any(|at| {
        let byte = bytes[at];
        let capital = if byte.is_ascii() {
            byte.is_ascii_uppercase()
        } else {
            // A character's first byte is not 0b10xxxxxx.
            byte >= 0xC0 && text[at..].chars().next().is_some_and(char::is_uppercase)
        };
        capital && fits(&text[..at])
    })
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let dictionary = compiler.word_list(&spec.dictionary)?;
    Some(Box::new(GluedWords {
        dictionary,
        allow: spec.allow.iter().cloned().collect(),
    }))
}

struct GluedWords {
    dictionary: Dictionary,
    allow: HashSet<String>,
}

impl GluedWords {
    fn is_word(&self, word: &str) -> bool {
        self.dictionary.contains(word)
    }

    /// A glued pair inside `span`: where the second word starts.
    fn split(&self, cx: &Context<'_>, span: Span) -> Option<usize> {
        let token = cx.text(span);
        if self.allow.contains(token) {
            return None;
        }
        let chars: Vec<(usize, char)> = token.char_indices().collect();
        let at = chars
            .windows(2)
            .find(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
            .map(|w| w[1].0)?;
        let (left, right) = token.split_at(at);
        // A possessive belongs to the second word: "forCarnival's".
        let right = right
            .strip_suffix("’s")
            .or_else(|| right.strip_suffix("'s"))
            .unwrap_or(right);
        let right_letters =
            right.chars().skip(1).all(char::is_lowercase) && right.chars().count() >= 2;
        let in_address = cx.article.contents[..span.start].ends_with(['/', '.', '@']);
        if in_address || !right_letters {
            return None;
        }
        // A brand glues capitalised words (WeChat, OpenTable, PowerPage); a lost space follows a
        // lower-case word, or a name that ended a sentence before an opener or a day or month
        // that did ("the SenateIt has", "on ThursdayDeputy").
        let lower_left = left.chars().all(char::is_lowercase)
            && (FUNCTION_WORDS.contains(&left) || left.chars().count() >= 3 && self.is_word(left));
        let name_left = capitalised(left)
            && left.chars().count() >= 3
            && (OPENERS.contains(&right) || CALENDAR.contains(&left));
        (lower_left || name_left).then_some(span.start + at)
    }
}

/// Short words that never start a brand glued to a capitalised word: "theSenate", "inIraq".
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "that", "was", "were", "are", "has", "had",
    "have", "its", "his", "her", "their", "but", "not", "said", "says", "about", "after", "before",
    "over", "under", "against", "between", "during", "when", "while", "than", "then", "in", "on",
    "of", "to", "by", "at", "as", "is", "it",
];

/// Days and months, which end sentences and never begin brands: "on ThursdayDeputy".
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ends of web addresses, which follow a full stop with no space by design.
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "info", "news", "uk", "io",
];

/// A capital, then lower-case letters only: how a name or a sentence's first word looks.
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

impl Check for GluedWords {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Most articles have nothing glued: one cheap scan decides whether to look closer.
        if !cx
            .blocks()
            .any(|(_, block)| looks_glued(cx.text(block.span)))
        {
            return;
        }
        let mut tokens: Vec<(usize, Span)> = Vec::new();
        for (index, _) in cx.blocks() {
            tokens.extend(cx.article.block_words(index).map(|w| (index, w)));
        }
        // Cheap shape tests first; the article's word set is built only when something looks
        // glued, which is rare.
        let camel_tokens: Vec<(usize, Span)> = tokens
            .iter()
            .copied()
            .filter(|&(_, w)| lower_before_capital(cx.text(w)))
            .collect();
        let stop_glued: Vec<(usize, Span)> = cx
            .blocks()
            .flat_map(|(index, block)| {
                STOP_GLUE.find_iter(cx.text(block.span)).map(move |m| {
                    (
                        index,
                        Span::new(block.span.start + m.start(), block.span.start + m.end()),
                    )
                })
            })
            .collect();
        if camel_tokens.is_empty() && stop_glued.is_empty() {
            return;
        }
        // How often the article writes each of its words, counted only when something looks
        // glued, which is rare.
        let counts: std::cell::OnceCell<HashMap<&str, usize>> = std::cell::OnceCell::new();
        let count = |text: &str| {
            let counts = counts.get_or_init(|| {
                let mut counts = HashMap::default();
                for &(_, w) in &tokens {
                    *counts.entry(cx.text(w)).or_default() += 1;
                }
                counts
            });
            counts.get(text).copied().unwrap_or(0)
        };
        let standalone = |word: &str| count(word) > 0;
        let mut found: Vec<(usize, Span, usize)> = Vec::new();
        for &(index, span) in &camel_tokens {
            if let Some(at) = self.split(cx, span)
                && count(cx.text(span)) == 1
            {
                found.push((index, span, at));
            }
        }
        for (index, span) in stop_glued {
            let text = cx.text(span);
            let Some(dot) = text.find('.') else { continue };
            let (left, right) = (&text[..dot], &text[dot + 1..]);
            // After a name, the next word must open a sentence or be a name the article uses
            // on its own ("in Miami.Lennon recorded", with Lennon elsewhere).
            let left_ok = if capitalised(left) {
                OPENERS.contains(&right)
                    || count(right) >= 2
                    || right.len() >= 4 && self.is_word(&right.to_lowercase())
            } else {
                self.is_word(left) || OPENERS.contains(&right)
            };
            let address = cx.article.contents[span.end..].starts_with(['.', '/', '@'])
                || TOP_LEVEL_DOMAINS.contains(&right.to_ascii_lowercase().as_str());
            if left_ok && !address && (self.is_word(right) || standalone(right)) {
                found.push((index, span, span.start + dot + 1));
            }
        }
        for (index, span, at) in found {
            if !cx.article.touches_markup(index, span) {
                out.push(report(cx, span, at));
            }
        }
    }
}

/// The finding for `span`, glued at `at`: a safe fix that puts the space back, but for text
/// inside a quotation.
fn report(cx: &Context<'_>, span: Span, at: usize) -> Diagnostic {
    let text = cx.text(span);
    let (left, right) = text.split_at(at - span.start);
    let mut diagnostic = cx.diagnostic(
        span,
        "missing space",
        &[
            ("match", text),
            ("left", left.trim_end_matches('.')),
            ("right", right),
        ],
    );
    if cx.article.in_quote(span) && !cx.rule.in_quotes {
        // A lost space is the paste's, not the speaker's; but a quotation is changed only by
        // someone who checked it.
        diagnostic
            .notes
            .push("inside a quotation: check the original, then put the space back".to_owned());
    } else {
        diagnostic.fix = Some(Fix::safe(Span::new(at, at), " "));
    }
    diagnostic
}
