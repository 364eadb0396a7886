//! Rule packs: TOML files → a compiled [`RuleSet`].
//!
//! A pack is one TOML file with a `[pack]` header and one array of tables per rule kind
//! (`[[existence]]`, `[[preferred-term]]` …). Every problem — TOML syntax, an unknown key, a bad
//! regex, an unknown scope, a rule without examples — becomes a [`PackError`] located in the file,
//! and all of a pack's validation errors are reported together.

use super::kinds::{self, AnySpec};
use super::matcher::MatcherBuilder;
use super::{Example, Origin, PackSource, Rule, RuleMeta, RuleSet, Scope};
use crate::article::BlockKind;
use crate::config::HouseStyle;
use crate::diagnostic::Severity;
use crate::span::Span;
use regex_automata::nfa::thompson;
use regex_syntax::hir::Hir;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The pack compiled into the binary: every file under `rules/`, by its path.
pub const DEFAULT_PACK: &[(&str, &str)] = &[
    ("rules/core.toml", include_str!("../../rules/core.toml")),
    (
        "rules/news/tone.toml",
        include_str!("../../rules/news/tone.toml"),
    ),
    (
        "rules/news/attribution.toml",
        include_str!("../../rules/news/attribution.toml"),
    ),
    (
        "rules/news/quotations.toml",
        include_str!("../../rules/news/quotations.toml"),
    ),
    (
        "rules/news/artifacts.toml",
        include_str!("../../rules/news/artifacts.toml"),
    ),
    (
        "rules/news/loaded-wording.toml",
        include_str!("../../rules/news/loaded-wording.toml"),
    ),
    (
        "rules/news/grounding.toml",
        include_str!("../../rules/news/grounding.toml"),
    ),
    (
        "rules/spelling/us-uk-common.tsv",
        include_str!("../../rules/spelling/us-uk-common.tsv"),
    ),
    (
        "rules/words/english.txt",
        include_str!("../../rules/words/english.txt"),
    ),
];

/// Where a pack comes from.
#[derive(Debug, Clone)]
pub enum PackInput {
    /// A file of [`DEFAULT_PACK`]; its data files are looked up there too.
    Embedded {
        name: &'static str,
        text: &'static str,
    },
    /// A TOML file on disk; its data files are read relative to its folder.
    File(PathBuf),
    /// A pack given as text (an editor integration, a fuzzer); it can name no data files.
    Text { name: String, text: String },
}

impl PackInput {
    /// The TOML files of the default pack.
    pub fn defaults() -> Vec<PackInput> {
        DEFAULT_PACK
            .iter()
            .filter(|(name, _)| name.ends_with(".toml"))
            .map(|&(name, text)| PackInput::Embedded { name, text })
            .collect()
    }

    /// A `--rules` argument: a TOML file, or a folder whose `*.toml` files (recursively, in
    /// name order) are packs.
    pub fn from_path(path: &Path) -> Result<Vec<PackInput>, String> {
        if path.is_dir() {
            let mut files = Vec::new();
            collect_toml(path, &mut files)
                .map_err(|e| format!("cannot read rule folder {}: {e}", path.display()))?;
            files.sort();
            if files.is_empty() {
                return Err(format!("no .toml rule packs in {}", path.display()));
            }
            Ok(files.into_iter().map(PackInput::File).collect())
        } else {
            Ok(vec![PackInput::File(path.to_path_buf())])
        }
    }
}

/// The drafts a `fixtures` entry names: the file itself, or a folder's `.txt` and `.md` files
/// in name order.
fn fixture_drafts(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut drafts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    drafts.sort();
    Ok(drafts)
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// A problem with a pack, located in its file where it can be.
#[derive(Debug, Clone)]
pub struct PackError {
    /// Index into [`PackErrors::packs`].
    pub pack: usize,
    pub span: Option<Span>,
    pub message: String,
    /// What the label under the span says.
    pub label: String,
}

/// Every error found while loading packs, with the pack sources to show them against.
#[derive(Debug)]
pub struct PackErrors {
    pub packs: Vec<PackSource>,
    pub errors: Vec<PackError>,
}

/// The `[pack]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PackHeader {
    name: String,
    #[serde(default)]
    description: String,
    /// Fixture drafts (files, or folders of `.txt` and `.md` files) relative to the pack,
    /// checked by `copydesk test` against `DRAFT.expected`.
    #[serde(default)]
    fixtures: Vec<Spanned<String>>,
}

