//! The command line: `check`, `rules`, `explain`, `dump-model`, `test`.
//!
//! Exit codes: 0 when nothing at or above `--fail-on` was found, 1 when something was, 2 for a
//! usage, rule-pack or input error.

use crate::article::Article;
use crate::config::{self, Config, Discovery, Profile, Selection};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::engine;
use crate::fix;
use crate::grounding::Sources;
use crate::input::{self, InputProblem, Source};
use crate::pack_test;
use crate::render::{self, Report};
use crate::rules::RuleSet;
use crate::rules::kinds::KINDS;
use crate::rules::pack::{self, PackInput};
use crate::suppress;
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const EXIT_CLEAN: u8 = 0;
/// How many articles a streaming run reads, checks and prints at a time.
const STREAM_CHUNK: usize = 256;
/// How many rounds of fixes `--fix` applies at most before reporting what remains.
const FIX_ROUNDS: usize = 4;
/// The number of articles from which a terminal run shows a progress bar.
const PROGRESS_MIN_ARTICLES: usize = 200;
/// How standard input is named; it is never fixed in place.
const STDIN_NAME: &str = "<stdin>";
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

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
    /// Files or folders to check; `-` reads standard input. Defaults to the current folder.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
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
    /// A source document to check quotations, figures, dates and names against (repeatable;
    /// Markdown drafts may also list `sources` in their front matter).
    #[arg(long = "source", value_name = "FILE")]
    pub sources: Vec<PathBuf>,
    /// Judge consistency across all articles of the run, not one article at a time.
    #[arg(long)]
    pub corpus: bool,
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
    /// Also check the files listed in FILE, one path a line (`-` for standard input): split
    /// an archive across machines with any job runner.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style diagnostics with the source.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// A versioned JSON document (see the README for the schema).
    Json,
    /// One JSON object per finding per line, for pipelines.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other tools.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self, stream_is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { rules, literals } => list_rules(&rules, literals),
        Command::Init => init(),
        Command::Explain { name, rules } => explain(&name, &rules),
        Command::DumpModel { file } => dump_model(file),
        Command::Test {
            packs,
            bless,
            color,
        } => test_packs(&packs, bless, color),
    }
}

/// Writes to standard output; a closed pipe (`copydesk check | head -1`) ends quietly.
fn print(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(i32::from(EXIT_CLEAN));
        }
        eprintln!("error: cannot write output: {e}");
    }
}

/// Prints pack or configuration errors on standard error.
fn report_pack_errors(errors: &pack::PackErrors) -> u8 {
    let color = ColorChoice::Auto.enabled(std::io::stderr().is_terminal());
    let _ = std::io::stderr().write_all(&render::human::render_pack_errors(errors, color));
    EXIT_ERROR
}

/// The packs to load: the built-in pack (unless turned off), then `extra` packs.
fn pack_inputs(no_default_rules: bool, extra: &[PathBuf]) -> Result<Vec<PackInput>, u8> {
    let mut inputs = if no_default_rules {
        Vec::new()
    } else {
        PackInput::defaults()
    };
    for path in extra {
        match PackInput::from_path(path) {
            Ok(found) => inputs.extend(found),
            Err(message) => {
                eprintln!("error: {message}");
                return Err(EXIT_ERROR);
            }
        }
    }
    Ok(inputs)
}

/// Loads the rules for a configuration, with the command line's on top. Errors are printed.
fn load_profile(config: Config, args: &RuleArgs) -> Result<Profile, u8> {
    let extra: Vec<PathBuf> = config.packs.iter().chain(&args.packs).cloned().collect();
    let inputs = pack_inputs(args.no_default_rules || config.no_default_rules, &extra)?;
    let rules = pack::load_with(&inputs, &config.style).map_err(|e| report_pack_errors(&e))?;
    let selectors = [
        args.select.clone(),
        args.extend_select.clone(),
        args.ignore.clone(),
    ]
    .concat();
    let unknown = rules.unknown_selectors(&selectors);
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().map(|u| format!("`{u}`")).collect();
        eprintln!(
            "error: no rule or pack matches {}; `copydesk rules` lists them",
            names.join(", ")
        );
        return Err(EXIT_ERROR);
    }
    let cli = Selection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        severity: Vec::new(),
    };
    Profile::new(config, rules, &cli, args.preview).map_err(|e| report_pack_errors(&e))
}

