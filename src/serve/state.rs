//! What every request of the server shares, and how the server is set up: below the routes
//! ([`super`]) and the API ([`super::api`]) that read it.

use super::admission::Admission;
use crate::pipeline::{ConfigChoice, FileAccess, Options, RuleOptions, Session};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How many request configurations keep their compiled rules.
pub(super) const CONFIG_CACHE: usize = 32;

/// The largest request body that runs in the lane for small drafts (a long feature is about
/// 60 KB): such a request never waits behind a larger one.
pub const SMALL_REQUEST: usize = 256 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub listen: SocketAddr,
    /// The largest request body, in bytes.
    pub body_limit: usize,
    /// Checks that run at once.
    pub workers: usize,
    /// Requests that may wait for a turn; more get 503.
    pub queue: usize,
    /// How long one request's check may take before it is abandoned (503).
    pub deadline: Duration,
    /// The most findings one answer lists; beyond them it says `"truncated": true`.
    pub max_findings: usize,
    /// Names the server answers to besides its own address (`--allow-host`).
    pub allow_hosts: Vec<String>,
    /// Web origins besides its own that may call it, with CORS headers (`--allow-origin`).
    pub allow_origins: Vec<String>,
    /// The server's rules (its operator's `--rules`, `--select` …).
    pub rules: RuleOptions,
    /// Testing only: each check waits this long first, so a test can fill the queue.
    pub test_delay: Option<Duration>,
}

impl ServeOptions {
    /// The defaults of `copydesk serve`, listening on `listen`.
    pub fn new(listen: SocketAddr) -> Self {
        ServeOptions {
            listen,
            body_limit: 5 * 1024 * 1024,
            workers: 2,
            queue: 64,
            deadline: Duration::from_secs(2),
            max_findings: 5_000,
            allow_hosts: Vec::new(),
            allow_origins: Vec::new(),
            rules: RuleOptions::default(),
            test_delay: None,
        }
    }
}

/// What every request shares.
pub struct State {
    pub options: ServeOptions,
    /// The session with the server's rules and no configuration.
    pub base: Arc<Session>,
    /// Sessions for request configurations, by their text.
    pub configs: Mutex<HashMap<String, Arc<Session>>>,
    /// Turns for requests of at most [`SMALL_REQUEST`] bytes.
    pub(super) small: Admission,
    /// Turns for larger requests.
    pub(super) large: Admission,
}

impl State {
    /// The server's state: its rules compiled (an error says why they do not load).
    pub fn new(options: ServeOptions) -> Result<State, String> {
        Ok(State {
            small: Admission::new(options.workers, options.queue),
            large: Admission::new(options.workers, options.queue),
            base: Arc::new(prepare_base(&options.rules)?),
            configs: Mutex::new(HashMap::new()),
            options,
        })
    }
}

/// The server's own session: its rules, no configuration, no file access.
fn prepare_base(rules: &RuleOptions) -> Result<Session, String> {
    let options = Options {
        rules: rules.clone(),
        config: ConfigChoice::Isolated,
        file_access: FileAccess::Off,
        ..Options::default()
    };
    Session::prepare(options, Vec::new())
        .map(|(session, _)| session)
        .map_err(|e| match e {
            crate::pipeline::SetupError::Located(errors) => String::from_utf8_lossy(
                &crate::render::human::render_located_errors(&errors, false),
            )
            .into_owned(),
            crate::pipeline::SetupError::Message(message) => message,
        })
}
