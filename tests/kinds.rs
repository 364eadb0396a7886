//! Per-kind fixtures: for every rule kind, texts that must fire and texts that must stay quiet,
//! and a snapshot of what a firing case prints.

mod common;

use common::{check_text, fired, load_pack};
use copydesk::engine::check_all;
use copydesk::rules::RuleSet;

fn pack(rules: &str) -> RuleSet {
    let toml = format!("[pack]\nname = \"fixture\"\n\n{rules}");
    load_pack(&toml, &[]).unwrap_or_else(|e| panic!("{:?}", e.errors))
}

const EXAMPLES: &str = "must-fire = [\"x\"]\nmust-not-fire = [\"y\"]\nrationale = \"test\"";

#[test]
fn existence_words_patterns_case_and_exceptions() {
    let rules = pack(&format!(
        r#"[[existence]]
id = "t.banned"
message = "avoid `{{match}}`"
words = ["slammed", "TK"]
patterns = ['\bbrutal(ly)?\b']
exceptions = ["slammed the door"]
{EXAMPLES}
"#
    ));
    let text = "Mayor slammed over budget\n\nCritics slammed the plan. He slammed the door. It was Brutally cold. Slammed-dunk.\n";
    assert_eq!(
        fired(&rules, "a.txt", text),
        ["t.banned", "t.banned", "t.banned", "t.banned"]
    );
    insta::assert_snapshot!("existence", check_text(&rules, "a.txt", text));
    // Whole words only: no match inside a longer word.
    assert!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nThe unslammed door stayed shut.\n"
        )
        .is_empty()
    );
}

#[test]
fn existence_case_sensitive() {
    let rules = pack(&format!(
        "[[existence]]\nid = \"t.tk\"\nmessage = \"m {{match}}\"\nwords = [\"TK\"]\ncase-sensitive = true\n{EXAMPLES}\n"
    ));
    assert_eq!(fired(&rules, "a.txt", "Title\n\nBorn in TK.\n"), ["t.tk"]);
    assert!(fired(&rules, "a.txt", "Title\n\nThe tk sound.\n").is_empty());
}

#[test]
fn quotations_are_verbatim_unless_a_rule_opts_in() {
    let rule = |in_quotes: bool| {
        pack(&format!(
            "[[existence]]\nid = \"t.q\"\nmessage = \"m\"\nwords = [\"slammed\"]\nin-quotes = {in_quotes}\n{EXAMPLES}\n"
        ))
    };
    let text = "Title\n\nShe said the board “slammed the plan.”\n";
    assert!(fired(&rule(false), "a.txt", text).is_empty());
    assert_eq!(fired(&rule(true), "a.txt", text), ["t.q"]);
}

#[test]
fn scope_limits_the_blocks_a_rule_reads() {
    let rules = pack(&format!(
        "[[existence]]\nid = \"t.s\"\nmessage = \"m\"\nwords = [\"slams\"]\nscope = [\"headline\"]\n{EXAMPLES}\n"
    ));
    assert_eq!(
        fired(
            &rules,
            "a.txt",
            "Mayor slams plan\n\nThe mayor slams the plan.\n"
        ),
        ["t.s"]
    );
}

#[test]
fn markdown_link_targets_are_not_read() {
    let rules = pack(&format!(
        "[[existence]]\nid = \"t.m\"\nmessage = \"m\"\nwords = [\"color\"]\n{EXAMPLES}\n"
    ));
    let text = "# Title\n\nSee [the map](https://example.com/color) and the color key.\n";
    assert_eq!(fired(&rules, "a.md", text).len(), 1);
}

#[test]
fn preferred_term_keeps_case_and_offers_a_safe_fix() {
    let rules = pack(&format!(
        r#"[[preferred-term]]
id = "t.email"
message = "write `{{preferred}}`, not `{{match}}`"
replace = [["e-mail", "email"], ["web site", "website"]]
{EXAMPLES}
"#
    ));
    let text =
        "E-mail scam spreads\n\nThe web site asked for an E-MAIL address and an e-mail password.\n";
    let output = check_text(&rules, "a.txt", text);
    insta::assert_snapshot!("preferred_term", output);
    assert!(output.contains("replace `E-MAIL` with `EMAIL`"));
    assert!(fired(&rules, "a.txt", "Title\n\nSend an email via the website.\n").is_empty());
}

#[test]
fn preferred_term_that_changes_case_alone() {
    let rules = pack(&format!(
        r#"[[preferred-term]]
id = "t.board"
message = "write `{{preferred}}`"
replace = [["harbour board", "Harbour Board"]]
{EXAMPLES}

[[preferred-term]]
id = "t.net"
message = "write `{{preferred}}`"
replace = [["Net", "net"]]
{EXAMPLES}
"#
    ));
    let replacements = |text: &str| -> Vec<String> {
        common::check_articles(&rules, "a.txt", text)
            .into_iter()
            .filter_map(|d| {
                let edit = d.fix?.edits.into_iter().next()?;
                Some(format!(
                    "{} → {}",
                    &text[edit.span.range()],
                    edit.replacement
                ))
            })
            .collect()
    };
    let text = "Ferry fees rise\n\nThe harbour board met. The Harbour board said fees on the Net would rise. Net sales fell. THE HARBOUR BOARD IS CLOSED, a sign said.\n";
    assert_eq!(
        replacements(text),
        [
            "harbour board → Harbour Board",
            "Harbour board → Harbour Board",
            "Net → net"
        ],
        "a sentence's first capital and text in capitals are the text's own"
    );
    assert!(
        replacements("Title\n\nThe Harbour Board sells tickets on the net.\n").is_empty(),
        "written as preferred"
    );
    assert_eq!(
        replacements("Shops move to the Net\n\nText.\n"),
        ["Net → net"],
        "a heading in sentence case"
    );
    assert!(
        replacements("Shops Move Sales to the Net\n\nText.\n").is_empty(),
        "a heading in title case capitalises every word"
    );

    let errors = common::pack_errors(
        "[pack]\nname = \"p\"\n\n[[preferred-term]]\nid = \"p.same\"\nmessage = \"m\"\nreplace = [[\"quay\", \"quay\"]]\nmust-fire = [\"x\"]\nmust-not-fire = [\"y\"]\nrationale = \"r\"\n",
    );
    assert!(
        errors.contains("replaces `quay` with `quay`, the same text") && errors.contains(":5:"),
        "{errors}"
    );
}

