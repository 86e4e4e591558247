//! Reads the text of a PDF (as `pdftotext` or a copy-paste gives it) into a lossless, structured
//! [`Document`]: headings, paragraphs, list items and footnotes in reading order, each with its
//! normalised text and a byte [`Span`] into the input, plus the [`Artifact`]s that were taken
//! out of the flow (running headers, page numbers, bullet glyphs, line-end hyphens).
//!
//! ```
//! let src = "Ultimately, an effective bor-\nder security policy requires a partner.\n";
//! let doc = debrief_parser::parse(src);
//! let para = &doc.blocks[0];
//! assert_eq!(para.span.slice(src), Some(src.trim_end()));
//! ```
//!
//! Parsing a `&str` never fails; it returns a document plus [`Diagnostic`]s. Parsing bytes fails
//! only on invalid UTF-8 (see [`parse_bytes`]).
//!
//! [`check::verify`] checks that a document keeps every promise `docs/FORMAT.md` makes about its
//! input (spans, nothing lost, source maps); the tests and the fuzz targets call it.

#![forbid(unsafe_code)]

mod bbox;
mod blocks;
pub mod check;
mod dehyphen;
mod document;
mod error;
pub mod eval;
mod footnotes;
mod furniture;
mod grammar;
mod hash;
mod inline;
mod json;
mod lexicon;
mod lines;
mod parse;
mod pipeline;
mod render;
mod span;
mod text;

pub use bbox::text_from_bbox_layout;
pub use document::{
    Artifact, ArtifactKind, Block, BlockKind, Diagnostic, Document, InputStyle, Segment, Segments,
    Severity, SourceMap,
};
pub use error::Error;
pub use json::{JsonOptions, SourceMapFormat};
pub use lexicon::Lexicon;
pub use parse::{
    BytesDocument, ParseOptions, Repairs, StyleOption, decode, parse, parse_bytes,
    parse_bytes_with, parse_with,
};
pub use span::{LineIndex, Span};
