//! The domain vocabulary of policy briefs and its extraction from a parsed
//! [`Document`](debrief_parser::Document): sections, sentences, recommendations (who must act,
//! what, how strongly), actors and institutions, programs, quantities and topics — each with the
//! byte span of the sentence and phrase it came from.
//!
//! ```
//! let src = "What the U.S. Should Do\n\n\
//!            The Secretary of Energy should establish a peak oil strategy by 2030.\n";
//! let doc = debrief_parser::parse(src);
//! let brief = debrief_model::extract(&doc);
//! let rec = &brief.recommendations[0];
//! assert_eq!(rec.actors[0].name, "Secretary of Energy");
//! assert_eq!(rec.modality, debrief_model::Modality::Should);
//! assert_eq!(rec.action.as_ref().unwrap().verb, "establish");
//! assert_eq!(brief.programs[0].name, "peak oil strategy");
//! assert_eq!(brief.quantities[0].text, "2030");
//! // Every span slices back to the input.
//! assert_eq!(rec.actors[0].span.slice(src), Some("Secretary of Energy"));
//! ```
//!
//! The pieces are usable on their own: [`sentences`] (the segmenter), [`Gazetteer`] (actors),
//! [`programs`], [`acronym_definitions`], [`quantities`], [`TopicLexicon`] (CAP topics). Data
//! tables (gazetteers, acronyms, program head nouns, the topic lexicon, action verbs) are
//! general-knowledge TSV files under `data/`, embedded at compile time.

#![forbid(unsafe_code)]

mod acronym;
mod actors;
mod brief;
mod error;
mod extract;
mod lexicon;
mod modality;
mod programs;
mod quantity;
mod recommend;
mod sections;
mod sentence;
mod spans;
mod text;
mod topics;

pub use acronym::{AcronymDefinition, acronym_definitions};
pub use actors::{ActorHit, Gazetteer};
pub use brief::{
    Acronym, AcronymSource, Action, Actor, ActorKind, ActorRef, ActorSource, Bound, Brief, Mention,
    Modality, Phrase, Program, ProgramKind, Quantity, QuantityKind, Recommendation,
    RecommendationKind, Section, SectionKind, Sentence, Strength, TopicAssignment, Voice,
};
pub use error::Error;
pub use extract::{ExtractOptions, extract, extract_with};
pub use programs::{ProgramMatch, programs};
pub use quantity::{QuantityMatch, quantities};
pub use sections::{classify_heading, sections};
pub use sentence::sentences;
pub use topics::{TopicCode, TopicCounts, TopicLexicon};

/// The JSON Schema of [`Brief`], as a JSON value.
///
/// ```
/// let schema = serde_json::to_value(debrief_model::brief_schema()).unwrap();
/// assert_eq!(schema["title"], "Brief");
/// assert!(schema["$defs"]["Recommendation"]["properties"]["actors"].is_object());
/// ```
pub fn brief_schema() -> schemars::Schema {
    schemars::schema_for!(Brief)
}
