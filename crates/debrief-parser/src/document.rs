//! The parsed document: blocks in reading order, artifacts, diagnostics.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Span;

/// A parsed document: what the text of a PDF said, in reading order, with every piece traceable
/// to its bytes in the input.
///
/// Nothing is lost: every non-whitespace byte of the input lies in the span of a [`Block`] or of
/// an [`Artifact`] (a running header, a page number, a bullet glyph, a removed hyphen…).
///
/// ```
/// let doc = debrief_parser::parse("First paragraph.\n\nSecond paragraph.\n");
/// assert_eq!(doc.blocks.len(), 2);
/// assert_eq!(doc.blocks[1].text, "Second paragraph.");
/// assert_eq!(doc.blocks[1].span.slice(doc.source()), Some("Second paragraph."));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document<'a> {
    /// The input the spans point into (not serialised).
    #[serde(skip)]
    pub(crate) source: &'a str,
    /// The input style that was detected or requested.
    pub style: InputStyle,
    /// Headings, paragraphs, list items and footnotes in reading order.
    #[serde(borrow)]
    pub blocks: Vec<Block<'a>>,
    /// What was removed from the text flow (page furniture, markers), in input order.
    #[serde(borrow)]
    pub artifacts: Vec<Artifact<'a>>,
    /// What the parser noticed and repaired or could not repair.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Document<'a> {
    /// Assembles a document over `source`. Used by the parser; public so that tools can build
    /// documents for tests.
    ///
    /// ```
    /// use debrief_parser::{Document, InputStyle};
    /// let doc = Document::new("", InputStyle::BlankLines, vec![], vec![], vec![]);
    /// assert!(doc.blocks.is_empty());
    /// ```
    pub fn new(
        source: &'a str,
        style: InputStyle,
        blocks: Vec<Block<'a>>,
        artifacts: Vec<Artifact<'a>>,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        Document {
            source,
            style,
            blocks,
            artifacts,
            diagnostics,
        }
    }

    /// The input text all spans point into. Empty for a document deserialised from JSON.
    ///
    /// ```
    /// let doc = debrief_parser::parse("Hello.");
    /// assert_eq!(doc.source(), "Hello.");
    /// ```
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// Re-attaches the input to a document deserialised from JSON, so that spans can be sliced.
    ///
    /// ```
    /// let src = "Hello.";
    /// let json = serde_json::to_string(&debrief_parser::parse(src)).unwrap();
    /// let doc: debrief_parser::Document<'_> = serde_json::from_str(&json).unwrap();
    /// let doc = doc.with_source(src);
    /// assert_eq!(doc.blocks[0].span.slice(doc.source()), Some("Hello."));
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: &'a str) -> Self {
        self.source = source;
        self
    }
}

/// How the text was laid out by the tool that extracted it from the PDF.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InputStyle {
    /// Paragraphs separated by blank lines; a blank line may also mark a column break inside a
    /// sentence (text copied from a two-column PDF, like the seed brief).
    #[default]
    BlankLines,
    /// `pdftotext` default mode: reading order, blank lines between most paragraphs.
    Pdftotext,
    /// `pdftotext -raw`: content order, few or no blank lines; paragraph ends must be inferred.
    Raw,
    /// `pdftotext -layout`: columns side by side, kept as they are.
    Layout,
}

/// One unit of the text flow, with its normalised text and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Block<'a> {
    /// What kind of block this is, with its kind-specific fields.
    #[serde(flatten, borrow)]
    pub kind: BlockKind<'a>,
    /// The normalised text: hyphenation undone, lines joined, ligatures expanded, markers removed.
    /// Borrowed from the input when no repair was needed.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The bytes of the input the block was read from (from its first to its last byte,
    /// artifacts inside it included).
    pub span: Span,
    /// Maps byte ranges of `text` back to byte ranges of the input.
    #[serde(default, skip_serializing_if = "SourceMap::is_identity")]
    pub source_map: SourceMap,
}

