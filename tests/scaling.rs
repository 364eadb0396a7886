//! Time bounded on hostile input: every rule kind, and the layers every kind shares (reading
//! each format, rendering, fixing), costs time in proportion to its input.
//!
//! Each [`Case`] builds an adversarial draft of any size for one kind — variants alternating,
//! thousands of quotations, a million short paragraphs, many findings on one line — and checks
//! it with only that kind's rule selected. Every registered kind must have a case
//! (`every_kind_has_an_adversarial_case`), and every case must make its rule fire
//! (`every_case_fires_its_rule`, fast, in debug). The timed test checks ~1 MB and ~8 MB of each
//! through the release binary and fails when the larger costs more than twelve times the CPU
//! time (user and system) of the smaller; `.ci/run` runs it.
//!
//! Why twelve, not eight: the test tells a linear rule from a quadratic one (64× for 8× the
//! input) or even an n·√n one (22.6×), and a linear one grows by more than 8× on a shared
//! machine. Its instructions do not: those of the HTML read case (callgrind) grow 1.97× and
//! 1.99× from 1 to 2 to 4 MB. Its CPU time does, with the kernel's page faults (the system
//! time, in steps with the allocator's doublings) and with the caches other jobs share: that
//! case grew 10.1× from 1 to 8 MB in one run here, its system time 8.9× in another. The report
//! shows user and system time apart.
//!
//! ```sh
//! cargo test --release --test scaling -- --ignored --nocapture
//! SCALING_CASES=consistency,render cargo test --release --test scaling -- --ignored --nocapture
//! ```

mod common;

use std::fmt::Write as _;
use std::process::{Command, Stdio};

/// One adversarial input for one kind, or for a layer all kinds share.
struct Case {
    /// What it stresses: a kind's name (`consistency`), or a layer (`render`, `fix`, `read`).
    stresses: &'static str,
    /// What the input is, for the report.
    name: &'static str,
    /// The rule that must fire on it.
    rule: &'static str,
    /// How often it must fire on a few kilobytes (once, where an article has one headline or
    /// its anonymous sources make one finding).
    fires: usize,
    /// Arguments to `copydesk check` that choose the rules.
    rules: &'static [&'static str],
    /// Arguments that choose what the timed run prints or does (a format, `--fix`).
    output: &'static [&'static str],
    /// The draft's file name: its extension chooses how it is read.
    file: &'static str,
    /// A draft of about `bytes` bytes.
    draft: fn(usize) -> String,
    /// A source of about `bytes` bytes to check the draft against (`--source`).
    source: Option<fn(usize) -> String>,
    /// A pack loaded with `--rules` (for kinds the built-in pack has no rule of).
    pack: Option<&'static str>,
}

/// Units from `unit(0)`, `unit(1)` … until there are at least `bytes` bytes, after `head`.
fn fill(bytes: usize, head: &str, unit: impl Fn(usize) -> String) -> String {
    let mut text = head.to_owned();
    let mut index = 0;
    while text.len() < bytes {
        text.push_str(&unit(index));
        index += 1;
    }
    text
}

/// Letters for a number, so that generated names and acronyms differ: 0 → "A", 27 → "BB".
fn letters(mut number: usize, alphabet: &[u8]) -> String {
    let mut out = Vec::new();
    loop {
        out.push(alphabet[number % alphabet.len()]);
        number /= alphabet.len();
        if number == 0 {
            break;
        }
    }
    String::from_utf8(out).expect("ASCII letters")
}

