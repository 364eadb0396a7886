//! The command line's flags (clap), kept apart from running them.

use crate::diagnostic::Severity;
use crate::render::{self, EMITTERS, Emitter};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// An editorial linter for news writing: house style and accuracy checks on article drafts,
/// with compiler-style diagnostics.
#[derive(Parser)]
#[command(name = "copydesk", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check articles (files, folders, or - for standard input).
    Check(CheckArgs),
    /// List the loaded rules: id, kind, severity and scope.
    Rules {
        #[command(flatten)]
        rules: RuleArgs,
        /// Print every literal the rules match, one a line, instead (for comparing with other
        /// tools, such as `rg -F -f`).
        #[arg(long)]
        literals: bool,
    },
    /// Explain a rule (by id) or a rule kind (by name): what it flags, why, examples.
    Explain {
        /// A rule id such as `consistency.iran-backed`, or a kind such as `preferred-term`.
        name: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Write a commented starter `copydesk.toml` in the current folder.
    Init,
    /// Print the article model of a file: blocks, their kinds and spans, and quotations.
    DumpModel {
        /// The article to read (`-` for standard input).
        file: PathBuf,
    },
    /// Run every rule's examples and every pack fixture, and report what misbehaves.
    Test {
        /// Packs (files or folders) to test; the built-in pack when none is given.
        packs: Vec<PathBuf>,
        /// Write each fixture's current output as its expected output.
        #[arg(long)]
        bless: bool,
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Run the language server over standard input and output, for editors (VS Code, Neovim,
    /// Helix, Zed): live findings, fixes as code actions, explanations on hover.
    Lsp(LspArgs),
    /// Serve the JSON API over HTTP (127.0.0.1:8480 by default), for a CMS or a newsroom's own
    /// tools.
    Serve(ServeArgs),
    /// Fit a `classifier` rule's weights from `label<TAB>text` lines: cross-validate, print
    /// the figures and the strongest features, and write the weights file.
    Train(TrainArgs),
}

#[derive(Args)]
pub struct LspArgs {
    #[command(flatten)]
    pub rules: RuleArgs,
    /// How long to wait after the last keystroke before checking, in milliseconds.
    #[arg(long, default_value_t = 150)]
    pub debounce_ms: u64,
    /// Testing only: fail (panic) while checking any document that contains this text, to
    /// prove the server survives a failing rule.
    #[arg(long, hide = true, value_name = "TEXT")]
    pub crash_on: Option<String>,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub rules: RuleArgs,
    /// The address and port to listen on (port 0: any free port, printed on start).
    #[arg(long, default_value = "127.0.0.1:8480")]
    pub listen: std::net::SocketAddr,
    /// The largest request body, in bytes.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    pub body_limit: usize,
    /// Checks that run at once (default: the number of cores).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Requests that may wait for a turn; more are answered 503.
    #[arg(long, default_value_t = 64)]
    pub queue: usize,
    /// How long one request's check may run, in milliseconds; a check past it is abandoned and
    /// answered 503.
    #[arg(long, default_value_t = 2000, value_name = "MS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub deadline_ms: u64,
    /// The most findings one answer lists; an answer with more says `"truncated": true`.
    #[arg(long, default_value_t = 5000)]
    pub max_findings: usize,
    /// A host name the server answers to besides its own address (and, on loopback,
    /// `localhost`): `desk.example.org` or `desk.example.org:443`. Repeatable.
    #[arg(long, value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// A web origin whose pages may call the API, with CORS headers
    /// (`https://cms.example.org`); requests from any other page are refused. Repeatable.
    #[arg(long, value_name = "ORIGIN")]
    pub allow_origin: Vec<String>,
    /// Testing only: make each check wait this long first.
    #[arg(long, hide = true, value_name = "MS")]
    pub test_delay_ms: Option<u64>,
}

#[derive(Args)]
pub struct TrainArgs {
    /// The labelled texts, one `label<TAB>text` a line.
    pub data: PathBuf,
    /// Where to write the weights file (nothing is written without it).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The label of the class the rule reports.
    #[arg(long, default_value = "clickbait")]
    pub positive: String,
    /// A word list (one a line): only its words may be features. Use the pack's English word
    /// list to keep names of people, places and publishers out of the model.
    #[arg(long, value_name = "FILE")]
    pub vocabulary: Option<PathBuf>,
    /// A word list (one a line) of words never to use as features, such as words that are
    /// mostly names (china, turkey). Needs `--vocabulary`. Repeatable.
    #[arg(long, value_name = "FILE", requires = "vocabulary")]
    pub exclude: Vec<PathBuf>,
    /// Folds of cross-validation.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..))]
    pub folds: u16,
    /// The rule's threshold: a probability at or above it is reported.
    #[arg(long, default_value_t = 0.5)]
    pub threshold: f64,
    /// The L2 penalty on the weights.
    #[arg(long, default_value_t = 1e-4)]
    pub l2: f64,
    /// A feature must be in at least this many texts.
    #[arg(long, default_value_t = 3)]
    pub min_count: usize,
    /// Also score the final model on these labelled files (same labels), for a held-out set.
    /// Repeatable.
    #[arg(long, value_name = "FILE")]
    pub evaluate: Vec<PathBuf>,
    /// Weights smaller than this are left out of the file.
    #[arg(long, default_value_t = 0.05)]
    pub prune: f64,
}

#[derive(Args)]
pub struct RuleArgs {
    /// Add a rule pack: a TOML file, or a folder of them. Repeatable.
    #[arg(long = "rules", value_name = "PATH")]
    pub packs: Vec<PathBuf>,
    /// Do not load the built-in pack.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Run only these rules: ids, id prefixes (`news.tone`) or pack names. Repeatable.
    #[arg(long, value_name = "RULE")]
    pub select: Vec<String>,
    /// Also run these rules, including rules that are off by default. Repeatable.
    #[arg(long, value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Do not run these rules: ids, id prefixes or pack names. Repeatable.
    #[arg(long, value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Also run preview rules (new rules still being tuned on real copy).
    #[arg(long)]
    pub preview: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Defaults to the current folder
    /// (standard input with `--stdin-filename`).
    pub paths: Vec<PathBuf>,
    /// What the files hold: articles, or article records — one JSON object a line, as CMS
    /// exports arrive — named in findings by their ids (`[records]` in copydesk.toml says
    /// where their fields are).
    #[arg(long, value_enum, default_value_t = InputKind::Articles)]
    pub input: InputKind,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// How to print the findings (human when not given).
    #[arg(long, value_parser = output_format())]
    pub format: Option<&'static dyn Emitter>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit 1 when a finding of this severity or above is reported.
    #[arg(long, value_enum, default_value_t = Severity::Warning)]
    pub fail_on: Severity,
    /// Print no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Instead of the findings, print how often each rule fired, per 1,000 words checked.
    #[arg(long)]
    pub statistics: bool,
    /// Instead of the findings, print each article's sourcing: who it quotes and how often,
    /// named or not, its unnamed sources with or without a reason, and its check-worthy claims.
    #[arg(long, conflicts_with = "statistics")]
    pub sourcing: bool,
    /// A source document to check quotations, figures, dates and names against (repeatable;
    /// Markdown drafts may also list `sources` in their front matter).
    #[arg(long = "source", value_name = "FILE")]
    pub sources: Vec<PathBuf>,
    /// Judge consistency across all articles of the run, not one article at a time.
    #[arg(long)]
    pub corpus: bool,
    /// The date of every article that gives none itself (front matter or a record's `date`,
    /// or a dateline with its year), for the checks of weekdays and relative dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Apply safe fixes in place (never inside quotations), then report what remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a unified diff and change nothing.
    #[arg(long)]
    pub diff: bool,
    /// Use this configuration file for every checked file instead of discovering one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// The path standard input (`-`) stands for: it chooses the format (`.md`, `.html`) and
    /// the configuration, and names the findings. With no path given, standard input is read.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Also check the files listed in FILE, one path a line (`-` for standard input): split
    /// an archive across machines with any job runner.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Article files: text, Markdown, HTML (folders are walked for them).
    Articles,
    /// Article records, one JSON object a line (folders are walked for `.jsonl` and
    /// `.ndjson` files).
    Jsonl,
}

/// The values of `--format`: the output formats' table ([`render::EMITTERS`]), each with its
/// help.
fn output_format() -> impl TypedValueParser<Value = &'static dyn Emitter> {
    let values = EMITTERS
        .iter()
        .map(|format| PossibleValue::new(format.name()).help(format.help()));
    PossibleValuesParser::new(values).try_map(|name| {
        render::emitter_named(&name).ok_or_else(|| format!("no output format `{name}`"))
    })
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream, given whether it is a terminal (`NO_COLOR` turns `auto`
    /// off).
    pub fn enabled(self, stream_is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

/// A `--date` value: a calendar date written 2026-12-03.
fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write it as 2026-12-03"))
}
