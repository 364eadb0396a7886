//! What a corpus holds of one group: each distinct way it was written, with how often and
//! where first. A group's verdict depends only on this, never on the order in which articles
//! were read beyond each shape's first place, so evidence gathered from disjoint sets of
//! articles merges into the evidence of their union.

use foldhash::HashMap;
use serde::{Deserialize, Serialize};

/// Where a use is in a corpus: its article's place in the corpus's order (a record's line in
/// an export, a file's turn in a run), the article's name, and the use's byte span in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub article: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub start: usize,
    pub end: usize,
}

impl Place {
    /// Reading order: article, then position.
    fn order(&self) -> (u64, usize) {
        (self.article, self.start)
    }
}

/// One way a group was written, and its uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shape {
    /// The form, as the rule compares forms.
    pub form: String,
    /// The text as written.
    pub written: String,
    /// Inside a direct quotation: not counted when deciding.
    pub quoted: bool,
    /// Capitalised only because it opens a sentence.
    pub capital_opens_sentence: bool,
    /// Written as a name (a discovered variant's kind of group).
    pub name: bool,
    pub uses: u64,
    /// The first use.
    pub first: Place,
    /// The last article with a use.
    pub last_article: u64,
}

impl Shape {
    /// What tells one way of writing from another.
    pub(super) fn key(&self) -> ShapeKey<'_> {
        (
            &self.form,
            &self.written,
            self.quoted,
            self.capital_opens_sentence,
            self.name,
        )
    }

    /// Counts in the uses of the same way of writing from other articles.
    pub(super) fn absorb(&mut self, other: Shape) {
        self.uses += other.uses;
        self.last_article = self.last_article.max(other.last_article);
        if other.first.order() < self.first.order() {
            self.first = other.first;
        }
    }
}

pub(super) type ShapeKey<'s> = (&'s str, &'s str, bool, bool, bool);

/// The evidence of one group of one rule, its shapes in order of first use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub rule: String,
    pub group: String,
    pub shapes: Vec<Shape>,
}

impl Evidence {
    /// Adds the evidence of the same group from other articles; shapes stay in order of
    /// first use.
    pub fn merge(&mut self, other: Evidence) {
        let mut shapes: Vec<Shape> = std::mem::take(&mut self.shapes);
        let mut index: HashMap<(String, String, bool, bool, bool), usize> = shapes
            .iter()
            .enumerate()
            .map(|(i, s)| (owned(s.key()), i))
            .collect();
        for shape in other.shapes {
            match index.get(&owned(shape.key())) {
                Some(&known) => shapes[known].absorb(shape),
                None => {
                    index.insert(owned(shape.key()), shapes.len());
                    shapes.push(shape);
                }
            }
        }
        shapes.sort_by_key(|s| s.first.order());
        self.shapes = shapes;
    }

    /// The first and last articles with a use.
    pub fn articles(&self) -> (u64, u64) {
        let first = self.shapes.iter().map(|s| s.first.article).min();
        let last = self.shapes.iter().map(|s| s.last_article).max();
        (first.unwrap_or(0), last.unwrap_or(0))
    }
}

fn owned(key: ShapeKey<'_>) -> (String, String, bool, bool, bool) {
    (key.0.to_owned(), key.1.to_owned(), key.2, key.3, key.4)
}
