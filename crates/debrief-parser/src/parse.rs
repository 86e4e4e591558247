//! Entry points and options.

use std::borrow::Cow;

use crate::{
    Block, BlockKind, Diagnostic, Document, Error, InputStyle, Segment, Severity, SourceMap, Span,
};

/// Which input style to assume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StyleOption {
    /// Detect the style from the text (the default).
    #[default]
    Auto,
    /// Use this style.
    Fixed(InputStyle),
}

/// Options for [`parse_with`] and [`parse_bytes_with`].
///
/// ```
/// use debrief_parser::{InputStyle, ParseOptions};
/// let opts = ParseOptions::default().style(InputStyle::Raw);
/// let doc = debrief_parser::parse_with("One.\nTwo.\n", &opts);
/// assert_eq!(doc.style, InputStyle::Raw);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The input style, detected by default.
    pub style: StyleOption,
    /// For [`parse_bytes_with`]: replace invalid UTF-8 with U+FFFD and record each replacement
    /// as a diagnostic, instead of failing.
    pub lossy: bool,
}

impl ParseOptions {
    /// Assume `style` instead of detecting it.
    ///
    /// ```
    /// # use debrief_parser::{InputStyle, ParseOptions, StyleOption};
    /// let opts = ParseOptions::default().style(InputStyle::Raw);
    /// assert_eq!(opts.style, StyleOption::Fixed(InputStyle::Raw));
    /// ```
    #[must_use]
    pub fn style(mut self, style: InputStyle) -> Self {
        self.style = StyleOption::Fixed(style);
        self
    }

    /// Replace invalid UTF-8 instead of failing (see [`parse_bytes_with`]).
    ///
    /// ```
    /// # use debrief_parser::ParseOptions;
    /// assert!(ParseOptions::default().lossy(true).lossy);
    /// ```
    #[must_use]
    pub fn lossy(mut self, lossy: bool) -> Self {
        self.lossy = lossy;
        self
    }
}

/// Parses the text of a PDF into a [`Document`], with the default options. Never fails.
///
/// ```
/// let doc = debrief_parser::parse("Title\n\nBody text here.\n");
/// assert!(!doc.blocks.is_empty());
/// ```
pub fn parse(input: &str) -> Document<'_> {
    parse_with(input, &ParseOptions::default())
}

/// Parses `input` with `options`. Never fails: problems become diagnostics.
///
/// ```
/// let doc = debrief_parser::parse_with("Text.", &debrief_parser::ParseOptions::default());
/// assert_eq!(doc.blocks[0].text, "Text.");
/// ```
pub fn parse_with<'a>(input: &'a str, options: &ParseOptions) -> Document<'a> {
    let style = match options.style {
        StyleOption::Fixed(style) => style,
        StyleOption::Auto => InputStyle::BlankLines,
    };
    // Baseline: paragraphs are runs of non-blank lines. Replaced by the staged parser.
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in input.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(paragraph(input, Span::new(s, end)));
            }
        } else {
            let lead = trimmed.len() - trimmed.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + trimmed.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push(paragraph(input, Span::new(s, end)));
    }
    Document::new(input, style, blocks, Vec::new(), Vec::new())
}

fn paragraph(input: &str, span: Span) -> Block<'_> {
    let raw = &input[span.range()];
    if !raw.contains('\n') {
        return Block::verbatim(BlockKind::Paragraph, raw, span);
    }
    // Join lines with one space; each line is a verbatim segment, each line break a replaced one.
    let mut text = String::with_capacity(raw.len());
    let mut segments = Vec::new();
    let mut offset = span.start;
    let mut prev_end: Option<usize> = None;
    for line in raw.split_inclusive('\n') {
        let body = line.trim();
        if !body.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let start = offset + lead;
            if let Some(prev) = prev_end {
                segments.push(Segment {
                    text_start: text.len(),
                    text_end: text.len() + 1,
                    source: Span::new(prev, start),
                    verbatim: false,
                });
                text.push(' ');
            }
            segments.push(Segment {
                text_start: text.len(),
                text_end: text.len() + body.len(),
                source: Span::new(start, start + body.len()),
                verbatim: true,
            });
            text.push_str(body);
            prev_end = Some(start + body.len());
        }
        offset += line.len();
    }
    Block {
        kind: BlockKind::Paragraph,
        text: Cow::Owned(text),
        span,
        source_map: SourceMap::from_segments(segments),
    }
}

