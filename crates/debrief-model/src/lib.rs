//! The domain vocabulary of policy briefs and its extraction from a parsed
//! [`Document`]: sections, recommendations, actors, programs,
//! quantities and topics, each with the byte span it came from.
//!
//! ```
//! let doc = debrief_parser::parse("Scope\n\nThe text of the brief.\n");
//! let sections = debrief_model::sections(&doc);
//! assert_eq!(sections.len(), 1);
//! assert_eq!(sections[0].blocks, 0..2);
//! ```

#![forbid(unsafe_code)]

mod acronym;
mod actors;
mod brief;
mod error;
mod lexicon;
mod modality;
mod programs;
mod quantity;
mod sentence;
mod text;
mod topics;

pub use acronym::{AcronymDefinition, acronym_definitions};
pub use actors::{ActorHit, Gazetteer};
pub use programs::{ProgramMatch, programs};
pub use brief::*;
pub use error::Error;
pub use quantity::{QuantityMatch, quantities};
pub use sentence::sentences;
pub use topics::{TopicCode, TopicCounts, TopicLexicon};

use debrief_parser::Document;

use std::ops::Range;

use debrief_parser::Span;
use serde::{Deserialize, Serialize};

/// A stretch of the document under one heading (or before the first heading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The heading text, or `None` for the text before the first heading.
    pub title: Option<String>,
    /// The heading level (0 for the untitled opening).
    pub level: u8,
    /// Indices of the blocks in the section, the heading included.
    pub blocks: Range<usize>,
    /// From the first byte of the section's first block to the last byte of its last block.
    pub span: Span,
}

/// Splits a document into sections at its headings, in reading order.
///
/// Text before the first heading forms an untitled section; a document with no blocks has no
/// sections.
///
/// ```
/// use debrief_parser::{Block, BlockKind, Document, InputStyle, Span};
/// let src = "Intro.\nTitle\nBody.";
/// let blocks = vec![
///     Block::verbatim(BlockKind::Paragraph, &src[0..6], Span::new(0, 6)),
///     Block::verbatim(BlockKind::Heading { level: 1, run_in: false }, &src[7..12], Span::new(7, 12)),
///     Block::verbatim(BlockKind::Paragraph, &src[13..18], Span::new(13, 18)),
/// ];
/// let doc = Document::new(src, InputStyle::BlankLines, blocks, vec![], vec![]);
/// let sections = debrief_model::sections(&doc);
/// assert_eq!(sections.len(), 2);
/// assert_eq!(sections[0].title, None);
/// assert_eq!(sections[1].title.as_deref(), Some("Title"));
/// assert_eq!(sections[1].blocks, 1..3);
/// ```
pub fn sections(doc: &Document<'_>) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        match (block.heading_level(), out.last_mut()) {
            (Some(level), _) => out.push(Section {
                title: Some(block.text.to_string()),
                level,
                blocks: i..i + 1,
                span: block.span,
            }),
            (None, Some(current)) => {
                current.blocks.end = i + 1;
                current.span = current.span.cover(block.span);
            }
            (None, None) => {
                out.push(Section {
                    title: None,
                    level: 0,
                    blocks: i..i + 1,
                    span: block.span,
                });
            }
        }
    }
    out
}
