//! **debrief**: policy briefs in; recommendations, indicators and scorecards out.
//!
//! This crate is a facade over the workspace's libraries:
//!
//! - [`parser`]: the text of a PDF → a lossless structured [`Document`](parser::Document);
//! - [`model`]: a document → recommendations, actors, programs, quantities, topics;
//! - [`metrics`]: typed indicators, periods, progress methods and scorecards;
//!
//! and it joins them in one call, [`analyze`]: a brief's text (and, optionally, an indicator
//! catalog with its observations) in, a [`Report`] out — the parsed document, the extracted
//! [`Brief`](model::Brief), a [`Scorecard`] whose rows are the brief's recommendations (each
//! linked to its id and to the span of its sentence in the source), and the brief's own
//! quantities offered as candidate baselines and targets ([`suggest`]).
//!
//! ```
//! let brief = "What the U.S. Should Do\n\nCongress should fund 100 agents by 2030.\n";
//! let report = debrief::analyze(brief, None);
//! assert_eq!(report.document.blocks.len(), 2);
//! let rec = &report.brief.recommendations[0];
//! assert_eq!(rec.actors[0].name, "Congress");
//! assert_eq!(rec.sentence.slice(brief), Some("Congress should fund 100 agents by 2030."));
//! // No catalog, no scorecard; the brief's numbers are offered as candidate targets.
//! assert!(report.scorecard.is_none());
//! assert_eq!(report.suggestions[0].text, "100");
//! assert_eq!(report.suggestions[0].period.map(|p| p.to_string()).as_deref(), Some("2030"));
//! ```
//!
//! Libraries never read files: reading a brief, a catalog or observations from disk is the
//! caller's job (the `debrief` command line tool does it).

#![forbid(unsafe_code)]

mod report;
mod scorecard;
pub mod seed;
mod suggest;

pub use debrief_metrics as metrics;
pub use debrief_model as model;
pub use debrief_parser as parser;

pub use report::{IndicatorReport, Options, Report, analyze, analyze_with};
pub use scorecard::{MatchBy, ObjectiveMatch, Scorecard, ScorecardRow, UnmatchedObjective};
pub use suggest::{Suggestion, suggest};

/// The JSON Schema of a parsed [`Document`](parser::Document) (`debrief parse --format json`).
///
/// ```
/// let schema = serde_json::to_value(debrief::document_schema()).unwrap();
/// assert_eq!(schema["title"], "Document");
/// assert!(schema["properties"]["blocks"].is_object());
/// ```
pub fn document_schema() -> schemars::Schema {
    schemars::schema_for!(parser::Document<'static>)
}

/// The JSON Schema of a [`Report`] (`debrief analyze --format json`, `debrief report --format
/// json`).
///
/// ```
/// let schema = serde_json::to_value(debrief::report_schema()).unwrap();
/// assert_eq!(schema["title"], "Report");
/// assert!(schema["$defs"]["ScorecardRow"]["properties"]["recommendation"].is_object());
/// ```
pub fn report_schema() -> schemars::Schema {
    schemars::schema_for!(Report<'static>)
}

/// The README's code examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
