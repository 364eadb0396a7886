//! A trained linear model: a bias and a weight per feature, read from and written to a
//! weights file, and the score it gives a block with the features that made it.
//!
//! The weights file is text in the format of [`data_format`], one `feature<TAB>weight` a line;
//! `#` starts a comment line, and the line `bias<TAB>weight` holds the intercept. Features are named as [`Feature::key`]
//! writes them (`shape:second-person`, `word:you`, `pair:can you`).

use super::features::{self, Feature};
use crate::rules::data_format::{self, Column, Field};
use foldhash::HashMap;

/// A weights file's columns: a `pair:` feature holds a space.
const COLUMNS: [Column; 2] = [("feature", Field::Phrase), ("weight", Field::Word)];

/// The name of the intercept's line in a weights file.
const BIAS: &str = "bias";

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub bias: f64,
    pub weights: Weights,
}

/// A model's weights by feature key: read from a weights file, or compiled into the binary
/// for the built-in pack's ([`COMPILED_WEIGHTS`]).
#[derive(Debug, Clone)]
pub enum Weights {
    Read(HashMap<String, f64>),
    /// Sorted by key.
    Compiled(&'static [(&'static str, f64)]),
}

impl Default for Weights {
    fn default() -> Self {
        Weights::Read(HashMap::default())
    }
}

impl Weights {
    /// The weight of the feature written `key`.
    pub fn get(&self, key: &str) -> Option<f64> {
        match self {
            Weights::Read(map) => map.get(key).copied(),
            Weights::Compiled(table) => table
                .binary_search_by(|(k, _)| (*k).cmp(key))
                .ok()
                .map(|at| table[at].1),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Weights::Read(map) => map.len(),
            Weights::Compiled(table) => table.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every feature key with its weight, in no particular order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (&str, f64)> + '_> {
        match self {
            Weights::Read(map) => Box::new(map.iter().map(|(k, w)| (k.as_str(), *w))),
            Weights::Compiled(table) => Box::new(table.iter().copied()),
        }
    }
}

/// Two sets of weights are equal when they weigh the same features the same.
impl PartialEq for Weights {
    fn eq(&self, other: &Self) -> bool {
        let sorted = |weights: &Weights| {
            let mut all: Vec<(&str, f64)> = weights.iter().collect();
            all.sort_by(|a, b| a.0.cmp(b.0));
            all.into_iter()
                .map(|(k, w)| (k.to_owned(), w.to_bits()))
                .collect::<Vec<_>>()
        };
        sorted(self) == sorted(other)
    }
}

/// A weights file of the built-in pack, read at build time.
#[derive(Debug)]
pub struct CompiledWeights {
    /// Its path in the pack (`rules/news/clickbait.tsv`).
    pub file: &'static str,
    pub bias: f64,
    /// Sorted by key.
    pub weights: &'static [(&'static str, f64)],
}

include!(concat!(env!("OUT_DIR"), "/compiled_weights.rs"));

/// Features with their weights.
pub type Weighted = Vec<(Feature, f64)>;

/// What a model makes of one block.
#[derive(Debug, Clone)]
pub struct Score {
    /// The probability of the positive class (clickbait), 0 to 1.
    pub probability: f64,
    /// The block's features that have a weight, strongest push towards the positive class
    /// first.
    pub contributions: Weighted,
}

impl Score {
    /// The strongest `n` features pushing towards the positive class, as a diagnostic shows
    /// them: "starts with a number +1.9 · `will make` +1.6".
    pub fn explain(&self, n: usize) -> String {
        self.contributions
            .iter()
            .filter(|(_, weight)| *weight > 0.0)
            .take(n)
            .map(|(feature, weight)| format!("{} {weight:+.1}", feature.describe()))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Whether a shape ("second person", "forward reference") pushes towards the positive
    /// class, not the block's words alone.
    pub fn has_shape(&self) -> bool {
        self.contributions
            .iter()
            .any(|(feature, weight)| matches!(feature, Feature::Shape(_)) && *weight > 0.0)
    }
}

/// A line of a weights file that could not be read: where, and what is wrong, never what it
/// says (the file a pack names need not be a weights file, and its lines are not shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl Model {
    /// Reads a weights file.
    pub fn parse(text: &str) -> Result<Model, ParseError> {
        let mut model = Model::default();
        let mut weights = HashMap::default();
        let mut has_bias = false;
        for entry in data_format::entries(text, COLUMNS) {
            let entry = entry.map_err(|e| ParseError {
                line: e.line,
                message: format!("not `feature<TAB>weight`: {}", e.problem),
            })?;
            let error = |message: String| ParseError {
                line: entry.line,
                message,
            };
            let [key, value] = entry.fields.map(|field| &text[field]);
            let weight: f64 = value
                .parse()
                .ok()
                .filter(|w: &f64| w.is_finite())
                .ok_or_else(|| error("the weight is not a number".to_owned()))?;
            if key == BIAS {
                model.bias = weight;
                has_bias = true;
            } else if Feature::from_key(key).is_none() {
                return Err(error(
                    "an unknown feature: features are `shape:NAME`, `word:WORD` or `pair:WORD WORD`"
                        .to_owned(),
                ));
            } else if weights.insert(key.to_owned(), weight).is_some() {
                return Err(error("a feature listed on an earlier line too".to_owned()));
            }
        }
        model.weights = Weights::Read(weights);
        if !has_bias {
            return Err(ParseError {
                line: 1,
                message: "the weights file has no `bias` line".to_owned(),
            });
        }
        Ok(model)
    }