/// A capitalised made-up name for a number, one syllable per base-80 digit: "Baxon", "Kebixon".
fn name(number: usize) -> String {
    const CONSONANTS: &[u8] = b"bcdfghklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut name = String::new();
    let mut rest = number;
    loop {
        let digit = rest % 80;
        name.push(char::from(CONSONANTS[digit / 5]));
        name.push(char::from(VOWELS[digit % 5]));
        rest /= 80;
        if rest == 0 {
            break;
        }
    }
    name.push_str("xon");
    let mut chars = name.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

const HEAD: &str = "Council weighs the harbour plan\n\n";

const ATTRIBUTION_PACK: &str = r#"
[pack]
name = "scaling-attribution"

[[attribution]]
id = "scaling.reportedly"
message = "`{match}` with nothing in the {within} to support it"
rationale = "A claim needs its source."
triggers = ["reportedly"]
support = ["said"]
within = "sentence"
must-fire = ["The mayor reportedly left."]
must-not-fire = ["The mayor reportedly left, an aide said."]

[[attribution]]
id = "scaling.reportedly-paragraph"
message = "`{match}` with nothing in the {within} to support it"
rationale = "A claim needs its source."
triggers = ["reportedly"]
support = ["said"]
within = "paragraph"
must-fire = ["The mayor reportedly left."]
must-not-fire = ["The mayor reportedly left. An aide said so."]
"#;

const DEFERRING_PACK: &str = r#"
[pack]
name = "scaling-defers"

[[existence]]
id = "scaling.word"
message = "`{match}`"
rationale = "A test of deferring."
words = ["harbour"]
defers-to = ["scaling.other"]
must-fire = ["The harbour."]
must-not-fire = ["The port."]

[[existence]]
id = "scaling.other"
message = "`{match}`"
rationale = "A test of deferring."
words = ["quay"]
must-fire = ["The quay."]
must-not-fire = ["The port."]
"#;

/// The output most cases are timed with: every finding, its labels and its fix, as JSON.
const JSON: &[&str] = &["--format", "json"];

/// Every case: at least one per kind, then the layers.
fn cases() -> Vec<Case> {
    let mut cases = kind_cases();
    cases.extend(layer_cases());
    cases
}

fn kind_cases() -> Vec<Case> {
    vec![
        Case {
            stresses: "existence",
            name: "one line of placeholders, half inside an exception",
            rule: "editorial.placeholder",
            fires: 3,
            rules: &["--select", "editorial.placeholder"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |_| {
                    "The board will vote on TK at TK Maxx. ".to_owned()
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "existence",
            name: "a finding that defers, beside thousands on one line",
            rule: "scaling.word",
            fires: 3,
            rules: &["--no-default-rules"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                // Every `harbour` of the long line gives way to its `quay`s; those alone in a
                // paragraph stay.
                let mut text = fill(n, HEAD, |_| "The quay met the harbour. ".to_owned());
                text.push_str(&"\n\nThe harbour is calm.".repeat(3));
                text
            },
            source: None,
            pack: Some(DEFERRING_PACK),
        },
        Case {
            stresses: "preferred-term",
            name: "one line of loaded terms, some inside exceptions",
            rule: "loaded.terror-group",
            fires: 3,
            rules: &["--select", "loaded.terror-group"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |_| {
                    "The terror group met as a terror group would. ".to_owned()
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "consistency",
            name: "paragraphs alternating neighbourhood and neighborhood",
            rule: "consistency.neighborhood",
            fires: 3,
            rules: &["--select", "consistency.neighborhood"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    let word = if i % 2 == 0 {
                        "neighbourhood"
                    } else {
                        "neighborhood"
                    };
                    format!("The {word} group met on day {i}.\n\n")
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "consistency",
            name: "one line alternating US and U.S. (a case-sensitive rule)",
            rule: "consistency.us-abbreviation",
            fires: 3,
            rules: &["--select", "consistency.us-abbreviation"],
            output: JSON,
            file: "draft.txt",
            draft: |n| fill(n, HEAD, |_| "The US team met the U.S. team. ".to_owned()),
            source: None,
            pack: None,
        },
        Case {
            stresses: "spelling-system",
            name: "one line alternating colour and color",
            rule: "spelling.us-uk-mix",
            fires: 3,
            rules: &["--select", "spelling.us-uk-mix"],
            output: JSON,
            file: "draft.txt",
            draft: |n| fill(n, HEAD, |_| "The colour of the color. ".to_owned()),
            source: None,
            pack: None,
        },
        Case {
            stresses: "repetition",
            name: "one Markdown paragraph of doubled words among links and emphasis",
            rule: "typo.doubled-word",
            fires: 3,
            rules: &["--select", "typo.doubled-word"],
            output: JSON,
            file: "draft.md",
            draft: |n| {
                fill(n, "# Council weighs the plan\n\n", |_| {
                    "the the *quay* [pier](https://example.com/p) and <b>the</b> the ".to_owned()
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "length",
            name: "one paragraph of long sentences",
            rule: "length.sentence",
            fires: 3,
            rules: &["--select", "length.sentence"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                let sentence = "the council met again ".repeat(20);
                fill(n, HEAD, |_| format!("And {}today. ", sentence))
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "length",
            name: "a headline of megabytes",
            rule: "length.headline",
            fires: 1,
            rules: &["--select", "length.headline"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                let mut text = fill(n, "", |_| "Council weighs harbour plan ".to_owned());
                text.push_str("\n\nThe council met.\n");
                text
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "headline-form",
            name: "a headline of shouted words and exclamations",
            rule: "news.headline.all-caps",
            fires: 3,
            rules: &["--select", "news.headline"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                let mut text = fill(n, "", |_| "SHOCKING footage WOW! of the CRASH ".to_owned());
                text.push_str("\n\nThe council met.\n");
                text
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "headline-form",
            name: "thousands of promo lines opening with a quotation",
            rule: "news.headline.unattributed-quote",
            fires: 3,
            rules: &["--select", "news.headline"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    format!(
                        "RELATED: “We will stay for {i} years”\n\nThe council met. “Yes,” she said.\n\n"
                    )
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "headline-case",
            name: "thousands of Markdown subheads in mixed case",
            rule: "news.headline-case",
            fires: 3,
            rules: &["--select", "news.headline-case"],
            output: JSON,
            file: "draft.md",
            draft: |n| {
                fill(n, "# Council weighs the harbour plan\n\n", |i| {
                    if i % 2 == 0 {
                        "## Who Won The Vote On The Pier\n\nThe Harbour Board met.\n\n".to_owned()
                    } else {
                        "## What the vote means for you\n\nThe board met.\n\n".to_owned()
                    }
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "classifier",
            name: "thousands of HTML headlines that read as bait",
            rule: "news.tone.clickbait",
            fires: 1,
            rules: &["--select", "news.tone.clickbait"],
            output: JSON,
            file: "draft.html",
            draft: |n| {
                fill(n, "<html><body>", |_| {
                    "<h1>You won't believe what this mayor did next</h1><p>The council met.</p>"
                        .to_owned()
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "classifier",
            name: "a headline of megabytes",
            rule: "news.tone.clickbait",
            fires: 1,
            rules: &["--select", "news.tone.clickbait"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                let mut text = fill(n, "", |_| {
                    "You won't believe what this mayor did next ".to_owned()
                });
                text.push_str("\n\nThe council met.\n");
                text
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "attribution",
            name: "one paragraph of unsupported triggers and a few supports",
            rule: "scaling.reportedly",
            fires: 3,
            rules: &["--no-default-rules"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    if i % 10 == 0 {
                        "The aide said it fell. ".to_owned()
                    } else {
                        "It reportedly fell. ".to_owned()
                    }
                })
            },
            source: None,
            pack: Some(ATTRIBUTION_PACK),
        },
        Case {
            stresses: "sourcing",
            name: "thousands of quotations with no speaker, one paragraph each",
            rule: "news.quote.speaker",
            // One finding per story, the other quotations its labels.
            fires: 1,
            rules: &["--select", "news.quote.speaker"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    format!("“We will stay here for {i} more years at least.”\n\n")
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "sourcing",
            name: "one paragraph of thousands of quotations",
            rule: "news.quote.speaker",
            fires: 1,
            rules: &["--select", "news.quote.speaker"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |_| {
                    "“We will stay here for many more years at least.” ".to_owned()
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "sourcing",
            name: "one sentence of thousands of quotations",
            rule: "news.quote.speaker",
            fires: 1,
            rules: &["--select", "news.quote.speaker"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                let mut text = fill(n, HEAD, |_| {
                    "“We will stay here for many more years” and ".to_owned()
                });
                text.push_str("more.\n");
                text
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "sourcing",
            name: "thousands of anonymous sources in one paragraph",
            rule: "news.anonymous-source",
            fires: 1,
            rules: &["--select", "news.anonymous-source"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |_| {
                    "A drone hit the depot, officials said. A senior aide said so. ".to_owned()
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "sourcing",
            name: "a million short paragraphs of claims and tolls",
            rule: "news.unsupported-claim",
            fires: 3,
            rules: &[
                "--select",
                "news.unsupported-claim",
                "--extend-select",
                "news.unsourced-figure",
                "--preview",
            ],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| match i % 4 {
                    0 => "No deaths were reported.\n\n".to_owned(),
                    1 => "It killed 14 people.\n\n".to_owned(),
                    2 => "Police said so.\n\n".to_owned(),
                    _ => "Ok.\n\n".to_owned(),
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "quotation",
            name: "one paragraph alternating curly and straight quotations, some unclosed",
            rule: "news.quote.mixed-marks",
            fires: 3,
            rules: &["--select", "news.quote"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                let mut text = fill(n, HEAD, |_| {
                    "“We stay,” she said. \"We go,\" he said. ".to_owned()
                });
                text.push_str("\n\n“We will never leave, he said.\n");
                text
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "glued-words",
            name: "one paragraph of glued words",
            rule: "paste.glued-words",
            fires: 3,
            rules: &["--select", "paste.glued-words"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    format!("The vote in{} went to theSenate.Lawmakers met. ", name(i))
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "furniture",
            name: "thousands of furniture lines, a quotation running on across each run of them",
            rule: "paste.boilerplate",
            fires: 1,
            rules: &["--select", "paste.boilerplate", "--select", "news.quote"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    format!(
                        "“We will stay here for {i} more years,\n\nShare this article\n\nImage copyrightHARBOUR PRESS\n\nScroll down to read more\n\n“and we will not move. “We stay. “We stay.” the mayor said.\n\n"
                    )
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "duplicate-block",
            name: "thousands of repeated paragraphs",
            rule: "paste.duplicate-block",
            fires: 3,
            rules: &["--select", "paste.duplicate-block"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    format!(
                        "The council met on the quay to vote on plan {}.\n\n",
                        i % 50
                    )
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "source-quote",
            name: "thousands of quotations, changed or made up, against a source of thousands",
            rule: "grounding.misquote",
            fires: 3,
            rules: &["--select", "grounding"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| match i % 3 {
                    0 => format!("“We will rebuild the harbour wall in {i} weeks,” she said.\n\n"),
                    1 => "“We will not rebuild it,” he said. “Yes,” she said.\n\n".to_owned(),
                    _ => "“the the the the the the,” he said.\n\n".to_owned(),
                })
            },
            source: Some(|n| {
                fill(n, "Harbour statement\n\n", |i| {
                    format!(
                        "“We will rebuild the harbour wall in {} days,” she said. “the the the the,” he said.\n\n",
                        i
                    )
                })
            }),
            pack: None,
        },
        Case {
            stresses: "source-sentence",
            name: "thousands of sentences, clause after clause, whose words every source sentence has",
            rule: "grounding.unsupported-sentence",
            fires: 3,
            rules: &["--select", "grounding.unsupported-sentence"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| match i % 3 {
                    0 => "The harbour board met on the quay and voted and met and voted on the \
                          plan, which the board backed as the quay board met.\n\n"
                        .to_owned(),
                    1 => format!(
                        "{} and {} sold {} tractors in Vorland, which angered {} farmers.\n\n",
                        name(i),
                        name(i + 1),
                        i * 3 + 7,
                        name(i + 2)
                    ),
                    _ => "The board and the quay and the plan and the harbour and the vote.\n\n"
                        .to_owned(),
                })
            },
            source: Some(|n| {
                fill(n, "Harbour statement\n\n", |_| {
                    "The harbour board met on the quay and voted on the plan. The board backed \
                     the plan.\n\n"
                        .to_owned()
                })
            }),
            pack: None,
        },
        Case {
            stresses: "source-drift",
            name: "thousands of sentences, each thick with attributions, hedges, qualifiers and denials, against a source of the same",
            rule: "grounding.attribution-changed",
            fires: 3,
            // One rule of the kind: the four share every step but the last comparison, which
            // reads a sentence of at most 250 words against at most two.
            rules: &["--select", "grounding.attribution-changed"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| match i % 2 {
                    0 => format!(
                        "Officials confirmed that at least {1} fishing boats sank in the harbour \
                         storm, that nearly {2} trawlers were hit, that no other boats were lost \
                         and no crews were hurt, aides said, {0} said and police said.\n\n",
                        name(i),
                        i % 90 + 10,
                        i % 70 + 20
                    ),
                    _ => "The harbour board said and said and said that the quay wall of the \
                          harbour was hit in the storm, officials said.\n\n"
                        .to_owned(),
                })
            },
            source: Some(|n| {
                fill(n, "Harbour statement\n\n", |i| {
                    format!(
                        "Officials said that {1} fishing boats sank in the harbour storm, that \
                         about {2} trawlers were hit, that no boats were lost and no other crews \
                         were hurt, aides said, {0} said and police said. The quay wall of the \
                         harbour may have been hit in the storm, officials said.\n\n",
                        name(i),
                        i % 90 + 10,
                        i % 70 + 20
                    )
                })
            }),
            pack: None,
        },
        Case {
            stresses: "source-fact",
            name: "thousands of figures, dates and names not in a source of thousands",
            rule: "grounding.not-in-sources",
            fires: 3,
            rules: &["--select", "grounding"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| match i % 2 {
                    // Every other paragraph is free of facts, so the findings, which other
                    // cases render by the hundred thousand, do not swamp the check.
                    0 => "The board met on the quay to vote on the plan for the harbour.\n\n"
                        .to_owned(),
                    _ => format!(
                        "On March {}, {} Quayle told the harbour board that {} people and \
                         {}-{}-{} fans came to the meeting to vote on the plan for the quay.\n\n",
                        i % 28 + 1,
                        name(i),
                        i * 7 + 3,
                        i % 9,
                        i % 7,
                        i % 5
                    ),
                })
            },
            source: Some(|n| {
                fill(n, "Harbour statement\n\n", |i| {
                    format!(
                        "On April {} {} Quayle said {} people came.\n\n",
                        i % 28 + 1,
                        name(i + 7),
                        i * 7 + 4
                    )
                })
            }),
            pack: None,
        },
        Case {
            stresses: "variants",
            name: "paragraphs alternating forms of words and names",
            rule: "consistency.variants",
            fires: 3,
            rules: &["--select", "consistency.variants"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                // Few names: many made-up names would be one slip apart from each other, and
                // their findings would grow faster than the text.
                fill(n, HEAD, |i| match i % 4 {
                    0 => "The e-mail from Ada Brook reached Whitfield.\n\n".to_owned(),
                    1 => "The email from Ada Brook reached Whitfeild.\n\n".to_owned(),
                    2 => "Kataib Hezbollah met al-Saadi and Whitfield.\n\n".to_owned(),
                    _ => "Kata’ib Hezbollah met al Saadi.\n\n".to_owned(),
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "variants",
            name: "one name written a new way in every paragraph",
            rule: "consistency.variants",
            fires: 3,
            rules: &["--select", "consistency.variants"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                // The capitals of "Whitfieldington" follow the bits of the paragraph's number,
                // and every other paragraph puts a hyphen somewhere in it: one group written
                // thousands of ways in a dozen forms.
                fill(n, HEAD, |i| {
                    let mut written = String::new();
                    for (at, c) in "whitfieldington".chars().enumerate() {
                        if i % 2 == 1 && at == i / 2 % 13 + 1 {
                            written.push('-');
                        }
                        let capital = at == 0 || (i >> (at - 1)) & 1 == 1;
                        written.push(if capital { c.to_ascii_uppercase() } else { c });
                    }
                    format!("The council met {written} on Monday.\n\n")
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "contradiction",
            name: "one paragraph of one person's ages, tolls, titles, dated weekdays and shares",
            rule: "news.fact.age-changed",
            fires: 3,
            rules: &["--select", "news.fact"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                // One block and one person: every mention is compared with the others.
                fill(n, HEAD, |i| {
                    format!(
                        "Ada Quayle, {}, said {} people were killed on Friday, March {}, 2024, \
                         when Gov. {} Quayle and Sen. {} Quayle put 52% for and {}% against \
                         in the vote. ",
                        i % 90 + 10,
                        i % 50 + 2,
                        i % 28 + 1,
                        name(i),
                        name(i),
                        i % 60 + 40
                    )
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "first-reference",
            name: "one paragraph of thousands of distinct acronyms and surnames",
            rule: "style.first-reference.acronym",
            fires: 3,
            rules: &["--select", "style.first-reference", "--preview"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                fill(n, HEAD, |i| {
                    let acronym = letters(i, b"BCDFGHJKLMNPQRSTVWXZ");
                    let acronym = if acronym.len() < 2 {
                        format!("{acronym}Q")
                    } else {
                        acronym
                    };
                    let surname = name(i);
                    format!(
                        "The {acronym} met {surname} of the Harbour Board. Later Ada {surname} left. "
                    )
                })
            },
            source: None,
            pack: None,
        },
    ]
}

/// The layers every kind shares: reading each format, rendering, fixing.
fn layer_cases() -> Vec<Case> {
    /// A finding every 13 bytes on one line.
    fn doubled_line(n: usize) -> String {
        fill(n, HEAD, |_| "the the pier ".to_owned())
    }
    /// A finding every short paragraph.
    fn doubled_paragraphs(n: usize) -> String {
        fill(n, HEAD, |_| "the the\n\n".to_owned())
    }
    let layer = |stresses, name, output, draft: fn(usize) -> String| Case {
        stresses,
        name,
        rule: "typo.doubled-word",
        fires: 3,
        rules: &["--select", "typo"],
        output,
        file: "draft.txt",
        draft,
        source: None,
        pack: None,
    };
    let read = |name, file, draft: fn(usize) -> String| Case {
        stresses: "read",
        name,
        rule: "typo.doubled-word",
        fires: 3,
        rules: &[],
        output: JSON,
        file,
        draft,
        source: None,
        pack: None,
    };
    vec![
        layer(
            "render",
            "human, one line",
            &["--format", "human", "--color", "never"],
            doubled_line,
        ),
        layer(
            "render",
            "human, short paragraphs",
            &["--format", "human", "--color", "never"],
            doubled_paragraphs,
        ),
        layer(
            "render",
            "concise, one line",
            &["--format", "concise"],
            doubled_line,
        ),
        layer("render", "json, one line", JSON, doubled_line),
        layer(
            "render",
            "jsonl, one line",
            &["--format", "jsonl"],
            doubled_line,
        ),
        layer(
            "render",
            "sarif, one line",
            &["--format", "sarif"],
            doubled_line,
        ),
        layer(
            "render",
            "github, one line",
            &["--format", "github"],
            doubled_line,
        ),
        layer(
            "render",
            "statistics, one line",
            &["--statistics"],
            doubled_line,
        ),
        layer(
            "fix",
            "--fix, one line",
            &["--fix", "--format", "concise"],
            doubled_line,
        ),
        layer(
            "fix",
            "--diff, short paragraphs",
            &["--diff"],
            doubled_paragraphs,
        ),
        layer(
            "suppress",
            "thousands of suppression comments among findings",
            JSON,
            |n| {
                fill(n, HEAD, |_| {
                    "<!-- copydesk-disable news -->\nThe the quay met.\n\n\
                     <!-- copydesk-enable paste -->\n\
                     <!-- copydesk-disable-next-line typo -->\nthe the pier\n\n"
                        .to_owned()
                })
            },
        ),
        read("a million short plain-text paragraphs", "draft.txt", |n| {
            fill(n, HEAD, |_| "the the\n\nOk.\n\n".to_owned())
        }),
        read(
            "a million short Markdown blocks and quotations",
            "draft.md",
            |n| {
                fill(n, "# Council\n\n", |_| {
                    "the the\n\n> “Ok”\n\n## Ok\n\n".to_owned()
                })
            },
        ),
        read("HTML nested ever deeper", "draft.html", |n| {
            fill(n, "<html><body>", |_| {
                "<div><p>the the <b>quay</b></p>".to_owned()
            })
        }),
        read(
            "HTML of many headings, paragraphs and <q> quotations",
            "draft.html",
            |n| {
                fill(n, "<html><body>", |_| {
                    "<h1>Ok</h1><p>the the <q>we stay</q> <em>x</em></p>".to_owned()
                })
            },
        ),
        Case {
            stresses: "unattributed",
            name: "one paragraph of judging words, every third sentence attributed",
            rule: "news.voice.judging",
            fires: 3,
            rules: &["--preview", "--select", "news.voice.judging"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                // A judged sentence after a judged one is reported; one after the mayor's is
                // hers, reported speech running on.
                fill(n, HEAD, |i| match i % 3 {
                    2 => "The mayor said the disgraceful vote was vile. ".to_owned(),
                    _ => "The disgraceful plan was shameful and vile. ".to_owned(),
                })
            },
            source: None,
            pack: None,
        },
        Case {
            stresses: "first-person",
            name: "exclamations in thousands of paragraphs, then a first-person passage",
            rule: "news.voice.exclamation",
            fires: 3,
            rules: &["--preview", "--select", "news.voice.exclamation"],
            output: JSON,
            file: "draft.txt",
            draft: |n| {
                // Paragraphs that report speech, so the passage does not reach back over them.
                let mut text = fill(n / 2, HEAD, |_| {
                    "Officials said the pier closed at noon!\n\n".to_owned()
                });
                text.push_str(&fill(n / 2, "", |_| {
                    "I think you should see the quay! My pier is shut.\n\n".to_owned()
                }));
                text
            },
            source: None,
            pack: None,
        },
    ]
}

/// A folder holding a case's files, written for `bytes` bytes of draft.
struct Written {
    dir: tempfile::TempDir,
    draft: String,
    source: Option<String>,
}

impl Written {
    fn new(case: &Case, bytes: usize) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        if let Some(pack) = case.pack {
            std::fs::write(dir.path().join("pack.toml"), pack).expect("write pack");
        }
        let source = case.source.map(|source| source(bytes));
        if let Some(source) = &source {
            std::fs::write(dir.path().join("source.txt"), source).expect("write source");
        }
        Written {
            dir,
            draft: (case.draft)(bytes),
            source,
        }
    }

    /// The command that checks the draft with the case's rules (the draft written afresh:
    /// `--fix` changes it); its output is for the caller to choose.
    fn command(&self, case: &Case) -> Command {
        let dir = self.dir.path();
        std::fs::write(dir.join(case.file), &self.draft).expect("write draft");
        let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        command.current_dir(dir).args(["check", "--isolated"]);
        command.args(case.rules);
        if case.pack.is_some() {
            command.args(["--rules", "pack.toml"]);
        }
        if self.source.is_some() {
            command.args(["--source", "source.txt"]);
        }
        command.arg(case.file);
        command
    }

    fn bytes(&self) -> usize {
        self.draft.len() + self.source.as_ref().map_or(0, String::len)
    }
}

#[test]
fn every_kind_has_an_adversarial_case() {
    let cases = cases();
    let missing: Vec<&str> = copydesk::rules::kinds::KINDS
        .iter()
        .map(|kind| kind.name)
        .filter(|name| !cases.iter().any(|case| case.stresses == *name))
        .collect();
    assert!(
        missing.is_empty(),
        "kinds with no adversarial input in tests/scaling.rs: {missing:?}"
    );
}

#[test]
fn every_case_fires_its_rule() {
    // Small drafts through the debug binary: each case's input really reaches its rule.
    let mut failures = String::new();
    for case in cases() {
        let written = Written::new(&case, 6_000);
        let mut command = written.command(&case);
        // Concise output names each finding's rule, once a line.
        let out = command
            .args(["--format", "concise"])
            .output()
            .expect("copydesk runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let fired = stdout
            .lines()
            .filter(|line| line.contains(&format!("[{}]", case.rule)))
            .count();
        if fired < case.fires || out.status.code().is_none_or(|code| code > 1) {
            writeln!(
                failures,
                "{} ({}): {fired} findings of {}\n{}\n{}",
                case.stresses,
                case.name,
                case.rule,
                stdout.lines().take(5).collect::<Vec<_>>().join("\n"),
                common::stderr(&out)
            )
            .expect("writing to a string");
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// CPU time of one run of `command`, which must succeed.
#[derive(Clone, Copy)]
struct Cpu {
    /// Seconds in copydesk's own code, all threads.
    user: f64,
    /// Seconds in the kernel on its behalf (mostly page faults).
    system: f64,
}

impl Cpu {
    const MAX: Cpu = Cpu {
        user: f64::MAX,
        system: f64::MAX,
    };

    fn total(self) -> f64 {
        self.user + self.system
    }

    /// The lesser of two runs: a shared machine only ever adds time.
    fn least(self, other: Cpu) -> Cpu {
        if other.total() < self.total() {
            other
        } else {
            self
        }
    }
}

fn cpu_seconds(mut command: Command, output: &[&str]) -> Cpu {
    let child = command
        .args(output)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("copydesk runs");
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in; the child is ours and not yet
    // waited for (std's handle is dropped without waiting).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    drop(child);
    assert_eq!(waited, pid, "wait4 failed");
    let exit = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    assert!(
        exit.is_some_and(|code| code <= 1),
        "copydesk failed ({status}): {command:?}"
    );
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Cpu {
        user: seconds(usage.ru_utime),
        system: seconds(usage.ru_stime),
    }
}

/// How much more CPU time a draft 8 times larger may cost.
const MAX_GROWTH: f64 = 12.0;

/// The most rounds each case is timed in, the least of each size kept; a case within the bound
/// after two rounds stops there. The memory-heavy cases (a finding every 9 bytes, `--diff`)
/// have measured from 8.8× to 11.3× on this machine between runs.
const ROUNDS: usize = 6;

#[test]
#[ignore = "needs a release build; .ci/run runs it"]
fn every_kind_and_layer_is_linear_from_1_to_8_mb() {
    const SMALL: usize = 1 << 20;
    const LARGE: usize = 8 << 20;
    let mut report = String::new();
    let mut failures = Vec::new();
    // `SCALING_CASES=consistency,render` times only the cases whose kind or layer is listed.
    let chosen = std::env::var("SCALING_CASES").unwrap_or_default();
    let chosen: Vec<&str> = chosen.split(',').filter(|c| !c.is_empty()).collect();
    for case in cases() {
        if !chosen.is_empty() && !chosen.contains(&case.stresses) {
            continue;
        }
        let small = Written::new(&case, SMALL);
        let large = Written::new(&case, LARGE);
        // Rounds interleaved, the least of each kept: a shared machine only ever adds time.
        let (mut small_cpu, mut large_cpu) = (Cpu::MAX, Cpu::MAX);
        for round in 0..ROUNDS {
            small_cpu = small_cpu.least(cpu_seconds(small.command(&case), case.output));
            large_cpu = large_cpu.least(cpu_seconds(large.command(&case), case.output));
            if round >= 1 && large_cpu.total() <= MAX_GROWTH * small_cpu.total() {
                break;
            }
        }
        let growth = large_cpu.total() / small_cpu.total();
        let row = format!(
            "{:<16} {:<72} {:>5.1} MB {:>6.2} s (+{:.2} sys) {:>5.1} MB {:>6.2} s (+{:.2} sys) ×{growth:.1}",
            case.stresses,
            case.name,
            small.bytes() as f64 / 1e6,
            small_cpu.user,
            small_cpu.system,
            large.bytes() as f64 / 1e6,
            large_cpu.user,
            large_cpu.system,
        );
        eprintln!("{row}");
        report.push_str(&row);
        report.push('\n');
        if growth > MAX_GROWTH {
            failures.push(format!("{} ({})", case.stresses, case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "more than {MAX_GROWTH}× the CPU time for 8× the input: {failures:?}\n{report}"
    );
}

#[test]
fn generated_names_and_acronyms_differ() {
    let names: std::collections::HashSet<String> = (0..500).map(name).collect();
    assert_eq!(names.len(), 500);
    assert!(
        names
            .iter()
            .all(|n| n.chars().next().is_some_and(char::is_uppercase))
    );
    let acronyms: std::collections::HashSet<String> =
        (0..500).map(|i| letters(i, b"BCD")).collect();
    assert_eq!(acronyms.len(), 500);
}
