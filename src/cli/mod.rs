//! The command line: `check`, `rules`, `explain`, `init`, `dump-model`, `test`, `lsp`, `serve`,
//! `train`. The flags are
//! defined in [`flags`]; every command writes to the output it is given and returns its exit
//! code, and an error writing that output (a closed pipe) goes back up to `main`.
//!
//! Exit codes: 0 when nothing at or above `--fail-on` was found, 1 when something was, 2 for a
//! usage, rule-pack, configuration or input error.

mod check;
mod commands;
pub mod flags;
mod output;
mod records;
mod test_packs;
mod train;

pub use flags::{Cli, Command};

use crate::pipeline::{self, Options, RuleOptions, SetupError};
use crate::render;
use crate::rules::RuleSet;
use flags::{ColorChoice, RuleArgs};
use std::io::{self, IsTerminal, Write};

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

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

/// The pipeline's rule options from the command line's.
fn rule_options(args: &RuleArgs) -> RuleOptions {
    RuleOptions {
        packs: args.packs.clone(),
        no_default_rules: args.no_default_rules,
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        preview: args.preview,
    }
}

/// The rules `rules`, `explain` and `test` work with: the built-in pack and `--rules` packs,
/// with the command line's selection; errors are printed.
fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    let options = Options {
        rules: rule_options(args),
        config: pipeline::ConfigChoice::Isolated,
        ..Options::default()
    };
    match pipeline::Session::prepare(options, Vec::new()) {
        Ok((session, _)) => Ok(session.into_profiles().remove(0).rules),
        Err(error) => Err(report_setup_error(&error)),
    }
}

/// Prints why a session could not be prepared, on standard error.
fn report_setup_error(error: &SetupError) -> u8 {
    match error {
        SetupError::Located(errors) => {
            let color = ColorChoice::Auto.enabled(io::stderr().is_terminal());
            let _ = io::stderr().write_all(&render::human::render_located_errors(errors, color));
        }
        SetupError::Message(message) => eprintln!("error: {message}"),
    }
    EXIT_ERROR
}