impl Block<'_> {
    /// The input bytes that produced `text[range]`.
    ///
    /// ```
    /// let src = "An effective\nborder policy.";
    /// let doc = debrief_parser::parse(src);
    /// let block = &doc.blocks[0];
    /// assert_eq!(block.text, "An effective border policy.");
    /// let at = block.text.find("effective border").unwrap();
    /// let span = block.source_span(at..at + "effective border".len());
    /// assert_eq!(span.slice(src), Some("effective\nborder"));
    /// ```
    pub fn source_span(&self, range: Range<usize>) -> Span {
        self.source_map.map(self.span, range)
    }

    /// The heading level, if the block is a heading.
    ///
    /// ```
    /// use debrief_parser::{Block, BlockKind, Span};
    /// let b = Block::verbatim(BlockKind::Heading { level: 2, run_in: false }, "Scope", Span::new(0, 5));
    /// assert_eq!(b.heading_level(), Some(2));
    /// ```
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading { level, .. } => Some(level),
            _ => None,
        }
    }
}

impl<'a> Block<'a> {
    /// A block whose text is exactly the input at `span` (no repair, identity source map).
    ///
    /// ```
    /// use debrief_parser::{Block, BlockKind, Span};
    /// let b = Block::verbatim(BlockKind::Paragraph, "Text.", Span::new(10, 15));
    /// assert_eq!(b.source_span(0..4), Span::new(10, 14));
    /// ```
    pub fn verbatim(kind: BlockKind<'a>, text: &'a str, span: Span) -> Self {
        Block {
            kind,
            text: Cow::Borrowed(text),
            span,
            source_map: SourceMap::default(),
        }
    }
}

/// The kind of a [`Block`] and the fields that only that kind has.
///
/// Serialised with a `kind` tag: `{"kind":"heading","level":1,…}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind<'a> {
    /// A heading on its own line, or a run-in heading that opened a paragraph (its text without
    /// the final period; the paragraph follows as its own block).
    Heading {
        /// 1 for the document title and top sections, deeper levels counting up.
        level: u8,
        /// Whether the heading was run into the first line of its paragraph.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        run_in: bool,
    },
    /// A paragraph of body text.
    Paragraph,
    /// An item of a bulleted, numbered or lettered list. Its `text` is the whole item.
    ListItem {
        /// The marker as written in the input (`■■`, `•`, `1.`, `(a)`, …).
        #[serde(borrow)]
        marker: Cow<'a, str>,
        /// The item's position for numbered and lettered lists (`3.` → 3, `(c)` → 3, `iv.` → 4).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ordinal: Option<u32>,
        /// Nesting depth, 0 for a top-level item.
        #[serde(default)]
        depth: u8,
        /// The item's lead sentence when it reads as a title (`Develop a comprehensive
        /// U.S.–Mexico anti-crime strategy`), without its final period.
        #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
        title: Option<Cow<'a, str>>,
    },
    /// The text of a footnote or endnote.
    Footnote {
        /// The footnote's label as written (`1`, `*`, `a`).
        #[serde(borrow)]
        label: Cow<'a, str>,
    },
    /// A caption, table or figure text kept out of the prose flow.
    Other,
}

/// Text removed from the flow, recorded so that nothing is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Artifact<'a> {
    /// What the removed text was.
    pub kind: ArtifactKind,
    /// The removed text as it was in the input.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Where it was in the input.
    pub span: Span,
}

impl BlockKind<'_> {
    /// The kind's name, as the JSON `kind` tag writes it (`heading`, `paragraph`,
    /// `list_item`, `footnote`, `other`).
    ///
    /// ```
    /// assert_eq!(debrief_parser::BlockKind::Paragraph.name(), "paragraph");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list_item",
            BlockKind::Footnote { .. } => "footnote",
            BlockKind::Other => "other",
        }
    }
}

