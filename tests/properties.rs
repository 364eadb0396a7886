//! Property tests: whatever the input, copydesk does not panic, its spans are sound, and its
//! fixes converge and leave quotations alone.

use copydesk::article::{Article, Format};
use copydesk::engine::check_all;
use copydesk::fix;
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
        "[a-zA-Z]{1,8}",
        "[ .,!?]",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
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

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = copydesk::input::decode(bytes);
    }

    #[test]
    fn fixes_converge_and_never_touch_quotations(text in draft()) {
        let mut article = Article::parse("p.txt", text.clone(), Format::Plain);
        let quotes_before: Vec<String> = article.quotes.iter().map(|q| article.text(q.span).to_owned()).collect();
        let mut rounds = 0;
        loop {
            let articles = [article.clone()];
            let edits = fix::safe_edits(&article, 0, &check_all(&RULES, &articles));
            if edits.is_empty() {
                break;
            }
            rounds += 1;
            prop_assert!(rounds <= 6, "fixes do not converge on {text:?}");
            article = Article::parse("p.txt", fix::apply(&article.source, &edits), Format::Plain);
        }
        let quotes_after: Vec<String> = article.quotes.iter().map(|q| article.text(q.span).to_owned()).collect();
        // Fixes may change quotation marks' style, never the words inside.
        let words = |quotes: &[String]| -> Vec<String> {
            quotes.iter().map(|q| q.trim_matches(|c| matches!(c, '"' | '“' | '”')).to_owned()).collect()
        };
        prop_assert_eq!(words(&quotes_before), words(&quotes_after));
    }
}
