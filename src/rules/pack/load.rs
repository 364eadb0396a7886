//! Reading packs: each file parsed, each rule table read on its own (so one bad table does not
//! hide the problems of the others), validated and compiled; every problem collected and
//! located; ids unique across all packs.

use super::compiler::{Compiler, PackLocation, STYLE_FILE, one_line};
use super::schema::{Common, PackHeader};
use super::{PackInput, expected_path};
use crate::input;
use crate::input::project::Confinement;
use crate::located::{ErrorFile, LocatedError, LocatedErrors};
use crate::rules::dictionary::Dictionary;
use crate::rules::kinds::{AnySpec, Registry};
use crate::rules::matcher::MatcherBuilder;
use crate::rules::style::HouseStyle;
use crate::rules::{PackFile, Rule, RuleSet, fold_form};
use crate::span::{LineIndex, Span};
use serde::de::IntoDeserializer;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Loads and compiles packs, in order, with no house style. Rule ids must be unique.
pub fn load(inputs: &[PackInput]) -> Result<RuleSet, LocatedErrors> {
    load_with(inputs, &HouseStyle::default())
}

/// Loads and compiles packs, in order, with a configuration's house style. Rule ids must be
/// unique across packs.
pub fn load_with(inputs: &[PackInput], style: &HouseStyle) -> Result<RuleSet, LocatedErrors> {
    load_registered::<AnySpec>(inputs, style)
}

/// Loads and compiles packs whose rules are of the kinds of registry `R`.
pub fn load_registered<R: Registry>(
    inputs: &[PackInput],
    style: &HouseStyle,
) -> Result<RuleSet, LocatedErrors> {
    let mut loader = Loader::<R> {
        style,
        packs: Vec::new(),
        errors: Vec::new(),
        matcher: MatcherBuilder::default(),
        word_lists: Vec::new(),
        rules: Vec::new(),
        seen_ids: HashMap::new(),
        registry: PhantomData,
    };
    for input in inputs {
        loader.add_pack(input);
    }
    loader.finish()
}

/// A rule table as read from a pack, with the name of its kind.
type RuleTable<'t> = (&'static str, Spanned<DeValue<'t>>);

/// What loading has gathered so far.
struct Loader<'s, R> {
    style: &'s HouseStyle,
    packs: Vec<PackFile>,
    errors: Vec<LocatedError>,
    matcher: MatcherBuilder,
    /// The word lists read so far, which rules that name the same list share.
    word_lists: Vec<Dictionary>,
    rules: Vec<Rule>,
    /// Every id (and alias) so far, with the pack and span that defined it.
    seen_ids: HashMap<String, (usize, Span)>,
    registry: PhantomData<R>,
}

