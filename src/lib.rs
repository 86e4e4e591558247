//! **debrief**: policy briefs in; recommendations, indicators and scorecards out.
//!
//! This crate is a facade over the workspace's libraries:
//!
//! - [`parser`]: the text of a PDF → a lossless structured [`Document`](parser::Document);
//! - [`model`]: a document → recommendations, actors, programs, quantities, topics;
//! - [`metrics`]: typed indicators, periods, progress methods and scorecards.
//!
//! ```
//! let brief = "What the U.S. Should Do\n\nCongress should act.\n";
//! let doc = debrief::parser::parse(brief);
//! assert_eq!(doc.blocks.len(), 2);
//! ```

#![forbid(unsafe_code)]

pub use debrief_metrics as metrics;
pub use debrief_model as model;
pub use debrief_parser as parser;

/// The README's code examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
