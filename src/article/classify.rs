//! Recognising the kind of a line of news copy from its text alone: captions by their agency
//! credit, promo lines by their label, bylines, datelines and subheads. Shared by the plain-text
//! and Markdown readers.

use super::{Block, BlockKind};
use crate::span::Span;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::char::is_combining_mark;

/// A photo credit at the end of a line: "… in Baghdad. REUTERS", "(AP Photo/Evan Vucci)",
/// "REUTERS/Thaier al-Sudani", "AFP via Getty Images", "Photo: Jane Doe".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s.,;:(\[—–-])
        (?: REUTERS(?:/[^\n]+)?
          | \(AP\ Photo[^)\n]*\)
          | AP\ Photo/[^\n]+
          | (?:AFP|EPA|AP|PA)(?:/[^\n]+|\ via\ Getty\ Images)
          | Getty\ Images
          | (?:Photo|Photograph|Picture|Image)(?:\ credit)?:\ [^\n]+
        )\s*$",
    )
    .expect("caption credit pattern is valid")
});

/// The labels of promo and related-link lines, lower case, words separated by one space.
const PROMO_LABELS: &[&str] = &[
    "also read",
    "read more",
    "read also",
    "related coverage",
    "related",
    "see also",
    "watch",
    "more on this story",
    "more on this",
    "recommended",
    "full coverage",
    "more coverage",
];

/// A promo or related-link label at the start of a line, followed by `:` or `|`.
static PROMO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<String> = PROMO_LABELS
        .iter()
        .map(|label| {
            label
                .split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    Regex::new(&format!(r"(?i)^\s*(?:{})\s*[:|]", labels.join("|")))
        .expect("promo label pattern is valid")
});

/// "By Jane Doe", "By JANE DOE and John Roe", "By Jane Doe, Reuters".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^By\s+\p{Lu}[\p{L}.’'\-]*(?:[\s,]+(?:and\s+)?\p{Lu}[\p{L}.’'\-]*)*$")
        .expect("byline pattern is valid")
});

/// The most words a byline has ("By Jane Doe and John Roe, Reuters"). Counted in code: a
/// bounded repetition of Unicode classes in the regex would make it slow to compile.
const MAX_BYLINE_WORDS: usize = 9;

/// The dateline that opens a wire story: "WASHINGTON (Reuters) - ", "EL PASO, Texas (AP) — ",
/// "LONDON, March 3 (Reuters) - ", "BEIJING, March 15, 2023 (Reuters) - ". Read in code, not
/// with a regex: the Unicode classes of its place name made the regex cost more to compile than
/// a short article costs to check.
///
/// The place: a capital, then capitals, marks, spaces, full stops, apostrophes and hyphens
/// ("SÃO PAULO", "WINSTON-SALEM"), perhaps a second place after a slash; then, after a comma,
/// a state, a country or a date in ASCII letters ("Texas", "March 3"), with a day of the month
/// and a year as figures ("March 15, 2023").
fn is_dateline_place(text: &str) -> bool {
    let text = text.trim_end();
    let capitals = |text: &str, also: &dyn Fn(char) -> bool| -> usize {
        let mut chars = text.char_indices();
        match chars.next() {
            Some((_, first)) if first.is_uppercase() => {}
            _ => return 0,
        }
        chars
            .find(|&(_, c)| !(c.is_uppercase() || also(c)))
            .map_or(text.len(), |(at, _)| at)
    };
    let place_char = |c: char| is_combining_mark(c) || matches!(c, ' ' | '.' | '’' | '\'' | '-');
    let mut at = capitals(text, &place_char);
    if at == 0 {
        return false;
    }
    if let Some(second) = text[at..].strip_prefix('/') {
        let len = capitals(second, &|c| matches!(c, ' ' | '.' | '-'));
        if len == 0 {
            return false;
        }
        at += 1 + len;
    }
    let rest = &text[at..];
    if rest.trim().is_empty() {
        return true;
    }
    let Some(region) = rest
        .strip_prefix(',')
        .and_then(|r| r.strip_prefix(char::is_whitespace))
    else {
        return false;
    };
    let region = strip_figures(region, ", ", 4, 4);
    let region = strip_figures(region, " ", 1, 2);
    !region.is_empty()
        && region
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.' || c.is_whitespace())
}

/// `text` without a last `separator` and `min`–`max` ASCII digits (", 2023", " 15"), if it
/// ends with them.
fn strip_figures<'t>(text: &'t str, separator: &str, min: usize, max: usize) -> &'t str {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &text[..text.len() - digits];
    match before.strip_suffix(separator) {
        Some(kept) if (min..=max).contains(&digits) => kept,
        _ => text,
    }
}

/// Words a credit must contain for `CAPTION_CREDIT` to be worth running (and compiling).
const CREDIT_HINTS: &[&str] = &[
    "REUTERS",
    "AP",
    "AFP",
    "EPA",
    "PA",
    "Getty Images",
    "Photo",
    "Picture",
    "Image",
];

