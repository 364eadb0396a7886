//! What one sentence says about its own claim, read from its words with the lists of
//! [`DriftWords`]: who it is attributed to and by which verb (its hedges are
//! [`super::hedges`]'s, its amounts and denials [`super::amounts`]'s). Quoted words are never
//! read: a quotation is the misquote rules' business.

use super::words::{self, DriftWords};
use crate::article::Article;
use crate::grounding::countries::country;
use crate::grounding::stem;
use crate::span::Span;
use std::ops::Range;

/// Words that end a speaker read backwards from its verb: a clause opens after them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "who", "which", "and", "but", "as", "while", "because", "when", "after", "before",
    "since", "if", "where", "although", "though", "so", "than", "whom", "what",
];

/// Words between a speaker and its verb that are neither: "police HAVE ALSO said".
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "did",
    "does",
    "do",
    "will",
    "would",
    "not",
    "had",
    "later",
    "earlier",
    "again",
    "further",
    "then",
    "now",
    "previously",
    "separately",
    "repeatedly",
];

/// Words after which a verb of saying says nothing: a passive, a refusal, a modal, or an
/// article ("grew an estimated 3%", where it qualifies a figure).
const NOT_SAYING_AFTER: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "to", "not", "never", "n't", "would",
    "could", "will", "can", "may", "might", "should", "must", "did", "does", "do", "cannot", "a",
    "an", "the",
];

/// Conjunctions that, after a pause, open a clause of their own: a trailing attribution
/// vouches for the clause it ends.
const CLAUSE_JOINS: &[&str] = &["although", "but", "though", "whereas", "while", "yet"];

/// Auxiliaries and modals: a speaker has none.
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "would", "could", "will",
    "can", "may", "might", "should", "must", "did", "does", "do",
];

/// Words that may follow an inverted speaker after a pause: "…, said Smith, who …", "…,
/// said the mayor, adding …", "…, said Smith in a statement".
const AFTER_INVERTED: &[&str] = &[
    "a",
    "according",
    "adding",
    "an",
    "at",
    "citing",
    "in",
    "noting",
    "on",
    "referring",
    "speaking",
    "the",
    "which",
    "who",
    "whose",
    "told",
];

/// Words before which a verb of saying is a passive: "accused of", "said by".
const NOT_SAYING_BEFORE: &[&str] = &["of", "by"];

/// The most words after a trailing attribution's verb: "…, police said in a statement on
/// Tuesday".
const TRAILING_WORDS: usize = 6;

/// Words after a verb of saying that open what it says or whom it tells ("…, he urged them to
/// go home"): the verb leads its clause, it does not trail a claim.
const OPENS_OBJECT: &[&str] = &[
    "that", "them", "him", "her", "us", "me", "it", "to", "the", "a",
];

/// The most words a speaker is read to.
const LONGEST_SPEAKER: usize = 10;

/// The most words of a speaker after its verb: "…, said the head of the council".
const LONGEST_INVERTED: usize = 6;

/// A word of a sentence.
#[derive(Debug, Clone)]
pub struct Token {
    pub span: Span,
    pub lower: String,
    pub quoted: bool,
    /// Punctuation stands between it and the word before (a comma, a dash, a quotation
    /// mark): a clause or an aside may start here.
    pub pause_before: bool,
    pub capital: bool,
    /// Written in capitals, two letters or more, with or without full stops: "ACLU", "U.N.".
    pub acronym: bool,
    /// Its stem ([`stem`]), if it is a term.
    pub stem: Option<String>,
}

/// The most words of a sentence read: every comparison of two sentences is then bounded,
/// however long a sentence runs (a page without a full stop is not prose to compare).
const MOST_WORDS: usize = 250;

