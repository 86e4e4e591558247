//! The fast JSON writer (`Document::write_json`) against serde: the same bytes as
//! `serde_json` in the default shape (compact and indented, and as JSON Lines), and the compact
//! source-map encoding read back by serde into the same document. Generated documents are
//! checked in `properties.rs`, the corpus in `corpus.rs`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::borrow::Cow;

use debrief_parser::{
    Artifact, ArtifactKind, Block, BlockKind, Diagnostic, Document, InputStyle, JsonOptions,
    Segment, Severity, SourceMap, SourceMapFormat, Span,
};

const SEED: &str = include_str!("../../../examples/data/border-security-brief.txt");

fn write(doc: &Document<'_>, options: JsonOptions) -> String {
    let mut out = Vec::new();
    doc.write_json(&mut out, options).unwrap();
    String::from_utf8(out).unwrap()
}

fn compact() -> JsonOptions {
    JsonOptions::default().source_maps(SourceMapFormat::Compact)
}

fn seg(text: (usize, usize), source: (usize, usize), verbatim: bool) -> Segment {
    Segment {
        text_start: text.0,
        text_end: text.1,
        source: Span::new(source.0, source.1),
        verbatim,
    }
}

/// A document with every kind of block, artifact and diagnostic, optional fields set and
/// unset, strings that need escaping, and source maps that the parser never makes (a gap in the
/// input, a segment that goes back, segments not starting at 0).
fn every_kind() -> Document<'static> {
    let block = |kind, text: &'static str, span, map: Vec<Segment>| Block {
        kind,
        text: Cow::Borrowed(text),
        span,
        source_map: SourceMap::from_segments(map),
    };
    let blocks = vec![
        block(
            BlockKind::Heading {
                level: 1,
                run_in: false,
            },
            "Title \"quoted\"",
            Span::new(0, 14),
            vec![],
        ),
        block(
            BlockKind::Heading {
                level: 3,
                run_in: true,
            },
            "Run-in",
            Span::new(20, 26),
            vec![seg((0, 6), (20, 26), true)],
        ),
        block(
            BlockKind::ListItem {
                marker: Cow::Borrowed("(c)"),
                ordinal: Some(3),
                depth: 1,
                title: Some(Cow::Borrowed("Act\tnow")),
            },
            "Act\tnow. Then wait.",
            Span::new(30, 60),
            // A gap of 4 bytes, then a segment that starts before the last one ended.
            vec![
                seg((0, 8), (34, 42), true),
                seg((8, 9), (46, 48), false),
                seg((9, 19), (40, 50), false),
            ],
        ),
        block(
            BlockKind::ListItem {
                marker: Cow::Borrowed("■■"),
                ordinal: None,
                depth: 0,
                title: None,
            },
            "Item\\",
            Span::new(60, 70),
            vec![],
        ),
        block(
            BlockKind::Footnote {
                label: Cow::Borrowed("*"),
            },
            "Note\u{1}\u{7f}",
            Span::new(70, 80),
            // Segments that do not start at text offset 0 are kept as given.
            vec![seg((2, 4), (72, 74), true)],
        ),
        block(
            BlockKind::Paragraph,
            "é€😀\u{2028}",
            Span::new(80, 95),
            vec![],
        ),
        block(BlockKind::Other, "1 2 3", Span::new(95, 100), vec![]),
    ];
    let artifact = |kind, text: &'static str, span| Artifact {
        kind,
        text: Cow::Borrowed(text),
        span,
    };
    let artifacts = vec![
        artifact(ArtifactKind::RunningHeader, "Header", Span::new(0, 6)),
        artifact(ArtifactKind::RunningFooter, "Footer", Span::new(6, 12)),
        artifact(ArtifactKind::PageNumber, "12", Span::new(12, 14)),
        artifact(ArtifactKind::PageBreak, "\u{c}", Span::new(14, 15)),
        artifact(ArtifactKind::ByteOrderMark, "\u{feff}", Span::new(15, 18)),
        artifact(ArtifactKind::ListMarker, "•", Span::new(18, 21)),
        artifact(ArtifactKind::FootnoteMarker, "1", Span::new(21, 22)),
        artifact(ArtifactKind::Hyphen, "-", Span::new(22, 23)),
        artifact(ArtifactKind::Noise, "\u{ad}\r", Span::new(23, 26)),
        artifact(ArtifactKind::Other, "www.gao.gov", Span::new(26, 37)),
    ];
    let diagnostics = vec![
        Diagnostic {
            severity: Severity::Info,
            code: Cow::Borrowed("unsure-hyphen"),
            message: "joined `Meyer-\nriecks`".to_owned(),
            span: Span::new(5, 6),
        },
        Diagnostic {
            severity: Severity::Warning,
            code: Cow::Borrowed("replacement-character"),
            message: "a U+FFFD was dropped".to_owned(),
            span: Span::new(7, 10),
        },
    ];
    Document::new("", InputStyle::Layout, blocks, artifacts, diagnostics)
}