/// What an [`Artifact`] was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArtifactKind {
    /// A running header repeated at the top of pages.
    RunningHeader,
    /// A running footer repeated at the bottom of pages.
    RunningFooter,
    /// A page number on a line of its own or within furniture.
    PageNumber,
    /// A page break (form feed).
    PageBreak,
    /// A byte-order mark.
    ByteOrderMark,
    /// A list marker (bullet glyph, number) removed from an item's text.
    ListMarker,
    /// A footnote reference glued to a word (`Assistance,1`) or written `[1]`.
    FootnoteMarker,
    /// A line-end hyphen removed when a word was rejoined.
    Hyphen,
    /// Characters that carry no text (U+FFFD, control characters, soft hyphens).
    Noise,
    /// Anything else taken out of the flow (masthead, web-page chrome).
    Other,
}

impl ArtifactKind {
    /// The kind's name, as JSON writes it (`running_header`, `hyphen`, …).
    ///
    /// ```
    /// assert_eq!(debrief_parser::ArtifactKind::PageNumber.name(), "page_number");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ArtifactKind::RunningHeader => "running_header",
            ArtifactKind::RunningFooter => "running_footer",
            ArtifactKind::PageNumber => "page_number",
            ArtifactKind::PageBreak => "page_break",
            ArtifactKind::ByteOrderMark => "byte_order_mark",
            ArtifactKind::ListMarker => "list_marker",
            ArtifactKind::FootnoteMarker => "footnote_marker",
            ArtifactKind::Hyphen => "hyphen",
            ArtifactKind::Noise => "noise",
            ArtifactKind::Other => "other",
        }
    }
}

/// A note from the parser about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// How much the note matters.
    pub severity: Severity,
    /// A stable, kebab-case code (`invalid-utf8`, `replacement-character`, `ambiguous-hyphen`).
    pub code: Cow<'static, str>,
    /// A sentence for humans saying what was found and what was done.
    pub message: String,
    /// Where in the input.
    pub span: Span,
}

/// How much a [`Diagnostic`] matters.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A repair that was made, for the curious.
    Info,
    /// Something the parser had to guess at, or could not repair.
    Warning,
}

/// Maps byte offsets of a block's normalised text back to byte ranges of the input.
///
/// The text is a sequence of segments. A verbatim segment was copied from the input unchanged,
/// so offsets inside it map one to one; a replaced segment (a joined hyphen, a line break turned
/// into a space, an expanded ligature) maps as a whole to the input bytes it replaced. An empty
/// map means the text is the input at the block's span, byte for byte.
///
/// ```
/// use debrief_parser::{Segment, SourceMap, Span};
/// // text "border" from input "bor-\nder" at offset 100
/// let map = SourceMap::from_segments(vec![
///     Segment { text_start: 0, text_end: 3, source: Span::new(100, 103), verbatim: true },
///     Segment { text_start: 3, text_end: 3, source: Span::new(103, 105), verbatim: false },
///     Segment { text_start: 3, text_end: 6, source: Span::new(105, 108), verbatim: true },
/// ]);
/// assert_eq!(map.map(Span::new(100, 108), 0..6), Span::new(100, 108));
/// assert_eq!(map.map(Span::new(100, 108), 3..6), Span::new(105, 108));
/// ```
//
// A map is stored packed, four bytes a segment for a block under 32 KiB and eight otherwise,
// instead of forty (the maps are a large part of a parsed document: on 10 MB of brief-like
// text, 585 000 segments, 23 MB as `Segment`s, 4.7 MB in eight bytes, 2.4 MB in four);
// `segments()` unpacks them one at a time, so a block carries no second, unpacked copy. It is serialised, and described in the JSON Schema, as the array of
// segments; it also reads the compact encoding (`crate::json`).
#[derive(Clone, Default, schemars::JsonSchema)]
#[serde(transparent)]
pub struct SourceMap {
    #[schemars(with = "Vec<SegmentJson>")]
    repr: Repr,
}

