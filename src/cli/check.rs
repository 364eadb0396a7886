//! `copydesk check`: the pipeline's steps in order — gather the inputs, prepare the session,
//! then for each chunk check, fix (with `--fix` or `--diff`) and render — and a summary.

use super::flags::{CheckArgs, InputKind, OutputFormat};
use super::output;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, report_setup_error, rule_options};
use crate::fix;
use crate::input::{self, InputProblem};
use crate::pipeline::{self, Checked, ConfigChoice, FixedArticle, Input, Options, Session};
use crate::render::{self, Counts, Report};
use crate::rules::RuleSet;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How many articles a streaming run reads, checks and prints at a time.
pub(super) const STREAM_CHUNK: usize = 256;
/// The number of articles from which a terminal run shows a progress bar.
const PROGRESS_MIN_ARTICLES: usize = 200;

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
    let extensions = if records {
        input::RECORD_EXTENSIONS
    } else {
        input::ARTICLE_EXTENSIONS
    };
    let gathered = pipeline::gather(&paths, extensions, args.stdin_filename.as_ref());
    let (session, plan) = match Session::prepare(options(args), gathered.inputs) {
        Ok(prepared) => prepared,
        Err(error) => return Ok(report_setup_error(&error)),
    };
    let mut run = CheckRun::new(args, if records { 0 } else { plan.planned.len() });
    run.problems = gathered.problems;
    run.problems.extend(excluded_notes(&plan.excluded, &paths));
    if records {
        let checked_any = super::records::check_exports(&mut run, &session, &plan.planned, out)?;
        return run.finish(&session, !checked_any, started, out);
    }
    let chunk_size = if run.streams {
        STREAM_CHUNK
    } else {
        plan.planned.len().max(1)
    };
    for chunk in plan.planned.chunks(chunk_size) {
        let checked = run.check_chunk(&session, chunk, out)?;
        if let Some(checked) = checked {
            run.report_chunk(&session, checked, out)?;
        }
    }
    run.finish(&session, plan.planned.is_empty(), started, out)
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
        file_access: pipeline::FileAccess::Full,
    }
}

/// A note for each file named on the command line that a configuration excludes, so that a
/// run that checks nothing says why.
fn excluded_notes(excluded: &[Input], named: &[PathBuf]) -> Vec<InputProblem> {
    excluded
        .iter()
        .filter_map(|input| match input {
            Input::File(path) if named.contains(path) => Some(InputProblem {
                name: path.display().to_string(),
                message: "skipped: `[files] exclude` of its copydesk.toml leaves it out".to_owned(),
                is_error: false,
            }),
            _ => None,
        })
        .collect()
}

/// A run of `check` in progress: what it prints where, and what it has counted.
pub(super) struct CheckRun<'a> {
    pub(super) args: &'a CheckArgs,
    format: OutputFormat,
    /// Whether chunks are checked, printed and dropped one at a time.
    pub(super) streams: bool,
    color: bool,
    bar: Option<ProgressBar>,
    pub(super) problems: Vec<InputProblem>,
    /// Inputs that could not be read, among the problems already printed.
    unread: usize,
    /// Files whose fixes could not be written (each warned of): the run exits 2.
    unwritten: usize,
    articles: usize,
    counts: Counts,
    failed: bool,
}

impl<'a> CheckRun<'a> {
    fn new(args: &'a CheckArgs, inputs: usize) -> Self {
        let format = args.format.unwrap_or(OutputFormat::Human);
        // Fixed records are written to standard output as they are checked; fixed files
        // are written back at the end of the run.
        let fixes_stream = !args.fix || args.input == InputKind::Jsonl;
        let streams = !args.corpus
            && fixes_stream
            && !args.diff
            && !args.statistics
            && output::streams(format);
        let bar = (inputs >= PROGRESS_MIN_ARTICLES
            && io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && !args.quiet)
            .then(|| {
                let bar = ProgressBar::new(inputs as u64);
                if let Ok(style) =
                    ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
                {
                    bar.set_style(style);
                }
                bar
            });
        Self {
            args,
            format,
            streams,
            color: args.color.enabled(io::stdout().is_terminal()),
            bar,
            problems: Vec::new(),
            unread: 0,
            unwritten: 0,
            articles: 0,
            counts: Counts::default(),
            failed: false,
        }
    }