    /// The model of the built-in pack's weights file `file` (`rules/news/clickbait.tsv`),
    /// compiled into the binary, if it is one.
    pub fn compiled(file: &str) -> Option<Model> {
        COMPILED_WEIGHTS
            .iter()
            .find(|compiled| compiled.file == file)
            .map(|compiled| Model {
                bias: compiled.bias,
                weights: Weights::Compiled(compiled.weights),
            })
    }

    /// The weights file: `header` as comment lines, the bias, then the features by weight,
    /// strongest first (so a reader sees what matters at the top).
    pub fn to_weights_file(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("{BIAS}\t{:.4}\n", self.bias));
        let mut entries: Vec<(&str, f64)> = self.weights.iter().collect();
        entries.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        for (key, weight) in entries {
            out.push_str(&format!("{key}\t{weight:.4}\n"));
        }
        out
    }

    /// Scores a block's text.
    pub fn score(&self, text: &str) -> Score {
        self.score_except(text, &[])
    }

    /// Scores a block's text with the words in `topic` (lower case) left out: neither they
    /// nor the pairs they are in count.
    pub fn score_except(&self, text: &str, topic: &[String]) -> Score {
        let mut contributions: Vec<(Feature, f64)> = features::features(text)
            .into_iter()
            .filter(|feature| !feature.words().any(|w| topic.iter().any(|t| t == w)))
            .filter_map(|feature| {
                let weight = self.weights.get(&feature.key())?;
                Some((feature, weight))
            })
            .collect();
        let sum = self.bias + contributions.iter().map(|(_, w)| w).sum::<f64>();
        contributions.sort_by(|a, b| b.1.total_cmp(&a.1));
        Score {
            probability: logistic(sum),
            contributions,
        }
    }

    /// The `n` strongest features each way: towards the positive class, then away from it.
    pub fn strongest(&self, n: usize) -> (Weighted, Weighted) {
        let mut all: Weighted = self
            .weights
            .iter()
            .filter_map(|(key, w)| Some((Feature::from_key(key)?, w)))
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let positive = all.iter().take_while(|(_, w)| *w > 0.0).take(n).cloned();
        let negative = all
            .iter()
            .rev()
            .take_while(|(_, w)| *w < 0.0)
            .take(n)
            .cloned();
        (positive.collect(), negative.collect())
    }
}

/// The logistic function: a sum of weights to a probability.
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# a test model\nbias\t-1.0\nshape:second-person\t1.5\nword:guess\t2.0\npair:<s> this\t0.5\nword:senate\t-1.0\n";

    /// `build.rs` reads the built-in pack's weights files on its own: what it compiled is
    /// what a run would read.
    #[test]
    fn compiled_weights_are_what_the_weights_files_read() {
        let files: Vec<&str> = COMPILED_WEIGHTS.iter().map(|c| c.file).collect();
        assert!(files.contains(&"rules/news/clickbait.tsv"), "{files:?}");
        for compiled in COMPILED_WEIGHTS {
            let (_, text) = crate::rules::pack::DEFAULT_PACK
                .iter()
                .find(|(name, _)| *name == compiled.file)
                .expect("a compiled weights file is a file of the built-in pack");
            let read = Model::parse(text).unwrap();
            let built = Model::compiled(compiled.file).unwrap();
            assert_eq!(
                read.bias.to_bits(),
                built.bias.to_bits(),
                "{}",
                compiled.file
            );
            assert_eq!(read.weights, built.weights, "{}", compiled.file);
            assert!(compiled.weights.windows(2).all(|w| w[0].0 < w[1].0));
            assert_eq!(built.weights.get("word:try"), read.weights.get("word:try"));
        }
    }

    #[test]
    fn a_weights_file_reads_and_writes_back() {
        let model = Model::parse(FILE).unwrap();
        let again = Model::parse(&model.to_weights_file("again")).unwrap();
        assert_eq!(again.bias, -1.0);
        assert_eq!(again.weights, model.weights);
    }

    #[test]
    fn a_score_names_its_strongest_features() {
        let model = Model::parse(FILE).unwrap();
        let score = model.score("Can you guess this?");
        assert!((score.probability - logistic(-1.0 + 1.5 + 2.0)).abs() < 1e-9);
        assert_eq!(score.explain(3), "`guess` +2.0 · second person +1.5");
        let (up, down) = model.strongest(1);
        assert_eq!(up[0].1, 2.0);
        assert_eq!(down[0].1, -1.0);
    }

    #[test]
    fn bad_lines_are_located() {
        let error = Model::parse("bias\t0\nword:x\tlots\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(!error.message.contains("lots"), "{}", error.message);
        for not_weights in ["bias\t0\nTOKEN=hunter2\n", "bias\t0\ncolour:red\t1\n"] {
            let error = Model::parse(not_weights).unwrap_err();
            assert_eq!(error.line, 2);
            assert!(
                !error.message.contains("hunter2") && !error.message.contains("red"),
                "no line is quoted: {}",
                error.message
            );
        }
        assert!(Model::parse("word:x\t1\n").is_err());
        let error = Model::parse("bias\t0\nword:x\t1 # strong\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(
            error.message.contains("a `#` at column 10"),
            "{}",
            error.message
        );
        let error = Model::parse("bias\t0\nword:x \t1\n").unwrap_err();
        assert!(
            error.message.contains("end of the feature"),
            "{}",
            error.message
        );
        assert_eq!(
            Model::parse("bias\t0\ncolour:red\t1\n").unwrap_err().line,
            2
        );
        assert_eq!(
            Model::parse("bias\t0\nword:x\t1\nword:x\t2\n")
                .unwrap_err()
                .line,
            3
        );
    }
}
