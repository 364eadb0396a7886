//! The JSON API: `POST /v1/check`, `POST /v1/fix`, `GET /v1/rules`, `GET /v1/rules/{id}`. A
//! draft comes as one `text`, or as a CMS's `fields`, read as an article record.
//! Every check runs through the library pipeline with file access off: a request's
//! configuration may not name packs, and a draft's front-matter `sources` are not read.

mod answer;

use super::State;
use crate::article::{Format, Parts};
use crate::pipeline::{
    ConfigChoice, DraftOrigin, FileAccess, Options, Record, Session, SetupError, SourceText,
};
use crate::render;
use answer::{CheckAnswer, FixAnswer, fixed_answer};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;

/// What `/v1/check` and `/v1/fix` are sent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    /// The draft as one text.
    #[serde(default)]
    pub text: Option<String>,
    /// Or the draft as a CMS holds it, field by field: read as an article record is.
    #[serde(default)]
    pub fields: Option<FieldsRequest>,
    /// The draft's format, by any name a record may give it (`txt`, `md`, `html` …).
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceRequest>,
    /// A `copydesk.toml`, as text.
    #[serde(default)]
    pub config: Option<String>,
}

/// A draft's fields; `format` is the body's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldsRequest {
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub dek: Option<String>,
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRequest {
    pub name: String,
    pub text: String,
}

/// A request that failed: its status and what to tell the caller.
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, json_body(body.to_string())).into_response()
    }
}

/// A JSON body with its content type.
pub fn json_body(text: String) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], text)
}

/// The request in a body: a body over the limit is 413, one that is not JSON (or not UTF-8)
/// is 400.
pub fn parse(body: Result<Bytes, BytesRejection>) -> Result<CheckRequest, ApiError> {
    let body =
        body.map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("the body is not a check request: {e}"),
        )
    })
}

/// What a check or fix request does once admitted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Check,
    Fix,
}

/// Runs a request through the pipeline (on a blocking thread): the JSON answer. The check
/// stops at the server's deadline (a 503), and the answer lists at most the server's
/// `max_findings` findings, with `truncated` saying whether there were more.
pub fn run(state: &State, request: CheckRequest, mode: Mode) -> Result<String, ApiError> {
    if let Some(delay) = state.options.test_delay {
        std::thread::sleep(delay);
    }
    let limits = Limits {
        deadline: Some(Instant::now() + state.options.deadline),
        max_findings: state.options.max_findings,
    };
    let session = session_for(state, request.config.as_deref())?;
    answer(&session, request, mode, limits).map_err(|e| match e {
        Unanswered::PastDeadline => past_deadline(state),
        Unanswered::Request(e) => e,
    })
}

/// How much work a request may take, and how long its answer may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// No rule starts past this; `None` lets the check run to the end.
    pub deadline: Option<Instant>,
    pub max_findings: usize,
}

/// Why a request got no answer.
pub enum Unanswered {
    /// The check ran past [`Limits::deadline`].
    PastDeadline,
    /// The request itself is wrong (or its answer could not be written).
    Request(ApiError),
}

/// What a check or fix request answers under `session`: the JSON of `/v1/check` or
/// `/v1/fix`. The server and the Python package (`copydesk.Session.check`, `.fix`) both
/// answer through here. The request's own `config` is the caller's to have turned into
/// `session`.
pub fn answer(
    session: &Session,
    request: CheckRequest,
    mode: Mode,
    limits: Limits,
) -> Result<String, Unanswered> {
    let input = draft_input(request.text, request.fields, request.name, request.format)
        .map_err(Unanswered::Request)?;
    let sources: Vec<SourceText> = request
        .sources
        .into_iter()
        .map(|s| SourceText {
            name: s.name,
            text: s.text,
        })
        .collect();
    answer_draft(session, input, &sources, mode, limits)
}

/// What a check or fix of one draft answers under `session`, checked against `sources` too:
/// the JSON of `/v1/check` or `/v1/fix`.
pub fn answer_draft(
    session: &Session,
    input: DraftOrigin,
    sources: &[SourceText],
    mode: Mode,
    limits: Limits,
) -> Result<String, Unanswered> {
    let planned = session.plan(input);
    let mut checked =
        session.check_with_sources(std::slice::from_ref(&planned), sources, limits.deadline);
    let before = (mode == Mode::Fix)
        .then(|| checked.articles.first().cloned())
        .flatten();
    if mode == Mode::Fix {
        session.fix(&mut checked);
    }
    if checked.abandoned {
        return Err(Unanswered::PastDeadline);
    }
    let truncated = checked.diagnostics.len() > limits.max_findings;
    checked.diagnostics.truncate(limits.max_findings);
    let checked_report = checked.report();
    let report = CheckAnswer {
        report: render::json::report(&checked_report),
        truncated,
    };
    let diff_deadline = limits.deadline.unwrap_or_else(Instant::now);
    let answer = match mode {
        Mode::Check => serde_json::to_string(&report),
        Mode::Fix => serde_json::to_string(&FixAnswer {
            fixed: fixed_answer(before.as_ref(), checked.articles.first(), diff_deadline),
            version: render::json::SCHEMA_VERSION,
            remaining: report,
        }),
    };
    answer.map_err(|e| {
        Unanswered::Request(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the answer could not be written as JSON: {e}"),
        ))
    })
}