/// The JSON shape of one element of a source map: a segment as an object (the default), or,
/// where the compact encoding was asked for, as four integers.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // describes the JSON for the schema; never built
enum SegmentJson {
    /// The segment as an object.
    Object(Segment),
    /// The compact encoding, `[text_len, source_gap, source_len, verbatim]`, counted on from
    /// where the segment before ended (text offset 0 and input offset 0 before the first): the
    /// segment's text runs for `text_len` bytes from there; its input bytes start `source_gap`
    /// bytes after the input bytes of the segment before ended (for the first segment, the
    /// absolute offset; negative if they start before) and run for `source_len` bytes;
    /// `verbatim` is 1 for a byte-for-byte copy, else 0.
    Compact([i64; 4]),
}

/// How a [`SourceMap`] holds its segments.
#[derive(Clone, Default)]
enum Repr {
    /// No segments: the text is the input at the block's span.
    #[default]
    Identity,
    /// Segments that follow each other without gaps, in the text from offset 0 and in the
    /// input (as every map the parser makes), with offsets below 2³¹: each is stored as where
    /// it ends, and starts where the one before ends. Slot 0 stands for a segment before the
    /// first, ending at text offset 0 and where the first segment's input starts; segment `i`
    /// is slot `i + 1`.
    Packed(Box<[Packed]>),
    /// The same for a map whose text is under 64 KiB and whose input under 32 KiB (almost
    /// every block): slot 0 holds the input offset where the first segment starts, and each
    /// segment's ends are counted from offset 0 of the text and from that input offset, in
    /// four bytes (see [`Narrow`]).
    Narrow(Box<[u32]>),
    /// Any other segments, as given.
    Plain(Box<[Segment]>),
}

/// Where a segment ends, in eight bytes: its text end, its input end, and in the top bit of
/// `source_end` whether it is verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    text_end: u32,
    source_end: u32,
}

/// The verbatim flag of [`Packed::source_end`].
const VERBATIM: u32 = 1 << 31;

/// Where a segment of a [`Repr::Narrow`] map ends, in a `u32`: its text end in the low 16
/// bits, its input end (from the map's first input offset) in the next 15, whether it is
/// verbatim in the top bit.
struct Narrow;

impl Narrow {
    /// The largest text end a narrow map can hold.
    const TEXT_MAX: usize = (1 << 16) - 1;
    /// The largest input end (from the first input offset) a narrow map can hold.
    const SOURCE_MAX: usize = (1 << 15) - 1;

    /// `segments` (at least one) packed as for [`Packed::pack`], if the text ends below
    /// 64 KiB, the input runs for less than 32 KiB and starts below 4 GiB.
    fn pack(segments: &[Segment]) -> Option<Box<[u32]>> {
        let first = segments.first()?;
        let last = segments.last()?;
        let base = first.source.start;
        if last.text_end > Self::TEXT_MAX || last.source.end.checked_sub(base)? > Self::SOURCE_MAX {
            return None;
        }
        let mut packed = Vec::with_capacity(segments.len() + 1);
        packed.push(u32::try_from(base).ok()?);
        let (mut text_at, mut source_at) = (0, base);
        for s in segments {
            // Each segment starts where the one before ended and ends no earlier, so every end
            // lies below the last one's, which fit.
            if s.text_start != text_at
                || s.source.start != source_at
                || s.text_end < text_at
                || s.source.end < source_at
            {
                return None;
            }
            (text_at, source_at) = (s.text_end, s.source.end);
            #[allow(clippy::cast_possible_truncation)] // below 2¹⁶ and 2¹⁵, as checked above
            let end = s.text_end as u32 | ((s.source.end - base) as u32) << 16;
            packed.push(if s.verbatim { end | VERBATIM } else { end });
        }
        Some(packed.into_boxed_slice())
    }