#[test]
fn consistency_first_preferred_and_majority() {
    let first = pack(&format!(
        "[[consistency]]\nid = \"t.c\"\nmessage = \"`{{match}}` vs `{{preferred}}`\"\nvariants = [\"Kataib\", \"Kata’ib\"]\n{EXAMPLES}\n"
    ));
    let text = "Title\n\nKata’ib Hezbollah spoke. Kataib Hezbollah denied it. Kataib again.\n";
    let output = check_text(&first, "a.txt", text);
    insta::assert_snapshot!("consistency", output);
    assert_eq!(
        fired(&first, "a.txt", text).len(),
        2,
        "first-used Kata’ib wins"
    );
    assert!(
        fired(
            &first,
            "a.txt",
            "Title\n\nKataib spoke. Kataib denied it.\n"
        )
        .is_empty()
    );

    let majority = pack(&format!(
        "[[consistency]]\nid = \"t.c\"\nmessage = \"m\"\nvariants = [\"Kataib\", \"Kata’ib\"]\npolicy = \"majority\"\n{EXAMPLES}\n"
    ));
    assert_eq!(
        fired(&majority, "a.txt", text).len(),
        1,
        "the two Kataib win"
    );

    let preferred = pack(&format!(
        "[[consistency]]\nid = \"t.c\"\nmessage = \"m\"\nvariants = [\"Kataib\", \"Kata’ib\"]\npreferred = \"Kata’ib\"\n{EXAMPLES}\n"
    ));
    assert_eq!(
        fired(&preferred, "a.txt", text).len(),
        2,
        "both Kataib lose to the house form"
    );
}

#[test]
fn consistency_case_sensitive_us() {
    let rules = pack(&format!(
        "[[consistency]]\nid = \"t.us\"\nmessage = \"m\"\nvariants = [\"U.S.\", \"US\"]\ncase-sensitive = true\n{EXAMPLES}\n"
    ));
    assert_eq!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nU.S. troops left. US troops returned.\n"
        ),
        ["t.us"]
    );
    assert!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nU.S. troops told us to leave the USA.\n"
        )
        .is_empty()
    );
}

#[test]
fn spelling_system_flags_the_minority_system() {
    let data =
        "# test pairs\ncolor\tcolour\norganized\torganised\ncenter\tcentre\namong\tamongst\n";
    let spec = |extra: &str| {
        let toml = format!(
            "[pack]\nname = \"fixture\"\n\n[[spelling-system]]\nid = \"t.sp\"\nmessage = \"`{{match}}` is not {{system}}\"\nhelp = \"write `{{preferred}}`\"\ndata = \"pairs.tsv\"\n{extra}\n{EXAMPLES}\n"
        );
        load_pack(&toml, &[("pairs.tsv", data)]).unwrap_or_else(|e| panic!("{:?}", e.errors))
    };
    let british = "Title\n\nThe colour of the centre was organized by the council.\n";
    let rules = spec("");
    insta::assert_snapshot!("spelling_system", check_text(&rules, "a.txt", british));
    assert_eq!(fired(&rules, "a.txt", british), ["t.sp"]);
    // Capitalised words are usually names; quotes are verbatim.
    assert!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nThe colour of the World Health Organized group.\n"
        )
        .is_empty()
    );
    assert!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nThe colour, she said, was “organized chaos.”\n"
        )
        .is_empty()
    );
    // A house system flips which side is flagged.
    let house_us = spec("prefer = \"us\"");
    assert_eq!(fired(&house_us, "a.txt", british).len(), 2);
    // Ignored words drop their pair.
    let ignoring = spec("ignore = [\"organized\"]");
    assert!(fired(&ignoring, "a.txt", british).is_empty());
}

#[test]
fn repetition_flags_doubled_words_only() {
    let rules = pack(&format!(
        "[[repetition]]\nid = \"t.rep\"\nmessage = \"`{{match}}` twice\"\nallow = [\"had\"]\n{EXAMPLES}\n"
    ));
    let text = "Title\n\nThe the mayor said it\nit was done. He had had enough. Duran Duran played. It won 6-4 6-4.\n";
    insta::assert_snapshot!("repetition", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text).len(), 2);
    assert!(fired(&rules, "a.txt", "Title\n\nIt was it. The end, the end.\n").is_empty());
}

#[test]
fn repetition_reads_across_links_and_inside_quotations() {
    let rules = pack(&format!(
        "[[repetition]]\nid = \"t.rep\"\nmessage = \"`{{match}}` twice\"\n{EXAMPLES}\n"
    ));
    let page = "<h1>Vote</h1><p>Before the <a href=\"/v\">the</a> vote, she said “an amazing array of of talent”.</p>";
    insta::assert_snapshot!(
        "repetition_markup_and_quotes",
        check_text(&rules, "a.html", page)
    );
    let found = common::check_articles(&rules, "a.html", page);
    assert_eq!(found.len(), 2);
    let link = found
        .iter()
        .find(|d| d.fix.is_some())
        .expect("the linked copy has a fix");
    let fixed = copydesk::fix::apply(page, &link.fix.as_ref().unwrap().edits);
    assert!(
        fixed.contains("Before <a href=\"/v\">the</a> vote"),
        "{fixed}"
    );
    assert!(
        found
            .iter()
            .any(|d| d.fix.is_none() && d.notes.iter().any(|n| n.contains("recording")))
    );
    assert!(fired(&rules, "a.html", "<h1>T</h1><p>the<b>the</b> end</p>").is_empty());
}

