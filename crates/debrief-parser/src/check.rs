//! The document invariants as one checkable function: [`verify`] says whether a [`Document`]
//! keeps every promise `docs/FORMAT.md` makes about its input, and names the first one broken.
//!
//! The property tests, the corpus tests and the fuzz targets all call [`verify`], so the
//! invariants are written down once, here.

use std::fmt;

use crate::{BlockKind, Document, Span};

/// One of the promises a [`Document`] makes about its input (see `docs/FORMAT.md`).
///
/// ```
/// use debrief_parser::check::{verify, Invariant};
/// use debrief_parser::{Block, BlockKind, Document, InputStyle, Span};
/// let src = "Two blocks";
/// let doc = Document::new(src, InputStyle::BlankLines, vec![
///     Block::verbatim(BlockKind::Paragraph, &src[..5], Span::new(0, 5)),
///     Block::verbatim(BlockKind::Paragraph, &src[2..], Span::new(2, 10)),
/// ], vec![], vec![]);
/// assert_eq!(verify(src, &doc).unwrap_err().invariant, Invariant::BlocksDisjoint);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Invariant {
    /// Every block, artifact, diagnostic and source-map span lies inside the input and on
    /// character boundaries.
    SpanInBounds,
    /// Blocks come sorted by `span.start`.
    BlocksOrdered,
    /// Two blocks are disjoint, except a footnote lying wholly inside a block that is not a
    /// footnote (a paragraph, item or table a page break interrupted).
    BlocksDisjoint,
    /// Artifacts come in input order and never overlap.
    ArtifactsDisjoint,
    /// An artifact's `text` is the input at its span.
    ArtifactText,
    /// Every non-whitespace input byte lies in a block span or an artifact span.
    NothingLost,
    /// A block's source map tiles its text: segments start where the last one ended, in order,
    /// on character boundaries of the text, and end at the text's length; a block without a
    /// map has exactly the input at its span as text.
    SourceMapTiles,
    /// Every input range of a block's source map lies inside the block's span, in input order.
    SourceMapInBlock,
    /// A verbatim segment's text is exactly the input at its source.
    VerbatimSlicesBack,
    /// No input byte is copied into the text of two blocks.
    NoByteFedTwice,
}

impl Invariant {
    /// A stable kebab-case name (`nothing-lost`).
    ///
    /// ```
    /// assert_eq!(debrief_parser::check::Invariant::NothingLost.name(), "nothing-lost");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Invariant::SpanInBounds => "span-in-bounds",
            Invariant::BlocksOrdered => "blocks-ordered",
            Invariant::BlocksDisjoint => "blocks-disjoint",
            Invariant::ArtifactsDisjoint => "artifacts-disjoint",
            Invariant::ArtifactText => "artifact-text",
            Invariant::NothingLost => "nothing-lost",
            Invariant::SourceMapTiles => "source-map-tiles",
            Invariant::SourceMapInBlock => "source-map-in-block",
            Invariant::VerbatimSlicesBack => "verbatim-slices-back",
            Invariant::NoByteFedTwice => "no-byte-fed-twice",
        }
    }
}

impl fmt::Display for Invariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The first broken invariant [`verify`] found: which one, where in the input, and what was
/// seen.
///
/// ```
/// use debrief_parser::{Block, BlockKind, Document, InputStyle, Span};
/// use debrief_parser::check::{verify, Invariant};
/// let src = "Kept. Lost.";
/// let doc = Document::new(src, InputStyle::BlankLines,
///     vec![Block::verbatim(BlockKind::Paragraph, &src[..5], Span::new(0, 5))], vec![], vec![]);
/// let v = verify(src, &doc).unwrap_err();
/// assert_eq!(v.invariant, Invariant::NothingLost);
/// assert_eq!(v.span, Span::new(6, 7));
/// assert_eq!(v.to_string(), "nothing-lost at bytes 6..7: `L` is in no block or artifact");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{invariant} at bytes {}..{}: {message}", span.start, span.end)]
#[non_exhaustive]
pub struct Violation {
    /// The invariant broken.
    pub invariant: Invariant,
    /// Where in the input (the offending span, or the first offending byte).
    pub span: Span,
    /// What was found, for people.
    pub message: String,
}

fn fail(invariant: Invariant, span: Span, message: impl Into<String>) -> Result<(), Violation> {
    Err(Violation {
        invariant,
        span,
        message: message.into(),
    })
}

fn in_bounds(input: &str, span: Span, what: &str) -> Result<(), Violation> {
    if span.slice(input).is_some() {
        Ok(())
    } else {
        fail(
            Invariant::SpanInBounds,
            span,
            format!(
                "{what} span is out of bounds or not on character boundaries (input is {} bytes)",
                input.len()
            ),
        )
    }
}

/// Checks every invariant of `doc`, parsed from `input`, and returns the first violation.
///
/// What is checked is what `docs/FORMAT.md` promises, no more: spans in bounds and on character
/// boundaries; blocks sorted by start and disjoint except a footnote nested in another block; artifacts in order, disjoint, each the input at its span; every non-whitespace
/// byte in a block or an artifact; each source map tiling its block's text, its input ranges
/// inside the block span and in input order, verbatim segments slicing back; no input byte in
/// the text of two blocks. See [`Invariant`] for the list.
///
/// ```
/// let src = "Title\n\nAn effective bor-\nder policy.\n";
/// let doc = debrief_parser::parse(src);
/// assert_eq!(debrief_parser::check::verify(src, &doc), Ok(()));
/// ```
///
/// # Errors
/// The first [`Violation`] found, in the order the invariants are listed above.
pub fn verify(input: &str, doc: &Document<'_>) -> Result<(), Violation> {
    spans_in_bounds(input, doc)?;
    blocks_ordered_and_disjoint(doc)?;
    artifacts_in_order(input, doc)?;
    nothing_lost(input, doc)?;
    source_maps(input, doc)
}

