//! The line format every data file of a pack shares — word lists, spelling pairs, classifier
//! weights — checked when the pack loads, so that no entry is kept in a form that can never
//! match:
//!
//! - a line ends in `\n` or `\r\n`, and is blank (empty, or nothing but whitespace), a comment
//!   (`#` its first character), or an entry;
//! - a `#` anywhere else is an error: a comment after an entry would become part of it;
//! - an entry has exactly the file's columns, separated by one tab each;
//! - no field is empty or starts or ends with whitespace;
//! - a [`Field::Word`] holds no whitespace at all; a [`Field::Phrase`] holds words separated by
//!   single spaces (`pair:can you`, a multi-word spelling).
//!
//! An error says which line and column break the format and how, never what the line says:
//! the file a pack names need not be the pack author's.

use std::ops::Range;

/// What one column of a data file may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// One word: no whitespace.
    Word,
    /// Words separated by single spaces.
    Phrase,
}

/// A column: what a message calls it, and what it may hold.
pub type Column = (&'static str, Field);

/// One entry: its line (1-based) and where each field is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<const N: usize> {
    pub line: usize,
    pub fields: [Range<usize>; N],
}

/// A line that breaks the format: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based.
    pub line: usize,
    /// What is wrong, with the column (1-based, in characters) where that applies.
    pub problem: String,
}

/// The entries of `text`, each split into `columns`, in order; a line that breaks the format is
/// an error in its place.
pub fn entries<const N: usize>(
    text: &str,
    columns: [Column; N],
) -> impl Iterator<Item = Result<Entry<N>, LineError>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n')
        .enumerate()
        .filter_map(move |(index, raw)| {
            let line_start = start;
            start += raw.len();
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            entry(line, line_start, index + 1, &columns).transpose()
        })
}

/// The entry on `line` (which starts at byte `start` of the file), or nothing for a blank or
/// comment line.
fn entry<const N: usize>(
    line: &str,
    start: usize,
    number: usize,
    columns: &[Column; N],
) -> Result<Option<Entry<N>>, LineError> {
    match plain_entry(line, start, columns) {
        Some(fields) => Ok(Some(Entry {
            line: number,
            fields,
        })),
        None => checked_entry(line, start, number, columns),
    }
}

/// [`entry`], character by character, saying what is wrong with a line that breaks the rules.
fn checked_entry<const N: usize>(
    line: &str,
    start: usize,
    number: usize,
    columns: &[Column; N],
) -> Result<Option<Entry<N>>, LineError> {
    if line.starts_with('#') || line.chars().all(char::is_whitespace) {
        return Ok(None);
    }
    let error = |problem: String| LineError {
        line: number,
        problem,
    };
    let column = |at: usize| line[..at].chars().count() + 1;
    if let Some(at) = line.find('#') {
        return Err(error(format!(
            "a `#` at column {} (a comment takes a line of its own)",
            column(at)
        )));
    }
    let found = line.split('\t').count();
    if found != N {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        return Err(error(format!(
            "{found} tab-separated field{}, not {N}",
            plural(found)
        )));
    }
    let mut fields = std::array::from_fn(|_| 0..0);
    let mut at = 0;
    for ((field, (name, kind)), range) in line.split('\t').zip(columns).zip(&mut fields) {
        if field.is_empty() {
            return Err(error(format!(
                "the {name} is empty (column {})",
                column(at)
            )));
        }
        if let Err((offset, problem)) = field_problem(field, *kind) {
            return Err(error(format!(
                "{problem} the {name} (column {})",
                column(at + offset)
            )));
        }
        *range = start + at..start + at + field.len();
        at += field.len() + 1;
    }
    Ok(Some(Entry {
        line: number,
        fields,
    }))
}

/// The fields of `line` (which starts at byte `start`) if it is an entry of plain ASCII that
/// keeps every rule, decided in one pass over its bytes: the common case, which a word list of
/// 65,000 lines needs to be cheap. `None` leaves the line to [`entry`], which says what it is.
fn plain_entry<const N: usize>(
    line: &str,
    start: usize,
    columns: &[Column; N],
) -> Option<[Range<usize>; N]> {
    let mut fields = std::array::from_fn(|_| 0..0);
    let (mut index, mut field_start) = (0, 0);
    // A field may not start or end with a space, so what comes before one counts.
    let mut previous = b'\t';
    for (at, &byte) in line.as_bytes().iter().enumerate() {
        match byte {
            b'\t' => {
                if matches!(previous, b'\t' | b' ') || index + 1 >= N {
                    return None;
                }
                fields[index] = start + field_start..start + at;
                index += 1;
                field_start = at + 1;
            }
            b' ' if matches!(previous, b'\t' | b' ') || columns[index].1 == Field::Word => {
                return None;
            }
            // A comment, the other ASCII whitespace, and anything not ASCII.
            b'#' | b'\n' | 0x0B | 0x0C | b'\r' | 0x80.. => return None,
            _ => {}
        }
        previous = byte;
    }
    if matches!(previous, b'\t' | b' ') || index + 1 != N {
        return None;
    }
    fields[index] = start + field_start..start + line.len();
    Some(fields)
}

