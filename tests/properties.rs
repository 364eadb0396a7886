//! Property tests: whatever the input, copydesk does not panic, its spans are sound, and its
//! fixes converge and leave quotations alone.

use copydesk::article::{Article, Format};
use copydesk::engine::check_all;
use copydesk::fix;
use copydesk::pipeline::{ConfigChoice, DraftOrigin, Options, Session};
use copydesk::rules::RuleSet;
use copydesk::rules::pack::{PackInput, load};
use proptest::prelude::*;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| match load(&PackInput::defaults()) {
    Ok(rules) => rules,
    Err(errors) => panic!("the built-in pack does not load: {:?}", errors.errors),
});

const FORMATS: [Format; 3] = [Format::Plain, Format::Markdown, Format::Html];

/// Text built from news-like pieces, so properties reach quotations, fixes and variants
/// often, not only random noise.
fn draft() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the the".to_owned()),
        Just("neighbourhood".to_owned()),
        Just("neighborhood".to_owned()),
        Just("e-mail".to_owned()),
        Just("email".to_owned()),
        Just("Kata’ib".to_owned()),
        Just("Kataib".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("free reign".to_owned()),
        Just("report.The".to_owned()),
        Just("arrestLater".to_owned()),
        Just(", officials said.".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("# ".to_owned()),
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("ALSO READ| ".to_owned()),
        Just("&ldquo;".to_owned()),
        Just("&rdquo;".to_owned()),
        Just("&#8220;".to_owned()),
        Just("&quot;".to_owned()),
        Just("<q>".to_owned()),
        Just("</q>".to_owned()),
        "[a-zA-Z]{1,8}",
        "[ .,!?]",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// What a file might hold: any bytes, text, or either after a byte-order mark.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let bytes = prop::collection::vec(any::<u8>(), 0..512);
    let text = any::<String>().prop_map(String::into_bytes);
    let mark = prop::sample::select(vec![
        &[0xEF, 0xBB, 0xBF][..],
        &[0xFF, 0xFE][..],
        &[0xFE, 0xFF][..],
    ]);
    prop_oneof![
        bytes.clone(),
        text.clone(),
        (mark, prop_oneof![bytes, text]).prop_map(|(mark, rest)| [mark, &rest[..]].concat()),
    ]
}

fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_parses_and_checks_with_sound_spans(text in prop_oneof![any::<String>(), draft()]) {
        for format in FORMATS {
            let article = Article::parse("p", text.clone(), format);
            for block in &article.blocks {
                prop_assert!(on_boundaries(&text, block.span.start, block.span.end));
            }
            for quote in &article.quotes {
                prop_assert!(on_boundaries(&text, quote.span.start, quote.span.end));
            }
            let articles = [article];
            for d in check_all(&RULES, &articles) {
                prop_assert!(on_boundaries(&text, d.primary.span.start, d.primary.span.end), "{}", d.rule);
                for edit in d.fix.iter().flat_map(|f| &f.edits) {
                    prop_assert!(on_boundaries(&text, edit.span.start, edit.span.end), "{}", d.rule);
                }
            }
        }
    }

    /// Whatever the bytes, decoding is lossless or says why not: text written back in its
    /// encoding is the same bytes, and a refusal names the reason the bytes give.
    #[test]
    fn any_bytes_decode_losslessly_or_say_why_not(bytes in file_bytes()) {
        use copydesk::input::{decode, encode};
        match decode(bytes.clone()) {
            Ok((text, encoding)) => prop_assert_eq!(encode(&text, encoding), bytes),
            Err(reason) if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) => {
                prop_assert!(reason.starts_with("not valid UTF-16"), "{reason}");
            }
            Err(reason) if bytes.contains(&0) => prop_assert!(reason.starts_with("not text"), "{reason}"),
            Err(reason) => {
                let at = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to());
                prop_assert!(at.is_some(), "valid UTF-8 refused: {reason}");
                let said = format!("invalid byte sequence at byte offset {}", at.unwrap_or_default());
                prop_assert!(reason.contains(&said), "{reason}");
            }
        }
    }

}

