//! # headline-form
//!
//! ## What it flags
//! Display text in one of the shapes of click bait, chosen by `form`:
//! - `"question"`: a heading that ends by asking a yes-or-no question ("Is this the end of
//!   the high street?"); a question the heading then answers ("Last orders? Sales fall …", a
//!   kicker) and one that opens with a question word ("What next for the high street?", an
//!   explainer's) are not flagged;
//! - `"exclamation"`: an exclamation mark;
//! - `"all-caps"`: a word in capitals that is not an acronym — at least `min-letters` letters
//!   (default 4), no digits, and not in `allow` ("SHOCKING", not "NATO" or "COVID-19"), a run
//!   of them being one finding — in a heading that is otherwise
//!   in lower case (a heading set wholly in capitals is a house style, as in Reuters subheads).
//!   Only a script with case has capitals: a heading mostly in Arabic, Hebrew, Chinese,
//!   Japanese, Thai … is not judged, Latin names in it and all;
//! - `"unattributed-quote"`: a heading that is a quotation with no speaker after it
//!   (“‘We will not back down’” rather than “‘We will not back down’: mayor”), also after a
//!   short label in capitals ("RELATED: ‘…’"); a name before a colon is the speaker
//!   ("Goldsmith: ‘…’").
//!
//! Text inside a quotation is not judged for the first three forms: a quoted question is the
//! speaker's.
//!
//! ## Why
//! Headlines state news. Questions, exclamations and shouting promise more than the story holds;
//! a quotation with no speaker hides who said it (AP Stylebook, "headlines").
//!
//! ## Example
//! ```toml
//! [[headline-form]]
//! id = "news.question-headline"
//! message = "headline asks a question"
//! form = "question"
//! rationale = "Headlines answer questions."
//! must-fire = ["Is the high street finished?"]
//! must-not-fire = ["High street sales fall for third month"]
//! ```
//!
//! ## Instead
//! State what the story found: "High street sales fall for third month".
//!
//! ## Fix safety
//! No fix: rewriting a headline is an editor's job.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::Diagnostic;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use serde::Deserialize;

pub const KIND: KindInfo = KindInfo {
    name: "headline-form",
    default_scope: &[BlockKind::Headline],
    placeholders: &["match", "block"],
    rust_file: include_str!("headline_form.rs"),
};

/// The shape a rule looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    Question,
    Exclamation,
    AllCaps,
    UnattributedQuote,
}

crate::rule_spec! {
    pub struct Spec {
        pub form: Form,
        #[serde(default)]
        pub allow: Vec<String>,
        #[serde(default = "default_min_letters")]
        pub min_letters: usize,
    }
}

/// The words of a promo label before a heading's quotation ("RELATED:", "ALSO READ |"): any
/// other words before the colon name the speaker.
const PROMO_LABELS: &[&str] = &[
    "related",
    "also",
    "read",
    "more",
    "see",
    "watch",
    "video",
    "listen",
    "audio",
    "photos",
    "breaking",
    "exclusive",
    "update",
    "updated",
    "live",
    "new",
    "latest",
    "opinion",
    "analysis",
    "comment",
];

/// The longest part of a hyphenated acronym (AP-NORC, AFL-CIO).
const ACRONYM_LETTERS: usize = 4;

fn default_min_letters() -> usize {
    4
}

pub fn compile(spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(HeadlineForm {
        form: spec.form,
        allow: spec.allow.clone(),
        min_letters: spec.min_letters,
    }))
}

struct HeadlineForm {
    form: Form,
    allow: Vec<String>,
    min_letters: usize,
}

/// Words that open a question the story answers: an explainer's "What's next for …?", "How
/// bad will it be?", not a yes-or-no question that teases an answer.
const QUESTION_WORDS: &[&str] = &[
    "what", "what's", "whats", "why", "how", "who", "whom", "whose", "when", "where", "which",
];

/// Where the question mark is of a heading that is one yes-or-no question ("Will tax cuts
/// lift spirits?"). A question the heading then answers ("Flatter or fight? Governors must
/// navigate Trump") is a kicker, one after a statement of the news is an analysis's, and one
/// opening with a question word is an explainer's.
fn closing_yes_no_question(text: &str) -> Option<usize> {
    let trimmed =
        text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\''));
    let at = trimmed.strip_suffix('?').map(str::len)?;
    // A statement of the news before the question ("Iowa swung to Trump. Will it swing
    // back?", "Bloomberg's big bet: Can money win?", "Democrats swear off big money, but will
    // it hurt?") is an analysis's headline: the news is told, the question frames it.
    if trimmed[..at].contains(['.', '?', '!', ':', '|', '—']) || trimmed[..at].contains(", but ")
    {
        return None;
    }
    let first = trimmed[..at]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .find(|w| !w.is_empty())?
        .to_lowercase()
        .replace('’', "'");
    (!QUESTION_WORDS.contains(&first.as_str())).then_some(at)
}

