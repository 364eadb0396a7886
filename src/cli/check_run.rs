//! A run of `check` in progress, for `check` and for the records of `check --input jsonl`:
//! checking, fixing and reporting chunk by chunk, counting as it goes, and the summary.

use super::flags::{CheckArgs, InputKind};
use super::output;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::fix;
use crate::input::{self, InputProblem};
use crate::pipeline::{self, Checked, DraftOrigin, FixedArticle, Session};
use crate::render::emitter::{DocumentWriter, RunEnd};
use crate::render::{self, Context, Counts, DEFAULT_EMITTER, Emitter, Report};
use crate::rules::RuleSet;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

/// How many articles a streaming run reads, checks and prints at a time.
const STREAM_CHUNK: usize = 256;
/// The number of articles from which a terminal run shows a progress bar.
const PROGRESS_MIN_ARTICLES: usize = 200;

/// A run of `check` in progress: what it prints where, and what it has counted.
pub(super) struct CheckRun<'a> {
    args: &'a CheckArgs,
    format: &'static dyn Emitter,
    /// Whether chunks are checked, printed and dropped one at a time.
    streams: bool,
    /// A document format's writer, when the run writes the document a chunk at a time.
    document: Option<Box<dyn DocumentWriter>>,
    color: bool,
    bar: Option<ProgressBar>,
    problems: Vec<InputProblem>,
    /// Inputs that could not be read, among the problems already printed.
    unread: usize,
    /// Files whose fixes could not be written (each warned of): the run exits 2.
    unwritten: usize,
    articles: usize,
    /// Articles with dates to check and no story date to check them by.
    undated: usize,
    counts: Counts,
    failed: bool,
}

impl<'a> CheckRun<'a> {
    /// A run of `inputs` documents (0 when they are not known yet, as for records), which
    /// starts with `problems` found while gathering them.
    pub(super) fn new(args: &'a CheckArgs, inputs: usize, problems: Vec<InputProblem>) -> Self {
        let format = args.format.unwrap_or(DEFAULT_EMITTER);
        // Fixed records are written to standard output as they are checked; fixed files
        // are written back at the end of the run.
        let fixes_stream = !args.fix || args.input == InputKind::Jsonl;
        let chunked = !args.corpus && fixes_stream && !args.diff && !args.statistics;
        let findings = output::Summary::of(args) == output::Summary::Findings;
        let document = format.document().filter(|_| chunked && findings);
        let streams = chunked && (format.streams() || document.is_some());
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
            document,
            color: args.color.enabled(io::stdout().is_terminal()),
            bar,
            problems,
            unread: 0,
            undated: 0,
            unwritten: 0,
            articles: 0,
            counts: Counts::default(),
            failed: false,
        }
    }

    /// How many documents to read, check and print at a time, out of `whole`: a streaming
    /// run's chunk, or all of them.
    pub(super) fn chunk_size(&self, whole: usize) -> usize {
        if self.streams { STREAM_CHUNK } else { whole }
    }

    /// The problems found so far (unreadable inputs and lines), for a reader to add to.
    pub(super) fn problems_mut(&mut self) -> &mut Vec<InputProblem> {
        &mut self.problems
    }

    /// Whether the run fixes what it checks (`--fix`).
    pub(super) fn fixes(&self) -> bool {
        self.args.fix
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
        self.undated += report
            .articles
            .iter()
            .filter(|a| a.facts_read().is_some_and(|f| f.needs_story_date(a.date)))
            .count();
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
                    out.write_all(
                        fix::diff(&article.name, original, &article.contents).as_bytes(),
                    )?;
                }
            } else if matches!(input, DraftOrigin::Record(_)) {
                // Written record by record, with the lines that are not records, by the caller.
            } else if !input.is_file() {
                out.write_all(&input::encode(&article.contents, article.encoding))?;
            } else if let Some(original) = original {
                let path = Path::new(&article.name);
                let written = fix::write_atomically(
                    path,
                    &input::project::root_of_file(path),
                    &input::encode(original, article.encoding),
                    &input::encode(&article.contents, article.encoding),
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
        let bytes = match self.document.as_mut() {
            Some(writer) => {
                let rule_sets = rule_sets(session);
                writer.chunk(&report, &context(&rule_sets, self.color))
            }
            None => self.render(session, &report),
        };
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
        let rule_sets = rule_sets(session);
        output::render(
            self.format,
            output::Summary::of(self.args),
            report,
            &context(&rule_sets, self.color),
        )
    }

    /// Ends a document written a chunk at a time: what could not be read, and the totals.
    fn finish_document(&mut self, session: &Session, out: &mut dyn Write) -> io::Result<()> {
        let Some(writer) = self.document.as_mut() else {
            return Ok(());
        };
        let rule_sets = rule_sets(session);
        let end = RunEnd {
            problems: &self.problems,
            articles: self.articles,
            counts: self.counts,
        };
        let bytes = writer.finish(&end, &context(&rule_sets, self.color));
        if self.fixes_records() {
            io::stderr().write_all(&bytes)
        } else {
            out.write_all(&bytes)
        }
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
        if self.document.is_some() {
            self.finish_document(session, out)?;
        } else if left && (nothing_planned || !self.problems.is_empty()) {
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
            let mut summary = render::summary_line(self.articles, self.counts, unread, noun);
            summary.push_str(&render::undated_note(self.undated));
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

/// The rule sets of a session's profiles, which a format may describe.
fn rule_sets(session: &Session) -> Vec<&RuleSet> {
    session.profiles().iter().map(|p| &p.rules).collect()
}

fn context<'a>(rule_sets: &'a [&'a RuleSet], color: bool) -> Context<'a> {
    Context {
        rules: rule_sets,
        color,
    }
}
