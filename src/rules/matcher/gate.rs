//! A regex's gate: literals one of which every match of the regex contains. The matcher looks
//! for the gates of all regexes in the same pass as the rules' literals, and runs a regex (and
//! compiles it, the first time) only over an article that holds one of its gate's literals.
//!
//! A gate is a necessary condition, never a sufficient one: it may let a regex run that then
//! finds nothing, but it never keeps one from running over a text it matches. Gate literals
//! are folded to ASCII lower case and found ignoring ASCII case; characters outside ASCII stay
//! as they are, and a case-insensitive regex already lists their other cases as a class.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The most literals a gate may hold; a regex that would need more has no gate and runs over
/// every article.
const MOST_LITERALS: usize = 64;

/// The length in bytes past which a literal is rare enough to gate well.
const RARE_LENGTH: usize = 4;

/// The length in bytes at which a run of literal text is closed: far past rare, and short
/// enough that joining one more character to every literal of a run costs little.
const LONGEST_RUN: usize = 8 * RARE_LENGTH;

/// The most characters a class may hold to count as a choice of literals ("[Kk]", "[:|]").
const MOST_CLASS_CHARS: usize = 8;

/// Literals one of which every match of a regex contains.
#[derive(Debug, PartialEq, Eq)]
pub struct Gate {
    pub literals: Vec<String>,
    /// Whether the literals were folded to lower case from a class of both cases ("[Ss]"),
    /// so must be found in any ASCII case; otherwise they are found as written.
    pub any_case: bool,
}

/// The gate of `hir`, or `None` when none is known (the regex can match without any fixed
/// text, or would need too many literals).
pub(super) fn gate(hir: &Hir) -> Option<Gate> {
    let literals = match need(hir) {
        Need::Exactly(set) | Need::Contains(set) => set.without_longer(),
        Need::Unknown => return None,
    };
    literals.usable().then_some(Gate {
        literals: literals.strings,
        any_case: literals.folded,
    })
}

/// A literal of one or two letters ("us", "we") is in nearly every text: a gate holding one
/// would cost a search and let the regex run anyway.
fn too_common(literal: &str) -> bool {
    literal.len() <= 2 && literal.bytes().all(|b| b.is_ascii_alphabetic())
}

/// A set of literals, sorted and without repeats.
#[derive(Clone)]
struct Literals {
    strings: Vec<String>,
    /// Whether any was folded to lower case.
    folded: bool,
}

impl Literals {
    fn new(mut strings: Vec<String>, folded: bool) -> Option<Self> {
        strings.sort_unstable();
        strings.dedup();
        (strings.len() <= MOST_LITERALS).then_some(Self { strings, folded })
    }

    fn empty_string() -> Self {
        Self {
            strings: vec![String::new()],
            folded: false,
        }
    }

    /// Every string of `self` followed by every string of `then`, if there are not too many.
    fn then(&self, then: &Literals) -> Option<Literals> {
        if self.strings.len().saturating_mul(then.strings.len()) > MOST_LITERALS {
            return None;
        }
        let joined = self
            .strings
            .iter()
            .flat_map(|l| {
                then.strings.iter().map(move |r| {
                    let mut joined = String::with_capacity(l.len() + r.len());
                    joined.push_str(l);
                    joined.push_str(r);
                    joined
                })
            })
            .collect();
        Literals::new(joined, self.folded || then.folded)
    }

    fn or(mut self, other: Literals) -> Option<Literals> {
        self.strings.extend(other.strings);
        Literals::new(self.strings, self.folded || other.folded)
    }

    /// The same condition with fewer literals: a text that contains "slammed the " contains
    /// "slammed ", so a literal that holds another adds nothing to a gate.
    fn without_longer(self) -> Literals {
        let kept: Vec<String> = self
            .strings
            .iter()
            .filter(|s| {
                !self
                    .strings
                    .iter()
                    .any(|other| other.len() < s.len() && s.contains(other.as_str()))
            })
            .cloned()
            .collect();
        Literals {
            strings: kept,
            folded: self.folded,
        }
    }

    /// A set that can gate: it has literals, and none is empty (which every text contains)
    /// or [`too_common`].
    fn usable(&self) -> bool {
        !self.strings.is_empty() && self.strings.iter().all(|s| !s.is_empty() && !too_common(s))
    }

    /// Longer literals are rarer, so a set whose shortest literal is longer gates better, up
    /// to a length past which any literal is rare; between equals, the set with fewer bytes
    /// to look for.
    fn better_than(&self, other: &Literals) -> bool {
        let rank = |l: &Literals| {
            let shortest = l.strings.iter().map(String::len).min().unwrap_or(0);
            let bytes: usize = l.strings.iter().map(String::len).sum();
            (shortest.min(RARE_LENGTH), std::cmp::Reverse(bytes))
        };
        rank(self) > rank(other)
    }
}

