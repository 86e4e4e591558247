//! Plain-text and Markdown renderings of a document.

use std::fmt::Write as _;

use crate::{BlockKind, Document};

impl Document<'_> {
    /// The document as plain text: one block per line, separated by blank lines, list items
    /// with their marker, footnotes with their label, a run-in heading at the start of its
    /// paragraph again. Parsing this text again gives the same blocks.
    ///
    /// ```
    /// let doc = debrief_parser::parse("One\ntwo.\n\nThree.\n");
    /// assert_eq!(doc.to_text(), "One two.\n\nThree.\n");
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(self.source.len());
        let mut run_in = false;
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 && !run_in {
                out.push('\n');
            }
            run_in = false;
            match &block.kind {
                BlockKind::Heading { run_in: true, .. }
                    if self
                        .blocks
                        .get(i + 1)
                        .is_some_and(|b| b.kind == BlockKind::Paragraph) =>
                {
                    let _ = write!(out, "{}. ", block.text);
                    run_in = true;
                    continue;
                }
                BlockKind::ListItem { marker, .. } => {
                    let _ = write!(out, "{marker} ");
                }
                BlockKind::Footnote { label } => {
                    let _ = write!(out, "{label} ");
                }
                _ => {}
            }
            out.push_str(&block.text);
            out.push('\n');
        }
        out
    }

    /// The document as CommonMark: headings as `#`, list items as `-` or `1.`, footnotes as
    /// `[^label]:` definitions.
    ///
    /// ```
    /// use debrief_parser::{Block, BlockKind, Document, InputStyle, Span};
    /// let src = "Scope\nBody.";
    /// let doc = Document::new(src, InputStyle::BlankLines, vec![
    ///     Block::verbatim(BlockKind::Heading { level: 2, run_in: false }, &src[..5], Span::new(0, 5)),
    ///     Block::verbatim(BlockKind::Paragraph, &src[6..], Span::new(6, 11)),
    /// ], vec![], vec![]);
    /// assert_eq!(doc.to_markdown(), "## Scope\n\nBody.\n");
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::with_capacity(self.source.len() + self.source.len() / 16);
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            match &block.kind {
                BlockKind::Heading { level, .. } => {
                    let hashes = "######"
                        .get(..usize::from((*level).clamp(1, 6)))
                        .unwrap_or("#");
                    let _ = write!(out, "{hashes} ");
                }
                BlockKind::ListItem {
                    ordinal: Some(n),
                    depth,
                    ..
                } => {
                    let _ = write!(out, "{}{n}. ", "   ".repeat(usize::from(*depth)));
                }
                BlockKind::ListItem { depth, .. } => {
                    let _ = write!(out, "{}- ", "  ".repeat(usize::from(*depth)));
                }
                BlockKind::Footnote { label } => {
                    let _ = write!(out, "[^{label}]: ");
                }
                BlockKind::Paragraph | BlockKind::Other => {}
            }
            out.push_str(&block.text);
            out.push('\n');
        }
        out
    }
}
