//! A loaded session: the configuration and packs, read once, that every call checks under.
//! Each method returns JSON text — the document `check --format json` prints, or the answer of
//! the server's `/v1/fix` — for the Python side to load.

use crate::{ConfigError, RecordError};
use copydesk::article::Format;
use copydesk::config::Discovery;
use copydesk::input::{self, InputProblem};
use copydesk::pipeline::{
    self, Checked, ConfigChoice, DraftOrigin, Options, Planned, Record, RuleOptions, Session,
    SetupError, SourceText,
};
use copydesk::render;
use copydesk::rules::forms::{Evidence, Verdict};
use copydesk::serve::api::{self, Limits, Mode, Unanswered};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use std::path::{Path, PathBuf};

/// The packs and configuration of `copydesk.Session`, loaded once.
#[pyclass(frozen, module = "copydesk._copydesk")]
pub struct NativeSession {
    /// What `check`, `fix` and `check_records` run under: the configuration given, or the one
    /// found from the working directory (as `copydesk check -` finds it). It reads no file a
    /// draft names: text from a CMS is a stranger's, as a server's requests are.
    session: Session,
    /// What `check_path` prepares its own session from: the configuration given, or discovery
    /// from each file, as `copydesk check PATH` does.
    path_options: Options,
    /// The most findings an answer lists (`None`: all).
    max_findings: Option<usize>,
}

#[pymethods]
impl NativeSession {
    #[new]
    #[pyo3(signature = (config, isolated, packs, select, extend_select, ignore, no_default_rules, preview, max_findings))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        config: Option<PathBuf>,
        isolated: bool,
        packs: Vec<PathBuf>,
        select: Vec<String>,
        extend_select: Vec<String>,
        ignore: Vec<String>,
        no_default_rules: bool,
        preview: bool,
        max_findings: Option<usize>,
    ) -> PyResult<Self> {
        let rules = RuleOptions {
            packs,
            no_default_rules,
            select,
            extend_select,
            ignore,
            preview,
        };
        let path_options = Options {
            rules,
            config: match (config, isolated) {
                (_, true) => ConfigChoice::Isolated,
                (Some(file), false) => ConfigChoice::File(file),
                (None, false) => ConfigChoice::Discover,
            },
            ..Options::default()
        };
        py.detach(|| {
            let mut options = path_options.clone();
            if let ConfigChoice::Discover = options.config {
                options.config = match Discovery::default().find(Path::new(".")) {
                    Some(found) => ConfigChoice::File(found),
                    None => ConfigChoice::Isolated,
                };
            }
            let (session, _) = Session::prepare(options, Vec::new()).map_err(setup_error)?;
            Ok(NativeSession {
                session: session.without_file_access(),
                path_options,
                max_findings,
            })
        })
    }

    /// The JSON of `/v1/check` (or of `/v1/fix` with `fix`) for one draft, named `name` as
    /// given, read in `format` or else the one its name says.
    #[pyo3(signature = (text, format, name, sources, fix))]
    fn check(
        &self,
        py: Python<'_>,
        text: String,
        format: Option<String>,
        name: Option<String>,
        sources: Vec<(String, String)>,
        fix: bool,
    ) -> PyResult<String> {
        let format = format.as_deref().map(parse_format).transpose()?;
        let input = DraftOrigin::Text {
            name: name.unwrap_or_else(|| "draft".to_owned()),
            text,
            format,
        };
        let sources: Vec<SourceText> = sources
            .into_iter()
            .map(|(name, text)| SourceText { name, text })
            .collect();
        let mode = if fix { Mode::Fix } else { Mode::Check };
        let limits = Limits {
            deadline: None,
            max_findings: self.max_findings.unwrap_or(usize::MAX),
        };
        py.detach(|| api::answer_draft(&self.session, input, &sources, mode, limits))
            .map_err(|unanswered| match unanswered {
                Unanswered::Request(e) => PyValueError::new_err(e.message),
                Unanswered::PastDeadline => PyRuntimeError::new_err("the check was abandoned"),
            })
    }

    /// The JSON of `copydesk check --format json PATH`: a file or a folder, each file under
    /// the configuration found for it.
    fn check_path(&self, py: Python<'_>, path: PathBuf) -> PyResult<String> {
        py.detach(|| {
            let gathered = pipeline::gather(&[path], copydesk::input::is_draft_file, None);
            let (session, plan) = Session::prepare(self.path_options.clone(), gathered.inputs)
                .map_err(setup_error)?;
            let mut checked = session.check(&plan.planned, None);
            checked.problems.splice(0..0, gathered.problems);
            self.answer(checked)
        })
    }

    /// The JSON of `copydesk check --input jsonl --format json` over these lines, each one
    /// record (`first` is the number of the first, for errors). A line that is not a record
    /// raises, or with `report_errors` is an error of the answer, as the command line reports
    /// it, named `record N`.
    fn check_records(
        &self,
        py: Python<'_>,
        lines: Vec<String>,
        first: usize,
        report_errors: bool,
    ) -> PyResult<String> {
        py.detach(|| {
            let places: Vec<u64> = (0..lines.len() as u64).collect();
            let names: Vec<String> = (first..first + lines.len())
                .map(|n| format!("record {n}"))
                .collect();
            let (planned, _, problems) = self.records(&lines, &places, &names);
            if let Some(problem) = problems.first().filter(|_| !report_errors) {
                let message = format!("{}: {}", problem.name, problem.message);
                return Err(RecordError::new_err(message));
            }
            let mut checked = self.session.check(&planned, None);
            checked.problems.splice(0..0, problems);
            self.answer(checked)
        })
    }

    /// The first pass of an archive audit over one part of an export: the evidence (a JSON
    /// list, one entry a group) that the rules judging a corpus gather from these lines, each
    /// at its place (line index) in the export. Lines that are not records are left out.
    fn gather_evidence(
        &self,
        py: Python<'_>,
        lines: Vec<PyBackedBytes>,
        places: Vec<u64>,
    ) -> PyResult<String> {
        py.detach(|| {
            let (planned, places, _) = self.records(&lines, &places, &[]);
            let (_, evidence) = self.session.gather_evidence(&planned, &places);
            json(&evidence)
        })
    }

    /// The verdicts (a JSON list) on a whole export's merged evidence (a JSON list).
    fn verdicts(&self, py: Python<'_>, evidence: String) -> PyResult<String> {
        py.detach(|| {
            let evidence: Vec<Evidence> = serde_json::from_str(&evidence)
                .map_err(|e| PyValueError::new_err(format!("not evidence: {e}")))?;
            json(&self.session.verdicts(&evidence))
        })
    }

    /// The JSON report of these lines (bytes, each at its place in the corpus) checked as
    /// `check --input jsonl` checks them, the rules that judge a corpus reporting against
    /// `verdicts` (a JSON list) when given. A line that is not a record (not UTF-8, not JSON,
    /// no id) is an error of the report, named by its entry in `names` (`export.jsonl:LINE`).
    #[pyo3(signature = (lines, places, names, verdicts=None))]
    fn check_lines(
        &self,
        py: Python<'_>,
        lines: Vec<PyBackedBytes>,
        places: Vec<u64>,
        names: Vec<String>,
        verdicts: Option<String>,
    ) -> PyResult<String> {
        py.detach(|| {
            let verdicts: Option<Vec<Verdict>> = verdicts
                .map(|text| serde_json::from_str(&text))
                .transpose()
                .map_err(|e| PyValueError::new_err(format!("not verdicts: {e}")))?;
            let (planned, places, problems) = self.records(&lines, &places, &names);
            let mut checked = match &verdicts {
                Some(verdicts) => self
                    .session
                    .check_with_verdicts(&planned, &places, verdicts),
                None => self.session.check(&planned, None),
            };
            checked.problems.splice(0..0, problems);
            json(&render::json::report(&checked.report()))
        })
    }
}