/// What a part of a pattern says of the text it matches.
enum Need {
    /// It is exactly one of these strings.
    Exactly(Literals),
    /// It contains one of these strings.
    Contains(Literals),
    Unknown,
}

fn need(hir: &Hir) -> Need {
    match hir.kind() {
        // A look-around matches no text: it adds nothing between its neighbours.
        HirKind::Empty | HirKind::Look(_) => Need::Exactly(Literals::empty_string()),
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) => Need::Exactly(Literals {
                strings: vec![text.to_owned()],
                folded: false,
            }),
            Err(_) => Need::Unknown,
        },
        HirKind::Class(class) => class_choices(class).map_or(Need::Unknown, Need::Exactly),
        HirKind::Capture(capture) => need(&capture.sub),
        HirKind::Repetition(repetition) => {
            repeated(&repetition.sub, repetition.min, repetition.max)
        }
        HirKind::Concat(parts) => concat(parts),
        HirKind::Alternation(branches) => alternation(branches),
    }
}

/// `sub` repeated `min` to `max` times.
fn repeated(sub: &Hir, min: u32, max: Option<u32>) -> Need {
    let once = match need(sub) {
        Need::Exactly(once) => once,
        // At least one repeat contains what one contains.
        Need::Contains(set) if min > 0 => return Need::Contains(set),
        _ => return Need::Unknown,
    };
    if min == 0 {
        return match max {
            Some(1) => once
                .or(Literals::empty_string())
                .map_or(Need::Unknown, Need::Exactly),
            _ => Need::Unknown,
        };
    }
    // The first `min` repeats in a row, as far as the set stays small.
    let mut least = once.clone();
    for _ in 1..min {
        match least.then(&once) {
            Some(longer) => least = longer,
            None => return Need::Contains(once),
        }
    }
    if max == Some(min) {
        Need::Exactly(least)
    } else {
        Need::Contains(least)
    }
}

/// A concatenation: runs of exactly known parts are joined into longer literals; the best of
/// those runs and of the parts that only contain something is what the whole needs.
fn concat(parts: &[Hir]) -> Need {
    let mut run = Literals::empty_string();
    let mut whole_is_exact = true;
    let mut best: Option<Literals> = None;
    let offer = |set: Literals, best: &mut Option<Literals>| {
        if set.usable() && best.as_ref().is_none_or(|b| set.better_than(b)) {
            *best = Some(set);
        }
    };
    for part in parts {
        match need(part) {
            Need::Exactly(set) => {
                // The part alone may gate better than the run it joins ("slammed" against
                // every "was slammed", "is widely slammed", …).
                offer(set.clone(), &mut best);
                match run.then(&set) {
                    // A run long enough to be rare is closed, so a long pattern's literals are
                    // not copied again for every character it adds: the work stays linear.
                    Some(longer) if longer.strings.iter().all(|s| s.len() >= LONGEST_RUN) => {
                        whole_is_exact = false;
                        offer(longer, &mut best);
                        run = Literals::empty_string();
                    }
                    Some(longer) => run = longer,
                    None => {
                        whole_is_exact = false;
                        offer(std::mem::replace(&mut run, set), &mut best);
                    }
                }
            }
            Need::Contains(set) => {
                whole_is_exact = false;
                offer(
                    std::mem::replace(&mut run, Literals::empty_string()),
                    &mut best,
                );
                offer(set, &mut best);
            }
            Need::Unknown => {
                whole_is_exact = false;
                offer(
                    std::mem::replace(&mut run, Literals::empty_string()),
                    &mut best,
                );
            }
        }
    }
    if whole_is_exact {
        return Need::Exactly(run);
    }
    offer(run, &mut best);
    best.map_or(Need::Unknown, Need::Contains)
}

/// An alternation needs what one of its branches needs.
fn alternation(branches: &[Hir]) -> Need {
    let mut all_exact = true;
    let mut set: Option<Literals> = None;
    for branch in branches {
        let branch_set = match need(branch) {
            Need::Exactly(s) => s,
            Need::Contains(s) => {
                all_exact = false;
                s
            }
            Need::Unknown => return Need::Unknown,
        };
        let joined = match set {
            None => Some(branch_set),
            Some(set) => set.or(branch_set),
        };
        match joined {
            Some(joined) => set = Some(joined),
            None => return Need::Unknown,
        }
    }
    match set {
        Some(set) if all_exact => Need::Exactly(set),
        Some(set) => Need::Contains(set),
        None => Need::Unknown,
    }
}

