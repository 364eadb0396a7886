//! `copydesk serve`: an HTTP server for copy editors (a review page at `/`) and for a
//! newsroom's own tools (a CMS checking as an editor works), bound to 127.0.0.1 by default. The JSON API is [`api`]'s; every check runs the
//! library pipeline with file access off, on a blocking thread, admitted by [`admission`]
//! (a fixed number at once, a bounded queue, 503 beyond it). A failure inside a check is a
//! 500 for that request; the server keeps serving.

mod admission;
pub mod api;

use crate::pipeline::{ConfigChoice, FileAccess, Options, RuleOptions, Session};
use admission::Admission;
use api::{ApiError, Mode};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How many request configurations keep their compiled rules.
const CONFIG_CACHE: usize = 32;

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
    /// The server's rules (its operator's `--rules`, `--select` …).
    pub rules: RuleOptions,
    /// Testing only: each check waits this long first, so a test can fill the queue.
    pub test_delay: Option<Duration>,
}

/// What every request shares.
pub struct State {
    pub options: ServeOptions,
    /// The session with the server's rules and no configuration.
    pub base: Arc<Session>,
    /// Sessions for request configurations, by their text.
    pub configs: Mutex<HashMap<String, Arc<Session>>>,
    admission: Admission,
}

/// Serves until the process is stopped. Prints the address it listens on (on standard error)
/// once it does.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let base = prepare_base(&options.rules)?;
    let state = Arc::new(State {
        admission: Admission::new(options.workers, options.queue),
        base: Arc::new(base),
        configs: Mutex::new(HashMap::new()),
        options,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(run(state))
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

async fn run(state: Arc<State>) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(state.options.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", state.options.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!("copydesk serve: listening on http://{address}");
    axum::serve(listener, router(state))
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}

fn router(state: Arc<State>) -> Router {
    let limit = state.options.body_limit;
    Router::new()
        .route("/", get(page))
        .route("/v1/check", post(check))
        .route("/v1/fix", post(fix))
        .route("/v1/rules", get(rules))
        .route("/v1/rules/{id}", get(rule))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

async fn check(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    admitted(state, body, Mode::Check).await
}

async fn fix(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    admitted(state, body, Mode::Fix).await
}

/// Parses the request, waits for a turn, and runs it on a blocking thread.
async fn admitted(state: Arc<State>, body: Result<Bytes, BytesRejection>, mode: Mode) -> Response {
    let request = match api::parse(body) {
        Ok(request) => request,
        Err(error) => return error.into_response(),
    };
    let Some(ticket) = state.admission.enter().await else {
        let message = "busy: every worker is checking and the queue is full; try again shortly";
        return ApiError::new(StatusCode::SERVICE_UNAVAILABLE, message).into_response();
    };
    let worker_state = state.clone();
    let result = tokio::task::spawn_blocking(move || api::run(&worker_state, request, mode)).await;
    drop(ticket);
    match result {
        Ok(Ok(answer)) => api::json_body(answer).into_response(),
        Ok(Err(error)) => error.into_response(),
        Err(_) => {
            let message =
                "copydesk failed while checking this draft; this is a bug, please report it";
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message).into_response()
        }
    }
}

async fn rules(axum::extract::State(state): axum::extract::State<Arc<State>>) -> Response {
    api::json_body(api::rules(&state)).into_response()
}

async fn rule(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    Path(id): Path<String>,
) -> Response {
    match api::rule(&state, &id) {
        Ok(answer) => api::json_body(answer).into_response(),
        Err(error) => error.into_response(),
    }
}

/// The review page: plain HTML, CSS and a little JavaScript, inside the binary, no network.
const PAGE: &str = include_str!("page.html");

async fn page() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        PAGE,
    )
        .into_response()
}

async fn not_found() -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint: the API is POST /v1/check, POST /v1/fix, GET /v1/rules, GET /v1/rules/{id}",
    )
    .into_response()
}
