//! # classifier
//!
//! ## What it flags
//! A block that a trained linear model scores at or above the rule's `threshold` (a
//! probability, 0 to 1): by default the headline, for its tone. The model is a weights file in
//! the pack (`weights`, one `feature<TAB>weight` a line, written by `copydesk train`); its
//! features are the block's lower-cased words and word pairs and shapes such as "starts with a
//! number", "second person", "demonstrative subject" ("These photos…"), "forward reference"
//! ("here's why"), "quiz form" ("can you", "which … are you"), intensifiers, emotional payoffs
//! ("will make you"), superlatives and slang. Case is never a feature: "Can You Guess" and "can
//! you guess" score the same. The finding names the score and the features that pushed it
//! most (`{features}`: "starts with a number +1.9 · `will make` +1.6 · second person +0.8"),
//! so a writer sees why.
//!
//! A quotation's words are words of the block ("Which 'Breaking Bad' character are you"), but
//! the voice in it is the speaker's: the shapes are read outside quotation marks, and a
//! quotation's "you", "I" and "we" are no words of the block. Set `in-quotes = true` for a
//! headline with a quotation to be scored at all. A block that scores at the threshold is
//! scored again without its topic — the words of five letters or more that the story's
//! paragraphs use twice ("problems" in a story about health problems) — and reported only if
//! it still does.
//!
//! `threshold-without-shape` (a probability at least `threshold`) is the bar for a block that
//! no shape pushes up: words alone ("The memory driving the mission", "Who should wear a face
//! mask") are often a topic the training set's bait happened to share, not a teaser's device.
//!
//! A rule can set `defers-to` (rule ids or prefixes): where one of those rules already flags
//! the block, this one stays quiet, so a headline a named tone rule explains better is not
//! reported twice.
//!
//! ## Why
//! Phrase lists catch the bait they list. A model trained on thousands of labelled headlines
//! weighs the many small signs of a teaser together ("Can you guess which senator said this",
//! "These photos of the flood will break your heart") and says which ones it saw.
//!
//! ## Example
//! ```toml
//! [[classifier]]
//! id = "news.tone.clickbait"
//! message = "headline reads as click bait ({score}: {features})"
//! help = "say what happened instead of teasing it"
//! weights = "clickbait.tsv"
//! threshold = 0.8
//! rationale = "A headline tells the news; it does not tease it."
//! must-fire = ["You won't believe what this senator said about the budget"]
//! must-not-fire = ["Senate passes budget after all-night session"]
//! ```
//!
//! Train a house model on your own rejected and approved headlines (`rejected<TAB>headline`
//! and `approved<TAB>headline` lines) with `copydesk train headlines.tsv --positive rejected
//! --vocabulary words.txt --out house.tsv`, and name `house.tsv` in your pack's rule.
//!
//! ## Instead
//! A headline that states the news: who did what, and what it means.
//!
//! ## Fix safety
//! No fix: only a person can rewrite a headline.

use super::KindInfo;
use crate::diagnostic::Diagnostic;
use crate::rules::linear::{Feature, Model, Shape};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context, Details};
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "classifier",
    default_scope: &[crate::article::BlockKind::Headline],
    placeholders: &["score", "features"],
    rust_file: include_str!("classifier.rs"),
};

/// How many features a finding names.
const EXPLAINED: usize = 3;
/// How many of the strongest features each way `copydesk explain` lists.
const LISTED: usize = 15;

crate::rule_spec! {
    pub struct Spec {
        pub weights: Spanned<String>,
        #[serde(default = "default_threshold")]
        pub threshold: Spanned<f64>,
        /// The threshold for a block whose score no shape pushes up: its words alone.
        #[serde(default)]
        pub threshold_without_shape: Option<Spanned<f64>>,
    }
}

fn default_threshold() -> Spanned<f64> {
    Spanned::new(0..0, 0.5)
}

/// The probability `value` holds, or a located error for one outside 0 to 1.
fn probability(compiler: &mut Compiler<'_>, name: &str, value: &Spanned<f64>) -> Option<f64> {
    let probability = *value.get_ref();
    if (0.0..=1.0).contains(&probability) {
        return Some(probability);
    }
    compiler.error(
        value.span().into(),
        format!("`{name}` is a probability from 0 to 1, not {probability}"),
        "here",
    );
    None
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let threshold = probability(compiler, "threshold", &spec.threshold)?;
    let without_shape = match &spec.threshold_without_shape {
        Some(value) => probability(compiler, "threshold-without-shape", value)?,
        None => threshold,
    };
    // The built-in pack's weights were read when the binary was built.
    if let Some(model) = compiler
        .embedded_data_name(&spec.weights)
        .and_then(|name| Model::compiled(&name))
    {
        return Some(Box::new(Classifier {
            model,
            threshold,
            without_shape: without_shape.max(threshold),
        }));
    }
    let text = compiler.data_file(&spec.weights)?;
    match Model::parse(&text) {
        Ok(model) => Some(Box::new(Classifier {
            model,
            threshold,
            without_shape: without_shape.max(threshold),
        })),
        Err(error) => {
            compiler.error(
                spec.weights.span().into(),
                format!("line {} of the weights file: {}", error.line, error.message),
                "in this file",
            );
            None
        }
    }
}