/// The agencies whose name in brackets ends a dateline ("WASHINGTON (Reuters) - ").
const DATELINE_AGENCIES: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "Bloomberg",
    "UPI",
    "dpa",
    "Xinhua",
    "CNN",
];

/// Any of [`CREDIT_HINTS`], in one pass.
static CREDIT_HINT: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CREDIT_HINTS).expect("a handful of literals always builds"));

/// Any of [`DATELINE_AGENCIES`] in brackets, in one pass.
static DATELINE_AGENCY: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(DATELINE_AGENCIES.iter().map(|agency| format!("({agency})")))
        .expect("a handful of literals always builds")
});

/// The kind of a body line judged by its text: caption, promo, byline, subhead or paragraph.
/// Each pattern runs only on lines that pass a cheap test for it, so most articles never
/// compile them (an editor's save pays for what its draft needs).
pub fn body_line_kind(line: &str) -> BlockKind {
    let line = line.trim();
    let first_word = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    // Every label, with a colon or run into its title, opens with one of these words.
    let opens_like_promo = PROMO_LABELS
        .iter()
        .filter_map(|label| label.split(' ').next())
        .any(|w| first_word.eq_ignore_ascii_case(w));
    let may_be_promo = opens_like_promo && line.contains([':', '|']);
    let may_be_caption = CREDIT_HINT.is_match(line);
    let may_be_byline = line
        .strip_prefix("By")
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    if may_be_promo && PROMO_LABEL.is_match(line) || opens_like_promo && related_link(line) {
        BlockKind::Promo
    } else if super::furniture::line_furniture(line).is_some() {
        BlockKind::Furniture
    } else if may_be_caption && CAPTION_CREDIT.is_match(line) {
        BlockKind::Caption
    } else if may_be_byline
        && BYLINE.is_match(line)
        && super::text::words(line).count() <= MAX_BYLINE_WORDS
    {
        BlockKind::Byline
    } else if looks_like_subhead(line) {
        BlockKind::Subhead
    } else {
        BlockKind::Paragraph
    }
}

/// The labels that head a related link without a colon ("Related Coverage Senate passes
/// budget"), lower case; each opens with the first word of one of [`PROMO_LABELS`].
const LINK_LABELS: &[&str] = &[
    "related coverage",
    "related",
    "more on this story",
    "also read",
    "read more",
    "see also",
    "full coverage",
    "more coverage",
];

/// A related link whose label runs into its title with no colon: the label, then a title in
/// the form of a headline (capitalised, no closing stop).
fn related_link(line: &str) -> bool {
    const MAX_WORDS: usize = 30;
    LINK_LABELS.iter().any(|label| {
        let Some(head) = line.get(..label.len()) else {
            return false;
        };
        let title = line[label.len()..].trim_start();
        head.eq_ignore_ascii_case(label)
            && line[label.len()..].starts_with(char::is_whitespace)
            && head.starts_with(char::is_uppercase)
            && title.starts_with(char::is_uppercase)
            && !title.ends_with(['.', '"', '”'])
            && super::text::words(line).take(MAX_WORDS + 1).count() <= MAX_WORDS
    })
}

/// The length in bytes of a dateline at the start of `paragraph`, including the dash and the
/// space after it.
pub fn dateline_len(paragraph: &str) -> Option<usize> {
    let agency = DATELINE_AGENCY.find(paragraph)?;
    if !is_dateline_place(&paragraph[..agency.start()]) {
        return None;
    }
    let after = &paragraph[agency.end()..];
    let spaces = after.len() - after.trim_start().len();
    let dashes: usize = after[spaces..]
        .chars()
        .take_while(|c| matches!(c, '-' | '—' | '–'))
        .map(char::len_utf8)
        .sum();
    if dashes == 0 {
        return None;
    }
    let rest = &after[spaces + dashes..];
    Some(agency.end() + spaces + dashes + rest.len() - rest.trim_start().len())
}

/// Adds a block to `blocks`. A paragraph that opens with a dateline becomes two blocks, the
/// dateline and the rest, unless markup (a link, emphasis) lies inside the dateline.
pub fn push_block(
    blocks: &mut Vec<Block>,
    source: &str,
    kind: BlockKind,
    span: Span,
    markup: Vec<Span>,
) {
    let text = &source[span.range()];
    match dateline_len(text) {
        Some(len)
            if kind == BlockKind::Paragraph
                && len < text.len()
                && markup.iter().all(|m| m.start >= span.start + len) =>
        {
            let dateline_end = span.start + text[..len].trim_end().len();
            blocks.push(Block {
                kind: BlockKind::Dateline,
                span: Span::new(span.start, dateline_end),
                markup: Vec::new(),
            });
            blocks.push(Block {
                kind,
                span: Span::new(span.start + len, span.end),
                markup,
            });
        }
        _ => blocks.push(Block { kind, span, markup }),
    }
}

