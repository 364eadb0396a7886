//! # repetition
//!
//! ## What it flags
//! A word written twice in a row with only white space between ("the the", "in\nin"), in any
//! case — also across inline markup, as a reader sees it (`the <a href="…">the</a> vote`), and
//! inside direct quotations, where a doubled word is a slip of transcription. Words in the rule's `allow` list may double ("had had", "that that"). Never flagged:
//! words with digits (tennis scores: "6-4 6-4") and a second copy that starts with a capital,
//! which is how names and titles double on purpose ("Duran Duran", "Bafana Bafana").
//!
//! ## Why
//! A doubled word is almost always a slip of an edit, and the eye skips over it in proof.
//!
//! ## Example
//! ```toml
//! [[repetition]]
//! id = "typo.doubled-word"
//! message = "`{match}` is written twice"
//! allow = ["had", "that"]
//! rationale = "A doubled word is a typing slip."
//! must-fire = ["The mayor said the the bridge was open."]
//! must-not-fire = ["The mayor said that that bridge had had repairs."]
//! ```
//!
//! ## Instead
//! One copy of the word.
//!
//! ## Fix safety
//! Safe: the fix deletes the second copy and the space before it, and never joins lines:
//! across a line break it deletes the second copy and the space after it ("in\nin the" →
//! "in\nthe"), or, when the second copy ends its line, the first copy and the space before
//! it; two copies each alone on its line get no fix. Across markup it is a
//! suggestion (the first copy and the space after it, so tags stay whole), since an edit next
//! to a tag can change how the markup reads. Inside a quotation there is no fix: the
//! note asks for a check of the notes or recording first.

use super::KindInfo;
use crate::article::Block;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::{Span, is_line_break};

pub const KIND: KindInfo = KindInfo {
    name: "repetition",
    default_scope: super::PROSE,
    placeholders: &["match"],
    rust_file: include_str!("repetition.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        #[serde(default)]
        pub allow: Vec<String>,
    }
}

pub fn compile(spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(Repetition {
        allow: spec.allow.iter().map(|w| w.to_lowercase()).collect(),
    }))
}

struct Repetition {
    /// Lower-cased words that may be doubled.
    allow: Vec<String>,
}

impl Check for Repetition {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (index, block) in cx.blocks() {
            let mut previous: Option<Span> = None;
            // Words as a reader sees them: none inside a tag.
            let words = cx.article.block_words(index);
            for word in words.filter(|w| !cx.article.touches_markup(index, *w)) {
                let Some(before) = previous.replace(word) else {
                    continue;
                };
                let first = cx.text(before);
                let second = cx.text(word);
                let doubled = same_word(first, second)
                    && !first.chars().any(|c| c.is_ascii_digit())
                    && !second.chars().next().is_some_and(char::is_uppercase)
                    && !self.allow.contains(&first.to_lowercase());
                if !doubled {
                    continue;
                }
                let Some(across_markup) = spaced_apart(cx, block, before, word) else {
                    continue;
                };
                if quoted_phrase(cx, before, word) {
                    continue;
                }
                if let Some(diagnostic) = self.report(cx, index, before, word, across_markup) {
                    out.push(diagnostic);
                }
            }
        }
    }
}