/// The words of `span` in `article`, up to [`MOST_WORDS`].
pub fn tokens(article: &Article, span: Span) -> Vec<Token> {
    let mut previous_end = span.start;
    article
        .words(span)
        .take(MOST_WORDS)
        .map(|word| {
            let gap = article.contents.get(previous_end..word.start).unwrap_or("");
            previous_end = word.end;
            let text = article.text(word);
            let lower = crate::grounding::normalise_word(text);
            Token {
                span: word,
                stem: stem(&lower),
                lower,
                quoted: article.in_quote(word),
                pause_before: gap.contains([',', ';', ':', '—', '–', '(', ')', '“', '”', '"'])
                    || gap.contains(" - "),
                capital: text.chars().next().is_some_and(char::is_uppercase),
                acronym: is_acronym(text),
            }
        })
        .collect()
}

/// Whether `text` is written in capitals, two letters or more, with or without full stops
/// (and a possessive): "ACLU", "U.N.", "ACLU’s".
fn is_acronym(text: &str) -> bool {
    let bare = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text);
    let letters = bare.chars().filter(|c| *c != '.').count();
    letters >= 2 && bare.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// How an attribution sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// "Police said the toll rose", "According to police, …": it governs what follows.
    Leading,
    /// "The toll rose, police said": it governs what precedes.
    Trailing,
    /// "…, and police said the toll rose": it governs what follows, not the clause before.
    Middle,
    /// "The toll, police said, rose": set off by commas inside its sentence, it governs the
    /// whole sentence.
    Aside,
}

/// An attribution: the verb or phrase of saying, who says it, and how strong the verb is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub verb: Range<usize>,
    pub speaker: Range<usize>,
    pub stronger: bool,
    pub shape: Shape,
}

impl Cue {
    /// The words of `tokens` (its sentence) this attribution vouches for. A trailing one
    /// vouches for its own clause: "A lamp drew complaints, but was a misprint, the shop said"
    /// has the shop say only that it was a misprint.
    pub fn governs(&self, tokens: &[Token]) -> Range<usize> {
        match self.shape {
            Shape::Trailing => {
                let end = self.speaker.start.min(self.verb.start);
                let start = (1..end)
                    .rev()
                    .find(|&at| {
                        tokens[at].pause_before && CLAUSE_JOINS.contains(&tokens[at].lower.as_str())
                    })
                    .unwrap_or(0);
                start..end
            }
            Shape::Leading | Shape::Middle => self.verb.end.max(self.speaker.end)..tokens.len(),
            Shape::Aside => 0..tokens.len(),
        }
    }

    /// From the first word of speaker and verb to the last.
    pub fn words(&self) -> Range<usize> {
        self.speaker.start.min(self.verb.start)..self.speaker.end.max(self.verb.end)
    }
}

/// The lower-case words of `tokens`, as [`DriftWords::phrase_at`] reads them.
pub fn lower(tokens: &[Token]) -> Vec<&str> {
    tokens.iter().map(|t| t.lower.as_str()).collect()
}

/// The attributions of a sentence, outside quotations, by the verbs and phrases of `classes`.
/// A verb after "not", a modal or "to", or a passive ("was accused of"), attributes nothing
/// to anyone: left out, unless `reported_speech` asks for every report of what someone said
/// or would not say ("Smith would not say whether …").
pub fn cues(words: &DriftWords, tokens: &[Token], classes: u16, reported_speech: bool) -> Vec<Cue> {
    let lower = lower(tokens);
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let Some((len, classes)) = words
            .phrase_at(&lower, at, classes)
            .filter(|_| !tokens[at].quoted)
        else {
            at += 1;
            continue;
        };
        let verb = at..at + len;
        // "was accused", "would not confirm", "declined to reveal", "accused of leading": no
        // one says it here.
        let denied_or_passive = at
            .checked_sub(1)
            .is_some_and(|before| NOT_SAYING_AFTER.contains(&lower[before]))
            || lower
                .get(at + len)
                .is_some_and(|after| NOT_SAYING_BEFORE.contains(after));
        if reported_speech || !denied_or_passive && !reports_record(words, tokens, &verb) {
            found.push(cue(words, tokens, verb, classes & words::STRONGER != 0));
        }
        at += len;
    }
    found
}

/// Verbs whose object may be a record rather than a claim: "reported a loss".
const REPORTS: &[&str] = &[
    "reported",
    "reports",
    "announced",
    "announces",
    "posted",
    "posts",
];

