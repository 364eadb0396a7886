//! # headline-case
//!
//! ## What it flags
//! A headline or subhead whose capitalisation does not follow the article's style: sentence
//! case ("Why the drone strike?") or title case ("Who Was Wissam al-Saadi?"). With `style =
//! "sentence"` or `"title"` the house style decides; with `style = "consistent"` (the default)
//! the style most of the article's headings follow does (on a tie, the headline's). The first
//! word and the first word after a colon, question mark or dash are not evidence; neither are
//! acronyms (all capitals), words with digits or inner capitals (al-Saadi, iPhone), short
//! function words (a, of, in …), nor proper nouns — words the body writes with a capital in the
//! middle of a sentence, and, where the rule names a `dictionary`, capitalised words that are
//! not in it (Stockport, Wissam). A heading with no remaining words is left alone.
//!
//! ## Why
//! Readers notice a page whose headings change style half-way; it signals copy assembled from
//! several places (AP Stylebook, "headlines": sentence case; Chicago Manual, 8.159: title case).
//!
//! ## Example
//! ```toml
//! [[headline-case]]
//! id = "news.headline-case"
//! message = "this {block} is in {found} case; the article's headings use {style} case"
//! rationale = "One heading style per article."
//! must-fire = ["Council votes on budget\n\nThe council met.\n\nWho Was The Winner?\n\nIt was close.\n\nWhat the vote means\n"]
//! must-not-fire = ["Council votes on budget\n\nThe council met.\n\nWho was the winner?\n\nIt was close.\n"]
//! ```
//!
//! ## Instead
//! Recase the heading to the article's style.
//!
//! ## Fix safety
//! No fix: which words are names is not always knowable from the text.

use super::KindInfo;
use crate::article::{BlockKind, text};
use crate::diagnostic::Diagnostic;
use crate::rules::dictionary::Dictionary;
use crate::rules::pack::Compiler;
use crate::rules::style::HeadlineStyle;
use crate::rules::{Check, Context};
use crate::span::Span;
use foldhash::{HashSet, HashSetExt};

pub const KIND: KindInfo = KindInfo {
    name: "headline-case",
    default_scope: &[BlockKind::Headline, BlockKind::Subhead],
    placeholders: &["block", "found", "style"],
    rust_file: include_str!("headline_case.rs"),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Sentence,
    Title,
}

impl Case {
    fn name(self) -> &'static str {
        match self {
            Case::Sentence => "sentence",
            Case::Title => "title",
        }
    }
}

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub style: HeadlineStyle,
        /// Words that are never evidence (lower case), on top of the built-in function words.
        #[serde(default)]
        pub neutral: Vec<String>,
        #[serde(default)]
        pub dictionary: Option<toml::Spanned<String>>,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let dictionary = match &spec.dictionary {
        Some(path) => Some(compiler.word_list(path)?),
        None => None,
    };
    let mut neutral: HashSet<String> = super::TITLE_CASE_LOWER
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    neutral.extend(spec.neutral.iter().map(|w| w.to_lowercase()));
    Some(Box::new(HeadlineCase {
        style: compiler.style.headline_case.unwrap_or(spec.style),
        neutral,
        dictionary,
    }))
}

struct HeadlineCase {
    style: HeadlineStyle,
    neutral: HashSet<String>,
    dictionary: Option<Dictionary>,
}

impl HeadlineCase {
    /// The case a heading is in, if its words tell.
    fn case_of(&self, heading: &str, proper: &HashSet<&str>) -> Option<Case> {
        let (mut upper, mut lower) = (0, 0);
        let mut phrase_start = true;
        let mut last_end = 0;
        for word in text::words(heading) {
            let gap = &heading[last_end..word.start];
            last_end = word.end;
            if gap.contains([':', '?', '!', '—', '–']) || gap.contains(" - ") {
                phrase_start = true;
            }
            let w = &heading[word.range()];
            if std::mem::take(&mut phrase_start) {
                continue;
            }
            let mut chars = w.chars();
            let Some(first) = chars.next() else { continue };
            let rest: Vec<char> = chars.collect();
            let acronym = first.is_uppercase() && rest.iter().all(|c| !c.is_lowercase());
            let inner_capital = rest.iter().any(|c| c.is_uppercase());
            if acronym
                || inner_capital
                || w.chars().any(|c| c.is_ascii_digit())
                || self.neutral.contains(&w.to_lowercase())
                || proper.contains(w)
                || (first.is_uppercase()
                    && self.dictionary.as_ref().is_some_and(|d| !d.contains(w)))
            {
                continue;
            }
            if first.is_uppercase() {
                upper += 1;
            } else if first.is_lowercase() {
                lower += 1;
            }
        }
        match (upper, lower) {
            (0, 0) => None,
            (u, l) if u > 2 * l => Some(Case::Title),
            (u, l) if l > 2 * u => Some(Case::Sentence),
            _ => None,
        }
    }
}

/// Words the body writes with a capital in the middle of a sentence: names.
fn proper_nouns<'a>(cx: &Context<'a>) -> HashSet<&'a str> {
    let mut proper = HashSet::new();
    for block in cx
        .article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        for sentence in cx.article.sentences(block) {
            for word in cx.article.words(sentence).skip(1) {
                let w = cx.text(word);
                if w.chars().next().is_some_and(char::is_uppercase) {
                    proper.insert(w);
                }
            }
        }
    }
    proper
}

impl Check for HeadlineCase {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let headings: Vec<(usize, Span)> = cx.blocks().map(|(i, b)| (i, b.span)).collect();
        if headings.is_empty() || (self.style == HeadlineStyle::Consistent && headings.len() < 2) {
            return;
        }
        let proper = proper_nouns(cx);
        let cases: Vec<(usize, Span, Case)> = headings
            .iter()
            .filter_map(|&(i, span)| Some((i, span, self.case_of(cx.text(span), &proper)?)))
            .collect();
        let wanted = match self.style {
            HeadlineStyle::Sentence => Case::Sentence,
            HeadlineStyle::Title => Case::Title,
            HeadlineStyle::Consistent => {
                let titles = cases.iter().filter(|c| c.2 == Case::Title).count();
                let sentences = cases.len() - titles;
                match titles.cmp(&sentences) {
                    std::cmp::Ordering::Greater => Case::Title,
                    std::cmp::Ordering::Less => Case::Sentence,
                    std::cmp::Ordering::Equal => match cases.first() {
                        Some(first) => first.2,
                        None => return,
                    },
                }
            }
        };
        let example = cases.iter().find(|c| c.2 == wanted);
        for &(index, span, case) in cases.iter().filter(|c| c.2 != wanted) {
            let kind = cx.article.blocks[index].kind.name();
            let mut diagnostic = cx.diagnostic(
                span,
                format!("{} case", case.name()),
                &[
                    ("block", kind),
                    ("found", case.name()),
                    ("style", wanted.name()),
                ],
            );
            if let (Some(example), HeadlineStyle::Consistent) = (example, self.style) {
                diagnostic
                    .secondary
                    .push(cx.label(example.1, format!("{} case here", wanted.name())));
            }
            out.push(diagnostic);
        }
    }
}
