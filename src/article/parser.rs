//! What every input format's parser is: its entry in the table ([`FormatInfo`]), what it is
//! asked to read ([`ParseAs`]) and what it gives ([`Parsed`]). The table itself is
//! `article/format.rs`.

use super::Block;
use crate::span::Span;

/// What a parser is asked to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseAs<'a> {
    /// A whole draft, which finds its own headline (or has none).
    Draft,
    /// The body field of an article record, under the record's own `headline`; the caller turns
    /// any headline the body has of its own into a subhead.
    RecordBody { headline: Option<&'a str> },
}

/// What every parser gives.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// Source documents the draft names itself (Markdown front matter `sources`), as written.
    pub declared_sources: Vec<String>,
    /// Quotations marked up as such (HTML `<q>`), which carry no quotation marks of their own.
    pub tagged_quotes: Vec<Span>,
    /// What the draft says it is (Markdown front matter `type`), when it is not news.
    pub label: Option<super::label::StoryLabel>,
    /// The story's date (Markdown front matter `date`).
    pub date: Option<chrono::NaiveDate>,
}

/// One input format, as the table lists it.
pub struct FormatInfo {
    /// How `dump-model` names it ("plain text").
    pub description: &'static str,
    /// The file extensions (lower case, no dot) that choose it, in any case. The first is its
    /// name in records and requests, and the extension given to a virtual name that has none.
    pub extensions: &'static [&'static str],
    /// Other names a record or a request may give it, in any case.
    pub aliases: &'static [&'static str],
    /// The language ids an editor gives a buffer in this format (the LSP `languageId`).
    pub languages: &'static [&'static str],
    /// Whether its text may spell characters as references (`&rdquo;`), quotation marks too.
    pub character_references: bool,
    /// Its parser.
    pub parse: fn(&str, ParseAs<'_>) -> Parsed,
}