/// Checks that `input` is UTF-8 and returns it as text.
///
/// ```
/// assert_eq!(debrief_parser::decode(b"ok").unwrap(), "ok");
/// assert_eq!(debrief_parser::decode(b"o\xe2\x82k").unwrap_err().offset(), 1);
/// ```
///
/// # Errors
/// [`Error`] at the first byte that is not part of a valid UTF-8 character.
pub fn decode(input: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(input).map_err(|e| {
        let at = e.valid_up_to();
        let len = e.error_len().unwrap_or(0);
        Error::invalid_utf8(at, &input[at..at + len])
    })
}

/// Parses bytes: invalid UTF-8 is an error carrying its byte offset.
///
/// ```
/// assert!(debrief_parser::parse_bytes(b"fine").is_ok());
/// assert_eq!(debrief_parser::parse_bytes(b"a\xffb").unwrap_err().offset(), 1);
/// ```
///
/// # Errors
/// [`Error`] at the first byte that is not part of a valid UTF-8 character.
pub fn parse_bytes(input: &[u8]) -> Result<Document<'_>, Error> {
    parse_bytes_with(input, &ParseOptions::default()).map(|d| match d {
        BytesDocument::Borrowed(d) => d,
        BytesDocument::Lossy { .. } => unreachable!("lossy is off by default"),
    })
}

/// The result of [`parse_bytes_with`]: borrowed from the input when it was valid UTF-8, or the
/// repaired text with its document when `lossy` replaced invalid bytes.
#[derive(Debug)]
pub enum BytesDocument<'a> {
    /// The input was valid UTF-8.
    Borrowed(Document<'a>),
    /// The input needed replacements; `text` is what was parsed and `diagnostics` say where each
    /// replacement was made (offsets into the original bytes).
    Lossy {
        /// The input with each invalid sequence replaced by U+FFFD.
        text: String,
        /// One `invalid-utf8` warning per replaced sequence.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Parses bytes with options. With `lossy`, invalid UTF-8 is replaced by U+FFFD and each
/// replacement recorded; call [`parse_with`] on the returned text.
///
/// ```
/// use debrief_parser::{BytesDocument, ParseOptions};
/// let opts = ParseOptions::default().lossy(true);
/// match debrief_parser::parse_bytes_with(b"a\xffb", &opts).unwrap() {
///     BytesDocument::Lossy { text, diagnostics } => {
///         assert_eq!(text, "a\u{FFFD}b");
///         assert_eq!(diagnostics[0].span.start, 1);
///     }
///     BytesDocument::Borrowed(_) => unreachable!(),
/// }
/// ```
///
/// # Errors
/// Without `lossy`, [`Error`] at the first invalid byte.
pub fn parse_bytes_with<'a>(
    input: &'a [u8],
    options: &ParseOptions,
) -> Result<BytesDocument<'a>, Error> {
    match decode(input) {
        Ok(text) => Ok(BytesDocument::Borrowed(parse_with(text, options))),
        Err(e) if !options.lossy => Err(e),
        Err(_) => {
            let mut text = String::with_capacity(input.len());
            let mut diagnostics = Vec::new();
            for chunk in input.utf8_chunks() {
                let at = chunk.valid().as_ptr() as usize - input.as_ptr() as usize;
                text.push_str(chunk.valid());
                let bad = chunk.invalid();
                if !bad.is_empty() {
                    let start = at + chunk.valid().len();
                    text.push('\u{FFFD}');
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        code: Cow::Borrowed("invalid-utf8"),
                        message: format!("replaced {} invalid byte(s) with U+FFFD", bad.len()),
                        span: Span::new(start, start + bad.len()),
                    });
                }
            }
            Ok(BytesDocument::Lossy { text, diagnostics })
        }
    }
}