    /// Segment `i` of the narrow map `p`.
    fn unpack(p: &[u32], i: usize) -> Segment {
        let base = p[0] as usize;
        let text_end = |e: u32| (e & 0xFFFF) as usize;
        let source_end = |e: u32| base + ((e & !VERBATIM) >> 16) as usize;
        let (text_start, source_start) = if i == 0 {
            (0, base)
        } else {
            (text_end(p[i]), source_end(p[i]))
        };
        let e = p[i + 1];
        Segment {
            text_start,
            text_end: text_end(e),
            source: Span {
                start: source_start,
                end: source_end(e),
            },
            verbatim: e & VERBATIM != 0,
        }
    }
}

impl Packed {
    /// Packs `segments` (at least one) if each starts, in the text and in the input, where the
    /// one before ends, the first at text offset 0, and every offset is below 2³¹.
    fn pack(segments: &[Segment]) -> Option<Box<[Packed]>> {
        let small = |n: usize| u32::try_from(n).ok().filter(|&n| n < VERBATIM);
        let first = segments.first()?;
        let mut packed = Vec::with_capacity(segments.len() + 1);
        packed.push(Packed {
            text_end: 0,
            source_end: small(first.source.start)?,
        });
        let (mut text_at, mut source_at) = (0, first.source.start);
        for s in segments {
            if s.text_start != text_at || s.source.start != source_at {
                return None;
            }
            (text_at, source_at) = (s.text_end, s.source.end);
            let flag = if s.verbatim { VERBATIM } else { 0 };
            packed.push(Packed {
                text_end: small(s.text_end)?,
                source_end: small(s.source.end)? | flag,
            });
        }
        Some(packed.into_boxed_slice())
    }

    /// The segment that ends at `self`, after the one that ended at `before`.
    fn unpack(self, before: Packed) -> Segment {
        Segment {
            text_start: before.text_end as usize,
            text_end: self.text_end as usize,
            source: Span {
                start: (before.source_end & !VERBATIM) as usize,
                end: (self.source_end & !VERBATIM) as usize,
            },
            verbatim: self.source_end & VERBATIM != 0,
        }
    }
}

impl std::fmt::Debug for SourceMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let segments: Vec<Segment> = self.segments().collect();
        f.debug_struct("SourceMap")
            .field("segments", &segments)
            .finish()
    }
}

impl PartialEq for SourceMap {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.segments().eq(other.segments())
    }
}

impl Eq for SourceMap {}

impl Serialize for SourceMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.segments())
    }
}

impl<'de> Deserialize<'de> for SourceMap {
    /// Reads the segments as objects or in the compact encoding (each `[text_len, source_gap,
    /// source_len, verbatim]`, see `docs/FORMAT.md`), or a mix of both.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// One element of the array: a segment object or a compact segment.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Element {
            Object(Segment),
            Compact(i64, i64, i64, u8),
        }
        let elements = Vec::<Element>::deserialize(deserializer)?;
        let mut segments = Vec::with_capacity(elements.len());
        // Where the previous segment ended, in the text and in the input.
        let (mut text_at, mut source_at) = (0usize, 0usize);
        for element in elements {
            let segment = match element {
                Element::Object(s) => s,
                Element::Compact(text_len, gap, source_len, verbatim) => {
                    decode_compact(text_at, source_at, text_len, gap, source_len, verbatim)
                        .ok_or_else(|| {
                            serde::de::Error::custom(format!(
                                "compact segment [{text_len}, {gap}, {source_len}, {verbatim}] \
                                 does not fit after text offset {text_at} and input offset \
                                 {source_at} (lengths must be ≥ 0, offsets ≥ 0, verbatim 0 or 1)"
                            ))
                        })?
                }
            };
            text_at = segment.text_end;
            source_at = segment.source.end;
            segments.push(segment);
        }
        Ok(SourceMap::from_segments(segments))
    }
}

