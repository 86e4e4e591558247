//! Helpers shared by the integration tests.
#![allow(clippy::expect_used, clippy::unwrap_used, dead_code)]

use debrief_parser::{BlockKind, Document, Span};

/// Checks every invariant of `doc` over `src`.
pub(crate) fn check(src: &str, doc: &Document<'_>) {
    // Spans in bounds and on char boundaries.
    for b in &doc.blocks {
        assert!(
            b.span.slice(src).is_some(),
            "block span {:?} not sliceable",
            b.span
        );
    }
    for a in &doc.artifacts {
        assert_eq!(
            a.span.slice(src),
            Some(a.text.as_ref()),
            "artifact text is its span"
        );
    }
    for d in &doc.diagnostics {
        assert!(d.span.slice(src).is_some());
    }
    // Blocks ordered by start; two blocks are disjoint or one holds the other whole (a
    // footnote inside the paragraph that a page break interrupted).
    for w in doc.blocks.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "blocks out of order");
    }
    for (i, a) in doc.blocks.iter().enumerate() {
        for b in &doc.blocks[i + 1..] {
            let disjoint = a.span.end <= b.span.start || b.span.end <= a.span.start;
            let nested = a.span.contains(b.span) && matches!(b.kind, BlockKind::Footnote { .. });
            assert!(
                disjoint || nested,
                "blocks {:?} and {:?} overlap",
                a.span,
                b.span
            );
        }
    }
    // Artifacts ordered and disjoint.
    for w in doc.artifacts.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "artifacts {:?} {:?}",
            w[0],
            w[1]
        );
    }
    // Nothing lost: every non-whitespace byte lies in a block or an artifact.
    let mut covered = vec![false; src.len()];
    for s in doc
        .blocks
        .iter()
        .map(|b| b.span)
        .chain(doc.artifacts.iter().map(|a| a.span))
    {
        covered[s.range()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in src.char_indices() {
        if !c.is_whitespace() {
            assert!(covered[i], "byte {i} ({c:?}) is in no block or artifact");
        }
    }
    // Source maps: segments tile the text; verbatim ones slice back exactly; no input byte
    // feeds the text of two blocks.
    let mut used: Vec<Span> = Vec::new();
    for b in &doc.blocks {
        let segs = b.source_map.segments();
        if segs.is_empty() {
            assert_eq!(b.span.slice(src), Some(b.text.as_ref()), "identity map");
            used.push(b.span);
            continue;
        }
        let mut at = 0;
        for s in segs {
            assert_eq!(s.text_start, at, "segments tile the text");
            at = s.text_end;
            assert!(s.source.slice(src).is_some());
            assert!(b.span.contains(s.source) || s.source.is_empty() || !s.verbatim);
            if s.verbatim {
                assert_eq!(
                    &b.text[s.text_start..s.text_end],
                    s.source.slice(src).unwrap()
                );
                used.push(s.source);
            } else {
                // A replacement stands for whitespace, a hyphen, a marker, noise or a
                // ligature: its text is at most a few characters.
                assert!(
                    s.text_end - s.text_start <= 3,
                    "replacement {:?}",
                    &b.text[s.text_start..s.text_end]
                );
            }
        }
        assert_eq!(at, b.text.len(), "segments reach the end of the text");
        // Mapping any range gives a span inside the input.
        let whole = b.source_span(0..b.text.len());
        assert!(whole.slice(src).is_some());
    }
    used.sort();
    for w in used.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "input bytes {:?} {:?} feed two texts",
            w[0],
            w[1]
        );
    }
}