proptest! {
    // Each case loads the built-in pack through the pipeline, as a front end does: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn fixes_converge_and_never_touch_quotations(text in draft()) {
        for name in ["p.txt", "p.md", "p.html"] {
            let (session, plan) = Session::prepare(
                Options { config: ConfigChoice::Isolated, ..Options::default() },
                vec![DraftOrigin::Text { name: name.to_owned(), text: text.clone(), format: None }],
            ).expect("rules load");
            let mut checked = session.check(&plan.planned, None);
            let before = checked.articles[0].clone();
            // No safe edit touches a quotation, but for swapping its marks.
            for edit in fix::safe_edits(&before, 0, &checked.diagnostics) {
                let text_of = before.text(edit.span);
                let mark = ["\"", "“", "”"].contains(&text_of);
                prop_assert!(mark || !before.in_quote(edit.span), "{name}: {edit:?} in {text:?}");
            }
            let fixed = session.fix(&mut checked);
            prop_assert!(fixed.len() <= 1);
            let after = &checked.articles[0];
            // Fixes may change quotation marks' style, never the words inside.
            let words = |article: &Article| -> Vec<String> {
                article.quotes.iter().map(|q| {
                    article.text(q.span).trim_matches(|c| matches!(c, '"' | '“' | '”')).to_owned()
                }).collect()
            };
            prop_assert_eq!(words(&before), words(after), "{}", name);
            // Converged: checking the fixed text again leaves nothing safe to fix.
            prop_assert!(fix::safe_edits(after, 0, &checked.diagnostics).is_empty(), "{name}: {text:?}");
        }
    }

    #[test]
    fn corpus_findings_do_not_depend_on_file_names_or_order(
        pieces in prop::collection::vec(prop::sample::select(CORPUS_PIECES.to_vec()), 2..7),
        names in prop::collection::vec("[a-z]{1,6}", 7),
        seed in any::<u64>(),
    ) {
        let run = |order: &[usize], names: &[String]| -> Vec<(usize, usize, String, String)> {
            let inputs = order.iter().map(|&i| DraftOrigin::Text {
                name: format!("{}-{i}.txt", names[i]),
                text: format!("Headline\n\n{}\n", pieces[i]),
                format: None,
            }).collect();
            let options = Options { config: ConfigChoice::Isolated, corpus: true, ..Options::default() };
            let (session, plan) = Session::prepare(options, inputs).expect("rules load");
            let checked = session.check(&plan.planned, None);
            let mut found: Vec<_> = checked.diagnostics.iter().map(|d| {
                (order[d.primary.article], d.primary.span.start, d.rule.clone(), format!("{} {}", d.severity, d.message))
            }).collect();
            found.sort();
            found
        };
        let forward: Vec<usize> = (0..pieces.len()).collect();
        let mut shuffled = forward.clone();
        // A seeded Fisher–Yates shuffle.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut renamed = names.clone();
        renamed.reverse();
        prop_assert_eq!(run(&forward, &names), run(&shuffled, &renamed));
    }
}

/// Sentences that use the forms of consistency groups and spelling systems in different
/// measures, for the corpus-order property.
const CORPUS_PIECES: [&str; 8] = [
    "The neighborhood council met in the neighborhood hall.",
    "Residents of the neighbourhood said the centre would close.",
    "The Kataib Hezbollah militia denied it.",
    "Kata’ib Hezbollah said the email was fake.",
    "Officials sent an e-mail about the center.",
    "The colour of the flag and the color of the sky.",
    "Mayor Ana Whitfield spoke. Whitfield said the plan works.",
    "Whitfeild, the mayor, said the neighbourhood was calm.",
];

/// Pieces of literals and texts for the matcher property: letters in both cases, a digit, an
/// accent, and every separator the word table treats specially.
fn matcher_piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a", "B", "ab", "Ab", "é", "1", " ", "  ", "-", "'", "’", ".", "“", "\n",
    ])
    .prop_map(str::to_owned)
}

