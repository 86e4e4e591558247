//! Reproducers of defects found by the fuzz targets and the malformed-input fixtures
//! (`tests/fixtures/malformed/` at the workspace root), each with the behaviour
//! `docs/FORMAT.md` promises, so that they stay fixed.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use debrief_parser::ArtifactKind;

/// FORMAT.md: "control characters dropped" from the text. An ASCII fast path copied a word
/// with a BEL or ESC in it verbatim (found by `brief-control-characters.txt`).
#[test]
fn control_characters_inside_ascii_words_are_dropped_as_noise() {
    let src = "Bell\x07 and escape\x1b text.\n";
    let doc = debrief_parser::parse(src);
    common::check(src, &doc);
    assert_eq!(doc.blocks[0].text, "Bell and escape text.");
    let noise: Vec<_> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Noise)
        .map(|a| (a.span.start, a.text.as_ref()))
        .collect();
    assert_eq!(noise, [(4, "\x07"), (16, "\x1b")]);
}

/// The same for NUL bytes between words (`brief-nul-bytes.txt`).
#[test]
fn nul_bytes_are_dropped_as_noise() {
    let src = "Text\0with\0NUL bytes.\n";
    let doc = debrief_parser::parse(src);
    common::check(src, &doc);
    assert_eq!(doc.blocks[0].text, "TextwithNUL bytes.");
    assert_eq!(
        doc.artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::Noise)
            .count(),
        2
    );
}
