use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(copydesk::cli::run(copydesk::cli::Cli::parse()))
}
