//! The command line: `check`, `rules`, `explain`, `init`, `dump-model`, `test`, `lsp`, `serve`,
//! `train`. The flags are
//! defined in [`flags`]; every command writes to the output it is given and returns its exit
//! code, and an error writing that output (a closed pipe) goes back up to `main`.
//!
//! Exit codes: 0 when nothing at or above `--fail-on` was found, 1 when something was, 2 for a
//! usage, rule-pack, configuration or input error.

mod check;
mod check_run;
mod commands;
pub mod flags;
mod output;
mod records;
mod setup;
mod test_packs;
mod train;

pub use flags::{Cli, Command};
pub use setup::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

// What every command shares, for the commands below to `use super::…`.
use setup::{load_rules, report_setup_error, rule_options};
use std::io::{self, Write};

/// Runs a parsed command line, writing its output to `out`; returns the exit code.
pub fn run(cli: Cli, out: &mut dyn Write) -> io::Result<u8> {
    match cli.command {
        Command::Check(args) => check::check(&args, out),
        Command::Rules { rules, literals } => commands::list_rules(&rules, literals, out),
        Command::Init => commands::init(),
        Command::Explain { name, rules } => commands::explain(&name, &rules, out),
        Command::DumpModel { file } => commands::dump_model(file, out),
        Command::Test {
            packs,
            bless,
            color,
        } => test_packs::test_packs(&packs, bless, color, out),
        Command::Train(args) => train::train(&args, out),
        Command::Lsp(args) => Ok(lsp(&args)),
        Command::Serve(args) => Ok(serve(&args)),
    }
}

/// `copydesk lsp`: serves on standard input and output until the editor says exit. The
/// caller must not hold standard output locked.
pub fn lsp(args: &flags::LspArgs) -> u8 {
    let options = crate::lsp::ServerOptions {
        rules: rule_options(&args.rules),
        debounce: std::time::Duration::from_millis(args.debounce_ms),
        crash_on: args.crash_on.clone(),
    };
    match crate::lsp::serve_stdio(options) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_ERROR
        }
    }
}

/// `copydesk serve`: serves until stopped.
fn serve(args: &flags::ServeArgs) -> u8 {
    let workers = args.workers.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
    });
    let options = crate::serve::ServeOptions {
        listen: args.listen,
        body_limit: args.body_limit,
        workers,
        queue: args.queue,
        deadline: std::time::Duration::from_millis(args.deadline_ms),
        max_findings: args.max_findings,
        allow_hosts: args.allow_host.clone(),
        allow_origins: args.allow_origin.clone(),
        rules: rule_options(&args.rules),
        test_delay: args.test_delay_ms.map(std::time::Duration::from_millis),
    };
    match crate::serve::serve(options) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_ERROR
        }
    }
}
