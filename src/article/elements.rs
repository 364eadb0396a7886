//! The open elements of an HTML document as it is read, with what the reader asks of them
//! kept up to date as they open and close: the innermost block kind a class gave, whether an
//! element of a name is open, and where the innermost one is. A document nested thousands
//! deep costs no more to read than a flat one.

use super::BlockKind;
use foldhash::{HashMap, HashMapExt};

/// One open element.
struct Element {
    name: String,
    /// The block kind of the innermost element, this one or one around it, whose class gave
    /// one.
    marked: Option<BlockKind>,
}

/// The open elements, outermost first (see the module).
pub(super) struct Elements {
    open: Vec<Element>,
    /// Where the open elements of each name are, innermost last.
    by_name: HashMap<String, Vec<usize>>,
}

impl Elements {
    pub(super) fn new() -> Self {
        Elements {
            open: Vec::new(),
            by_name: HashMap::new(),
        }
    }

    /// Opens element `name`, whose class gave it `marked`, if anything.
    pub(super) fn open(&mut self, name: String, marked: Option<BlockKind>) {
        let marked = marked.or_else(|| self.marked());
        self.by_name
            .entry(name.clone())
            .or_default()
            .push(self.open.len());
        self.open.push(Element { name, marked });
    }

    /// Closes the innermost open element named `name` and every element inside it; nothing
    /// when none is open.
    pub(super) fn close(&mut self, name: &str) {
        let Some(&position) = self.by_name.get(name).and_then(|at| at.last()) else {
            return;
        };
        for element in self.open.drain(position..) {
            if let Some(at) = self.by_name.get_mut(&element.name) {
                at.pop();
            }
        }
    }

    /// The block kind the innermost marked element gave.
    pub(super) fn marked(&self) -> Option<BlockKind> {
        self.open.last().and_then(|e| e.marked)
    }

    /// Whether an element named `name` is open.
    pub(super) fn inside(&self, name: &str) -> bool {
        self.by_name.get(name).is_some_and(|at| !at.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_an_element_closes_those_inside_it() {
        let mut elements = Elements::new();
        elements.open("aside".to_owned(), None);
        elements.open("div".to_owned(), Some(BlockKind::Caption));
        elements.open("p".to_owned(), None);
        assert_eq!(elements.marked(), Some(BlockKind::Caption));
        elements.close("span");
        assert!(elements.inside("p"));
        elements.close("div");
        assert!(!elements.inside("p") && !elements.inside("div") && elements.inside("aside"));
        assert_eq!(elements.marked(), None);
        elements.close("aside");
        assert!(!elements.inside("aside"));
    }
}
