//! `check --input jsonl`: the article records of JSON-lines exports, read a line at a time and
//! checked a chunk at a time under each file's configuration. With `--fix`, every line goes to
//! standard output in order — each record with its text fields fixed, each line that is not a
//! record as it was — so the output is the whole export.

use super::check_run::CheckRun;
use crate::input::{self, InputProblem};
use crate::pipeline::{Checked, DraftOrigin, Planned, RecordLine, RecordReader, Session};
use std::io::{self, BufRead, BufReader, Write};

/// A line of a chunk, in the order read: a record (the next of the chunk's planned inputs), or
/// a line that is not one (blank, or unreadable), kept as read to pass through.
enum Entry {
    Record,
    AsRead(Vec<u8>),
}

/// The records of one export, gathered a chunk at a time.
struct Chunk {
    planned: Vec<Planned>,
    entries: Vec<Entry>,
}

/// Checks the records of every export; whether any record was checked.
pub(super) fn check_exports(
    run: &mut CheckRun<'_>,
    session: &Session,
    exports: &[Planned],
    out: &mut dyn Write,
) -> io::Result<bool> {
    let chunk_size = run.chunk_size(usize::MAX);
    let mut checked_any = false;
    for export in exports {
        let Some(reader) = open(&export.input, run.problems_mut()) else {
            continue;
        };
        let fields = session.profile_of(export).config.records.clone();
        let mut lines = RecordReader::new(reader, export.input.name(), fields).peekable();
        while lines.peek().is_some() {
            let chunk = next_chunk(&mut lines, session, export, chunk_size, run.problems_mut());
            checked_any |= !chunk.planned.is_empty();
            check_chunk(run, session, chunk, out)?;
        }
    }
    Ok(checked_any)
}

/// Opens an export: a file, or standard input. A file that cannot be opened is a problem.
fn open(export: &DraftOrigin, problems: &mut Vec<InputProblem>) -> Option<Box<dyn BufRead>> {
    match export {
        DraftOrigin::File(path) => match std::fs::File::open(path) {
            Ok(file) => Some(Box::new(BufReader::new(file))),
            Err(e) => {
                let name = path.display().to_string();
                problems.push(input::problem(&name, format!("cannot read: {e}")));
                None
            }
        },
        _ => Some(Box::new(io::stdin().lock())),
    }
}

/// The next `size` records of an export (and the unreadable lines among them), planned under
/// the export's profile; each unreadable line's problem goes to `problems`.
fn next_chunk(
    lines: &mut impl Iterator<Item = RecordLine>,
    session: &Session,
    export: &Planned,
    size: usize,
    problems: &mut Vec<InputProblem>,
) -> Chunk {
    let mut chunk = Chunk {
        planned: Vec::new(),
        entries: Vec::new(),
    };
    while chunk.planned.len() < size {
        match lines.next() {
            None => break,
            Some(RecordLine::Record(record)) => {
                chunk
                    .planned
                    .push(session.plan_like(export, DraftOrigin::Record(record)));
                chunk.entries.push(Entry::Record);
            }
            Some(RecordLine::Blank(raw)) => chunk.entries.push(Entry::AsRead(raw)),
            Some(RecordLine::Unreadable { problem, raw }) => {
                problems.push(problem);
                chunk.entries.push(Entry::AsRead(raw));
            }
        }
    }
    chunk
}

/// Checks a chunk, writes its records when fixing, and reports its findings. A chunk of
/// unreadable lines only is not reported: its problems are the run's, printed at its end.
fn check_chunk(
    run: &mut CheckRun<'_>,
    session: &Session,
    chunk: Chunk,
    out: &mut dyn Write,
) -> io::Result<()> {
    if chunk.planned.is_empty() {
        return match run.fixes() {
            true => write_records(&chunk, &Checked::default(), out),
            false => Ok(()),
        };
    }
    let checked = run.check_chunk(session, &chunk.planned, out)?;
    if let Some(checked) = checked {
        if run.fixes() {
            write_records(&chunk, &checked, out)?;
        }
        run.report_chunk(session, checked, out)?;
    }
    Ok(())
}

/// Writes every line of the chunk in order, each with its own line end: each record with its
/// fields as fixing left them (byte for byte as read when nothing was fixed), every other line
/// as it was read. A read error has no line to give back (the run fails).
fn write_records(chunk: &Chunk, checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    let mut records = chunk.planned.iter().zip(&checked.articles);
    for entry in &chunk.entries {
        match entry {
            Entry::AsRead(raw) => out.write_all(raw)?,
            Entry::Record => {
                if let Some((planned, article)) = records.next()
                    && let (DraftOrigin::Record(record), Some(parts)) =
                        (&planned.input, article.parts())
                {
                    out.write_all(record.with_parts(&parts).as_bytes())?;
                }
            }
        }
    }
    Ok(())
}