impl<R: Registry> Loader<'_, R> {
    fn add_pack(&mut self, input: &PackInput) {
        let Some(location) = self.read(input) else {
            return;
        };
        let pack = self.packs.len() - 1;
        let text = self.packs[pack].text.clone();
        let Some((header, tables)) = self.parse(pack, &text) else {
            return;
        };
        self.describe(pack, header, &location);
        let mut specs: Vec<R> = Vec::new();
        for (kind, table) in tables {
            match R::parse(kind, table) {
                Some(Ok(spec)) => specs.push(spec),
                Some(Err(e)) => self.toml_error(pack, &e),
                // `parse` keeps only the tables of the registry's kinds.
                None => {}
            }
        }
        // Rules stand in the order of the file, whatever their kinds.
        specs.sort_by_key(|spec| spec.common().id.span().start);
        for spec in specs {
            self.add_rule(pack, &spec, &location);
        }
    }

    /// Reads a pack's text and records it; `None` (with an error) when it cannot be read.
    fn read(&mut self, input: &PackInput) -> Option<PackLocation> {
        let (name, text, location) = match input {
            PackInput::Text { name, text } => (name.clone(), text.clone(), PackLocation::Text),
            PackInput::Embedded { name, text } => (
                (*name).to_owned(),
                (*text).to_owned(),
                PackLocation::Embedded(name),
            ),
            PackInput::File { path, within } => {
                let name = path.display().to_string();
                match read_pack_file(path, within) {
                    Ok(text) => (
                        name,
                        text,
                        PackLocation::Disk {
                            file: path.clone(),
                            within: within.clone(),
                        },
                    ),
                    Err(message) => {
                        // Nothing of the file is kept: an error shows no line of it.
                        self.packs.push(PackFile {
                            name,
                            ..PackFile::default()
                        });
                        self.error(self.packs.len() - 1, None, message, "");
                        return None;
                    }
                }
            }
        };
        self.packs.push(PackFile {
            name,
            text,
            ..PackFile::default()
        });
        Some(location)
    }

    /// Parses a pack's TOML into its header and its rule tables, each with its kind's name.
    /// A table of an unknown kind is reported and left out; the others are still read.
    fn parse<'t>(
        &mut self,
        pack: usize,
        text: &'t str,
    ) -> Option<(PackHeader, Vec<RuleTable<'t>>)> {
        let document = match DeTable::parse(text) {
            Ok(document) => document.into_inner(),
            Err(e) => {
                self.toml_error(pack, &e);
                return None;
            }
        };
        let mut header = None;
        let mut tables = Vec::new();
        for (key, value) in document {
            let span = Span::from(key.span());
            let name = key.into_inner();
            if name == "pack" {
                match <PackHeader as serde::Deserialize>::deserialize(value.into_deserializer()) {
                    Ok(read) => header = Some(read),
                    Err(e) => self.toml_error(pack, &e),
                }
                continue;
            }
            let Some(kind) = R::KINDS.iter().find(|k| k.name == name.as_ref()) else {
                let known: Vec<&str> = R::KINDS.iter().map(|k| k.name).collect();
                self.error(
                    pack,
                    Some(span),
                    format!(
                        "unknown rule kind `{name}` (known: pack, {})",
                        known.join(", ")
                    ),
                    "not a rule kind",
                );
                continue;
            };
            match value.into_inner() {
                DeValue::Array(array) => tables.extend(array.into_iter().map(|t| (kind.name, t))),
                _ => self.error(
                    pack,
                    Some(span),
                    format!("`{name}` must be an array of tables: write `[[{name}]]`"),
                    "here",
                ),
            }
        }
        if header.is_none() {
            self.error(
                pack,
                Some(Span::new(0, 0)),
                "a pack needs a `[pack]` table with its `name`".to_owned(),
                "here",
            );
        }
        header.map(|header| (header, tables))
    }

    /// Records the pack's own name, description and fixture drafts.
    fn describe(&mut self, pack: usize, header: PackHeader, location: &PackLocation) {
        if let PackLocation::Disk { file, within } = location {
            let folder = file.parent().unwrap_or(Path::new(".")).to_path_buf();
            for fixture in &header.fixtures {
                let drafts = within
                    .resolve(&folder, fixture.get_ref())
                    .map_err(|refusal| refusal.to_string())
                    .and_then(|path| fixture_drafts(&path, within));
                match drafts {
                    Ok(drafts) => self.packs[pack].fixtures.extend(drafts),
                    Err(reason) => self.error(
                        pack,
                        Some(fixture.span().into()),
                        format!("cannot read fixtures: {reason}"),
                        "named here",
                    ),
                }
            }
            self.packs[pack].folder = Some(folder);
        }
        self.packs[pack].title = header.name;
        self.packs[pack].description = header.description;
    }

    fn add_rule(&mut self, pack: usize, spec: &R, location: &PackLocation) {
        let common = spec.common();
        if !self.claim_ids(pack, &common) {
            return;
        }
        let errors_before = self.errors.len();
        let meta = super::validate::validate_common(&common, spec.kind(), pack, &mut self.errors);
        let mut compiler = Compiler {
            rule: self.rules.len(),
            rule_id: common.id.get_ref(),
            matcher: &mut self.matcher,
            style: self.style,
            pack,
            source: &self.packs[pack].text,
            location,
            errors: &mut self.errors,
            word_lists: &mut self.word_lists,
        };
        let check = spec.compile(&mut compiler);
        if let (Some(meta), Some(check), true) = (meta, check, self.errors.len() == errors_before) {
            self.rules.push(Rule { meta, check });
        }
    }

    /// Takes the rule's id and aliases; `false` (with an error) when one is taken already.
    fn claim_ids(&mut self, pack: usize, common: &Common) -> bool {
        let names = std::iter::once(&common.id).chain(&common.aliases);
        for name in names {
            let span = Span::from(name.span());
            let Some(&(first_pack, first_span)) = self.seen_ids.get(name.get_ref()) else {
                continue;
            };
            let where_ = if first_pack == pack {
                let line = LineIndex::new(&self.packs[pack].text)
                    .line_col(first_span.start)
                    .0;
                format!("line {line}")
            } else {
                self.packs[first_pack].name.clone()
            };
            self.error(
                pack,
                Some(span),
                format!(
                    "duplicate rule id `{}` (first defined in {where_})",
                    name.get_ref()
                ),
                "defined again here",
            );
            return false;
        }
        for name in std::iter::once(&common.id).chain(&common.aliases) {
            self.seen_ids
                .insert(name.get_ref().clone(), (pack, Span::from(name.span())));
        }
        true
    }

    fn error(&mut self, pack: usize, span: Option<Span>, message: String, label: &str) {
        self.errors.push(LocatedError {
            file: pack,
            span,
            message,
            label: label.to_owned(),
        });
    }

    fn toml_error(&mut self, pack: usize, error: &toml::de::Error) {
        self.error(
            pack,
            error.span().map(Span::from),
            one_line(error.message()),
            "here",
        );
    }

    fn finish(mut self) -> Result<RuleSet, LocatedErrors> {
        let mut files: Vec<ErrorFile> = self
            .packs
            .iter()
            .map(|p| ErrorFile {
                name: p.name.clone(),
                text: p.text.clone(),
            })
            .collect();
        if let Some(origin) = &self.style.origin
            && self.errors.iter().any(|e| e.file == STYLE_FILE)
        {
            files.push(origin.file.clone());
            for error in self.errors.iter_mut().filter(|e| e.file == STYLE_FILE) {
                error.file = files.len() - 1;
            }
        }
        if !self.errors.is_empty() {
            // Errors all in the configuration that set the house style are configuration errors.
            let in_configuration = self.style.origin.is_some()
                && self.errors.iter().all(|e| e.file == files.len() - 1)
                && files.len() > self.packs.len();
            return Err(LocatedErrors {
                code: if in_configuration { "config" } else { "pack" },
                files,
                errors: self.errors,
            });
        }
        let matcher = self.matcher.build().map_err(|message| LocatedErrors {
            code: "pack",
            files,
            errors: vec![LocatedError {
                file: 0,
                span: None,
                message,
                label: String::new(),
            }],
        })?;
        let enabled = self
            .rules
            .iter()
            .map(|r| !r.meta.preview && r.meta.enabled)
            .collect();
        let house_forms: std::sync::Arc<[String]> = self
            .rules
            .iter()
            .filter_map(|rule| rule.check.house_form())
            .map(fold_form)
            .collect();
        for rule in &mut self.rules {
            rule.meta.house_forms = house_forms.clone();
        }
        Ok(RuleSet {
            rules: self.rules,
            packs: self.packs,
            matcher,
            enabled,
        })
    }
}

