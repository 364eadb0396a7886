//! Reading a Markdown draft with pulldown-cmark.
//!
//! The headline is the front matter's `title` or else the first `# ` heading; later headings are
//! subheads. A paragraph directly under the headline that is wholly in emphasis is the dek (as is
//! front matter's `dek`, `description` or `subtitle`); front matter's `byline` or `author` is the
//! byline; its `sources` (a list of paths) are the documents the draft is grounded on. Other
//! paragraphs and list items are classified like plain-text lines (captions by
//! their credit, promo lines by their label). Code is never read as prose, and link targets,
//! emphasis marks and inline HTML are recorded as markup that rules do not match.

use super::classify::{body_line_kind, push_block};
use super::facts::calendar::story_date_in;
use super::label::StoryLabel;
use super::parser::{FormatInfo, ParseAs, Parsed};
use super::{Block, BlockKind};
use crate::span::Span;
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub const FORMAT: FormatInfo = FormatInfo {
    description: "markdown",
    extensions: &["md", "markdown"],
    aliases: &[],
    languages: &["markdown"],
    character_references: true,
    parse,
};

/// The blocks of a Markdown draft, and the `sources` its front matter names. A record's body
/// is read the same way (its headline above it changes nothing here).
fn parse(source: &str, _read: ParseAs<'_>) -> Parsed {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut blocks = Vec::new();
    let mut open: Option<OpenBlock> = None;
    let mut metadata: Option<MetadataBlockKind> = None;
    let mut sources = Vec::new();
    let mut label = None;
    let mut date = None;
    let (mut has_headline, mut looked_at) = (false, 0);
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => metadata = Some(kind),
            Event::End(TagEnd::MetadataBlock(_)) => metadata = None,
            Event::Text(_) if metadata.is_some() => {
                if let Some(kind) = metadata {
                    let found = front_matter(source, range, kind);
                    blocks.extend(found.blocks);
                    sources = found.sources;
                    label = found.label;
                    date = found.date;
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush(source, &mut open, &mut blocks);
                // Blocks are only added: each is looked at once for the headline.
                has_headline = has_headline
                    || blocks[looked_at..]
                        .iter()
                        .any(|b| b.kind == BlockKind::Headline);
                looked_at = blocks.len();
                let kind = if level == HeadingLevel::H1 && !has_headline {
                    BlockKind::Headline
                } else {
                    BlockKind::Subhead
                };
                open = Some(OpenBlock::new(Some(kind), range));
            }
            Event::Start(Tag::Paragraph) => {
                flush(source, &mut open, &mut blocks);
                open = Some(OpenBlock::new(None, range));
            }
            Event::Start(Tag::Item | Tag::List(_)) | Event::End(TagEnd::Item) => {
                flush(source, &mut open, &mut blocks);
                if matches!(event, Event::Start(Tag::Item)) {
                    open = Some(OpenBlock::new(None, range));
                }
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => {
                flush(source, &mut open, &mut blocks);
            }
            Event::Start(Tag::CodeBlock(_)) => flush(source, &mut open, &mut blocks),
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = &mut open {
                    block.text.push(range);
                }
            }
            _ => {}
        }
    }
    flush(source, &mut open, &mut blocks);
    blocks.sort_by_key(|b| b.span.start);
    Parsed {
        blocks,
        declared_sources: sources,
        tagged_quotes: Vec::new(),
        label,
        date,
    }
}

/// A block whose text events are still being collected.
struct OpenBlock {
    /// Known from the Markdown (a heading); `None` for paragraphs, classified by their text.
    kind: Option<BlockKind>,
    range: Range<usize>,
    text: Vec<Range<usize>>,
}

impl OpenBlock {
    fn new(kind: Option<BlockKind>, range: Range<usize>) -> Self {
        Self {
            kind,
            range,
            text: Vec::new(),
        }
    }
}

