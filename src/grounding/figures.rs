//! Figures in running text, as a copy editor compares them: digit groups joined ("1,200",
//! "1.5"), scaled ("$1.5 billion" and "$1,500 million" are one value), number words
//! ("twelve"), figures inside hyphenated compounds ("a 46-year-old teacher", "12-state",
//! "Under-21") and score lines and tallies ("18-15", "a 53-48 majority"), each with the words
//! around it that say what it counts.

use super::words::normalise_word;
use crate::span::Span;

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("dozen", "12"),
    ("dozens", "dozens"),
    ("hundreds", "hundreds"),
    ("thousands", "thousands"),
    ("million", "million"),
    ("millions", "millions"),
    ("billion", "billion"),
    ("billions", "billions"),
];

/// Words that scale the figure before them, and suffixes that do the same inside a word
/// ("5bn", "20m").
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
    ("tn", 1e12),
];

/// The value of a figure word: digits without thousands separators or ordinal endings
/// ("1,200" → "1200", "15th" → "15"), or the digits of a number word ("three" → "3").
pub fn figure_value(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if let Some((_, value)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some((*value).to_owned());
    }
    let digits = lower
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th")
        .replace(',', "");
    (!digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit()))
    .then_some(digits)
}

/// A figure of a text and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure as written (the digits of a compound, the whole of a tally).
    pub span: Span,
    /// Its value, comparable across ways of writing it ("1500000000", "12", "18-15").
    pub value: String,
    /// The first word of `words` it is made of.
    pub word: usize,
    /// What it counts: the word after it, or the rest of its compound ("year-old").
    pub next: Option<String>,
    /// The word after that.
    pub next2: Option<String>,
    /// The word before it.
    pub previous: Option<String>,
    /// The word before that.
    pub previous2: Option<String>,
}

impl Figure {
    /// How alike the words around two figures are: 2 for each neighbour that matches, 1 for
    /// each word beyond it. A changed figure is compared with the source figure whose words
    /// around it match best ("the 31-year-old, whose" against the source's "the 30-year-old,
    /// whose", not its "27-year-old" further on).
    pub fn alike(&self, other: &Figure) -> u32 {
        let same = |a: &Option<String>, b: &Option<String>| u32::from(a.is_some() && a == b);
        2 * same(&self.next, &other.next)
            + 2 * same(&self.previous, &other.previous)
            + same(&self.next2, &other.next2)
            + same(&self.previous2, &other.previous2)
    }
}

/// `value` scaled by `scale`, written without a fraction where it has none.
fn scaled(value: &str, scale: f64) -> String {
    match value.parse::<f64>() {
        Ok(number) if scale != 1.0 => {
            let product = number * scale;
            if product.fract() == 0.0 && product.abs() < 9e15 {
                format!("{}", product as i64)
            } else {
                format!("{product}")
            }
        }
        _ => value.to_owned(),
    }
}

/// A scale word ("million") or none.
fn scale_of(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    SCALES
        .iter()
        .find(|(w, _)| *w == lower && w.len() > 2)
        .map(|&(_, s)| s)
}

/// The figures of the words `words` (spans into `text`, in order).
pub fn figures(text: &str, words: &[Span]) -> Vec<Figure> {
    let word = |i: usize| words.get(i).map(|&w| &text[w.range()]);
    let context = |i: Option<usize>| i.and_then(word).map(normalise_word);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let written = &text[words[i].range()];
        if written.contains('-') && written.bytes().any(|b| b.is_ascii_digit()) {
            compound(text, words[i], i, &context, &mut found);
            i += 1;
            continue;
        }
        let Some(mut value) = figure_value(written) else {
            i += 1;
            continue;
        };
        // Digit groups split at a comma or a stop: "1,200", "1.5", "$44.7m".
        let mut last = i;
        let mut scale = 1.0;
        while let Some(&next) = words.get(last + 1) {
            let gap = &text[words[last].end..next.start];
            let group = &text[next.range()];
            let digits = group.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &group[digits.len()..];
            let joins = matches!(gap, "," | ".")
                && !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit());
            let suffix_scale = SCALES
                .iter()
                .find(|(w, _)| *w == suffix.to_ascii_lowercase());
            if !joins || (!suffix.is_empty() && suffix_scale.is_none()) {
                break;
            }
            value = if gap == "." {
                format!("{value}.{digits}")
            } else {
                format!("{value}{digits}")
            };
            if let Some(&(_, s)) = suffix_scale {
                scale = s;
            }
            last += 1;
        }
        if let Some(s) = word(last + 1).and_then(scale_of) {
            scale = s;
            last += 1;
        }
        found.push(Figure {
            span: Span::new(words[i].start, words[last].end),
            value: scaled(&value, scale),
            word: i,
            next: context(Some(last + 1)),
            next2: context(Some(last + 2)),
            previous: context(i.checked_sub(1)),
            previous2: context(i.checked_sub(2)),
        });
        i = last + 1;
    }
    found
}

