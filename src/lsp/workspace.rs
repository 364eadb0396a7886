//! The rules each open document is checked with: one prepared pipeline session per
//! configuration file (the `copydesk.toml` nearest the document, as `check` finds it), loaded
//! once, reloaded when a configuration or pack changes. A configuration or pack that stops
//! loading keeps the last rules that loaded, and its errors are shown on the file at fault.

use crate::config::Discovery;
use crate::located::LocatedErrors;
use crate::pipeline::{ConfigChoice, Options, RuleOptions, Session, SetupError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A configuration's session, and why it is not the newest one when reloading failed.
struct Loaded {
    /// `None` when neither this configuration nor the built-in rules alone ever loaded.
    session: Option<Session>,
    /// Set when the configuration changed and stopped loading: the session is the last good.
    error: Option<SetupError>,
    /// The configuration or a pack changed since this was loaded.
    stale: bool,
}

/// The sessions of the workspace, by configuration file (`None`: no configuration).
pub struct Workspace {
    rules: RuleOptions,
    discovery: Discovery,
    loaded: HashMap<Option<PathBuf>, Loaded>,
}

impl Workspace {
    pub fn new(rules: RuleOptions) -> Self {
        Workspace {
            rules,
            discovery: Discovery::default(),
            loaded: HashMap::new(),
        }
    }

    /// The configuration file of a document at `path` (`None` for a buffer with no file, or
    /// no configuration above it).
    pub fn config_of(&mut self, path: Option<&Path>) -> Option<PathBuf> {
        path.and_then(|path| self.discovery.find(path))
    }

    /// The session for configuration `config`, loading it if needed; the error is the
    /// configuration's when it does not load (the session is then the last good one, or the
    /// built-in rules with no configuration).
    pub fn session(&mut self, config: Option<PathBuf>) -> (Option<&Session>, Option<&SetupError>) {
        let needs_load = self.loaded.get(&config).is_none_or(|l| l.stale);
        if needs_load {
            let fresh = prepare(&self.rules, config.as_deref());
            let entry = match (fresh, self.loaded.remove(&config)) {
                (Ok(session), _) => Loaded {
                    session: Some(session),
                    error: None,
                    stale: false,
                },
                (Err(error), Some(old)) => Loaded {
                    session: old.session,
                    error: Some(error),
                    stale: false,
                },
                (Err(error), None) => Loaded {
                    session: prepare(&self.rules, None).ok(),
                    error: Some(error),
                    stale: false,
                },
            };
            self.loaded.insert(config.clone(), entry);
        }
        let loaded = &self.loaded[&config];
        (loaded.session.as_ref(), loaded.error.as_ref())
    }

    /// A configuration, a pack or a data file changed: find configurations again, and load
    /// every session again when next used.
    pub fn invalidate(&mut self) {
        self.discovery = Discovery::default();
        for loaded in self.loaded.values_mut() {
            loaded.stale = true;
        }
    }

    /// The located errors of every configuration that does not load now, and the files they
    /// are in.
    pub fn located_errors(&self) -> Vec<&LocatedErrors> {
        self.loaded
            .values()
            .filter_map(|l| match &l.error {
                Some(SetupError::Located(errors)) => Some(errors),
                _ => None,
            })
            .collect()
    }
}

fn options(rules: &RuleOptions, config: Option<&Path>) -> Options {
    Options {
        rules: rules.clone(),
        config: config.map_or(ConfigChoice::Isolated, |path| {
            ConfigChoice::File(path.to_path_buf())
        }),
        ..Options::default()
    }
}

/// A session for one configuration file; documents are planned one by one later.
fn prepare(rules: &RuleOptions, config: Option<&Path>) -> Result<Session, SetupError> {
    Session::prepare(options(rules, config), Vec::new()).map(|(session, _)| session)
}
