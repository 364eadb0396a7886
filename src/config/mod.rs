//! Project configuration: `copydesk.toml` (or `.copydesk.toml`), found by walking up from each
//! checked file; the nearest wins. `--config FILE` names one for every file; `--isolated`
//! ignores them all. Command-line flags add to what a file says.
//!
//! ```toml
//! [rules]
//! select = ["core", "news-tone"]      # ids, id prefixes or pack names; all when absent
//! extend-select = ["news.quote.straight-marks"]   # add rules, including ones off by default
//! ignore = ["loaded-wording"]
//! packs = ["house-rules/"]            # more packs, relative to this file, inside the project
//! preview = false
//! severity = { "news.quote.speaker" = "warning" }
//!
//! [style]
//! spelling = "uk"                     # the spelling-system rule's house system
//! headline-case = "sentence"          # or "title", "consistent"
//! preferred = { "consistency.ceasefire" = "cease-fire" }
//!
//! [files]
//! exclude = ["archive/**"]
//!
//! [[overrides]]
//! paths = ["opinion/**"]
//! ignore = ["news.tone"]
//!
//! [records]                           # article records (`check --input jsonl`)
//! format = "html"
//! fields = { headline = "fields.headline", body = "fields.body" }
//! ```

use crate::diagnostic::Severity;
use crate::input::project::{Confined, Confinement};
use crate::located::{ErrorFile, LocatedError, LocatedErrors};
use crate::rules::RuleSet;
use crate::rules::kinds::headline_case;
use crate::rules::kinds::spelling_system::System;
use crate::rules::style::{HouseStyle, StyleOrigin};
use crate::span::Span;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

mod discovery;
mod profile;
mod records;

pub use discovery::Discovery;
pub use profile::Profile;
pub use records::{FieldPath, RecordFields};

