//! Training a `classifier` rule's weights from labelled text (`copydesk train`): read
//! `label<TAB>text` lines, cross-validate, fit on everything, prune, and write a weights file.
//!
//! Features are the ones the rule reads ([`features`](crate::rules::linear::features)), with
//! one filter the rule does not need: a word is a feature only if it is in the vocabulary
//! given (the pack's lower-case English word list), so names of people, places and
//! publishers — which a model learns as stand-ins for the source of a headline rather than
//! its tone — never get a weight.

pub mod metrics;
pub mod optimise;

pub use metrics::Metrics;

use crate::rules::linear::features::{self, Feature, NUMBER, START};
use crate::rules::linear::{Model, Weights};
use foldhash::{HashMap, HashSet};

/// One labelled text.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub positive: bool,
    pub text: String,
}

/// How to train.
#[derive(Debug, Clone)]
pub struct Settings {
    pub folds: usize,
    /// The probability at or above which a text is called positive: the rule's `threshold`.
    pub threshold: f64,
    pub l2: f64,
    /// A feature must be in at least this many training texts.
    pub min_count: usize,
    /// Weights smaller than this (in absolute value) are dropped from the model.
    pub prune: f64,
    /// The words that may be features; every word when `None`. Words to exclude (names) are
    /// already taken out of it.
    pub vocabulary: Option<HashSet<String>>,
}

/// Reads `label<TAB>text` lines; `positive` names the positive label, and the file must have
/// exactly one other. A first line `label<TAB>…` is a header and skipped.
pub fn read_labelled(text: &str, positive: &str) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    let mut negative: Option<&str> = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || (index == 0 && line.starts_with("label\t")) {
            continue;
        }
        let Some((label, body)) = line.split_once('\t') else {
            return Err(format!(
                "line {}: not `label<TAB>text`: {line:?}",
                index + 1
            ));
        };
        if label != positive {
            match negative {
                None => negative = Some(label),
                Some(other) if other != label => {
                    return Err(format!(
                        "line {}: a third label {label:?} (the file has {positive:?} and {other:?}); \
                         a classifier has two",
                        index + 1
                    ));
                }
                Some(_) => {}
            }
        }
        out.push(Labelled {
            positive: label == positive,
            text: body.to_owned(),
        });
    }
    if !out.iter().any(|l| l.positive) || negative.is_none() {
        return Err(format!(
            "the file needs texts labelled {positive:?} and texts with one other label"
        ));
    }
    Ok(out)
}

/// Reads a word list: one word a line, `#` comments.
pub fn read_vocabulary(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// Whether a word may be part of a feature: in the vocabulary, one of the two special
/// tokens, or a vocabulary word with a clitic ("you'll", "here's", "won't").
fn eligible(word: &str, vocabulary: &Option<HashSet<String>>) -> bool {
    let Some(vocabulary) = vocabulary else {
        return true;
    };
    if word == NUMBER || word == START || vocabulary.contains(word) {
        return true;
    }
    let clitic = ["'ll", "'s", "'re", "'ve", "'d", "'m", "n't"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix));
    clitic.is_some_and(|stem| vocabulary.contains(stem) || matches!(stem, "wo" | "ca" | "sha"))
}

/// The features of each text that training may use, as keys.
fn featurise(examples: &[Labelled], settings: &Settings) -> Vec<Vec<String>> {
    examples
        .iter()
        .map(|example| {
            features::features(&example.text)
                .into_iter()
                .filter(|f| f.words().all(|w| eligible(w, &settings.vocabulary)))
                .map(|f| f.key())
                .collect()
        })
        .collect()
}

/// Fits a model on `rows` (feature keys per text): the features seen in at least
/// `min_count` texts, weights under `prune` dropped.
fn fit_rows(rows: &[&Vec<String>], labels: &[bool], settings: &Settings) -> Model {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for row in rows {
        for key in row.iter() {
            *counts.entry(key.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .into_iter()
        .filter(|&(_, count)| count >= settings.min_count)
        .map(|(key, _)| key)
        .collect();
    names.sort_unstable();
    let index: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i as u32))
        .collect();
    let indexed: Vec<Vec<u32>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .filter_map(|k| index.get(k.as_str()).copied())
                .collect()
        })
        .collect();
    let fit = optimise::Problem {
        rows: &indexed,
        labels,
        features: names.len(),
        l2: settings.l2,
    }
    .fit();
    Model {
        bias: fit.bias,
        weights: Weights::Read(
            names
                .iter()
                .zip(fit.weights)
                .filter(|(_, w)| w.abs() >= settings.prune)
                .map(|(k, w)| ((*k).to_owned(), w))
                .collect(),
        ),
    }
}

