//! Reading a `copydesk.toml` so that every mistake in it is found in one go, as a pack's are:
//! each section is read on its own, and a section that does not read is read again key by key,
//! so that every unknown key and every bad value is reported where it is written, and the keys
//! that read well are kept (the rules they name can still be loaded, their selectors checked).
//! Only a TOML syntax error stops the reading: after it, nothing can be read.

use super::records::RecordsSection;
use crate::diagnostic::Severity;
use crate::located::LocatedError;
use crate::rules::style::{HeadlineStyle, Spelling};
use crate::span::Span;
use serde::Deserialize;
use serde::de::{DeserializeOwned, IntoDeserializer};
use std::collections::BTreeMap;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The sections a configuration may have, as the error for an unknown one lists them.
const SECTIONS: &str = "[rules], [style], [files], [[overrides]] and [records]";

#[derive(Debug, Default)]
pub(super) struct ConfigFile {
    pub(super) rules: RulesSection,
    pub(super) style: StyleSection,
    pub(super) files: FilesSection,
    pub(super) overrides: Vec<OverrideSection>,
    pub(super) records: RecordsSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RulesSection {
    #[serde(default)]
    pub(super) select: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) packs: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) preview: bool,
    #[serde(default)]
    pub(super) no_default_rules: bool,
    #[serde(default)]
    pub(super) severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct StyleSection {
    #[serde(default)]
    pub(super) spelling: Option<Spelling>,
    #[serde(default)]
    pub(super) headline_case: Option<HeadlineStyle>,
    #[serde(default)]
    pub(super) preferred: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct FilesSection {
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct OverrideSection {
    /// Required: an override with none is reported (read key by key, a table may lack it).
    #[serde(default)]
    pub(super) paths: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) select: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// Reads the file's sections, adding every problem found to `errors` (in file 0).
pub(super) fn read(text: &str, errors: &mut Vec<LocatedError>) -> ConfigFile {
    let document = match DeTable::parse(text) {
        Ok(document) => document.into_inner(),
        Err(e) => {
            errors.push(toml_error(&e));
            return ConfigFile::default();
        }
    };
    let mut file = ConfigFile::default();
    for (key, value) in document {
        match key.get_ref().as_ref() {
            "rules" => file.rules = section(value, errors),
            "style" => file.style = section(value, errors),
            "files" => file.files = section(value, errors),
            "records" => file.records = section(value, errors),
            "overrides" => file.overrides = overrides(value, Span::from(key.span()), errors),
            other => errors.push(LocatedError::in_first_file(
                Span::from(key.span()),
                format!("unknown section `{other}`: a configuration has {SECTIONS}"),
                "not a section",
            )),
        }
    }
    file
}

/// A section read whole or, when it does not read, from the keys that read on their own, with
/// an error for each of the others.
fn section<T: DeserializeOwned + Default>(
    value: Spanned<DeValue<'_>>,
    errors: &mut Vec<LocatedError>,
) -> T {
    let whole = match T::deserialize(value.clone().into_deserializer()) {
        Ok(read) => return read,
        Err(e) => e,
    };
    let span = value.span();
    let DeValue::Table(table) = value.into_inner() else {
        errors.push(toml_error(&whole));
        return T::default();
    };
    let before = errors.len();
    let mut good = DeTable::new();
    for (key, item) in table {
        let mut alone = DeTable::new();
        alone.insert(key.clone(), item.clone());
        match T::deserialize(Spanned::new(span.clone(), DeValue::Table(alone)).into_deserializer())
        {
            Ok(_) => {
                good.insert(key, item);
            }
            Err(e) => errors.push(toml_error(&e)),
        }
    }
    match T::deserialize(Spanned::new(span, DeValue::Table(good)).into_deserializer()) {
        Ok(read) if errors.len() > before => read,
        // No key is wrong on its own, or the good keys do not read together: the section's
        // own error says why.
        Ok(_) | Err(_) => {
            errors.push(toml_error(&whole));
            T::default()
        }
    }
}

/// The `[[overrides]]` tables, each read as a section and required to name its `paths`.
fn overrides(
    value: Spanned<DeValue<'_>>,
    key: Span,
    errors: &mut Vec<LocatedError>,
) -> Vec<OverrideSection> {
    let DeValue::Array(tables) = value.into_inner() else {
        errors.push(LocatedError::in_first_file(
            key,
            "`overrides` must be an array of tables: write `[[overrides]]`".to_owned(),
            "here",
        ));
        return Vec::new();
    };
    let mut read = Vec::new();
    for table in tables {
        let span = Span::from(table.span());
        let section: OverrideSection = section(table, errors);
        if section.paths.is_empty() {
            errors.push(LocatedError::in_first_file(
                span,
                "an `[[overrides]]` table needs `paths`: the files it applies to".to_owned(),
                "this override",
            ));
        } else {
            read.push(section);
        }
    }
    read
}

/// The severities of a `severity` table, each bad one reported at its value.
pub(super) fn severities(
    table: &BTreeMap<Spanned<String>, Spanned<String>>,
    errors: &mut Vec<LocatedError>,
) -> Vec<(String, Severity)> {
    table
        .iter()
        .filter_map(|(selector, value)| {
            let text: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
                value.get_ref().as_str().into_deserializer();
            match Severity::deserialize(text) {
                Ok(severity) => Some((selector.get_ref().clone(), severity)),
                Err(_) => {
                    errors.push(LocatedError::in_first_file(
                        Span::from(value.span()),
                        format!(
                            "unknown severity `{}`: use \"error\", \"warning\" or \"info\"",
                            value.get_ref()
                        ),
                        "here",
                    ));
                    None
                }
            }
        })
        .collect()
}

fn toml_error(e: &toml::de::Error) -> LocatedError {
    LocatedError {
        file: 0,
        span: e.span().map(Span::from),
        message: e.message().trim().to_owned(),
        label: "here".to_owned(),
    }
}
