//! Reading an HTML export from a CMS with html5gum, a WHATWG-compliant tokenizer that reports
//! the byte span of every token, so blocks and diagnostics point at the original source.
//!
//! `<h1>` is the headline (else `<title>`), `<h2>`–`<h6>` are subheads, `<p>` and `<li>` are
//! paragraphs (classified like plain-text lines: captions by their credit, promo lines by their
//! label), `<figcaption>` is a caption, paragraphs inside `<aside>` are promo lines, and an
//! element whose class names a dek (`dek`, `standfirst`, `subtitle`, `summary`) or a byline
//! (`byline`, `author`) is one. `<q>` elements are direct quotations. Scripts, styles, the
//! `<head>` (but its title), navigation and footers are not read. Tags and entities between
//! pieces of text are markup that rules do not match.

use super::classify::{body_line_kind, push_block};
use super::elements::Elements;
use super::parser::{FormatInfo, ParseAs, Parsed};
use super::{Block, BlockKind};
use crate::span::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose text is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "head", "svg", "button", "form",
];

/// Elements that make a block of their own.
const BLOCKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "figcaption",
    "title",
    "dd",
    "dt",
    "td",
    "th",
];

/// A block whose text is still being collected.
struct Open {
    element: String,
    kind: Option<BlockKind>,
    text: Vec<Span>,
}

pub const FORMAT: FormatInfo = FormatInfo {
    description: "html",
    extensions: &["html", "htm"],
    aliases: &[],
    languages: &["html"],
    character_references: true,
    parse,
};

/// The blocks of an HTML export, and the spans of its `<q>` quotations. A record's body is
/// read the same way (its headline above it changes nothing here).
fn parse(source: &str, _read: ParseAs<'_>) -> Parsed {
    let mut reader = Reader {
        source,
        blocks: Vec::new(),
        stack: Elements::new(),
        open: None,
        title: None,
        quotations: Vec::new(),
        quote_start: Vec::new(),
        has_headline: false,
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style bodies are raw text, as a browser reads them.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag) => reader.start_tag(&tag),
            Token::EndTag(tag) => reader.end_tag(&tag),
            Token::String(text) => reader.text(Span::new(text.span.start, text.span.end)),
            _ => {}
        }
    }
    reader.finish()
}

/// The state of reading an export, token by token.
struct Reader<'s> {
    source: &'s str,
    blocks: Vec<Block>,
    /// The open elements, with the block kind a class gave each.
    stack: Elements,
    open: Option<Open>,
    title: Option<Span>,
    quotations: Vec<Span>,
    /// Where each open `<q>` element's text starts.
    quote_start: Vec<usize>,
    /// Whether a block is the headline yet (a later `<h1>` is a subhead).
    has_headline: bool,
}

impl Reader<'_> {
    fn start_tag(&mut self, tag: &html5gum::StartTag<usize>) {
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        let class = tag
            .attributes
            .get(b"class".as_slice())
            .map(|v| String::from_utf8_lossy(&v.value).to_ascii_lowercase())
            .unwrap_or_default();
        let marked = class_kind(&class);
        if name == "q" {
            self.quote_start.push(tag.span.end);
        }
        if BLOCKS.contains(&name.as_str()) {
            self.flush();
            let kind = marked.or_else(|| element_kind(&name, &self.stack));
            self.open = Some(Open {
                element: name.clone(),
                kind,
                text: Vec::new(),
            });
        }
        let void = tag.self_closing
            || matches!(
                name.as_str(),
                "br" | "img" | "hr" | "meta" | "link" | "input" | "wbr" | "source"
            );
        if !void {
            self.stack.open(name, marked);
        }
    }

    fn end_tag(&mut self, tag: &html5gum::EndTag<usize>) {
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        // A quotation nested in another is part of it: only the outermost is recorded, so
        // quotations never overlap.
        if name == "q"
            && let Some(start) = self.quote_start.pop()
            && self.quote_start.is_empty()
        {
            self.quotations
                .push(Span::new(start, tag.span.start.max(start)));
        }
        if self.open.as_ref().is_some_and(|o| o.element == name) {
            if name == "title" {
                self.title = self
                    .open
                    .as_ref()
                    .and_then(|o| o.text.first().zip(o.text.last()))
                    .map(|(a, b)| Span::new(a.start, b.end));
                self.open = None;
            } else {
                self.flush();
            }
        }
        self.stack.close(&name);
    }

    fn text(&mut self, span: Span) {
        let skipped = SKIPPED.iter().any(|name| self.stack.inside(name))
            && self.open.as_ref().is_none_or(|o| o.element != "title");
        if skipped {
            return;
        }
        match &mut self.open {
            Some(block) => block.text.push(span),
            None => {
                // Text straight inside a container (a <div>, a <blockquote>) is a paragraph.
                if !self.source[span.range()].trim().is_empty() {
                    let kind = element_kind("div", &self.stack);
                    self.open = Some(Open {
                        element: String::new(),
                        kind,
                        text: vec![span],
                    });
                }
            }
        }
    }

    /// The blocks in order, with the `<title>` as the headline where there is no `<h1>`.
    fn finish(mut self) -> Parsed {
        self.flush();
        if !self.blocks.iter().any(|b| b.kind == BlockKind::Headline)
            && let Some(span) = self.title
        {
            let trimmed = trim(self.source, span);
            if !trimmed.is_empty() {
                self.blocks.insert(
                    0,
                    Block {
                        kind: BlockKind::Headline,
                        span: trimmed,
                        markup: Vec::new(),
                    },
                );
            }
        }
        self.blocks.sort_by_key(|b| b.span.start);
        Parsed {
            blocks: self.blocks,
            declared_sources: Vec::new(),
            tagged_quotes: self.quotations,
            label: None,
            date: None,
        }
    }
}

