//! Running rules over articles: one scan of the combined matcher per article, then every rule's
//! check; articles in parallel. In corpus mode, kinds that judge a whole corpus (consistency,
//! discovered variants) collect what each article uses, and decide once all are read.

use crate::article::Article;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::grounding::Sources;
use crate::rules::forms::{self, Evidence, Place, Verdict};
use crate::rules::matcher::{Hit, leftmost_longest};
use crate::rules::{Context, Occurrence, RuleMeta, RuleSet};
use foldhash::{HashMap, HashMapExt, HashSet};
use rayon::prelude::*;
use std::time::Instant;

/// What one run checks: the articles, the sources they are grounded on, and how consistency
/// is judged across them.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    pub articles: &'a [Article],
    pub sources: Option<&'a Sources>,
    /// For each article, the indices of the sources it is checked against.
    pub article_sources: &'a [Vec<usize>],
    pub corpus: Corpus<'a>,
    /// Each article's place in a corpus larger than the run (a record's line in an export),
    /// for evidence and verdicts shared between runs; empty: its index in the run.
    pub article_places: &'a [u64],
    /// Called once per article checked (for a progress bar).
    pub progress: Option<&'a (dyn Fn() + Sync)>,
    /// Past this instant no further rule starts: the run is cut short, and the caller, which
    /// set it, treats its findings as abandoned (a server's bound on one request's work).
    pub deadline: Option<Instant>,
}

impl<'a> Run<'a> {
    /// Articles checked one by one, with no sources.
    pub fn articles(articles: &'a [Article]) -> Self {
        Self {
            articles,
            sources: None,
            article_sources: &[],
            corpus: Corpus::Off,
            article_places: &[],
            progress: None,
            deadline: None,
        }
    }

    /// The corpus place of article `index`.
    fn place_of(&self, index: usize) -> u64 {
        self.article_places
            .get(index)
            .copied()
            .unwrap_or(index as u64)
    }

    /// Whether the run's deadline has passed.
    pub fn past_deadline(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| Instant::now() >= deadline)
    }
}

/// How the kinds that can judge a whole corpus at once (consistency, discovered variants)
/// run. A corpus too large for one run is judged in two passes over its parts ([`forms`]):
/// [`Corpus::Gather`] over each part, evidence merged and verdicts reached
/// ([`verdicts`]), then [`Corpus::Verdicts`] over each part; the findings are those of
/// [`Corpus::Judge`] over the whole.
#[derive(Clone, Copy, Default)]
pub enum Corpus<'a> {
    /// Each article is judged on its own.
    #[default]
    Off,
    /// All the run's articles are judged together (`--corpus`).
    Judge,
    /// Only those kinds run, gathering each group's evidence; nothing is reported.
    Gather,
    /// Every rule runs; those kinds report against these verdicts on the whole corpus.
    Verdicts(&'a [Verdict]),
}

impl Corpus<'_> {
    /// Whether the run's articles are read as part of a corpus.
    pub fn is_on(self) -> bool {
        !matches!(self, Corpus::Off)
    }
}

/// Checks every article in parallel; diagnostics come back sorted.
pub fn check_all(rules: &RuleSet, articles: &[Article]) -> Vec<Diagnostic> {
    check_run(rules, Run::articles(articles))
}

/// Checks a run with one rule set: every article in parallel, then, with `corpus`, the rules
/// that judge the whole set at once. Diagnostics come back sorted.
pub fn check_run(rules: &RuleSet, run: Run<'_>) -> Vec<Diagnostic> {
    check_run_with(&[rules], &[], run)
}

/// Checks a run whose articles use different rule sets (folders with their own
/// configuration): article `i` uses `rule_sets[set_of[i]]` (the first when `set_of` is empty).
/// Corpus rules judge the articles of their own rule set together.
pub fn check_run_with(rule_sets: &[&RuleSet], set_of: &[usize], run: Run<'_>) -> Vec<Diagnostic> {
    gather_run_with(rule_sets, set_of, run).0
}

