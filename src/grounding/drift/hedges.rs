//! The hedges of a sentence, read with the lists of [`DriftWords`]: the words a source
//! qualifies a claim with, and whether a draft keeps a claim hedged in its own words.

use super::read::{Token, lower};
use super::words::{self, DriftWords};
use std::ops::Range;

/// The hedges of a sentence, outside quotations: (words, whether an attribution stands for
/// it). A capitalised "May" is a month, and a hedge before a name names it ("the so-called
/// Cal3 measure").
pub fn hedges(words: &DriftWords, tokens: &[Token]) -> Vec<(Range<usize>, bool)> {
    let lower = lower(tokens);
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let names = |len: usize| tokens.get(at + len).is_some_and(|t| t.capital);
        match words.phrase_at(&lower, at, words::HEDGE) {
            Some((len, classes)) if !tokens[at].quoted && !tokens[at].capital && !names(len) => {
                found.push((at..at + len, classes & words::ATTRIBUTED_HEDGE != 0));
                at += len;
            }
            _ => at += 1,
        }
    }
    found
}

/// The most words a phrase that keeps a hedge may start before the words it is looked for in
/// ("FOR example by fetching").
const PHRASE_BEFORE: usize = 3;

/// Whether a sentence keeps a claim hedged in its words `within`: a hedge, or a word that
/// hedges in its own way, in them or running into them.
pub fn keeps_hedge(words: &DriftWords, tokens: &[Token], within: Range<usize>) -> bool {
    let lower = lower(tokens);
    (within.start.saturating_sub(PHRASE_BEFORE)..within.end).any(|at| {
        !tokens[at].quoted
            && words
                .phrase_at(&lower, at, words::HEDGE | words::KEEPS_HEDGE)
                .is_some_and(|(len, _)| at + len > within.start)
    })
}

/// The clause around word `at`: from the pause before it to the pause after.
pub fn clause_around(tokens: &[Token], at: usize) -> Range<usize> {
    let start = (0..=at)
        .rev()
        .find(|&i| i == 0 || tokens[i].pause_before)
        .unwrap_or(0);
    let end = (at + 1..tokens.len())
        .find(|&i| tokens[i].pause_before)
        .unwrap_or(tokens.len());
    start..end
}
