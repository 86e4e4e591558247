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
    /// Width of the text as printed, in average-letter units (see [`visual_width`]).
    pub(crate) vis: f32,
    // The counts below are only compared with small numbers, and saturate at 65,535: a line
    // takes 32 bytes instead of 40 (the line table is the largest structure of a parse).
    /// Leading whitespace, in characters (a tab counts as one).
    pub(crate) indent: u16,
    /// Width of the text in characters.
    pub(crate) width: u16,
    /// Blank lines between this line and the previous non-blank line on the same page.
    pub(crate) blanks_before: u16,
    /// Whether a page break lies between this line and the previous non-blank line.
    pub(crate) page_break_before: bool,
    /// What the measuring pass saw in the line ([`Flags`]), so that later stages need not
    /// look at its bytes again.
    pub(crate) flags: Flags,
}

/// Facts about a line's bytes, found in the pass that measures its width. Each is
/// conservative: a flag may be set for a part of the line that a later stage leaves out (a
/// list marker), never missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Flags(u8);

impl Flags {
    /// A character the inline repairs change: a control character (tab included), a run of
    /// two spaces, whitespace other than the space, a soft hyphen, a ligature, noise.
    pub(crate) const REPAIR: Flags = Flags(1);
    /// An ASCII digit or `[` (a footnote marker may be glued to a word).
    pub(crate) const DIGIT: Flags = Flags(2);
    /// A space-separated word of ASCII letters only, twelve or more, or seven or more with a
    /// lower-case letter before a capital (`Contractsforfive`, `betweenSeptember`): words may
    /// have lost their spaces (see `inline::glued_candidate`).
    pub(crate) const GLUED: Flags = Flags(4);

