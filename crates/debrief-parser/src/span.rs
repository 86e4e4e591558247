//! Byte spans into the original input.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the original input.
///
/// Every block, artifact, diagnostic and extracted item in debrief carries one, so that anything
/// shown to a user can be traced back to the bytes it came from. Line and column are computed
/// only when a message is printed (see [`LineIndex`](crate::LineIndex)).
///
/// ```
/// use debrief_parser::Span;
/// let src = "bor-\nder";
/// let span = Span::new(0, src.len());
/// assert_eq!(span.slice(src), Some("bor-\nder"));
/// assert_eq!(span.len(), 8);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; if `end < start` the two are swapped, so a span is never
    /// inverted.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert_eq!(Span::new(5, 2), Span::new(2, 5));
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        if end < start {
            Span {
                start: end,
                end: start,
            }
        } else {
            Span { start, end }
        }
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert_eq!(Span::new(3, 10).len(), 7);
    /// ```
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert!(Span::new(4, 4).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>`, for slicing.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert_eq!(&"abcdef"[Span::new(1, 3).range()], "bc");
    /// ```
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers in `source`, or `None` when it is out of bounds or not on
    /// character boundaries.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert_eq!(Span::new(0, 2).slice("é"), Some("é"));
    /// assert_eq!(Span::new(0, 1).slice("é"), None);
    /// ```
    pub fn slice(self, source: &str) -> Option<&str> {
        source.get(self.range())
    }

    /// Whether `other` lies entirely inside `self`.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// # use debrief_parser::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Self {
        s.range()
    }
}

/// Turns byte offsets into 1-based line and column numbers, for messages only.
///
/// Built once per input with a single `memchr` pass; lookups are a binary search. Columns count
/// characters, not bytes, so a caret lines up under the offending character.
///
/// ```
/// use debrief_parser::LineIndex;
/// let src = "first\nsecond é line\n";
/// let index = LineIndex::new(src);
/// assert_eq!(index.line_col(src, 0), (1, 1));
/// assert_eq!(index.line_col(src, 6), (2, 1));
/// assert_eq!(index.line_col(src, 15), (2, 9)); // after the two-byte é
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the first byte of every line.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `source` (`\n`, `\r\n` and lone `\r` all end a line).
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        for pos in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let is_crlf_cr = bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n');
            if !is_crlf_cr {
                starts.push(pos + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based (line, column) of byte `offset` in `source` (the same text the index was built
    /// from). An offset past the end is clamped to the end; one inside a character counts as
    /// that character.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let before = source.get(start..offset).map_or_else(
            || {
                source.as_bytes()[start..offset]
                    .iter()
                    .filter(|b| (**b & 0xC0) != 0x80)
                    .count()
            },
            |s| s.chars().count(),
        );
        (line + 1, before + 1)
    }

    /// The byte range of 1-based line `line` without its line ending, or `None` past the end.
    ///
    /// ```
    /// # use debrief_parser::LineIndex;
    /// let src = "a\r\nbc\n";
    /// let index = LineIndex::new(src);
    /// assert_eq!(index.line_span(src, 2).map(|s| s.slice(src).unwrap()), Some("bc"));
    /// ```
    pub fn line_span(&self, source: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).copied().unwrap_or(source.len());
        let bytes = source.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end))
    }
}
