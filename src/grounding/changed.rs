//! Finding the source figure a draft's figure most likely changed, by the words around it,
//! without comparing the draft's figure with every figure of the source.
//!
//! Two figures are alike by their neighbours ([`Figure::alike`]): 2 for the word after and
//! for the word before, 1 for each word beyond. The best candidate shares at least a set of
//! neighbours worth 2, so the figures are indexed under every such set: for each set and its
//! words, the first figure with them and the first with another value (the one asked about
//! may have the first's value). A question is then 13 lookups, however many figures the
//! source has.

use super::figures::Figure;
use foldhash::{HashMap, HashMapExt};

/// The neighbours of a figure, in the order of [`neighbours`]: next, previous, next but
/// one, previous but one.
const NEIGHBOURS: usize = 4;

/// Each neighbour's weight in [`Figure::alike`].
const WEIGHTS: [u32; NEIGHBOURS] = [2, 2, 1, 1];

/// The sets of neighbours (as bit masks) worth at least 2: a candidate shares one of them.
const SETS: [u8; 13] = [1, 2, 3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15];

/// No figure.
const NONE: u32 = u32::MAX;

fn neighbours(figure: &Figure) -> [Option<&str>; NEIGHBOURS] {
    [
        figure.next.as_deref(),
        figure.previous.as_deref(),
        figure.next2.as_deref(),
        figure.previous2.as_deref(),
    ]
}

/// A source's figures, indexed by the words around them.
#[derive(Default)]
pub struct FigureIndex {
    /// Neighbouring words, numbered from 1.
    words: HashMap<String, u32>,
    /// For a set of neighbours and their words: the first figure with them and the first
    /// with another value than that one ([`NONE`] when there is none).
    by_neighbours: HashMap<(u8, [u32; NEIGHBOURS]), [u32; 2]>,
}

impl FigureIndex {
    /// Indexes `figures`, in order.
    pub fn new(figures: &[Figure]) -> Self {
        let mut index = FigureIndex {
            words: HashMap::new(),
            by_neighbours: HashMap::new(),
        };
        for (at, figure) in figures.iter().enumerate() {
            let Ok(at) = u32::try_from(at) else { break };
            let ids = neighbours(figure).map(|word| word.map(|w| index.intern(w)));
            for set in SETS {
                let Some(key) = key(set, ids) else { continue };
                let slot = index.by_neighbours.entry(key).or_insert([at, NONE]);
                if slot[1] == NONE && figures[slot[0] as usize].value != figure.value {
                    slot[1] = at;
                }
            }
        }
        index
    }

    fn intern(&mut self, word: &str) -> u32 {
        let next = u32::try_from(self.words.len() + 1).unwrap_or(NONE);
        *self.words.entry(word.to_owned()).or_insert(next)
    }

    /// The figure of `figures` (those indexed) with another value than `figure` whose
    /// neighbours are most alike (a score of at least 2), the first of them on a tie: its
    /// position and score.
    pub fn most_alike(&self, figures: &[Figure], figure: &Figure) -> Option<(usize, u32)> {
        let ids = neighbours(figure).map(|word| word.and_then(|w| self.words.get(w).copied()));
        let mut best: Option<(usize, u32)> = None;
        for set in SETS {
            let Some(slot) = key(set, ids).and_then(|key| self.by_neighbours.get(&key)) else {
                continue;
            };
            let candidate = slot
                .iter()
                .map(|&at| at as usize)
                .find(|&at| figures.get(at).is_some_and(|c| c.value != figure.value));
            let Some(at) = candidate else { continue };
            let score = figure.alike(&figures[at]);
            let better = best.is_none_or(|(best_at, best_score)| {
                score > best_score || score == best_score && at < best_at
            });
            if score >= 2 && better {
                best = Some((at, score));
            }
        }
        best
    }
}

/// The key of `set` for a figure with neighbours `ids`, if it has every neighbour of the set.
fn key(set: u8, ids: [Option<u32>; NEIGHBOURS]) -> Option<(u8, [u32; NEIGHBOURS])> {
    let mut words = [0; NEIGHBOURS];
    for (i, id) in ids.into_iter().enumerate() {
        if set & (1 << i) != 0 {
            words[i] = id?;
        }
    }
    debug_assert!(
        (0..NEIGHBOURS)
            .filter(|i| set & (1 << i) != 0)
            .map(|i| WEIGHTS[i])
            .sum::<u32>()
            >= 2
    );
    Some((set, words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::words;
    use crate::grounding::figures;

    fn figures_of(text: &str) -> Vec<Figure> {
        let spans: Vec<_> = words(text).collect();
        figures(text, &spans)
    }

    /// Every candidate compared, as the definition says.
    fn compared_with_each(figures: &[Figure], figure: &Figure) -> Option<(usize, u32)> {
        let mut best: Option<(usize, u32)> = None;
        for (at, candidate) in figures.iter().enumerate() {
            let score = figure.alike(candidate);
            if candidate.value != figure.value && score >= 2 && best.is_none_or(|(_, s)| score > s)
            {
                best = Some((at, score));
            }
        }
        best
    }

    #[test]
    fn the_index_finds_what_comparing_with_each_figure_finds() {
        let source = figures_of(
            "The 30-year-old, whose car hit 3 vans, met 27 people. Police said 5 people and 3 \
             vans were hit and 7 people hurt; 12 people said so, and 9 vans left 40 people.",
        );
        let index = FigureIndex::new(&source);
        for draft in [
            "The 31-year-old, whose car hit 4 vans, met 28 people.",
            "Police said 6 people and 8 vans were hit and 3 people hurt.",
            "12 people said so, and 12 vans left 41 people. Nothing 99 here.",
        ] {
            for figure in figures_of(draft) {
                assert_eq!(
                    index.most_alike(&source, &figure),
                    compared_with_each(&source, &figure),
                    "{draft}: {}",
                    figure.value
                );
            }
        }
    }
}