/// The characters of a small class as one-character literals; a class of both cases of a
/// letter ("[Ss]", or "[Kk\u{212A}]" under case folding) is folded to its lower case.
fn class_choices(class: &Class) -> Option<Literals> {
    let mut chars: Vec<char> = Vec::new();
    match class {
        Class::Unicode(class) => {
            for range in class.ranges() {
                let count = (range.end() as usize).saturating_sub(range.start() as usize) + 1;
                if chars.len() + count > MOST_CLASS_CHARS {
                    return None;
                }
                chars.extend(range.start()..=range.end());
            }
        }
        Class::Bytes(class) => {
            for range in class.ranges() {
                if !range.end().is_ascii() {
                    return None;
                }
                let count = usize::from(range.end() - range.start()) + 1;
                if chars.len() + count > MOST_CLASS_CHARS {
                    return None;
                }
                chars.extend((range.start()..=range.end()).map(char::from));
            }
        }
    }
    // The class's characters are distinct; folding merges the cases of a letter.
    let mut folded: Vec<char> = chars.iter().map(char::to_ascii_lowercase).collect();
    folded.sort_unstable();
    folded.dedup();
    let folds = folded.len() < chars.len();
    let kept = if folds { folded } else { chars };
    Literals::new(kept.iter().map(char::to_string).collect(), folds)
}

#[cfg(test)]
mod tests {
    use super::{Gate, gate};

    fn gate_of(pattern: &str) -> Option<Gate> {
        gate(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    fn as_written(list: &[&str]) -> Option<Gate> {
        Some(Gate {
            literals: list.iter().map(|s| (*s).to_owned()).collect(),
            any_case: false,
        })
    }

    fn any_case(list: &[&str]) -> Option<Gate> {
        as_written(list).map(|gate| Gate {
            any_case: true,
            ..gate
        })
    }

    #[test]
    fn literals_and_letter_classes_join_into_one_literal() {
        assert_eq!(gate_of(r"\b[Ss]tudies show\b"), any_case(&["studies show"]));
        assert_eq!(gate_of(r"NOT\bB"), as_written(&["NOTB"]));
        assert_eq!(gate_of(r"\[(?:TK|TBD)"), as_written(&["[TBD", "[TK"]));
    }

    #[test]
    fn case_insensitive_letters_keep_their_unicode_cases() {
        // (?i)k also matches the Kelvin sign, so that spelling must open the gate too.
        assert_eq!(gate_of(r"(?i)kit"), any_case(&["kit", "\u{212a}it"]));
    }

    #[test]
    fn the_longest_required_part_is_chosen() {
        assert_eq!(
            gate_of(r"\d+\s+(?:things|reasons)\b"),
            as_written(&["reasons", "things"])
        );
        assert_eq!(
            gate_of(r"[^\s.?!:](?<match> {2,})[^\s]"),
            as_written(&["  "])
        );
        assert_eq!(
            gate_of(r"(?:\b[a-z]+|\d)(?P<match>!+)(?:\s|$)"),
            as_written(&["!"])
        );
        assert_eq!(gate_of(r"(?:could|may)\s+spark"), as_written(&["spark"]));
    }

    #[test]
    fn a_literal_that_holds_another_adds_nothing() {
        assert_eq!(
            gate_of(r"slammed (?:(?:the|a) )?[A-Z]"),
            as_written(&["slammed "])
        );
    }

    #[test]
    fn an_alternation_needs_every_branch_to_require_something() {
        assert_eq!(gate_of(r"regime|\w+ing"), as_written(&["ing", "regime"]));
        assert_eq!(gate_of(r"regime|\w+"), None);
        assert_eq!(gate_of(r"(?:new\s+)?research"), as_written(&["research"]));
    }

    #[test]
    fn patterns_that_may_match_anything_have_no_gate() {
        for pattern in [r"\d+", r"\w+", r"x*", r"(?:ab)?", "", r"\b"] {
            assert_eq!(gate_of(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn a_gate_of_words_found_in_every_text_is_no_gate() {
        assert_eq!(gate_of(r"\b(?:we|you|our)\b"), None);
        assert_eq!(gate_of(r"\b(?:you|our)\b"), as_written(&["our", "you"]));
        // A rarer part gates instead.
        assert_eq!(gate_of(r"\b(?:we|you)\b[^?]*\?"), as_written(&["?"]));
    }

    #[test]
    fn a_long_literal_gives_a_short_gate() {
        // A case-insensitive literal is a class a character; joining them all into one run
        // would copy the run once a character.
        let long = "copy desk ".repeat(5_000);
        let gate = gate_of(&format!("(?i){long}")).unwrap();
        assert!(gate.any_case);
        assert!(gate.literals.iter().all(|l| l.len() < 64), "{gate:?}");
    }

    #[test]
    fn a_gate_never_needs_more_than_its_limit() {
        let many: Vec<String> = (0..100).map(|n| format!("word{n}x")).collect();
        assert_eq!(gate_of(&many.join("|")), None);
    }

    #[test]
    fn deep_nesting_is_read_once_per_part() {
        // Each level of a nested repetition reads its part once, not twice.
        let pattern = format!("{}abc{}", "(?:".repeat(100), ")+".repeat(100));
        assert_eq!(gate_of(&pattern), as_written(&["abc"]));
    }
}