/// A short single-sentence line with no closing full stop or exclamation mark that does not
/// open a quotation: "Why the drone strike?", "TRADE TALKS", "US Secretary of State seeks
/// peace".
pub fn looks_like_subhead(line: &str) -> bool {
    const MAX_WORDS: usize = 14;
    let ends_like_prose =
        line.ends_with(['.', ',', ';', ':', '!', '"', '”', '’', '\'', ')', '—', '-']);
    let opens_quote = line.starts_with(['"', '“', '‘', '\'', '—', '–', '-']);
    // An address, a handle or a link is a trailer line ("Follow her on Twitter: @name").
    let address = line.contains(['@', '/']) || line.contains("www.");
    // The cheap tests first: most lines are paragraphs that end like prose.
    !ends_like_prose
        && !opens_quote
        && !address
        && (1..=MAX_WORDS).contains(&super::text::words(line).take(MAX_WORDS + 1).count())
        && super::text::sentences(line).nth(1).is_none()
}

/// A short label above a headline ("US News", "Politics"): at most three words, no punctuation.
pub fn looks_like_section_label(line: &str) -> bool {
    let words = super::text::words(line).count();
    // A label names a section in capitals ("US News", "Tech & Science"); a line in sentence
    // case ("Prime minister's questions") is a headline.
    let capitalised = line.split_whitespace().all(|word| {
        word.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
            || matches!(word, "and" | "of" | "the")
    });
    (1..=3).contains(&words) && capitalised && !line.contains(['.', '?', '!', ':', ',', '"', '“'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_known_by_their_credit() {
        for line in [
            "People gather around a car in Baghdad. REUTERS",
            "Protesters march in Paris, France, May 1, 2024. REUTERS/Jane Doe",
            "The senator speaks in Washington. (AP Photo/John Roe)",
            "Fans cheer in the stands. AFP via Getty Images",
        ] {
            assert_eq!(body_line_kind(line), BlockKind::Caption, "{line}");
        }
        for line in [
            "The minister told Reuters.",
            "He spoke to the AP on Monday, officials said.",
        ] {
            assert_eq!(body_line_kind(line), BlockKind::Paragraph, "{line}");
        }
    }

    #[test]
    fn promos_bylines_and_subheads() {
        assert_eq!(body_line_kind("ALSO READ| Mayor quits"), BlockKind::Promo);
        assert_eq!(body_line_kind("Read more: Mayor quits"), BlockKind::Promo);
        assert_eq!(
            body_line_kind("Related Coverage Senate passes the harbour budget"),
            BlockKind::Promo
        );
        assert_eq!(
            body_line_kind("Related coverage of the trial is on page 4."),
            BlockKind::Paragraph
        );
        assert_eq!(
            body_line_kind("Image copyrightGETTY IMAGES"),
            BlockKind::Furniture
        );
        assert_eq!(
            body_line_kind("By Jane Doe and John Roe"),
            BlockKind::Byline
        );
        assert_eq!(body_line_kind("Who was the commander?"), BlockKind::Subhead);
        assert_eq!(body_line_kind("TRADE TALKS"), BlockKind::Subhead);
        assert_eq!(body_line_kind("“Why now?” she asked"), BlockKind::Paragraph);
    }

    #[test]
    fn datelines_of_wire_stories() {
        for (text, dateline) in [
            (
                "WASHINGTON (Reuters) - The Senate",
                "WASHINGTON (Reuters) - ",
            ),
            ("EL PASO, Texas (AP) — The city", "EL PASO, Texas (AP) — "),
            (
                "LONDON, March 3 (Reuters) - Shares",
                "LONDON, March 3 (Reuters) - ",
            ),
        ] {
            assert_eq!(dateline_len(text), Some(dateline.len()), "{text}");
        }
        for (text, dateline) in [
            ("SÃO PAULO (Reuters) - Brazil", "SÃO PAULO (Reuters) - "),
            (
                "WINSTON-SALEM, N.C. (AP) — A",
                "WINSTON-SALEM, N.C. (AP) — ",
            ),
            (
                "JERUSALEM/GAZA (Reuters) - Israel",
                "JERUSALEM/GAZA (Reuters) - ",
            ),
            (
                "BEIJING, March 15, 2023 (Reuters) -- China",
                "BEIJING, March 15, 2023 (Reuters) -- ",
            ),
        ] {
            assert_eq!(dateline_len(text), Some(dateline.len()), "{text}");
        }
        for text in [
            "The Senate (AP) - voted",
            "Washington (AP) - The Senate",
            "WASHINGTON (AP) The Senate",
            "WASHINGTON, 2023 (AP) - The Senate",
            "WASHINGTON; Texas (AP) - The Senate",
            "(AP) - The Senate",
        ] {
            assert_eq!(dateline_len(text), None, "{text}");
        }
    }
}
