//! The README's examples are real output: a fenced block after a line
//! `<!-- readme-test: ARGS -->` must appear, line for line, in what `copydesk ARGS` prints (standard
//! output, then standard error, with the time taken left out).

mod common;

use common::copydesk;

/// The marked blocks: the arguments, and the block's text.
fn marked_blocks(readme: &str) -> Vec<(Vec<String>, String)> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let Some(args) = line
            .strip_prefix("<!-- readme-test: ")
            .and_then(|rest| rest.strip_suffix(" -->"))
        else {
            continue;
        };
        let fence = lines.next().unwrap_or_default();
        assert!(
            fence.starts_with("```"),
            "a readme-test marker stands right above a fence"
        );
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        blocks.push((
            args.split_whitespace().map(str::to_owned).collect(),
            body.join("\n"),
        ));
    }
    blocks
}

#[test]
fn readme_examples_are_what_the_commands_print() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let blocks = marked_blocks(&readme);
    assert!(blocks.len() >= 2, "the README marks its examples");
    // The summary line ends with the time taken, which changes from run to run.
    let time_taken = regex::Regex::new(r" in \d+\.\d+s").unwrap();
    for (args, expected) in blocks {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = copydesk(&args);
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let timeless = time_taken.replace_all(&printed, "");
        assert!(
            timeless.contains(&expected),
            "README's example of `copydesk {}` is not what it prints:\n--- README\n{expected}\n--- printed\n{timeless}",
            args.join(" ")
        );
    }
}
