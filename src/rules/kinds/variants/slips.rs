//! Names misspelled by one slip of the fingers: two neighbouring letters swapped (Whitfeild)
//! or one letter doubled (Killroy), found as variants of the spelling used more often in the
//! same article. Only the few names used twice or more can be slipped from, and only words of
//! the same first letter and nearly the same length are compared with them, without
//! allocating.

use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// The shortest name whose slips are looked for: shorter names differ by design (Myra, Mary).
pub(super) const MIN_SLIP_LETTERS: usize = 5;

/// A capitalised word of ASCII letters and digits that may be a name.
pub(super) struct Candidate<'a> {
    pub span: Span,
    pub written: &'a str,
    /// Written with a capital in mid-sentence somewhere: a name, not a sentence's first word.
    pub mid_sentence: bool,
}

/// Each misspelling with the spelling it slipped from: one slip apart, the better spelling used
/// at least twice and more often, at least once in mid-sentence, and the misspelling no common
/// word (There is no slip of Three).
pub(super) fn pairs<'a>(
    words: &[Candidate<'a>],
    common: &dyn Fn(&str) -> bool,
) -> Vec<(&'a str, &'a str)> {
    let mut uses: HashMap<&'a str, (usize, bool)> = HashMap::new();
    for word in words {
        let entry = uses.entry(word.written).or_insert((0, false));
        entry.0 += 1;
        entry.1 |= word.mid_sentence;
    }
    if uses.len() < 2 {
        return Vec::new();
    }
    // The spellings a slip may be of: names used twice or more, once at least mid-sentence;
    // in a list, and by their letters in lower case.
    let list: Vec<(&'a str, usize)> = uses
        .iter()
        .filter(|(_, (count, named))| *named && *count >= 2)
        .map(|(&form, &(count, _))| (form, count))
        .collect();
    if list.is_empty() {
        return Vec::new();
    }
    let mut by_letters: HashMap<Vec<u8>, Vec<(&'a str, usize)>> = HashMap::new();
    for &(form, count) in &list {
        by_letters
            .entry(form.to_ascii_lowercase().into_bytes())
            .or_default()
            .push((form, count));
    }
    let mut spelling = Vec::new();
    let mut found = Vec::new();
    for (&slip, &(slip_uses, _)) in &uses {
        if slip.len() > MAX_SLIP_LETTERS {
            continue;
        }
        let first = slip.as_bytes()[0].to_ascii_lowercase();
        let slipped_from = |&&(name, count): &&(&'a str, usize)| {
            count > slip_uses
                && name.as_bytes()[0].to_ascii_lowercase() == first
                && name.len().abs_diff(slip.len()) <= 1
                && one_slip(slip, name)
        };
        // Few names: each is compared. Many: the spellings one slip away are looked up, so a
        // word costs its length, however many names the article has.
        let mut candidates: Vec<&(&'a str, usize)> = Vec::new();
        if list.len() <= 3 * slip.len() {
            candidates.extend(list.iter().filter(slipped_from));
        } else {
            for_each_slip(slip, &mut spelling, |away| {
                if let Some(names) = by_letters.get(away) {
                    candidates.extend(names.iter().filter(slipped_from));
                }
            });
        }
        let better = candidates
            .into_iter()
            .max_by_key(|(name, count)| (*count, std::cmp::Reverse(*name)));
        if let Some(&(better, _)) = better
            && !common(slip)
        {
            found.push((slip, better));
        }
    }
    found
}

/// The longest word whose slips are looked for: no name is longer.
const MAX_SLIP_LETTERS: usize = 64;

/// Calls `visit` with each spelling (ASCII, lower case) one slip from `word` — two
/// neighbours swapped, a doubled letter written once, a letter doubled — written in
/// `buffer`. A spelling may come more than once.
fn for_each_slip(word: &str, buffer: &mut Vec<u8>, mut visit: impl FnMut(&[u8])) {
    let bytes = word.as_bytes();
    let reset = |buffer: &mut Vec<u8>| {
        buffer.clear();
        buffer.extend(bytes.iter().map(u8::to_ascii_lowercase));
    };
    for i in 0..bytes.len().saturating_sub(1) {
        reset(buffer);
        if buffer[i] != buffer[i + 1] {
            buffer.swap(i, i + 1);
            visit(buffer);
        }
    }
    for i in 0..bytes.len() {
        reset(buffer);
        if i > 0 && buffer[i] == buffer[i - 1] {
            buffer.remove(i);
            visit(buffer);
            reset(buffer);
        }
        let letter = buffer[i];
        buffer.insert(i, letter);
        visit(buffer);
    }
}

/// Whether two spellings differ by one swap of neighbouring letters or one doubled letter
/// (ASCII letters, compared without case).
pub(super) fn one_slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let same = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    if a.len() == b.len() {
        let mut differ = (0..a.len()).filter(|&i| !same(a[i], b[i]));
        return match (differ.next(), differ.next(), differ.next()) {
            (Some(i), Some(j), None) => j == i + 1 && same(a[i], b[j]) && same(a[j], b[i]),
            _ => false,
        };
    }
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let at = (0..short.len())
        .find(|&i| !same(long[i], short[i]))
        .unwrap_or(short.len());
    // The extra letter doubles its neighbour, and the rest is the same.
    let doubles = (at > 0 && same(long[at], long[at - 1]))
        || long.get(at + 1).is_some_and(|&next| same(next, long[at]));
    doubles
        && long[at + 1..]
            .iter()
            .zip(&short[at..])
            .all(|(&x, &y)| same(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_is_a_swap_of_neighbours_or_a_doubled_letter() {
        assert!(one_slip("whitfield", "whitfeild"));
        assert!(one_slip("kilroy", "killroy"));
        assert!(one_slip("Killroy", "Kilroy"));
        assert!(!one_slip("whitfield", "whitfold"));
        assert!(!one_slip("mary", "myra"));
        assert!(!one_slip("kilroy", "kilroys"));
    }

    #[test]
    fn the_spellings_one_slip_away_are_those_one_slip_accepts() {
        let letters = ["a", "b", "l", "o"];
        // Every word of up to five of these letters, against every word of one more or less.
        let mut words: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, String::len))
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
        }
        let words: Vec<&String> = words.iter().filter(|w| w.len() >= 2).collect();
        let mut buffer = Vec::new();
        for word in &words {
            let mut away: Vec<Vec<u8>> = Vec::new();
            for_each_slip(word, &mut buffer, |spelling| away.push(spelling.to_vec()));
            for other in &words {
                assert_eq!(
                    away.iter().any(|a| a == other.as_bytes()) && word != other,
                    one_slip(word, other),
                    "{word} {other}"
                );
            }
        }
    }

    #[test]
    fn many_names_are_looked_up_and_few_compared_alike() {
        let text = "Whitfield Whitfield Whitfeild Killroy Kilroy Kilroy Kilroy";
        let mut words: Vec<Candidate<'_>> = text
            .split(' ')
            .map(|w| Candidate {
                span: Span::new(0, 0),
                written: w,
                mid_sentence: true,
            })
            .collect();
        let few = {
            let mut pairs = pairs(&words, &|_| false);
            pairs.sort();
            pairs
        };
        assert_eq!(few, [("Killroy", "Kilroy"), ("Whitfeild", "Whitfield")]);
        // Enough other names, each used twice, to look the slips up instead.
        let others: Vec<String> = (0..40).map(|i| format!("Zed{i:02}x")).collect();
        for other in &others {
            for _ in 0..2 {
                words.push(Candidate {
                    span: Span::new(0, 0),
                    written: other,
                    mid_sentence: true,
                });
            }
        }
        let mut many = pairs(&words, &|_| false);
        many.sort();
        assert_eq!(many, few);
    }
}
