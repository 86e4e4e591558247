//! The seed brief, read exactly right. Every expected value below comes from reading
//! `examples/data/border-security-brief.txt` by eye, not from the parser.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use debrief_parser::{ArtifactKind, BlockKind, Document, InputStyle};

const SEED: &str = include_str!("../../../examples/data/border-security-brief.txt");

fn kinds(doc: &Document<'_>) -> Vec<&'static str> {
    doc.blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading { run_in: true, .. } => "run-in heading",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list item",
            BlockKind::Footnote { .. } => "footnote",
            BlockKind::Other => "other",
        })
        .collect()
}

#[test]
fn blocks_in_reading_order() {
    let doc = debrief_parser::parse(SEED);
    assert_eq!(doc.style, InputStyle::BlankLines);
    assert_eq!(
        kinds(&doc),
        [
            "paragraph",
            "paragraph",
            "paragraph",
            "run-in heading",
            "paragraph",
            "paragraph",
            "paragraph",
            "run-in heading",
            "paragraph",
            "paragraph",
            "paragraph",
            "paragraph",
            "run-in heading",
            "paragraph",
            "list item",
            "list item",
            "list item",
            "run-in heading",
            "paragraph",
            "paragraph",
        ]
    );
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    assert_eq!(paragraphs, 13);
}

#[test]
fn the_four_run_in_headings() {
    let doc = debrief_parser::parse(SEED);
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.heading_level().is_some())
        .map(|b| b.text.as_ref())
        .collect();
    assert_eq!(
        headings,
        [
            "Mexico: The Essential Partner",
            "An Expanding U.S.–Mexican Agenda",
            "What the U.S. Should Do",
            "Mexico as Part of the Solution",
        ]
    );
    // Each heading's span covers its words and final period in the input.
    let first = doc
        .blocks
        .iter()
        .find(|b| b.heading_level().is_some())
        .unwrap();
    assert_eq!(
        first.span.slice(SEED),
        Some("Mexico: The Essential Partner.")
    );
}

#[test]
fn opening_paragraphs() {
    let doc = debrief_parser::parse(SEED);
    assert_eq!(
        doc.blocks[0].text,
        "As the debate over immigration reform heats up, the topic of border security—especially \
         on the southwest border with Mexico—looms larger. Washington policymakers ask: How many \
         miles of fence, how many Border Patrol agents, how many billions of tax dollars will be \
         enough to finally “secure” the border?"
    );
    assert_eq!(
        doc.blocks[1].text,
        "There is no easy answer. Airtight border security is more an abstract concept than a \
         practical goal. It is difficult to envision a system of airport-like security or 100 \
         percent “operational control” of 2,000 miles of often rugged and inhospitable terrain."
    );
    assert_eq!(
        doc.blocks[2].text,
        "Ultimately, an effective border security policy requires a reliable security partner in \
         Mexico. Thankfully, the objectives of Mexico’s new government are to engineer a more \
         secure, more prosperous, and more rule-of-law-oriented future."
    );
}

#[test]
fn list_items_with_their_titles() {
    let doc = debrief_parser::parse(SEED);
    let items: Vec<(&str, Option<&str>, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem {
                marker,
                title,
                ordinal: None,
                depth: 0,
            } => Some((marker.as_ref(), title.as_deref(), b.text.as_ref())),
            _ => None,
        })
        .collect();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items.iter().map(|i| (i.0, i.1)).collect::<Vec<_>>(),
        [
            (
                "■■",
                Some("Develop a comprehensive U.S.–Mexico anti-crime strategy")
            ),
            ("■■", Some("Continue modernization of the southwest border")),
            (
                "■■",
                Some("foster U.S.–Mexico bilateral border security and immigration accords")
            ),
        ]
    );
    assert!(
        items[0]
            .2
            .starts_with("Develop a comprehensive U.S.–Mexico anti-crime strategy. The Obama")
    );
    assert!(
        items[0]
            .2
            .ends_with("criteria to measure progress and enhanced security.")
    );
    assert!(
        items[2]
            .2
            .ends_with("obstacles to illegal activities, especially illegal migration.")
    );
    // The bullets are recorded as artifacts.
    let markers = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::ListMarker)
        .count();
    assert_eq!(markers, 3);
}