#[test]
fn repetition_never_joins_lines() {
    let rules = pack(&format!(
        "[[repetition]]\nid = \"t.rep\"\nmessage = \"`{{match}}` twice\"\n{EXAMPLES}\n"
    ));
    let fixed = |text: &str| {
        let found = common::check_articles(&rules, "a.txt", text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let edits = found[0].fix.as_ref().map(|fix| fix.edits.clone());
        edits.map(|edits| copydesk::fix::apply(text, &edits))
    };
    // The second copy goes with the space after it, when its line goes on...
    assert_eq!(
        fixed("Title\n\nFerries ran in\r\nin winter.\n").as_deref(),
        Some("Title\n\nFerries ran in\r\nwinter.\n")
    );
    // ...else the first copy with the space before it...
    assert_eq!(
        fixed("Title\n\nThe ferry came in\nin, late.\n").as_deref(),
        Some("Title\n\nThe ferry came\nin, late.\n")
    );
    // ...and two copies each alone on a line are left to the editor.
    assert_eq!(fixed("Title\n\nferry\nferry\n"), None);
}

#[test]
fn no_fix_of_any_kind_joins_or_splits_lines() {
    // Suggestions that reach across a line break: the line break stays where the replacement
    // has a space for it, and a replacement with no room for it is withdrawn.
    let rules = pack(&format!(
        r#"[[existence]]
id = "t.idiom"
message = "`{{match}}`"
patterns = ['\bfree\s+reign\b']
suggest = "free rein"
{EXAMPLES}

[[existence]]
id = "t.closed"
message = "`{{match}}`"
patterns = ['\bcease\s+fire\b']
suggest = "ceasefire"
{EXAMPLES}
"#
    ));
    let text = "Title\n\nThe board gave her free\r\nreign, and the cease\nfire held. A cease fire began.\n";
    let found = common::check_articles(&rules, "a.txt", text);
    let fixed: Vec<(&str, Option<String>)> = found
        .iter()
        .map(|d| {
            let fix = d
                .fix
                .as_ref()
                .map(|fix| copydesk::fix::apply(text, &fix.edits));
            (d.rule.as_str(), fix)
        })
        .collect();
    assert_eq!(fixed.len(), 3, "{found:?}");
    assert_eq!(
        fixed[0].1.as_deref(),
        Some(
            "Title\n\nThe board gave her free\r\nrein, and the cease\nfire held. A cease fire began.\n"
        )
    );
    assert_eq!(fixed[1], ("t.closed", None));
    assert!(
        found[1]
            .notes
            .iter()
            .any(|n| n.contains("join or split lines"))
    );
    assert!(
        fixed[2]
            .1
            .as_deref()
            .is_some_and(|t| t.contains("A ceasefire began"))
    );
}

#[test]
fn length_per_block_and_per_sentence() {
    let rules = pack(&format!(
        r#"[[length]]
id = "t.head"
message = "{{block}} is {{count}} {{unit}}; limit {{limit}}"
scope = ["headline"]
max-words = 5
{EXAMPLES}

[[length]]
id = "t.sentence"
message = "sentence is {{count}} {{unit}}"
scope = ["paragraph"]
per = "sentence"
max-chars = 40
{EXAMPLES}
"#
    ));
    let text = "One two three four five six seven\n\nShort one. This sentence is rather longer than forty characters.\n";
    insta::assert_snapshot!("length", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text), ["t.head", "t.sentence"]);
    assert!(
        fired(
            &rules,
            "a.txt",
            "One two three\n\nShort one. Another short one.\n"
        )
        .is_empty()
    );
}

#[test]
fn headline_form_question_exclamation_caps_and_quotes() {
    let rules = pack(&format!(
        r#"[[headline-form]]
id = "t.question"
message = "question"
form = "question"
{EXAMPLES}

[[headline-form]]
id = "t.caps"
message = "caps `{{match}}`"
form = "all-caps"
scope = ["headline", "subhead"]
allow = ["NATO"]
min-letters = 4
{EXAMPLES}

[[headline-form]]
id = "t.quote"
message = "no speaker"
form = "unattributed-quote"
{EXAMPLES}
"#
    ));
    let text = "Will NATO act on SHOCKING NEW footage?\n\nThe footage was shown on Monday, officials said.\n";
    insta::assert_snapshot!("headline_form", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text), ["t.caps", "t.question"]);
    // The news told, then the question an analysis weighs.
    assert!(
        fired(
            &rules,
            "a.txt",
            "Ferry fares rise. Will riders pay?\n\nText.\n"
        )
        .is_empty()
    );
    assert_eq!(
        fired(&rules, "a.txt", "‘We will not back down’\n\nText.\n"),
        ["t.quote"]
    );
    assert!(fired(&rules, "a.txt", "‘We will not back down’: mayor\n\nText.\n").is_empty());
    assert!(
        fired(&rules, "a.txt", "‘Why me?’ asks mayor\n\nText.\n").is_empty(),
        "a quoted question is the speaker's"
    );
    assert!(
        fired(&rules, "a.txt", "TRADE TALKS RESUME\n\nText.\n").is_empty(),
        "a heading wholly in capitals is a style"
    );
}

