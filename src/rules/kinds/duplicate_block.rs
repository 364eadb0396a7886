//! # duplicate-block
//!
//! ## What it flags
//! A paragraph or caption (the rule's scope) that repeats an earlier block of the article word
//! for word, ignoring case and white space. Blocks shorter than `min-words` (default 5) are not
//! compared.
//!
//! ## Why
//! A repeated paragraph or caption is a paste or CMS slip: a block inserted twice, or a caption
//! carried into the body.
//!
//! ## Example
//! ```toml
//! [[duplicate-block]]
//! id = "paste.duplicate-paragraph"
//! message = "this {block} repeats an earlier one"
//! rationale = "Blocks pasted twice."
//! must-fire = ["Title\n\nThe council met on Monday to vote.\n\nThe council met on Monday to vote.\n"]
//! must-not-fire = ["Title\n\nThe council met on Monday to vote.\n\nIt voted on Tuesday instead.\n"]
//! ```
//!
//! ## Instead
//! Delete the repeat.
//!
//! ## Fix safety
//! No fix: which copy to keep, and whether the repeat was meant, is for an editor.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::Diagnostic;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use foldhash::{HashMap, HashMapExt};

pub const KIND: KindInfo = KindInfo {
    name: "duplicate-block",
    default_scope: &[BlockKind::Paragraph, BlockKind::Caption],
    placeholders: &["block"],
    source: include_str!("duplicate_block.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        #[serde(default = "default_min_words")]
        pub min_words: usize,
    }
}

fn default_min_words() -> usize {
    5
}

pub fn compile(spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(DuplicateBlock {
        min_words: spec.min_words,
    }))
}

struct DuplicateBlock {
    min_words: usize,
}

impl Check for DuplicateBlock {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Blocks are compared by a hash of their lower-cased words; a collision is checked
        // word by word, so only real repeats are reported.
        let mut seen: HashMap<u64, Vec<crate::span::Span>> = HashMap::new();
        for (_, block) in cx.blocks() {
            if cx
                .article
                .words(block.span)
                .nth(self.min_words.saturating_sub(1))
                .is_none()
            {
                continue;
            }
            let hash = words_hash(cx.text(block.span));
            let earlier = seen.entry(hash).or_default();
            match earlier
                .iter()
                .find(|&&first| same_words(cx.text(first), cx.text(block.span)))
            {
                Some(&first) => {
                    let mut diagnostic =
                        cx.diagnostic(block.span, "repeated", &[("block", block.kind.name())]);
                    diagnostic.secondary.push(cx.label(first, "first here"));
                    out.push(diagnostic);
                }
                None => earlier.push(block.span),
            }
        }
    }
}

/// The words of `text`, lower-cased.
fn lower_words(text: &str) -> impl Iterator<Item = impl Iterator<Item = char> + '_> + '_ {
    crate::article::text::words(text)
        .map(move |w| text[w.range()].chars().flat_map(char::to_lowercase))
}

/// FNV-1a over the lower-cased words: fast, and collisions are checked by `same_words`.
fn words_hash(text: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in lower_words(text) {
        for c in word {
            hash = (hash ^ u64::from(u32::from(c))).wrapping_mul(PRIME);
        }
        hash = (hash ^ u64::from(b' ')).wrapping_mul(PRIME);
    }
    hash
}

fn same_words(a: &str, b: &str) -> bool {
    let mut left = lower_words(a);
    let mut right = lower_words(b);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if !x.eq(y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}
