//! The forms the variants rule compares, read in one pass over a story's words: every word, and
//! every pair of capitalised words written one space apart (a name written apart, Time
//! Warner). Marked forms (see [`marked`]) are folded as they are met; a plain
//! word is kept small, by where it stands, and matters only if a marked form has its letters.

use super::letters::{base, eligible, fold, marked};
use super::slips::{self, MIN_SLIP_LETTERS};
use crate::article::text::opens_with_capital;
use crate::rules::Context;
use crate::span::Span;

/// A marked form that may be a variant.
pub(super) struct Marked<'a> {
    /// Where the form stands among all forms, in reading order.
    pub order: u32,
    pub span: Span,
    pub written: &'a str,
    /// Written with a capital mid-sentence, or a pair of capitalised words: a name.
    pub name: bool,
    /// Its letters, folded.
    pub letters: String,
}

/// A plain word: letters and digits only.
pub(super) struct Plain {
    pub order: u32,
    pub span: Span,
    pub name: bool,
}

/// The forms of a story, each list in reading order.
#[derive(Default)]
pub(super) struct Candidates<'a> {
    pub marked: Vec<Marked<'a>>,
    pub plain: Vec<Plain>,
    /// Capitalised plain words long enough to be misspelled names (Whitfeild, Killroy).
    pub slip_words: Vec<slips::Candidate<'a>>,
}

impl<'a> Candidates<'a> {
    /// The forms of the blocks `cx` checks.
    pub fn of(cx: &Context<'a>) -> Self {
        let mut found = Candidates::default();
        let mut order = 0;
        let mut words = Vec::new();
        for (index, block) in cx.blocks() {
            for sentence in cx.article.sentences(block) {
                words.clear();
                words.extend(cx.article.words(sentence));
                for (i, &word) in words.iter().enumerate() {
                    if cx.article.touches_markup(index, word) {
                        continue;
                    }
                    let written = base(cx.text(word));
                    let span = Span::new(word.start, word.start + written.len());
                    let capital = opens_with_capital(written);
                    found.add(cx, &mut order, span, written, capital && i > 0);
                    let ascii_word = written.bytes().all(|b| b.is_ascii_alphanumeric());
                    if capital && written.len() >= MIN_SLIP_LETTERS && ascii_word {
                        found.slip_words.push(slips::Candidate {
                            span,
                            written,
                            mid_sentence: i > 0,
                        });
                    }
                    // Two capitalised words in a row may be one name written apart.
                    if let Some(&next) = words.get(i + 1).filter(|_| capital) {
                        let next_written = base(cx.text(next));
                        let next_capital = opens_with_capital(next_written);
                        if next_capital
                            && cx.article.contents[word.end..next.start] == *" "
                            && written.len() == word.len()
                        {
                            let pair = Span::new(word.start, next.start + next_written.len());
                            found.add(cx, &mut order, pair, cx.text(pair), true);
                        }
                    }
                }
            }
        }
        found
    }

    /// Records the form `written` at `span`, numbered `order`.
    fn add(&mut self, cx: &Context<'a>, order: &mut u32, span: Span, written: &'a str, name: bool) {
        let this = *order;
        *order += 1;
        if !marked(written) {
            self.plain.push(Plain {
                order: this,
                span,
                name,
            });
        } else if eligible(&cx.article.contents, span, written) {
            self.marked.push(Marked {
                order: this,
                span,
                written,
                name,
                letters: fold(written),
            });
        }
    }
}
