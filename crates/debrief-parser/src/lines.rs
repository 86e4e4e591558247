//! Stage 1: the input cut into lines, with nothing copied.
//!
//! One memchr pass finds every line ending (`\n`, `\r\n`, lone `\r`) and page break (`\f`, as
//! pdftotext writes between pages). Each non-blank line records its byte range (without
//! indentation and trailing whitespace), its page, its width in characters and how many blank
//! lines or page breaks came before it. Page breaks and byte-order marks become artifacts
//! here; a line holding only noise (U+FFFD, control characters) becomes a `Noise` artifact.

use std::borrow::Cow;

use crate::{Artifact, ArtifactKind, Span};

/// One non-blank line of the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Line {
    /// First non-whitespace byte.
    pub(crate) start: usize,
    /// One past the last non-whitespace byte.
    pub(crate) end: usize,
    /// 0-based page (pages are separated by form feeds).
    pub(crate) page: u32,
    /// Leading whitespace, in characters (a tab counts as one).
    pub(crate) indent: u32,
    /// Width of the text in characters.
    pub(crate) width: u32,
    /// Width of the text as printed, in average-letter units (see [`visual_width`]).
    pub(crate) vis: f32,
    /// Blank lines between this line and the previous non-blank line on the same page.
    pub(crate) blanks_before: u32,
    /// Whether a page break lies between this line and the previous non-blank line.
    pub(crate) page_break_before: bool,
}

impl Line {
    /// The line's text in `src`.
    pub(crate) fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }

    /// The line's span.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The lines of an input and the artifacts found while cutting it.
#[derive(Debug, Default)]
pub(crate) struct Scanned<'a> {
    pub(crate) lines: Vec<Line>,
    pub(crate) artifacts: Vec<Artifact<'a>>,
    /// Number of pages (form feeds + 1, not counting a final form feed with nothing after it).
    pub(crate) pages: u32,
    /// Number of blank lines.
    pub(crate) blank_lines: u32,
    /// Number of non-blank lines that ended with spaces or tabs before their line ending.
    pub(crate) trailing_space_lines: u32,
}