/// The most words of an object read for a record: "reported a 20% rise in pre-tax profits".
const RECORD_WORDS: usize = 7;

/// Whether the verb at `verb` reports a record ([`words::RECORD`]) as its object, in the
/// words up to the next pause: "Barclays reported a 20% rise in profits".
fn reports_record(words: &DriftWords, tokens: &[Token], verb: &Range<usize>) -> bool {
    REPORTS.contains(&tokens[verb.start].lower.as_str())
        && tokens[verb.end..]
            .iter()
            .enumerate()
            .take_while(|(i, t)| *i == 0 || !t.pause_before)
            .take(RECORD_WORDS)
            .any(|(_, t)| words.classes(&t.lower) & words::RECORD != 0)
}

/// "According to police": the speaker follows; the sentence's start or end says what it
/// governs.
fn according_to(tokens: &[Token], verb: Range<usize>, stronger: bool) -> Cue {
    let after = verb.end;
    let end = after
        + tokens[after..]
            .iter()
            .take(LONGEST_SPEAKER)
            .enumerate()
            .take_while(|(i, t)| *i == 0 || !t.pause_before)
            .count();
    // "…, according to the Office for National Statistics (ONS)": an acronym in brackets
    // after the speaker still ends the sentence.
    let shape = if verb.start == 0 {
        Shape::Leading
    } else if tokens.len() - end <= 1 {
        Shape::Trailing
    } else {
        Shape::Middle
    };
    Cue {
        verb,
        speaker: after..end,
        stronger,
        shape,
    }
}

/// "“…,” said the mayor" and "…, said Smith": an inverted attribution, its speaker after a
/// pause and its verb.
fn inverted(
    words: &DriftWords,
    tokens: &[Token],
    verb: &Range<usize>,
    stronger: bool,
) -> Option<Cue> {
    // A quotation after the verb is what is said ("…, said: “This outturn …”"), not who.
    let quoted_after = tokens.get(verb.end).is_some_and(|t| t.quoted);
    if verb.start == 0 || !tokens[verb.start].pause_before || quoted_after {
        return None;
    }
    let after = verb.end;
    let count = tokens[after..]
        .iter()
        .enumerate()
        .take_while(|(i, t)| *i == 0 || !t.pause_before)
        .count();
    let opens_name = tokens
        .get(after)
        .is_some_and(|t| t.capital || words.classes(&t.lower) & words::TITLE != 0);
    let inverts = words
        .phrase_at(&lower(tokens), verb.start, words::INVERTS)
        .is_some();
    // "…, said the country may lose …" and "…, said the United States, Japan and Korea
    // were …" are verbs with their clauses, not inversions: a speaker has no auxiliary or
    // modal, and ends its sentence or runs into an aside about it ("…, said Ann Hale,
    // director of the board") that is neither a clause nor a list.
    let is_auxiliary = |t: &Token| {
        AUXILIARIES.contains(&t.lower.as_str()) || matches!(t.lower.as_str(), "and" | "or")
    };
    let aside = &tokens[(after + count).min(tokens.len())..];
    let aside_len = aside
        .iter()
        .enumerate()
        .take_while(|(i, t)| *i == 0 || !t.pause_before)
        .count();
    let clause_follows = tokens[after..after + count].iter().any(is_auxiliary)
        || aside.first().is_some_and(|t| {
            !AFTER_INVERTED.contains(&t.lower.as_str())
                && aside[..aside_len].iter().any(is_auxiliary)
        });
    (inverts && (1..=LONGEST_INVERTED).contains(&count) && opens_name && !clause_follows).then(
        || Cue {
            verb: verb.clone(),
            speaker: after..after + count,
            stronger,
            shape: Shape::Trailing,
        },
    )
}

