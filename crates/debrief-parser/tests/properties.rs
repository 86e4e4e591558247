//! Invariants that hold for every input: parsing never panics; spans are in bounds, on char
//! boundaries, ordered, and never partly overlapping; nothing is lost; source maps slice back;
//! parsing the text rendering of a document gives the same blocks; the JSON writer agrees with
//! serde.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::check;
use debrief_parser::{Document, JsonOptions, Segment, SourceMap, SourceMapFormat, Span};
use proptest::prelude::*;
use std::fmt::Write as _;

/// Pieces that PDF text is made of, glued into inputs that exercise every stage.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,12}".prop_map(|w| format!("{w} ")),
        2 => "[A-Z][a-z]{1,10}".prop_map(|w| format!("{w} ")),
        1 => Just("-\n".to_owned()),
        1 => Just(".\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\x0c".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("■■ ".to_owned()),
        1 => Just("• ".to_owned()),
        1 => Just("1. ".to_owned()),
        1 => Just("(a) ".to_owned()),
        1 => Just("Page 3 GAO-07-283\n".to_owned()),
        1 => Just("Congressional Research Service 2\n".to_owned()),
        1 => "[0-9]{1,3}".prop_map(|n| format!("{n}\n")),
        1 => "[0-9]{1,2}".prop_map(|n| format!(".{n}\n")),
        1 => Just("U.S.-\n".to_owned()),
        1 => Just("—\n".to_owned()),
        1 => Just("\u{00AD}".to_owned()),
        1 => Just("\u{FFFD}".to_owned()),
        1 => Just("\u{FEFF}".to_owned()),
        1 => Just("ﬁ".to_owned()),
        1 => Just("\u{00A0}".to_owned()),
        1 => Just("  \t".to_owned()),
        1 => Just("[2] ".to_owned()),
        1 => Just("Introduction ........ 1\n".to_owned()),
        1 => Just("Contractsforfive ".to_owned()),
        1 => Just("Source: ".to_owned()),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// A word box: left edge, top, height, and a word without markup characters.
fn bbox_word() -> impl Strategy<Value = (f32, f32, f32, String)> {
    (
        0.0f32..600.0,
        0.0f32..780.0,
        0.5f32..20.0,
        "[A-Za-z0-9.,’—-]{1,12}",
    )
}

fn pdf_like() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..160).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_any_string(src in any::<String>()) {
        let doc = debrief_parser::parse(&src);
        check(&src, &doc);
    }

    #[test]
    fn invariants_hold_on_pdf_like_text(src in pdf_like()) {
        let doc = debrief_parser::parse(&src);
        check(&src, &doc);
    }

    /// Word boxes of any shape (and any text around them) give text that parses soundly,
    /// holding every word's text.
    #[test]
    fn word_boxes_never_panic(words in prop::collection::vec(bbox_word(), 0..40), noise in any::<String>()) {
        let mut xhtml = String::from("<page><flow><block><line>");
        for (i, (x, y, h, text)) in words.iter().enumerate() {
            let _ = write!(
                xhtml,
                r#"<word xMin="{x}" yMin="{y}" xMax="{}" yMax="{}">{text}</word>"#,
                x + 5.0,
                y + h
            );
            if i % 7 == 6 {
                xhtml.push_str("</line></block><block><line>");
            }
        }
        xhtml.push_str("</line></block></flow></page>");
        xhtml.push_str(&noise);
        let text = debrief_parser::text_from_bbox_layout(&xhtml);
        for (_, _, _, word) in &words {
            prop_assert!(text.contains(word.as_str()), "{word:?} missing from {text:?}");
        }
        let doc = debrief_parser::parse(&text);
        check(&text, &doc);
    }

    #[test]
    fn parse_bytes_agrees_with_parse(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        match debrief_parser::parse_bytes(&bytes) {
            Ok(doc) => check(doc.source(), &doc),
            Err(e) => prop_assert!(std::str::from_utf8(&bytes).is_err() && e.offset() <= bytes.len()),
        }
    }

    /// Text and Markdown written as they go are the strings `to_text` and `to_markdown` build.
    #[test]
    fn text_is_written_as_it_is_built(src in pdf_like()) {
        let doc = debrief_parser::parse(&src);
        let (mut text, mut markdown) = (Vec::new(), Vec::new());
        doc.write_text(&mut text).unwrap();
        doc.write_markdown(&mut markdown).unwrap();
        prop_assert_eq!(String::from_utf8(text).unwrap(), doc.to_text());
        prop_assert_eq!(String::from_utf8(markdown).unwrap(), doc.to_markdown());
    }

    /// A source map gives back the segments it was made of, whichever way it stores them (four
    /// bytes a segment under 64 KiB of text and 32 KiB of input, eight up to 2 GiB, as given
    /// beyond), and reads back from its JSON.
    #[test]
    fn source_maps_give_back_their_segments(
        start in prop_oneof![0usize..100, (1usize << 31) - 50_000..(1usize << 31) + 10, Just(1usize << 32)],
        runs in prop::collection::vec(
            (prop_oneof![0usize..40, 9_000usize..20_000], prop_oneof![0usize..40, 5_000usize..12_000], any::<bool>()),
            1..8,
        ),
    ) {
        let (mut text_at, mut source_at) = (0, start);
        let segments: Vec<Segment> = runs
            .iter()
            .map(|&(text_len, source_len, verbatim)| {
                // A verbatim run copies its input: the same length in the text.
                let text_len = if verbatim { source_len } else { text_len };
                let s = Segment {
                    text_start: text_at,
                    text_end: text_at + text_len,
                    source: Span::new(source_at, source_at + source_len),
                    verbatim,
                };
                (text_at, source_at) = (s.text_end, s.source.end);
                s
            })
            .collect();
        let map = SourceMap::from_segments(segments.clone());
        prop_assert!(map.segments().eq(segments.iter().copied()));
        prop_assert!(map.segments().rev().eq(segments.iter().rev().copied()));
        let back: SourceMap = serde_json::from_str(&serde_json::to_string(&map).unwrap()).unwrap();
        prop_assert_eq!(back, map);
    }

    /// The fast JSON writer writes what serde writes, and the compact source maps read back
    /// (through serde) to the same document.
    #[test]
    fn json_is_written_as_serde_writes_it(src in prop_oneof![pdf_like(), any::<String>()]) {
        let doc = debrief_parser::parse(&src);
        let mut fast = Vec::new();
        doc.write_json(&mut fast, JsonOptions::default()).unwrap();
        prop_assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string(&doc).unwrap());
        let mut compact = Vec::new();
        let options = JsonOptions::default().source_maps(SourceMapFormat::Compact);
        doc.write_json(&mut compact, options).unwrap();
        let back: Document<'_> = serde_json::from_slice(&compact).unwrap();
        prop_assert_eq!(back.with_source(&src), doc);
    }

    /// Documents made of headings, paragraphs and items read the same after a round trip
    /// through their text rendering.
    #[test]
    fn parsing_the_text_rendering_is_stable(blocks in prop::collection::vec(block(), 1..12)) {
        let src = blocks.join("\n\n");
        let first = debrief_parser::parse(&src);
        let text = first.to_text();
        let second = debrief_parser::parse(&text);
        prop_assert_eq!(summary(&first), summary(&second));
    }
}