/// The 36 line-end hyphens of the seed, in order, as the words should read.
const HYPHENATED: [&str; 36] = [
    "policymakers",
    "border",
    "reliable",
    "prosperous",
    "rule-of-law-oriented",
    "21st-century",
    "sensitive",
    "concerned",
    "counterparts",
    "transnational",
    "military-to-military",
    "without",
    "planning",
    "drawing",
    "southern",
    "assurances",
    "movements",
    "movements",
    "projections",
    "supply",
    "allocate",
    "sectors",
    "relatively",
    "smugglers",
    "strategy",
    "coordinates",
    "judicial",
    "organizations",
    "preventing",
    "deployment",
    "potential",
    "immigration",
    "agreements",
    "regularize",
    "increasing",
    "especially",
];

#[test]
fn all_36_line_end_hyphens_decided_right() {
    let doc = debrief_parser::parse(SEED);
    // Where each line-end hyphen is in the input.
    let mut hyphens = Vec::new();
    let mut offset = 0;
    for line in SEED.split_inclusive('\n') {
        let body = line.trim_end();
        if body.ends_with('-') {
            hyphens.push(offset + body.len() - 1);
        }
        offset += line.len();
    }
    assert_eq!(hyphens.len(), 36);
    for (at, word) in hyphens.iter().zip(HYPHENATED) {
        let block = doc
            .blocks
            .iter()
            .find(|b| b.span.start <= *at && *at < b.span.end)
            .unwrap_or_else(|| panic!("hyphen at {at} ({word}) is in no block"));
        // The word as the block reads it, around the hyphen's place.
        let t = block.text.as_ref();
        let near = (0..t.len())
            .filter(|&i| t.is_char_boundary(i))
            .find(|&i| block.source_span(i..i).start >= *at)
            .unwrap();
        let start = t[..near].rfind(' ').map_or(0, |p| p + 1);
        let end = t[near..].find(' ').map_or(t.len(), |p| near + p);
        let found = t[start..end].trim_matches(|c: char| !c.is_alphanumeric());
        assert_eq!(found, word, "hyphen at byte {at}");
    }
    let joined = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Hyphen)
        .count();
    assert_eq!(joined, 35, "all but 21st-century lose their hyphen");
}

#[test]
fn all_6_column_breaks_rejoined() {
    let doc = debrief_parser::parse(SEED);
    for phrase in [
        "the topic of border security—especially",
        "or 100 percent “operational control” of 2,000 miles",
        "of Mexico’s new government are to engineer a more secure",
        "between the two parties is unprecedented",
        "a broad master plan for U.S.–Mexican relations that coordinates",
        "and parallel laws that draw the two governments",
    ] {
        let holders = doc
            .blocks
            .iter()
            .filter(|b| b.text.contains(phrase))
            .count();
        assert_eq!(
            holders, 1,
            "{phrase:?} should be read as one sentence in one block"
        );
    }
}

#[test]
fn spans_slice_back_to_the_input() {
    let doc = debrief_parser::parse(SEED);
    for b in &doc.blocks {
        let raw = b.span.slice(SEED).expect("span on char boundaries");
        assert!(!raw.trim().is_empty());
        for seg in b.source_map.segments() {
            if seg.verbatim {
                assert_eq!(
                    &b.text[seg.text_start..seg.text_end],
                    seg.source.slice(SEED).unwrap()
                );
            }
        }
    }
    // `border` in the third paragraph maps back to `bor-` / `der`.
    let p = &doc.blocks[2];
    let at = p.text.find("border").unwrap();
    assert_eq!(p.source_span(at..at + 6).slice(SEED), Some("bor-\nder"));
}

#[test]
fn whole_document_snapshot() {
    let doc = debrief_parser::parse(SEED);
    let mut value = serde_json::to_value(&doc).unwrap();
    // Source maps are checked above; the snapshot shows the reading itself.
    for block in value["blocks"].as_array_mut().unwrap() {
        block.as_object_mut().unwrap().remove("source_map");
    }
    insta::assert_json_snapshot!("seed", value);
    insta::assert_snapshot!("seed_markdown", doc.to_markdown());
}
