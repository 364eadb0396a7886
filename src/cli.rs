//! The command line: `check`, `rules`, `explain`, `dump-model`, `test`.
//!
//! Exit codes: 0 when nothing at or above `--fail-on` was found, 1 when something was, 2 for a
//! usage, rule-pack or input error.

use crate::article::Article;
use crate::diagnostic::Severity;
use crate::engine;
use crate::grounding::Sources;
use crate::input::{self, InputProblem, Source};
use crate::pack_test;
use crate::render::{self, Report};
use crate::rules::RuleSet;
use crate::rules::kinds::KINDS;
use crate::rules::pack::{self, PackInput};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub const EXIT_CLEAN: u8 = 0;
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
    Rules(RuleArgs),
    /// Explain a rule (by id) or a rule kind (by name): what it flags, why, examples.
    Explain {
        /// A rule id such as `consistency.iran-backed`, or a kind such as `preferred-term`.
        name: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
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
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style diagnostics with the source.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// A versioned JSON document (see the README for the schema).
    Json,
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
        Command::Rules(args) => list_rules(&args),
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

/// Loads the built-in pack (unless turned off) and the `--rules` packs. Errors are printed.
fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    let mut inputs = if args.no_default_rules {
        Vec::new()
    } else {
        PackInput::defaults()
    };
    for path in &args.packs {
        match PackInput::from_path(path) {
            Ok(found) => inputs.extend(found),
            Err(message) => {
                eprintln!("error: {message}");
                return Err(EXIT_ERROR);
            }
        }
    }
    let mut rules = pack::load(&inputs).map_err(|errors| {
        let color = ColorChoice::Auto.enabled(std::io::stderr().is_terminal());
        let _ = std::io::stderr().write_all(&render::human::render_pack_errors(&errors, color));
        EXIT_ERROR
    })?;
    let selectors = [args.select.clone(), args.ignore.clone()].concat();
    let unknown = rules.unknown_selectors(&selectors);
    if !unknown.is_empty() {
        eprintln!(
            "error: no rule or pack matches {}; `copydesk rules` lists them",
            unknown
                .iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Err(EXIT_ERROR);
    }
    rules.select(args.preview, &args.select, &args.ignore);
    Ok(rules)
}

fn check(args: CheckArgs) -> u8 {
    let rules = match load_rules(&args.rules) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (sources, mut problems) = input::discover(&paths);
    let mut articles: Vec<Article> = Vec::new();
    for result in input::read_all(&sources) {
        match result {
            Ok(article) => articles.push(article),
            Err(problem) => problems.push(problem),
        }
    }
    let (source_docs, article_sources, source_problems) =
        input::read_sources(&args.sources, &articles);
    problems.extend(source_problems);
    let sources = (!source_docs.is_empty()).then(|| Sources::new(source_docs));
    let run = engine::Run {
        articles: &articles,
        sources: sources.as_ref(),
        article_sources: &article_sources,
        corpus: args.corpus,
    };
    let diagnostics = engine::check_run(&rules, run);
    let report = Report {
        articles: &articles,
        sources: sources.as_ref(),
        diagnostics: &diagnostics,
        problems: &problems,
    };
    let output = match args.format {
        _ if args.statistics => render::statistics::render(&report).into_bytes(),
        OutputFormat::Human => {
            render::human::render(&report, args.color.enabled(std::io::stdout().is_terminal()))
        }
        OutputFormat::Concise => {
            let mut text = render::concise::render(&report);
            for problem in &problems {
                text.push_str(&format!("{}: {}\n", problem.name, problem.message));
            }
            text.into_bytes()
        }
        OutputFormat::Json => render::json::render(&report).into_bytes(),
    };
    print(&output);
    if !args.quiet {
        eprintln!("{}", report.summary());
    }
    exit_code(&report, &problems, args.fail_on)
}

fn exit_code(report: &Report<'_>, problems: &[InputProblem], fail_on: Severity) -> u8 {
    if problems.iter().any(|p| p.is_error) {
        EXIT_ERROR
    } else if report.diagnostics.iter().any(|d| d.severity >= fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn list_rules(args: &RuleArgs) -> u8 {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
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
