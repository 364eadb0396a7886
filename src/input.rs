//! Finding and reading articles: paths are walked (honouring `.gitignore`), files are read as
//! bytes and decoded as UTF-8. A file that cannot be read is reported with the reason and the
//! rest are still read. [`project`] says which files a path written in a project's files (front
//! matter, a configuration, a pack) may reach.

use crate::article::{Article, Encoding, Format};
use ignore::WalkBuilder;
use std::io::Read;
use std::path::{Path, PathBuf};

pub mod project;

/// The extensions read when walking a folder. A file named on the command line is read whatever
/// its extension.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// File names (without extension, any case) that are project documents, not articles: skipped
/// when walking a folder, checked when named on the command line.
pub const NOT_ARTICLES: &[&str] = &[
    "README",
    "CHANGELOG",
    "CONTRIBUTING",
    "LICENSE",
    "CODE_OF_CONDUCT",
    "SECURITY",
];

/// How standard input is named when nothing names it.
pub const STDIN_NAME: &str = "<stdin>";

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin => STDIN_NAME.to_owned(),
        }
    }
}

/// Why an input was not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub name: String,
    pub message: String,
    /// `false` for inputs skipped on purpose (binary files), which do not fail the run.
    pub is_error: bool,
}

/// The extensions read when walking a folder for article records (`check --input jsonl`).
pub const RECORD_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// The sources named by `paths` (`-` is standard input), folders walked recursively in name
/// order for files with one of `extensions`, honouring `.gitignore`, `.ignore` and hidden-file
/// rules.
pub fn discover(paths: &[PathBuf], extensions: &[&str]) -> (Vec<Source>, Vec<InputProblem>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        if !path.is_dir() {
            // Named explicitly: read it whatever its extension; reading reports what is wrong.
            sources.push(Source::File(path.clone()));
            continue;
        }
        // `.gitignore` counts even outside a git repository: content folders often are not one.
        let walker = WalkBuilder::new(path)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if is_file
                        && has_extension(entry.path(), extensions)
                        && !is_project_document(entry.path())
                    {
                        sources.push(Source::File(entry.into_path()));
                    }
                }
                Err(e) => problems.push(InputProblem {
                    name: path.display().to_string(),
                    message: e.to_string(),
                    is_error: true,
                }),
            }
        }
    }
    (sources, problems)
}

fn is_project_document(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| NOT_ARTICLES.iter().any(|n| n.eq_ignore_ascii_case(stem)))
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Reads one source into an article.
pub fn read(source: &Source) -> Result<Article, InputProblem> {
    match source {
        Source::File(path) => read_file(path, &source.name()),
        Source::Stdin => read_stdin(STDIN_NAME, Format::Plain),
    }
}

/// Reads a file into an article named `name`, in the format its extension says.
pub fn read_file(path: &Path, name: &str) -> Result<Article, InputProblem> {
    let bytes = std::fs::read(path).map_err(|e| problem(name, format!("cannot read: {e}")))?;
    parse_bytes(name, bytes, Format::for_path(&path.to_string_lossy()))
}

/// Reads standard input into an article named `name`.
pub fn read_stdin(name: &str, format: Format) -> Result<Article, InputProblem> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| problem(name, format!("cannot read standard input: {e}")))?;
    parse_bytes(name, bytes, format)
}

/// Decodes bytes and parses them into an article that remembers their encoding.
pub fn parse_bytes(name: &str, bytes: Vec<u8>, format: Format) -> Result<Article, InputProblem> {
    let (text, encoding) = decode(bytes).map_err(|message| problem(name, message))?;
    let mut article = Article::parse(name, text, format);
    article.encoding = encoding;
    Ok(article)
}

/// An input that could not be read, which fails the run.
pub fn problem(name: &str, message: String) -> InputProblem {
    InputProblem {
        name: name.to_owned(),
        message,
        is_error: true,
    }
}

/// Text from a file's bytes, and the encoding to write it back in: UTF-8 (a UTF-8 byte-order
/// mark stays in the text), or UTF-16 with a byte-order mark. Anything else is an error that
/// fails the run: invalid UTF-8 names the offset of the first bad byte, NUL bytes without a
/// UTF-16 byte-order mark mean a binary file or UTF-16 that cannot be told apart from one.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Encoding), String> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        let ours = if encoding == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if malformed {
            return Err(format!(
                "not valid {}: it has unpaired surrogates or an odd number of bytes; save the file as UTF-8",
                encoding.name()
            ));
        }
        return Ok((text.into_owned(), ours));
    }
    if bytes.contains(&0) {
        return Err(
            "not text: it contains NUL bytes (a binary file, or UTF-16 without a byte-order mark); save it as UTF-8"
                .to_owned(),
        );
    }
    String::from_utf8(bytes)
        .map(|text| (text, Encoding::Utf8))
        .map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            format!(
                "not valid UTF-8: invalid byte sequence at byte offset {at}; save the file as UTF-8"
            )
        })
}

/// `text` in `encoding`, as it is written back to its file.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let units = |big_endian: bool| {
        let mut bytes = Vec::with_capacity(2 + text.len() * 2);
        for unit in std::iter::once(0xFEFF).chain(text.encode_utf16()) {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    };
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf16Le => units(false),
        Encoding::Utf16Be => units(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_the_offset_of_invalid_utf8() {
        let message = decode(b"caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(message.contains("byte offset 3"), "{message}");
        let message = decode(b"\x00\x01binary".to_vec()).unwrap_err();
        assert!(message.contains("NUL bytes"), "{message}");
        assert_eq!(
            decode("ok “quotes”".as_bytes().to_vec()).unwrap(),
            ("ok “quotes”".to_owned(), Encoding::Utf8)
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_round_trips() {
        let text = "Mayor’s “plan” — Zoë\r\nline two";
        for encoding in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let bytes = encode(text, encoding);
            assert_eq!(decode(bytes).unwrap(), (text.to_owned(), encoding));
        }
        let mut odd = encode("ab", Encoding::Utf16Le);
        odd.push(b'x');
        assert!(decode(odd).unwrap_err().contains("UTF-16LE"));
    }
}
