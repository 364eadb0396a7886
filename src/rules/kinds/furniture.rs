//! # furniture
//!
//! ## What it flags
//! Web page furniture scraped along with a story, once per article: image credits ("Image
//! copyrightGETTY IMAGES"), media-player text ("Media playback is unsupported on your
//! device"), calls to scroll or click ("Scroll down to read more", "Advertisement"), share
//! prompts, newsletter sign-ups, the headings of link lists ("Related Topics"), poll widgets
//! and the headline repeated in the body; not a gallery's placeholder ("Slideshow (9
//! Images)"), which stands for part of the story. The article reader recognises these lines by their shape — short lines that speak
//! to the reader about the page, name a part of it, or are a widget's data — and makes them
//! `furniture` blocks, which no other rule measures and across which a quotation runs on.
//! The first furniture line is the finding; the others are its labels.
//!
//! ## Why
//! A page's furniture is not copy: republished, it reads as nonsense in print and in a feed,
//! and it breaks a quotation from its speaker.
//!
//! ## Example
//! ```toml
//! [[furniture]]
//! id = "paste.boilerplate"
//! message = "web page furniture in the copy: {what}"
//! rationale = "Page furniture is scraped with the story."
//! must-fire = ["Title\n\nThe council met.\n\nScroll down to read more\n\nIt voted.\n"]
//! must-not-fire = ["Title\n\nThe council met.\n\nIt voted.\n"]
//! ```
//!
//! ## Instead
//! Delete the lines.
//!
//! ## Fix safety
//! Unsafe: each line's deletion is offered, since a line that only looks like furniture is
//! for an editor to keep.

use super::KindInfo;
use crate::article::BlockKind;
use crate::article::furniture::{Furniture, line_furniture};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};

pub const KIND: KindInfo = KindInfo {
    name: "furniture",
    default_scope: &[BlockKind::Furniture],
    placeholders: &["what", "count"],
    rust_file: include_str!("furniture.rs"),
};

crate::rule_spec! {
    pub struct Spec {}
}

pub fn compile(_spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(FurnitureCheck))
}

struct FurnitureCheck;

impl Check for FurnitureCheck {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A gallery's placeholder stands for part of the story: furniture, but no boilerplate.
        let mut lines = cx
            .blocks()
            .map(|(_, block)| block.span)
            .filter(|&span| line_furniture(cx.text(span)).is_none_or(Furniture::is_boilerplate));
        let Some(first) = lines.next() else {
            return;
        };
        // A line the reader made furniture for its neighbours is the headline repeated, or a
        // poll's option.
        let headline = cx.article.headline().map(|h| cx.text(h.span));
        let what_of = |span| match line_furniture(cx.text(span)) {
            Some(furniture) => furniture.name(),
            None if Some(cx.text(span)) == headline => "the headline, repeated in the body",
            None => Furniture::Poll.name(),
        };
        let rest: Vec<_> = lines.collect();
        let count = (rest.len() + 1).to_string();
        let mut diagnostic = cx.diagnostic(
            first,
            "not part of the story",
            &[("what", what_of(first)), ("count", &count)],
        );
        let mut edits = vec![first];
        for &span in &rest {
            diagnostic.secondary.push(cx.label(span, what_of(span)));
            edits.push(span);
        }
        let edits = edits
            .into_iter()
            .map(|span| Edit {
                span,
                replacement: String::new(),
            })
            .collect();
        diagnostic.fix = Some(Fix::new(Applicability::Unsafe, edits));
        out.push(diagnostic);
    }
}
