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
use clap::Parser;
use setup::{load_rules, report_setup_error, rule_options};
use std::io::{self, Write};

/// The whole program, as the `copydesk` binary and the Python package's `copydesk` command
/// both run it: parses `args` (the program's name first), runs the command on standard output
/// and returns the exit code. Help and `--version` print and return 0, a usage error prints and
/// returns 2, and a closed pipe (`copydesk check | head -1`) ends the run quietly.
pub fn main(args: impl IntoIterator<Item = std::ffi::OsString>) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Printing help or a usage error to a closed stream leaves nothing to report.
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    // The language server owns standard input and output (its own reader and writer
    // threads), so it must not run with standard output locked here.
    if let Command::Lsp(args) = &cli.command {
        return lsp(args);
    }
    let mut stdout = io::stdout().lock();
    let result = run(cli, &mut stdout).and_then(|code| {
        stdout.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            EXIT_ERROR
        }
    }
}

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
