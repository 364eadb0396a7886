//! Finding and reading files: folders are walked (honouring `.gitignore`) for the files of an
//! input format, files are read as bytes and decoded as UTF-8 (or UTF-16 with a byte-order
//! mark). A file that cannot be read is reported with the reason and the rest are still read.
//! Which format a file is in is the table of [`Format`]; where a document comes from, and the
//! one function that reads it, are the pipeline's (`pipeline::DraftOrigin`). [`project`] says
//! which files a path written in a project's files (front matter, a configuration, a pack) may
//! reach.

use crate::article::{Article, Encoding, Format};
use ignore::WalkBuilder;
use std::io::Read;
use std::path::{Path, PathBuf};

pub mod project;

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

/// Why an input was not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub name: String,
    pub message: String,
    /// `false` for inputs skipped on purpose (binary files), which do not fail the run.
    pub is_error: bool,
}

/// Every extension an input format claims, in the order of the table (`txt`, `md`, `markdown`,
/// `html`, `htm`): what a folder walk for drafts looks for.
pub fn draft_extensions() -> impl Iterator<Item = &'static str> {
    Format::ALL
        .iter()
        .flat_map(|format| format.info().extensions.iter().copied())
}

/// The extensions of exports of article records (`check --input jsonl`).
pub const RECORD_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// Whether a walk of a folder for drafts yields `path`: its extension is one that an input
/// format claims (in any case; the table is [`Format`]'s), and it is not a project document
/// (`README.md` …, [`NOT_ARTICLES`]). This is what `check` walks folders for, and what a pack's
/// `fixtures/` folder should be read for, so that both take the same drafts.
pub fn is_draft_file(path: &Path) -> bool {
    let name = path.file_name().map(|name| name.to_string_lossy());
    name.is_some_and(|name| Format::of_path(&name).is_some()) && !is_project_document(path)
}

/// Whether a walk of a folder for article records (`check --input jsonl`) yields `path`: a
/// `.jsonl` or `.ndjson` file ([`RECORD_EXTENSIONS`], in any case) that is not a project
/// document.
pub fn is_record_export(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str());
    extension.is_some_and(|e| RECORD_EXTENSIONS.iter().any(|r| r.eq_ignore_ascii_case(e)))
        && !is_project_document(path)
}

/// The files under `folder` that `wanted` accepts ([`is_draft_file`], [`is_record_export`]),
/// walked recursively in name order, honouring `.gitignore`, `.ignore` and hidden-file rules;
/// and what could not be walked.
pub fn walk(folder: &Path, wanted: fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<InputProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // `.gitignore` counts even outside a git repository: content folders often are not one.
    let walker = WalkBuilder::new(folder)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && wanted(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            Err(e) => problems.push(problem(&folder.display().to_string(), e.to_string())),
        }
    }
    (files, problems)
}

fn is_project_document(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| NOT_ARTICLES.iter().any(|n| n.eq_ignore_ascii_case(stem)))
}

/// The bytes of the file at `path`, which problems name `name`.
pub fn read_bytes(path: &Path, name: &str) -> Result<Vec<u8>, InputProblem> {
    std::fs::read(path).map_err(|e| problem(name, format!("cannot read: {e}")))
}

/// The bytes of standard input, which problems name `name`.
pub fn read_stdin_bytes(name: &str) -> Result<Vec<u8>, InputProblem> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| problem(name, format!("cannot read standard input: {e}")))?;
    Ok(bytes)
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
