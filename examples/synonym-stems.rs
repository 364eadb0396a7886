//! Turns word groups (one group a line, words separated by spaces, as
//! `scripts/wordnet-synonyms.py` prints them) into the table alignment reads
//! (`data/wordnet/synonyms.txt`): each word stemmed with the very stemmer alignment uses, each
//! stem once a group, groups left with one stem dropped; then one line a stem, sorted, with
//! the numbers of its groups, so that loading the table is splitting lines.
//!
//! `cargo run --release --example synonym-stems < target/wordnet-groups.txt`

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut groups_of: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let mut stems: Vec<String> = line
            .split_whitespace()
            .filter_map(copydesk::grounding::stem)
            .filter(|stem| !stem.starts_with('#'))
            .collect();
        stems.sort_unstable();
        stems.dedup();
        if stems.len() > 1 && seen.insert(stems.clone()) {
            let group = seen.len();
            for stem in stems {
                groups_of.entry(stem).or_default().push(group);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (stem, groups) in groups_of {
        let numbers: Vec<String> = groups.iter().map(usize::to_string).collect();
        writeln!(out, "{stem} {}", numbers.join(" "))?;
    }
    out.flush()
}
