//! The server's state and its message loop: documents in, diagnostics out.

use super::ServerOptions;
use super::actions;
use super::convert::path_of;
use super::diagnostics;
use super::documents::{Document, Documents};
use super::workspace::Workspace;
use crate::article::Format;
use crate::pipeline::{Checked, DraftOrigin, SetupError};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, Diagnostic,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, PositionEncodingKind, PublishDiagnosticsParams,
    Registration, RegistrationParams, SaveOptions, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

/// What the server offers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The files whose change reloads the rules: configurations and packs, and their data.
const WATCHED: &[&str] = &["**/*.toml", "**/*.tsv"];

pub struct Server<'c> {
    connection: &'c Connection,
    options: ServerOptions,
    workspace: Workspace,
    documents: Documents,
    /// Configuration and pack files showing load errors now.
    broken_files: HashSet<String>,
    watches_files: bool,
}

impl<'c> Server<'c> {
    pub fn new(
        connection: &'c Connection,
        options: ServerOptions,
        params: &serde_json::Value,
    ) -> Self {
        let params: Option<InitializeParams> = serde_json::from_value(params.clone()).ok();
        let watches_files = params
            .as_ref()
            .and_then(|p| p.capabilities.workspace.as_ref())
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        Server {
            connection,
            workspace: Workspace::new(options.rules.clone()),
            options,
            documents: Documents::default(),
            broken_files: HashSet::new(),
            watches_files,
        }
    }

    /// Handles messages until the editor says exit (or goes away).
    pub fn run(&mut self) -> Result<(), String> {
        if self.watches_files {
            self.register_watchers();
        }
        loop {
            let received = match self.documents.next_due() {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(message) => Some(message),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return Ok(()),
                },
            };
            if let Some(message) = received
                && self.handle(message)?
            {
                return Ok(());
            }
            for uri in self.documents.due(Instant::now()) {
                self.check(&uri);
            }
        }
    }

    /// One message; whether it ended the session.
    fn handle(&mut self, message: Message) -> Result<bool, String> {
        match message {
            Message::Request(request) => {
                // An editor that goes away during shutdown (no `exit`) ends the session too.
                let shutdown = self.connection.handle_shutdown(&request).unwrap_or(true);
                if !shutdown {
                    self.answer(request);
                }
                Ok(shutdown)
            }
            Message::Notification(notification) => {
                self.notified(notification);
                Ok(false)
            }
            Message::Response(_) => Ok(false),
        }
    }

    fn answer(&mut self, request: Request) {
        let id = request.id.clone();
        let response = match request.method.as_str() {
            CodeActionRequest::METHOD => self.code_actions(request),
            HoverRequest::METHOD => self.hover(request),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("copydesk does not answer {}", request.method),
            )),
        };
        let response = match response {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response));
    }

    fn code_actions(&mut self, request: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let params: lsp_types::CodeActionParams = params(request)?;
        let uri = params.text_document.uri;
        let actions = self
            .current(&uri)
            .map(|checked| actions::code_actions(checked, &uri, params.range))
            .unwrap_or_default();
        Ok(serde_json::to_value(actions).unwrap_or_default())
    }

    fn hover(&mut self, request: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let params: lsp_types::HoverParams = params(request)?;
        let place = params.text_document_position_params;
        let uri = place.text_document.uri;
        if self.current(&uri).is_none() {
            return Ok(serde_json::Value::Null);
        }
        let config = self.documents.get(&uri).and_then(|d| d.config.clone());
        let (session, _) = self.workspace.session(config);
        let Some(session) = session else {
            return Ok(serde_json::Value::Null);
        };
        let rules = &session.profiles()[0].rules;
        let hover = self
            .documents
            .get(&uri)
            .and_then(|d| d.checked.as_ref())
            .and_then(|checked| actions::hover(checked, rules, place.position));
        Ok(serde_json::to_value(hover).unwrap_or_default())
    }

    /// The check of the document's current text, checking it now if it changed since.
    fn current(&mut self, uri: &Uri) -> Option<&Checked> {
        if self.documents.get(uri)?.checked.is_none() {
            self.check(uri);
        }
        self.documents.get(uri)?.checked.as_ref()
    }

    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    self.opened(params.text_document);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let due = Instant::now() + self.options.debounce;
                    if let Some(doc) = self.documents.get_mut(&params.text_document.uri) {
                        doc.apply(params.content_changes, params.text_document.version);
                        doc.due = Some(due);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    self.check(&params.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                    && let Some(doc) = self.documents.close(&params.text_document.uri)
                {
                    self.publish(doc.uri, Vec::new(), None);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                self.workspace.invalidate();
                for uri in self.documents.uris() {
                    self.check(&uri);
                }
            }
            _ => {}
        }
    }

    fn opened(&mut self, item: lsp_types::TextDocumentItem) {
        let path = path_of(&item.uri);
        if !is_draft(path.as_deref(), &item.language_id) {
            return;
        }
        let name = match &path {
            Some(path) => path.display().to_string(),
            None => untitled_name(&item.uri, &item.language_id),
        };
        let uri = item.uri.clone();
        self.documents.open(Document {
            uri: item.uri,
            path,
            name,
            text: item.text,
            version: item.version,
            due: None,
            checked: None,
            config: None,
        });
        self.check(&uri);
    }

    /// Checks a document now and publishes what was found.
    fn check(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let config = self.workspace.config_of(doc.path.as_deref());
        doc.config = config.clone();
        let input = DraftOrigin::Text {
            name: doc.name.clone(),
            text: doc.text.clone(),
            format: None,
        };
        let (version, excluded_path) = (doc.version, doc.path.clone());
        let crash_on = self.options.crash_on.clone();
        let (session, error) = self.workspace.session(config);
        let mut extra: Vec<Diagnostic> = error.map(setup_notice).into_iter().collect();
        let outcome = session.map(|session| {
            let excluded = excluded_path
                .as_deref()
                .is_some_and(|p| session.profiles()[0].config.excludes(p));
            if excluded {
                return Ok(None);
            }
            let planned = session.plan(input);
            catch_unwind(AssertUnwindSafe(|| {
                if let Some(marker) = &crash_on
                    && let DraftOrigin::Text { text, .. } = &planned.input
                    && text.contains(marker.as_str())
                {
                    panic!("a check failed on purpose (--crash-on)");
                }
                Some(session.check(std::slice::from_ref(&planned), None))
            }))
        });
        let checked = match outcome {
            Some(Ok(checked)) => checked,
            Some(Err(panic)) => {
                extra.push(diagnostics::internal_error(&panic_message(&panic)));
                None
            }
            None => None,
        };
        self.publish_setup_errors();
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        let mut found = checked
            .as_ref()
            .map(|c| diagnostics::of_document(c, uri))
            .unwrap_or_default();
        found.extend(extra);
        doc.checked = checked;
        self.publish(uri.clone(), found, Some(version));
    }

    /// Shows the errors of every configuration or pack that does not load on its file, and
    /// clears files that load again.
    fn publish_setup_errors(&mut self) {
        let mut now: Vec<(Uri, Vec<Diagnostic>)> = Vec::new();
        for errors in self.workspace.located_errors() {
            now.extend(diagnostics::of_setup_errors(errors));
        }
        let current: HashSet<String> = now.iter().map(|(uri, _)| uri.as_str().to_owned()).collect();
        let cleared: Vec<String> = self.broken_files.difference(&current).cloned().collect();
        for uri in cleared {
            if let Ok(uri) = uri.parse::<Uri>() {
                self.publish(uri, Vec::new(), None);
            }
        }
        for (uri, list) in now {
            self.publish(uri, list, None);
        }
        self.broken_files = current;
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_owned(),
            params,
        )));
    }

    fn register_watchers(&self) {
        let watchers = WATCHED
            .iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String((*glob).to_owned()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "copydesk-rules".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let request = Request::new(
            RequestId::from("copydesk-watch".to_owned()),
            RegisterCapability::METHOD.to_owned(),
            params,
        );
        self.send(Message::Request(request));
    }

    /// Sends a message; a closed connection ends the loop at the next receive.
    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }
}