/// The answer to a request whose check ran past the server's deadline.
fn past_deadline(state: &State) -> ApiError {
    let limit = state.options.deadline;
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "this draft took longer to check than the server allows ({} ms of work), so the \
             check was abandoned; send a shorter draft, or ask whoever runs the server to raise \
             `--deadline-ms`",
            limit.as_millis()
        ),
    )
}

/// The draft of a request: its `text`, or its `fields` as a record (named `name`).
fn draft_input(
    text: Option<String>,
    fields: Option<FieldsRequest>,
    name: Option<String>,
    format: Option<Format>,
) -> Result<DraftOrigin, ApiError> {
    match (text, fields) {
        (Some(text), None) => Ok(DraftOrigin::Text {
            name: virtual_name(name.as_deref(), format),
            text,
            format: None,
        }),
        (None, Some(fields)) => {
            let parts = Parts {
                headline: fields.headline,
                dek: fields.dek,
                body: fields.body,
            };
            let format = format.unwrap_or(Format::FALLBACK);
            let id = name.unwrap_or_else(|| "draft".to_owned());
            Ok(DraftOrigin::Record(Box::new(Record::new(
                id, parts, format,
            ))))
        }
        _ => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "send the draft as `text` or as `fields` ({\"headline\", \"dek\", \"body\"}), one of the two",
        )),
    }
}

/// The server's own session, or one for the request's configuration (cached by its text).
fn session_for(state: &State, config: Option<&str>) -> Result<Arc<Session>, ApiError> {
    let Some(text) = config else {
        return Ok(state.base.clone());
    };
    if let Some(session) = state
        .configs
        .lock()
        .ok()
        .and_then(|cache| cache.get(text).cloned())
    {
        return Ok(session);
    }
    let options = Options {
        rules: state.options.rules.clone(),
        config: ConfigChoice::Text {
            name: "config".to_owned(),
            text: text.to_owned(),
        },
        file_access: FileAccess::Off,
        ..Options::default()
    };
    let session = match Session::prepare(options, Vec::new()) {
        Ok((session, _)) => Arc::new(session),
        Err(SetupError::Located(errors)) => {
            let text =
                String::from_utf8_lossy(&render::human::render_located_errors(&errors, false))
                    .into_owned();
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, text));
        }
        Err(SetupError::Message(message)) => {
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message));
        }
    };
    if let Ok(mut cache) = state.configs.lock() {
        if cache.len() >= super::state::CONFIG_CACHE {
            cache.clear();
        }
        cache.insert(text.to_owned(), session.clone());
    }
    Ok(session)
}

/// The virtual path of a draft: its name (no folders) with the extension of its format, or,
/// with no format given, as it is when its extension names a format other than the fallback's
/// (plain text, whose extension it is given otherwise).
fn virtual_name(name: Option<&str>, format: Option<Format>) -> String {
    let name = name
        .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n))
        .filter(|n| !n.is_empty())
        .unwrap_or("draft");
    let format = match format {
        Some(format) => format,
        None if Format::for_path(name) != Format::FALLBACK => return name.to_owned(),
        None => Format::FALLBACK,
    };
    let extension = format!(".{}", format.short_name());
    if name.ends_with(&extension) {
        name.to_owned()
    } else {
        format!("{name}{extension}")
    }
}

/// `GET /v1/rules`: every rule of the server's own rules.
pub fn rules(state: &State) -> String {
    let rules = &state.base.profiles()[0].rules;
    let list: Vec<Value> = rules
        .rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let meta = &rule.meta;
            json!({
                "id": meta.id,
                "kind": meta.kind,
                "severity": meta.severity.name(),
                "pack": rules.packs[meta.origin.pack].title,
                "scope": meta.scope.kinds().map(|k| k.name()).collect::<Vec<_>>(),
                "enabled": rules.enabled[index],
                "preview": meta.preview,
            })
        })
        .collect();
    json!({"version": render::json::SCHEMA_VERSION, "rules": list}).to_string()
}

/// `GET /v1/rules/{id}`: a rule's explanation (Markdown), or 404.
pub fn rule(state: &State, id: &str) -> Result<String, ApiError> {
    let rules = &state.base.profiles()[0].rules;
    let rule = rules
        .rule(id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no rule `{id}`")))?;
    Ok(json!({"id": rule.meta.id, "explain": render::explain::rule(rules, rule)}).to_string())
}

#[cfg(test)]
mod tests;