/// The most parts a compound with figures in it has.
const MAX_COMPOUND_PARTS: usize = 6;

/// The figures inside one hyphenated word: a tally ("18-15") is one figure; in a compound
/// ("46-year-old", "Under-21") each numeric part is a figure counting the other parts.
fn compound(
    text: &str,
    span: Span,
    at: usize,
    context: &dyn Fn(Option<usize>) -> Option<String>,
    found: &mut Vec<Figure>,
) {
    let written = &text[span.range()];
    let parts: Vec<(usize, &str)> = written
        .split(['-', '‐'])
        .scan(0, |offset, part| {
            let start = *offset;
            *offset += part.len() + 1;
            Some((start, part))
        })
        .collect();
    let numeric = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if parts.len() >= 2 && parts.iter().all(|(_, p)| numeric(p)) {
        found.push(Figure {
            span,
            value: parts.iter().map(|(_, p)| *p).collect::<Vec<_>>().join("-"),
            word: at,
            next: context(Some(at + 1)),
            next2: context(Some(at + 2)),
            previous: context(at.checked_sub(1)),
            previous2: context(at.checked_sub(2)),
        });
        return;
    }
    // A compound names what it counts in a few parts ("46-year-old", "2-for-1"); a longer
    // chain of hyphens is no compound, and would cost its length squared to read as one.
    if parts.len() > MAX_COMPOUND_PARTS {
        return;
    }
    for (index, &(offset, part)) in parts.iter().enumerate() {
        let Some(value) = figure_value(part).filter(|_| part.bytes().any(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let rest: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != index)
            .map(|(_, (_, p))| *p)
            .collect();
        found.push(Figure {
            span: Span::new(span.start + offset, span.start + offset + part.len()),
            value,
            word: at,
            next: Some(normalise_word(&rest.join("-"))),
            next2: context(Some(at + 1)),
            previous: context(at.checked_sub(1)),
            previous2: context(at.checked_sub(2)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::words;

    fn values(text: &str) -> Vec<(String, Option<String>)> {
        let spans: Vec<Span> = words(text).collect();
        figures(text, &spans)
            .into_iter()
            .map(|f| (f.value, f.next))
            .collect()
    }

    fn value(text: &str) -> Vec<String> {
        values(text).into_iter().map(|(v, _)| v).collect()
    }

    #[test]
    fn groups_scales_and_words_are_one_value() {
        assert_eq!(value("$1.5 billion"), ["1500000000"]);
        assert_eq!(value("$1,500 million"), ["1500000000"]);
        assert_eq!(value("£44.7m in takings"), ["44700000"]);
        assert_eq!(value("twelve boats and 12 boats"), ["12", "12"]);
        assert_eq!(value("1,200 homes"), ["1200"]);
    }

    #[test]
    fn compounds_and_tallies() {
        assert_eq!(
            values("a 46-year-old teacher"),
            [("46".to_owned(), Some("year-old".to_owned()))]
        );
        assert_eq!(value("won 18-15 on Sunday"), ["18-15"]);
        assert_eq!(value("a 53-48 majority"), ["53-48"]);
        assert_eq!(
            values("the Under-21 side"),
            [("21".to_owned(), Some("under".to_owned()))]
        );
        assert_eq!(value("a 12-state coalition"), ["12"]);
        assert_eq!(value("in 2019 and the 1990s"), ["2019"]);
    }
}
