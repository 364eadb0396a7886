//! How the language server runs: below the server and the loop that drives it.

use crate::pipeline::RuleOptions;
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub rules: RuleOptions,
    /// How long to wait after the last change before checking.
    pub debounce: Duration,
    /// Testing only: a check of a document containing this text fails (panics), to prove
    /// that the server survives a failing rule.
    pub crash_on: Option<String>,
}
