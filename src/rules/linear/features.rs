//! The features of a block that a linear classifier weighs: its lower-cased words and word
//! pairs, and the shapes the clickbait literature names (a number first, second person, a
//! forward reference, a quiz …).
//!
//! Case is never a feature: the text is lower-cased before anything is read, so "Can You
//! Guess" and "can you guess" have the same features. Figures are one token, `<num>`, so a
//! year or a count is never a word of its own.

/// A token standing for any figure ("15", "2015", "$3", "10th").
pub const NUMBER: &str = "<num>";
/// The token before the first word, so a pair can say "starts with `this`".
pub const START: &str = "<s>";

/// The shapes a headline can have, each a feature of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    StartsWithNumber,
    SecondPerson,
    DemonstrativeSubject,
    ForwardReference,
    Quiz,
    Exclamation,
    Intensifier,
    EmotionalPayoff,
    Superlative,
    Slang,
}

impl Shape {
    pub const ALL: [Shape; 10] = [
        Shape::StartsWithNumber,
        Shape::SecondPerson,
        Shape::DemonstrativeSubject,
        Shape::ForwardReference,
        Shape::Quiz,
        Shape::Exclamation,
        Shape::Intensifier,
        Shape::EmotionalPayoff,
        Shape::Superlative,
        Shape::Slang,
    ];

    /// The shape's name in a weights file (`shape:NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Shape::StartsWithNumber => "starts-with-number",
            Shape::SecondPerson => "second-person",
            Shape::DemonstrativeSubject => "demonstrative-subject",
            Shape::ForwardReference => "forward-reference",
            Shape::Quiz => "quiz",
            Shape::Exclamation => "exclamation",
            Shape::Intensifier => "intensifier",
            Shape::EmotionalPayoff => "emotional-payoff",
            Shape::Superlative => "superlative",
            Shape::Slang => "slang",
        }
    }

    /// How a diagnostic names the shape.
    pub fn description(self) -> &'static str {
        match self {
            Shape::StartsWithNumber => "starts with a number",
            Shape::SecondPerson => "second person",
            Shape::DemonstrativeSubject => "demonstrative subject",
            Shape::ForwardReference => "forward reference",
            Shape::Quiz => "quiz form",
            Shape::Exclamation => "exclamation mark",
            Shape::Intensifier => "intensifier",
            Shape::EmotionalPayoff => "emotional payoff",
            Shape::Superlative => "superlative",
            Shape::Slang => "slang",
        }
    }

    fn of(self, words: &[String], text: &str) -> bool {
        let first = words.first().map_or("", String::as_str);
        let second = words.get(1).map_or("", String::as_str);
        match self {
            Shape::StartsWithNumber => first == NUMBER || NUMBER_WORDS.contains(&first),
            Shape::SecondPerson => words
                .iter()
                .any(|w| super::voice::SECOND_PERSON.contains(&w.as_str())),
            Shape::DemonstrativeSubject => {
                matches!(first, "this" | "these" | "those")
                    && !second.is_empty()
                    && !TIME_WORDS.contains(&second)
            }
            Shape::ForwardReference => contains_any(words, FORWARD_REFERENCES),
            Shape::Quiz => {
                contains_any(words, QUIZ_FORMS)
                    || QUIZ_OPENINGS
                        .iter()
                        .any(|opening| words.starts_with(&opening.map(String::from)))
                    || is_which_are_you(words)
            }
            Shape::Exclamation => text.contains('!'),
            Shape::Intensifier => words.iter().any(|w| INTENSIFIERS.contains(&w.as_str())),
            Shape::EmotionalPayoff => contains_any(words, EMOTIONAL_PAYOFFS),
            Shape::Superlative => words.iter().any(|w| is_superlative(w)),
            Shape::Slang => words.iter().any(|w| SLANG.contains(&w.as_str())),
        }
    }
}

/// One feature of a block.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    Shape(&'static str),
    Word(String),
    Pair(String),
}

impl Feature {
    /// The feature's name in a weights file: `shape:second-person`, `word:you`,
    /// `pair:can you`.
    pub fn key(&self) -> String {
        match self {
            Feature::Shape(name) => format!("shape:{name}"),
            Feature::Word(word) => format!("word:{word}"),
            Feature::Pair(pair) => format!("pair:{pair}"),
        }
    }

    /// Reads a weights-file name back; `None` for an unknown shape or prefix.
    pub fn from_key(key: &str) -> Option<Feature> {
        let (prefix, rest) = key.split_once(':')?;
        match prefix {
            "shape" => Shape::ALL
                .iter()
                .find(|s| s.name() == rest)
                .map(|s| Feature::Shape(s.name())),
            "word" if !rest.is_empty() => Some(Feature::Word(rest.to_owned())),
            "pair" if rest.contains(' ') => Some(Feature::Pair(rest.to_owned())),
            _ => None,
        }
    }

