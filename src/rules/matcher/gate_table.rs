//! The gates of the built-in pack's regexes, computed by `build.rs` with [`super::gate`]
//! itself, so loading the built-in pack neither parses a pattern nor reads it for literals; a
//! test checks each entry against the gate of the parsed pattern.

use super::Gate;

/// One pattern of the built-in pack and its gate.
pub struct BuiltInGate {
    pub pattern: &'static str,
    pub case_insensitive: bool,
    /// The gate's literals, or `None` for a pattern without a gate.
    pub literals: Option<&'static [&'static str]>,
    pub any_case: bool,
}

include!(concat!(env!("OUT_DIR"), "/built_in_gates.rs"));

/// The gate `build.rs` computed for a built-in pattern: `None` when the pattern is not one
/// (it is parsed at load like any other), `Some(None)` when it has no gate.
pub fn built_in_gate(pattern: &str, case_insensitive: bool) -> Option<Option<Gate>> {
    let at = BUILT_IN_GATES
        .binary_search_by(|entry| {
            (entry.pattern, entry.case_insensitive).cmp(&(pattern, case_insensitive))
        })
        .ok()?;
    let entry = &BUILT_IN_GATES[at];
    Some(entry.literals.map(|literals| Gate {
        literals: literals.iter().map(|l| (*l).to_owned()).collect(),
        any_case: entry.any_case,
    }))
}

#[cfg(test)]
mod tests {
    use super::{BUILT_IN_GATES, built_in_gate};
    use crate::rules::matcher::{gate, pattern};

    #[test]
    fn each_built_in_gate_is_the_gate_of_its_parsed_pattern() {
        assert!(!BUILT_IN_GATES.is_empty());
        for entry in BUILT_IN_GATES {
            let parsed = pattern::parse(entry.pattern, entry.case_insensitive);
            let Ok(hir) = parsed else {
                // A pattern of the pack that does not parse with this case setting is
                // never looked up with it.
                continue;
            };
            assert_eq!(
                built_in_gate(entry.pattern, entry.case_insensitive),
                Some(gate::gate(&hir)),
                "{}",
                entry.pattern
            );
        }
    }
}