#[test]
fn headline_in_a_script_without_case_is_never_in_capitals() {
    let rules = pack(&format!(
        r#"[[headline-form]]
id = "t.caps"
message = "caps `{{match}}`"
form = "all-caps"
{EXAMPLES}
"#
    ));
    for heading in [
        // Arabic, with a Latin name, with a Latin name in capitals and another in lower case.
        "وزير المالية يلتقي Okonkwo في القاهرة",
        "وزير المالية يلتقي OKONKWO و Lindqvist في القاهرة",
        // Hebrew, Japanese (no spaces: the Latin name is inside one word) and Chinese.
        "ראש העיר פוגש את Lindqvist בחיפה",
        "大阪でHALVORSEN選手が優勝、Lindqvistは二位",
        "北京 会议 SVENSSON 出席 Okonkwo 发言",
    ] {
        let text = format!("{heading}\n\nThe minister met the visitor on Monday.\n");
        assert!(fired(&rules, "a.txt", &text).is_empty(), "{heading}");
    }
    // A heading in a script with case keeps the rule, a word in another script and all.
    assert_eq!(
        fired(
            &rules,
            "a.txt",
            "SHOCKING scenes as crowds chant ‘يسقط’ in square\n\nText.\n"
        ),
        ["t.caps"]
    );
    assert_eq!(
        fired(&rules, "a.txt", "ΣΟΚ: Η ΑΘΗΝΑ ξυπνά\n\nText.\n"),
        ["t.caps"],
        "Greek has capitals"
    );
}

#[test]
fn headline_case_finds_the_odd_heading_out() {
    let rules = pack(&format!(
        "[[headline-case]]\nid = \"t.case\"\nmessage = \"{{block}} in {{found}} case, not {{style}}\"\n{EXAMPLES}\n"
    ));
    let text = "How a drone strike could change the region\n\nWissam al-Saadi led the group.\n\nWho Was Wissam al-Saadi?\n\nHe led it for years.\n\nWhy the drone strike?\n\nOfficials gave no reason.\n";
    insta::assert_snapshot!("headline_case", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text), ["t.case"]);
    let house_title = pack(&format!(
        "[[headline-case]]\nid = \"t.case\"\nmessage = \"m\"\nstyle = \"title\"\n{EXAMPLES}\n"
    ));
    assert_eq!(
        fired(
            &house_title,
            "a.txt",
            "Mayor opens the new bridge\n\nText.\n"
        ),
        ["t.case"]
    );
    assert!(
        fired(
            &house_title,
            "a.txt",
            "Mayor Opens the New Bridge\n\nText.\n"
        )
        .is_empty()
    );
}

#[test]
fn attribution_needs_support_in_its_unit() {
    let rules = pack(&format!(
        r#"[[attribution]]
id = "t.claim"
message = "`{{match}}` unsupported in this {{within}}"
trigger-patterns = ['\bno (?:\w+ )?casualties were reported\b']
triggers = ["officials said"]
support = ["according to", "not authorized"]
{EXAMPLES}
"#
    ));
    let text = "Title\n\nNo civilian casualties were reported.\n\nNo casualties were reported, according to the army.\n\nThe strike was planned, officials said.\n\nOfficials, who were not authorized to speak, said officials said so.\n";
    insta::assert_snapshot!("attribution", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text).len(), 2);
    // Support inside a quotation does not count; a trigger inside one is the speaker's.
    assert_eq!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nNo casualties were reported. “According to whom?” he asked.\n"
        )
        .len(),
        1
    );
    assert!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nHe said “no casualties were reported” at all.\n"
        )
        .is_empty()
    );
}

#[test]
fn quotation_checks() {
    let rules = pack(&format!(
        r#"[[quotation]]
id = "t.unbalanced"
message = "unbalanced"
check = "unbalanced"
{EXAMPLES}

[[quotation]]
id = "t.mixed"
message = "{{style}} marks elsewhere"
check = "mixed-marks"
{EXAMPLES}

[[sourcing]]
id = "t.speaker"
message = "who?"
check = "speaker"
min-words = 3
{EXAMPLES}
"#
    ));
    let text = "Title\n\n“We will stay here,” she said.\n\n“And we will fight on,\n\n“and we will win,” he said.\n\nThe crowd cheered.\n\n\"Nobody expected this outcome.\"\n\nThe end came soon.\n\n“It is over now, friends.\n";
    insta::assert_snapshot!("quotation", check_text(&rules, "a.txt", text));
    assert_eq!(
        fired(&rules, "a.txt", text),
        // The two quotations with no speaker are one finding: the second is its label.
        ["t.mixed", "t.speaker", "t.unbalanced"]
    );
}

#[test]
fn glued_words_need_two_real_words() {
    let dictionary = "arrest\nlater\nreport\nthe\nmayor\n";
    let toml = format!(
        "[pack]\nname = \"fixture\"\n\n[[glued-words]]\nid = \"t.glued\"\nmessage = \"`{{left}}` + `{{right}}`\"\ndictionary = \"words.txt\"\nallow = [\"reportThe\"]\n{EXAMPLES}\n"
    );
    let rules =
        load_pack(&toml, &[("words.txt", dictionary)]).unwrap_or_else(|e| panic!("{:?}", e.errors));
    let text = "Title\n\nOfficers made an arrestLater on Monday. The report.The mayor read it in Swansea. The arrestSwansea.\n";
    insta::assert_snapshot!("glued_words", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text).len(), 3);
    let quiet = "Title\n\nHe posted on WeChat and YouTube, bought an iPhone, and read reportThe twice: reportThe.\n";
    assert!(fired(&rules, "a.txt", quiet).is_empty());
    assert!(
        fired(
            &rules,
            "a.txt",
            "Title\n\nSee https://example.com/arrestLater for more.\n"
        )
        .is_empty()
    );
}

