//! The crate's one error type, [`Error`]: a kind that says what was expected, and, when the error
//! came from text (a catalog, a CSV file, a formula, a period), the byte span it points at.
//!
//! Line and column are computed only when a message is shown ([`Error::location`],
//! [`Error::render`]): the loaders keep byte offsets, as `toml_edit` and `winnow` do.

use std::fmt;
use std::ops::Range;

/// A byte range `start..end` into the text an error came from.
///
/// ```
/// use debrief_metrics::Span;
/// let span = Span::new(4, 7);
/// assert_eq!(&"the unit here"[span.range()], "uni");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte (equal to `start` for a point).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given in the wrong order).
    ///
    /// ```
    /// use debrief_metrics::Span;
    /// assert_eq!(Span::new(5, 2), Span::new(2, 5));
    /// ```
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// The span as a `Range`, to slice the source with.
    ///
    /// ```
    /// use debrief_metrics::Span;
    /// assert_eq!(Span::new(1, 3).range(), 1..3);
    /// ```
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The span moved `by` bytes to the right (to place a span inside a string into the file
    /// that holds the string).
    ///
    /// ```
    /// use debrief_metrics::Span;
    /// assert_eq!(Span::new(1, 3).shift(10), Span::new(11, 13));
    /// ```
    #[must_use]
    pub fn shift(self, by: usize) -> Self {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column (columns count characters, not bytes).
///
/// ```
/// use debrief_metrics::{Location, Span};
/// assert_eq!(Location::of("ab\ncd", 4), Location { line: 2, column: 2 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `source` (clamped to the text, moved back to a
    /// character boundary).
    ///
    /// ```
    /// use debrief_metrics::Location;
    /// assert_eq!(Location::of("é=1", 2), Location { line: 1, column: 2 });
    /// ```
    pub fn of(source: &str, offset: usize) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// What went wrong. Every message says what was expected.
///
/// ```
/// use debrief_metrics::ErrorKind;
/// let kind = ErrorKind::UnknownUnit { name: "furlongs".into(), known: "count, percent".into() };
/// assert_eq!(kind.to_string(), "unknown unit `furlongs`: expected one of count, percent");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A number that is NaN or infinite, or arithmetic that would produce one.
    #[error("{what}: expected a finite number")]
    NonFinite {
        /// What produced it.
        what: String,
    },
    /// Text that is not a period.
    #[error("invalid period `{input}`: expected {expected}")]
    Period {
        /// The text.
        input: String,
        /// What a period looks like, or what was wrong.
        expected: String,
    },
    /// A unit name the catalog does not know.
    #[error("unknown unit `{name}`: expected one of {known}")]
    UnknownUnit {
        /// The name given.
        name: String,
        /// The names accepted.
        known: String,
    },
    /// Two quantities of different units combined where the units must agree.
    #[error("unit mismatch: cannot {op} {left} and {right}")]
    UnitMismatch {
        /// The operation (`add`, `subtract`, …).
        op: String,
        /// Unit of the left operand.
        left: String,
        /// Unit of the right operand.
        right: String,
    },
    /// A formula that does not parse.
    #[error("formula syntax: expected {expected}, found {found}")]
    FormulaSyntax {
        /// What the grammar expected here.
        expected: String,
        /// What was there.
        found: String,
    },
    /// A formula variable that names no indicator.
    #[error("unknown variable `{name}`: expected the id of an indicator in the catalog")]
    UnknownVariable {
        /// The variable.
        name: String,
    },
    /// Formulas that refer to each other in a circle.
    #[error("formula cycle: {chain}")]
    FormulaCycle {
        /// The ids in the circle, `a -> b -> a`.
        chain: String,
    },
    /// A formula whose result unit is not the indicator's declared unit.
    #[error("formula computes {computed}, but the indicator declares {declared}")]
    FormulaUnit {
        /// The declared unit.
        declared: String,
        /// The unit the formula computes.
        computed: String,
    },
    /// A TOML syntax or type error (the message comes from the TOML parser).
    #[error("{message}")]
    Toml {
        /// The parser's message.
        message: String,
    },
    /// A catalog that parses but is inconsistent.
    #[error("{message}")]
    Catalog {
        /// What is wrong and what was expected.
        message: String,
    },
    /// A CSV file that cannot be read as tidy observations.
    #[error("{message}")]
    Csv {
        /// What is wrong and what was expected.
        message: String,
    },
}

/// The error type of this crate: an [`ErrorKind`] and, for errors in text, the [`Span`] of
/// the offending bytes.
///
/// ```
/// use debrief_metrics::Period;
/// let err = "2013-13".parse::<Period>().unwrap_err();
/// assert_eq!(err.span().map(|s| s.range()), Some(0..7));
/// assert!(err.to_string().starts_with("invalid period `2013-13`"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: Box<ErrorKind>,
    span: Option<Span>,
}