/// Where a literal matches `text` by definition: every occurrence with ASCII case folded,
/// overlapping, that no letter or digit continues on either side where the literal itself
/// starts or ends with one.
fn literal_matches(text: &str, literal: &str) -> Vec<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    (0..text.len())
        .filter(|&start| text.is_char_boundary(start))
        .filter_map(|start| {
            let end = start + literal.len();
            let candidate = text.get(start..end)?;
            let starts_glued =
                word(literal.chars().next()) && word(text[..start].chars().next_back());
            let ends_glued = word(literal.chars().next_back()) && word(text[end..].chars().next());
            (candidate.eq_ignore_ascii_case(literal) && !starts_glued && !ends_glued)
                .then_some((start, end))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The combined matcher (a word table for literals that start with a word, an automaton
    /// for the others, or the automaton alone for a small set) finds exactly what each
    /// literal finds on its own.
    #[test]
    fn combined_literal_matching_agrees_with_the_definition(
        literals in prop::collection::vec(prop::collection::vec(matcher_piece(), 1..4), 1..6),
        text in prop::collection::vec(matcher_piece(), 0..40),
    ) {
        use copydesk::rules::matcher::{LiteralOptions, MatcherBuilder};
        let literals: Vec<String> = literals.into_iter().map(|parts| parts.concat()).collect();
        let text = text.concat();
        let mut builder = MatcherBuilder::default();
        for (rule, literal) in literals.iter().enumerate() {
            builder.add_literal(rule, 0, literal, LiteralOptions::whole_words(false));
        }
        // Small sets go to the automaton alone; filler literals, which never match these
        // texts, make the set large enough for the word table too.
        let mut padded = MatcherBuilder::default();
        for (rule, literal) in literals.iter().enumerate() {
            padded.add_literal(rule, 0, literal, LiteralOptions::whole_words(false));
        }
        for n in 0..100 {
            padded.add_literal(usize::MAX, 0, &format!("zzfiller{n}"), LiteralOptions::whole_words(false));
        }
        let mut runs = Vec::new();
        for matcher in [builder.build(), padded.build()] {
            let matcher = matcher.map_err(TestCaseError::fail)?;
            let mut found: Vec<(usize, usize, usize)> = matcher
                .scan(&text)
                .into_iter()
                .filter(|(rule, _)| *rule != usize::MAX)
                .map(|(rule, hit)| (rule, hit.span.start, hit.span.end))
                .collect();
            found.sort_unstable();
            runs.push(found);
        }
        let mut expected: Vec<(usize, usize, usize)> = literals
            .iter()
            .enumerate()
            .flat_map(|(rule, literal)| {
                literal_matches(&text, literal).into_iter().map(move |(s, e)| (rule, s, e))
            })
            .collect();
        expected.sort_unstable();
        for found in runs {
            prop_assert_eq!(&found, &expected, "literals {:?} in {:?}", literals, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever ranges an editor sends (past line ends, past the last line, inside a
    /// surrogate pair, reversed), applying them never panics, keeps the text valid, and
    /// converting any position of the result back and forth lands on a character boundary.
    #[test]
    fn editor_changes_at_any_position_never_break_a_document(
        text in draft(),
        changes in prop::collection::vec((0u32..8, 0u32..60, 0u32..8, 0u32..60, "[a-z😀’\n ]{0,6}"), 1..8),
    ) {
        use copydesk::lsp::convert::Lines;
        use copydesk::lsp::documents::Document;
        use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};
        use std::str::FromStr;
        let mut doc = Document {
            uri: Uri::from_str("file:///tmp/p.md").map_err(|e| TestCaseError::fail(e.to_string()))?,
            path: None,
            name: "p.md".into(),
            text,
            version: 0,
            due: None,
            checked: None,
            config: None,
        };
        for (version, (l1, c1, l2, c2, insert)) in changes.into_iter().enumerate() {
            let range = Range::new(Position::new(l1, c1), Position::new(l2, c2));
            let change = TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: insert };
            doc.apply(vec![change], version as i32);
            let lines = Lines::new(&doc.text);
            for offset in 0..=doc.text.len() {
                let back = lines.offset(lines.position(offset));
                prop_assert!(doc.text.is_char_boundary(back));
                prop_assert!(back <= offset);
            }
        }
    }
}

proptest! {
    // Each case checks and fixes records through the pipeline: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any line of an export is a record or a located problem, never a panic; any record's
    /// fields are checked with sound spans, fixed inside their fields, and written back as
    /// JSON that keeps every other field.
    #[test]
    fn records_read_check_and_fix_back_into_their_fields(
        headline in draft(),
        dek in prop::option::of(draft()),
        body in draft(),
        format in prop::sample::select(vec!["txt", "md", "html"]),
        noise in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        use copydesk::config::RecordFields;
        use copydesk::pipeline::{Record, RecordLine, RecordReader};
        use serde_json::{Value, json};
        let mut line = json!({"id": "r", "headline": headline, "body": body, "format": format, "keep": [1, "x"]});
        if let Some(dek) = &dek {
            line["dek"] = json!(dek);
        }
        let mut export = format!("{line}\n").into_bytes();
        export.extend_from_slice(&noise);
        let lines: Vec<RecordLine> = RecordReader::new(&export[..], "e.jsonl", RecordFields::default()).collect();
        let RecordLine::Record(record) = &lines[0] else {
            return Err(TestCaseError::fail(format!("the first line is a record: {lines:?}")));
        };
        let record: &Record = record;
        let (session, _) = Session::prepare(
            Options { config: ConfigChoice::Isolated, ..Options::default() },
            Vec::new(),
        ).expect("rules load");
        let mut checked = session.check(&[session.plan(DraftOrigin::Record(Box::new(record.clone())))], None);
        let article = &checked.articles[0];
        let layout = article.layout.expect("a record's layout");
        for d in &checked.diagnostics {
            prop_assert!(on_boundaries(&article.contents, d.primary.span.start, d.primary.span.end), "{}", d.rule);
        }
        for edit in fix::safe_edits(article, 0, &checked.diagnostics) {
            prop_assert!(layout.holds(edit.span), "{edit:?}");
        }
        session.fix(&mut checked);
        let parts = checked.articles[0].parts().expect("a record's parts");
        let written: Value = serde_json::from_str(&record.with_parts(&parts)).expect("JSON");
        prop_assert_eq!(&written["keep"], &json!([1, "x"]));
        prop_assert_eq!(written["body"].as_str(), Some(parts.body.as_str()));
        prop_assert_eq!(written["headline"].as_str(), parts.headline.as_deref());
        prop_assert_eq!(written.get("dek").is_some(), dek.is_some());
    }
}