    /// How a diagnostic shows the feature: a shape's description, or the words in backticks.
    pub fn describe(&self) -> String {
        match self {
            Feature::Shape(name) => Shape::ALL
                .iter()
                .find(|s| s.name() == *name)
                .map_or((*name).to_owned(), |s| s.description().to_owned()),
            Feature::Word(text) | Feature::Pair(text) => {
                let shown = |word: &str| {
                    if word == NUMBER {
                        "N".to_owned()
                    } else {
                        word.to_owned()
                    }
                };
                if text == NUMBER {
                    return "a number".to_owned();
                }
                match text.strip_prefix(START).map(str::trim_start) {
                    Some(NUMBER) => "starts with a number".to_owned(),
                    Some(first) => format!("starts `{first}`"),
                    None => format!(
                        "`{}`",
                        text.split(' ').map(shown).collect::<Vec<_>>().join(" ")
                    ),
                }
            }
        }
    }

    /// The words a word or pair feature is made of (`<s>` and `<num>` included).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let text = match self {
            Feature::Shape(_) => "",
            Feature::Word(text) | Feature::Pair(text) => text.as_str(),
        };
        text.split(' ').filter(|w| !w.is_empty())
    }
}

/// The lower-cased words of `text`: letters and digits with inner apostrophes (curly ones
/// made straight); a word that starts with a digit ("15", "2015", "10th", "3bn") is
/// [`NUMBER`], one with a digit later ("u2", "g20") is a name. Initialisms keep their stops
/// ("u.s.", "u.n."), so their letters are not read as words ("u" is slang for "you").
pub fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let mut out = Vec::new();
    for chunk in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.')) {
        if is_initialism(chunk) {
            out.push(chunk.to_owned());
            continue;
        }
        let parts = chunk
            .split('.')
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty());
        out.extend(parts.map(|w| {
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                NUMBER.to_owned()
            } else {
                w.to_owned()
            }
        }));
    }
    out
}

/// Single letters with stops between: "u.s.", "u.k", "a.m.".
fn is_initialism(chunk: &str) -> bool {
    let letters: Vec<&str> = chunk.trim_end_matches('.').split('.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic))
}

/// Every feature of `text`, each once, in a stable order: shapes, then words, then pairs.
///
/// A quotation's words are words of the headline ("Which 'Breaking Bad' character are you"),
/// but the voice in it is the speaker's: the shapes are read outside quotation marks, and a
/// quotation's "you" ("Obama to Muslims: 'Americans are not your enemy'") addresses the
/// speaker's audience, not the reader, so it is no word of the headline; nor is its "we",
/// the speaker's own voice.
pub fn features(text: &str) -> Vec<Feature> {
    let split = super::voice::split(text);
    let outside = split.as_ref().map_or(text, |(outside, _)| outside.as_str());
    let words = words(
        split
            .as_ref()
            .map_or(text, |(_, addressed)| addressed.as_str()),
    );
    let outside_owned = split.as_ref().map(|_| self::words(outside));
    let outside_words = outside_owned.as_deref().unwrap_or(&words);
    let mut out: Vec<Feature> = Shape::ALL
        .iter()
        .filter(|shape| shape.of(outside_words, outside))
        .map(|shape| Feature::Shape(shape.name()))
        .collect();
    let mut seen: Vec<Feature> = Vec::with_capacity(words.len() * 2 + 1);
    seen.extend(words.iter().map(|w| Feature::Word(w.clone())));
    let mut previous = START;
    for word in &words {
        seen.push(Feature::Pair(format!("{previous} {word}")));
        previous = word;
    }
    seen.sort();
    seen.dedup();
    out.extend(seen);
    out
}

fn contains_any(words: &[String], phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|phrase| {
        words
            .windows(phrase.len())
            .any(|window| window.iter().zip(phrase.iter()).all(|(w, p)| w == p))
    })
}

/// "Which Disney princess are you", "what kind of dog are you".
fn is_which_are_you(words: &[String]) -> bool {
    matches!(words.first().map(String::as_str), Some("which" | "what"))
        && words.ends_with(&["are".to_owned(), "you".to_owned()])
}

fn is_superlative(word: &str) -> bool {
    SUPERLATIVES.contains(&word)
        || (word.len() > 5 && word.ends_with("iest") && !NOT_SUPERLATIVE.contains(&word))
}

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen",
];

const TIME_WORDS: &[&str] = &[
    "week",
    "weekend",
    "year",
    "month",
    "morning",
    "afternoon",
    "evening",
    "season",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "time",
];

const FORWARD_REFERENCES: &[&[&str]] = &[
    &["this", "is", "what"],
    &["this", "is", "why"],
    &["this", "is", "how"],
    &["this", "is", "the"],
    &["here's"],
    &["here", "is"],
    &["here", "are"],
    &["what", "happens", "next"],
    &["what", "happened", "next"],
    &["the", "reason", "why"],
    &["find", "out"],
    &["won't", "believe"],
    &["the", "truth", "about"],
    &["what", "really"],
    &["you", "need", "to", "know"],
    &["is", "what", "happens"],
];