/// The rules `rules`, `explain` and `test` work with: the current folder's configuration
/// (packs and style) unless `--rules`-only, with the command line on top.
fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    Ok(load_profile(Config::default(), args)?.rules)
}

/// Finds and loads the configuration of each source: `--config`, none with `--isolated`, or
/// the nearest file above it. Returns the distinct configurations and each source's index.
fn configs_for(sources: &[Source], args: &CheckArgs) -> Result<(Vec<Config>, Vec<usize>), u8> {
    let mut configs: Vec<Config> = Vec::new();
    let mut by_path: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut discovery = Discovery::default();
    let mut load = |path: Option<PathBuf>, configs: &mut Vec<Config>| -> Result<usize, u8> {
        if let Some(&index) = by_path.get(&path) {
            return Ok(index);
        }
        let config = match &path {
            Some(file) => Config::load(file).map_err(|e| report_pack_errors(&e))?,
            None => Config::default(),
        };
        configs.push(config);
        by_path.insert(path, configs.len() - 1);
        Ok(configs.len() - 1)
    };
    let mut of_source = Vec::with_capacity(sources.len());
    for source in sources {
        let path = if args.isolated {
            None
        } else if let Some(file) = &args.config {
            Some(file.clone())
        } else {
            match source {
                Source::File(path) => discovery.find(path),
                Source::Stdin => discovery.find(Path::new(".")),
            }
        };
        of_source.push(load(path, &mut configs)?);
    }
    if configs.is_empty() {
        configs.push(Config::default());
    }
    Ok((configs, of_source))
}

