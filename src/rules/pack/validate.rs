//! What every rule table must have, whatever its kind: valid ids, known placeholders, examples
//! of both sides, a known scope. [`validate_common`] checks them and builds the rule's
//! [`RuleMeta`].

use super::schema::Common;
use crate::located::LocatedError;
use crate::rules::kinds;
use crate::rules::{Example, Origin, RuleMeta, Scope};
use crate::span::Span;
use toml::Spanned;

/// Checks what every rule must have and builds its [`RuleMeta`]; `None` after reporting what
/// is missing or wrong.
pub fn validate_common(
    common: &Common,
    kind: &'static kinds::KindInfo,
    pack: usize,
    errors: &mut Vec<LocatedError>,
) -> Option<RuleMeta> {
    let before = errors.len();
    let mut error = |span: Span, message: String, label: &str| {
        errors.push(LocatedError {
            file: pack,
            span: Some(span),
            message,
            label: label.to_owned(),
        });
    };
    check_ids(common, &mut error);
    check_placeholders(common, kind, &mut error);
    check_examples(common, &mut error);
    let scope = scope_of(common, kind, &mut error);
    if errors.len() > before {
        return None;
    }
    let examples = |list: &[Spanned<String>]| {
        list.iter()
            .map(|e| Example {
                text: e.get_ref().clone(),
                span: e.span().into(),
            })
            .collect()
    };
    Some(RuleMeta {
        house_forms: std::sync::Arc::from([]),
        id: common.id.get_ref().clone(),
        aliases: common.aliases.iter().map(|a| a.get_ref().clone()).collect(),
        kind: kind.name,
        severity: common.severity,
        message: common.message.get_ref().clone(),
        scope,
        in_quotes: common.in_quotes,
        help: common.help.as_ref().map(|h| h.get_ref().clone()),
        rationale: common.rationale.clone(),
        must_fire: examples(&common.must_fire),
        must_not_fire: examples(&common.must_not_fire),
        preview: common.preview,
        enabled: common.enabled,
        defers_to: common
            .defers_to
            .iter()
            .map(|d| d.get_ref().clone())
            .collect(),
        news_only: common.news_only,
        unattributed: common.unattributed,
        origin: Origin {
            pack,
            id_span: Span::from(common.id.span()),
        },
    })
}

/// Reports an error at a span of the pack.
type Report<'e> = dyn FnMut(Span, String, &str) + 'e;

/// Ids and aliases are ASCII letters, digits, `-`, `.` and `_`.
fn check_ids(common: &Common, error: &mut Report<'_>) {
    for name in std::iter::once(&common.id).chain(&common.aliases) {
        let id = name.get_ref();
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
        if !valid {
            error(
                Span::from(name.span()),
                format!("rule id `{id}` must be non-empty ASCII letters, digits, `-`, `.` or `_`"),
                "this id",
            );
        }
    }
}

/// The message and help use only the kind's placeholders.
fn check_placeholders(common: &Common, kind: &kinds::KindInfo, error: &mut Report<'_>) {
    let templates = std::iter::once(&common.message).chain(common.help.as_ref());
    for template in templates {
        for (offset, name) in crate::rules::placeholders(template.get_ref()) {
            if kind.placeholders.contains(&name) {
                continue;
            }
            let known: Vec<String> = kind
                .placeholders
                .iter()
                .map(|p| format!("{{{p}}}"))
                .collect();
            // +1 steps over the opening quote of the TOML string.
            let start = template.span().start + 1 + offset;
            error(
                Span::new(start, start + name.len() + 2),
                format!(
                    "unknown placeholder `{{{name}}}` for a {} rule (known: {})",
                    kind.name,
                    known.join(", ")
                ),
                "not a placeholder of this kind",
            );
        }
    }
}

/// Every rule has both kinds of example and a rationale.
fn check_examples(common: &Common, error: &mut Report<'_>) {
    let id_span = Span::from(common.id.span());
    let id = common.id.get_ref();
    let missing = match (common.must_fire.is_empty(), common.must_not_fire.is_empty()) {
        (true, true) => Some("`must-fire` and `must-not-fire` examples"),
        (true, false) => Some("`must-fire` examples"),
        (false, true) => Some("`must-not-fire` examples"),
        (false, false) => None,
    };
    if let Some(missing) = missing {
        error(
            id_span,
            format!(
                "rule `{id}` has no {missing}; every rule needs a text that must fire and one that must stay quiet"
            ),
            "this rule",
        );
    }
    if common.rationale.trim().is_empty() {
        error(
            id_span,
            format!("rule `{id}` has an empty `rationale`"),
            "this rule",
        );
    }
}

/// The blocks the rule reads: its `scope`, or its kind's default.
fn scope_of(common: &Common, kind: &kinds::KindInfo, error: &mut Report<'_>) -> Scope {
    match &common.scope {
        Some(kinds) if kinds.is_empty() => {
            error(
                Span::from(common.id.span()),
                format!("rule `{}` has an empty `scope`", common.id.get_ref()),
                "this rule",
            );
            Scope::default()
        }
        Some(kinds) => Scope::of(&kinds.iter().map(|k| *k.get_ref()).collect::<Vec<_>>()),
        None => Scope::of(kind.default_scope),
    }
}
