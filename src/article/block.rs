//! The parts of an article: its blocks and the quotations in them. Below the model that
//! holds them ([`super::Article`]) and the parsers that find them.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of block an article is made of. These names are the `scope` values of rule packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A section or kicker label above the headline ("US News").
    Section,
    Headline,
    /// The dek or standfirst under the headline.
    Dek,
    Byline,
    /// The place and agency that open a wire story ("WASHINGTON (Reuters) -").
    Dateline,
    Subhead,
    Paragraph,
    /// A photo caption, recognised by its agency credit (REUTERS, AP Photo, Getty Images …).
    Caption,
    /// A promo or related-link line (`ALSO READ|`, `READ MORE:`, `Related Coverage …`).
    Promo,
    /// Web page furniture scraped with the story: image credits, player text, share prompts,
    /// sign-ups, calls to scroll or click, link-list headings, poll widgets.
    Furniture,
}

impl BlockKind {
    pub const ALL: [BlockKind; 10] = [
        BlockKind::Section,
        BlockKind::Headline,
        BlockKind::Dek,
        BlockKind::Byline,
        BlockKind::Dateline,
        BlockKind::Subhead,
        BlockKind::Paragraph,
        BlockKind::Caption,
        BlockKind::Promo,
        BlockKind::Furniture,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Section => "section",
            BlockKind::Headline => "headline",
            BlockKind::Dek => "dek",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Subhead => "subhead",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Promo => "promo",
            BlockKind::Furniture => "furniture",
        }
    }
}

impl BlockKind {
    /// Whether blocks of this kind stand aside from the story's running text — captions,
    /// promos, web furniture — so that a quotation, and the paragraphs around it, run on
    /// across them.
    pub fn is_aside(self) -> bool {
        matches!(
            self,
            BlockKind::Caption | BlockKind::Promo | BlockKind::Furniture
        )
    }
}

/// The block after `index` in the running text: the next one that is not an aside
/// ([`BlockKind::is_aside`]).
pub fn next_in_text(blocks: &[Block], index: usize) -> Option<usize> {
    (index + 1..blocks.len()).find(|&i| !blocks[i].kind.is_aside())
}

/// The block before `index` in the running text (see [`next_in_text`]).
pub fn previous_in_text(blocks: &[Block], index: usize) -> Option<usize> {
    (0..index).rev().find(|&i| !blocks[i].kind.is_aside())
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One block of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Parts of the span that are markup rather than text (Markdown link targets, emphasis
    /// marks, inline HTML), in order and apart. Rules ignore matches that touch them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub markup: Vec<Span>,
}

impl Block {
    /// The parts of [`Block::markup`] that overlap `span`, found by bisection: however many
    /// tags a block holds, asking costs the logarithm of their number.
    pub fn markup_overlapping(&self, span: Span) -> &[Span] {
        if self.markup.is_empty() {
            return &[];
        }
        let first = self.markup.partition_point(|m| m.end <= span.start);
        let count = self.markup[first..].partition_point(|m| m.start < span.end);
        &self.markup[first..first + count]
    }
}

/// A direct quotation inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included (or to the end of the block when
    /// the quotation runs on).
    pub span: Span,
    /// Index of the block in [`Article::blocks`](super::Article::blocks).
    pub block: usize,
    /// The quotation has no closing mark in its block.
    pub unclosed: bool,
    /// The quotation runs on into the next paragraph, which reopens it (the convention for
    /// quotes of several paragraphs).
    pub continues: bool,
    /// The marks hold a nickname inside a name (`Dwayne “The Rock” Johnson`, `Hamid “Abu Bakr”
    /// al-Zubaidi`): nobody's words, so no speaker is looked for and its words read as part of
    /// the name. Its marks are still quotation marks, and rules still leave its words alone.
    pub nickname: bool,
}