/// The names a configuration file may have, in the order they are looked for.
pub use crate::input::project::CONFIG_FILE_NAMES as FILE_NAMES;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    rules: RulesSection,
    #[serde(default)]
    style: StyleSection,
    #[serde(default)]
    files: FilesSection,
    #[serde(default)]
    overrides: Vec<OverrideSection>,
    #[serde(default)]
    records: records::RecordsSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RulesSection {
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    packs: Vec<Spanned<String>>,
    #[serde(default)]
    preview: bool,
    #[serde(default)]
    no_default_rules: bool,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct StyleSection {
    #[serde(default)]
    spelling: Option<System>,
    #[serde(default)]
    headline_case: Option<headline_case::Style>,
    #[serde(default)]
    preferred: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FilesSection {
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct OverrideSection {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
}

/// Rule selection as a config file or the command line states it.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    /// Rules added to the selection, including rules that are off by default.
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// Severity overrides by rule id, id prefix or pack name.
    pub severity: Vec<(String, Severity)>,
}

/// A per-path adjustment of the selection.
#[derive(Debug, Clone)]
pub struct Override {
    paths: GlobSet,
    pub selection: Selection,
}

/// How `[[overrides]]` paths find a document: a file by its path relative to the
/// configuration's folder, a record by its id as written.
#[derive(Debug, Clone, Copy)]
pub enum Document<'a> {
    File(&'a Path),
    Record(&'a str),
}

/// A loaded configuration (or the defaults, where there is no file).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from.
    pub path: Option<PathBuf>,
    /// The packs `[rules] packs` names, each inside the project.
    pub packs: Vec<Confined>,
    pub no_default_rules: bool,
    pub preview: bool,
    pub selection: Selection,
    pub style: HouseStyle,
    exclude: Option<GlobSet>,
    overrides: Vec<Override>,
    /// The file's text and the spans of its selectors, to report unknown rules at them.
    source: Option<ErrorFile>,
    selector_spans: Vec<(String, Span)>,
    /// The folder its relative paths start from.
    pub folder: Option<PathBuf>,
    /// Where the fields of an article record are (`[records]`).
    pub records: RecordFields,
}

impl Config {
    /// Reads and parses a configuration file. Errors point into the file. A configuration
    /// that is a link leading out of its project (for a `copydesk.toml`, its own folder) is
    /// refused unread, as any path in the project's files is.
    pub fn load(path: &Path) -> Result<Config, LocatedErrors> {
        let name = path.display().to_string();
        let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Confinement::project(&folder)
            .admit(path)
            .map_err(|refusal| {
                let message = format!("refused configuration `{name}`: {}", refusal.reason());
                config_error(&name, "", None, message)
            })?;
        let text = std::fs::read_to_string(path)
            .map_err(|e| config_error(&name, "", None, format!("cannot read {name}: {e}")))?;
        let mut config = Config::parse(&name, text, &folder)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses a configuration given as text (an editor buffer, an HTTP request), named `name`
    /// in errors; its `packs` and globs are relative to `folder`, and a pack outside the
    /// project `folder` lies in is an error at its value.
    pub fn parse(name: &str, text: String, folder: &Path) -> Result<Config, LocatedErrors> {
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            config_error(
                name,
                &text,
                e.span().map(Span::from),
                e.message().trim().to_owned(),
            )
        })?;
        let records = file.records.resolve(name, &text)?;
        let packs = confined_packs(name, &text, folder, &file.rules.packs)?;
        let globs = |list: &[Spanned<String>]| glob_set(name, &text, list);
        let exclude = if file.files.exclude.is_empty() {
            None
        } else {
            Some(globs(&file.files.exclude)?)
        };
        let mut selector_spans = Vec::new();
        let rules = &file.rules;
        let selection = selection_of(
            [&rules.select, &rules.extend_select, &rules.ignore],
            &rules.severity,
            &mut selector_spans,
        );
        let mut overrides = Vec::new();
        for section in &file.overrides {
            let selection = selection_of(
                [&section.select, &Vec::new(), &section.ignore],
                &section.severity,
                &mut selector_spans,
            );
            overrides.push(Override {
                paths: globs(&section.paths)?,
                selection,
            });
        }
        let preferred_spans = file
            .style
            .preferred
            .iter()
            .map(|(id, value)| (id.clone(), Span::from(value.span())))
            .collect();
        let source = ErrorFile {
            name: name.to_owned(),
            text,
        };
        Ok(Config {
            packs,
            no_default_rules: rules.no_default_rules,
            preview: rules.preview,
            selection,
            style: HouseStyle {
                spelling: file.style.spelling,
                headline_case: file.style.headline_case,
                preferred: file
                    .style
                    .preferred
                    .into_iter()
                    .map(|(id, value)| (id, value.into_inner()))
                    .collect(),
                origin: Some(StyleOrigin {
                    file: source.clone(),
                    preferred_spans,
                }),
            },
            exclude,
            overrides,
            source: Some(source),
            selector_spans,
            path: None,
            folder: Some(folder.to_path_buf()),
            records,
        })
    }

    /// The folder paths in the file are relative to.
    fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// `path` relative to the config's folder, for glob matching.
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|cwd| cwd.join(path))
                .unwrap_or_else(|_| path.to_path_buf())
        });
        match self
            .folder()
            .and_then(|dir| std::fs::canonicalize(dir).ok())
        {
            Some(dir) => absolute
                .strip_prefix(&dir)
                .map(Path::to_path_buf)
                .unwrap_or(absolute),
            None => path.to_path_buf(),
        }
    }

    /// Whether `[files] exclude` leaves `path` out.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|set| set.is_match(self.relative(path)))
    }

    /// The selections that apply to a document: the file's own, then each matching override.
    pub fn selections_for(&self, document: Document<'_>) -> Vec<&Selection> {
        let relative = match document {
            Document::File(path) => self.relative(path),
            Document::Record(id) => PathBuf::from(id),
        };
        std::iter::once(&self.selection)
            .chain(
                self.overrides
                    .iter()
                    .filter(|o| o.paths.is_match(&relative))
                    .map(|o| &o.selection),
            )
            .collect()
    }

    /// Every selector the file names, to check against the loaded rules.
    pub fn check_selectors(&self, rules: &RuleSet) -> Result<(), LocatedErrors> {
        let Some(source) = &self.source else {
            return Ok(());
        };
        let errors: Vec<LocatedError> = self
            .selector_spans
            .iter()
            .filter(|(name, _)| {
                !rules
                    .unknown_selectors(std::slice::from_ref(name))
                    .is_empty()
            })
            .map(|(name, span)| LocatedError {
                file: 0,
                span: Some(*span),
                message: format!("no rule or pack matches `{name}`"),
                label: "unknown rule".to_owned(),
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(LocatedErrors {
                code: "config",
                files: vec![source.clone()],
                errors,
            })
        }
    }
}

