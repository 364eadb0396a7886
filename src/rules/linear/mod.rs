//! Linear classifiers over a block's text: the [`features`] a block has, and the trained
//! [`model`] that weighs them. The `classifier` kind reports with them; `copydesk train` fits
//! them.

pub mod features;
pub mod model;
mod voice;

pub use features::{Feature, Shape, words};
pub use model::{Model, Score, Weights};
