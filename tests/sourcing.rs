//! Sourcing and web furniture as a user sees them through the embedded rules: how serious an
//! unnamed source is, and furniture reported once, transparent to the quotation rules.

mod common;

use common::{check_text, default_rules};
use copydesk::diagnostic::Severity;
use copydesk::engine::check_all;

/// The findings of `rule` on `text` under the embedded rules, with their severities.
fn findings(rule: &str, text: &str) -> Vec<(Severity, String)> {
    let article =
        copydesk::article::Article::parse("draft.txt", text, copydesk::article::Format::Plain);
    check_all(&default_rules(), std::slice::from_ref(&article))
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.severity, article.text(d.primary.span).to_owned()))
        .collect()
}

#[test]
fn an_unnamed_source_of_a_routine_fact_is_info_and_of_an_accusation_a_warning() {
    let routine = "Ferry ends\n\nThe last ferry will sail on May 3, an official said.\n";
    assert_eq!(
        findings("news.anonymous-source", routine),
        [(Severity::Info, "an official said".to_owned())]
    );
    // A stem opens a word: "brought" is no "ought".
    let brought =
        "Ferry ends\n\nThe Red Cross brought 300 volunteers to the quay, an official said.\n";
    assert_eq!(
        findings("news.anonymous-source", brought),
        [(Severity::Info, "an official said".to_owned())]
    );
    let accusation =
        "Ferry ends\n\nThe operator misled the council about the losses, an official said.\n";
    assert_eq!(
        findings("news.anonymous-source", accusation),
        [(Severity::Warning, "an official said".to_owned())]
    );
}

#[test]
fn an_unnamed_group_in_the_lede_is_covered_when_a_member_is_named_later() {
    let lede = "Ferry ends\n\nThe operator failed to keep the last ferry running, officials said on Monday.\n\nThe council has run the service since 1962.\n\n";
    let named =
        format!("{lede}“We could not find a buyer,” said Dana Ross, a council spokeswoman.\n");
    assert_eq!(findings("news.anonymous-source", &named), []);
    // A party's spokesman is not one of the officials.
    let party = format!(
        "{lede}Opposition transport spokesman Owen Pike said the decision was a disgrace.\n"
    );
    assert_eq!(
        findings("news.anonymous-source", &party),
        [(Severity::Warning, "officials said".to_owned())]
    );
    // "…, officials said" for a routine fact is the wire's shorthand: not reported.
    let routine = "Ferry ends\n\nThe last ferry will sail on May 3, officials said.\n";
    assert_eq!(findings("news.anonymous-source", routine), []);
}

#[test]
fn web_furniture_is_reported_once_and_measured_by_no_other_rule() {
    let text = "Ferry ends\n\n“We could not find a buyer,” the council leader, Dana Ross, told reporters.\n\nImage copyrightHARBOUR  PRESS\n\nMedia playback is unsupported on your device\n\n“The ferry has lost money for a decade.”\n\nShare this article\n";
    let rules = default_rules();
    let article =
        copydesk::article::Article::parse("draft.txt", text, copydesk::article::Format::Plain);
    let found: Vec<String> = check_all(&rules, std::slice::from_ref(&article))
        .into_iter()
        .map(|d| d.rule)
        .collect();
    // No glued words, double space or missing speaker: the quotation runs on across the
    // furniture to the council leader.
    assert_eq!(found, ["paste.boilerplate"]);
    insta::assert_snapshot!("furniture", check_text(&rules, "draft.txt", text));
}
