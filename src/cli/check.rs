//! `copydesk check`: the pipeline's steps in order — gather the inputs, prepare the session,
//! then for each chunk check, fix (with `--fix` or `--diff`) and render — and a summary.

use super::check_run::CheckRun;
use super::flags::{CheckArgs, InputKind};
use super::output;
use super::{EXIT_ERROR, report_setup_error, rule_options};
use crate::input::{self, InputProblem};
use crate::pipeline::{self, ConfigChoice, DraftOrigin, Options, Session};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn check(args: &CheckArgs, out: &mut dyn Write) -> io::Result<u8> {
    let started = Instant::now();
    if let Some(message) = output::unsupported(args.format, output::Summary::of(args), args.diff) {
        eprintln!("error: {message}");
        return Ok(EXIT_ERROR);
    }
    let paths = match paths_to_check(args) {
        Ok(paths) => paths,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let records = args.input == InputKind::Jsonl;
    let wanted = if records {
        input::is_record_export
    } else {
        input::is_draft_file
    };
    let gathered = pipeline::gather(&paths, wanted, args.stdin_filename.as_ref());
    let (session, plan) = match Session::prepare(options(args), gathered.inputs) {
        Ok(prepared) => prepared,
        Err(error) => return Ok(report_setup_error(&error)),
    };
    let mut problems = gathered.problems;
    problems.extend(excluded_notes(&plan.excluded, &paths));
    let mut run = CheckRun::new(args, if records { 0 } else { plan.planned.len() }, problems);
    let code = if records {
        let checked_any = super::records::check_exports(&mut run, &session, &plan.planned, out)?;
        run.finish(&session, !checked_any, started, out)
    } else {
        let chunk_size = run.chunk_size(plan.planned.len().max(1));
        for chunk in plan.planned.chunks(chunk_size) {
            let checked = run.check_chunk(&session, chunk, out)?;
            if let Some(checked) = checked {
                run.report_chunk(&session, checked, out)?;
            }
        }
        run.finish(&session, plan.planned.is_empty(), started, out)
    };
    // The process ends after a check: its compiled rules are left to the operating system, not
    // freed one allocation at a time, which costs more than checking a short article.
    std::mem::forget(session);
    code
}

/// The paths named on the command line and in `--files-from`; with none, standard input when
/// `--stdin-filename` names it, or else the current folder.
fn paths_to_check(args: &CheckArgs) -> Result<Vec<PathBuf>, String> {
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        paths.extend(read_file_list(list)?);
    }
    if paths.is_empty() {
        if args.stdin_filename.is_some() {
            paths.push(PathBuf::from("-"));
        } else {
            let list_read_stdin = args
                .files_from
                .as_ref()
                .is_some_and(|f| f == Path::new("-"));
            if !args.quiet && !list_read_stdin && stdin_has_input() {
                eprintln!(
                    "warning: no path given, so the current folder is checked and standard input is not read\n  \
                     hint: name standard input with `-` to check it: `copydesk check -`"
                );
            }
            paths.push(PathBuf::from("."));
        }
    }
    Ok(paths)
}

/// Whether standard input brings text a user may have meant to check: a pipe, a socket or a
/// non-empty file, not a terminal or `/dev/null`.
#[cfg(unix)]
fn stdin_has_input() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    let Ok(metadata) = stdin
        .as_fd()
        .try_clone_to_owned()
        .and_then(|fd| std::fs::File::from(fd).metadata())
    else {
        return false;
    };
    let kind = metadata.file_type();
    kind.is_fifo() || kind.is_socket() || (kind.is_file() && metadata.len() > 0)
}

/// Whether standard input brings text a user may have meant to check: anything but a terminal.
#[cfg(not(unix))]
fn stdin_has_input() -> bool {
    !io::stdin().is_terminal()
}

/// The pipeline's options from the command line's.
fn options(args: &CheckArgs) -> Options {
    let config = if args.isolated {
        ConfigChoice::Isolated
    } else if let Some(file) = &args.config {
        ConfigChoice::File(file.clone())
    } else {
        ConfigChoice::Discover
    };
    Options {
        rules: rule_options(&args.rules),
        config,
        source_files: args.sources.clone(),
        source_texts: Vec::new(),
        corpus: args.corpus,
        date: args.date,
        file_access: pipeline::FileAccess::Full,
    }
}

/// A note for each file named on the command line that a configuration excludes, so that a
/// run that checks nothing says why.
fn excluded_notes(excluded: &[DraftOrigin], named: &[PathBuf]) -> Vec<InputProblem> {
    excluded
        .iter()
        .filter_map(|input| match input {
            DraftOrigin::File(path) if named.contains(path) => Some(InputProblem {
                name: path.display().to_string(),
                message: "skipped: `[files] exclude` of its copydesk.toml leaves it out".to_owned(),
                is_error: false,
            }),
            _ => None,
        })
        .collect()
}

/// A list of paths, one a line (`-` reads standard input), for `--files-from`.
fn read_file_list(list: &Path) -> Result<Vec<PathBuf>, String> {
    let text = if list.as_os_str() == "-" {
        let mut text = String::new();
        io::Read::read_to_string(&mut io::stdin(), &mut text)
            .map_err(|e| format!("cannot read the file list from standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(list)
            .map_err(|e| format!("cannot read the file list {}: {e}", list.display()))?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect())
}
