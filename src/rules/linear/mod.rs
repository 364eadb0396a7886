//! Linear classifiers over a block's text: the [`features`] a block has, and the trained
//! [`model`] that weighs them. The `classifier` kind reports with them; `copydesk train` fits
//! them.

pub mod features;
pub mod model;

pub use features::{Feature, Shape};
pub use model::{Model, Score};