/// A pack file: its header and one array of tables per kind (the registry of kinds is
/// [`kinds::KINDS`]; adding a kind adds a line here and one there).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PackFile {
    pack: PackHeader,
    #[serde(default)]
    existence: Vec<kinds::existence::Spec>,
    #[serde(default)]
    preferred_term: Vec<kinds::preferred_term::Spec>,
    #[serde(default)]
    consistency: Vec<kinds::consistency::Spec>,
    #[serde(default)]
    spelling_system: Vec<kinds::spelling_system::Spec>,
    #[serde(default)]
    repetition: Vec<kinds::repetition::Spec>,
    #[serde(default)]
    length: Vec<kinds::length::Spec>,
    #[serde(default)]
    headline_form: Vec<kinds::headline_form::Spec>,
    #[serde(default)]
    headline_case: Vec<kinds::headline_case::Spec>,
    #[serde(default)]
    attribution: Vec<kinds::attribution::Spec>,
    #[serde(default)]
    quotation: Vec<kinds::quotation::Spec>,
    #[serde(default)]
    glued_words: Vec<kinds::glued_words::Spec>,
    #[serde(default)]
    duplicate_block: Vec<kinds::duplicate_block::Spec>,
    #[serde(default)]
    source_fact: Vec<kinds::source_fact::Spec>,
    #[serde(default)]
    source_quote: Vec<kinds::source_quote::Spec>,
    #[serde(default)]
    variants: Vec<kinds::variants::Spec>,
    #[serde(default)]
    first_reference: Vec<kinds::first_reference::Spec>,
}

/// The fields every rule table has; each kind's `Spec` is declared with [`rule_spec!`], which
/// adds these to the kind's own fields.
pub struct Common {
    pub id: Spanned<String>,
    pub severity: Severity,
    pub message: Spanned<String>,
    pub scope: Option<Vec<Spanned<BlockKind>>>,
    pub in_quotes: bool,
    pub help: Option<Spanned<String>>,
    pub rationale: String,
    pub must_fire: Vec<Spanned<String>>,
    pub must_not_fire: Vec<Spanned<String>>,
    pub preview: bool,
    pub enabled: bool,
}

/// Rules run unless their table says `enabled = false`.
pub fn enabled_by_default() -> bool {
    true
}

