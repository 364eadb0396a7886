//! An article assembled from a record's fields — a CMS export's headline, dek and body —
//! rather than read from one document.
//!
//! The headline and dek are blocks of their kind whatever they say (no heuristics guess them);
//! the body is read in its own format with no headline of its own. The source is the fields
//! joined by blank lines, in order, and [`Layout`] remembers where each field lies in it, so
//! that fixes can be written back field by field.

use super::layout::{Layout, Parts};
use super::{Article, Block, BlockKind, Format, ParseAs};
use crate::span::Span;

/// The blank line the fields are joined with.
const SEPARATOR: &str = "\n\n";

impl Article {
    /// The article of a record's fields, its body in `format`.
    pub fn assemble(name: impl Into<String>, parts: &Parts, format: Format) -> Self {
        let mut source = String::with_capacity(
            parts.body.len() + parts.headline.as_ref().map_or(0, String::len) + 64,
        );
        let mut place = |text: &str| {
            if !source.is_empty() {
                source.push_str(SEPARATOR);
            }
            let start = source.len();
            source.push_str(text);
            Span::new(start, source.len())
        };
        let headline = parts.headline.as_deref().map(&mut place);
        let dek = parts.dek.as_deref().map(&mut place);
        let body = place(&parts.body);
        let layout = Layout {
            headline,
            dek,
            body,
        };
        let mut blocks: Vec<Block> = [(BlockKind::Headline, headline), (BlockKind::Dek, dek)]
            .into_iter()
            .filter_map(|(kind, span)| Some((kind, trimmed(&source, span?)?)))
            .map(|(kind, span)| Block {
                kind,
                span,
                markup: Vec::new(),
            })
            .collect();
        let (body_blocks, tagged) = body_blocks(&source, &layout, format);
        blocks.extend(body_blocks);
        let mut article = Article::from_blocks(name.into(), source, format, blocks, &tagged);
        article.layout = Some(layout);
        article.date = article.dateline_date();
        article
    }

    /// The record's fields as they are now in the source, if the article is a record's.
    pub fn parts(&self) -> Option<Parts> {
        let layout = self.layout?;
        let text = |span: Span| self.contents[span.range()].to_owned();
        Some(Parts {
            headline: layout.headline.map(text),
            dek: layout.dek.map(text),
            body: text(layout.body),
        })
    }
}

/// The body's blocks (shifted to the body's place in `source`) and its `<q>` quotations. The
/// record's headline and dek stand: a heading or front-matter title in the body is a subhead,
/// a front-matter dek a paragraph.
fn body_blocks(source: &str, layout: &Layout, format: Format) -> (Vec<Block>, Vec<Span>) {
    let body = &source[layout.body.range()];
    let headline = layout.headline.map(|span| source[span.range()].trim());
    let parsed = (format.info().parse)(body, ParseAs::RecordBody { headline });
    let mut blocks = parsed.blocks;
    let at = layout.body.start;
    for block in &mut blocks {
        block.span = block.span.shift(at);
        for markup in &mut block.markup {
            *markup = markup.shift(at);
        }
        block.kind = match block.kind {
            BlockKind::Headline if layout.headline.is_some() => BlockKind::Subhead,
            BlockKind::Dek if layout.dek.is_some() => BlockKind::Paragraph,
            kind => kind,
        };
    }
    let tagged = parsed
        .tagged_quotes
        .into_iter()
        .map(|span| span.shift(at))
        .collect();
    (blocks, tagged)
}

/// `span` without the white space at its ends; `None` when nothing is left.
fn trimmed(source: &str, span: Span) -> Option<Span> {
    let text = &source[span.range()];
    let start = span.start + (text.len() - text.trim_start().len());
    let span = Span::new(start, start + text.trim().len());
    (!span.is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::super::tests::kinds;
    use super::*;

    fn parts(headline: &str, dek: Option<&str>, body: &str) -> Parts {
        Parts {
            headline: Some(headline.to_owned()),
            dek: dek.map(str::to_owned),
            body: body.to_owned(),
        }
    }

    #[test]
    fn headline_and_dek_are_the_fields_whatever_they_look_like() {
        // A headline that ends like a sentence and a dek after it stay what the record says.
        let record = parts(
            "Council votes.",
            Some("The city waited"),
            "WASHINGTON (Reuters) - The council voted on Monday.\n\nA second paragraph.",
        );
        let article = Article::assemble("story-1", &record, Format::Plain);
        assert_eq!(
            kinds(&article),
            [
                (BlockKind::Headline, "Council votes."),
                (BlockKind::Dek, "The city waited"),
                (BlockKind::Dateline, "WASHINGTON (Reuters) -"),
                (BlockKind::Paragraph, "The council voted on Monday."),
                (BlockKind::Paragraph, "A second paragraph."),
            ]
        );
        assert_eq!(article.parts(), Some(record));
    }

    #[test]
    fn an_html_body_keeps_its_markup_and_quotations_in_place() {
        let record = parts(
            "Mayor opens bridge",
            None,
            "<h1>Bridge</h1><p>She said <q>it is open</q> at noon.</p>",
        );
        let article = Article::assemble("story-2", &record, Format::Html);
        assert_eq!(
            kinds(&article),
            [
                (BlockKind::Headline, "Mayor opens bridge"),
                (BlockKind::Subhead, "Bridge"),
                (BlockKind::Paragraph, "She said <q>it is open</q> at noon."),
            ]
        );
        let quote = article.quotes.first().expect("the <q> quotation");
        assert_eq!(article.text(quote.span), "it is open");
        let layout = article.layout.expect("a record's layout");
        assert!(layout.holds(quote.span));
        let across = Span::new(layout.headline.unwrap().end - 1, layout.body.start + 1);
        assert!(!layout.holds(across));
    }

    #[test]
    fn a_record_without_a_headline_field_may_take_the_body_s() {
        let record = Parts {
            headline: None,
            dek: None,
            body: "# Mayor opens bridge\n\nThe bridge opened.".to_owned(),
        };
        let article = Article::assemble("story-3", &record, Format::Markdown);
        assert_eq!(
            article.headline().map(|b| article.text(b.span)),
            Some("Mayor opens bridge")
        );
    }
}
