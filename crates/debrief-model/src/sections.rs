//! Sections and what their headings say they are for.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use debrief_parser::Document;

use crate::{Section, SectionKind};

/// Splits a document into sections at its headings, in reading order, and classifies each by
/// its heading (see [`classify_heading`]).
///
/// Text before the first heading forms an untitled section; a document with no blocks has no
/// sections.
///
/// ```
/// use debrief_parser::{Block, BlockKind, Document, InputStyle, Span};
/// let src = "Intro.\nRecommendations\nBody.";
/// let blocks = vec![
///     Block::verbatim(BlockKind::Paragraph, &src[0..6], Span::new(0, 6)),
///     Block::verbatim(BlockKind::Heading { level: 1, run_in: false }, &src[7..22], Span::new(7, 22)),
///     Block::verbatim(BlockKind::Paragraph, &src[23..28], Span::new(23, 28)),
/// ];
/// let doc = Document::new(src, InputStyle::BlankLines, blocks, vec![], vec![]);
/// let sections = debrief_model::sections(&doc);
/// assert_eq!(sections.len(), 2);
/// assert_eq!(sections[0].title, None);
/// assert_eq!(sections[1].title.as_deref(), Some("Recommendations"));
/// assert_eq!(sections[1].kind, debrief_model::SectionKind::Recommendations);
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
                kind: classify_heading(&block.text),
                topics: Vec::new(),
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
                    kind: SectionKind::Body,
                    topics: Vec::new(),
                });
            }
        }
    }
    out
}

/// Heading words of sections that recommend nothing.
const BOILERPLATE: &[&str] = &[
    "disclaimer",
    "author information",
    "author contact",
    "contacts",
    "contact information",
    "acknowledg",
    "scope and methodology",
    "objectives, scope",
    "table of contents",
    "contents",
    "abbreviations",
    "related gao products",
    "ordering information",
    "obtaining copies",
    "to report fraud",
    "congressional relations",
    "public affairs",
    "references",
    "bibliography",
    "endnotes",
    "comments from",
    "agency comments",
    "management comments",
    "about this report",
    "glossary",
];
/// Heading words of recommendations sections.
const RECOMMENDATIONS: &[&str] = &[
    "recommendation",
    "recommends",
    "should do",
    "matters for congressional consideration",
    "matter for congressional consideration",
    "the way forward",
    "what needs to be done",
];
/// Heading words of options sections.
const OPTIONS: &[&str] = &[
    "policy options",
    "options for",
    "selected options",
    "congressional options",
    "legislative options",
    "options and considerations",
    "issues and options",
    "considerations for congress",
    "issues for congress",
    "policy considerations",
    "questions for congress",
    "alternatives for congress",
    "considerations for policymakers",
];

/// What a section with this heading is for.
///
/// - recommendations: "Recommendations", "Recommendation for Executive Action", "What GAO
///   Recommends", "What the U.S. Should Do", "Matters for Congressional Consideration";
/// - options: "Policy Options", "Options for Congress", "Conclusions and Selected Options",
///   "Issues for Congress", "Potential Considerations for Congress", "Policy Considerations";
/// - boilerplate: disclaimers, author information, contacts, acknowledgments, scope and
///   methodology, contents, abbreviations, agency comments, appendices of letters, references.
///
/// ```
/// use debrief_model::{classify_heading, SectionKind};
/// assert_eq!(classify_heading("What the U.S. Should Do"), SectionKind::Recommendations);
/// assert_eq!(classify_heading("Options for Congress"), SectionKind::Options);
/// assert_eq!(classify_heading("Disclaimer"), SectionKind::Boilerplate);
/// // A finding that mentions options is not an options section.
/// assert_eq!(
///     classify_heading("Agencies Have Options to Reduce Uncertainty but Lack a Strategy"),
///     SectionKind::Body
/// );
/// assert_eq!(classify_heading("Mexico: The Essential Partner"), SectionKind::Body);
/// ```
pub fn classify_heading(title: &str) -> SectionKind {
    // One scan over the heading for all three word lists; the strongest kind found wins.
    let mut found = [false; 3];
    if let Some(automaton) = HEADING_WORDS.as_ref() {
        for m in automaton.find_overlapping_iter(title) {
            found[HEADING_KINDS[m.pattern().as_usize()]] = true;
        }
    }
    if found[0] {
        SectionKind::Boilerplate
    } else if found[1] {
        SectionKind::Recommendations
    } else if found[2] || title.trim().eq_ignore_ascii_case("options") {
        SectionKind::Options
    } else {
        SectionKind::Body
    }
}

/// For each pattern of [`HEADING_WORDS`]: 0 boilerplate, 1 recommendations, 2 options.
static HEADING_KINDS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    [BOILERPLATE, RECOMMENDATIONS, OPTIONS]
        .iter()
        .enumerate()
        .flat_map(|(k, list)| list.iter().map(move |_| k))
        .collect()
});

/// The heading word lists in one automaton (ASCII case ignored).
static HEADING_WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    // It reads headings only (a few hundred bytes a document): the contiguous NFA builds with
    // a quarter of the instructions of the DFA the builder would choose (1.3 M instead of
    // 5.2 M, of the 41.5 M of `debrief analyze` on the seed brief).
    AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .ascii_case_insensitive(true)
        .build(BOILERPLATE.iter().chain(RECOMMENDATIONS).chain(OPTIONS))
        .ok()
});