/// [`check_run_with`], and with [`Corpus::Gather`] the evidence of every group of every corpus
/// rule, by rule id (the run's articles at their [`Run::article_places`]).
pub fn gather_run_with(
    rule_sets: &[&RuleSet],
    set_of: &[usize],
    run: Run<'_>,
) -> (Vec<Diagnostic>, Vec<Evidence>) {
    let set = |index: usize| set_of.get(index).copied().unwrap_or(0);
    let per_article: Vec<ArticleOutcome> = map_in_parallel(run.articles, |index, article| {
        let outcome = check_one(rule_sets[set(index)], run, article, index, None);
        if let Some(progress) = run.progress {
            progress();
        }
        outcome
    });
    let mut diagnostics = Vec::new();
    let mut occurrences: Vec<Vec<Vec<Occurrence>>> = rule_sets
        .iter()
        .map(|rules| vec![Vec::new(); rules.rules.len()])
        .collect();
    for (index, outcome) in per_article.into_iter().enumerate() {
        diagnostics.extend(outcome.diagnostics);
        for (rule, list) in outcome.collected {
            occurrences[set(index)][rule].extend(list);
        }
    }
    let mut judged = Vec::new();
    let mut evidence = Vec::new();
    let local = match run.corpus {
        Corpus::Verdicts(_) => local_places(run),
        _ => HashMap::new(),
    };
    let local = |place: &Place| local.get(&place.article).copied();
    for (rules, lists) in rule_sets.iter().zip(occurrences) {
        for (rule, list) in rules.rules.iter().zip(lists) {
            let Some(corpus) = rule.check.corpus() else {
                continue;
            };
            let meta = &rule.meta;
            match run.corpus {
                Corpus::Off => {}
                Corpus::Judge => forms::judge(meta, corpus, &list, &mut judged),
                Corpus::Gather => evidence.extend(Evidence::gather(&meta.id, &list, &|i| {
                    (run.place_of(i), run.articles[i].name.as_str())
                })),
                Corpus::Verdicts(verdicts) => {
                    forms::report(meta, &list, verdicts, &local, &mut judged);
                }
            }
        }
    }
    for diagnostic in &mut judged {
        if let Some(article) = run.articles.get(diagnostic.primary.article) {
            keep_line_ends(&article.contents, diagnostic);
        }
    }
    diagnostics.extend(judged);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (merge_same_findings(diagnostics), evidence)
}

/// The verdicts of `rules` on a whole corpus's `evidence` (merged: one entry a group).
pub fn verdicts(rules: &RuleSet, evidence: &[Evidence]) -> Vec<Verdict> {
    let mut of_rule: HashMap<&str, Vec<Evidence>> = HashMap::new();
    for e in evidence {
        of_rule.entry(e.rule.as_str()).or_default().push(e.clone());
    }
    let mut verdicts = Vec::new();
    for rule in &rules.rules {
        if let (Some(corpus), Some(evidence)) =
            (rule.check.corpus(), of_rule.get(rule.meta.id.as_str()))
        {
            verdicts.extend(corpus.verdicts(&rule.meta, evidence));
        }
    }
    verdicts
}

/// The run's index of each article, by its corpus place.
fn local_places(run: Run<'_>) -> HashMap<u64, usize> {
    (0..run.articles.len())
        .map(|index| (run.place_of(index), index))
        .collect()
}

/// `f` over every item with its index, in parallel when there is more than one: a single
/// item (a server's draft) is done on the calling thread, so it never waits for a turn in the
/// shared thread pool behind another request's long article.
pub fn map_in_parallel<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(usize, &T) -> R + Sync + Send,
) -> Vec<R> {
    if items.len() < 2 {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| f(i, item))
            .collect()
    } else {
        items
            .par_iter()
            .enumerate()
            .map(|(i, item)| f(i, item))
            .collect()
    }
}

/// Checks article `article_index` of `run` with rule `only` (how rule examples run), or with
/// every enabled rule; diagnostics come back sorted.
pub fn check_article(
    rules: &RuleSet,
    run: Run<'_>,
    article_index: usize,
    only: Option<usize>,
) -> Vec<Diagnostic> {
    let article = &run.articles[article_index];
    check_one(rules, run, article, article_index, only).diagnostics
}

/// What checking one article gives: its diagnostics, and in corpus mode what it contributes to
/// the rules that judge the whole corpus, by rule index.
struct ArticleOutcome {
    diagnostics: Vec<Diagnostic>,
    collected: Vec<(usize, Vec<Occurrence>)>,
}