/// Whether `c` carries no text: the replacement character, controls other than whitespace,
/// zero-width characters and byte-order marks.
pub(crate) fn is_noise(c: char) -> bool {
    matches!(
        c,
        '\u{FFFD}' | '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// Advance widths of the printable ASCII characters in a proportional sans-serif font
/// (Helvetica's metrics, in thousandths of an em), from space (0x20) to tilde (0x7E).
const ASCII_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ␠ to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/// The printed width of `text` in units of an average lower-case letter (500/1000 em), from
/// proportional font metrics: justified lines of a column come out nearly equal, which a count
/// of characters does not (`illicit` is narrower than `women`).
pub(crate) fn visual_width(text: &str) -> f32 {
    let mut total: u32 = 0;
    for c in text.chars() {
        total += match c {
            ' '..='~' => u32::from(ASCII_WIDTHS[c as usize - 0x20]),
            '—' => 1000,
            '–' | '“' | '”' | '‘' | '’' => 400,
            c if c.is_whitespace() => 278,
            _ => 556,
        };
    }
    #[allow(clippy::cast_precision_loss)]
    {
        total as f32 / 500.0
    }
}

/// Cuts `src` into lines.
pub(crate) fn scan(src: &str) -> Scanned<'_> {
    let bytes = src.as_bytes();
    let mut out = Scanned {
        lines: Vec::with_capacity(bytes.len() / 48 + 1),
        ..Scanned::default()
    };
    let mut page = 0u32;
    let mut blanks = 0u32;
    let mut page_break = false;
    let mut pos = 0usize;
    while pos <= bytes.len() {
        let (line_end, next, is_ff) = match memchr::memchr3(b'\n', b'\r', b'\x0c', &bytes[pos..]) {
            Some(i) => {
                let at = pos + i;
                match bytes[at] {
                    b'\r' if bytes.get(at + 1) == Some(&b'\n') => (at, at + 2, false),
                    b'\x0c' => (at, at + 1, true),
                    _ => (at, at + 1, false),
                }
            }
            None => (bytes.len(), bytes.len() + 1, false),
        };
        let raw = &src[pos..line_end];
        let content = raw.trim_end();
        if content.len() < raw.len() && !content.trim_start().is_empty() {
            out.trailing_space_lines += 1;
        }
        let trimmed = content.trim_start();
        if trimmed.is_empty() {
            if !is_ff && line_end < bytes.len() {
                blanks += 1;
                out.blank_lines += 1;
            }
        } else {
            let lead = content.len() - trimmed.len();
            let mut start = pos + lead;
            // Byte-order marks and noise at the start of the line (pdftotext puts a BOM at the
            // start of some pages).
            let mut text = trimmed;
            while let Some(c) = text.chars().next().filter(|&c| c == '\u{FEFF}') {
                out.artifacts.push(Artifact {
                    kind: ArtifactKind::ByteOrderMark,
                    text: Cow::Borrowed(&src[start..start + c.len_utf8()]),
                    span: Span::new(start, start + c.len_utf8()),
                });
                start += c.len_utf8();
                let rest = text[c.len_utf8()..].trim_start();
                start += text.len() - c.len_utf8() - rest.len();
                text = rest;
            }
            if !text.is_empty() {
                let end = start + text.len();
                if text.chars().all(|c| is_noise(c) || c.is_whitespace()) {
                    out.artifacts.push(Artifact {
                        kind: ArtifactKind::Noise,
                        text: Cow::Borrowed(text),
                        span: Span::new(start, end),
                    });
                } else {
                    let indent = u32::try_from(src[pos..start].chars().count()).unwrap_or(0);
                    let width = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
                    let vis = visual_width(text);
                    out.lines.push(Line {
                        start,
                        end,
                        page,
                        indent,
                        width,
                        vis,
                        blanks_before: blanks,
                        page_break_before: page_break,
                    });
                    blanks = 0;
                    page_break = false;
                }
            }
        }
        if is_ff {
            out.artifacts.push(Artifact {
                kind: ArtifactKind::PageBreak,
                text: Cow::Borrowed(&src[line_end..=line_end]),
                span: Span::new(line_end, line_end + 1),
            });
            if next < bytes.len() {
                page += 1;
                page_break = true;
                blanks = 0;
            }
        }
        pos = next;
    }
    out.pages = page + 1;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_pages_and_blanks() {
        let src = "  One  \r\n\nTwo\n\x0c\u{FEFF}Three\n";
        let lines = scan(src);
        let texts: Vec<&str> = lines.lines.iter().map(|l| l.text(src)).collect();
        assert_eq!(texts, ["One", "Two", "Three"]);
        assert_eq!(lines.lines[0].indent, 2);
        assert_eq!(lines.lines[1].blanks_before, 1);
        assert!(!lines.lines[1].page_break_before);
        assert!(lines.lines[2].page_break_before);
        assert_eq!(lines.lines[2].page, 1);
        assert_eq!(lines.pages, 2);
        let kinds: Vec<ArtifactKind> = lines.artifacts.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [ArtifactKind::PageBreak, ArtifactKind::ByteOrderMark]
        );
        assert_eq!(lines.trailing_space_lines, 1);
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let src = "a\rb\r\nc";
        let texts: Vec<&str> = scan(src).lines.iter().map(|l| l.text(src)).collect();
        assert_eq!(texts, ["a", "b", "c"]);
    }

    #[test]
    fn noise_lines_become_artifacts() {
        let src = "\u{FFFD}\u{FFFD} \u{FFFD}\nText\n";
        let lines = scan(src);
        assert_eq!(lines.lines.len(), 1);
        assert_eq!(lines.artifacts[0].kind, ArtifactKind::Noise);
    }
}
