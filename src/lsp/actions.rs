//! Code actions on a checked document: apply one finding's fix (safe or unsafe, said in the
//! title), apply every safe fix of the document, or insert a suppression comment above a
//! finding's line. Hover: the explanation of the rules whose findings are under the cursor.

use super::convert::Lines;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::fix;
use crate::pipeline::Checked;
use crate::render;
use crate::rules::RuleSet;
use crate::span::Span;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Hover, HoverContents, MarkupContent,
    MarkupKind, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The code actions for the findings whose spans touch `range`, then "fix all safe".
pub fn code_actions(checked: &Checked, uri: &Uri, range: Range) -> Vec<CodeActionOrCommand> {
    let Some(article) = checked.articles.first() else {
        return Vec::new();
    };
    let lines = Lines::new(&article.contents);
    let wanted = lines.span(range);
    let mut actions = Vec::new();
    for d in checked
        .diagnostics
        .iter()
        .filter(|d| touches(d.primary.span, wanted))
    {
        if let Some(action) = fix_action(d, uri, &lines) {
            actions.push(action);
        }
        actions.push(suppress_action(d, uri, &lines, &article.contents));
    }
    if let Some(action) = fix_all_action(checked, uri, &lines) {
        actions.push(action);
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn touches(span: Span, wanted: Span) -> bool {
    span.start <= wanted.end && wanted.start <= span.end
}

fn edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn text_edits(edits: &[Edit], lines: &Lines<'_>) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|e| TextEdit::new(lines.range(e.span), e.replacement.clone()))
        .collect()
}

fn fix_action(d: &Diagnostic, uri: &Uri, lines: &Lines<'_>) -> Option<CodeAction> {
    let fix = d.fix.as_ref()?;
    let safe = fix.applicability == Applicability::Safe;
    let replacement = fix.edits.first().map_or("", |e| e.replacement.as_str());
    let title = if safe {
        format!("Fix: write `{replacement}` ({})", d.rule)
    } else {
        format!(
            "Fix (unsafe, check the meaning): write `{replacement}` ({})",
            d.rule
        )
    };
    Some(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(edit(uri, text_edits(&fix.edits, lines))),
        is_preferred: Some(safe),
        ..CodeAction::default()
    })
}

/// `<!-- copydesk-disable-next-line RULE -->` on a line of its own above the finding's line.
fn suppress_action(d: &Diagnostic, uri: &Uri, lines: &Lines<'_>, text: &str) -> CodeAction {
    let line_start = text[..d.primary.span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let at = lines.position(line_start);
    let comment = format!("<!-- copydesk-disable-next-line {} -->\n", d.rule);
    CodeAction {
        title: format!("Disable {} for this line", d.rule),
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(edit(uri, vec![TextEdit::new(Range::new(at, at), comment)])),
        ..CodeAction::default()
    }
}

/// Every safe fix of the document at once (those that do not overlap, as `check --fix`'s
/// first round applies them).
fn fix_all_action(checked: &Checked, uri: &Uri, lines: &Lines<'_>) -> Option<CodeAction> {
    let edits = fix::safe_edits(checked.articles.first()?, 0, &checked.diagnostics);
    if edits.is_empty() {
        return None;
    }
    Some(CodeAction {
        title: format!("Fix all safe copydesk findings ({})", edits.len()),
        kind: Some(CodeActionKind::SOURCE_FIX_ALL),
        edit: Some(edit(uri, text_edits(&edits, lines))),
        ..CodeAction::default()
    })
}

/// The explanation of every rule with a finding at `position`.
pub fn hover(checked: &Checked, rules: &RuleSet, position: Position) -> Option<Hover> {
    let article = checked.articles.first()?;
    let lines = Lines::new(&article.contents);
    let at = lines.offset(position);
    let under: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.primary.span.start <= at && at <= d.primary.span.end)
        .collect();
    let first = under.first()?;
    let text: Vec<String> = under
        .iter()
        .map(|d| match rules.rule(&d.rule) {
            Some(rule) => render::explain::rule(rules, rule),
            None => format!("# {}\n\n{}", d.rule, d.message),
        })
        .collect();
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text.join("\n\n---\n\n"),
        }),
        range: Some(lines.range(first.primary.span)),
    })
}
