//! Where a quotation most likely starts in the sources: each word pair it shares with them
//! votes, the rarest first, within a budget that keeps a quotation's cost in proportion to its
//! length however often its words recur.

use super::Sources;
use foldhash::{HashMap, HashMapExt};

/// How many source places one quotation's word pairs may vote for, at least.
const VOTES_PER_QUOTE: usize = 1024;
/// How many places a quotation may vote for per word, when that is more.
const VOTES_PER_WORD: usize = 32;
/// How many leading starts are counted pair by pair when voting stopped early.
const RECOUNTED: usize = 16;

impl Sources {
    /// Where the quotation of word ids `ids` most likely starts in the sources `docs`: the
    /// document, the start (which may lie before the document's first word) and how many of the
    /// quotation's word pairs are in place there. Each shared word pair votes for a start, the
    /// rarest pairs first; a quotation whose pairs are so common that their places pass
    /// [`VOTES_PER_QUOTE`] (or [`VOTES_PER_WORD`] a word) stops voting there, and the
    /// [`RECOUNTED`] leading starts are then counted pair by pair. Either way a quotation costs
    /// time in proportion to its length, however often its words recur in the sources.
    pub(super) fn best_alignment(
        &self,
        docs: &[usize],
        ids: &[Option<u32>],
    ) -> Option<(u32, i64, usize)> {
        let mut lists: Vec<(usize, &[(u32, u32)])> = ids
            .windows(2)
            .enumerate()
            .filter_map(|(i, pair)| {
                let places = self.bigrams.get(&(pair[0]?, pair[1]?))?;
                Some((i, places.as_slice()))
            })
            .collect();
        lists.sort_by_key(|(_, places)| places.len());
        let budget = VOTES_PER_QUOTE.max(VOTES_PER_WORD * ids.len());
        let mut spent = 0;
        let mut complete = true;
        let mut votes: HashMap<(u32, i64), usize> = HashMap::new();
        'lists: for (i, places) in lists {
            for &(doc, pos) in places {
                if spent == budget {
                    complete = false;
                    break 'lists;
                }
                spent += 1;
                if docs.contains(&(doc as usize)) {
                    *votes.entry((doc, i64::from(pos) - i as i64)).or_default() += 1;
                }
            }
        }
        let key = |&((d, s), c): &((u32, i64), usize)| (c, std::cmp::Reverse((d, s)));
        if complete {
            return votes
                .into_iter()
                .max_by_key(key)
                .map(|((d, s), c)| (d, s, c));
        }
        let mut leading: Vec<((u32, i64), usize)> = votes.into_iter().collect();
        if leading.len() > RECOUNTED {
            leading.select_nth_unstable_by_key(RECOUNTED, |entry| std::cmp::Reverse(key(entry)));
        }
        leading
            .into_iter()
            .take(RECOUNTED)
            .map(|((d, s), _)| ((d, s), self.pairs_in_place(d, s, ids)))
            .max_by_key(key)
            .map(|((d, s), c)| (d, s, c))
    }

    /// How many word pairs of `ids` stand in source `doc` when the quotation starts at `start`.
    fn pairs_in_place(&self, doc: u32, start: i64, ids: &[Option<u32>]) -> usize {
        let words = &self.docs[doc as usize].words;
        let id_at = |i: usize| {
            usize::try_from(start + i as i64)
                .ok()
                .and_then(|at| words.get(at))
                .map(|w| w.id)
        };
        ids.windows(2)
            .enumerate()
            .filter(|(i, pair)| {
                pair[0].is_some_and(|a| id_at(*i) == Some(a))
                    && pair[1].is_some_and(|b| id_at(i + 1) == Some(b))
            })
            .count()
    }
}