#[test]
fn duplicate_blocks() {
    let rules = pack(&format!(
        "[[duplicate-block]]\nid = \"t.dup\"\nmessage = \"repeated {{block}}\"\nmin-words = 3\n{EXAMPLES}\n"
    ));
    let text = "Title\n\nThe council met on Monday.\n\nIt voted.\n\nThe  council met on monday.\n\nIt voted.\n";
    insta::assert_snapshot!("duplicate_block", check_text(&rules, "a.txt", text));
    assert_eq!(
        fired(&rules, "a.txt", text),
        ["t.dup"],
        "short blocks are not compared"
    );
}

#[test]
fn variants_are_discovered_without_a_list() {
    let rules = pack(&format!(
        "[[variants]]\nid = \"t.var\"\nmessage = \"`{{match}}` vs `{{preferred}}`\"\n{EXAMPLES}\n"
    ));
    let text = "Title\n\nKataib Hezbollah spoke. Later Kata’ib Hezbollah denied it, by e-mail and by email. The al-Saadi family met Al Saadi allies. “Kata’ib is strong,” he said.\n";
    insta::assert_snapshot!("variants", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text).len(), 4);
    let quiet = "Title\n\nIts leaders said it's over. We're sure they were. Well-known figures were well known. O'Rourke met O’Rourke's aides. See twitter.com/JaneDoe, said Jane Doe.\n";
    assert!(
        fired(&rules, "a.txt", quiet).is_empty(),
        "{}",
        check_text(&rules, "a.txt", quiet)
    );
}

#[test]
fn source_quotes_and_facts_need_sources() {
    use copydesk::article::{Article, Format};
    use copydesk::engine::{Run, check_run};
    use copydesk::grounding::Sources;
    let rules = pack(&format!(
        r#"[[source-quote]]
id = "t.misquote"
message = "misquote"
report = "misquote"
{EXAMPLES}

[[source-quote]]
id = "t.unknown-quote"
message = "not found"
report = "not-found"
{EXAMPLES}

[[source-fact]]
id = "t.missing"
message = "`{{match}}` missing"
facts = ["figures", "dates", "names"]
report = "missing"
{EXAMPLES}

[[source-fact]]
id = "t.changed"
message = "`{{match}}` was {{source}}"
facts = ["figures"]
report = "changed"
{EXAMPLES}
"#
    ));
    let draft = "Title\n\n“We will hold the line at any cost,” the general said on March 15. Four soldiers died, said Antony Blinken. “Nobody said this,” he added.\n";
    let source = "Source\n\nThe general said: “We will hold the line.” Three soldiers died on Tuesday, said Antony Blinken.\n";
    let articles = [Article::parse("draft.txt", draft, Format::Plain)];
    assert!(
        check_run(&rules, Run::articles(&articles)).is_empty(),
        "no sources, no findings"
    );
    let sources = Sources::new(vec![Article::parse("source.txt", source, Format::Plain)]);
    let run = Run {
        articles: &articles,
        sources: Some(&sources),
        article_sources: &[vec![0]],
        corpus: copydesk::engine::Corpus::Off,
        article_places: &[],
        progress: None,
        deadline: None,
    };
    let found: Vec<String> = check_run(&rules, run)
        .into_iter()
        .map(|d| format!("{} {}", d.rule, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "t.misquote misquote",
            "t.missing `March 15` missing",
            "t.changed `Four` was Three",
            "t.unknown-quote not found"
        ]
    );
}

/// A run of `draft` against `source` with `rules`: each finding as `rule severity line:column
/// text`, and the source passages it names.
fn against_source(rules: &RuleSet, draft: &str, source: &str) -> Vec<String> {
    use copydesk::article::{Article, Format};
    use copydesk::engine::{Run, check_run};
    use copydesk::grounding::Sources;
    let articles = [Article::parse("draft.txt", draft, Format::Plain)];
    let sources = Sources::new(vec![Article::parse("source.txt", source, Format::Plain)]);
    let run = Run {
        articles: &articles,
        sources: Some(&sources),
        article_sources: &[vec![0]],
        corpus: copydesk::engine::Corpus::Off,
        article_places: &[],
        progress: None,
        deadline: None,
    };
    check_run(rules, run)
        .into_iter()
        .map(|d| {
            let passages: Vec<&str> = d
                .secondary
                .iter()
                .map(|label| sources.text(label.article - 1, label.span))
                .collect();
            format!(
                "{} {:?} `{}` <- {passages:?}",
                d.rule,
                d.severity,
                articles[0].text(d.primary.span)
            )
        })
        .collect()
}

#[test]
fn unsupported_sentences_and_clauses_against_a_source() {
    let rules = pack(&format!(
        r#"[[source-sentence]]
id = "t.unsupported"
message = "not in the sources"
{EXAMPLES}
"#
    ));
    let source = "Ferry service cut\n\nThe island ferry will run twice a day from June, the operator said. The company blamed a shortage of engineers for the cut. Councillor Petra Lindqvist said islanders would struggle to reach the mainland hospital.\n";
    let draft = "Island ferry cut to two crossings a day\n\nFrom June the island ferry will run just twice a day, according to the operator. It blamed too few engineers. Islanders will struggle to reach the hospital on the mainland, Councillor Petra Lindqvist said.\n\nThe cut sparked a protest march through the harbour town, and shopkeepers closed early. The ferry will keep its winter timetable and drop the late sailing.\n\nRegular passenger Tomas Brenner said the decision was a scandal.\n\nThe company blamed a shortage of engineers, which forced a strike by dockers.\n\n“Islanders would struggle to reach the mainland hospital,” she warned.\n";
    let articles = [copydesk::article::Article::parse(
        "draft.txt",
        draft,
        copydesk::article::Format::Plain,
    )];
    assert!(
        check_all(&rules, &articles).is_empty(),
        "no sources, no findings"
    );
    let found = against_source(&rules, draft, source);
    assert_eq!(
        found,
        [
            "t.unsupported Warning `The cut sparked a protest march through the harbour town, and shopkeepers closed early.` <- [\"Ferry service cut\"]",
            "t.unsupported Warning `The ferry will keep its winter timetable and drop the late sailing.` <- [\"Ferry service cut\"]",
            "t.unsupported Info `Regular passenger Tomas Brenner said the decision was a scandal.` <- []",
            "t.unsupported Warning `which forced a strike by dockers` <- [\"The company blamed a shortage of engineers for the cut.\"]",
        ],
        "the headline, the paraphrases and the quotation are supported"
    );
}