fn cue(words: &DriftWords, tokens: &[Token], verb: Range<usize>, stronger: bool) -> Cue {
    let ends_here = |range: &Range<usize>| {
        tokens[range.end..]
            .iter()
            .take_while(|t| !t.pause_before)
            .count()
            == tokens.len() - range.end
    };
    if tokens[verb.start].lower == "according" {
        return according_to(tokens, verb, stronger);
    }
    if let Some(cue) = inverted(words, tokens, &verb, stronger) {
        return cue;
    }
    // A participle ("…, saying the attacks were retaliation") speaks for the subject of its
    // clause, and a verb right after a pause for one named in an aside: not read.
    if tokens[verb.start].lower.ends_with("ing") || tokens[verb.start].pause_before {
        return Cue {
            verb: verb.clone(),
            speaker: verb.start..verb.start,
            stronger,
            shape: if ends_here(&verb) && tokens.len() - verb.end <= TRAILING_WORDS {
                Shape::Trailing
            } else {
                Shape::Middle
            },
        };
    }
    // The subject before the verb, past "has also" and adverbs.
    let mut end = verb.start;
    while end > 0
        && !tokens[end].pause_before
        && (BETWEEN.contains(&tokens[end - 1].lower.as_str())
            || tokens[end - 1].lower.ends_with("ly"))
    {
        end -= 1;
    }
    let mut start = end;
    // It stops at a clause's opening word, and at another verb of saying: in "Smith said
    // his office had told the board", the office is told's speaker, not "said his office".
    while start > 0
        && end - start < LONGEST_SPEAKER
        && !tokens[start].pause_before
        && !tokens[start - 1].quoted
        && !CLAUSE_OPENERS.contains(&tokens[start - 1].lower.as_str())
        && words.classes(&tokens[start - 1].lower) & words::SAYING == 0
    {
        start -= 1;
    }
    // "A, B and C said": the last of a list is not the speaker; the list is not read.
    let listed = start > 0 && matches!(tokens[start - 1].lower.as_str(), "and" | "or");
    let start = if listed { end } else { start };
    let speaker = start..end;
    let set_off = start > 0
        && tokens[start].pause_before
        && tokens.get(verb.end).is_some_and(|t| t.pause_before);
    let shape = if start == 0 {
        Shape::Leading
    } else if set_off {
        Shape::Aside
    } else if ends_here(&verb)
        && tokens.len() - verb.end <= TRAILING_WORDS
        && tokens[start].pause_before
        && tokens
            .get(verb.end)
            .is_none_or(|next| !OPENS_OBJECT.contains(&next.lower.as_str()))
    {
        Shape::Trailing
    } else {
        Shape::Middle
    };
    Cue {
        verb,
        speaker,
        stronger,
        shape,
    }
}

/// The words of a speaker that tell it from another: stems, without titles and numbers, each
/// with whether it is written with a capital (a name); `None` for a pronoun, or a speaker
/// that names no one. A capitalised word that is a function word elsewhere ("US") is a name,
/// and one that names a country stands for it ("Chinese" and "China" are one term).
pub fn speaker_terms(words: &DriftWords, tokens: &[Token]) -> Option<Vec<(String, bool)>> {
    if tokens
        .iter()
        .any(|t| words.classes(&t.lower) & words::PRONOUN != 0)
    {
        return None;
    }
    let mut terms: Vec<(String, bool)> = tokens
        .iter()
        .filter(|t| words.classes(&t.lower) & words::TITLE == 0)
        .filter_map(|t| {
            let bare = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
            let country = t.capital.then(|| country(bare)).flatten();
            let term = match country {
                Some(code) => format!("@{code}"),
                None => t
                    .stem
                    .clone()
                    .or_else(|| t.capital.then(|| t.lower.clone()))?,
            };
            Some((term, t.capital))
        })
        .filter(|(s, _)| !s.starts_with('#'))
        .collect();
    terms.sort_unstable();
    terms.dedup_by(|a, b| a.0 == b.0);
    (!terms.is_empty()).then_some(terms)
}

/// The stems of `tokens` outside quotations, sorted, each once.
pub fn stems(tokens: &[Token]) -> Vec<String> {
    let mut all: Vec<String> = tokens
        .iter()
        .filter(|t| !t.quoted)
        .filter_map(|t| t.stem.clone())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}
