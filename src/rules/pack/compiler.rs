//! What a kind's `compile` function works with: the combined matcher to register literals and
//! regexes in, the house style in force, data files beside the pack, and located errors.

use super::DEFAULT_PACK;
use crate::input;
use crate::input::project::Confinement;
use crate::located::LocatedError;
use crate::rules::dictionary::Dictionary;
use crate::rules::matcher::gate_table::built_in_gate;
use crate::rules::matcher::{self, MatcherBuilder};
use crate::rules::style::HouseStyle;
use crate::span::Span;
use regex_automata::nfa::thompson;
use regex_syntax::hir::Hir;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// What a kind's `compile` gets: a place to register literals and regexes, and to report
/// located errors.
pub struct Compiler<'a> {
    pub rule: usize,
    /// The id of the rule being compiled.
    pub rule_id: &'a str,
    pub matcher: &'a mut MatcherBuilder,
    /// The house style of the configuration in force.
    pub style: &'a HouseStyle,
    pub(super) pack: usize,
    /// The pack file's text.
    pub(super) source: &'a str,
    pub(super) location: &'a PackLocation,
    pub(super) errors: &'a mut Vec<LocatedError>,
    /// The word lists this load has read, shared by every rule that names the same text.
    pub(super) word_lists: &'a mut Vec<Dictionary>,
}

