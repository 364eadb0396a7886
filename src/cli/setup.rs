//! What every command shares: the exit codes, and the rules a command line sets up. Below
//! every command and the dispatch in [`super`].

use super::flags::{ColorChoice, RuleArgs};
use crate::pipeline::{self, Options, RuleOptions, SetupError};
use crate::render;
use crate::rules::RuleSet;
use std::io::{self, IsTerminal, Write};

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// The pipeline's rule options from the command line's.
pub(super) fn rule_options(args: &RuleArgs) -> RuleOptions {
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
pub(super) fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
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
pub(super) fn report_setup_error(error: &SetupError) -> u8 {
    match error {
        SetupError::Located(errors) => {
            let color = ColorChoice::Auto.enabled(io::stderr().is_terminal());
            let _ = io::stderr().write_all(&render::human::render_located_errors(errors, color));
        }
        SetupError::Message(message) => eprintln!("error: {message}"),
    }
    EXIT_ERROR
}
