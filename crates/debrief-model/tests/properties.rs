//! Invariants of extraction, checked on generated documents: spans slice back to the quoted
//! text, extraction never panics (on parsed text and on hand-built documents with headings, list
//! items and footnotes anywhere), the `Brief` survives a JSON round trip, sentences tile the
//! text, and recommendation ids do not depend on unrelated text.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::borrow::Cow;

use debrief_model::{Brief, extract, sentences};
use debrief_parser::{Block, BlockKind, Document, InputStyle, Span, parse};
use proptest::prelude::*;

/// Words and phrases of policy prose, so that generated text exercises every extractor.
const WORDS: &[&str] = &[
    "Congress",
    "should",
    "must",
    "shall",
    "may",
    "could",
    "need",
    "needs to",
    "more needs to be done to",
    "the",
    "U.S.",
    "Mexico",
    "DHS",
    "Department of Homeland Security",
    "(DHS)",
    "the Secretary of Energy",
    "Obama Administration",
    "it",
    "they",
    "recommend that",
    "work to",
    "strengthen",
    "develop",
    "a",
    "plan",
    "Merida Initiative",
    "Border Enforcement Security Task Force (BEST)",
    "$1.6 billion",
    "2,000 miles",
    "40 percent",
    "as much as",
    "between 2 and 5 percent",
    "one-third",
    "FY2010",
    "August 22, 2006",
    "21st-century",
    "second",
    "billions of",
    "dollars",
    "the following:",
    "■■",
    "•",
    "1.",
    "(a)",
    "e.g.",
    "No. 2245",
    "Sec. 3",
    "George W. Bush",
    "…",
    ". . .",
    "“secure”",
    "bor-",
    "der",
    "immigration",
    "oil",
    "é",
    "日本",
    "\u{FFFD}",
    "What the U.S. Should Do",
    "Recommendations",
    "Options for Congress",
    "Disclaimer",
    "be made",
    "not",
    "also",
    "likely",
];

const SEPARATORS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ". ",
    ", ",
    ": ",
    "-\n",
    "\n■■ ",
    "? ",
];

fn policy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(SEPARATORS),
        ),
        0..80,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (w, sep) in parts {
            s.push_str(w);
            s.push_str(sep);
        }
        s
    })
}

/// Lower-case letters and digits: what a span and its (possibly repaired) text share.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn check_spans(src: &str, brief: &Brief) {
    let slices = |span: Span, text: &str, what: &str| {
        let got = span
            .slice(src)
            .unwrap_or_else(|| panic!("{what} span {span:?} does not slice {src:?}"));
        assert_eq!(letters(got), letters(text), "{what}: {got:?} vs {text:?}");
    };
    for r in &brief.recommendations {
        slices(r.span, &r.text, "recommendation");
        assert!(r.span.contains(r.sentence) || r.sentence.contains(r.span) || r.span == r.sentence);
        if let Some(t) = &r.title {
            slices(t.span, &t.text, "title");
        }
        if let Some(m) = &r.modal {
            slices(m.span, &m.text, "modal");
        }
        for a in r.actors.iter().chain(&r.mentions) {
            slices(a.span, &a.mention, "actor reference");
        }
        assert!(r.id.starts_with("rec-"));
    }
    for a in &brief.actors {
        for m in &a.mentions {
            slices(m.span, &m.text, "actor mention");
            assert!(m.sentence.contains(m.span), "{m:?}");
        }
    }
    for p in &brief.programs {
        for m in &p.mentions {
            slices(m.span, &m.text, "program mention");
        }
    }
    for q in &brief.quantities {
        slices(q.span, &q.text, "quantity");
        assert!(q.sentence.contains(q.span));
        if let Some(qual) = &q.qualifier {
            slices(qual.span, &qual.text, "qualifier");
        }
    }
    for s in &brief.sentences {
        assert!(s.span.slice(src).is_some());
    }
}

/// A document built by hand from `text`: pieces at blank lines, each given a kind in turn, so
/// that headings, list items with titles and footnotes occur anywhere.
fn hand_built<'a>(text: &'a str, kinds: &[u8]) -> Document<'a> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for (i, piece) in text.split("\n\n").enumerate() {
        let start = offset + (piece.len() - piece.trim_start().len());
        let body = piece.trim();
        offset += piece.len() + 2;
        if body.is_empty() {
            continue;
        }
        let span = Span::new(start, start + body.len());
        let kind = match kinds.get(i % kinds.len().max(1)).copied().unwrap_or(0) % 5 {
            0 => BlockKind::Paragraph,
            1 => BlockKind::Heading {
                level: 2,
                run_in: false,
            },
            2 => BlockKind::ListItem {
                marker: Cow::Borrowed("•"),
                ordinal: None,
                depth: 0,
                title: body.split(". ").next().map(Cow::Borrowed),
            },
            3 => BlockKind::Footnote {
                label: Cow::Borrowed("1"),
            },
            _ => BlockKind::Other,
        };
        blocks.push(Block::verbatim(kind, &text[span.range()], span));
    }
    Document::new(text, InputStyle::BlankLines, blocks, vec![], vec![])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_slice_back_on_parsed_policy_text(src in policy_text()) {
        let doc = parse(&src);
        check_spans(&src, &extract(&doc));
    }

    #[test]
    fn never_panics_on_any_text(src in "\\PC{0,400}") {
        let doc = parse(&src);
        check_spans(&src, &extract(&doc));
    }

    #[test]
    fn never_panics_on_hand_built_documents(src in policy_text(), kinds in prop::collection::vec(any::<u8>(), 1..8)) {
        let doc = hand_built(&src, &kinds);
        check_spans(&src, &extract(&doc));
    }

    #[test]
    fn brief_survives_a_json_round_trip(src in policy_text()) {
        let brief = extract(&parse(&src));
        let json = serde_json::to_string(&brief).unwrap();
        let back: Brief = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, brief);
    }

    #[test]
    fn sentences_tile_the_text(src in "\\PC{0,300}") {
        let ranges = sentences(&src);
        let mut last = 0;
        for r in &ranges {
            prop_assert!(r.start >= last && r.start < r.end);
            prop_assert!(src.is_char_boundary(r.start) && src.is_char_boundary(r.end));
            let s = &src[r.clone()];
            prop_assert_eq!(s, s.trim());
            prop_assert!(src[last..r.start].trim().is_empty(), "text lost between sentences");
            last = r.end;
        }
        prop_assert!(src[last..].trim().is_empty());
    }

    #[test]
    fn ids_do_not_depend_on_unrelated_text(prefix in "[A-Za-z ,]{0,60}") {
        let seed = include_str!("../../../examples/data/border-security-brief.txt");
        let ids = |text: &str| -> Vec<String> {
            extract(&parse(text)).recommendations.into_iter().map(|r| r.id).collect()
        };
        let before = ids(seed);
        let edited = format!("{prefix}.\n\n{seed}");
        prop_assert_eq!(ids(&edited), before);
    }
}
