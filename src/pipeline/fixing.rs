//! Fixing: apply the safe fixes of every article, check again, and repeat while a fix uncovers
//! another (a few rounds at most). Writing the results back is the front end's choice: a file
//! atomically ([`crate::fix::write_atomically`]), a diff, standard output, an HTTP answer.

use super::{Checked, Session};
use crate::fix;

/// How many rounds of fixes are applied at most before reporting what remains.
const FIX_ROUNDS: usize = 4;

/// An article that fixes changed: its index in the chunk, and its text before.
#[derive(Debug, Clone)]
pub struct FixedArticle {
    pub index: usize,
    pub original: String,
}

impl Session {
    /// Applies safe fixes to `checked` until none is left, re-checking after each round, so
    /// its diagnostics are what remains. Returns the articles that changed.
    pub fn fix(&self, checked: &mut Checked) -> Vec<FixedArticle> {
        let originals: Vec<String> = checked
            .articles
            .iter()
            .map(|a| a.contents.clone())
            .collect();
        for _ in 0..FIX_ROUNDS {
            if checked.abandoned || !apply_round(checked) {
                break;
            }
            checked.diagnostics = self.diagnose(checked, None);
            checked.abandoned = checked.past_deadline();
        }
        originals
            .into_iter()
            .enumerate()
            .filter(|(index, original)| checked.articles[*index].contents != *original)
            .map(|(index, original)| FixedArticle { index, original })
            .collect()
    }
}

/// Applies one round of safe fixes; whether any article changed.
fn apply_round(checked: &mut Checked) -> bool {
    let mut changed = false;
    for (index, article) in checked.articles.iter_mut().enumerate() {
        let edits = fix::safe_edits(article, index, &checked.diagnostics);
        if edits.is_empty() {
            continue;
        }
        *article = fix::edited(article, &edits);
        changed = true;
    }
    changed
}