    /// Whether any flag of `other` is set.
    pub(crate) fn any(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
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
const PRINTABLE_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ␠ to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/// What the measuring pass needs to know of a byte, in one table entry: its printed width in
/// the low 16 bits and its class in the bits above. ASCII characters have their widths (the
/// printable ones from [`PRINTABLE_WIDTHS`], the whitespace controls as a space, other
/// controls as an average glyph); the first byte of a longer character counts as an average
/// glyph (corrected afterwards for the few characters that are not) and the bytes after it
/// count nothing. One lookup per byte, in a loop without branches, is what makes the pass
/// cheap (callgrind, 1 MB of brief-like text: 41 instructions per byte with a `match` per
/// character, 8 with the table).
const BYTE_INFO: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut c = 0;
    while c < 256 {
        let width = if c >= 0x20 && c < 0x7F {
            PRINTABLE_WIDTHS[c - 0x20] as u32
        } else if c >= 0x09 && c <= 0x0D {
            278
        } else if c >= 0x80 && c < 0xC0 {
            0
        } else {
            556
        };
        let class = if c >= 0x80 {
            WIDE
        } else if c < 0x20 || c == 0x7F {
            CONTROL
        } else if (c >= b'0' as usize && c <= b'9' as usize) || c == b'[' as usize {
            DIGIT
        } else if c == b' ' as usize {
            SPACE | SPACE_PAIR
        } else if c >= b'a' as usize && c <= b'z' as usize {
            LOWER
        } else if c >= b'A' as usize && c <= b'Z' as usize {
            UPPER
        } else {
            0
        };
        t[c] = width | class;
        c += 1;
    }
    t
};
/// Class bits of [`BYTE_INFO`]. `SPACE << 1` and `LOWER << 1` are the bits of the second
/// byte of a pair to look for (two spaces; a lower-case letter and a capital).
const CONTROL: u32 = 1 << 16;
const DIGIT: u32 = 1 << 17;
const WIDE: u32 = 1 << 18;
const SPACE: u32 = 1 << 19;
const SPACE_PAIR: u32 = SPACE << 1;
const LOWER: u32 = 1 << 21;
const UPPER: u32 = 1 << 22;
const CAMEL_PAIR: u32 = LOWER << 1;
const WIDTH: u32 = 0xFFFF;
/// The width [`BYTE_INFO`] gives the first byte of a non-ASCII character.
const WIDE_DEFAULT: u64 = 556;

/// Whether a space-separated word of seven ASCII letters or more has a lower-case letter
/// right before a capital (`betweenSeptember`).
fn camel_word(bytes: &[u8]) -> bool {
    bytes.split(|&b| b == b' ').any(|w| {
        w.len() >= 7
            && w.iter().all(u8::is_ascii_alphabetic)
            && w.windows(2)
                .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
    })
}

/// The width of a non-ASCII character (thousandths of an em).
fn wide_char_width(c: char) -> u32 {
    match c {
        '—' => 1000,
        '–' | '“' | '”' | '‘' | '’' => 400,
        c if c.is_whitespace() => 278,
        _ => 556,
    }
}

/// Whether the inline repairs change the non-ASCII character `c` (see [`Flags::REPAIR`]).
fn needs_repair(c: char) -> bool {
    c.is_whitespace() || c == '\u{00AD}' || ('\u{FB00}'..='\u{FB06}').contains(&c) || is_noise(c)
}

/// The printed width of `text` in units of an average lower-case letter (500/1000 em), from
/// proportional font metrics: justified lines of a column come out nearly equal, which a count
/// of characters does not (`illicit` is narrower than `women`).
pub(crate) fn visual_width(text: &str) -> f32 {
    measure(text).1
}

/// One pass over a line's text: its width in characters, its printed width (see
/// [`visual_width`]) and its [`Flags`].
///
/// A table lookup per byte gives the printed width and the classes of the bytes; a line with
/// non-ASCII characters then has those decoded to correct their widths and to see whether the
/// repairs touch them; memchr finds the spaces that bound words. Folding these measurements
/// into one place replaced four to six passes per line over the same bytes in later stages.
pub(crate) fn measure(text: &str) -> (usize, f32, Flags) {
    let bytes = text.as_bytes();
    // u64: a line of ten megabytes is 5·10⁹ thousandths of an em, past `u32::MAX`.
    let mut total: u64 = 0;
    let mut classes: u32 = 0;
    // The letters of the current space-separated word (negative once it has anything else),
    // whether a word of twelve letters came, whether two spaces came in a row, whether a
    // lower-case letter stands right before a capital somewhere.
    let mut letters: i64 = 0;
    let mut long_word = false;
    let mut prev = 0u32;
    let mut pairs = 0u32;
    for &b in bytes {
        let info = BYTE_INFO[usize::from(b)];
        total += u64::from(info & WIDTH);
        classes |= info;
        // SPACE after SPACE, UPPER after LOWER: the bit of the previous byte shifted onto
        // the bit of this one.
        pairs |= (prev << 1) & info;
        prev = info;
        if b == b' ' {
            long_word |= letters >= 12;
            letters = 0;
        } else {
            letters = if info & (LOWER | UPPER) != 0 {
                letters + 1
            } else {
                NOT_LETTERS
            };
        }
    }
    long_word |= letters >= 12;
    let mut flags = Flags::default();
    if classes & CONTROL != 0 || pairs & SPACE_PAIR != 0 {
        flags |= Flags::REPAIR;
    }
    if classes & DIGIT != 0 {
        flags |= Flags::DIGIT;
    }
    // A long word of letters, or a middling one with a lower-case letter before a capital,
    // may be words that lost their spaces.
    if long_word || (pairs & CAMEL_PAIR != 0 && camel_word(bytes)) {
        flags |= Flags::GLUED;
    }
    let mut chars = bytes.len();
    if classes & WIDE != 0 {
        chars = text.chars().count();
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0xC0 {
                let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
                total = total - WIDE_DEFAULT + u64::from(wide_char_width(c));
                if needs_repair(c) {
                    flags |= Flags::REPAIR;
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let vis = total as f32 / 500.0;
    (chars, vis, flags)
}

/// The letter count of a word that has something else than letters (stays negative).
const NOT_LETTERS: i64 = i64::MIN / 2;

/// `n` as a `u16`, or `u16::MAX` when it is larger.
fn saturate(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Cuts `src` into lines.
pub(crate) fn scan(src: &str) -> Scanned<'_> {
    let bytes = src.as_bytes();
    let mut out = Scanned {
        // One entry per line at most: counting the line feeds first (a memchr pass, about
        // 3 ms on 10 MB) sizes the table once instead of doubling it (14 → 11 MB on 10 MB).
        lines: Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1),
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
                    let indent = saturate(src[pos..start].chars().count());
                    let (width, vis, flags) = measure(text);
                    let width = saturate(width);
                    out.lines.push(Line {
                        start,
                        end,
                        page,
                        indent,
                        width,
                        vis,
                        blanks_before: saturate(blanks as usize),
                        page_break_before: page_break,
                        flags,
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
    #[allow(clippy::float_cmp)] // widths are sums of integers divided once: the same each way
    fn measuring_a_line() {
        let flags = |t: &str| measure(t).2;
        // Widths in characters and in average letters (Helvetica: `i` 222, `W` 944, `—` 1000,
        // `’` 400, a non-breaking space as a space, 278; thousandths of an em over 500).
        assert_eq!(measure("iW"), (2, 2.332, Flags::default()));
        assert_eq!(
            measure("a—b’"),
            (
                4,
                (556.0 + 1000.0 + 556.0 + 400.0) / 500.0,
                Flags::default()
            )
        );
        assert_eq!(measure("x\u{00A0}y").1, (500.0 + 278.0 + 500.0) / 500.0);
        // What the repairs will touch.
        for repair in [
            "a  b",
            "a\tb",
            "a\u{00A0}b",
            "\u{FB01}nal",
            "soft\u{AD}ware",
            "x\u{FFFD}",
        ] {
            assert!(flags(repair).any(Flags::REPAIR), "{repair:?}");
        }
        for clean in ["“quoted” — text’s", "a b c", "U.S.–Mexico"] {
            assert!(!flags(clean).any(Flags::REPAIR), "{clean:?}");
        }
        assert!(flags("history.1 more").any(Flags::DIGIT));
        assert!(flags("see [3]").any(Flags::DIGIT));
        assert!(!flags("no figures").any(Flags::DIGIT));
        // Words that may have lost their spaces: twelve bytes, or seven with a case change.
        assert!(flags("the Contractsforfive were").any(Flags::GLUED));
        assert!(flags("a forEach b").any(Flags::GLUED));
        assert!(!flags("a forEa b").any(Flags::GLUED));
        assert!(!flags("organized of elevenths").any(Flags::GLUED));
        assert!(flags("organizations").any(Flags::GLUED));
        assert!(!flags("the organizations, and U.S.–Mexican").any(Flags::GLUED));
    }

    #[test]
    fn noise_lines_become_artifacts() {
        let src = "\u{FFFD}\u{FFFD} \u{FFFD}\nText\n";
        let lines = scan(src);
        assert_eq!(lines.lines.len(), 1);
        assert_eq!(lines.artifacts[0].kind, ArtifactKind::Noise);
    }
}
