//! `copydesk lsp`: a language server over standard input and output, so writers see findings
//! in their editor as they type. It checks with the library [`pipeline`](crate::pipeline), as
//! `check` does: the same rules, the `copydesk.toml` nearest each file, suppressions and
//! front-matter sources.
//!
//! - Documents are synced incrementally; positions are UTF-16 code units, as the protocol
//!   requires ([`convert`]).
//! - A document is checked when opened and saved, and after a pause in typing (the debounce).
//! - Code actions apply one fix, every safe fix, or insert a suppression comment; hover shows
//!   the explanation of the rules found under the cursor ([`actions`]).
//! - A configuration or pack that changes is reloaded (the server asks the editor to watch
//!   `*.toml` and `*.tsv` files); one that stops loading shows its errors on its own file while
//!   documents keep the last rules that loaded ([`workspace`]).
//! - A failure inside a check becomes an error diagnostic on that document; the server keeps
//!   serving.
//!
//! JSON-RPC framing and message types come from `lsp-server` and `lsp-types`.

pub mod actions;
pub mod convert;
pub mod diagnostics;
pub mod documents;
mod options;
mod server;
pub mod workspace;

pub use options::ServerOptions;
pub use server::Server;

use lsp_server::Connection;

/// Serves one editor over standard input and output until it says exit.
pub fn serve_stdio(options: ServerOptions) -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection, options)?;
    drop(connection);
    // An editor that closed the pipe first is an end like any other.
    match io_threads.join() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("the connection failed: {e}"))
        }
        _ => Ok(()),
    }
}

/// Serves one editor over `connection`: the handshake, then messages until exit.
pub fn serve(connection: &Connection, options: ServerOptions) -> Result<(), String> {
    let capabilities = serde_json::to_value(server::capabilities())
        .map_err(|e| format!("cannot describe the server: {e}"))?;
    let params = connection
        .initialize(capabilities)
        .map_err(|e| format!("the editor's handshake failed: {e}"))?;
    let mut server = Server::new(connection, options, &params);
    server.run()
}