fn flush(source: &str, open: &mut Option<OpenBlock>, blocks: &mut Vec<Block>) {
    let Some(block) = open.take() else { return };
    let (Some(first), Some(last)) = (block.text.first(), block.text.last()) else {
        return;
    };
    // Trim white space (a trailing soft break) off the text's edges.
    let raw = &source[first.start..last.end];
    let start = first.start + (raw.len() - raw.trim_start().len());
    let end = last.end - (raw.len() - raw.trim_end().len());
    if start >= end {
        return;
    }
    let span = Span::new(start, end);
    let mut markup = Vec::new();
    let mut cursor = start;
    for piece in &block.text {
        if piece.start > cursor {
            markup.push(Span::new(cursor, piece.start.min(end)));
        }
        cursor = cursor.max(piece.end);
    }
    let text = &source[span.range()];
    let kind = block.kind.unwrap_or_else(|| {
        let after_headline = blocks.last().is_some_and(|b| b.kind == BlockKind::Headline);
        let raw_block = source[block.range.clone()].trim();
        let emphasized = raw_block.len() > 2
            && (raw_block.starts_with('*') && raw_block.ends_with('*')
                || raw_block.starts_with('_') && raw_block.ends_with('_'));
        match body_line_kind(text) {
            BlockKind::Paragraph if after_headline && emphasized => BlockKind::Dek,
            // Markdown marks subheads as headings; a short paragraph is just a paragraph.
            BlockKind::Subhead => BlockKind::Paragraph,
            other => other,
        }
    });
    push_block(blocks, source, kind, span, markup);
}

/// Front-matter fields that are part of the article, with the block kind each becomes.
const FRONT_MATTER_FIELDS: &[(&str, BlockKind)] = &[
    ("title", BlockKind::Headline),
    ("dek", BlockKind::Dek),
    ("description", BlockKind::Dek),
    ("subtitle", BlockKind::Dek),
    ("byline", BlockKind::Byline),
    ("author", BlockKind::Byline),
];

/// What front matter says of a draft.
#[derive(Default)]
struct FrontMatter {
    /// Blocks for its title, dek and byline, each spanning its value in the source.
    blocks: Vec<Block>,
    /// The `sources` it lists.
    sources: Vec<String>,
    /// The label its `type` gives the story.
    label: Option<StoryLabel>,
    /// The story's date, from its `date`.
    date: Option<chrono::NaiveDate>,
}

/// What the front matter in `range` says.
fn front_matter(source: &str, range: Range<usize>, kind: MetadataBlockKind) -> FrontMatter {
    let text = &source[range.clone()];
    let label;
    let date;
    let (values, sources): (Vec<(BlockKind, String)>, Vec<String>) = match kind {
        MetadataBlockKind::YamlStyle => {
            let Ok(serde_yaml_ng::Value::Mapping(map)) = serde_yaml_ng::from_str(text) else {
                return FrontMatter::default();
            };
            date = map
                .get("date")
                .and_then(|v| v.as_str())
                .and_then(story_date_in);
            label = map
                .get("type")
                .and_then(|v| v.as_str())
                .and_then(StoryLabel::named);
            let values = FRONT_MATTER_FIELDS
                .iter()
                .filter_map(|(key, kind)| {
                    let value = map.get(*key)?.as_str()?;
                    Some((*kind, value.to_owned()))
                })
                .collect();
            let sources = match map.get("sources") {
                Some(serde_yaml_ng::Value::Sequence(list)) => list
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                Some(serde_yaml_ng::Value::String(one)) => vec![one.clone()],
                _ => Vec::new(),
            };
            (values, sources)
        }
        MetadataBlockKind::PlusesStyle => {
            let Ok(table) = text.parse::<toml::Table>() else {
                return FrontMatter::default();
            };
            date = match table.get("date") {
                Some(toml::Value::String(text)) => story_date_in(text),
                Some(toml::Value::Datetime(when)) => story_date_in(&when.to_string()),
                _ => None,
            };
            label = table
                .get("type")
                .and_then(|v| v.as_str())
                .and_then(StoryLabel::named);
            let values = FRONT_MATTER_FIELDS
                .iter()
                .filter_map(|(key, kind)| Some((*kind, table.get(*key)?.as_str()?.to_owned())))
                .collect();
            let sources = match table.get("sources") {
                Some(toml::Value::Array(list)) => list
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                Some(toml::Value::String(one)) => vec![one.clone()],
                _ => Vec::new(),
            };
            (values, sources)
        }
    };
    let mut blocks: Vec<Block> = Vec::new();
    for (kind, value) in values {
        if blocks.iter().any(|b| b.kind == kind) || value.trim().is_empty() {
            continue;
        }
        // The value as written on its key's line; a value that is escaped or folded over several
        // lines is located at its line instead.
        let Some(line_start) = text
            .lines()
            .scan(0, |offset, line| {
                let start = *offset;
                *offset += line.len() + 1;
                Some((start, line))
            })
            .find(|(_, line)| value_line_matches(line, kind))
            .map(|(start, _)| start)
        else {
            continue;
        };
        let line = text[line_start..].lines().next().unwrap_or_default();
        let span = match line.find(value.as_str()) {
            Some(at) => Span::new(line_start + at, line_start + at + value.len()),
            None => Span::new(line_start, line_start + line.len()),
        };
        blocks.push(Block {
            kind,
            span: span.shift(range.start),
            markup: Vec::new(),
        });
    }
    FrontMatter {
        blocks,
        sources,
        label,
        date,
    }
}