/// The block kind a class attribute names.
fn class_kind(class: &str) -> Option<BlockKind> {
    let has = |word: &str| class.split_whitespace().any(|c| c.contains(word));
    if has("dek") || has("standfirst") || has("subtitle") || has("summary") {
        Some(BlockKind::Dek)
    } else if has("byline") || has("author") {
        Some(BlockKind::Byline)
    } else if has("caption") {
        Some(BlockKind::Caption)
    } else if has("promo") || has("related") {
        Some(BlockKind::Promo)
    } else {
        None
    }
}

/// The kind an element's own name gives its block, given the elements around it.
fn element_kind(name: &str, stack: &Elements) -> Option<BlockKind> {
    if let Some(kind) = stack.marked() {
        return Some(kind);
    }
    let inside = |element: &str| stack.inside(element);
    match name {
        "h1" => Some(BlockKind::Headline),
        "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Subhead),
        "figcaption" => Some(BlockKind::Caption),
        "title" => None,
        _ if inside("aside") => Some(BlockKind::Promo),
        _ if inside("figcaption") => Some(BlockKind::Caption),
        _ => None,
    }
}

fn trim(source: &str, span: Span) -> Span {
    let text = &source[span.range()];
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    Span::new(start, end.max(start))
}

impl Reader<'_> {
    /// Ends the open block, if any, and adds it to the blocks.
    fn flush(&mut self) {
        let source = self.source;
        let Some(block) = self.open.take() else {
            return;
        };
        let (Some(first), Some(last)) = (block.text.first(), block.text.last()) else {
            return;
        };
        let span = trim(source, Span::new(first.start, last.end));
        if span.is_empty() {
            return;
        }
        let mut markup = Vec::new();
        for pair in block.text.windows(2) {
            if pair[1].start > pair[0].end {
                markup.push(Span::new(pair[0].end, pair[1].start));
            }
        }
        let text = &source[span.range()];
        let mut kind = block.kind.unwrap_or_else(|| match body_line_kind(text) {
            // HTML marks subheads as headings; a short paragraph is just a paragraph.
            BlockKind::Subhead => BlockKind::Paragraph,
            other => other,
        });
        if kind == BlockKind::Headline && std::mem::replace(&mut self.has_headline, true) {
            kind = BlockKind::Subhead;
        }
        push_block(&mut self.blocks, source, kind, span, markup);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(source: &str) -> Vec<(BlockKind, &str)> {
        parse(source, ParseAs::Draft)
            .blocks
            .into_iter()
            .map(|b| (b.kind, &source[b.span.range()]))
            .collect()
    }

    #[test]
    fn cms_export_structure() {
        let source = "<html><head><title>Site | Mayor opens bridge</title><style>p{color:red}</style></head><body>\n<nav><a href=\"/\">Home</a></nav>\n<h1>Mayor opens bridge</h1>\n<p class=\"standfirst\">Ten years late.</p>\n<p class=\"byline\">By Jane Doe</p>\n<p>SPRINGFIELD (AP) — The bridge <a href=\"/x\">opened</a> on Monday &amp; traffic flowed.</p>\n<figure><img src=\"a.jpg\"><figcaption>Cars cross the bridge. REUTERS</figcaption></figure>\n<h2>What next</h2>\n<aside><p>Related: Council votes</p></aside>\n<p>She said <q>it is done</q>.</p>\n<script>var x = 'not text';</script>\n<footer>© News</footer></body></html>";
        assert_eq!(
            model(source),
            [
                (BlockKind::Headline, "Mayor opens bridge"),
                (BlockKind::Dek, "Ten years late."),
                (BlockKind::Byline, "By Jane Doe"),
                (BlockKind::Dateline, "SPRINGFIELD (AP) —"),
                (
                    BlockKind::Paragraph,
                    "The bridge <a href=\"/x\">opened</a> on Monday &amp; traffic flowed."
                ),
                (BlockKind::Caption, "Cars cross the bridge. REUTERS"),
                (BlockKind::Subhead, "What next"),
                (BlockKind::Promo, "Related: Council votes"),
                (BlockKind::Paragraph, "She said <q>it is done</q>."),
            ]
        );
        let parsed = parse(source, ParseAs::Draft);
        let quote = parsed.tagged_quotes[0];
        assert_eq!(&source[quote.range()], "it is done");
    }

    #[test]
    fn a_quotation_nested_in_another_is_part_of_it() {
        let source = "<p>She said <q>he told me <q>go</q> and the rest</q> today.</p>";
        let parsed = parse(source, ParseAs::Draft);
        let quotes: Vec<&str> = parsed
            .tagged_quotes
            .iter()
            .map(|q| &source[q.range()])
            .collect();
        assert_eq!(quotes, ["he told me <q>go</q> and the rest"]);
    }

    #[test]
    fn title_is_the_headline_without_h1() {
        let source = "<title>Mayor opens bridge</title><p>The bridge opened.</p>";
        assert_eq!(
            model(source)[0],
            (BlockKind::Headline, "Mayor opens bridge")
        );
    }
}