fn spans_in_bounds(input: &str, doc: &Document<'_>) -> Result<(), Violation> {
    for b in &doc.blocks {
        in_bounds(input, b.span, "block")?;
        for s in b.source_map.segments() {
            in_bounds(input, s.source, "source-map segment")?;
        }
    }
    for a in &doc.artifacts {
        in_bounds(input, a.span, "artifact")?;
    }
    for d in &doc.diagnostics {
        in_bounds(input, d.span, "diagnostic")?;
    }
    Ok(())
}

fn blocks_ordered_and_disjoint(doc: &Document<'_>) -> Result<(), Violation> {
    for w in doc.blocks.windows(2) {
        if w[1].span.start < w[0].span.start {
            return fail(
                Invariant::BlocksOrdered,
                w[1].span,
                format!("block starts before the block before it ({:?})", w[0].span),
            );
        }
    }
    // Sorted by start, so a block can only overlap blocks that start before it ends.
    for (i, a) in doc.blocks.iter().enumerate() {
        for b in doc.blocks[i + 1..]
            .iter()
            .take_while(|b| b.span.start < a.span.end)
        {
            let nested = a.span.contains(b.span)
                && matches!(b.kind, BlockKind::Footnote { .. })
                && !matches!(a.kind, BlockKind::Footnote { .. });
            if !nested && !b.span.is_empty() {
                return fail(
                    Invariant::BlocksDisjoint,
                    b.span,
                    format!(
                        "{} block overlaps the {} block at {:?}",
                        b.kind.name(),
                        a.kind.name(),
                        a.span
                    ),
                );
            }
        }
    }
    Ok(())
}

fn artifacts_in_order(input: &str, doc: &Document<'_>) -> Result<(), Violation> {
    for w in doc.artifacts.windows(2) {
        if w[1].span.start < w[0].span.end {
            return fail(
                Invariant::ArtifactsDisjoint,
                w[1].span,
                format!(
                    "{:?} artifact overlaps or precedes the {:?} artifact at {:?}",
                    w[1].kind, w[0].kind, w[0].span
                ),
            );
        }
    }
    for a in &doc.artifacts {
        if a.span.slice(input) != Some(a.text.as_ref()) {
            return fail(
                Invariant::ArtifactText,
                a.span,
                format!("artifact text {:?} is not the input at its span", a.text),
            );
        }
    }
    Ok(())
}

fn nothing_lost(input: &str, doc: &Document<'_>) -> Result<(), Violation> {
    let mut spans: Vec<Span> = doc
        .blocks
        .iter()
        .map(|b| b.span)
        .chain(doc.artifacts.iter().map(|a| a.span))
        .collect();
    spans.sort_unstable();
    // Walk the input once, jumping over covered ranges.
    let mut covered_to = 0;
    let mut next = spans.iter().peekable();
    for (i, c) in input.char_indices() {
        while let Some(s) = next.next_if(|s| s.start <= i) {
            covered_to = covered_to.max(s.end);
        }
        if i >= covered_to && !c.is_whitespace() {
            return fail(
                Invariant::NothingLost,
                Span::new(i, i + c.len_utf8()),
                format!("`{}` is in no block or artifact", c.escape_debug()),
            );
        }
    }
    Ok(())
}

fn source_maps(input: &str, doc: &Document<'_>) -> Result<(), Violation> {
    let mut fed: Vec<Span> = Vec::new();
    for b in &doc.blocks {
        let segments = b.source_map.segments();
        if segments.is_empty() {
            if b.span.slice(input) != Some(b.text.as_ref()) {
                return fail(
                    Invariant::SourceMapTiles,
                    b.span,
                    "block has no source map but its text is not the input at its span",
                );
            }
            fed.push(b.span);
            continue;
        }
        let mut at = 0;
        let mut input_at = b.span.start;
        for s in segments {
            if s.text_start != at
                || s.text_end < s.text_start
                || !b.text.is_char_boundary(s.text_start)
                || !b.text.is_char_boundary(s.text_end)
                || s.text_end > b.text.len()
            {
                return fail(
                    Invariant::SourceMapTiles,
                    s.source,
                    format!(
                        "segment {}..{} does not continue the text at {at} (text is {} bytes)",
                        s.text_start,
                        s.text_end,
                        b.text.len()
                    ),
                );
            }
            at = s.text_end;
            if !b.span.contains(s.source) || s.source.start < input_at {
                return fail(
                    Invariant::SourceMapInBlock,
                    s.source,
                    format!(
                        "segment source is outside the block span {:?} or before the previous segment",
                        b.span
                    ),
                );
            }
            input_at = s.source.start;
            if s.verbatim {
                let text = &b.text[s.text_start..s.text_end];
                if s.source.slice(input) != Some(text) {
                    return fail(
                        Invariant::VerbatimSlicesBack,
                        s.source,
                        format!("verbatim segment text {text:?} is not the input at its source"),
                    );
                }
                if !s.source.is_empty() {
                    fed.push(s.source);
                }
            }
        }
        if at != b.text.len() {
            return fail(
                Invariant::SourceMapTiles,
                b.span,
                format!("segments end at {at}, the text at {}", b.text.len()),
            );
        }
    }
    fed.sort_unstable();
    for w in fed.windows(2) {
        if w[1].start < w[0].end {
            return fail(
                Invariant::NoByteFedTwice,
                Span::new(w[1].start, w[0].end.min(w[1].end)),
                "these input bytes are copied into the text of two blocks",
            );
        }
    }
    Ok(())
}
