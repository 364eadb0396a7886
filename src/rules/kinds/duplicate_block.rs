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
use crate::article::{Article, BlockKind};
use crate::diagnostic::Diagnostic;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

pub const KIND: KindInfo = KindInfo {
    name: "duplicate-block",
    default_scope: &[BlockKind::Paragraph, BlockKind::Caption],
    placeholders: &["block"],
    rust_file: include_str!("duplicate_block.rs"),
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
        let mut seen: HashMap<u64, Vec<Span>> = HashMap::new();
        for (index, block) in cx.blocks() {
            let words = cx.article.block_word_spans(index);
            if words.len() < self.min_words {
                continue;
            }
            let text = &cx.article.contents;
            let hash = words_hash(text, words);
            let earlier = seen.entry(hash).or_default();
            match earlier
                .iter()
                .find(|&&first| same_words(cx.article, first, words))
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

/// The characters of a word, lower-cased.
fn lower(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase)
}

/// FNV-1a over a sketch of the lower-cased words: each ASCII word's length and its first and
/// last letters, each other word whole. Blocks with the same words, ignoring case, hash alike;
/// collisions are checked by `same_words`.
fn words_hash(text: &str, words: &[Span]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |c: u32| hash = (hash ^ u64::from(c)).wrapping_mul(PRIME);
    for word in words {
        let word = &text[word.range()];
        let bytes = word.as_bytes();
        if let (Some(first), Some(last)) = (bytes.first(), bytes.last())
            && word.is_ascii()
        {
            // Most words: a word of the same letters has the same length and ends.
            mix(bytes.len() as u32);
            mix(u32::from(first.to_ascii_lowercase()));
            mix(u32::from(last.to_ascii_lowercase()));
        } else {
            lower(word).for_each(|c| mix(u32::from(c)));
        }
        mix(u32::from(b' '));
    }
    hash
}

/// Whether the block at `earlier` has the same words, ignoring case, as `words`.
fn same_words(article: &Article, earlier: Span, words: &[Span]) -> bool {
    let text = &article.contents;
    let mut left = article.words(earlier);
    let mut right = words.iter();
    loop {
        match (left.next(), right.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if !lower(&text[x.range()]).eq(lower(&text[y.range()])) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}