/// Quiz words anywhere in a headline.
const QUIZ_FORMS: &[&[&str]] = &[&["quiz"], &["test", "your"], &["guess"], &["tell", "us"]];

/// Quiz questions, which open a headline ("Can you name…", not "…and so can you").
const QUIZ_OPENINGS: &[[&str; 2]] = &[
    ["can", "you"],
    ["how", "well"],
    ["how", "many"],
    ["do", "you"],
    ["should", "you"],
];

const INTENSIFIERS: &[&str] = &[
    "literally",
    "actually",
    "totally",
    "perfect",
    "perfectly",
    "absolutely",
    "seriously",
    "completely",
    "utterly",
    "insanely",
    "ridiculously",
    "incredibly",
    "truly",
    "really",
    "so",
    "super",
    "ever",
    "unbelievable",
    "amazing",
    "epic",
    "incredible",
];

const EMOTIONAL_PAYOFFS: &[&[&str]] = &[
    &["make", "you"],
    &["makes", "you"],
    &["break", "your", "heart"],
    &["restore", "your", "faith"],
    &["blow", "your", "mind"],
    &["melt", "your", "heart"],
    &["give", "you"],
    &["leave", "you"],
    &["never", "forget"],
    &["can't", "stop"],
    &["feel", "things"],
    &["all", "the", "feels"],
    &["in", "tears"],
    &["so", "hard"],
];

const SUPERLATIVES: &[&str] = &[
    "best",
    "worst",
    "most",
    "least",
    "greatest",
    "biggest",
    "cutest",
    "weirdest",
    "strangest",
    "smartest",
    "dumbest",
    "hottest",
    "coolest",
    "sweetest",
    "saddest",
    "wildest",
    "oddest",
    "cleverest",
    "grossest",
];

/// Words ending in "-iest" that compare nothing.
const NOT_SUPERLATIVE: &[&str] = &["priest"];

const SLANG: &[&str] = &[
    "omg", "lol", "wtf", "af", "lit", "bae", "fam", "legit", "yaas", "yas", "totes", "cray",
    "adorbs", "awks", "tbh", "smh", "fomo", "yolo", "lmao", "ugh", "wow", "whoa", "dope", "savage",
    "bff", "squad", "goals", "slay", "lowkey", "yay", "nope", "meh", "hella",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        features(text).iter().map(Feature::key).collect()
    }

    #[test]
    fn case_is_not_a_feature() {
        assert_eq!(
            keys("Can You Guess Which Senator Said This?"),
            keys("can you guess which senator said this?")
        );
    }

    #[test]
    fn initialisms_are_one_word() {
        assert_eq!(
            words("U.S. troops in the U.K."),
            ["u.s.", "troops", "in", "the", "u.k."]
        );
        assert_eq!(words("Ends. Then begins"), ["ends", "then", "begins"]);
    }

    #[test]
    fn figures_are_one_token() {
        assert_eq!(
            words("15 shows of 2015, $3bn"),
            ["<num>", "shows", "of", "<num>", "<num>"]
        );
        assert_eq!(words("U2 at the G20"), ["u2", "at", "the", "g20"]);
    }

    #[test]
    fn shapes_are_found() {
        let found = keys("17 Photos That Will Make You Believe In Love Again");
        for wanted in [
            "shape:starts-with-number",
            "shape:second-person",
            "shape:emotional-payoff",
        ] {
            assert!(found.iter().any(|k| k == wanted), "{wanted} in {found:?}");
        }
        assert!(
            keys("These photos of the flood will break your heart")
                .contains(&"shape:demonstrative-subject".to_owned())
        );
        assert!(
            !keys("This week in Congress: the budget vote")
                .contains(&"shape:demonstrative-subject".to_owned())
        );
        assert!(keys("Which Disney villain are you").contains(&"shape:quiz".to_owned()));
    }

    #[test]
    fn pairs_start_with_the_start_token() {
        let found = keys("Here’s why it matters");
        assert!(found.contains(&"pair:<s> here's".to_owned()), "{found:?}");
        assert!(found.contains(&"shape:forward-reference".to_owned()));
    }

    #[test]
    fn features_describe_themselves() {
        assert_eq!(
            Feature::Pair("<s> these".into()).describe(),
            "starts `these`"
        );
        assert_eq!(
            Feature::Pair("<s> <num>".into()).describe(),
            "starts with a number"
        );
        assert_eq!(
            Feature::Pair("<num> things".into()).describe(),
            "`N things`"
        );
        assert_eq!(Feature::Shape("second-person").describe(), "second person");
    }

    #[test]
    fn keys_read_back() {
        for feature in features("You won't believe these 9 dogs!") {
            assert_eq!(Feature::from_key(&feature.key()), Some(feature));
        }
        assert_eq!(Feature::from_key("shape:unknown"), None);
        assert_eq!(Feature::from_key("colour:red"), None);
    }
}
