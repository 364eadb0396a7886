//! The input formats: one table, the [`formats!`] list below, one line per
//! format. A format is a file of this folder — its parser — holding a [`FormatInfo`] named
//! `FORMAT`: the file extensions that choose it, the other names a record or a request may give
//! it, the editor languages that hold it, and its parser. Folder walks, article records, the
//! HTTP API, the language server and `dump-model` all read this table, so adding a format is
//! its file (and its `mod` line in `article/mod.rs`) and one line here.

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

/// Declares the input formats: each line is a variant of [`Format`] and the module (a file of
/// this folder) whose `FORMAT` describes it.
macro_rules! formats {
    ($($variant:ident => $module:ident),* $(,)?) => {
        /// An input format copydesk reads; [`Format::info`] is what the table says of it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Format {
            $($variant),*
        }

        impl Format {
            /// Every input format, in the order of the table.
            pub const ALL: &[Format] = &[$(Format::$variant),*];

            /// What the table says of this format.
            pub fn info(self) -> &'static FormatInfo {
                match self {
                    $(Format::$variant => &super::$module::FORMAT),*
                }
            }
        }
    };
}

// One line per input format.
formats! {
    Plain => plain,
    Markdown => markdown,
    Html => html,
}

impl Format {
    /// How a file is read when no format claims its extension, and standard input with no name.
    pub const FALLBACK: Format = Format::Plain;

    /// How `dump-model` names it ("plain text").
    pub fn description(self) -> &'static str {
        self.info().description
    }

    /// Its name in records and requests, and the extension of a virtual name (`txt`, `md`).
    pub fn short_name(self) -> &'static str {
        self.info().extensions.first().copied().unwrap_or_default()
    }

    /// The format a record or a request names: one of a format's extensions or other names
    /// (`txt`, `text`, `plain`, `md`, `markdown`, `html`, `htm`), in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|format| {
            let info = format.info();
            info.extensions
                .iter()
                .chain(info.aliases)
                .any(|known| known.eq_ignore_ascii_case(name))
        })
    }

    /// The format whose extension `path` ends with (after its last `.`, in any case), if any.
    pub fn of_path(path: &str) -> Option<Self> {
        let (_, extension) = path.rsplit_once('.')?;
        Self::ALL.iter().copied().find(|format| {
            format
                .info()
                .extensions
                .iter()
                .any(|known| known.eq_ignore_ascii_case(extension))
        })
    }

    /// The format a file or a virtual name is read in: the one its extension says, or else
    /// [`Format::FALLBACK`].
    pub fn for_path(path: &str) -> Self {
        Self::of_path(path).unwrap_or(Self::FALLBACK)
    }

    /// The format of an editor buffer in `language` (its LSP `languageId`), if copydesk reads it.
    pub fn for_language(language: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|format| format.info().languages.contains(&language))
    }

    /// The formats' names for an error message: `"txt", "md" or "html"`.
    pub fn names_for_error() -> String {
        let names: Vec<String> = Self::ALL
            .iter()
            .map(|format| format!("\"{}\"", format.short_name()))
            .collect();
        match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

/// A format is read from its name (see [`Format::from_name`]); any other name is an error
/// that lists the formats.
impl<'de> serde::Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Format::from_name(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown format `{name}`: use {}",
                Format::names_for_error()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_and_extension_finds_its_own_format() {
        for &format in Format::ALL {
            let info = format.info();
            assert!(!info.extensions.is_empty(), "{format:?} has no extension");
            for name in info.extensions.iter().chain(info.aliases) {
                assert_eq!(Format::from_name(name), Some(format), "{name}");
                assert_eq!(Format::from_name(&name.to_uppercase()), Some(format));
            }
            for extension in info.extensions {
                assert_eq!(
                    Format::of_path(&format!("a/draft.{extension}")),
                    Some(format)
                );
                let upper = format!("DRAFT.{}", extension.to_uppercase());
                assert_eq!(Format::for_path(&upper), format);
            }
            for language in info.languages {
                assert_eq!(Format::for_language(language), Some(format));
            }
        }
        assert_eq!(Format::of_path("notes.docx"), None);
        assert_eq!(Format::of_path("folder.md/notes"), None);
        assert_eq!(Format::for_path("<stdin>"), Format::FALLBACK);
        assert_eq!(Format::from_name("docx"), None);
        assert_eq!(Format::names_for_error(), "\"txt\", \"md\" or \"html\"");
    }
}
