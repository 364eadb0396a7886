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
use crate::rules::style::{HouseStyle, StyleOrigin};
use crate::span::Span;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

mod discovery;
mod profile;
mod read;
mod records;

pub use discovery::Discovery;
pub use profile::Profile;
pub use records::{FieldPath, RecordFields};

/// The names a configuration file may have, in the order they are looked for.
pub use crate::input::project::CONFIG_FILE_NAMES as FILE_NAMES;

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
    file: Option<ErrorFile>,
    selector_spans: Vec<(String, Span)>,
    /// What was wrong in the file, left out of the rest (reported by [`Config::check`]).
    read_errors: Vec<LocatedError>,
    /// The folder its relative paths start from.
    pub folder: Option<PathBuf>,
    /// Where the fields of an article record are (`[records]`).
    pub records: RecordFields,
}

impl Config {
    /// Reads and parses a configuration file. Only a file that cannot be read is an error
    /// here; what is wrong inside it is kept for [`Config::check`] (see [`Config::parse`]). A
    /// configuration that is a link leading out of its project (for a `copydesk.toml`, its own
    /// folder) is refused unread, as any path in the project's files is.
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
        let mut config = Config::parse(&name, text, &folder);
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses a configuration given as text (an editor buffer, an HTTP request), named `name`
    /// in errors; its `packs` and globs are relative to `folder`, and a pack outside the
    /// project `folder` lies in is an error at its value. What does not read is left out and
    /// its error kept, to be reported by [`Config::check`] with the selectors that match no
    /// rule (which only the loaded rules can tell): every error of the file at once.
    pub fn parse(name: &str, text: String, folder: &Path) -> Config {
        let mut errors = Vec::new();
        let file = read::read(&text, &mut errors);
        let records = file.records.resolve(&mut errors);
        let packs = confined_packs(folder, &file.rules.packs, &mut errors);
        let exclude =
            (!file.files.exclude.is_empty()).then(|| glob_set(&file.files.exclude, &mut errors));
        let mut selector_spans = Vec::new();
        let rules = &file.rules;
        let selection = selection_of(
            [&rules.select, &rules.extend_select, &rules.ignore],
            &rules.severity,
            &mut selector_spans,
            &mut errors,
        );
        let mut overrides = Vec::new();
        for section in &file.overrides {
            let selection = selection_of(
                [&section.select, &Vec::new(), &section.ignore],
                &section.severity,
                &mut selector_spans,
                &mut errors,
            );
            let paths = glob_set(&section.paths, &mut errors);
            overrides.push(Override { paths, selection });
        }
        let source = ErrorFile {
            name: name.to_owned(),
            text,
        };
        Config {
            packs,
            no_default_rules: rules.no_default_rules,
            preview: rules.preview,
            selection,
            style: house_style(file.style, &source),
            exclude,
            overrides,
            file: Some(source),
            selector_spans,
            read_errors: errors,
            path: None,
            folder: Some(folder.to_path_buf()),
            records,
        }
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

    /// Every error of the file: those found reading it, and the selectors it names that match
    /// none of the loaded `rules`.
    pub fn check(&self, rules: &RuleSet) -> Result<(), LocatedErrors> {
        let Some(source) = &self.file else {
            return Ok(());
        };
        let unknown = self
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
            });
        let mut errors: Vec<LocatedError> =
            self.read_errors.iter().cloned().chain(unknown).collect();
        if errors.is_empty() {
            return Ok(());
        }
        errors.sort_by_key(|e| e.span.map(|s| s.start));
        Err(LocatedErrors {
            code: "config",
            files: vec![source.clone()],
            errors,
        })
    }

    /// The errors found reading the file, with `loading`'s — the errors of loading the rules it
    /// names — when those are in the file too (its house style); the file's own first, when
    /// they are in a pack.
    pub fn with_read_errors(&self, loading: LocatedErrors) -> LocatedErrors {
        let Some(source) = self.file.as_ref().filter(|_| !self.read_errors.is_empty()) else {
            return loading;
        };
        let mut errors = self.read_errors.clone();
        let mut files = vec![source.clone()];
        if loading.code == "config" {
            errors.extend(loading.errors.into_iter().map(|e| LocatedError {
                file: e.file + 1,
                ..e
            }));
            files.extend(loading.files);
            errors.sort_by_key(|e| e.span.map(|s| s.start));
        }
        LocatedErrors {
            code: "config",
            files,
            errors,
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
/// is refused is reported at its value and left out.
fn confined_packs(
    folder: &Path,
    packs: &[Spanned<String>],
    errors: &mut Vec<LocatedError>,
) -> Vec<Confined> {
    if packs.is_empty() {
        return Vec::new();
    }
    let within = Confinement::project(folder);
    let mut resolved = Vec::new();
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
    resolved
}

/// A compiled set of globs; a bad glob is reported at its span and left out.
fn glob_set(globs: &[Spanned<String>], errors: &mut Vec<LocatedError>) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        match Glob::new(glob.get_ref()) {
            Ok(compiled) => {
                builder.add(compiled);
            }
            Err(e) => errors.push(LocatedError::in_first_file(
                glob.span().into(),
                format!("invalid glob: {}", e.kind()),
                "here",
            )),
        }
    }
    builder.build().unwrap_or_else(|e| {
        errors.push(LocatedError {
            file: 0,
            span: None,
            message: e.to_string(),
            label: String::new(),
        });
        GlobSet::empty()
    })
}

/// The house style of a `[style]` section, remembering where each `preferred` value is written
/// so that a value a rule rejects is reported there.
fn house_style(style: read::StyleSection, source: &ErrorFile) -> HouseStyle {
    let preferred_spans = style
        .preferred
        .iter()
        .map(|(id, value)| (id.clone(), Span::from(value.span())))
        .collect();
    HouseStyle {
        spelling: style.spelling,
        headline_case: style.headline_case,
        preferred: style
            .preferred
            .into_iter()
            .map(|(id, value)| (id, value.into_inner()))
            .collect(),
        origin: Some(StyleOrigin {
            file: source.clone(),
            preferred_spans,
        }),
    }
}

/// A selection as a section of the file states it (`select`, `extend-select`, `ignore` and
/// `severity`); every name is kept with its span, so that one matching no rule is reported
/// where it is written.
fn selection_of(
    [select, extend_select, ignore]: [&Vec<Spanned<String>>; 3],
    severity: &BTreeMap<Spanned<String>, Spanned<String>>,
    spans: &mut Vec<(String, Span)>,
    errors: &mut Vec<LocatedError>,
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
        severity: read::severities(severity, errors),
    };
    names(&mut severity.keys());
    selection
}

/// The commented starter file `copydesk init` writes.
/// The commented starter `copydesk init` writes.
pub const STARTER: &str = include_str!("starter.toml");