/// A heading, paragraph or list item, wrapped over short lines with some hyphenation.
fn block() -> impl Strategy<Value = String> {
    let word = "[a-z]{2,9}";
    let sentence = (prop::collection::vec(word, 4..14), "[A-Z][a-z]{2,8}")
        .prop_map(|(ws, first)| format!("{first} {}.", ws.join(" ")));
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| wrap(&s.join(" ")));
    let heading = prop::collection::vec("[A-Z][a-z]{3,9}", 2..6).prop_map(|w| w.join(" "));
    prop_oneof![
        3 => paragraph.clone(),
        1 => heading,
        1 => paragraph.prop_map(|p| format!("• {p}")),
    ]
}

/// Wraps text at about 40 columns, hyphenating some long words at the line end.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in text.split(' ') {
        if col + w.len() > 40 && col > 0 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out
}

fn summary(doc: &Document<'_>) -> Vec<(String, String)> {
    doc.blocks
        .iter()
        .map(|b| {
            let kind = format!("{:?}", b.kind);
            (kind, b.text.to_string())
        })
        .collect()
}

#[test]
fn the_seed_survives_a_round_trip_through_text() {
    let seed = include_str!("../../../examples/data/border-security-brief.txt");
    let first = debrief_parser::parse(seed);
    check(seed, &first);
    let text = first.to_text();
    let second = debrief_parser::parse(&text);
    assert_eq!(summary(&first), summary(&second));
}