/// One error in a configuration file.
fn config_error(name: &str, text: &str, span: Option<Span>, message: String) -> LocatedErrors {
    LocatedErrors::one(
        "config",
        ErrorFile {
            name: name.to_owned(),
            text: text.to_owned(),
        },
        span,
        message,
    )
}

/// The packs `[rules] packs` names, resolved against `folder` inside its project; every one that
/// is refused is an error at its value.
fn confined_packs(
    name: &str,
    text: &str,
    folder: &Path,
    packs: &[Spanned<String>],
) -> Result<Vec<Confined>, LocatedErrors> {
    if packs.is_empty() {
        return Ok(Vec::new());
    }
    let within = Confinement::project(folder);
    let mut resolved = Vec::new();
    let mut errors = Vec::new();
    for pack in packs {
        match within.resolve(folder, pack.get_ref()) {
            Ok(path) => resolved.push(Confined {
                path,
                within: within.clone(),
            }),
            Err(refusal) => errors.push(LocatedError {
                file: 0,
                span: Some(pack.span().into()),
                message: format!("refused pack `{}`: {}", refusal.written, refusal.reason()),
                label: "not read".to_owned(),
            }),
        }
    }
    if errors.is_empty() {
        return Ok(resolved);
    }
    Err(LocatedErrors {
        code: "config",
        files: vec![ErrorFile {
            name: name.to_owned(),
            text: text.to_owned(),
        }],
        errors,
    })
}

/// A compiled set of globs; a bad glob is an error at its span.
fn glob_set(name: &str, text: &str, globs: &[Spanned<String>]) -> Result<GlobSet, LocatedErrors> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        let compiled = Glob::new(glob.get_ref()).map_err(|e| {
            config_error(
                name,
                text,
                Some(glob.span().into()),
                format!("invalid glob: {}", e.kind()),
            )
        })?;
        builder.add(compiled);
    }
    builder
        .build()
        .map_err(|e| config_error(name, text, None, e.to_string()))
}

/// A selection as a section of the file states it (`select`, `extend-select`, `ignore` and
/// `severity`); every name is kept with its span, so that one matching no rule is reported
/// where it is written.
fn selection_of(
    [select, extend_select, ignore]: [&Vec<Spanned<String>>; 3],
    severity: &BTreeMap<Spanned<String>, Severity>,
    spans: &mut Vec<(String, Span)>,
) -> Selection {
    let mut names = |list: &mut dyn Iterator<Item = &Spanned<String>>| -> Vec<String> {
        list.map(|s| {
            spans.push((s.get_ref().clone(), Span::from(s.span())));
            s.get_ref().clone()
        })
        .collect()
    };
    let selection = Selection {
        select: names(&mut select.iter()),
        extend_select: names(&mut extend_select.iter()),
        ignore: names(&mut ignore.iter()),
        severity: severity
            .iter()
            .map(|(k, v)| (k.get_ref().clone(), *v))
            .collect(),
    };
    names(&mut severity.keys());
    selection
}

/// The commented starter file `copydesk init` writes.
/// The commented starter `copydesk init` writes.
pub const STARTER: &str = include_str!("starter.toml");
