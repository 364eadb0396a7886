//! The language server, measured in process over an in-memory connection (no debounce):
//! how long after an edit of a 1,000-word article its new diagnostics are published, and how
//! long a fresh server takes from the handshake to the first diagnostics of an opened draft
//! (loading the rules included). Run with `cargo bench --bench lsp`.

use copydesk::lsp::{ServerOptions, serve};
use copydesk::pipeline::RuleOptions;
use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const URI: &str = "file:///tmp/copydesk-bench/draft.md";

#[path = "../tests/common/drafts.rs"]
mod drafts;

struct Client {
    connection: Connection,
    server: JoinHandle<()>,
}

impl Client {
    fn start() -> Client {
        let (server_side, connection) = Connection::memory();
        let server = std::thread::spawn(move || {
            let options = ServerOptions {
                rules: RuleOptions::default(),
                debounce: Duration::ZERO,
                crash_on: None,
            };
            serve(&server_side, options).expect("the server runs");
        });
        let client = Client { connection, server };
        client.send(Message::Request(Request::new(
            RequestId::from(1),
            "initialize".to_owned(),
            json!({"capabilities": {}, "processId": null}),
        )));
        loop {
            if let Message::Response(_) = client.receive() {
                break;
            }
        }
        client.notify("initialized", json!({}));
        client
    }

    fn send(&self, message: Message) {
        self.connection.sender.send(message).expect("send");
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.to_owned(),
            params,
        )));
    }

    fn receive(&self) -> Message {
        self.connection.receiver.recv().expect("receive")
    }

    /// Waits for the diagnostics of `version`.
    fn diagnostics(&self, version: i32) {
        loop {
            if let Message::Notification(n) = self.receive()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["version"] == version
            {
                return;
            }
        }
    }

    fn open(&self, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": text}}),
        );
        self.diagnostics(1);
    }

    fn stop(self) {
        self.send(Message::Request(Request::new(
            RequestId::from(2),
            "shutdown".to_owned(),
            Value::Null,
        )));
        self.notify("exit", Value::Null);
        self.server.join().expect("the server stops");
    }
}

fn benches(c: &mut Criterion) {
    let text = drafts::article_text();
    let mut group = c.benchmark_group("lsp");
    let client = Client::start();
    client.open(&text);
    let mut version = 1;
    group.bench_function("re-check after an edit (1,000 words)", |b| {
        b.iter(|| {
            version += 1;
            let change = json!({"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "A"});
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}),
            );
            client.diagnostics(version);
        })
    });
    client.stop();
    group.bench_function("handshake to first diagnostics (rules loaded)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let started = Instant::now();
                let client = Client::start();
                client.open(&text);
                total += started.elapsed();
                client.stop();
            }
            total
        })
    });
    group.finish();
}

criterion_group!(lsp, benches);
criterion_main!(lsp);