/// The segment that a compact `[text_len, gap, source_len, verbatim]` stands for after a
/// segment that ended at `text_at` in the text and `source_at` in the input; `None` when a
/// length or an offset would be negative or overflow, or `verbatim` is not 0 or 1.
fn decode_compact(
    text_at: usize,
    source_at: usize,
    text_len: i64,
    gap: i64,
    source_len: i64,
    verbatim: u8,
) -> Option<Segment> {
    let text_end = text_at.checked_add(usize::try_from(text_len).ok()?)?;
    let start = source_at.checked_add_signed(isize::try_from(gap).ok()?)?;
    let end = start.checked_add(usize::try_from(source_len).ok()?)?;
    Some(Segment {
        text_start: text_at,
        text_end,
        source: Span { start, end },
        verbatim: match verbatim {
            0 => false,
            1 => true,
            _ => return None,
        },
    })
}

/// The segments of a [`SourceMap`] in text order, made one at a time from its packed form
/// (see [`SourceMap::segments`]).
#[derive(Debug, Clone)]
pub struct Segments<'m> {
    map: &'m SourceMap,
    /// The next segment from the front.
    front: usize,
    /// One past the next segment from the back.
    back: usize,
}

impl Segments<'_> {
    /// Whether no segment is left (always so for an identity map).
    ///
    /// ```
    /// assert!(debrief_parser::SourceMap::default().segments().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.front >= self.back
    }
}

impl Iterator for Segments<'_> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        Some(self.map.segment(self.front - 1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back.saturating_sub(self.front);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Segments<'_> {
    fn next_back(&mut self) -> Option<Segment> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        Some(self.map.segment(self.back))
    }
}

impl ExactSizeIterator for Segments<'_> {}

impl<'m> IntoIterator for &'m SourceMap {
    type Item = Segment;
    type IntoIter = Segments<'m>;

    /// As [`SourceMap::segments`].
    fn into_iter(self) -> Segments<'m> {
        self.segments()
    }
}

impl FusedIterator for Segments<'_> {}

/// One run of a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Segment {
    /// First byte of the run in the block text.
    pub text_start: usize,
    /// One past the last byte of the run in the block text.
    pub text_end: usize,
    /// The input bytes the run came from.
    pub source: Span,
    /// Whether the run is a byte-for-byte copy of `source`.
    pub verbatim: bool,
}

