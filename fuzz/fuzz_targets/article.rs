//! Arbitrary bytes through the decoder, every article reader and the whole built-in pack:
//! nothing may panic, and every reported span must lie on character boundaries of its text.
#![no_main]

use copydesk::article::{Article, Format};
use copydesk::engine::check_all;
use copydesk::rules::RuleSet;
use copydesk::rules::pack::{PackInput, load};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| match load(&PackInput::defaults()) {
    Ok(rules) => rules,
    Err(errors) => panic!("the built-in pack does not load: {:?}", errors.errors),
});

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = copydesk::input::decode(data.to_vec()) else {
        return;
    };
    for format in [Format::Plain, Format::Markdown, Format::Html] {
        let article = Article::parse("fuzz", text.clone(), format);
        for block in &article.blocks {
            assert!(
                text.is_char_boundary(block.span.start) && text.is_char_boundary(block.span.end)
            );
        }
        let articles = [article];
        for diagnostic in check_all(&RULES, &articles) {
            let span = diagnostic.primary.span;
            assert!(
                span.start <= span.end
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end)
            );
        }
    }
});
