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
use std::collections::HashMap;

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
        let mut seen: HashMap<String, crate::span::Span> = HashMap::new();
        for (_, block) in cx.blocks() {
            if cx
                .article
                .words(block.span)
                .nth(self.min_words.saturating_sub(1))
                .is_none()
            {
                continue;
            }
            // The block's words, lower-cased and joined by single spaces.
            let text = cx.text(block.span);
            let mut key = String::with_capacity(text.len());
            for word in crate::article::text::words(text) {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.extend(text[word.range()].chars().flat_map(char::to_lowercase));
            }
            match seen.get(&key) {
                Some(&first) => {
                    let mut diagnostic =
                        cx.diagnostic(block.span, "repeated", &[("block", block.kind.name())]);
                    diagnostic.secondary.push(cx.label(first, "first here"));
                    out.push(diagnostic);
                }
                None => {
                    seen.insert(key, block.span);
                }
            }
        }
    }
}