impl SourceMap {
    /// A map from segments sorted by `text_start`, covering the text without gaps.
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        let repr = if segments.is_empty() {
            Repr::Identity
        } else if let Some(narrow) = Narrow::pack(&segments) {
            Repr::Narrow(narrow)
        } else if let Some(packed) = Packed::pack(&segments) {
            Repr::Packed(packed)
        } else {
            Repr::Plain(segments.into_boxed_slice())
        };
        SourceMap { repr }
    }

    /// The segments, in text order, unpacked one at a time.
    ///
    /// ```
    /// use debrief_parser::{Segment, SourceMap, Span};
    /// assert!(SourceMap::default().segments().is_empty());
    /// let one = Segment { text_start: 0, text_end: 2, source: Span::new(7, 9), verbatim: true };
    /// let map = SourceMap::from_segments(vec![one]);
    /// assert_eq!(map.segments().len(), 1);
    /// assert_eq!(map.segments().next(), Some(one));
    /// ```
    pub fn segments(&self) -> Segments<'_> {
        Segments {
            map: self,
            front: 0,
            back: self.len(),
        }
    }

    /// The segments, in text order (the parser's name for [`SourceMap::segments`]).
    pub(crate) fn iter(&self) -> Segments<'_> {
        self.segments()
    }

    /// The number of segments.
    fn len(&self) -> usize {
        match &self.repr {
            Repr::Identity => 0,
            Repr::Packed(p) => p.len() - 1,
            Repr::Narrow(p) => p.len() - 1,
            Repr::Plain(s) => s.len(),
        }
    }

    /// Segment `i` (which must exist).
    fn segment(&self, i: usize) -> Segment {
        match &self.repr {
            Repr::Identity => unreachable!("an identity map has no segments"),
            Repr::Packed(p) => p[i + 1].unpack(p[i]),
            Repr::Narrow(p) => Narrow::unpack(p, i),
            Repr::Plain(s) => s[i],
        }
    }

    /// Whether the map is the identity (text = input at the block span).
    ///
    /// ```
    /// assert!(debrief_parser::SourceMap::default().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        matches!(self.repr, Repr::Identity)
    }

    /// The input bytes that produced `range` of the text of a block spanning `block_span`.
    /// Offsets inside a verbatim segment map exactly; a replaced segment that the range touches
    /// maps as a whole. A range past the end of the text is clamped.
    pub fn map(&self, block_span: Span, range: Range<usize>) -> Span {
        map_by(self.len(), |i| self.segment(i), block_span, range)
    }

    /// What [`SourceMap::map`] gives, from the map's segments unpacked beforehand (as
    /// [`SourceMap::segments`] yields them): for many ranges of one block, unpacking the
    /// segments once costs about half of mapping each range through the packed map.
    ///
    /// ```
    /// let doc = debrief_parser::parse("The bor-\nder wall.\n");
    /// let block = &doc.blocks[0];
    /// let segments: Vec<_> = block.source_map.segments().collect();
    /// for range in [0..3, 4..10, 4..15] {
    ///     let span = debrief_parser::SourceMap::map_segments(&segments, block.span, range.clone());
    ///     assert_eq!(span, block.source_span(range));
    /// }
    /// ```
    pub fn map_segments(segments: &[Segment], block_span: Span, range: Range<usize>) -> Span {
        map_by(segments.len(), |i| segments[i], block_span, range)
    }
}

