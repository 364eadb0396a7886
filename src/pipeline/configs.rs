//! Each input's configuration, and the rules of each distinct configuration.

use super::{ConfigChoice, DraftOrigin, FileAccess, Options, Plan, Planned, Session, SetupError};
use crate::config::{Config, Discovery, Profile, Selection};
use crate::rules::pack::{self, PackInput};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Finds the configuration of every input (loading each file once) and drops the inputs that
/// their configuration's `[files] exclude` leaves out. Returns the distinct configurations and
/// the plan: the inputs to check, each with the index of its configuration, and those excluded.
fn assign(options: &Options, inputs: Vec<DraftOrigin>) -> Result<(Vec<Config>, Plan), SetupError> {
    let mut configs: Vec<Config> = Vec::new();
    let mut by_path: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut discovery = Discovery::default();
    let mut plan = Plan::default();
    for input in inputs {
        let file = config_file(options, &input, &mut discovery);
        let index = match by_path.get(&file) {
            Some(&index) => index,
            None => {
                configs.push(load_config(options, file.as_deref())?);
                by_path.insert(file, configs.len() - 1);
                configs.len() - 1
            }
        };
        let excluded = matches!(&input, DraftOrigin::File(path) if configs[index].excludes(path));
        if excluded {
            plan.excluded.push(input);
        } else {
            plan.planned.push(Planned {
                input,
                profile: index,
            });
        }
    }
    if configs.is_empty() {
        // No input yet (a server planning documents one by one later): the configuration
        // chosen for every document, if one was.
        let chosen = match &options.config {
            ConfigChoice::File(file) => Some(file.as_path()),
            _ => None,
        };
        configs.push(load_config(options, chosen)?);
    }
    Ok((configs, plan))
}

/// The configuration file that applies to `input`, if any.
fn config_file(
    options: &Options,
    input: &DraftOrigin,
    discovery: &mut Discovery,
) -> Option<PathBuf> {
    match &options.config {
        ConfigChoice::Isolated | ConfigChoice::Text { .. } => None,
        ConfigChoice::File(file) => Some(file.clone()),
        ConfigChoice::Discover if options.file_access == FileAccess::Off => None,
        ConfigChoice::Discover => match input {
            DraftOrigin::File(path) => discovery.find(path),
            DraftOrigin::Stdin { name: Some(name) } => discovery.find(name),
            DraftOrigin::Text { name, .. } => discovery.find(Path::new(name)),
            DraftOrigin::Stdin { name: None } | DraftOrigin::Record(_) => {
                discovery.find(Path::new("."))
            }
        },
    }
}

/// Loads a configuration file, the text configuration, or the defaults.
fn load_config(options: &Options, file: Option<&Path>) -> Result<Config, SetupError> {
    let config = match (file, &options.config) {
        (Some(file), _) => Config::load(file),
        (None, ConfigChoice::Text { name, text }) => {
            Ok(Config::parse(name, text.clone(), Path::new(".")))
        }
        (None, _) => Ok(Config::default()),
    };
    let config = config.map_err(SetupError::Located)?;
    if options.file_access == FileAccess::Off && !config.packs.is_empty() {
        return Err(SetupError::Message(
            "a configuration here may not name `packs`: rule packs are not read from disk on a document's behalf".to_owned(),
        ));
    }
    Ok(config)
}

/// Loads the rules of each configuration, with the run's rule options on top.
fn load_profiles(options: &Options, configs: Vec<Config>) -> Result<Vec<Profile>, SetupError> {
    configs
        .into_iter()
        .map(|config| load_profile(options, config))
        .collect()
}

/// The rules of one configuration: the built-in pack (unless turned off), its packs and the
/// run's, then its selection with the run's on top.
pub fn load_profile(options: &Options, config: Config) -> Result<Profile, SetupError> {
    let rule_options = &options.rules;
    let mut inputs = if rule_options.no_default_rules || config.no_default_rules {
        Vec::new()
    } else {
        PackInput::defaults()
    };
    for pack in &config.packs {
        inputs.extend(PackInput::from_path(&pack.path, &pack.within).map_err(SetupError::Message)?);
    }
    for path in &rule_options.packs {
        inputs.extend(PackInput::given(path).map_err(SetupError::Message)?);
    }
    let rules = pack::load_with(&inputs, &config.style)
        .map_err(|errors| SetupError::Located(config.with_read_errors(errors)))?;
    let selectors = [
        rule_options.select.as_slice(),
        &rule_options.extend_select,
        &rule_options.ignore,
    ]
    .concat();
    let unknown = rules.unknown_selectors(&selectors);
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().map(|u| format!("`{u}`")).collect();
        return Err(SetupError::Message(format!(
            "no rule or pack matches {}; `copydesk rules` lists them",
            names.join(", ")
        )));
    }
    let selection = Selection {
        select: rule_options.select.clone(),
        extend_select: rule_options.extend_select.clone(),
        ignore: rule_options.ignore.clone(),
        severity: Vec::new(),
    };
    Profile::new(config, rules, &selection, rule_options.preview).map_err(SetupError::Located)
}

impl Session {
    /// Finds each input's configuration, loads the rules of each distinct one, and leaves out
    /// inputs their configuration excludes; returns the session and the plan.
    pub fn prepare(
        options: Options,
        inputs: Vec<DraftOrigin>,
    ) -> Result<(Session, Plan), SetupError> {
        let (configs, plan) = assign(&options, inputs)?;
        let profiles = load_profiles(&options, configs)?;
        Ok((Session { options, profiles }, plan))
    }
}
