//! Reading a plain-text draft.
//!
//! The layout newsrooms paste: an optional section label, the headline on the first line, an
//! optional dek directly under it (no blank line between), then the body with one block per line
//! or per blank-line-separated paragraph. Hard-wrapped paragraphs are joined back together: a line
//! that does not end a sentence and is followed by one starting in lower case continues it.
//! A line that is only an HTML comment (`<!-- copydesk-disable … -->`) is not text.

use super::classify::{body_line_kind, dateline_len, looks_like_section_label, push_block};
use super::parser::{FormatInfo, ParseAs, Parsed};
use super::{Block, BlockKind};
use crate::span::Span;

pub const FORMAT: FormatInfo = FormatInfo {
    description: "plain text",
    extensions: &["txt"],
    aliases: &["text", "plain"],
    languages: &["plaintext", "text"],
    character_references: false,
    parse,
};

/// A line of text after hard-wrapped lines were joined, with whether a blank line preceded it.
struct Line {
    span: Span,
    after_blank: bool,
}

/// The blocks of a draft, or of a record's body (every line a paragraph, subhead, dateline,
/// caption or promo, under the record's headline).
fn parse(source: &str, read: ParseAs<'_>) -> Parsed {
    let blocks = match read {
        ParseAs::Draft => parse_draft(source),
        ParseAs::RecordBody { headline } => body_blocks(source, &logical_lines(source), headline),
    };
    Parsed {
        blocks,
        ..Parsed::default()
    }
}

fn parse_draft(source: &str) -> Vec<Block> {
    let lines = logical_lines(source);
    let mut blocks = Vec::new();
    let mut rest = &lines[..];

    if let [label, headline, ..] = rest {
        let label_text = &source[label.span.range()];
        let headline_text = &source[headline.span.range()];
        // A label is shorter than the headline under it, which has the words of a headline:
        // a fixture list's "Blackburn v Burnley" above "Ewood Park" is no section label.
        let headline_words = super::text::words(headline_text).count();
        if looks_like_section_label(label_text)
            && looks_like_headline(headline_text)
            && headline_words >= MIN_HEADLINE_WORDS
            && super::text::words(label_text).count() < headline_words
        {
            blocks.push(block(BlockKind::Section, label.span));
            rest = &rest[1..];
        }
    }
    if let [headline, after @ ..] = rest {
        blocks.push(block(BlockKind::Headline, headline.span));
        rest = after;
        if let [dek, body @ ..] = rest {
            let dek_text = &source[dek.span.range()];
            // Directly under the headline, a line with or without a closing stop is a dek.
            let is_dek = !dek.after_blank
                && !body.is_empty()
                && dateline_len(dek_text).is_none()
                && matches!(
                    body_line_kind(dek_text),
                    BlockKind::Paragraph | BlockKind::Subhead
                );
            if is_dek {
                blocks.push(block(BlockKind::Dek, dek.span));
                rest = body;
            }
        }
    }

    let headline_text = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)
        .map(|b| &source[b.span.range()]);
    blocks.extend(body_blocks(source, rest, headline_text));
    blocks
}

/// The body's lines as blocks; `headline_text` repeated in the body is furniture.
fn body_blocks(source: &str, rest: &[Line], headline_text: Option<&str>) -> Vec<Block> {
    let mut body_blocks: Vec<Block> = Vec::new();
    let mut chunk_start = 0;
    let several_chunks = rest.iter().skip(1).any(|l| l.after_blank);
    for line in rest {
        if line.after_blank {
            chunk_start = body_blocks.len();
        }
        let text = &source[line.span.range()];
        // The headline repeated in the body (AP copy as a web page shows it) is the page's
        // furniture, not a subhead or a paragraph.
        let kind = match body_line_kind(text) {
            _ if Some(text) == headline_text => BlockKind::Furniture,
            kind => kind,
        };
        if kind == BlockKind::Caption && several_chunks {
            // Alt text pasted right above a credited caption is caption text too.
            for earlier in &mut body_blocks[chunk_start..] {
                if earlier.kind == BlockKind::Paragraph {
                    earlier.kind = BlockKind::Caption;
                }
            }
        }
        push_block(&mut body_blocks, source, kind, line.span, Vec::new());
    }
    demote_lists(&mut body_blocks);
    super::furniture::mark_polls(source, &mut body_blocks);
    body_blocks
}

/// Short lines one after another are a list — fixtures ("Arsenal v Stoke"), credits ("Drama -
/// Featherboy"), a match's venue and kick-off — not subheads, which stand alone between
/// paragraphs.
fn demote_lists(blocks: &mut [Block]) {
    let subhead = |b: Option<&Block>| b.is_some_and(|b| b.kind == BlockKind::Subhead);
    let in_list: Vec<bool> = (0..blocks.len())
        .map(|i| {
            subhead(blocks.get(i))
                && (subhead(i.checked_sub(1).and_then(|p| blocks.get(p)))
                    || subhead(blocks.get(i + 1)))
        })
        .collect();
    for (block, listed) in blocks.iter_mut().zip(in_list) {
        if listed {
            block.kind = BlockKind::Paragraph;
        }
    }
}