/// The text of a pack file on disk, if it may be read and is a pack: inside `within` once links
/// are followed, text, and declaring itself a pack with a `[pack]` line. Any other file is
/// reported by its name alone, so no line of a file that is not a pack is ever shown.
fn read_pack_file(path: &Path, within: &Confinement) -> Result<String, String> {
    within.admit(path).map_err(|refusal| {
        format!(
            "refused rule pack `{}`: {}",
            refusal.written,
            refusal.reason()
        )
    })?;
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read rule pack {name}: {e}"))?;
    let (text, _) =
        input::decode(bytes).map_err(|reason| format!("{name} is not a rule pack: {reason}"))?;
    if !declares_pack(&text) {
        return Err(format!(
            "{name} is not a rule pack: it has no `[pack]` line (none of its content is shown)"
        ));
    }
    Ok(text)
}

/// Whether a file says it is a pack: a line that opens the `[pack]` table.
fn declares_pack(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        let header = line
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .filter(|(_, after)| {
                let after = after.trim_start();
                after.is_empty() || after.starts_with('#')
            });
        header.is_some_and(|(inside, _)| inside.trim() == "pack")
    })
}

/// The drafts a `fixtures` entry names: the file itself, or every file directly in a folder
/// (in name order) but the expected outputs (`*.expected`) and hidden files (a name starting
/// with `.`). Whether copydesk reads a draft's format is `copydesk test`'s to say, so a draft
/// it cannot check is reported there rather than left out here. Each draft, and the
/// `DRAFT.expected` beside it, must stay `within` once links are followed: `copydesk test`
/// prints both.
fn fixture_drafts(path: &Path, within: &Confinement) -> Result<Vec<PathBuf>, String> {
    let drafts = if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut drafts: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_fixture_draft(p))
            .collect();
        drafts.sort();
        drafts
    };
    for draft in &drafts {
        within.admit(draft).map_err(|refusal| refusal.to_string())?;
        within
            .admit(&expected_path(draft))
            .map_err(|refusal| refusal.to_string())?;
    }
    Ok(drafts)
}

/// Whether a file found in a fixtures folder is a draft: a file (links followed), not hidden,
/// not an expected output.
fn is_fixture_draft(path: &Path) -> bool {
    let hidden_or_expected = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .is_none_or(|name| name.starts_with('.') || name.ends_with(".expected"));
    !hidden_or_expected && path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_declares_a_pack_by_a_pack_table_header() {
        for pack in [
            "[pack]\nname = \"house\"\n",
            "# house rules\n  [ pack ]  # the header\nname = \"house\"\n",
        ] {
            assert!(declares_pack(pack), "{pack}");
        }
        for other in [
            "root:x:0:0:root:/root:/bin/bash\n",
            "API_TOKEN=abc\n",
            "[package]\nname = \"x\"\n",
            "[[pack]]\n",
            "[pack] = 1\n",
            "name = \"[pack]\"\n",
        ] {
            assert!(!declares_pack(other), "{other}");
        }
    }

    #[test]
    fn a_file_that_is_not_a_pack_is_reported_by_its_name_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let secret = dir.path().join("settings.toml");
        std::fs::write(&secret, "password = \"correct horse\"\n").expect("write");
        let errors = match super::super::load(&[PackInput::file(&secret)]) {
            Ok(_) => panic!("loaded a file with no [pack] table"),
            Err(errors) => errors,
        };
        assert_eq!(errors.errors.len(), 1);
        assert_eq!(errors.errors[0].span, None);
        assert!(
            errors.errors[0].message.ends_with(
                "is not a rule pack: it has no `[pack]` line (none of its content is shown)"
            ),
            "{}",
            errors.errors[0].message
        );
        assert!(errors.files.iter().all(|file| file.text.is_empty()));
    }
}