impl Compiler<'_> {
    pub fn error(&mut self, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.errors.push(LocatedError {
            file: self.pack,
            span: Some(span),
            message: message.into(),
            label: label.into(),
        });
    }

    /// Reports a house-style value (`[style] preferred` of the configuration) that this rule
    /// rejects: at the value in the configuration file, or at `fallback` in the pack.
    pub fn style_error(&mut self, fallback: Span, message: impl Into<String>) {
        let id = self.rule_id;
        let at = self
            .style
            .origin
            .as_ref()
            .and_then(|origin| origin.preferred_spans.get(id));
        match at {
            Some(&span) => self.errors.push(LocatedError {
                file: STYLE_FILE,
                span: Some(span),
                message: message.into(),
                label: "set here".to_owned(),
            }),
            None => self.error(fallback, message, "this rule"),
        }
    }

    /// Adds a regex written in the pack to the matcher as pattern `number` of this rule,
    /// reporting a bad or oversized one at its span; `false` when it was not added.
    ///
    /// A built-in pack's pattern whose gate `build.rs` computed is not parsed now: the test
    /// suite checks every one (`embedded_packs_pass_every_check`), and the matcher parses it
    /// the first time its gate opens. Any other pattern is parsed once here, and the matcher
    /// keeps the parsed form; whether it fits the size limit is checked by building its
    /// automaton once, and the matcher compiles it for searching only when an article needs it.
    pub fn add_regex(
        &mut self,
        number: u32,
        pattern: &Spanned<String>,
        case_insensitive: bool,
    ) -> bool {
        if matches!(self.location, PackLocation::Embedded(_))
            && let Some(gate) = built_in_gate(pattern.get_ref(), case_insensitive)
        {
            self.matcher.add_unparsed_regex(
                self.rule,
                number,
                pattern.get_ref().clone(),
                case_insensitive,
                gate,
            );
            return true;
        }
        match self.parse_regex(pattern, case_insensitive) {
            Some(hir) => {
                self.matcher.add_regex(self.rule, number, hir);
                true
            }
            None => false,
        }
    }

    /// Parses a regex written in the pack, reporting a bad or oversized one at its span.
    fn parse_regex(&mut self, pattern: &Spanned<String>, case_insensitive: bool) -> Option<Hir> {
        let parsed = matcher::pattern::parse(pattern.get_ref(), case_insensitive);
        let hir = match parsed {
            Ok(hir) => hir,
            Err(e) => {
                let span = self.regex_error_span(pattern, &e);
                let reason = match e.as_ref() {
                    regex_syntax::Error::Parse(e) => e.kind().to_string(),
                    regex_syntax::Error::Translate(e) => e.kind().to_string(),
                    other => one_line(&other.to_string()),
                };
                self.error(span, format!("invalid regex: {reason}"), "here");
                return None;
            }
        };
        // The built-in packs are checked by the test suite (`embedded_packs_pass_every_check`):
        // a run does not build each of their automata once more only to throw it away.
        if matches!(self.location, PackLocation::Embedded(_)) {
            return Some(hir);
        }
        let size_check = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                    .shrink(false),
            )
            .build_from_hir(&hir);
        if let Err(e) = size_check {
            let reason = match e.size_limit() {
                Some(limit) => format!(
                    "it compiles to more than the size limit of {} KiB; use fewer or smaller repetitions",
                    limit / 1024
                ),
                None => one_line(&e.to_string()),
            };
            self.error(
                pattern.span().into(),
                format!("invalid regex: {reason}"),
                "here",
            );
            return None;
        }
        Some(hir)
    }

    /// Where in the TOML a regex syntax error is: the exact character when the pattern is a
    /// TOML literal string ('…', no escapes to shift offsets), otherwise the whole string.
    fn regex_error_span(&self, pattern: &Spanned<String>, error: &regex_syntax::Error) -> Span {
        let whole = Span::from(pattern.span());
        let at = match error {
            regex_syntax::Error::Parse(e) => e.span(),
            regex_syntax::Error::Translate(e) => e.span(),
            _ => return whole,
        };
        let literal = self
            .source
            .get(whole.range())
            .is_some_and(|raw| raw.starts_with('\''));
        if literal {
            let start = whole.start + 1;
            Span::new(
                start + at.start.offset,
                start + at.end.offset.max(at.start.offset + 1),
            )
        } else {
            whole
        }
    }

    /// The path in the built-in pack of a data file a built-in pack names, or `None` for a
    /// pack read from disk or given as text.
    pub fn embedded_data_name(&self, path: &Spanned<String>) -> Option<String> {
        let PackLocation::Embedded(name) = self.location else {
            return None;
        };
        let dir = name.rsplit_once('/').map_or("", |(dir, _)| dir);
        Some(normalize(&format!("{dir}/{}", path.get_ref())))
    }

    /// Reads a data file named in the pack (relative to the pack file, inside its project). A
    /// file that may not be read, or is not text, is an error at the name that names no byte
    /// of it; and a kind reporting a bad line of the text reports where it is, not what it
    /// says, since the file need not be the pack author's.
    pub fn data_file(&mut self, path: &Spanned<String>) -> Option<Cow<'static, str>> {
        let found = match self.location {
            PackLocation::Embedded(_) => {
                let wanted = self.embedded_data_name(path).unwrap_or_default();
                DEFAULT_PACK
                    .iter()
                    .find(|(name, _)| *name == wanted)
                    .map(|(_, text)| Cow::Borrowed(*text))
                    .ok_or_else(|| "not a file of the built-in pack".to_owned())
            }
            PackLocation::Text => {
                Err("a pack given as text has no folder to read data files from".to_owned())
            }
            PackLocation::Disk { file, within } => {
                let folder = file.parent().unwrap_or(Path::new("."));
                read_data_file(folder, path.get_ref(), within).map(Cow::Owned)
            }
        };
        match found {
            Ok(text) => Some(text),
            Err(reason) => {
                self.error(
                    path.span().into(),
                    format!("cannot read data file: {reason}"),
                    "named here",
                );
                None
            }
        }
    }

    /// Reads a word list named in the pack ([`Dictionary`]); a line that breaks its format is
    /// an error at the name, saying which line and how. Rules that name the same list (the
    /// built-in pack's English words serve five) share one, checked and indexed once.
    pub fn word_list(&mut self, path: &Spanned<String>) -> Option<Dictionary> {
        let text = self.data_file(path)?;
        // The built-in lists are one text each: the same address settles it without
        // comparing their bytes.
        let same = |list: &&Dictionary| std::ptr::eq(list.text(), &*text) || list.text() == text;
        if let Some(known) = self.word_lists.iter().find(same) {
            return Some(known.clone());
        }
        match Dictionary::parse(text) {
            Ok(dictionary) => {
                self.word_lists.push(dictionary.clone());
                Some(dictionary)
            }
            Err(error) => {
                self.error(
                    path.span().into(),
                    format!(
                        "line {} of the word list is not one lower-case word: {}",
                        error.line, error.problem
                    ),
                    "in this file",
                );
                None
            }
        }
    }
}

/// The text of the data file `written` names, relative to `folder`, if it lies `within` and is
/// text; the reason otherwise, which names the file and shows nothing of it.
fn read_data_file(folder: &Path, written: &str, within: &Confinement) -> Result<String, String> {
    let full = within
        .resolve(folder, written)
        .map_err(|refusal| refusal.to_string())?;
    let bytes = std::fs::read(&full).map_err(|e| format!("{}: {e}", full.display()))?;
    input::decode(bytes)
        .map(|(text, _)| text)
        .map_err(|reason| format!("{} is {reason}", full.display()))
}

/// The file index of errors located in the configuration that set the house style; loading
/// gives them the index of that file once all packs are read.
pub(super) const STYLE_FILE: usize = usize::MAX;

/// The largest compiled regex a pack may hold, so a runaway pattern is an error, not an
/// out-of-memory.
const REGEX_SIZE_LIMIT: usize = 2 << 20;

/// A `/`-separated path with `.` and `..` segments resolved.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// Where a pack was read from, which says where its data files are.
pub(super) enum PackLocation {
    Text,
    Embedded(&'static str),
    /// A file on disk, whose data files must lie `within`.
    Disk {
        file: PathBuf,
        within: Confinement,
    },
}

pub(super) fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
