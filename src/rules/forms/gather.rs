//! Gathering a run's occurrences into the evidence of each group.

use super::evidence::{Evidence, Place, Shape, ShapeKey};
use crate::rules::Occurrence;
use foldhash::{HashMap, HashMapExt};

impl Evidence {
    /// The evidence of each group in `occurrences` (one rule's, in run order), groups and
    /// shapes in order of first use; `article(i)` is the corpus place and name of the run's
    /// article `i`.
    pub fn gather<'n>(
        rule: &str,
        occurrences: &[Occurrence],
        article: &dyn Fn(usize) -> (u64, &'n str),
    ) -> Vec<Evidence> {
        let mut groups: Vec<Evidence> = Vec::new();
        let mut group_of: HashMap<&str, usize> = HashMap::new();
        // Each shape by group and way of writing: its place in its group's list.
        let mut shape_of: HashMap<(usize, ShapeKey<'_>), usize> = HashMap::new();
        for o in occurrences {
            let group = *group_of.entry(o.group.as_str()).or_insert_with(|| {
                groups.push(Evidence {
                    rule: rule.to_owned(),
                    group: o.group.clone(),
                    shapes: Vec::new(),
                });
                groups.len() - 1
            });
            let (key, name) = article(o.article);
            let place = || Place {
                article: key,
                name: name.to_owned(),
                start: o.span.start,
                end: o.span.end,
            };
            let way = (
                o.form.as_str(),
                o.written.as_str(),
                o.quoted,
                o.capital_opens_sentence,
                o.name,
            );
            let shapes = &mut groups[group].shapes;
            match shape_of.get(&(group, way)) {
                // A way of writing seen before: one use more, copying nothing.
                Some(&known) => {
                    let shape = &mut shapes[known];
                    shape.uses += 1;
                    shape.last_article = shape.last_article.max(key);
                    if (key, o.span.start) < (shape.first.article, shape.first.start) {
                        shape.first = place();
                    }
                }
                None => {
                    shape_of.insert((group, way), shapes.len());
                    shapes.push(Shape {
                        form: o.form.clone(),
                        written: o.written.clone(),
                        quoted: o.quoted,
                        capital_opens_sentence: o.capital_opens_sentence,
                        name: o.name,
                        uses: 1,
                        first: place(),
                        last_article: key,
                    });
                }
            }
        }
        groups
    }
}