    /// Checks a chunk and, with `--fix` or `--diff`, fixes it; `None` when there is nothing
    /// left to report (`--diff` prints only the diff).
    pub(super) fn check_chunk(
        &mut self,
        session: &Session,
        chunk: &[pipeline::Planned],
        out: &mut dyn Write,
    ) -> io::Result<Option<Checked>> {
        let bar = self.bar.clone();
        let tick = move || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        };
        let progress = self.bar.as_ref().map(|_| &tick as &(dyn Fn() + Sync));
        let mut checked = session.check(chunk, progress);
        self.problems.append(&mut checked.problems);
        if self.args.diff {
            // `--diff` changes nothing: the summary and the exit code are the drafts' as they
            // stand, fixable findings included, so a CI job never passes a draft it only
            // diffed.
            self.count(&checked.report());
            let fixed = session.fix(&mut checked);
            self.write_fixes(&checked, &fixed, out)?;
            return Ok(None);
        }
        if self.args.fix {
            let fixed = session.fix(&mut checked);
            self.write_fixes(&checked, &fixed, out)?;
        }
        Ok(Some(checked))
    }

    /// Counts a report's articles and findings into the run's, and whether any finding is at
    /// or above `--fail-on`.
    fn count(&mut self, report: &Report<'_>) {
        self.articles += report.articles.len();
        self.counts.add(report.counts());
        self.failed |= report
            .diagnostics
            .iter()
            .any(|d| d.severity >= self.args.fail_on);
    }

    /// Writes what fixes changed: each file atomically (in its own encoding), standard input's
    /// text to standard output, or, with `--diff`, a unified diff.
    fn write_fixes(
        &mut self,
        checked: &Checked,
        fixed: &[FixedArticle],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for (index, article) in checked.articles.iter().enumerate() {
            let input = &checked.inputs[index];
            let original = fixed.iter().find(|f| f.index == index).map(|f| &f.original);
            if self.args.diff {
                if let Some(original) = original {
                    out.write_all(fix::diff(&article.name, original, &article.source).as_bytes())?;
                }
            } else if matches!(input, Input::Record(_)) {
                // Written record by record, with the lines that are not records, by the caller.
            } else if !input.is_file() {
                out.write_all(&input::encode(&article.source, article.encoding))?;
            } else if let Some(original) = original {
                let path = Path::new(&article.name);
                let written = fix::write_atomically(
                    path,
                    &input::project::root_of_file(path),
                    &input::encode(original, article.encoding),
                    &input::encode(&article.source, article.encoding),
                );
                match written {
                    Err(reason) => {
                        eprintln!("warning: {}: {reason}", article.name);
                        self.unwritten += 1;
                    }
                    Ok(_) if self.args.quiet => {}
                    Ok(file) if file == path => eprintln!("fixed {}", article.name),
                    Ok(file) => eprintln!("fixed {} (in {})", article.name, file.display()),
                }
            }
        }
        Ok(())
    }

    /// Renders a chunk's findings. A whole-run format takes the run's problems with them; a
    /// streaming one prints the problems once, at the end. With `--fix` on standard input or on
    /// records, the standard output is the fixed text and the findings go to standard error.
    pub(super) fn report_chunk(
        &mut self,
        session: &Session,
        mut checked: Checked,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if !self.streams {
            self.unread += self.problems.iter().filter(|p| p.is_error).count();
            checked.problems = std::mem::take(&mut self.problems);
        }
        if let Some(bar) = self.bar.as_ref().filter(|_| !self.streams) {
            bar.finish_and_clear();
        }
        let report = checked.report();
        self.count(&report);
        // Standard input's fixed text, or fixed records, are the standard output.
        let fixing_stdin = self.args.fix && checked.inputs.iter().any(|i| !i.is_file());
        let bytes = self.render(session, &report);
        if fixing_stdin {
            io::stderr().write_all(&bytes)
        } else {
            out.write_all(&bytes)
        }
    }

    /// Whether standard output is the fixed records, so findings go to standard error.
    fn fixes_records(&self) -> bool {
        self.args.fix && self.args.input == InputKind::Jsonl
    }

    fn render(&self, session: &Session, report: &Report<'_>) -> Vec<u8> {
        let rule_sets: Vec<&RuleSet> = session.profiles().iter().map(|p| &p.rules).collect();
        output::render(
            self.format,
            output::Summary::of(self.args),
            report,
            &rule_sets,
            self.color,
        )
    }

    /// Prints what is left (the problems of a streaming run, or of a run that read nothing)
    /// and the summary line; returns the exit code.
    pub(super) fn finish(
        mut self,
        session: &Session,
        nothing_planned: bool,
        started: Instant,
        out: &mut dyn Write,
    ) -> io::Result<u8> {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let left = (self.streams || nothing_planned) && !self.args.diff;
        if left && (nothing_planned || !self.problems.is_empty()) {
            let report = Report {
                articles: &[],
                sources: None,
                source_of: &[],
                diagnostics: &[],
                problems: &self.problems,
            };
            let bytes = self.render(session, &report);
            if self.fixes_records() {
                io::stderr().write_all(&bytes)?;
            } else {
                out.write_all(&bytes)?;
            }
        } else if self.args.diff {
            for problem in &self.problems {
                eprintln!("error: {}: {}", problem.name, problem.message);
            }
        }
        let unread = self.unread + self.problems.iter().filter(|p| p.is_error).count();
        if !self.args.quiet {
            let noun = match self.args.input {
                InputKind::Articles => "file",
                InputKind::Jsonl => "record",
            };
            let summary = render::summary_line(self.articles, self.counts, unread, noun);
            eprintln!("{summary} in {:.2}s", started.elapsed().as_secs_f64());
        }
        self.problems.clear();
        Ok(if unread > 0 || self.unwritten > 0 {
            EXIT_ERROR
        } else if self.failed {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        })
    }
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