fn block(kind: BlockKind, span: Span) -> Block {
    Block {
        kind,
        span,
        markup: Vec::new(),
    }
}

/// The fewest words of a headline under a section label.
const MIN_HEADLINE_WORDS: usize = 4;

/// A headline does not end like a sentence or a clause and is not long.
fn looks_like_headline(text: &str) -> bool {
    let unquoted = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    !unquoted.ends_with(['.', ',', ';']) && super::text::words(text).count() <= 25
}

/// The non-blank lines of `source` (trimmed, without line ends), hard-wrapped ones joined.
fn logical_lines(source: &str) -> Vec<Line> {
    let body_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines: Vec<Line> = Vec::new();
    let mut after_blank = false;
    let mut offset = body_start;
    for raw in source[body_start..].split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let leading = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        // An HTML comment on its own line (a copydesk suppression) is not text.
        if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            continue;
        }
        let span = Span::new(start + leading, start + leading + trimmed.len());
        match lines.last_mut() {
            Some(previous)
                if !after_blank && continues(&source[previous.span.range()], trimmed) =>
            {
                previous.span.end = span.end;
            }
            _ => lines.push(Line {
                span,
                after_blank: after_blank && !lines.is_empty(),
            }),
        }
        after_blank = false;
    }
    lines
}

/// Whether `next` continues a hard-wrapped line rather than starting a new block.
fn continues(previous: &str, next: &str) -> bool {
    let ends_open = !previous.ends_with(['.', '?', '!', ':', '"', '”', '’', '\'', ')', ']', '|']);
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(source: &str) -> Vec<(BlockKind, &str)> {
        parse_draft(source)
            .into_iter()
            .map(|b| (b.kind, &source[b.span.range()]))
            .collect()
    }

    #[test]
    fn section_headline_captions_and_paragraphs() {
        let source = "US News\n\nDrone strike kills commander: officials\n\nA strike killed three people, officials said.\n\nPeople gather around a car.\nPeople gather as a car is towed. REUTERS\n\nNo other deaths were reported.\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Section, "US News"),
                (
                    BlockKind::Headline,
                    "Drone strike kills commander: officials"
                ),
                (
                    BlockKind::Paragraph,
                    "A strike killed three people, officials said."
                ),
                (BlockKind::Caption, "People gather around a car."),
                (
                    BlockKind::Caption,
                    "People gather as a car is towed. REUTERS"
                ),
                (BlockKind::Paragraph, "No other deaths were reported."),
            ]
        );
    }

    #[test]
    fn dek_datelines_and_crlf() {
        let source = "\u{feff}Mayor opens bridge\r\nThe city waited ten years for it.\r\n\r\nSPRINGFIELD (AP) — The bridge opened on Monday.\r\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Mayor opens bridge"),
                (BlockKind::Dek, "The city waited ten years for it."),
                (BlockKind::Dateline, "SPRINGFIELD (AP) —"),
                (BlockKind::Paragraph, "The bridge opened on Monday."),
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let source = "Council votes\n\nThe council voted on the budget\nlate on Tuesday, members said.\nA second vote follows.\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Council votes"),
                (
                    BlockKind::Paragraph,
                    "The council voted on the budget\nlate on Tuesday, members said."
                ),
                (BlockKind::Paragraph, "A second vote follows."),
            ]
        );
    }

    #[test]
    fn fixture_lists_trailers_repeated_headlines_and_unstopped_deks() {
        let source = "Rovers v United\n\nCity Park\n\nSaturday, 5 March\n\n1500 GMT\n\nThe referee is named.\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Rovers v United"),
                (BlockKind::Paragraph, "City Park"),
                (BlockKind::Paragraph, "Saturday, 5 March"),
                (BlockKind::Paragraph, "1500 GMT"),
                (BlockKind::Paragraph, "The referee is named."),
            ]
        );
        let source = "Mayor opens the long-awaited bridge\nTen years late and over budget\n\nMayor opens the long-awaited bridge\n\nThe bridge opened on Monday.\n\nWhat comes next\n\nTolls start in May.\n\nFollow her on Twitter: @cityreporter\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Mayor opens the long-awaited bridge"),
                (BlockKind::Dek, "Ten years late and over budget"),
                (BlockKind::Furniture, "Mayor opens the long-awaited bridge"),
                (BlockKind::Paragraph, "The bridge opened on Monday."),
                (BlockKind::Subhead, "What comes next"),
                (BlockKind::Paragraph, "Tolls start in May."),
                (BlockKind::Paragraph, "Follow her on Twitter: @cityreporter"),
            ]
        );
    }

    #[test]
    fn empty_and_blank_sources_have_no_blocks() {
        assert!(parse_draft("").is_empty());
        assert!(parse_draft("\n \r\n\t\n").is_empty());
    }
}
