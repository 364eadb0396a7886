//! The input formats: one table, the [`formats!`] list below, one line per format. A format
//! is a file of this folder — its parser — holding a [`FormatInfo`] named `FORMAT`
//! (`article/parser.rs`): the file extensions that choose it, the other names a record or a
//! request may give it, the editor languages that hold it, and its parser. Folder walks,
//! article records, the HTTP API, the language server, pack fixtures and `dump-model` all read
//! this table, so adding a format is its file (and its `mod` line in `article/mod.rs`) and one
//! line here.

use super::parser::FormatInfo;

/// Declares the input formats: each line is a variant of [`Format`] and the `FORMAT` that
/// describes it, in the format's own file of this folder.
macro_rules! formats {
    ($($variant:ident => $info:path),* $(,)?) => {
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
                    $(Format::$variant => &$info),*
                }
            }
        }
    };
}

// One line per input format.
formats! {
    Plain => super::plain::FORMAT,
    Markdown => super::markdown::FORMAT,
    Html => super::html::FORMAT,
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
