//! Plain-text and Markdown renderings of a document, built as a `String` or written to an
//! `io::Write` as they go (a 10 MB brief's text is another 10 MB held in memory otherwise).

use std::fmt;
use std::io;

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
        // Writing to a `String` cannot fail.
        let _ = self.render_text(&mut out);
        out
    }

    /// Writes [`Document::to_text`] to `out` as it goes, without building the whole text.
    ///
    /// ```
    /// let doc = debrief_parser::parse("One\ntwo.\n\nThree.\n");
    /// let mut out = Vec::new();
    /// doc.write_text(&mut out).unwrap();
    /// assert_eq!(out, doc.to_text().as_bytes());
    /// ```
    ///
    /// # Errors
    /// The first error of `out`.
    pub fn write_text<W: io::Write>(&self, out: W) -> io::Result<()> {
        write_io(out, |w| self.render_text(w))
    }

    /// Writes [`Document::to_markdown`] to `out` as it goes.
    ///
    /// ```
    /// let doc = debrief_parser::parse("One.\n\nTwo.\n");
    /// let mut out = Vec::new();
    /// doc.write_markdown(&mut out).unwrap();
    /// assert_eq!(out, doc.to_markdown().as_bytes());
    /// ```
    ///
    /// # Errors
    /// The first error of `out`.
    pub fn write_markdown<W: io::Write>(&self, out: W) -> io::Result<()> {
        write_io(out, |w| self.render_markdown(w))
    }

    /// The text of [`Document::to_text`], into `out`.
    fn render_text(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let mut run_in = false;
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 && !run_in {
                out.write_char('\n')?;
            }
            run_in = false;
            match &block.kind {
                BlockKind::Heading { run_in: true, .. }
                    if self
                        .blocks
                        .get(i + 1)
                        .is_some_and(|b| b.kind == BlockKind::Paragraph) =>
                {
                    write!(out, "{}. ", block.text)?;
                    run_in = true;
                    continue;
                }
                BlockKind::ListItem { marker, .. } => write!(out, "{marker} ")?,
                BlockKind::Footnote { label } => write!(out, "{label} ")?,
                _ => {}
            }
            out.write_str(&block.text)?;
            out.write_char('\n')?;
        }
        Ok(())
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
        // Writing to a `String` cannot fail.
        let _ = self.render_markdown(&mut out);
        out
    }

    /// The text of [`Document::to_markdown`], into `out`.
    fn render_markdown(&self, out: &mut impl fmt::Write) -> fmt::Result {
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.write_char('\n')?;
            }
            match &block.kind {
                BlockKind::Heading { level, .. } => {
                    let hashes = "######"
                        .get(..usize::from((*level).clamp(1, 6)))
                        .unwrap_or("#");
                    write!(out, "{hashes} ")?;
                }
                BlockKind::ListItem {
                    ordinal: Some(n),
                    depth,
                    ..
                } => {
                    write!(out, "{}{n}. ", "   ".repeat(usize::from(*depth)))?;
                }
                BlockKind::ListItem { depth, .. } => {
                    write!(out, "{}- ", "  ".repeat(usize::from(*depth)))?;
                }
                BlockKind::Footnote { label } => {
                    write!(out, "[^{label}]: ")?;
                }
                BlockKind::Paragraph | BlockKind::Other => {}
            }
            out.write_str(&block.text)?;
            out.write_char('\n')?;
        }
        Ok(())
    }
}

/// Runs `render` on a `fmt::Write` that writes to `out`, and gives back the first error of
/// `out` (a `fmt::Error` carries none).
fn write_io<W: io::Write>(
    out: W,
    render: impl FnOnce(&mut IoText<W>) -> fmt::Result,
) -> io::Result<()> {
    let mut w = IoText { out, error: None };
    match render(&mut w) {
        Ok(()) => Ok(()),
        Err(fmt::Error) => Err(w
            .error
            .unwrap_or_else(|| io::Error::other("the text could not be formatted"))),
    }
}

/// A `fmt::Write` over an `io::Write`, keeping the error that stopped it.
struct IoText<W> {
    out: W,
    error: Option<io::Error>,
}

impl<W: io::Write> fmt::Write for IoText<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}
