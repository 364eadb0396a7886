//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test crate uses its own subset")]

pub mod drafts;
pub mod server;

use copydesk::article::{Article, Format};
use copydesk::engine;
use copydesk::located::LocatedErrors;
use copydesk::render::{self, Report};
use copydesk::rules::RuleSet;
use copydesk::rules::pack::{self, PackInput};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Loads `toml` as a pack file named `pack.toml` in a fresh folder (with `data` files beside
/// it), without the built-in pack.
pub fn load_pack(toml: &str, data: &[(&str, &str)]) -> Result<RuleSet, LocatedErrors> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pack.toml");
    std::fs::write(&path, toml).expect("write pack");
    for (name, text) in data {
        std::fs::write(dir.path().join(name), text).expect("write data");
    }
    pack::load(&[PackInput::file(&path)])
}

/// The pack errors as the CLI prints them, with the temp folder replaced by `<dir>`.
pub fn pack_errors(toml: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pack.toml");
    std::fs::write(&path, toml).expect("write pack");
    let errors = match pack::load(&[PackInput::file(&path)]) {
        Ok(_) => panic!("the pack loaded without errors"),
        Err(errors) => errors,
    };
    let text =
        String::from_utf8(render::human::render_located_errors(&errors, false)).expect("utf-8");
    text.replace(&dir.path().display().to_string(), "<dir>")
}

/// The default pack.
pub fn default_rules() -> RuleSet {
    pack::load(&PackInput::defaults()).unwrap_or_else(|e| panic!("default pack: {:?}", e.errors))
}

/// Human output (no colour) of checking `text` as an article named `name`.
pub fn check_text(rules: &RuleSet, name: &str, text: &str) -> String {
    let article = Article::parse(name, text, Format::for_path(name));
    render_articles(rules, &[article])
}

pub fn render_articles(rules: &RuleSet, articles: &[Article]) -> String {
    let diagnostics = engine::check_all(rules, articles);
    let report = Report::new(articles, &diagnostics, &[]);
    String::from_utf8(render::human::render(&report, false)).expect("utf-8")
}

/// The ids of the rules that fired on `text`, in report order.
pub fn fired(rules: &RuleSet, name: &str, text: &str) -> Vec<String> {
    let article = Article::parse(name, text, Format::for_path(name));
    engine::check_all(rules, &[article])
        .into_iter()
        .map(|d| d.rule)
        .collect()
}

/// Whether the `CI` environment variable is set (to anything but empty, `0` or `false`): there a
/// test that cannot run what it checks fails instead of skipping.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// A test that cannot run `what` because `reason`: a failure when `CI` is set; otherwise a line
/// on the terminal saying plainly what was skipped. It is written to the process's standard
/// error itself, not through `eprintln!`, which `cargo test` captures and shows only with
/// `--nocapture`.
pub fn skip(what: &str, reason: &str) {
    assert!(
        !in_ci(),
        "{what} did not run: {reason}; with CI set that is a failure"
    );
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {what}: {reason} (with CI set this fails)"
    );
}

/// A file of `../shared` (`relative` to it) that a test needs for `what`: its path, or `None`
/// once [`skip`] has said it is absent.
pub fn shared_file(relative: &str, what: &str) -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let path = shared.join(relative);
    if path.is_file() {
        return Some(path);
    }
    let reason = if shared.is_dir() {
        format!("../shared/{relative} is absent")
    } else {
        "../shared is not beside this checkout".to_owned()
    };
    skip(what, &reason);
    None
}

/// Writes `text` to `relative` inside `dir`, creating the folders on the way.
pub fn write_file(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the test folder");
    }
    std::fs::write(path, text).expect("write the test file");
}

/// Runs the `copydesk` binary in `dir`, colour left to its own judgement.
pub fn copydesk_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run copydesk")
}

/// Runs the `copydesk` binary in the crate's folder.
pub fn copydesk(args: &[&str]) -> Output {
    copydesk_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The diagnostics of `text` read as a file named `name`.
pub fn check_articles(
    rules: &RuleSet,
    name: &str,
    text: &str,
) -> Vec<copydesk::diagnostic::Diagnostic> {
    let articles = [Article::parse(name, text, Format::for_path(name))];
    engine::check_all(rules, &articles)
}

/// Runs the `copydesk` binary in `dir` with `input` on its standard input.
pub fn copydesk_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copydesk");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(input).expect("write standard input");
    }
    child.wait_with_output().expect("copydesk ends")
}