fn check(args: CheckArgs) -> u8 {
    let started = Instant::now();
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        match read_file_list(list) {
            Ok(listed) => paths.extend(listed),
            Err(message) => {
                eprintln!("error: {message}");
                return EXIT_ERROR;
            }
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (sources, mut problems) = input::discover(&paths);
    let (configs, config_of) = match configs_for(&sources, &args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    // `[files] exclude` of each source's configuration.
    let kept: Vec<(Source, usize)> = sources
        .iter()
        .zip(&config_of)
        .filter(|(source, config)| match source {
            Source::File(path) => !configs[**config].excludes(path),
            Source::Stdin => true,
        })
        .map(|(source, config)| (source.clone(), *config))
        .collect();
    let mut profiles = Vec::with_capacity(configs.len());
    for config in configs {
        match load_profile(config, &args.rules) {
            Ok(profile) => profiles.push(profile),
            Err(code) => return code,
        }
    }
    let rule_sets: Vec<&RuleSet> = profiles.iter().map(|p| &p.rules).collect();

    // Line-oriented output streams: articles are read, checked, printed and dropped a chunk at
    // a time, so memory stays flat however large the archive. Whole-run judgements (--corpus,
    // --fix, --diff) and single-document formats (JSON, SARIF, statistics) take every article
    // at once.
    let streams = !args.corpus
        && !args.fix
        && !args.diff
        && !args.statistics
        && matches!(
            args.format,
            OutputFormat::Human
                | OutputFormat::Concise
                | OutputFormat::Jsonl
                | OutputFormat::Github
        );
    let chunk_size = if streams {
        STREAM_CHUNK
    } else {
        kept.len().max(1)
    };
    let bar = (kept.len() >= PROGRESS_MIN_ARTICLES
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && !args.quiet)
        .then(|| {
            let bar = ProgressBar::new(kept.len() as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
            {
                bar.set_style(style);
            }
            bar
        });
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let color = args.color.enabled(std::io::stdout().is_terminal());
    let mut totals = Totals::default();
    let mut failed = false;
    for chunk in kept.chunks(chunk_size) {
        let chunk_sources: Vec<Source> = chunk.iter().map(|(s, _)| s.clone()).collect();
        let mut articles: Vec<Article> = Vec::new();
        let mut set_of: Vec<usize> = Vec::new();
        for (result, (_, config)) in input::read_all(&chunk_sources).into_iter().zip(chunk) {
            match result {
                Ok(article) => {
                    articles.push(article);
                    set_of.push(*config);
                }
                Err(problem) => problems.push(problem),
            }
        }
        let (source_docs, article_sources, source_problems) =
            input::read_sources(&args.sources, &articles);
        problems.extend(source_problems);
        let sources = (!source_docs.is_empty()).then(|| Sources::new(source_docs));
        let check_once = |articles: &[Article]| -> Vec<Diagnostic> {
            let run = engine::Run {
                articles,
                sources: sources.as_ref(),
                article_sources: &article_sources,
                corpus: args.corpus,
                progress: bar.as_ref().map(|_| &tick as &(dyn Fn() + Sync)),
            };
            let found = engine::check_run_with(&rule_sets, &set_of, run);
            let mut by_article: Vec<Vec<Diagnostic>> = vec![Vec::new(); articles.len()];
            for d in found {
                by_article[d.primary.article].push(d);
            }
            let adjusted: Vec<Diagnostic> = by_article
                .into_iter()
                .enumerate()
                .flat_map(|(index, list)| {
                    profiles[set_of[index]].adjust(Path::new(&articles[index].name), list)
                })
                .collect();
            suppress::apply(articles, adjusted, |entry, id| {
                rule_sets.iter().any(|set| set.selects_id(entry, id))
            })
        };
        let mut diagnostics = check_once(&articles);
        if args.fix || args.diff {
            let originals: Vec<String> = articles.iter().map(|a| a.source.clone()).collect();
            diagnostics = fix_until_done(&mut articles, diagnostics, &check_once);
            write_fixes(&articles, &originals, &args);
            if args.diff {
                continue;
            }
        }
        let last = chunk.as_ptr_range().end == kept.as_ptr_range().end;
        // Problems are printed with the last chunk, after every finding.
        let chunk_problems: &[InputProblem] = if last || !streams { &problems } else { &[] };
        let report = Report {
            articles: &articles,
            sources: sources.as_ref(),
            diagnostics: &diagnostics,
            problems: chunk_problems,
        };
        if let Some(bar) = bar.as_ref().filter(|_| last || !streams) {
            bar.finish_and_clear();
        }
        let output = match args.format {
            _ if args.statistics => render::statistics::render(&report).into_bytes(),
            OutputFormat::Human => render::human::render(&report, color),
            OutputFormat::Concise => {
                let mut text = render::concise::render(&report);
                for problem in chunk_problems {
                    text.push_str(&format!("{}: {}\n", problem.name, problem.message));
                }
                text.into_bytes()
            }
            OutputFormat::Json => render::json::render(&report).into_bytes(),
            OutputFormat::Jsonl => render::json::render_lines(&report).into_bytes(),
            OutputFormat::Sarif => render::sarif::render(&report, &rule_sets).into_bytes(),
            OutputFormat::Github => render::github::render(&report).into_bytes(),
        };
        print(&output);
        totals.add(&report);
        failed |= report
            .diagnostics
            .iter()
            .any(|d| d.severity >= args.fail_on);
    }
    if args.diff {
        return EXIT_CLEAN;
    }
    if kept.is_empty() {
        let report = Report {
            articles: &[],
            sources: None,
            diagnostics: &[],
            problems: &problems,
        };
        print(&render_problems_only(&report, &args, color));
    }
    if !args.quiet {
        let unread = problems.iter().filter(|p| p.is_error).count();
        eprintln!(
            "{} in {:.2}s",
            totals.summary(unread),
            started.elapsed().as_secs_f64()
        );
    }
    // The compiled rules are many small allocations: the operating system reclaims them at
    // exit faster than freeing them one by one (half a millisecond of every editor's save).
    drop(rule_sets);
    std::mem::forget(profiles);
    if problems.iter().any(|p| p.is_error) {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Output for a run that found no article to read: only its problems.
fn render_problems_only(report: &Report<'_>, args: &CheckArgs, color: bool) -> Vec<u8> {
    match args.format {
        OutputFormat::Human => render::human::render(report, color),
        OutputFormat::Json => render::json::render(report).into_bytes(),
        OutputFormat::Jsonl => render::json::render_lines(report).into_bytes(),
        OutputFormat::Sarif => render::sarif::render(report, &[]).into_bytes(),
        OutputFormat::Github => render::github::render(report).into_bytes(),
        OutputFormat::Concise => report
            .problems
            .iter()
            .map(|p| format!("{}: {}\n", p.name, p.message))
            .collect::<String>()
            .into_bytes(),
    }
}

/// Counts across the chunks of a run, for the summary line.
#[derive(Default)]
struct Totals {
    articles: usize,
    counts: render::Counts,
}

impl Totals {
    fn add(&mut self, report: &Report<'_>) {
        self.articles += report.articles.len();
        let counts = report.counts();
        self.counts.errors += counts.errors;
        self.counts.warnings += counts.warnings;
        self.counts.infos += counts.infos;
    }

    fn summary(&self, unread: usize) -> String {
        render::summary_line(self.articles, self.counts, unread)
    }
}

/// A list of paths, one a line (`-` reads standard input), for `--files-from`.
fn read_file_list(list: &Path) -> Result<Vec<PathBuf>, String> {
    let text = if list.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
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

/// Applies safe fixes until none is left (a fix may uncover another), at most a few rounds,
/// re-checking after each; returns what remains.
fn fix_until_done(
    articles: &mut [Article],
    mut diagnostics: Vec<Diagnostic>,
    check: &dyn Fn(&[Article]) -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    for _ in 0..FIX_ROUNDS {
        let mut changed = false;
        for (index, article) in articles.iter_mut().enumerate() {
            if article.name == STDIN_NAME {
                continue;
            }
            let edits = fix::safe_edits(article, index, &diagnostics);
            if edits.is_empty() {
                continue;
            }
            let fixed = fix::apply(&article.source, &edits);
            let encoding = article.encoding;
            *article = Article::parse(article.name.clone(), fixed, article.format);
            article.encoding = encoding;
            changed = true;
        }
        if !changed {
            break;
        }
        diagnostics = check(articles);
    }
    diagnostics
}

/// Writes fixed articles back atomically (or prints their diff with `--diff`).
fn write_fixes(articles: &[Article], originals: &[String], args: &CheckArgs) {
    for (article, original) in articles.iter().zip(originals) {
        if article.source == *original || article.name == STDIN_NAME {
            continue;
        }
        if args.diff {
            print(fix::diff(&article.name, original, &article.source).as_bytes());
        } else if let Err(reason) = fix::write_atomically(
            Path::new(&article.name),
            &input::encode(original, article.encoding),
            &input::encode(&article.source, article.encoding),
        ) {
            eprintln!("warning: {}: {reason}", article.name);
        } else if !args.quiet {
            eprintln!("fixed {}", article.name);
        }
    }
}

fn init() -> u8 {
    let path = Path::new(config::FILE_NAMES[0]);
    if path.exists() {
        eprintln!("error: {} already exists", path.display());
        return EXIT_ERROR;
    }
    match std::fs::write(path, config::STARTER) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            EXIT_CLEAN
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            EXIT_ERROR
        }
    }
}

fn list_rules(args: &RuleArgs, literals: bool) -> u8 {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    if literals {
        let mut text = rules.matcher.literals().join("\n");
        text.push('\n');
        print(text.as_bytes());
        return EXIT_CLEAN;
    }
    let mut lines: Vec<String> = rules
        .rules
        .iter()
        .map(|r| {
            let scope: Vec<&str> = r.meta.scope.kinds().map(|k| k.name()).collect();
            format!(
                "{:<34} {:<16} {:<8} {:<24} {}",
                r.meta.id,
                r.meta.kind,
                r.meta.severity.name(),
                rules.packs[r.meta.origin.pack].title,
                scope.join(",")
            )
        })
        .collect();
    lines.sort();
    let header = format!(
        "{:<34} {:<16} {:<8} {:<24} {}\n",
        "RULE", "KIND", "SEVERITY", "PACK", "SCOPE"
    );
    print(format!("{header}{}\n", lines.join("\n")).as_bytes());
    EXIT_CLEAN
}

fn explain(name: &str, args: &RuleArgs) -> u8 {
    if let Some(kind) = KINDS.iter().find(|k| k.name == name) {
        print(format!("{}\n", kind.doc()).as_bytes());
        return EXIT_CLEAN;
    }
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let Some(rule) = rules.rule(name) else {
        eprintln!("error: no rule or kind named `{name}`; `copydesk rules` lists the rules");
        return EXIT_ERROR;
    };
    let meta = &rule.meta;
    let scope: Vec<&str> = meta.scope.kinds().map(|k| k.name()).collect();
    let mut text = format!(
        "# {}\n\n{} rule, severity {}, reads: {}{}\nDefined in {}.\n\n## Message\n{}\n\n## Why\n{}\n",
        meta.id,
        meta.kind,
        meta.severity,
        scope.join(", "),
        if meta.in_quotes {
            " (including direct quotations)"
        } else {
            ""
        },
        rules.packs[meta.origin.pack].name,
        meta.message,
        meta.rationale,
    );
    if let Some(help) = &meta.help {
        text.push_str(&format!("\n## Instead\n{help}\n"));
    }
    text.push_str("\n## Flags\n");
    for example in &meta.must_fire {
        text.push_str(&format!("- {}\n", example.text.trim()));
    }
    text.push_str("\n## Leaves alone\n");
    for example in &meta.must_not_fire {
        text.push_str(&format!("- {}\n", example.text.trim()));
    }
    if let Some(kind) = KINDS.iter().find(|k| k.name == meta.kind) {
        text.push_str(&format!(
            "\n---\nAbout the `{}` kind (`copydesk explain {}`):\n\n{}\n",
            kind.name,
            kind.name,
            kind.doc()
        ));
    }
    print(text.as_bytes());
    EXIT_CLEAN
}

fn dump_model(file: PathBuf) -> u8 {
    let source = if file.as_os_str() == "-" {
        Source::Stdin
    } else {
        Source::File(file)
    };
    match input::read(&source) {
        Ok(article) => {
            print(render::model::render(&article).as_bytes());
            EXIT_CLEAN
        }
        Err(problem) => {
            eprintln!("error: {}: {}", problem.name, problem.message);
            EXIT_ERROR
        }
    }
}

fn test_packs(packs: &[PathBuf], bless: bool, color: ColorChoice) -> u8 {
    let args = RuleArgs {
        no_default_rules: !packs.is_empty(),
        packs: packs.to_vec(),
        select: Vec::new(),
        extend_select: Vec::new(),
        ignore: Vec::new(),
        preview: true,
    };
    let rules = match load_rules(&args) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let failures = pack_test::example_failures(&rules);
    let examples: usize = rules
        .rules
        .iter()
        .map(|r| r.meta.must_fire.len() + r.meta.must_not_fire.len())
        .sum();
    if !failures.is_empty() {
        let color = color.enabled(std::io::stdout().is_terminal());
        print(&render::human::render_example_failures(
            &rules, &failures, color,
        ));
    }
    let mut fixture_failures = 0;
    let fixtures = pack_test::fixtures(&rules);
    for fixture in &fixtures {
        if fixture.passed() {
            continue;
        }
        if bless {
            match fixture.bless() {
                Ok(()) => eprintln!("blessed {}", fixture.expected_path.display()),
                Err(e) => {
                    eprintln!(
                        "error: cannot write {}: {e}",
                        fixture.expected_path.display()
                    );
                    fixture_failures += 1;
                }
            }
            continue;
        }
        fixture_failures += 1;
        let text = match fixture.expected {
            Some(_) => format!(
                "error[fixture]: {} differs from its expected output\n{}\n",
                fixture.draft.display(),
                fixture.diff()
            ),
            None => format!(
                "error[fixture]: {} has no expected output; run `copydesk test` again with `--bless` to write {}\n\n",
                fixture.draft.display(),
                fixture.expected_path.display()
            ),
        };
        print(text.as_bytes());
    }
    eprintln!(
        "{} rules, {examples} examples, {} fixtures: {} passed, {} failed",
        rules.rules.len(),
        fixtures.len(),
        examples + fixtures.len() - failures.len() - fixture_failures,
        failures.len() + fixture_failures
    );
    if failures.is_empty() && fixture_failures == 0 {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}
