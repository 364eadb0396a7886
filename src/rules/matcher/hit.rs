//! What the matchers report: a rule's hits, and how overlapping ones are thinned.

use crate::span::Span;

/// One match of one rule: where, and which of the rule's literals or patterns matched
/// (`pattern` is whatever number the rule registered it with).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub pattern: u32,
}

/// Keeps, of hits sorted by position, the leftmost-longest ones that do not overlap.
pub fn leftmost_longest(hits: impl IntoIterator<Item = Hit>) -> Vec<Hit> {
    let mut kept: Vec<Hit> = Vec::new();
    for hit in hits {
        if kept
            .last()
            .is_none_or(|last| hit.span.start >= last.span.end)
        {
            kept.push(hit);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftmost_longest_drops_overlaps() {
        let hit = |start, end| Hit {
            span: Span::new(start, end),
            pattern: 0,
        };
        assert_eq!(
            leftmost_longest([hit(0, 5), hit(0, 3), hit(2, 6), hit(6, 8)]),
            [hit(0, 5), hit(6, 8)]
        );
    }
}
