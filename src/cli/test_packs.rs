//! `copydesk test`: every rule's examples and every pack fixture.

use super::flags::ColorChoice;
use super::{EXIT_CLEAN, EXIT_FINDINGS, report_setup_error};
use crate::pack_test::{self, FixtureOutcome, NotRun};
use crate::rules::RuleSet;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

/// Tests `packs` (the built-in pack when none is named). Named packs are loaded beside the
/// built-in one, so a rule id that clashes with a built-in rule is caught here as it would be
/// by `check --rules`; only the named packs' examples run.
pub fn test_packs(
    packs: &[PathBuf],
    bless: bool,
    color: ColorChoice,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let session = match pack_test::prepare(packs) {
        Ok(session) => session,
        Err(error) => return Ok(report_setup_error(&error)),
    };
    let Some(profile) = session.profiles().first() else {
        return Ok(EXIT_CLEAN);
    };
    let rules = &profile.rules;
    let tested = |pack: usize| packs.is_empty() || rules.packs[pack].folder.is_some();
    let failures: Vec<_> = pack_test::example_failures(rules)
        .into_iter()
        .filter(|f| tested(f.pack))
        .collect();
    if !failures.is_empty() {
        let color = color.enabled(std::io::stdout().is_terminal());
        out.write_all(&pack_test::render_example_failures(rules, &failures, color))?;
    }
    let fixtures = pack_test::fixtures::fixtures(&session);
    let mut fixture_failures = 0;
    for fixture in fixtures.checked.iter().filter(|f| !f.passed()) {
        if !(bless && bless_one(fixture)) {
            fixture_failures += 1;
        }
        if !bless {
            out.write_all(fixture_report(fixture).as_bytes())?;
        }
    }
    for not_run in &fixtures.not_run {
        out.write_all(not_run_report(not_run).as_bytes())?;
    }
    let (tested_rules, examples) = examples_tested(rules, tested);
    let fixture_count = fixtures.checked.len();
    let mut summary = format!(
        "{tested_rules} rules, {examples} examples, {fixture_count} fixtures: {} passed, {} failed",
        examples + fixture_count - failures.len() - fixture_failures,
        failures.len() + fixture_failures
    );
    if !fixtures.not_run.is_empty() {
        summary.push_str(&format!("; {} not run", fixtures.not_run.len()));
    }
    eprintln!("{summary}");
    let all_passed = failures.is_empty() && fixture_failures == 0 && fixtures.not_run.is_empty();
    Ok(if all_passed {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// How many rules are tested, and how many examples they have.
fn examples_tested(rules: &RuleSet, tested: impl Fn(usize) -> bool) -> (usize, usize) {
    rules
        .rules
        .iter()
        .filter(|r| tested(r.meta.origin.pack))
        .fold((0, 0), |(count, examples), r| {
            (
                count + 1,
                examples + r.meta.must_fire.len() + r.meta.must_not_fire.len(),
            )
        })
}

/// Writes a fixture's expected output; whether that worked.
fn bless_one(fixture: &FixtureOutcome) -> bool {
    match fixture.bless() {
        Ok(()) => {
            eprintln!("blessed {}", fixture.expected_path.display());
            true
        }
        Err(e) => {
            eprintln!(
                "error: cannot write {}: {e}",
                fixture.expected_path.display()
            );
            false
        }
    }
}

/// What a failing fixture prints.
fn fixture_report(fixture: &FixtureOutcome) -> String {
    match fixture.expected {
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
    }
}

/// What a fixture that could not be checked prints (with `--bless` too: nothing was written).
fn not_run_report(not_run: &NotRun) -> String {
    format!(
        "error[fixture]: {} was not checked: {}\n\n",
        not_run.draft.display(),
        not_run.reason
    )
}