fn params<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params)
        .map_err(|e| (ErrorCode::InvalidParams, format!("bad parameters: {e}")))
}

/// Whether a document is one copydesk checks: a file whose extension an input format claims
/// (`.md`, `.txt`, `.html` …), or a buffer with no file in a language one holds (Markdown,
/// plain text, HTML). A configuration or pack open in the same editor is left alone.
fn is_draft(path: Option<&std::path::Path>, language: &str) -> bool {
    match path {
        Some(path) => path
            .file_name()
            .is_some_and(|name| Format::of_path(&name.to_string_lossy()).is_some()),
        None => Format::for_language(language).is_some(),
    }
}

/// A name for a buffer with no file: its URI's last part, with the extension of its language's
/// format (plain text's for a language no format holds).
fn untitled_name(uri: &Uri, language: &str) -> String {
    let format = Format::for_language(language).unwrap_or(Format::FALLBACK);
    let last = uri.as_str().rsplit(['/', ':']).next().unwrap_or("untitled");
    if last.contains('.') {
        last.to_owned()
    } else {
        format!("{last}.{}", format.short_name())
    }
}

/// Why the rules in use are not the configuration's: one note at the top of the document.
fn setup_notice(error: &SetupError) -> Diagnostic {
    let reason = match error {
        SetupError::Located(errors) => {
            let files: Vec<&str> = errors.files.iter().map(|f| f.name.as_str()).collect();
            format!(
                "{} does not load (its errors are shown in it)",
                files.join(", ")
            )
        }
        SetupError::Message(message) => message.clone(),
    };
    Diagnostic {
        severity: Some(lsp_types::DiagnosticSeverity::WARNING),
        code: Some(lsp_types::NumberOrString::String("config".to_owned())),
        source: Some(diagnostics::SOURCE.to_owned()),
        message: format!(
            "the configuration is not in use: {reason}; checking with the last rules that loaded"
        ),
        ..Diagnostic::default()
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}