/// Where in `field` (not empty) it breaks the rules of its `kind`, and how.
fn field_problem(field: &str, kind: Field) -> Result<(), (usize, &'static str)> {
    let mut previous_space = false;
    for (at, c) in field.char_indices() {
        if !c.is_whitespace() {
            previous_space = false;
            continue;
        }
        let problem = if at == 0 {
            "whitespace at the start of"
        } else if at + c.len_utf8() == field.len() {
            "whitespace at the end of"
        } else if kind == Field::Word {
            "whitespace inside"
        } else if c != ' ' {
            "whitespace other than a space inside"
        } else if previous_space {
            "two spaces in a row inside"
        } else {
            previous_space = true;
            continue;
        };
        return Err((at, problem));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIRS: [Column; 2] = [("US form", Field::Phrase), ("UK form", Field::Phrase)];
    const WORDS: [Column; 1] = [("word", Field::Word)];

    fn problems<const N: usize>(text: &str, columns: [Column; N]) -> Vec<(usize, String)> {
        entries(text, columns)
            .filter_map(Result::err)
            .map(|e| (e.line, e.problem))
            .collect()
    }

    #[test]
    fn comments_blank_lines_and_crlf_are_not_entries() {
        let text = "# pairs\r\n\r\ncolor\tcolour\r\n   \nhigh school\thigh school-ise\n";
        let found: Vec<_> = entries(text, PAIRS)
            .map(|e| e.map(|e| (e.line, e.fields.map(|r| &text[r]))))
            .collect();
        assert_eq!(
            found,
            [
                Ok((3, ["color", "colour"])),
                Ok((5, ["high school", "high school-ise"]))
            ]
        );
    }

    #[test]
    fn a_comment_after_an_entry_is_located_not_kept() {
        assert_eq!(
            problems("color\tcolour\nharbor\tharbour # old\n", PAIRS),
            [(
                2,
                "a `#` at column 16 (a comment takes a line of its own)".to_owned()
            )]
        );
        // Only the first column of a line starts a comment.
        assert_eq!(problems("  # indented\n", WORDS)[0].0, 1);
    }

    #[test]
    fn every_misplaced_whitespace_is_located_by_column() {
        let cases = [
            (
                "color\t colour",
                "whitespace at the start of the UK form (column 7)",
            ),
            (
                "color \tcolour",
                "whitespace at the end of the US form (column 6)",
            ),
            (
                "color\tcolour ",
                "whitespace at the end of the UK form (column 13)",
            ),
            ("\tcolour", "the US form is empty (column 1)"),
            (
                "high  school\tx",
                "two spaces in a row inside the US form (column 6)",
            ),
            (
                "high\u{a0}school\tx",
                "whitespace other than a space inside the US form (column 5)",
            ),
            ("color\tcolour\textra", "3 tab-separated fields, not 2"),
            ("color", "1 tab-separated field, not 2"),
        ];
        for (line, problem) in cases {
            assert_eq!(problems(line, PAIRS), [(1, problem.to_owned())], "{line:?}");
        }
        assert_eq!(
            problems("arrest\nla ter\nsoon\tafter\n", WORDS),
            [
                (2, "whitespace inside the word (column 3)".to_owned()),
                (3, "2 tab-separated fields, not 1".to_owned())
            ]
        );
    }

    #[test]
    fn plain_ascii_entries_take_the_fast_path() {
        assert!(plain_entry("color\tcolour", 0, &PAIRS).is_some());
        assert!(plain_entry("high school\thigh school", 0, &PAIRS).is_some());
        assert!(plain_entry("arrest", 0, &WORDS).is_some());
    }

    proptest::proptest! {
        /// The byte-wise fast path takes only lines the careful path takes, with the same fields.
        #[test]
        fn the_fast_path_agrees_with_the_careful_one(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "Zé", " ", "  ", "\t", "#", "\r", "\u{a0}", "\u{1}"]),
                0..8,
            ),
        ) {
            let line = pieces.concat();
            let careful = checked_entry(&line, 7, 1, &PAIRS);
            if let Some(fields) = plain_entry(&line, 7, &PAIRS) {
                proptest::prop_assert_eq!(careful, Ok(Some(Entry { line: 1, fields })));
            }
            let careful = checked_entry(&line, 7, 1, &WORDS);
            if let Some(fields) = plain_entry(&line, 7, &WORDS) {
                proptest::prop_assert_eq!(careful, Ok(Some(Entry { line: 1, fields })));
            }
        }
    }

    #[test]
    fn offsets_point_into_the_whole_text() {
        let text = "# x\nα\tβ γ\n";
        let entry = entries(text, PAIRS).next().and_then(Result::ok);
        let fields = entry.map(|e| e.fields.map(|r| &text[r]));
        assert_eq!(fields, Some(["α", "β γ"]));
    }
}
