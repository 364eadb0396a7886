//! The small commands: `rules`, `explain` (whose text is [`crate::render::explain`]'s), `init`
//! and `dump-model`.

use super::flags::RuleArgs;
use super::{EXIT_CLEAN, EXIT_ERROR, load_rules};
use crate::config;
use crate::pipeline::DraftOrigin;
use crate::render;
use crate::rules::Rule;
use crate::rules::kinds::KINDS;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `copydesk init`: a commented starter configuration in the current folder.
pub fn init() -> io::Result<u8> {
    let path = Path::new(config::FILE_NAMES[0]);
    if path.exists() {
        eprintln!("error: {} already exists", path.display());
        return Ok(EXIT_ERROR);
    }
    match std::fs::write(path, config::STARTER) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            Ok(EXIT_CLEAN)
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            Ok(EXIT_ERROR)
        }
    }
}

/// `copydesk rules`: one line per rule, or every literal the rules match.
pub fn list_rules(args: &RuleArgs, literals: bool, out: &mut dyn Write) -> io::Result<u8> {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return Ok(code),
    };
    if literals {
        let mut text = rules.matcher.literals().join("\n");
        text.push('\n');
        out.write_all(text.as_bytes())?;
        return Ok(EXIT_CLEAN);
    }
    let row = |r: &Rule| {
        let scope: Vec<&str> = r.meta.scope.kinds().map(|k| k.name()).collect();
        format!(
            "{:<34} {:<16} {:<8} {:<24} {:<22} {}",
            r.meta.id,
            r.meta.kind,
            r.meta.severity.name(),
            rules.packs[r.meta.origin.pack].title,
            scope.join(","),
            status(r)
        )
        .trim_end()
        .to_owned()
    };
    let mut lines: Vec<String> = rules.rules.iter().map(row).collect();
    lines.sort();
    let header = format!(
        "{:<34} {:<16} {:<8} {:<24} {:<22} {}\n",
        "RULE", "KIND", "SEVERITY", "PACK", "SCOPE", "NOTES"
    );
    out.write_all(format!("{header}{}\n", lines.join("\n")).as_bytes())?;
    Ok(EXIT_CLEAN)
}

/// What `rules` says of a rule beyond its table: off by default, preview, former ids.
fn status(rule: &Rule) -> String {
    let mut notes = Vec::new();
    if !rule.meta.enabled {
        notes.push("off by default".to_owned());
    }
    if rule.meta.preview {
        notes.push("preview".to_owned());
    }
    if !rule.meta.aliases.is_empty() {
        notes.push(format!("was {}", rule.meta.aliases.join(", ")));
    }
    notes.join("; ")
}

/// `copydesk explain`: a kind's documentation, or a rule's.
pub fn explain(name: &str, args: &RuleArgs, out: &mut dyn Write) -> io::Result<u8> {
    if let Some(kind) = KINDS.iter().find(|k| k.name == name) {
        out.write_all(format!("{}\n", kind.doc()).as_bytes())?;
        return Ok(EXIT_CLEAN);
    }
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(code) => return Ok(code),
    };
    let Some(rule) = rules.rule(name) else {
        eprintln!("error: no rule or kind named `{name}`; `copydesk rules` lists the rules");
        return Ok(EXIT_ERROR);
    };
    out.write_all(render::explain::rule(&rules, rule).as_bytes())?;
    Ok(EXIT_CLEAN)
}

/// `copydesk dump-model`: how a draft was read.
pub fn dump_model(file: PathBuf, out: &mut dyn Write) -> io::Result<u8> {
    let draft = if file.as_os_str() == "-" {
        DraftOrigin::Stdin { name: None }
    } else {
        DraftOrigin::File(file)
    };
    match draft.read() {
        Ok(article) => {
            out.write_all(render::model::render(&article).as_bytes())?;
            Ok(EXIT_CLEAN)
        }
        Err(problem) => {
            eprintln!("error: {}: {}", problem.name, problem.message);
            Ok(EXIT_ERROR)
        }
    }
}