#[test]
fn first_reference_surnames_and_acronyms() {
    let rules = pack(&format!(
        r#"[[first-reference]]
id = "t.surname"
message = "`{{match}}` before `{{full}}`"
check = "surname"
{EXAMPLES}

[[first-reference]]
id = "t.acronym"
message = "`{{match}}` not spelled out"
check = "acronym"
known = ["US"]
{EXAMPLES}
"#
    ));
    let text = "Title\n\nBlinken met US officials and the FRB. The Federal Emergency Management Agency (FEMA) came.\n\nAntony Blinken left. Blinken said the FRB and FEMA would act.\n";
    insta::assert_snapshot!("first_reference", check_text(&rules, "a.txt", text));
    assert_eq!(fired(&rules, "a.txt", text), ["t.surname", "t.acronym"]);
}

fn sourcing_pack() -> RuleSet {
    pack(&format!(
        r#"[[sourcing]]
id = "t.speaker"
message = "who said it?"
check = "speaker"
{EXAMPLES}

[[sourcing]]
id = "t.claim"
message = "`{{match}}`: {{claim}} with no source"
check = "claim"
{EXAMPLES}

[[sourcing]]
id = "t.anonymous"
message = "unnamed: `{{match}}`"
check = "anonymous"
{EXAMPLES}

[[sourcing]]
id = "t.anonymous-described"
message = "unnamed: `{{match}}`"
check = "anonymous"
described = true
{EXAMPLES}
"#
    ))
}

#[test]
fn sourcing_finds_speakers_where_wire_copy_puts_them() {
    let rules = sourcing_pack();
    let quiet = [
        // The speaker is the subject of the sentence that carries a partial quotation.
        "Title\n\nThe committee chairman accused the minister of a “reckless gamble with the harbour fund.”\n",
        // A publication as the speaker.
        "Title\n\n“The harbour has never been busier than it was this summer,” the magazine reported.\n",
        // A document's words.
        "Title\n\nThe bylaw specifically states that “no vessel may moor overnight at the old pier.”\n",
        "Title\n\nThe leaflet read: “Every household will be asked to pay for the new sea wall.”\n",
        // Named after the quotation, with or without a dash.
        "Title\n\n“I never thought I would see the ferry sail again!” exclaimed Ada Brook, a pilot.\n",
        "Title\n\n—“Not in my lifetime have I seen a tide like it.” — Harbourmaster Tom Reed\n",
        // A quotation paragraph continuing the speaker of the one before.
        "Title\n\n“We are ready for the winter storms,” Reed said.\n\n“The wall will hold this time, whatever the sea does.”\n",
        // A pronoun speaker.
        "Title\n\nReed took questions for an hour.\n\n“We will not close the harbour this winter at all,” he said.\n",
        // Named in the next paragraph.
        "Title\n\n“We will not close the harbour this winter at all.”\n\nThat was the promise Reed said he would keep.\n",
        // A title.
        "Title\n\nThe paper ran the story under the headline “Harbour Wall Fails Again As Storm Hits Town”.\n",
    ];
    for text in quiet {
        assert!(fired(&rules, "a.txt", text).is_empty(), "{text}");
    }
    let unattributed = "Title\n\nThe harbour reopened on Monday.\n\n“It is the best news this town has had in years.”\n\nTraffic was light.\n";
    assert_eq!(fired(&rules, "a.txt", unattributed), ["t.speaker"]);
    insta::assert_snapshot!(
        "sourcing-speaker",
        check_text(&rules, "a.txt", unattributed)
    );
}

#[test]
fn a_nickname_in_a_name_is_not_a_quotation() {
    use copydesk::article::attribution::Resolution;
    use copydesk::article::{Article, Format};
    let resolved = |text: &str| -> Vec<(String, Resolution, Option<String>)> {
        let article = Article::parse("a.txt", text, Format::Plain);
        article
            .quotes
            .iter()
            .zip(&article.attribution().quotes)
            .map(|(quote, source)| {
                (
                    article.text(quote.span).to_owned(),
                    source.how,
                    source.speaker.map(|s| article.text(s).to_owned()),
                )
            })
            .collect()
    };
    for (text, nickname) in [
        (
            "Title\n\nThe patrol boat stopped a van carrying Idris “Abu Salim” al-Harbi near the dam.\n",
            "“Abu Salim”",
        ),
        (
            "Title\n\nCrowds lined the route for Ana “The Comet” Ruiz as she crossed the line.\n",
            "“The Comet”",
        ),
        (
            "Title\n\nThe court heard that Yusuf Karam “the Locksmith”, 52, opened the vault.\n",
            "“the Locksmith”",
        ),
    ] {
        assert_eq!(
            resolved(text),
            [(nickname.to_owned(), Resolution::Nickname, None)],
            "{text}"
        );
    }
    // The nickname reads as part of the speaker's name.
    let text = "Title\n\n“The ring is my home,” said Ana “The Comet” Ruiz.\n";
    assert_eq!(
        resolved(text)[0],
        (
            "“The ring is my home,”".to_owned(),
            Resolution::Sentence,
            Some("Ana “The Comet” Ruiz".to_owned())
        )
    );
    // Words after a name with no name after them are still that person's words.
    let text = "Title\n\nUnited boss Piet Hol “We were second best” after the loss.\n";
    assert_eq!(resolved(text)[0].1, Resolution::Sentence);
}

