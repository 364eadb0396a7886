//! Whether an unnamed source gives a view or an accusation, not a routine fact: what
//! anonymity must be justified for (AP Stylebook, "anonymous sources").

use crate::article::Article;
use crate::span::Span;

/// Word stems that make what a source says a view or an accusation rather than a routine
/// fact: blame, fault, motive, fear, judgement, what should be.
const OPINION_STEMS: &[&str] = &[
    "accus",
    "blam",
    "critici",
    "condemn",
    "denounc",
    "alleg",
    "illegal",
    "corrupt",
    "wrongdo",
    "misconduct",
    "lied",
    "lying",
    "fraud",
    "incompeten",
    "failed",
    "failure",
    "mistake",
    "should",
    "must",
    "ought",
    "believ",
    "think",
    "thought",
    "fear",
    "worr",
    "concern",
    "warn",
    "threat",
    "angr",
    "frustrat",
    "furious",
    "upset",
    "disappoint",
    "unfit",
    "reckless",
    "dangerous",
    "abus",
    "bully",
    "harass",
    "cover-up",
    "scandal",
    "betray",
    "motive",
    "wanted to",
    "tried to",
    "sought to",
    "intend",
    "plot",
    "conspir",
    "mislead",
    "misled",
    "deceiv",
    "unfair",
    "disgrace",
    "outrage",
    "chaos",
    "dysfunction",
    "distraction",
    "humiliat",
];

/// Whether `sentence` gives a view or an accusation: a word of it opens with one of
/// [`OPINION_STEMS`] ("blamed", "warning"; never "brought" for "ought"), or it holds one of
/// the phrases among them ("tried to").
pub fn gives_opinion(article: &Article, sentence: Span) -> bool {
    let lower = article.text(sentence).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    OPINION_STEMS.iter().any(|stem| match stem.split_once(' ') {
        Some((first, second)) => words.windows(2).any(|w| w[0] == first && w[1] == second),
        None => words.iter().any(|w| w.starts_with(stem)),
    })
}
