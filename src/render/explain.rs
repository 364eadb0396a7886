//! `copydesk explain RULE`: a rule's explanation as Markdown — what it says, why, what it
//! matches, its examples and its kind's documentation. The command line prints it; an editor
//! shows it on hover.

use crate::rules::kinds::KINDS;
use crate::rules::{Rule, RuleSet};

/// A rule's explanation: what it says, why, what it matches, its examples and its kind.
pub fn rule(rules: &RuleSet, rule: &Rule) -> String {
    let meta = &rule.meta;
    let scope: Vec<&str> = meta.scope.kinds().map(|k| k.name()).collect();
    let details = rule.check.details();
    let fill = |template: &str| {
        let preferred = details.preferred.as_deref().unwrap_or("the preferred form");
        template
            .replace("{match}", "(the text found)")
            .replace("{preferred}", preferred)
    };
    let mut text = format!(
        "# {}\n\n{} rule, severity {}, reads: {}{}\nDefined in {}.{}\n\n## Message\n{}\n\n## Why\n{}\n",
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
        if meta.aliases.is_empty() {
            String::new()
        } else {
            format!(" Formerly {}.", meta.aliases.join(", "))
        },
        fill(&meta.message),
        meta.rationale,
    );
    if let Some(help) = &meta.help {
        text.push_str(&format!("\n## Instead\n{}\n", fill(help)));
    }
    if let Some(gates) = gates(meta) {
        text.push_str(&format!("\n## Leaves to others\n{gates}\n"));
    }
    if !details.matches.is_empty() {
        text.push_str("\n## Matches\n");
        for line in &details.matches {
            text.push_str(&format!("- {line}\n"));
        }
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
    text
}

/// What a news-only or unattributed-only rule leaves to other voices, as a paragraph.
fn gates(meta: &crate::rules::RuleMeta) -> Option<String> {
    let mut said = Vec::new();
    if meta.news_only {
        said.push(
            "Editorial voice: not run on a story labelled opinion, analysis, review or column, \
             nor on a passage in the first person (readers' comments, a writer's own account).",
        );
    }
    if meta.unattributed {
        said.push(
            "The reporter's own claims only: not reported in a sentence with a verb of saying, \
             calling, believing or thinking, nor in one that follows such a sentence in its \
             paragraph.",
        );
    }
    (!said.is_empty()).then(|| said.join(" "))
}