impl NativeSession {
    /// The JSON report of `checked` (`check --format json`'s document), listing at most the
    /// session's `max_findings`, and whether there were more (`truncated`).
    fn answer(&self, mut checked: Checked) -> PyResult<String> {
        let limit = self.max_findings.unwrap_or(usize::MAX);
        let truncated = checked.diagnostics.len() > limit;
        checked.diagnostics.truncate(limit);
        json(&Answer {
            report: render::json::report(&checked.report()),
            truncated,
        })
    }

    /// The records among `lines` (blank lines skipped), planned under the session's
    /// configuration, with their places; and a problem for each line that is not a record.
    fn records(
        &self,
        lines: &[impl AsRef<[u8]>],
        places: &[u64],
        names: &[String],
    ) -> (Vec<Planned>, Vec<u64>, Vec<InputProblem>) {
        let fields = &self.session.profiles()[0].config.records;
        let mut planned = Vec::with_capacity(lines.len());
        let mut kept = Vec::with_capacity(lines.len());
        let mut problems = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            let line = line.as_ref();
            if line.trim_ascii().is_empty() {
                continue;
            }
            let place = places.get(index).copied().unwrap_or(index as u64);
            match Record::parse(line, fields) {
                Ok(record) => {
                    planned.push(self.session.plan(DraftOrigin::Record(Box::new(record))));
                    kept.push(place);
                }
                Err(message) => {
                    let name = names.get(index).map_or("record", String::as_str);
                    problems.push(input::problem(name, message));
                }
            }
        }
        (planned, kept, problems)
    }
}

/// The `copydesk.toml` that applies to `path` (a file or folder), found as `copydesk check`
/// finds it: the nearest above it.
#[pyfunction]
pub fn find_config(path: PathBuf) -> Option<PathBuf> {
    Discovery::default().find(&path)
}

/// Merges two partial evidences of one group (JSON objects): the evidence of both parts.
#[pyfunction]
pub fn merge_evidence(py: Python<'_>, left: String, right: String) -> PyResult<String> {
    py.detach(|| {
        let parse = |text: &str| {
            serde_json::from_str::<Evidence>(text)
                .map_err(|e| PyValueError::new_err(format!("not evidence: {e}")))
        };
        let mut merged = parse(&left)?;
        let right = parse(&right)?;
        if (merged.rule.as_str(), merged.group.as_str())
            != (right.rule.as_str(), right.group.as_str())
        {
            return Err(PyValueError::new_err("evidence of two different groups"));
        }
        merged.merge(right);
        json(&merged)
    })
}

/// A format by any name a record may give it.
fn parse_format(name: &str) -> PyResult<Format> {
    Format::from_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown format `{name}`; one of {}",
            Format::names_for_error()
        ))
    })
}

/// A session that could not be prepared, as the command line reports it.
fn setup_error(error: SetupError) -> PyErr {
    match error {
        SetupError::Located(errors) => {
            let text = render::human::render_located_errors(&errors, false);
            ConfigError::new_err(String::from_utf8_lossy(&text).trim_end().to_owned())
        }
        SetupError::Message(message) => ConfigError::new_err(message),
    }
}

/// A report, and whether findings past the session's limit were left out of it.
#[derive(serde::Serialize)]
struct Answer<'a> {
    #[serde(flatten)]
    report: render::json::JsonReport<'a>,
    truncated: bool,
}

fn json(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}
