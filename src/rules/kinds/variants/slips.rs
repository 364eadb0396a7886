//! Names misspelled by one slip of the fingers: two neighbouring letters swapped (Whitfeild)
//! or one letter doubled (Killroy), found as variants of the spelling used more often.

use super::{NAME, OPENING};
use crate::rules::Occurrence;
use foldhash::{HashMap, HashMapExt, HashSet};

/// Capitalised words opening sentences join the group of the name they spell, or a name they
/// are one slip from; the others are dropped.
pub(super) fn join_openings(occurrences: Vec<Occurrence>, common: &dyn Fn(&str) -> bool) -> Vec<Occurrence> {
    if !occurrences.iter().any(|o| o.group.starts_with(OPENING)) {
        return occurrences;
    }
    let names: HashSet<String> = occurrences
        .iter()
        .filter_map(|o| o.group.strip_prefix(NAME))
        .map(str::to_owned)
        .collect();
    occurrences
        .into_iter()
        .filter_map(|mut o| {
            let Some(letters) = o.group.strip_prefix(OPENING).map(str::to_owned) else {
                return Some(o);
            };
            let spelled = names.contains(&letters)
                || (!common(&letters) && names.iter().any(|n| one_slip(&letters, n)));
            spelled.then(|| {
                o.group = format!("{NAME}{letters}");
                o
            })
        })
        .collect()
}

/// The shortest name whose slips are looked for: shorter names differ by design (Myra, Mary).
pub(super) const MIN_SLIP_LETTERS: usize = 5;

/// Names one slip apart — two neighbouring letters swapped (Whitfield, Whitfeild) or one letter
/// doubled (Kilroy, Killroy) — join the group of the spelling used more often, so the slip is
/// reported as a variant of it. Only names used at least twice in the better-used spelling.
pub(super) fn join_name_slips(occurrences: &mut [Occurrence], common: &dyn Fn(&str) -> bool) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for o in occurrences.iter() {
        if let Some(letters) = o.group.strip_prefix(NAME)
            && letters.len() >= MIN_SLIP_LETTERS
            && !letters.contains(' ')
        {
            *counts.entry(letters).or_default() += 1;
        }
    }
    if counts.len() < 2 {
        return;
    }
    let mut joined: Vec<(String, String)> = Vec::new();
    for (&slip, &slip_uses) in counts.iter().filter(|(slip, _)| !common(slip)) {
        let better = counts
            .iter()
            .filter(|(name, uses)| **uses >= 2 && **uses > slip_uses && one_slip(slip, name))
            .max_by_key(|(name, uses)| (**uses, std::cmp::Reverse(**name)));
        if let Some((name, _)) = better {
            joined.push((format!("{NAME}{slip}"), format!("{NAME}{name}")));
        }
    }
    for o in occurrences.iter_mut() {
        if let Some((_, to)) = joined.iter().find(|(from, _)| *from == o.group) {
            o.group = to.clone();
        }
    }
}

/// Whether two spellings differ by one swap of neighbouring letters or one doubled letter.
fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() == b.len() {
        let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return matches!(differ.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i]);
    }
    let (long, short) = if a.len() > b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let at = (0..short.len()).find(|&i| long[i] != short[i]).unwrap_or(short.len());
    // The extra letter doubles its neighbour, and the rest is the same.
    let doubles = (at > 0 && long[at] == long[at - 1])
        || long.get(at + 1) == Some(&long[at]);
    doubles && long[at + 1..] == short[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_is_a_swap_of_neighbours_or_a_doubled_letter() {
        assert!(one_slip("whitfield", "whitfeild"));
        assert!(one_slip("kilroy", "killroy"));
        assert!(one_slip("killroy", "kilroy"));
        assert!(!one_slip("whitfield", "whitfold"));
        assert!(!one_slip("mary", "myra"));
        assert!(!one_slip("kilroy", "kilroys"));
    }
}