/// The cross-validation: fold `k` holds out every text whose index is `k` modulo the number
/// of folds; each fold's metrics at the settings' threshold.
pub fn cross_validate(examples: &[Labelled], settings: &Settings) -> Vec<Metrics> {
    let rows = featurise(examples, settings);
    let folds = settings.folds.max(2);
    (0..folds)
        .map(|fold| {
            let (train, test): (Vec<usize>, Vec<usize>) =
                (0..examples.len()).partition(|i| i % folds != fold);
            let train_rows: Vec<&Vec<String>> = train.iter().map(|&i| &rows[i]).collect();
            let labels: Vec<bool> = train.iter().map(|&i| examples[i].positive).collect();
            let model = fit_rows(&train_rows, &labels, settings);
            let mut metrics = Metrics::default();
            for &i in &test {
                let score = model.score(&examples[i].text).probability;
                metrics.add(examples[i].positive, score >= settings.threshold);
            }
            metrics
        })
        .collect()
}

/// The model fitted on every example.
pub fn fit(examples: &[Labelled], settings: &Settings) -> Model {
    let rows = featurise(examples, settings);
    let refs: Vec<&Vec<String>> = rows.iter().collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.positive).collect();
    fit_rows(&refs, &labels, settings)
}

/// Whether any feature of the model is outside the vocabulary (a check on the filter).
pub fn features_outside(model: &Model, vocabulary: &HashSet<String>) -> Vec<String> {
    let vocabulary = Some(vocabulary.clone());
    let mut outside: Vec<String> = model
        .weights
        .iter()
        .map(|(key, _)| key)
        .filter(|key| {
            Feature::from_key(key).is_some_and(|f| !f.words().all(|w| eligible(w, &vocabulary)))
        })
        .map(str::to_owned)
        .collect();
    outside.sort();
    outside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            folds: 2,
            threshold: 0.5,
            l2: 0.01,
            min_count: 1,
            prune: 0.0,
            vocabulary: Some(read_vocabulary(
                "you\nwill\nbelieve\nwhat\nthe\nsenate\npasses\nbudget\n",
            )),
        }
    }

    #[test]
    fn labelled_lines_are_read_with_located_errors() {
        let read =
            read_labelled("label\theadline\nbait\tYou Will\nnews\tSenate\n", "bait").unwrap();
        assert_eq!(read.len(), 2);
        assert!(read[0].positive && !read[1].positive);
        let error = read_labelled("bait\ta\nnews\tb\nother\tc\n", "bait").unwrap_err();
        assert!(error.starts_with("line 3:"), "{error}");
        assert!(
            read_labelled("bait\ta\nno tab here\n", "bait")
                .unwrap_err()
                .starts_with("line 2:")
        );
        assert!(read_labelled("news\ta\n", "bait").is_err());
    }

    #[test]
    fn names_outside_the_vocabulary_get_no_weight() {
        let examples: Vec<Labelled> = [
            (true, "You will believe what Buzzfeed found"),
            (true, "You will not believe Kardashian"),
            (false, "The senate passes the budget"),
            (false, "Senate passes budget in 2015"),
        ]
        .iter()
        .map(|&(positive, text)| Labelled {
            positive,
            text: text.to_owned(),
        })
        .collect();
        let model = fit(&examples, &settings());
        assert!(model.weights.get("word:you").is_some());
        assert!(
            !model
                .weights
                .iter()
                .any(|(k, _)| k.contains("buzzfeed") || k.contains("kardashian"))
        );
        assert!(features_outside(&model, settings().vocabulary.as_ref().unwrap()).is_empty());
        assert!(model.score("you will believe this").probability > 0.5);
        assert_eq!(cross_validate(&examples, &settings()).len(), 2);
    }
}
