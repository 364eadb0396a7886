use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = copydesk::cli::Cli::parse();
    // The language server owns standard input and output (its own reader and writer
    // threads), so it must not run with standard output locked here.
    if let copydesk::cli::Command::Lsp(args) = &cli.command {
        return ExitCode::from(copydesk::cli::lsp(args));
    }
    let mut stdout = std::io::stdout().lock();
    let result = copydesk::cli::run(cli, &mut stdout).and_then(|code| {
        stdout.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`copydesk check | head -1`) ends the run quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(copydesk::cli::EXIT_ERROR)
        }
    }
}
