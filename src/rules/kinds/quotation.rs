//! # quotation
//!
//! ## What it flags
//! Problems with direct quotations, chosen by `check`:
//! - `"unbalanced"`: a quotation opened and never closed in its paragraph, unless the next
//!   paragraph reopens it (the convention for a quotation of several paragraphs);
//! - `"mixed-marks"`: straight (") and curly (“”) double quotation marks in one article; the
//!   style most quotations use wins (on a tie, the first one's);
//! - `"straight-marks"`: a quotation in straight double marks, for houses that set curly ones
//!   (the built-in rule is off by default: `extend-select` it in copydesk.toml).
//!
//! ## Why
//! A quotation is a claim that someone said exactly these words. Where it ends and who said it
//! must be unmistakable (AP Stylebook, "quotations in the news"); a mix of straight and curly
//! marks shows copy pasted from several places.
//!
//! ## Example
//! ```toml
//! [[quotation]]
//! id = "news.quote-unbalanced"
//! message = "this quotation is never closed"
//! check = "unbalanced"
//! rationale = "Readers must see where a quotation ends."
//! must-fire = ["“We will stay, the mayor said."]
//! must-not-fire = ["“We will stay,” the mayor said."]
//! ```
//!
//! ## Instead
//! Close the quotation, or use one style of marks. (Quotations with no speaker are the
//! `sourcing` kind's `check = "speaker"`, which reads who said what from the article model.)
//!
//! ## Fix safety
//! No fix for the first two: where a quotation ends is a fact. A safe fix
//! for `straight-marks`: it turns the two marks into “ and ” and touches nothing between them.

use super::KindInfo;
use crate::article::{BlockKind, Quote};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use serde::Deserialize;

pub const KIND: KindInfo = KindInfo {
    name: "quotation",
    default_scope: &[BlockKind::Paragraph],
    placeholders: &["match", "style"],
    rust_file: include_str!("quotation.rs"),
};

/// What a quotation rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteCheck {
    Unbalanced,
    MixedMarks,
    StraightMarks,
}

crate::rule_spec! {
    pub struct Spec {
        pub check: QuoteCheck,
    }
}

pub fn compile(spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(Quotation { check: spec.check }))
}

struct Quotation {
    check: QuoteCheck,
}

fn is_curly(quote: &Quote, source: &str) -> Option<bool> {
    match source[quote.span.range()].chars().next()? {
        '“' => Some(true),
        '"' => Some(false),
        _ => None,
    }
}

impl Check for Quotation {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let quotes: Vec<&Quote> = cx
            .article
            .quotes
            .iter()
            .filter(|q| cx.rule.scope.contains(cx.article.blocks[q.block].kind))
            .collect();
        match self.check {
            QuoteCheck::Unbalanced => unbalanced(cx, &quotes, out),
            QuoteCheck::MixedMarks => mixed_marks(cx, &quotes, out),
            QuoteCheck::StraightMarks => straight_marks(cx, &quotes, out),
        }
    }
}

/// Quotations opened and never closed (and not continued in the next paragraph).
fn unbalanced(cx: &Context<'_>, quotes: &[&Quote], out: &mut Vec<Diagnostic>) {
    let source = &cx.article.contents;
    for quote in quotes.iter().filter(|q| q.unclosed && !q.continues) {
        let mark_length = source[quote.span.start..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        out.push(cx.diagnostic(
            Span::new(quote.span.start, quote.span.start + mark_length),
            "opened here, never closed",
            &[("match", cx.text(quote.span))],
        ));
    }
}

/// Double quotations in the marks most of the article's do not use.
fn mixed_marks(cx: &Context<'_>, quotes: &[&Quote], out: &mut Vec<Diagnostic>) {
    let doubles: Vec<(&Quote, bool)> = quotes
        .iter()
        .filter_map(|q| Some((*q, is_curly(q, &cx.article.contents)?)))
        .collect();
    let Some(&(_, first_curly)) = doubles.first() else {
        return;
    };
    let curly_count = doubles.iter().filter(|(_, c)| *c).count();
    let winner = match (curly_count * 2).cmp(&doubles.len()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => first_curly,
    };
    let Some(&(first, _)) = doubles.iter().find(|(_, c)| *c == winner) else {
        return;
    };
    let style = if winner { "curly" } else { "straight" };
    for &(quote, curly) in doubles.iter().filter(|(_, c)| *c != winner) {
        let mut diagnostic = cx.diagnostic(
            quote.span,
            format!(
                "{} quotation marks",
                if curly { "curly" } else { "straight" }
            ),
            &[("match", cx.text(quote.span)), ("style", style)],
        );
        diagnostic.secondary.push(cx.label(
            first.span,
            format!("{style} marks, as most quotations here"),
        ));
        out.push(diagnostic);
    }
}

/// Closed quotations in straight marks, with a fix to curly ones.
fn straight_marks(cx: &Context<'_>, quotes: &[&Quote], out: &mut Vec<Diagnostic>) {
    for quote in quotes.iter().filter(|q| !q.unclosed) {
        let text = cx.text(quote.span);
        if !(text.starts_with('"') && text.ends_with('"') && text.len() >= 2) {
            continue;
        }
        let mut diagnostic = cx.diagnostic(
            quote.span,
            "straight marks",
            &[("match", text), ("style", "curly")],
        );
        let mark = |span: Span, replacement: &str| Edit {
            span,
            replacement: replacement.to_owned(),
        };
        diagnostic.fix = Some(Fix::new(
            Applicability::Safe,
            vec![
                mark(Span::new(quote.span.start, quote.span.start + 1), "“"),
                mark(Span::new(quote.span.end - 1, quote.span.end), "”"),
            ],
        ));
        out.push(diagnostic);
    }
}