impl HeadlineForm {
    /// A word in capitals that is no acronym: long enough, every letter a capital (a letter of
    /// a script without case is none), no digits (COVID-19), not allowed.
    fn shouted(&self, word: &str) -> bool {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let all_capitals = letters.clone().all(char::is_uppercase);
        let letters = letters.by_ref().count();
        // Acronyms joined by hyphens or slashes (AP-NORC, AFL-CIO) are names, not shouting.
        let joined_acronyms = word.contains(['-', '/'])
            && word
                .split(['-', '/'])
                .all(|part| part.chars().count() <= ACRONYM_LETTERS);
        letters >= self.min_letters
            && all_capitals
            && !word.chars().any(|c| c.is_ascii_digit())
            && !joined_acronyms
            && !self.allow.iter().any(|a| a == word)
    }

    /// The end of a standing label in capitals that opens a heading ("AP FACT CHECK:",
    /// "SUPREME COURT NOTEBOOK:", "GRAPHIC:"): the wire's furniture, not shouting.
    fn standing_label(text: &str) -> usize {
        match text.split_once(':') {
            Some((label, _))
                if label.chars().any(char::is_alphabetic)
                    && !label.chars().any(char::is_lowercase)
                    && crate::article::text::words(label).count() <= 4 =>
            {
                label.len() + 1
            }
            _ => 0,
        }
    }

    /// The spans of `block` that have the rule's form.
    fn find(&self, cx: &Context<'_>, index: usize, block: Span) -> Vec<Span> {
        let text = cx.text(block);
        match self.form {
            Form::Question => closing_yes_no_question(text)
                .map(|at| Span::new(block.start + at, block.start + at + 1))
                .filter(|&span| cx.may_report(index, span))
                .into_iter()
                .collect(),
            Form::Exclamation => text
                .match_indices('!')
                .map(|(at, m)| Span::new(block.start + at, block.start + at + m.len()))
                .filter(|&span| cx.may_report(index, span))
                .take(1)
                .collect(),
            Form::AllCaps
                if !text.chars().any(char::is_lowercase)
                    || !in_cased_script(cx.article.words(block).map(|w| cx.text(w))) =>
            {
                Vec::new()
            }
            Form::AllCaps => {
                // Runs of shouted words are one finding: "SHOCKING NEW FOOTAGE".
                let label_end = block.start + Self::standing_label(text);
                let mut runs: Vec<Span> = Vec::new();
                for word in cx.article.words(block) {
                    if word.start < label_end
                        || !self.shouted(cx.text(word))
                        || !cx.may_report(index, word)
                    {
                        continue;
                    }
                    match runs.last_mut() {
                        Some(run) if cx.article.contents[run.end..word.start].trim().is_empty() => {
                            run.end = word.end;
                        }
                        _ => runs.push(word),
                    }
                }
                runs
            }
            Form::UnattributedQuote => {
                let quote = cx.article.quotes_in(index).first();
                let Some(quote) = quote.filter(|q| !q.nickname) else {
                    return Vec::new();
                };
                // The quotation opens the heading, or follows a promo label ("RELATED: ",
                // "WATCH |"); a name before the colon is the speaker ("Goldsmith: ‘…’", "YOKO
                // ONO: ‘…’").
                let before = &cx.article.contents[block.start..quote.span.start];
                let label = before.trim_end().ends_with([':', '|'])
                    && crate::article::text::words(before).count() <= 3
                    && crate::article::text::words(before).all(|w| {
                        PROMO_LABELS
                            .iter()
                            .any(|l| l.eq_ignore_ascii_case(&before[w.range()]))
                    });
                let opens_heading = before.trim().is_empty() || label;
                let after = &cx.article.contents[quote.span.end..block.end];
                let speaker_follows = after.chars().any(char::is_alphabetic);
                if opens_heading && !speaker_follows {
                    vec![quote.span]
                } else {
                    Vec::new()
                }
            }
        }
    }
}

/// Whether a heading is written in a script with capitals and small letters: more of its words
/// are in letters that have case than in letters that have none. Arabic, Hebrew, Chinese,
/// Japanese, Thai … have no capitals, so a heading in one — Latin names and all — is never in
/// capitals.
fn in_cased_script<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let (mut cased, mut caseless) = (0usize, 0usize);
    for word in words {
        let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
        if letters.peek().is_none() {
            continue;
        }
        if letters.all(|c| c.is_uppercase() || c.is_lowercase()) {
            cased += 1;
        } else {
            caseless += 1;
        }
    }
    cased > caseless
}

impl Check for HeadlineForm {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (index, block) in cx.blocks() {
            for span in self.find(cx, index, block.span) {
                let matched = cx.text(span);
                out.push(cx.diagnostic(
                    span,
                    "",
                    &[("match", matched), ("block", block.kind.name())],
                ));
            }
        }
    }
}