struct Classifier {
    model: Model,
    threshold: f64,
    /// The threshold for a score that no shape pushes up (at least `threshold`).
    without_shape: f64,
}

impl Check for Classifier {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (index, block) in cx.blocks() {
            let span = block.span;
            if !cx.may_report(index, span) {
                continue;
            }
            let text = scored_part(cx.text(span));
            let mut score = self.model.score(text);
            if score.probability >= self.threshold {
                // Rare, so only then: the words the story's body repeats are its topic, and
                // a headline is judged on its tone without them.
                score = self.model.score_except(text, &topic_words(cx, text));
            }
            if score.probability < self.threshold
                || (score.probability < self.without_shape && !score.has_shape())
            {
                continue;
            }
            let features = score.explain(EXPLAINED);
            let shown = format!("score {:.2}", score.probability);
            out.push(cx.diagnostic(
                span,
                format!("{shown}, threshold {}", self.threshold),
                &[("score", &shown), ("features", &features)],
            ));
        }
    }

    fn details(&self) -> Details {
        let (up, down) = self.model.strongest(LISTED);
        let line =
            |(feature, weight): &(Feature, f64)| format!("{weight:+.2}  {}", feature.describe());
        let mut matches = vec![format!(
            "threshold {} · bias {:+.2} · {} features; the strongest each way:",
            self.threshold,
            self.model.bias,
            self.model.weights.len()
        )];
        matches.extend(up.iter().map(line));
        matches.extend(down.iter().map(line));
        matches.push("the shapes:".to_owned());
        for shape in Shape::ALL {
            let weight = self.model.weights.get(&Feature::Shape(shape.name()).key());
            matches.push(format!(
                "{:+.2}  {}",
                weight.unwrap_or(0.0),
                shape.description()
            ));
        }
        Details {
            matches,
            preferred: None,
        }
    }
}

/// The shortest word that can be a topic: shorter ones are pronouns and particles ("you",
/// "this", "just"), which carry tone.
const MIN_TOPIC_LETTERS: usize = 5;

/// The most headline words looked for in the body: a headline's worth, however long the
/// block in its place.
const MAX_TOPIC_CANDIDATES: usize = 24;

/// The words of `headline` (lower case, as the model reads them) that the story's paragraphs
/// use twice or more: what the story is about ("problems", "women"), which a headline names
/// whatever its tone.
fn topic_words(cx: &Context<'_>, headline: &str) -> Vec<String> {
    let candidates: Vec<String> = crate::rules::linear::words(headline)
        .into_iter()
        .filter(|w| w.chars().count() >= MIN_TOPIC_LETTERS)
        .take(MAX_TOPIC_CANDIDATES)
        .collect();
    let mut counts = vec![0_usize; candidates.len()];
    let article = cx.article;
    for (index, block) in article.blocks.iter().enumerate() {
        if block.kind != crate::article::BlockKind::Paragraph {
            continue;
        }
        for word in article.block_words(index) {
            let word = article.text(word);
            for (candidate, count) in candidates.iter().zip(counts.iter_mut()) {
                *count += usize::from(word.eq_ignore_ascii_case(candidate));
            }
        }
    }
    candidates
        .into_iter()
        .zip(counts)
        .filter(|(_, count)| *count >= 2)
        .map(|(word, _)| word)
        .collect()
}

/// The most of a block the model reads: a headline is a few dozen words, and a block of
/// megabytes in a headline's place is scored by its opening, so its cost stays bounded.
const SCORED_BYTES: usize = 2_000;

/// The opening of `text` the model scores: all of it, or up to the last space before
/// [`SCORED_BYTES`] (never cutting a word or a character).
fn scored_part(text: &str) -> &str {
    if text.len() <= SCORED_BYTES {
        return text;
    }
    let mut end = SCORED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.rfind(char::is_whitespace)
        .map_or(head, |space| &head[..space])
}
