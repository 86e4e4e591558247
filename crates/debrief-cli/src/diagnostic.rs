//! Errors for people, in one shape: `file:line:column: message`, then the source line and a
//! caret under the offending characters (for errors with a position: invalid UTF-8, catalog and
//! observation errors); `file: message` otherwise. `main` prints every error through
//! [`print`] and exits with status 2.

use std::fmt;
use std::ops::Range;

use debrief::parser::LineIndex;

use crate::style::{Paint, Style};

/// An input error with its position, already rendered.
#[derive(Debug)]
pub(crate) struct Positioned {
    /// `file:line:column: message`.
    headline: String,
    /// The gutter, the source line and the caret line.
    snippet: [String; 3],
}

impl fmt::Display for Positioned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.headline, self.snippet.join("\n"))
    }
}

impl std::error::Error for Positioned {}

/// The error at byte range `span` of `source` (read from `name`).
pub(crate) fn at(
    name: &str,
    source: &str,
    span: Range<usize>,
    message: impl fmt::Display,
) -> Positioned {
    let index = LineIndex::new(source);
    let (line, column) = index.line_col(source, span.start);
    let line_span = index
        .line_span(source, line)
        .unwrap_or(debrief::parser::Span::new(source.len(), source.len()));
    let line_text = line_span.slice(source).unwrap_or_default();
    // Underline the span's characters on its first line (at least one caret).
    let end = span.end.clamp(span.start, line_span.end.max(span.start));
    let width = source
        .get(span.start.min(source.len())..end.min(source.len()))
        .map_or(0, |s| s.chars().count())
        .max(1);
    render(
        format!("{name}:{line}:{column}: {message}"),
        line,
        line_text,
        column,
        width,
    )
}

fn render(
    headline: String,
    line: usize,
    line_text: &str,
    column: usize,
    width: usize,
) -> Positioned {
    let line_no = line.to_string();
    let pad = " ".repeat(line_no.len());
    Positioned {
        headline,
        snippet: [
            format!("{pad} |"),
            format!("{line_no} | {line_text}"),
            format!("{pad} | {}{}", " ".repeat(column - 1), "^".repeat(width)),
        ],
    }
}

/// An invalid UTF-8 error of the bytes read from `name`: the line shown with U+FFFD for the
/// bad bytes, the caret under the first of them.
pub(crate) fn utf8(name: &str, bytes: &[u8], err: &debrief::parser::Error) -> Positioned {
    let offset = err.offset().min(bytes.len());
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let (line, column) = LineIndex::new(valid).line_col(valid, offset);
    let line_start = valid.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = bytes[offset..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |i| offset + i);
    let line_text = String::from_utf8_lossy(&bytes[line_start..line_end]);
    render(
        format!("{name}:{line}:{column}: {err}"),
        line,
        &line_text,
        column,
        1,
    )
}

/// A `debrief-metrics` error of the text read from `name`, positioned when it has a span.
pub(crate) fn metrics(name: &str, source: &str, err: &debrief::metrics::Error) -> anyhow::Error {
    match err.span() {
        Some(span) => at(name, source, span.range(), err).into(),
        None => anyhow::anyhow!("{name}: {err}"),
    }
}

/// Prints an error on standard error: `error: ` (bold red on a terminal) and the message with
/// its context chain; a positioned error with its snippet, the caret in red.
pub(crate) fn print(err: &anyhow::Error) {
    let paint = Paint::stderr();
    let label = paint.paint("error:", Style::Error);
    if let Some(p) = err.downcast_ref::<Positioned>() {
        let [gutter, source, caret] = &p.snippet;
        eprintln!(
            "{label} {}\n{}\n{source}\n{}",
            p.headline,
            paint.paint(gutter, Style::Cyan),
            paint.paint(caret, Style::Red)
        );
    } else {
        eprintln!("{label} {err:#}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_shown_with_its_line_and_caret() {
        let src = "a = 1\nb = oops\n";
        assert_eq!(
            at("f.toml", src, 10..14, "bad value").to_string(),
            "f.toml:2:5: bad value\n  |\n2 | b = oops\n  |     ^^^^"
        );
    }

    #[test]
    fn the_same_as_the_metrics_rendering() {
        let toml = "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"furlongs\"\n";
        let err = debrief::metrics::Catalog::from_toml(toml).unwrap_err();
        assert_eq!(
            metrics("c.toml", toml, &err).to_string(),
            err.render("c.toml", toml)
        );
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let bytes = b"first line\nsecond \xff line\n";
        let err = debrief::parser::decode(bytes).unwrap_err();
        assert_eq!(
            utf8("bad.txt", bytes, &err).to_string(),
            "bad.txt:2:8: invalid UTF-8 at byte 18: expected a UTF-8 character, found byte 0xFF\n  \
             |\n2 | second \u{fffd} line\n  |        ^"
        );
    }
}
