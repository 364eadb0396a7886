//! Choosing between forms of one thing — variants of a consistency group, spellings of a
//! name — and flagging every use of a losing form. One article, a whole corpus on one machine,
//! and a corpus spread over many are judged the same way, in three steps:
//!
//! 1. [`Evidence::gather`]: what the uses of each group add up to — each distinct way the group
//!    was written, how often and where first. Evidence of disjoint sets of articles merges
//!    ([`Evidence::merge`]), so a distributed job gathers it partition by partition and reduces.
//! 2. [`verdict`]: the winning form of a group (or a tie) from its whole evidence, by the
//!    rule's house form, its policy, and across articles the majority.
//! 3. [`report`]: every use of a losing form in the articles at hand, against the verdicts.
//!
//! [`judge`] runs the three over the occurrences of one run.

mod decide;
pub mod evidence;
mod gather;
mod report;
pub mod verdict;

pub use decide::verdict;
pub use evidence::{Evidence, Place, Shape};
pub use report::{judge, report};
pub use verdict::{Decision, Policy, Verdict, Winner};