/// [`SourceMap::map`] over `len` segments read by `segment` (which unpacks a stored one or
/// reads an unpacked one).
fn map_by(
    len: usize,
    segment: impl Fn(usize) -> Segment,
    block_span: Span,
    range: Range<usize>,
) -> Span {
    let Some(last) = len.checked_sub(1) else {
        let start = (block_span.start + range.start).min(block_span.end);
        let end = (block_span.start + range.end).min(block_span.end);
        return Span::new(start, end);
    };
    // The first segment whose `text_end` is not below `offset` (`or_equal`: not at or below
    // it), by binary search, as `slice::partition_point`.
    let partition_point = |offset: usize, or_equal: bool| {
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let end = segment(mid).text_end;
            if end < offset || (or_equal && end == offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    };
    let at = |offset: usize, is_end: bool| -> usize {
        // The segment holding `offset`: for an end offset, the one it closes.
        let idx = partition_point(offset, !is_end);
        let seg = segment(idx.min(last));
        if seg.verbatim {
            let delta = offset.saturating_sub(seg.text_start).min(seg.source.len());
            seg.source.start + delta
        } else if is_end {
            seg.source.end
        } else {
            seg.source.start
        }
    };
    if range.is_empty() {
        let p = at(range.start, false);
        return Span::new(p, p);
    }
    Span::new(at(range.start, false), at(range.end, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name()` says what serde writes, for every kind.
    #[test]
    fn kind_names_are_the_serde_tags() {
        let blocks = [
            BlockKind::Heading {
                level: 1,
                run_in: false,
            },
            BlockKind::Paragraph,
            BlockKind::ListItem {
                marker: "•".into(),
                ordinal: None,
                depth: 0,
                title: None,
            },
            BlockKind::Footnote { label: "1".into() },
            BlockKind::Other,
        ];
        for kind in &blocks {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json["kind"], kind.name());
        }
        let artifacts = [
            ArtifactKind::RunningHeader,
            ArtifactKind::RunningFooter,
            ArtifactKind::PageNumber,
            ArtifactKind::PageBreak,
            ArtifactKind::ByteOrderMark,
            ArtifactKind::ListMarker,
            ArtifactKind::FootnoteMarker,
            ArtifactKind::Hyphen,
            ArtifactKind::Noise,
            ArtifactKind::Other,
        ];
        for kind in artifacts {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
        }
    }

    fn seg(text: Range<usize>, source: Range<usize>, verbatim: bool) -> Segment {
        Segment {
            text_start: text.start,
            text_end: text.end,
            source: Span::new(source.start, source.end),
            verbatim,
        }
    }

    #[test]
    fn packed_maps_give_back_their_segments() {
        // `bor-\nder policy` at 100: `bor`, the joined break, `der policy`.
        let tiling = vec![
            seg(0..3, 100..103, true),
            seg(3..3, 103..105, false),
            seg(3..13, 105..115, true),
        ];
        let map = SourceMap::from_segments(tiling.clone());
        assert!(matches!(map.repr, Repr::Narrow(_)));
        assert!(map.segments().eq(tiling.iter().copied()));
        assert_eq!(map.map(Span::new(100, 115), 2..5), Span::new(102, 107));
        // At the limits of four bytes a segment: a text end of 65 535 and an input end 32 767
        // bytes after the first segment's start; one byte more in either takes eight bytes.
        let at = 5_000_000;
        let limits = vec![
            seg(0..65_000, at..at + 30_000, false),
            seg(65_000..65_535, at + 30_000..at + 32_767, true),
        ];
        let map = SourceMap::from_segments(limits.clone());
        assert!(matches!(map.repr, Repr::Narrow(_)));
        assert!(map.segments().eq(limits.iter().copied()));
        for wide in [
            vec![seg(0..65_536, at..at + 10, false)],
            vec![seg(0..10, at..at + 32_768, false)],
        ] {
            let map = SourceMap::from_segments(wide.clone());
            assert!(!matches!(map.repr, Repr::Narrow(_)), "{wide:?}");
            assert!(map.segments().eq(wide.iter().copied()));
        }
        let wide = vec![seg(0..3, 100..103, true), seg(3..9, 103..40_000, false)];
        let map = SourceMap::from_segments(wide.clone());
        assert!(matches!(map.repr, Repr::Packed(_)));
        assert!(map.segments().eq(wide.iter().copied()));
        assert_eq!(
            map.map(Span::new(100, 40_000), 2..4),
            Span::new(102, 40_000)
        );
        // Segments that do not follow on from text offset 0 and in the input, or do not fit in
        // 31 bits (nor in 32 for a narrow map), are kept as they are, and read the same.
        for odd in [
            vec![seg(1..3, 100..102, true)],
            vec![seg(0..2, 100..102, true), seg(5..6, 110..111, true)],
            vec![seg(0..2, 1 << 32..(1 << 32) + 2, true)],
            // Text that follows on, input that does not (a gap, then a step back).
            vec![seg(0..2, 100..102, true), seg(2..3, 104..105, false)],
            vec![seg(0..2, 100..102, true), seg(2..4, 101..103, true)],
        ] {
            let map = SourceMap::from_segments(odd.clone());
            assert!(matches!(map.repr, Repr::Plain(_)));
            assert!(map.segments().eq(odd.iter().copied()));
        }
    }

    #[test]
    fn equality_and_json_ignore_the_packing() {
        let segments = vec![seg(0..3, 10..13, true), seg(3..4, 13..15, false)];
        let packed = SourceMap::from_segments(segments.clone());
        let plain = SourceMap {
            repr: Repr::Plain(segments.clone().into_boxed_slice()),
        };
        assert_eq!(packed, plain);
        let json = serde_json::to_string(&packed).unwrap();
        assert_eq!(json, serde_json::to_string(&segments).unwrap());
        let back: SourceMap = serde_json::from_str(&json).unwrap();
        assert_eq!(back, packed);
        assert_eq!(
            format!("{packed:?}"),
            format!("SourceMap {{ segments: {segments:?} }}")
        );
    }
}
