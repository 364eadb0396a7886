//! Project configuration: `copydesk.toml` (or `.copydesk.toml`), found by walking up from each
//! checked file; the nearest wins. `--config FILE` names one for every file; `--isolated`
//! ignores them all. Command-line flags add to what a file says.
//!
//! ```toml
//! [rules]
//! select = ["core", "news-tone"]      # ids, id prefixes or pack names; all when absent
//! extend-select = ["news.quote.straight-marks"]   # add rules, including ones off by default
//! ignore = ["loaded-wording"]
//! packs = ["house-rules/"]            # more packs, relative to this file
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
//! ```

use crate::diagnostic::{Diagnostic, Severity};
use crate::located::{ErrorFile, LocatedError, LocatedErrors};
use crate::rules::RuleSet;
use crate::rules::kinds::headline_case;
use crate::rules::kinds::spelling_system::System;
use crate::rules::style::{HouseStyle, StyleOrigin};
use crate::span::Span;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The names a configuration file may have, in the order they are looked for.
pub const FILE_NAMES: &[&str] = &["copydesk.toml", ".copydesk.toml"];

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

/// A loaded configuration (or the defaults, where there is no file).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from.
    pub path: Option<PathBuf>,
    pub packs: Vec<PathBuf>,
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
}

impl Config {
    /// Reads and parses a configuration file. Errors point into the file.
    pub fn load(path: &Path) -> Result<Config, LocatedErrors> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| config_error(&name, "", None, format!("cannot read {name}: {e}")))?;
        let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let mut config = Config::parse(&name, text, &folder)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses a configuration given as text (an editor buffer, an HTTP request), named `name`
    /// in errors; its `packs` and globs are relative to `folder`.
    pub fn parse(name: &str, text: String, folder: &Path) -> Result<Config, LocatedErrors> {
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            config_error(
                name,
                &text,
                e.span().map(Span::from),
                e.message().trim().to_owned(),
            )
        })?;
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
            packs: rules
                .packs
                .iter()
                .map(|p| folder.join(p.get_ref()))
                .collect(),
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

    /// The selections that apply to `path`: the file's own, then each matching override.
    pub fn selections_for(&self, path: &Path) -> Vec<&Selection> {
        let relative = self.relative(path);
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

/// Finds the configuration for files by walking up from their folders, caching per folder.
#[derive(Default)]
pub struct Discovery {
    by_folder: HashMap<PathBuf, Option<PathBuf>>,
}

impl Discovery {
    /// The nearest configuration file above `path` (a file or a folder), if any.
    pub fn find(&mut self, path: &Path) -> Option<PathBuf> {
        let start = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent().unwrap_or(Path::new(".")).to_path_buf()
        };
        let start = if start.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            start
        };
        let absolute = std::fs::canonicalize(&start).unwrap_or_else(|_| start.clone());
        if let Some(found) = self.by_folder.get(&absolute) {
            return found.clone();
        }
        let found = absolute.ancestors().find_map(|dir| {
            FILE_NAMES
                .iter()
                .map(|name| dir.join(name))
                .find(|candidate| candidate.is_file())
        });
        self.by_folder.insert(absolute, found.clone());
        found
    }
}

/// The commented starter file `copydesk init` writes.
pub const STARTER: &str = r#"# copydesk configuration. copydesk looks for this file in the folder of each checked
# file and above it; the nearest one wins. `copydesk rules` lists rule ids and packs.

[rules]
# Run only these rules, packs or id prefixes (all enabled rules when absent):
# select = ["core", "news-tone", "news-sourcing"]
# Add rules to the selection, including ones that are off by default (see `copydesk rules`):
# extend-select = ["news.quote.straight-marks"]
# Never run these:
# ignore = ["loaded-wording"]
# More rule packs, relative to this file:
# packs = ["house-rules/"]
# Also run preview rules (new, still being tuned):
# preview = false
# Change a rule's severity (error, warning or info):
# severity = { "news.quote.speaker" = "warning" }

[style]
# The house spelling system: "us" or "uk" (otherwise each article's majority wins).
# spelling = "us"
# Headline and subhead case: "sentence", "title", or "consistent" (one style per article).
# headline-case = "consistent"
# The house form of a consistency group, by rule id:
# preferred = { "consistency.ceasefire" = "cease-fire" }

[files]
# Paths (globs, relative to this file) that are never checked:
# exclude = ["archive/**"]

# Different rules for some paths:
# [[overrides]]
# paths = ["opinion/**"]
# ignore = ["news.tone"]
"#;

/// A configuration with its compiled rules, ready to check the files it governs.
pub struct Profile {
    pub config: Config,
    pub rules: RuleSet,
    /// Which rules run by the global selection, before per-path overrides add any.
    base_enabled: Vec<bool>,
}

impl Profile {
    /// Applies the configuration's selection and severities to compiled `rules`, with the
    /// command line's on top: `select` replaces the file's when given, `ignore` adds to it.
    pub fn new(
        config: Config,
        mut rules: RuleSet,
        cli: &Selection,
        cli_preview: bool,
    ) -> Result<Profile, LocatedErrors> {
        config.check_selectors(&rules)?;
        let select = if cli.select.is_empty() {
            &config.selection.select
        } else {
            &cli.select
        };
        let ignore: Vec<String> = config
            .selection
            .ignore
            .iter()
            .chain(&cli.ignore)
            .cloned()
            .collect();
        let extend: Vec<String> = config
            .selection
            .extend_select
            .iter()
            .chain(&cli.extend_select)
            .cloned()
            .collect();
        rules.select(cli_preview || config.preview, select, &extend, &ignore);
        for (entry, severity) in config.selection.severity.iter().chain(&cli.severity) {
            rules.set_severity(entry, *severity);
        }
        let base_enabled = rules.enabled.clone();
        // Rules an override selects must run; `adjust` keeps their findings to its paths.
        for selection in config.overrides.iter().map(|o| &o.selection) {
            for entry in &selection.select {
                for index in 0..rules.rules.len() {
                    if rules.selects(entry, &rules.rules[index]) {
                        rules.enabled[index] = true;
                    }
                }
            }
        }
        Ok(Profile {
            config,
            rules,
            base_enabled,
        })
    }

    /// Applies per-path overrides to one article's diagnostics.
    pub fn adjust(&self, path: &Path, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        // Without overrides every finding stands; no path need be resolved for every article.
        if self.config.overrides.is_empty() || diagnostics.is_empty() {
            return diagnostics;
        }
        let overrides: Vec<&Selection> = self
            .config
            .selections_for(path)
            .into_iter()
            .skip(1)
            .collect();
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                let Some(index) = self.rules.rules.iter().position(|r| r.meta.id == d.rule) else {
                    return Some(d);
                };
                let rule = &self.rules.rules[index];
                let mut wanted = self.base_enabled[index];
                for selection in &overrides {
                    if !selection.select.is_empty() {
                        wanted = selection.select.iter().any(|e| self.rules.selects(e, rule));
                    }
                    if selection.ignore.iter().any(|e| self.rules.selects(e, rule)) {
                        wanted = false;
                    }
                    if let Some((_, severity)) = selection
                        .severity
                        .iter()
                        .rev()
                        .find(|(e, _)| self.rules.selects(e, rule))
                    {
                        d.severity = *severity;
                    }
                }
                wanted.then_some(d)
            })
            .collect()
    }
}
