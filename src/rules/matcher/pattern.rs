//! A rule's regex as the matcher reads it: parsed with the rule's case setting, its word
//! boundaries made ASCII ones. The pack compiler parses through here to report errors; the
//! matcher parses a built-in pack's pattern through here the first time its gate opens.

use regex_syntax::hir::Hir;

/// Parses `pattern`, ignoring case when `case_insensitive`.
pub fn parse(pattern: &str, case_insensitive: bool) -> Result<Hir, Box<regex_syntax::Error>> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(pattern)
        .map(ascii_word_boundaries)
        .map_err(Box::new)
}

/// The pattern with its word boundaries (`\b`, `\B`, `\<`, `\>`) made ASCII ones, so every
/// regex runs on the DFA engines even over text with curly quotes and accents (a Unicode word
/// boundary sends the regex engine to its slowest path on non-ASCII text). `\w` and classes
/// stay Unicode.
fn ascii_word_boundaries(hir: Hir) -> Hir {
    use regex_syntax::hir::{HirKind, Look};
    // Most of a pattern holds no word boundary; it is kept as it is, not rebuilt.
    if !hir.properties().look_set().contains_word_unicode() {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => other,
        }),
        HirKind::Repetition(rep) => Hir::repetition(regex_syntax::hir::Repetition {
            sub: Box::new(ascii_word_boundaries(*rep.sub)),
            ..rep
        }),
        HirKind::Capture(cap) => Hir::capture(regex_syntax::hir::Capture {
            sub: Box::new(ascii_word_boundaries(*cap.sub)),
            ..cap
        }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(ascii_word_boundaries).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(ascii_word_boundaries).collect())
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
    }
}