impl Error {
    /// An error of `kind` at no particular place.
    ///
    /// ```
    /// use debrief_metrics::{Error, ErrorKind};
    /// let err = Error::new(ErrorKind::Catalog { message: "empty".into() });
    /// assert!(err.span().is_none());
    /// ```
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind: Box::new(kind),
            span: None,
        }
    }

    /// An error of `kind` pointing at `span`.
    ///
    /// ```
    /// use debrief_metrics::{Error, ErrorKind, Span};
    /// let err = Error::at(ErrorKind::Catalog { message: "bad".into() }, Span::new(3, 4));
    /// assert_eq!(err.span(), Some(Span::new(3, 4)));
    /// ```
    pub fn at(kind: ErrorKind, span: Span) -> Self {
        Error {
            kind: Box::new(kind),
            span: Some(span),
        }
    }

    /// What went wrong.
    ///
    /// ```
    /// use debrief_metrics::{Error, ErrorKind};
    /// let err = Error::new(ErrorKind::Csv { message: "no header".into() });
    /// assert!(matches!(err.kind(), ErrorKind::Csv { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where, as a byte span into the text that was loaded.
    ///
    /// ```
    /// use debrief_metrics::Period;
    /// assert!("FY20x3".parse::<Period>().unwrap_err().span().is_some());
    /// ```
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// The same error pointing at `span` (replacing any span it had).
    ///
    /// ```
    /// use debrief_metrics::{Period, Span};
    /// let err = "bad".parse::<Period>().unwrap_err().with_span(Span::new(10, 13));
    /// assert_eq!(err.span(), Some(Span::new(10, 13)));
    /// ```
    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// The same error with its span moved `by` bytes (for an error found inside a string that
    /// starts at byte `by` of a larger text).
    ///
    /// ```
    /// use debrief_metrics::{Period, Span};
    /// let err = "2013-13".parse::<Period>().unwrap_err().shifted(5);
    /// assert_eq!(err.span(), Some(Span::new(5, 12)));
    /// ```
    #[must_use]
    pub fn shifted(mut self, by: usize) -> Self {
        self.span = self.span.map(|s| s.shift(by));
        self
    }

    /// Line and column of the start of the span in `source`, if the error has a span.
    ///
    /// ```
    /// use debrief_metrics::{Catalog, Location};
    /// let toml = "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"furlongs\"\n";
    /// let err = Catalog::from_toml(toml).unwrap_err();
    /// assert_eq!(err.location(toml), Some(Location { line: 4, column: 8 }));
    /// ```
    pub fn location(&self, source: &str) -> Option<Location> {
        self.span.map(|s| Location::of(source, s.start))
    }

    /// A message for people: `name:line:column: message`, then the source line and a caret
    /// under the offending characters. Without a span, `name: message`.
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let toml = "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"furlongs\"\n";
    /// let err = Catalog::from_toml(toml).unwrap_err();
    /// let shown = err.render("catalog.toml", toml);
    /// assert!(shown.starts_with("catalog.toml:4:8: unknown unit `furlongs`"));
    /// assert!(shown.ends_with("4 | unit = \"furlongs\"\n  |        ^^^^^^^^^^"));
    /// ```
    pub fn render(&self, name: &str, source: &str) -> String {
        let Some(span) = self.span else {
            return format!("{name}: {self}");
        };
        let at = Location::of(source, span.start);
        let line_text = source.lines().nth(at.line - 1).unwrap_or("");
        let line_no = at.line.to_string();
        let pad = " ".repeat(line_no.len());
        // Underline the span's characters on its first line (at least one caret).
        let line_start = source[..span.start.min(source.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = line_start + line_text.len();
        let end = span.end.clamp(span.start, line_end.max(span.start));
        let width = source
            .get(span.start.min(source.len())..end.min(source.len()))
            .map_or(0, |s| s.chars().count())
            .max(1);
        format!(
            "{name}:{at}: {self}\n{pad} |\n{line_no} | {line_text}\n{pad} | {}{}",
            " ".repeat(at.column - 1),
            "^".repeat(width)
        )
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

/// Shorthand for a catalog-validation error at `span`.
pub(crate) fn catalog_error(message: impl Into<String>, span: Option<Span>) -> Error {
    let kind = ErrorKind::Catalog {
        message: message.into(),
    };
    match span {
        Some(s) => Error::at(kind, s),
        None => Error::new(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_characters_not_bytes() {
        let src = "ñañ\nxé = 1";
        assert_eq!(Location::of(src, 0), Location { line: 1, column: 1 });
        // byte 5 is after "ñañ" (2+1+2 bytes)
        assert_eq!(Location::of(src, 5), Location { line: 1, column: 4 });
        // "xé" is 3 bytes; byte 9 is the space after it
        assert_eq!(Location::of(src, 9), Location { line: 2, column: 3 });
        // inside a multi-byte character: moved back to its start
        assert_eq!(Location::of(src, 1), Location { line: 1, column: 1 });
        // past the end: clamped
        assert_eq!(Location::of(src, 99), Location { line: 2, column: 7 });
    }

    #[test]
    fn render_without_span_names_the_file() {
        let err = Error::new(ErrorKind::Csv {
            message: "empty file".into(),
        });
        assert_eq!(err.render("obs.csv", ""), "obs.csv: empty file");
    }

    #[test]
    fn render_underlines_the_span() {
        let src = "a = 1\nb = oops\n";
        let err = Error::at(
            ErrorKind::Catalog {
                message: "bad value".into(),
            },
            Span::new(10, 14),
        );
        assert_eq!(
            err.render("f.toml", src),
            "f.toml:2:5: bad value\n  |\n2 | b = oops\n  |     ^^^^"
        );
    }
}
