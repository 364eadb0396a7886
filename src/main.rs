use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(copydesk::cli::main(std::env::args_os()))
}
