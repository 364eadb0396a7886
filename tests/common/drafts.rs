//! Long drafts made from the project's own sample drafts (`corpus/*.txt`), for benchmarks and
//! load tests. Shared by the tests (through `common`) and the benches (by path).

use std::path::Path;

/// About `words` words of news copy under `headline`: the sample drafts' paragraphs, in name
/// order, repeated as needed. With `distinct`, every paragraph gets a different last sentence,
/// so none reads as a pasted copy of another.
pub fn sample_draft(headline: &str, words: usize, distinct: bool) -> String {
    let mut text = format!("{headline}\n\n");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut drafts: Vec<_> = std::fs::read_dir(folder)
        .expect("the corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    drafts.sort();
    let mut count = 0;
    loop {
        for draft in &drafts {
            let body = std::fs::read_to_string(draft).expect("a sample draft");
            for paragraph in body.split("\n\n").skip(1) {
                text.push_str(paragraph.trim());
                count += paragraph.split_whitespace().count();
                if distinct {
                    text.push_str(&format!(" Update {} followed.", text.len()));
                    count += 3;
                }
                text.push_str("\n\n");
                if count >= words {
                    return text;
                }
            }
        }
    }
}

/// The benchmarks' article: about 1,000 words under one headline.
pub fn article_text() -> String {
    sample_draft(
        "Council votes on harbour plan after long delay",
        1000,
        false,
    )
}
