//! One line registers a kind: a throwaway kind, written as a kind file would be, joins a
//! registry through `kind_registry!` and its rules load from a pack and fire.

use copydesk::article::{Article, Format};
use copydesk::engine::check_all;
use copydesk::rules::pack::{self, PackInput};
use copydesk::rules::style::HouseStyle;

/// What a kind's own file holds: its rule table, `KIND`, `compile` and the check.
mod shout {
    use copydesk::diagnostic::Diagnostic;
    use copydesk::rules::kinds::{KindInfo, PROSE};
    use copydesk::rules::matcher::LiteralOptions;
    use copydesk::rules::pack::Compiler;
    use copydesk::rules::{Check, Context};

    copydesk::rule_spec! {
        pub struct Spec {
            pub word: String,
        }
    }

    pub const KIND: KindInfo = KindInfo {
        name: "shout",
        default_scope: PROSE,
        placeholders: &["match"],
        rust_file: "//! # shout\n",
    };

    pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
        let options = LiteralOptions::whole_words(false);
        compiler
            .matcher
            .add_literal(compiler.rule, 0, &spec.word, options);
        Some(Box::new(Shout))
    }

    struct Shout;

    impl Check for Shout {
        fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
            for hit in cx.hits {
                out.push(cx.diagnostic(hit.span, "here", &[("match", cx.text(hit.span))]));
            }
        }
    }
}

mod registry {
    use super::shout;
    use copydesk::rules::kinds::existence;

    // The one line that registers `shout`, beside a built-in kind.
    copydesk::kind_registry! {
        existence => Existence,
        shout => Shout,
    }
}

#[test]
fn one_line_in_the_registry_makes_a_kind_usable_in_packs() {
    assert!(registry::KINDS.iter().any(|k| k.name == "shout"));
    let toml = r#"
[pack]
name = "throwaway"

[[shout]]
id = "test.shout"
message = "`{match}` shouted"
rationale = "A test of the registry."
must-fire = ["STOP the presses"]
must-not-fire = ["Go on"]
word = "stop"
"#;
    let input = PackInput::Text {
        name: "throwaway.toml".to_owned(),
        text: toml.to_owned(),
    };
    let rules = pack::load_registered::<registry::AnySpec>(&[input], &HouseStyle::default())
        .unwrap_or_else(|e| panic!("{}", e.to_plain_text()));
    assert_eq!(rules.rules[0].meta.kind, "shout");
    let articles = [Article::parse(
        "a.txt",
        "Headline\n\nSTOP the presses.\n",
        Format::Plain,
    )];
    let found = check_all(&rules, &articles);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message, "`STOP` shouted");
}