fn value_line_matches(line: &str, kind: BlockKind) -> bool {
    FRONT_MATTER_FIELDS.iter().any(|(key, field_kind)| {
        *field_kind == kind
            && line.strip_prefix(key).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with(':') || rest.starts_with('=')
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(source: &str) -> Vec<(BlockKind, &str, Vec<&str>)> {
        parse(source, ParseAs::Draft)
            .blocks
            .into_iter()
            .map(|b| {
                let markup = b.markup.iter().map(|m| &source[m.range()]).collect();
                (b.kind, &source[b.span.range()], markup)
            })
            .collect()
    }

    #[test]
    fn headings_dek_and_markup() {
        let source = "# Mayor opens bridge\n\n*The city waited ten years.*\n\n## Traffic\n\nSee [the map](https://example.com/color) now.\n\n```\ncode is not prose\n```\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Mayor opens bridge", vec![]),
                (BlockKind::Dek, "The city waited ten years.", vec![]),
                (BlockKind::Subhead, "Traffic", vec![]),
                (
                    BlockKind::Paragraph,
                    "See [the map](https://example.com/color) now.",
                    vec!["[", "](https://example.com/color)"]
                ),
            ]
        );
    }

    #[test]
    fn yaml_and_toml_front_matter() {
        let yaml = "---\ntitle: \"Mayor opens bridge\"\nauthor: Jane Doe\ntags: [a]\n---\n\nThe bridge opened.\n";
        assert_eq!(
            model(yaml),
            [
                (BlockKind::Headline, "Mayor opens bridge", vec![]),
                (BlockKind::Byline, "Jane Doe", vec![]),
                (BlockKind::Paragraph, "The bridge opened.", vec![]),
            ]
        );
        let toml = "+++\ntitle = \"Mayor opens bridge\"\ndek = \"Ten years late\"\n+++\n\nThe bridge opened.\n";
        assert_eq!(
            model(toml),
            [
                (BlockKind::Headline, "Mayor opens bridge", vec![]),
                (BlockKind::Dek, "Ten years late", vec![]),
                (BlockKind::Paragraph, "The bridge opened.", vec![]),
            ]
        );
    }

    #[test]
    fn front_matter_type_labels_the_story() {
        use crate::article::label::StoryLabel;
        let yaml = "---\ntitle: Harbour plan\ntype: Opinion\n---\n\nText.\n";
        assert_eq!(parse(yaml, ParseAs::Draft).label, Some(StoryLabel::Opinion));
        let toml = "+++\ntitle = \"Harbour plan\"\ntype = \"review\"\n+++\n\nText.\n";
        assert_eq!(parse(toml, ParseAs::Draft).label, Some(StoryLabel::Review));
        let news = "---\ntitle: Harbour plan\ntype: news\n---\n\nText.\n";
        assert_eq!(parse(news, ParseAs::Draft).label, None);
    }

    #[test]
    fn front_matter_names_sources() {
        let yaml = "---\ntitle: T\nsources:\n  - wire.txt\n  - notes/call.md\n---\n\nText.\n";
        assert_eq!(
            parse(yaml, ParseAs::Draft).declared_sources,
            ["wire.txt", "notes/call.md"]
        );
        let toml = "+++\ntitle = \"T\"\nsources = \"wire.txt\"\n+++\n\nText.\n";
        assert_eq!(parse(toml, ParseAs::Draft).declared_sources, ["wire.txt"]);
    }

    #[test]
    fn tight_list_items_are_paragraphs() {
        let source = "# Title\n\n- first point\n- second point\n";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Title", vec![]),
                (BlockKind::Paragraph, "first point", vec![]),
                (BlockKind::Paragraph, "second point", vec![]),
            ]
        );
    }
}
