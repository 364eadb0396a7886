//! `copydesk test`: every rule's examples and every pack fixture.

use super::flags::ColorChoice;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::pack_test::{self, FixtureOutcome};
use crate::render;
use crate::rules::RuleSet;
use crate::rules::pack::{self, PackInput};
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
    let rules = match load_beside_built_in(packs) {
        Ok(rules) => rules,
        Err(code) => return Ok(code),
    };
    let tested = |pack: usize| packs.is_empty() || rules.packs[pack].folder.is_some();
    let failures: Vec<_> = pack_test::example_failures(&rules)
        .into_iter()
        .filter(|f| tested(f.pack))
        .collect();
    let examples: usize = rules
        .rules
        .iter()
        .filter(|r| tested(r.meta.origin.pack))
        .map(|r| r.meta.must_fire.len() + r.meta.must_not_fire.len())
        .sum();
    let tested_rules = rules
        .rules
        .iter()
        .filter(|r| tested(r.meta.origin.pack))
        .count();
    if !failures.is_empty() {
        let color = color.enabled(std::io::stdout().is_terminal());
        out.write_all(&pack_test::render_example_failures(
            &rules, &failures, color,
        ))?;
    }
    let fixtures = pack_test::fixtures(&rules);
    let mut fixture_failures = 0;
    for fixture in fixtures.iter().filter(|f| !f.passed()) {
        if !(bless && bless_one(fixture)) {
            fixture_failures += 1;
        }
        if !bless {
            out.write_all(fixture_report(fixture).as_bytes())?;
        }
    }
    eprintln!(
        "{tested_rules} rules, {examples} examples, {} fixtures: {} passed, {} failed",
        fixtures.len(),
        examples + fixtures.len() - failures.len() - fixture_failures,
        failures.len() + fixture_failures
    );
    Ok(if failures.is_empty() && fixture_failures == 0 {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// The named packs and the built-in pack, but for the built-in files a named one repeats
/// (`copydesk test rules/` tests the built-in pack's own files from disk).
fn load_beside_built_in(packs: &[PathBuf]) -> Result<RuleSet, u8> {
    let mut named = Vec::new();
    for path in packs {
        match PackInput::given(path) {
            Ok(found) => named.extend(found),
            Err(message) => {
                eprintln!("error: {message}");
                return Err(EXIT_ERROR);
            }
        }
    }
    let texts: Vec<String> = named
        .iter()
        .filter_map(|input| match input {
            // Only files the loader will read: a link out of the folder is refused there.
            PackInput::File { path, within } if within.admit(path).is_ok() => {
                std::fs::read_to_string(path).ok()
            }
            _ => None,
        })
        .collect();
    let built_in = PackInput::defaults().into_iter().filter(|input| {
        !matches!(input, PackInput::Embedded { text, .. } if texts.iter().any(|t| t == text))
    });
    pack::load(&built_in.chain(named).collect::<Vec<_>>()).map_err(|errors| {
        let color = ColorChoice::Auto.enabled(io::stderr().is_terminal());
        let _ = io::stderr().write_all(&render::human::render_located_errors(&errors, color));
        EXIT_ERROR
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
