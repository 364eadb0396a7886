//! A profile: a configuration with the rules it loads, selected as the configuration and the
//! command line say, and adjusted per path by `[[overrides]]`.

use super::{Config, Document, Selection};
use crate::diagnostic::Diagnostic;
use crate::located::LocatedErrors;
use crate::rules::RuleSet;

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
        config.check(&rules)?;
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
    pub fn adjust(&self, document: Document<'_>, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        // Without overrides every finding stands; no path need be resolved for every article.
        if self.config.overrides.is_empty() || diagnostics.is_empty() {
            return diagnostics;
        }
        let overrides: Vec<&Selection> = self
            .config
            .selections_for(document)
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
