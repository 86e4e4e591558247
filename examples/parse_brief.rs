//! Parse a brief into blocks and show how every piece traces back to its bytes.
//!
//! ```sh
//! cargo run --example parse_brief                 # the bundled seed brief
//! cargo run --example parse_brief -- my-brief.txt
//! ```
#![allow(clippy::print_stdout)]

use debrief::parser::{ArtifactKind, BlockKind, LineIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A brief of your own, else the bundled seed brief (libraries never read files: the
    // caller does, then hands over the text).
    let (path, text) = match std::env::args().nth(1) {
        Some(path) => {
            let text = std::fs::read_to_string(&path)?;
            (path, text)
        }
        None => (
            debrief::seed::BRIEF_NAME.to_owned(),
            debrief::seed::BRIEF.to_owned(),
        ),
    };
    let doc = debrief::parser::parse(&text);
    let lines = LineIndex::new(&text);

    println!(
        "{path}: {} blocks, style {:?}\n",
        doc.blocks.len(),
        doc.style
    );
    for block in &doc.blocks {
        let (line, col) = lines.line_col(&text, block.span.start);
        let kind = match &block.kind {
            BlockKind::Heading { level, .. } => format!("heading {level}"),
            BlockKind::Paragraph => "paragraph".to_owned(),
            BlockKind::ListItem { marker, .. } => format!("item {marker}"),
            BlockKind::Footnote { label } => format!("note {label}"),
            BlockKind::Other => "other".to_owned(),
        };
        let preview: String = block.text.chars().take(70).collect();
        println!("{line:>4}:{col:<3} {kind:<10} {preview}");
    }

    // What was taken out of the text flow, by kind.
    let hyphens = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Hyphen)
        .count();
    println!(
        "\n{} artifacts, {hyphens} of them line-end hyphens removed; {} diagnostics",
        doc.artifacts.len(),
        doc.diagnostics.len()
    );

    // The source map: a word of the normalised text back to the bytes it came from.
    if let Some(block) = doc
        .blocks
        .iter()
        .find(|b| b.text.contains("border security policy"))
    {
        let at = block
            .text
            .find("border security policy")
            .unwrap_or_default();
        let span = block.source_span(at..at + "border".len());
        println!(
            "`border` in the text comes from bytes {}..{} of the input: {:?}",
            span.start,
            span.end,
            span.slice(&text).unwrap_or_default()
        );
    }
    Ok(())
}