impl Repetition {
    /// The finding for `first` written again as `second`, if the rule may report it there.
    fn report(
        &self,
        cx: &Context<'_>,
        index: usize,
        first: Span,
        second: Span,
        across_markup: bool,
    ) -> Option<Diagnostic> {
        let pair = Span::new(first.start, second.end);
        // Across a tag (`the <a>the</a>`), the pair's span holds markup: only the words must
        // be clear of it.
        let on_markup = if across_markup {
            cx.article.touches_markup(index, first) || cx.article.touches_markup(index, second)
        } else {
            cx.article.touches_markup(index, pair)
        };
        if on_markup {
            return None;
        }
        let shown = if across_markup { second } else { pair };
        let mut diagnostic = cx.diagnostic(shown, "doubled word", &[("match", cx.text(first))]);
        if cx.article.in_quote(pair) && !cx.rule.in_quotes {
            // A doubled word in a transcription is a typing slip, not the speaker's words; but
            // a quotation is changed only by someone who checked it.
            diagnostic.notes.push(
                "inside a quotation: check the notes or the recording, then delete the repeat"
                    .to_owned(),
            );
            return Some(diagnostic);
        }
        let source = &cx.article.contents;
        let deleted = if across_markup {
            // Keep the tags whole: delete the first word and the space after it.
            let gap = &source[first.end..second.start];
            let space = gap.len() - gap.trim_start().len();
            Span::new(first.start, first.end + space)
        } else {
            match keeping_lines(source, first, second) {
                Some(deleted) => deleted,
                None => {
                    diagnostic
                        .notes
                        .push("each copy stands alone on its line: delete one by hand".to_owned());
                    return Some(diagnostic);
                }
            }
        };
        diagnostic.fix = Some(if across_markup {
            // An edit next to a tag can change how the markup reads: a suggestion only.
            Fix::needs_review(deleted, "")
        } else {
            Fix::safe(deleted, "")
        });
        Some(diagnostic)
    }
}

/// What to delete of a doubled word with only white space between its copies, keeping every
/// line as it is: the space before the second copy and the copy, when both are on one line.
/// Across a line break, the second copy and the spaces after it, when its line goes on with
/// more words; else the first copy and the spaces before it, when its line starts with other
/// words; else nothing (each copy is alone on its line).
fn keeping_lines(source: &str, first: Span, second: Span) -> Option<Span> {
    if !source[first.end..second.start].contains(is_line_break) {
        return Some(Span::new(first.end, second.end));
    }
    let spaces = |c: char| c.is_whitespace() && !is_line_break(c);
    let after = &source[second.end..];
    let rest = after.trim_start_matches(spaces);
    if rest.len() < after.len() && rest.starts_with(|c: char| !c.is_whitespace()) {
        return Some(Span::new(
            second.start,
            second.end + (after.len() - rest.len()),
        ));
    }
    let before = &source[..first.start];
    let line_start = before.trim_end_matches(spaces);
    (line_start.len() < before.len() && line_start.ends_with(|c: char| !c.is_whitespace()))
        .then(|| Span::new(line_start.len(), first.end))
}

/// Whether two words stand apart as a reader sees them: `Some(false)` when only white space
/// lies between, `Some(true)` when markup does too (`the <a>the</a>`), `None` otherwise.
fn spaced_apart(cx: &Context<'_>, block: &Block, first: Span, second: Span) -> Option<bool> {
    let gap = Span::new(first.end, second.start);
    let source = &cx.article.contents;
    if gap.is_empty() {
        return None;
    }
    if source[gap.range()].chars().all(char::is_whitespace) {
        return Some(false);
    }
    // The tags over the gap, in order: walked once beside its characters.
    let mut tags = block.markup_overlapping(gap).iter().peekable();
    let visible: String = source[gap.range()]
        .char_indices()
        .filter(|(i, _)| {
            let at = Span::new(gap.start + i, gap.start + i + 1);
            while tags.next_if(|m| m.end <= at.start).is_some() {}
            !tags.peek().is_some_and(|m| m.contains(at))
        })
        .map(|(_, c)| c)
        .collect();
    let spaced = !visible.is_empty() && visible.chars().all(char::is_whitespace);
    // Markup with no space around it joins words ("the<b>the</b>"), as a reader sees them.
    (spaced && visible.len() < source[gap.range()].len()).then_some(true)
}

/// Whether the pair is itself a quoted phrase, said on purpose: no "‘there there’".
fn quoted_phrase(cx: &Context<'_>, first: Span, second: Span) -> bool {
    let source = &cx.article.contents;
    let opens = source[..first.start].ends_with(['‘', '“', '\'', '"']);
    let closes = source[second.end..].starts_with(['’', '”', '\'', '"']);
    opens && closes
}

/// Case-insensitive equality, without allocating for ASCII words.
fn same_word(a: &str, b: &str) -> bool {
    // Two ASCII first letters that differ settle it at once, for most pairs of a text.
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first())
        && x.is_ascii()
        && y.is_ascii()
        && !x.eq_ignore_ascii_case(y)
    {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        true
    } else if a.is_ascii() && b.is_ascii() {
        false
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}