#[test]
fn sourcing_claims_and_anonymous_sources() {
    let rules = sourcing_pack();
    let text = "Title\n\nThe storm killed at least 14 people along the coast on Tuesday.\n\nNo deaths were reported at the harbour.\n\nThe ferry company will cut 40 jobs, a source said.\n\nAnother source said the vote was close.\n";
    assert_eq!(
        fired(&rules, "a.txt", text),
        ["t.claim", "t.claim", "t.anonymous", "t.anonymous-described"]
    );
    // A source the story describes short of a name (who they are, what they know) is reported
    // only with `described = true`; a vague one by both.
    for (text, rules_fired) in [
        (
            "Title\n\nThe ferry company will cut 40 jobs, a person familiar with the plan said.\n",
            &["t.anonymous-described"][..],
        ),
        (
            "Title\n\nThe ferry will be sold, a senior harbour authority official said.\n",
            &["t.anonymous-described"],
        ),
        (
            "Title\n\nThe ferry will be sold, a senior official said.\n",
            &["t.anonymous", "t.anonymous-described"],
        ),
        // Quoted at length, a described source is held to the rule: its words are on record.
        (
            "Title\n\nA senior harbour official said: “We cannot keep paying for the ferry.”\n",
            &["t.anonymous", "t.anonymous-described"],
        ),
        // A vague mention after a described one of its kind refers back to it.
        (
            "Title\n\nThe ferry will be sold, people familiar with the talks said.\n\nThe price was set on Monday, one source said.\n",
            &["t.anonymous-described"],
        ),
    ] {
        assert_eq!(fired(&rules, "a.txt", text), rules_fired, "{text}");
    }
    insta::assert_snapshot!("sourcing-claims", check_text(&rules, "a.txt", text));
    let quiet = [
        "Title\n\nThe storm killed at least 14 people along the coast on Tuesday, the coastguard said.\n",
        "Title\n\nThe 1953 flood killed 307 people in the county.\n",
        "Title\n\nAda Brook, 45, has piloted the ferry for 20 years.\n",
        "Title\n\nNo one was hurt in the depot fire.\n",
        "Title\n\nA person familiar with the plan, who asked not to be named because the talks are private, said 40 jobs would go.\n",
        "Title\n\nAn election official said at a public hearing that the count was late.\n",
        "Title\n\nAda Brook, a former harbour official, said the wall was too low.\n",
        "Title\n\nThe local paper, citing two people familiar with the talks, said the deal was close.\n",
    ];
    for text in quiet {
        assert!(fired(&rules, "a.txt", text).is_empty(), "{text}");
    }
}

const WEIGHTS: &str = "# test weights\nbias\t-2.0\nshape:second-person\t1.5\nword:guess\t2.0\npair:<s> these\t1.0\nword:senate\t-1.0\nword:quiz\t3.5\n";

fn classifier_pack(extra: &str) -> RuleSet {
    let toml = format!(
        "[pack]\nname = \"fixture\"\n\n[[classifier]]\nid = \"t.bait\"\nmessage = \"bait ({{score}}: {{features}})\"\nweights = \"w.tsv\"\nthreshold = 0.75\n{extra}\n{EXAMPLES}\n"
    );
    load_pack(&toml, &[("w.tsv", WEIGHTS)]).unwrap_or_else(|e| panic!("{:?}", e.errors))
}

#[test]
fn classifier_reports_a_block_over_its_threshold_and_names_the_features() {
    let rules = classifier_pack("");
    let text = "Can you guess which senator said this\n\nThe senator spoke on Tuesday.\n";
    assert_eq!(fired(&rules, "a.txt", text), ["t.bait"]);
    insta::assert_snapshot!("classifier", check_text(&rules, "a.txt", text));
    // -2 + 1.5 - 1 is well under the threshold; only the headline is read.
    assert!(fired(&rules, "a.txt", "You and the senate\n\nCan you guess?\n").is_empty());
}

#[test]
fn classifier_holds_a_score_of_words_alone_to_its_own_threshold() {
    let rules = classifier_pack("threshold-without-shape = 0.9");
    // -2 + 3.5: 0.82, over 0.75 but from a word alone.
    assert!(fired(&rules, "a.txt", "Quiz night\n\nBody.\n").is_empty());
    // -2 + 1.5 + 2 + 3.5 with a shape: reported at the rule's threshold.
    assert_eq!(
        fired(&rules, "a.txt", "Quiz: can you guess\n\nBody.\n"),
        ["t.bait"]
    );
    assert_eq!(
        fired(&classifier_pack(""), "a.txt", "Quiz night\n\nBody.\n"),
        ["t.bait"]
    );
    let error = load_pack(
        &format!(
            "[pack]\nname = \"fixture\"\n\n[[classifier]]\nid = \"t.bait\"\nmessage = \"m\"\nweights = \"w.tsv\"\nthreshold-without-shape = 1.5\n{EXAMPLES}\n"
        ),
        &[("w.tsv", WEIGHTS)],
    )
    .err()
    .expect("a probability over 1 is refused");
    assert!(
        format!("{:?}", error.errors).contains("`threshold-without-shape` is a probability"),
        "{:?}",
        error.errors
    );
}

#[test]
fn classifier_scores_do_not_depend_on_case() {
    let rules = classifier_pack("");
    for text in [
        "CAN YOU GUESS\n\nBody.\n",
        "Can You Guess\n\nBody.\n",
        "can you guess\n\nBody.\n",
    ] {
        assert!(
            check_text(&rules, "a.txt", text).contains("score 0.82"),
            "{text}"
        );
    }
}