/// Declares a kind's rule table: the common fields ([`Common`]) plus the kind's own.
#[macro_export]
macro_rules! rule_spec {
    ($(#[$attr:meta])* pub struct Spec { $($body:tt)* }) => {
        $(#[$attr])*
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct Spec {
            pub id: toml::Spanned<String>,
            #[serde(default)]
            pub severity: $crate::diagnostic::Severity,
            pub message: toml::Spanned<String>,
            #[serde(default)]
            pub scope: Option<Vec<toml::Spanned<$crate::article::BlockKind>>>,
            #[serde(default)]
            pub in_quotes: bool,
            #[serde(default)]
            pub help: Option<toml::Spanned<String>>,
            pub rationale: String,
            #[serde(default)]
            pub must_fire: Vec<toml::Spanned<String>>,
            #[serde(default)]
            pub must_not_fire: Vec<toml::Spanned<String>>,
            #[serde(default)]
            pub preview: bool,
            #[serde(default = "crate::rules::pack::enabled_by_default")]
            pub enabled: bool,
            $($body)*
        }

        impl Spec {
            pub fn common(&self) -> $crate::rules::pack::Common {
                $crate::rules::pack::Common {
                    id: self.id.clone(),
                    severity: self.severity,
                    message: self.message.clone(),
                    scope: self.scope.clone(),
                    in_quotes: self.in_quotes,
                    help: self.help.clone(),
                    rationale: self.rationale.clone(),
                    must_fire: self.must_fire.clone(),
                    must_not_fire: self.must_not_fire.clone(),
                    preview: self.preview,
                    enabled: self.enabled,
                }
            }
        }
    };
}

/// What a kind's `compile` gets: a place to register literals and regexes, and to report
/// located errors.
pub struct Compiler<'a> {
    pub rule: usize,
    pub matcher: &'a mut MatcherBuilder,
    /// The house style of the configuration in force.
    pub style: &'a HouseStyle,
    pack: usize,
    /// The pack file's text.
    source: &'a str,
    location: &'a PackLocation,
    errors: &'a mut Vec<PackError>,
}

impl Compiler<'_> {
    pub fn error(&mut self, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.errors.push(PackError {
            pack: self.pack,
            span: Some(span),
            message: message.into(),
            label: label.into(),
        });
    }

    /// Parses a regex written in the pack, reporting a bad or oversized one at its span. The
    /// pattern is parsed once; what the matcher keeps is the parsed form, so nothing is
    /// printed and parsed again. Whether it fits the size limit is checked here by building
    /// its automaton once; the matcher compiles it for searching only when an article needs it.
    pub fn regex(&mut self, pattern: &Spanned<String>, case_insensitive: bool) -> Option<Hir> {
        let parsed = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .build()
            .parse(pattern.get_ref());
        let hir = match parsed {
            Ok(hir) => ascii_word_boundaries(&hir),
            Err(e) => {
                let span = self.regex_error_span(pattern, &e);
                let reason = match &e {
                    regex_syntax::Error::Parse(e) => e.kind().to_string(),
                    regex_syntax::Error::Translate(e) => e.kind().to_string(),
                    other => one_line(&other.to_string()),
                };
                self.error(span, format!("invalid regex: {reason}"), "here");
                return None;
            }
        };
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

    /// Reads a data file named in the pack (relative to the pack file).
    pub fn data_file(&mut self, path: &Spanned<String>) -> Option<Cow<'static, str>> {
        let found = match self.location {
            PackLocation::Embedded(name) => {
                let dir = name.rsplit_once('/').map_or("", |(dir, _)| dir);
                let wanted = normalize(&format!("{dir}/{}", path.get_ref()));
                DEFAULT_PACK
                    .iter()
                    .find(|(name, _)| *name == wanted)
                    .map(|(_, text)| Cow::Borrowed(*text))
                    .ok_or_else(|| "not a file of the built-in pack".to_owned())
            }
            PackLocation::Text => {
                Err("a pack given as text has no folder to read data files from".to_owned())
            }
            PackLocation::Disk(file) => {
                let full = file.parent().unwrap_or(Path::new(".")).join(path.get_ref());
                std::fs::read_to_string(&full)
                    .map(Cow::Owned)
                    .map_err(|e| format!("{}: {e}", full.display()))
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
}

/// The pattern with its word boundaries (`\b`, `\B`, `\<`, `\>`) made ASCII ones, so every
/// regex runs on the DFA engines even over text with curly quotes and accents (a Unicode word
/// boundary sends the regex engine to its slowest path on non-ASCII text). `\w` and classes
/// stay Unicode.
fn ascii_word_boundaries(hir: &Hir) -> Hir {
    use regex_syntax::hir::{HirKind, Look};
    match hir.kind() {
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(rep) => Hir::repetition(regex_syntax::hir::Repetition {
            sub: Box::new(ascii_word_boundaries(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(regex_syntax::hir::Capture {
            sub: Box::new(ascii_word_boundaries(&cap.sub)),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_word_boundaries).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(ascii_word_boundaries).collect())
        }
        _ => hir.clone(),
    }
}

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

enum PackLocation {
    Text,
    Embedded(&'static str),
    Disk(PathBuf),
}

fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Loads and compiles packs, in order, with no house style. Rule ids must be unique.
pub fn load(inputs: &[PackInput]) -> Result<RuleSet, PackErrors> {
    load_with(inputs, &HouseStyle::default())
}

/// Loads and compiles packs, in order, with a configuration's house style. Rule ids must be
/// unique across packs.
pub fn load_with(inputs: &[PackInput], style: &HouseStyle) -> Result<RuleSet, PackErrors> {
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    let mut matcher = MatcherBuilder::default();
    let mut rules: Vec<Rule> = Vec::new();
    let mut seen_ids: HashMap<String, (usize, Span)> = HashMap::new();

    for input in inputs {
        let (name, text, location) = match input {
            PackInput::Text { name, text } => (name.clone(), text.clone(), PackLocation::Text),
            PackInput::Embedded { name, text } => (
                (*name).to_owned(),
                (*text).to_owned(),
                PackLocation::Embedded(name),
            ),
            PackInput::File(path) => match std::fs::read_to_string(path) {
                Ok(text) => (
                    path.display().to_string(),
                    text,
                    PackLocation::Disk(path.clone()),
                ),
                Err(e) => {
                    packs.push(PackSource {
                        name: path.display().to_string(),
                        text: String::new(),
                        ..PackSource::default()
                    });
                    errors.push(PackError {
                        pack: packs.len() - 1,
                        span: None,
                        message: format!("cannot read rule pack {}: {e}", path.display()),
                        label: String::new(),
                    });
                    continue;
                }
            },
        };
        let pack = packs.len();
        packs.push(PackSource {
            name,
            text,
            ..PackSource::default()
        });
        let file: PackFile = match toml::from_str(&packs[pack].text) {
            Ok(file) => file,
            Err(e) => {
                errors.push(PackError {
                    pack,
                    span: e.span().map(Span::from),
                    message: one_line(e.message()),
                    label: "here".to_owned(),
                });
                continue;
            }
        };
        let (header, specs) = file.into_specs();
        if let PackLocation::Disk(file) = &location {
            let folder = file.parent().unwrap_or(Path::new(".")).to_path_buf();
            for fixture in &header.fixtures {
                match fixture_drafts(&folder.join(fixture.get_ref())) {
                    Ok(drafts) => packs[pack].fixtures.extend(drafts),
                    Err(reason) => errors.push(PackError {
                        pack,
                        span: Some(fixture.span().into()),
                        message: format!("cannot read fixtures: {reason}"),
                        label: "named here".to_owned(),
                    }),
                }
            }
            packs[pack].folder = Some(folder);
        }
        packs[pack].title = header.name;
        packs[pack].description = header.description;
        for spec in specs {
            let common = spec.common();
            let id_span = Span::from(common.id.span());
            if let Some((first_pack, first_span)) = seen_ids.get(common.id.get_ref()) {
                let where_ = if *first_pack == pack {
                    format!(
                        "line {}",
                        crate::span::LineIndex::new(&packs[pack].text)
                            .line_col(first_span.start)
                            .0
                    )
                } else {
                    packs[*first_pack].name.clone()
                };
                errors.push(PackError {
                    pack,
                    span: Some(id_span),
                    message: format!(
                        "duplicate rule id `{}` (first defined in {where_})",
                        common.id.get_ref()
                    ),
                    label: "defined again here".to_owned(),
                });
                continue;
            }
            seen_ids.insert(common.id.get_ref().clone(), (pack, id_span));
            let errors_before = errors.len();
            let meta = validate_common(&common, spec.kind(), pack, &mut errors);
            let mut compiler = Compiler {
                rule: rules.len(),
                matcher: &mut matcher,
                style,
                pack,
                source: &packs[pack].text,
                location: &location,
                errors: &mut errors,
            };
            let check = spec.compile(&mut compiler);
            if let (Some(meta), Some(check), true) = (meta, check, errors.len() == errors_before) {
                rules.push(Rule { meta, check });
            }
        }
    }
    if !errors.is_empty() {
        return Err(PackErrors { packs, errors });
    }
    let matcher = matcher.build().map_err(|message| PackErrors {
        errors: vec![PackError {
            pack: 0,
            span: None,
            message,
            label: String::new(),
        }],
        packs: packs.clone(),
    })?;
    let enabled = rules
        .iter()
        .map(|r| !r.meta.preview && r.meta.enabled)
        .collect();
    Ok(RuleSet {
        rules,
        packs,
        matcher,
        enabled,
    })
}

impl PackFile {
    /// The rule tables of every kind, in the order they stand in the file.
    fn into_specs(self) -> (PackHeader, Vec<AnySpec>) {
        let mut specs: Vec<AnySpec> = std::iter::empty()
            .chain(self.existence.into_iter().map(AnySpec::Existence))
            .chain(self.preferred_term.into_iter().map(AnySpec::PreferredTerm))
            .chain(self.consistency.into_iter().map(AnySpec::Consistency))
            .chain(
                self.spelling_system
                    .into_iter()
                    .map(AnySpec::SpellingSystem),
            )
            .chain(self.repetition.into_iter().map(AnySpec::Repetition))
            .chain(self.length.into_iter().map(AnySpec::Length))
            .chain(self.headline_form.into_iter().map(AnySpec::HeadlineForm))
            .chain(self.headline_case.into_iter().map(AnySpec::HeadlineCase))
            .chain(self.attribution.into_iter().map(AnySpec::Attribution))
            .chain(self.quotation.into_iter().map(AnySpec::Quotation))
            .chain(self.glued_words.into_iter().map(AnySpec::GluedWords))
            .chain(
                self.duplicate_block
                    .into_iter()
                    .map(AnySpec::DuplicateBlock),
            )
            .chain(self.source_quote.into_iter().map(AnySpec::SourceQuote))
            .chain(self.source_fact.into_iter().map(AnySpec::SourceFact))
            .chain(self.variants.into_iter().map(AnySpec::Variants))
            .chain(
                self.first_reference
                    .into_iter()
                    .map(AnySpec::FirstReference),
            )
            .collect();
        specs.sort_by_key(|spec| spec.common().id.span().start);
        (self.pack, specs)
    }
}

/// Checks what every rule must have and builds its [`RuleMeta`].
fn validate_common(
    common: &Common,
    kind: &'static kinds::KindInfo,
    pack: usize,
    errors: &mut Vec<PackError>,
) -> Option<RuleMeta> {
    let id_span = Span::from(common.id.span());
    let mut error = |span: Span, message: String, label: &str| {
        errors.push(PackError {
            pack,
            span: Some(span),
            message,
            label: label.to_owned(),
        });
    };
    let mut ok = true;
    let id = common.id.get_ref();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    {
        error(
            id_span,
            format!("rule id `{id}` must be non-empty ASCII letters, digits, `-`, `.` or `_`"),
            "this id",
        );
        ok = false;
    }
    let templates = std::iter::once(&common.message).chain(common.help.as_ref());
    for template in templates {
        for (offset, name) in super::placeholders(template.get_ref()) {
            if !kind.placeholders.contains(&name) {
                // +1 steps over the opening quote of the TOML string.
                let start = template.span().start + 1 + offset;
                error(
                    Span::new(start, start + name.len() + 2),
                    format!(
                        "unknown placeholder `{{{name}}}` for a {} rule (known: {})",
                        kind.name,
                        kind.placeholders
                            .iter()
                            .map(|p| format!("{{{p}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "not a placeholder of this kind",
                );
                ok = false;
            }
        }
    }
    if common.must_fire.is_empty() || common.must_not_fire.is_empty() {
        let missing = match (common.must_fire.is_empty(), common.must_not_fire.is_empty()) {
            (true, true) => "`must-fire` and `must-not-fire` examples",
            (true, false) => "`must-fire` examples",
            _ => "`must-not-fire` examples",
        };
        error(
            id_span,
            format!(
                "rule `{id}` has no {missing}; every rule needs a text that must fire and one that must stay quiet"
            ),
            "this rule",
        );
        ok = false;
    }
    if common.rationale.trim().is_empty() {
        error(
            id_span,
            format!("rule `{id}` has an empty `rationale`"),
            "this rule",
        );
        ok = false;
    }
    let scope = match &common.scope {
        Some(kinds) if kinds.is_empty() => {
            error(
                id_span,
                format!("rule `{id}` has an empty `scope`"),
                "this rule",
            );
            ok = false;
            Scope::default()
        }
        Some(kinds) => Scope::of(&kinds.iter().map(|k| *k.get_ref()).collect::<Vec<_>>()),
        None => Scope::of(kind.default_scope),
    };
    let examples = |list: &[Spanned<String>]| {
        list.iter()
            .map(|e| Example {
                text: e.get_ref().clone(),
                span: e.span().into(),
            })
            .collect()
    };
    ok.then(|| RuleMeta {
        id: id.clone(),
        kind: kind.name,
        severity: common.severity,
        message: common.message.get_ref().clone(),
        scope,
        in_quotes: common.in_quotes,
        help: common.help.as_ref().map(|h| h.get_ref().clone()),
        rationale: common.rationale.clone(),
        must_fire: examples(&common.must_fire),
        must_not_fire: examples(&common.must_not_fire),
        preview: common.preview,
        enabled: common.enabled,
        origin: Origin { pack, id_span },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_pack_lists_every_file_under_rules() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk = Vec::new();
        let mut stack = vec![root.join("rules")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    // Fixture drafts are read from disk by `copydesk test`, not embedded.
                    if !path.ends_with("fixtures") {
                        stack.push(path);
                    }
                } else if path
                    .extension()
                    .is_some_and(|e| e == "toml" || e == "tsv" || e == "txt")
                    && !path.to_string_lossy().ends_with("LICENSE.txt")
                {
                    on_disk.push(
                        path.strip_prefix(root)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/"),
                    );
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = DEFAULT_PACK.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "update DEFAULT_PACK in src/rules/pack.rs"
        );
    }

    #[test]
    fn the_default_pack_loads() {
        let set = load(&PackInput::defaults()).unwrap_or_else(|e| panic!("{:?}", e.errors));
        assert!(!set.rules.is_empty());
    }
}
