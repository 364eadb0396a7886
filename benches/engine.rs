//! The engine's parts, measured: loading the built-in pack, building the model, one scan of
//! the combined matchers, checking with the whole built-in pack and with each kind alone,
//! grounding against sources, and how cost grows with the number of rules (10 against 10,000
//! literals). Run with `cargo bench`; `scripts/bench.sh` times the whole binary against
//! ripgrep.

use copydesk::article::{Article, Format};
use copydesk::engine::{Run, check_all, check_run};
use copydesk::grounding::Sources;
use copydesk::rules::RuleSet;
use copydesk::rules::pack::{PackInput, load};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/common/drafts.rs"]
mod drafts;

fn default_rules() -> RuleSet {
    load(&PackInput::defaults()).unwrap_or_else(|e| panic!("{:?}", e.errors))
}

/// A pack of one preferred-term rule with `pairs` replacements from the US/UK list.
fn pack_with_literals(pairs: usize) -> RuleSet {
    let data = std::fs::read_to_string("rules/spelling/us-uk-common.tsv").unwrap();
    let mut replace = Vec::new();
    'outer: for round in 0.. {
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            if let Some((us, uk)) = line.split_once('\t') {
                // Beyond the list, made-up words keep the count honest.
                let suffix = if round == 0 {
                    String::new()
                } else {
                    format!("x{round}")
                };
                let quoted = |w: &str| serde_json::to_string(w).unwrap_or_default();
                replace.push(format!(
                    "[{}, {}]",
                    quoted(&format!("{uk}{suffix}")),
                    quoted(us)
                ));
                if replace.len() == pairs {
                    break 'outer;
                }
            }
        }
    }
    let toml = format!(
        "[pack]\nname = \"bench\"\n\n[[preferred-term]]\nid = \"bench.us\"\nmessage = \"m\"\nrationale = \"r\"\nmust-fire = [\"colour\"]\nmust-not-fire = [\"color\"]\nreplace = [{}]\n",
        replace.join(", ")
    );
    load(&[PackInput::Text {
        name: "bench.toml".to_owned(),
        text: toml,
    }])
    .unwrap_or_else(|e| panic!("{:?}", e.errors))
}

fn benches(c: &mut Criterion) {
    let text = drafts::article_text();
    let rules = default_rules();

    // Start-up: what every run pays before the first article, including an editor's save.
    let mut group = c.benchmark_group("start-up");
    group.bench_function("load the built-in pack", |b| b.iter(default_rules));
    group.finish();

    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("model", |b| {
        b.iter(|| Article::parse("a.txt", black_box(text.clone()), Format::Plain))
    });
    group.bench_function("scan", |b| b.iter(|| rules.matcher.scan(black_box(&text))));
    // Each check gets a freshly parsed article, so the split into words and sentences, which an
    // article caches for all its rules, is counted as it is in a real run.
    let fresh = || [Article::parse("a.txt", text.clone(), Format::Plain)];
    // The attribution layer alone, on an article whose words are already split (as they are
    // when the first rule asks for it).
    group.bench_function("attribution layer", |b| {
        b.iter_batched(
            || {
                let article = Article::parse("a.txt", text.clone(), Format::Plain);
                let words = article
                    .blocks
                    .first()
                    .map_or(0, |b| article.sentences(b).count());
                (article, words)
            },
            |(article, _)| black_box(article.attribution().quotes.len()),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("check (built-in pack)", |b| {
        b.iter_batched(
            fresh,
            |articles| check_all(&rules, black_box(&articles)),
            BatchSize::SmallInput,
        )
    });
    group.finish();

    // Each kind alone: only the built-in rules of that kind enabled. Every row includes the
    // shared scan of the combined matchers ("article/scan") and the word split.
    let mut rules = rules;
    let mut kinds: Vec<&'static str> = rules.rules.iter().map(|r| r.meta.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut group = c.benchmark_group("kind");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for kind in kinds {
        let enabled: Vec<bool> = rules.rules.iter().map(|r| r.meta.kind == kind).collect();
        rules.enabled = enabled;
        group.bench_function(kind, |b| {
            b.iter_batched(
                fresh,
                |articles| check_all(&rules, black_box(&articles)),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
    let articles = fresh();

    let mut group = c.benchmark_group("rule count");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for literals in [10, 10_000] {
        let set = pack_with_literals(literals);
        group.bench_with_input(BenchmarkId::from_parameter(literals), &set, |b, set| {
            b.iter(|| check_all(set, black_box(&articles)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("grounding");
    let draft = [Article::parse(
        "draft.md",
        std::fs::read_to_string("corpus/16-flood-rewrite.md").unwrap(),
        Format::Markdown,
    )];
    let source_text = std::fs::read_to_string("corpus/sources/16-wire.txt").unwrap();
    group.bench_function("index three sources", |b| {
        b.iter(|| {
            Sources::new(
                (0..3)
                    .map(|i| {
                        Article::parse(format!("s{i}.txt"), source_text.repeat(20), Format::Plain)
                    })
                    .collect(),
            )
        })
    });
    let sources = Sources::new(
        (0..3)
            .map(|i| Article::parse(format!("s{i}.txt"), source_text.repeat(20), Format::Plain))
            .collect(),
    );
    let article_sources = [vec![0, 1, 2]];
    group.bench_function("check a draft against three sources", |b| {
        b.iter(|| {
            let run = Run {
                articles: &draft,
                sources: Some(&sources),
                article_sources: &article_sources,
                corpus: copydesk::engine::Corpus::Off,
                article_places: &[],
                progress: None,
                deadline: None,
            };
            check_run(&rules, black_box(run))
        })
    });
    // Alignment (`grounding.unsupported-sentence` and the rules that read it): a 1,000-word
    // draft against three 1,000-word sources, the whole built-in pack with the rule and
    // without it (nothing then asks for the alignment). The sources are indexed in the set-up,
    // so each run builds the sentence index afresh and aligns the draft.
    let draft = [Article::parse(
        "draft.txt",
        drafts::article_text(),
        Format::Plain,
    )];
    let source_texts: Vec<String> = (0..3)
        .map(|i| drafts::sample_draft(&format!("Source {i}"), 1_000, true))
        .collect();
    let fresh_sources = || {
        Sources::new(
            source_texts
                .iter()
                .enumerate()
                .map(|(i, text)| Article::parse(format!("s{i}.txt"), text.clone(), Format::Plain))
                .collect(),
        )
    };
    // Fresh rule sets: `rules` above was left with one kind enabled.
    let with = default_rules();
    let mut without = default_rules();
    without.select(
        false,
        &[],
        &[],
        &["grounding.unsupported-sentence".to_owned()],
    );
    for (name, set) in [("with alignment", &with), ("without alignment", &without)] {
        group.bench_function(
            format!("1,000 words against three sources of 1,000, {name}"),
            |b| {
                b.iter_batched(
                    fresh_sources,
                    |sources| {
                        let run = Run {
                            articles: &draft,
                            sources: Some(&sources),
                            article_sources: &article_sources,
                            corpus: copydesk::engine::Corpus::Off,
                            article_places: &[],
                            progress: None,
                            deadline: None,
                        };
                        check_run(set, black_box(run))
                    },
                    BatchSize::LargeInput,
                )
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = engine;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(engine);