#[test]
fn classifier_defers_to_rules_that_flag_the_same_block() {
    let toml = format!(
        "[pack]\nname = \"fixture\"\n\n[[classifier]]\nid = \"t.bait\"\nmessage = \"bait\"\nweights = \"w.tsv\"\nthreshold = 0.75\ndefers-to = [\"t.named\"]\n{EXAMPLES}\n\n[[existence]]\nid = \"t.named.guess\"\nmessage = \"guess\"\nwords = [\"guess\"]\n{EXAMPLES}\n"
    );
    let rules =
        load_pack(&toml, &[("w.tsv", WEIGHTS)]).unwrap_or_else(|e| panic!("{:?}", e.errors));
    assert_eq!(
        fired(&rules, "a.txt", "Can you guess\n\nBody.\n"),
        ["t.named.guess"]
    );
    // The named rule in the body does not silence the headline.
    assert_eq!(
        fired(&rules, "a.txt", "Take this quiz\n\nGuess what.\n"),
        ["t.bait", "t.named.guess"]
    );
}

#[test]
fn classifier_weights_and_threshold_errors_are_located() {
    let toml = format!(
        "[pack]\nname = \"fixture\"\n\n[[classifier]]\nid = \"t.bait\"\nmessage = \"bait\"\nweights = \"w.tsv\"\n{EXAMPLES}\n"
    );
    let first_error = |toml: &str, weights: &str| match load_pack(toml, &[("w.tsv", weights)]) {
        Ok(_) => panic!("the pack loaded"),
        Err(errors) => errors.errors[0].message.clone(),
    };
    let message = first_error(&toml, "bias\t0\nword:x\tmany\n");
    assert!(message.contains("line 2 of the weights file"), "{message}");
    let message = first_error(
        &toml.replace("weights = ", "threshold = 1.5\nweights = "),
        WEIGHTS,
    );
    assert!(message.contains("probability"), "{message}");
}

/// The four drift rules as a pack on disk, beside a copy of the built-in word lists.
fn drift_pack(dir: &std::path::Path, words: &str) -> Result<RuleSet, String> {
    use copydesk::rules::pack::{self, PackInput};
    std::fs::write(dir.join("drift-words.tsv"), words).unwrap();
    let mut toml = String::from("[pack]\nname = \"fixture\"\n");
    for report in [
        "attribution-dropped",
        "attribution-changed",
        "hedge-dropped",
        "qualifier-changed",
    ] {
        toml.push_str(&format!(
            "\n[[source-drift]]\nid = \"t.{report}\"\nmessage = \"`{{match}}` for `{{source}}`\"\nreport = \"{report}\"\nwords = \"drift-words.tsv\"\n{EXAMPLES}\n"
        ));
    }
    std::fs::write(dir.join("pack.toml"), toml).unwrap();
    pack::load(&[PackInput::file(&dir.join("pack.toml"))]).map_err(|e| format!("{:?}", e.errors))
}

const DRIFT_WORDS: &str = include_str!("../rules/news/drift-words.tsv");

#[test]
fn drift_from_the_source_in_attribution_hedges_and_qualifiers() {
    let dir = tempfile::tempdir().unwrap();
    let rules = drift_pack(dir.path(), DRIFT_WORDS).expect("the pack loads");
    let source = "Quay repairs\n\nThe quay wall will be rebuilt before the spring tides, harbour engineers said.\n\nThe repairs will cost the port authority six million pounds, Greta Olsen said.\n\nThe storm may have cracked the old lighthouse on the north pier.\n\nAt least 30 fishing boats were damaged in the storm that hit the harbour.\n\nNo other vessels were reported damaged in the harbour.\n";
    let draft = "Quay to be rebuilt\n\nThe quay wall will be rebuilt before the spring tides.\n\nThe repairs will cost the port authority six million pounds, Olsen admitted.\n\nThe storm cracked the old lighthouse on the north pier.\n\nThirty fishing boats were damaged in the storm that hit the harbour.\n\nNo passenger vessels were reported damaged in the harbour.\n";
    assert_eq!(
        against_source(&rules, draft, source),
        [
            "t.attribution-dropped Warning `The quay wall will be rebuilt before the spring tides` <- [\"The quay wall will be rebuilt before the spring tides, harbour engineers said.\"]",
            "t.attribution-changed Warning `Olsen admitted` <- [\"The repairs will cost the port authority six million pounds, Greta Olsen said.\"]",
            "t.hedge-dropped Warning `The storm cracked the old lighthouse on the north pier` <- [\"The storm may have cracked the old lighthouse on the north pier.\"]",
            "t.qualifier-changed Warning `Thirty` <- [\"At least 30 fishing boats were damaged in the storm that hit the harbour.\"]",
            "t.qualifier-changed Warning `No passenger vessels` <- [\"No other vessels were reported damaged in the harbour.\"]",
        ]
    );
    let faithful = "Quay to be rebuilt\n\nHarbour engineers say the quay wall will be rebuilt before the spring tides.\n\nThe repairs will cost the port authority six million pounds, said Greta Olsen.\n\nThe storm could have cracked the old lighthouse on the north pier.\n\nMore than 29 fishing boats, at least 30, were damaged in the storm that hit the harbour.\n\nNo other vessels were reported damaged in the harbour.\n";
    assert_eq!(
        against_source(&rules, faithful, source),
        Vec::<String>::new()
    );
    assert_eq!(
        against_source(&rules, source, source),
        Vec::<String>::new(),
        "an article checked against itself"
    );
}

#[test]
fn a_bad_line_of_the_drift_word_lists_is_reported_with_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let Err(errors) = drift_pack(dir.path(), "# lists\nneutral\tsaid\nstrong\tconfirmed\n") else {
        panic!("an unknown class is refused");
    };
    assert!(
        errors.contains("line 3 of the word lists: `strong` is not a class"),
        "{errors}"
    );
}