/// Checks the writer against serde on `doc` and the compact encoding's round trip.
fn agrees_with_serde(doc: &Document<'_>) {
    assert_eq!(
        write(doc, JsonOptions::default()),
        serde_json::to_string(doc).unwrap()
    );
    assert_eq!(
        write(doc, JsonOptions::default().pretty(true)),
        serde_json::to_string_pretty(doc).unwrap()
    );
    let mut lines = Vec::new();
    doc.write_json_lines(&mut lines, compact().pretty(true))
        .unwrap();
    let mut serde_lines = Vec::new();
    for b in &doc.blocks {
        serde_json::to_writer(&mut serde_lines, b).unwrap();
        serde_lines.push(b'\n');
    }
    // JSON Lines are never indented; compact maps read back to the same blocks.
    let back: Vec<Block<'_>> = std::str::from_utf8(&lines)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, doc.blocks);
    let mut plain = Vec::new();
    doc.write_json_lines(&mut plain, JsonOptions::default())
        .unwrap();
    assert_eq!(plain, serde_lines);
    for options in [compact(), compact().pretty(true)] {
        let json = write(doc, options);
        let back: Document<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(&back.with_source(doc.source()), doc, "{json}");
    }
}

#[test]
fn every_kind_of_field_is_written_as_serde_writes_it() {
    agrees_with_serde(&every_kind());
}

#[test]
fn the_seed_is_written_as_serde_writes_it() {
    let doc = debrief_parser::parse(SEED);
    agrees_with_serde(&doc);
}

#[test]
fn compact_segments_count_on_from_the_previous_one() {
    let doc = every_kind();
    let json: serde_json::Value = serde_json::from_str(&write(&doc, compact())).unwrap();
    // Worked out by hand from the segments in `every_kind`: text lengths 8, 1, 10; the first
    // input bytes at 34 (counted from 0), then 4 bytes after 42, then 8 bytes before 48.
    assert_eq!(
        json["blocks"][2]["source_map"],
        serde_json::json!([[8, 34, 8, 1], [1, 4, 2, 0], [10, -8, 10, 0]])
    );
    assert_eq!(
        json["blocks"][1]["source_map"],
        serde_json::json!([[6, 20, 6, 1]])
    );
    // A segment that does not continue the text from where the one before ended (here, a
    // first one that starts at 2) cannot be written as lengths: it stays an object.
    assert_eq!(
        json["blocks"][4]["source_map"],
        serde_json::json!([{"text_start": 2, "text_end": 4, "source": {"start": 72, "end": 74}, "verbatim": true}])
    );
    // Identity maps are left out in both encodings.
    assert!(json["blocks"][0].get("source_map").is_none());
}

#[test]
fn the_compact_encoding_is_smaller_and_indents_on_one_line() {
    let doc = debrief_parser::parse(SEED);
    let objects = write(&doc, JsonOptions::default());
    let compact_json = write(&doc, compact());
    assert!(
        compact_json.len() * 2 < objects.len(),
        "{} vs {}",
        compact_json.len(),
        objects.len()
    );
    let pretty = write(&doc, compact().pretty(true));
    assert!(pretty.contains(",\n        [0, 0, 2, 0],\n"), "{pretty}");
}

#[test]
fn bad_compact_segments_are_refused_with_a_reason() {
    for bad in [
        "[[-1,0,1,1]]",
        "[[1,-5,1,1]]",
        "[[1,0,-1,1]]",
        "[[1,0,1,2]]",
        "[[1,0,1]]",
        "[[1,0,1,1,0]]",
    ] {
        let err = serde_json::from_str::<SourceMap>(bad).unwrap_err();
        assert!(!err.to_string().is_empty(), "{bad}");
    }
    let err = serde_json::from_str::<SourceMap>("[[1,-5,1,1]]").unwrap_err();
    assert!(err.to_string().contains("input offset 0"), "{err}");
    // Objects and compact segments mix: a compact one counts on from the object before it.
    let map: SourceMap = serde_json::from_str(
        r#"[{"text_start":0,"text_end":3,"source":{"start":10,"end":13},"verbatim":true},[2,1,2,0]]"#,
    )
    .unwrap();
    assert_eq!(
        map.segments().collect::<Vec<_>>(),
        [seg((0, 3), (10, 13), true), seg((3, 5), (14, 16), false)]
    );
}

#[test]
fn write_errors_are_passed_on() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let doc = debrief_parser::parse(SEED);
    let err = doc.write_json(Full, JsonOptions::default()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
}