fn check_one(
    rules: &RuleSet,
    run: Run<'_>,
    article: &Article,
    article_index: usize,
    only: Option<usize>,
) -> ArticleOutcome {
    let wanted = |rule_index: usize| {
        let rule = &rules.rules[rule_index].meta;
        let chosen = match only {
            Some(only) => only == rule_index,
            None => rules.enabled[rule_index],
        };
        // Gathering evidence runs only the rules that judge a corpus.
        let gathering = matches!(run.corpus, Corpus::Gather);
        chosen
            && !(rule.news_only && article.label.is_some())
            && (!gathering || rules.rules[rule_index].check.corpus().is_some())
    };
    // A hit is read only in a block of its rule's scope (`readable`).
    let may_report = |rule_index: usize| {
        let scope = rules.rules[rule_index].meta.scope;
        wanted(rule_index) && article.blocks.iter().any(|b| scope.contains(b.kind))
    };
    let scanned = rules.matcher.scan_for(&article.contents, &may_report);
    let mut out = Vec::new();
    let mut collected = Vec::new();
    let mut rest = &scanned[..];
    let alignment = std::sync::OnceLock::new();
    let drift_reading = std::sync::OnceLock::new();
    for (rule_index, rule) in rules.rules.iter().enumerate() {
        if run.past_deadline() {
            break;
        }
        let count = rest.iter().take_while(|(r, _)| *r == rule_index).count();
        let (own, after) = rest.split_at(count);
        rest = after;
        if !wanted(rule_index) {
            continue;
        }
        let hits = leftmost_longest(
            own.iter()
                .map(|(_, hit)| *hit)
                .filter(|hit| readable(article, &rule.meta, hit)),
        );
        let cx = Context {
            article,
            article_index,
            rule: &rule.meta,
            hits: &hits,
            sources: run.sources,
            source_docs: run
                .article_sources
                .get(article_index)
                .map_or(&[], Vec::as_slice),
            source_offset: run.articles.len(),
            alignment: &alignment,
            drift_reading: &drift_reading,
            corpus: run.corpus.is_on(),
        };
        match rule.check.corpus().filter(|_| run.corpus.is_on()) {
            Some(corpus) => collected.push((rule_index, corpus.collect(&cx))),
            None => rule.check.check_article(&cx, &mut out),
        }
    }
    drop_deferred(rules, article, &mut out);
    for diagnostic in &mut out {
        keep_line_ends(&article.contents, diagnostic);
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    ArticleOutcome {
        diagnostics: merge_same_findings(out),
        collected,
    }
}

/// Makes a fix keep the line ends of the text it edits in `source` (its article's), whatever
/// rule made it: a fix that cannot (a phrase closed up across a line break) is withdrawn, and
/// the finding says why.
fn keep_line_ends(source: &str, diagnostic: &mut Diagnostic) {
    let Some(fix) = &mut diagnostic.fix else {
        return;
    };
    let kept: Option<Vec<_>> = fix
        .edits
        .iter()
        .map(|edit| edit.keeping_line_ends(source))
        .collect();
    match kept {
        Some(edits) => fix.edits = edits,
        None => {
            diagnostic.fix = None;
            diagnostic
                .notes
                .push("no fix offered: it would join or split lines".to_owned());
        }
    }
}

/// Drops the findings of rules that give way (`defers-to`) to a rule reporting in the same
/// block. Each finding is looked at once, against the rules reporting in its block.
fn drop_deferred(rules: &RuleSet, article: &Article, out: &mut Vec<Diagnostic>) {
    let deferring: HashMap<&str, &RuleMeta> = rules
        .rules
        .iter()
        .map(|rule| &rule.meta)
        .filter(|meta| !meta.defers_to.is_empty())
        .map(|meta| (meta.id.as_str(), meta))
        .collect();
    if deferring.is_empty() {
        return;
    }
    let blocks: Vec<Option<usize>> = out
        .iter()
        .map(|d| article.block_at(d.primary.span))
        .collect();
    // The rules reporting in each block, each named once.
    let mut reporting: HashMap<Option<usize>, HashSet<&str>> = HashMap::new();
    for (diagnostic, block) in out.iter().zip(&blocks) {
        reporting
            .entry(*block)
            .or_default()
            .insert(diagnostic.rule.as_str());
    }
    let deferred: Vec<bool> = out
        .iter()
        .zip(&blocks)
        .map(|(diagnostic, block)| {
            deferring.get(diagnostic.rule.as_str()).is_some_and(|meta| {
                reporting
                    .get(block)
                    .is_some_and(|rules| rules.iter().any(|other| meta.defers_to(other)))
            })
        })
        .collect();
    let mut flags = deferred.into_iter();
    out.retain(|_| !flags.next().unwrap_or(false));
}

/// One finding per problem: when two rules flag the same span of one article with the same fix,
/// or one of them with none (a consistency group and the spelling system both catching
/// "neighbourhood"), the first in sort order is kept, names the others, takes the fix and the
/// higher severity.
fn merge_same_findings(sorted: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<Diagnostic> = Vec::with_capacity(sorted.len());
    for diagnostic in sorted {
        if let Some(kept) = merged.last_mut() {
            let same = kept.primary.article == diagnostic.primary.article
                && kept.primary.span == diagnostic.primary.span
                && (kept.fix.is_some() || diagnostic.fix.is_some())
                && (edits(kept) == edits(&diagnostic)
                    || kept.fix.is_none()
                    || diagnostic.fix.is_none());
            if same {
                kept.notes
                    .push(format!("also reported by `{}`", diagnostic.rule));
                // Two rules that agree on an edit: safe if either has the evidence for it.
                if let (Some(kept_fix), Some(fix)) = (kept.fix.as_mut(), diagnostic.fix.as_ref())
                    && fix.applicability == Applicability::Safe
                {
                    kept_fix.applicability = Applicability::Safe;
                }
                if kept.fix.is_none() {
                    kept.fix = diagnostic.fix;
                }
                kept.severity = kept.severity.max(diagnostic.severity);
                continue;
            }
        }
        merged.push(diagnostic);
    }
    merged
}

/// The edits of a diagnostic's fix, if it has one.
fn edits(diagnostic: &Diagnostic) -> Option<&[Edit]> {
    diagnostic.fix.as_ref().map(|f| f.edits.as_slice())
}

/// Whether a rule may see a match: inside one block of its scope, and where the rule may see
/// it ([`RuleMeta::may_see`]).
fn readable(article: &Article, rule: &RuleMeta, hit: &Hit) -> bool {
    let Some(block) = article.block_at(hit.span) else {
        return false;
    };
    rule.scope.contains(article.blocks[block].kind) && rule.may_see(article, block, hit.span)
}
