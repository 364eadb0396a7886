//! `copydesk serve`: an HTTP server for copy editors (a review page at `/`) and for a
//! newsroom's own tools (a CMS checking as an editor works), bound to 127.0.0.1 by default.
//! Every request passes [`guard`] first (its `Host`, its `Origin`, a JSON content type). The
//! JSON API is [`api`]'s; every check runs the library pipeline with file access off, on a
//! blocking thread, admitted by [`admission`] in one of two lanes: drafts of at most
//! [`SMALL_REQUEST`] bytes never wait behind larger ones. Each lane runs a fixed number of
//! checks at once with a bounded queue (503 beyond it); a check stops at the server's
//! deadline (503) and an answer lists at most `max_findings` findings. A failure inside a
//! check is a 500 for that request; the server keeps serving.

mod admission;
pub mod api;
pub mod guard;
mod state;

use api::{ApiError, Mode};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Request};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use guard::Guard;
pub use state::{SMALL_REQUEST, ServeOptions, State};
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Serves until the process is stopped. Prints the address it listens on (on standard error)
/// once it does.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let state = State::new(options)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(run(state))
}

async fn run(state: State) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(state.options.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", state.options.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let guard = Guard::new(
        address,
        &state.options.allow_hosts,
        &state.options.allow_origins,
    );
    eprintln!("copydesk serve: listening on http://{address}");
    axum::serve(listener, router(Arc::new(state), guard))
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}

/// The routes, behind the body limit, the CORS headers for `--allow-origin` and, outermost,
/// the guard.
pub fn router(state: Arc<State>, guard: Guard) -> Router {
    let limit = state.options.body_limit;
    let origins: Vec<HeaderValue> = guard
        .allowed_origins()
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE]);
    Router::new()
        .route("/", get(page))
        .route("/v1/check", post(check))
        .route("/v1/fix", post(fix))
        .route("/v1/rules", get(rules))
        .route("/v1/rules/{id}", get(rule))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(cors)
        .layer(middleware::from_fn_with_state(Arc::new(guard), guarded))
        .with_state(state)
}

/// Refuses a request the guard does not admit, before its body is read.
async fn guarded(
    axum::extract::State(guard): axum::extract::State<Arc<Guard>>,
    request: Request,
    next: Next,
) -> Response {
    match guard.admit(request.method(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
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
    let size = body.as_ref().map_or(0, Bytes::len);
    let request = match api::parse(body) {
        Ok(request) => request,
        Err(error) => return error.into_response(),
    };
    let lane = if size <= SMALL_REQUEST {
        &state.small
    } else {
        &state.large
    };
    let Some(ticket) = lane.enter().await else {
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
