//! The shipped clickbait model (`rules/news/clickbait.tsv`): it loads with the default pack,
//! scores known headlines on the right side of its threshold, and its scores do not change
//! with case, on the project's own tone-not-topic set (`training/tone-not-topic.tsv`).

mod common;

use common::{default_rules, fired};
use copydesk::rules::linear::Model;

const WEIGHTS: &str = include_str!("../rules/news/clickbait.tsv");
const OWN_SET: &str = include_str!("../training/tone-not-topic.tsv");
const PACK: &str = include_str!("../rules/news/tone.toml");

/// The threshold the rule ships with, from its pack.
fn threshold() -> f64 {
    let rule = PACK
        .split("id = \"news.tone.clickbait\"")
        .nth(1)
        .expect("the rule");
    let line = rule
        .lines()
        .find(|l| l.starts_with("threshold = "))
        .expect("its threshold");
    line["threshold = ".len()..]
        .trim()
        .parse()
        .expect("a number")
}

/// The rules of the default pack that fire on a draft with this headline.
fn headline_rules(headline: &str) -> Vec<String> {
    let text = format!("{headline}\n\nThe story follows.\n");
    fired(&default_rules(), "draft.txt", &text)
}

fn flags(headline: &str) -> bool {
    headline_rules(headline)
        .iter()
        .any(|rule| rule == "news.tone.clickbait")
}

#[test]
fn the_shipped_model_flags_bait_and_not_news() {
    for bait in [
        "These photos of the flood will break your heart",
        "Can you guess which senator said this",
        "What happens next in the impeachment fight will surprise you",
    ] {
        assert!(flags(bait), "not flagged: {bait}");
    }
    // A headline a named tone rule flags is reported once, by that rule.
    assert_eq!(
        headline_rules("17 things only people who grew up in the 90s will understand"),
        ["news.tone.listicle"]
    );
    for news in [
        "Senate passes budget after all-night session",
        "Flood waters recede as towns count the cost",
        "Striker scores twice as leaders extend unbeaten run",
    ] {
        assert!(!flags(news), "flagged: {news}");
    }
}

#[test]
fn a_headline_scores_the_same_in_any_case() {
    let model = Model::parse(WEIGHTS).expect("the shipped weights load");
    for line in OWN_SET.lines().skip(1) {
        let (_, headline) = line.split_once('\t').expect("label<TAB>headline");
        let score = model.score(headline).probability;
        for cased in [
            headline.to_uppercase(),
            headline.to_lowercase(),
            title_case(headline),
        ] {
            assert_eq!(model.score(&cased).probability, score, "{cased}");
        }
    }
}

#[test]
fn the_own_set_is_mostly_called_right() {
    let model = Model::parse(WEIGHTS).expect("the shipped weights load");
    let threshold = threshold();
    let (mut right, mut total) = (0, 0);
    for line in OWN_SET.lines().skip(1) {
        let (label, headline) = line.split_once('\t').expect("label<TAB>headline");
        total += 1;
        right +=
            usize::from((model.score(headline).probability >= threshold) == (label == "clickbait"));
    }
    assert!(total >= 200);
    assert!(right * 100 >= total * 85, "{right} of {total} right");
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}
