//! Entry points and options.

use std::borrow::Cow;

use crate::{Diagnostic, Document, Error, InputStyle, Lexicon, Severity, Span};

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
    /// Which repairs run (all by default).
    pub repairs: Repairs,
    /// The word list for dehyphenation and glued words ([`Lexicon::embedded`] by default).
    pub lexicon: Lexicon,
}

/// Which repairs the parser makes. All are on by default; [`Repairs::none`] turns them all off
/// (lines are still joined into blocks). Build one with `..Repairs::default()` so that repairs
/// added later keep their default.
///
/// ```
/// use debrief_parser::{ParseOptions, Repairs};
/// let opts = ParseOptions::default().repairs(Repairs { dehyphenate: false, ..Repairs::default() });
/// let doc = debrief_parser::parse_with("an effective bor-\nder policy.", &opts);
/// assert_eq!(doc.blocks[0].text, "an effective bor-der policy.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repairs {
    /// Undo line-end hyphenation (`bor-`/`der` → `border`, `U.S.-`/`Mexico` kept).
    pub dehyphenate: bool,
    /// Take running headers, footers and page numbers out of the flow.
    pub page_furniture: bool,
    /// Recognise footnotes at page bottoms and take their markers out of the text.
    pub footnotes: bool,
    /// Split words that lost their spaces (`Contractsforfive` → `Contracts for five`).
    pub glued_words: bool,
    /// Expand ligatures, drop soft hyphens and noise characters, collapse runs of spaces.
    pub characters: bool,
    /// Split a run-in heading (`Mexico: The Essential Partner. Under…`) from its paragraph.
    pub run_in_headings: bool,
}

impl Default for Repairs {
    fn default() -> Self {
        Repairs {
            dehyphenate: true,
            page_furniture: true,
            footnotes: true,
            glued_words: true,
            characters: true,
            run_in_headings: true,
        }
    }
}

impl Repairs {
    /// No repairs: lines are joined into blocks with spaces and nothing else changes.
    ///
    /// ```
    /// assert!(!debrief_parser::Repairs::none().dehyphenate);
    /// ```
    pub fn none() -> Self {
        Repairs {
            dehyphenate: false,
            page_furniture: false,
            footnotes: false,
            glued_words: false,
            characters: false,
            run_in_headings: false,
        }
    }
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

    /// Run these repairs.
    ///
    /// ```
    /// # use debrief_parser::{ParseOptions, Repairs};
    /// assert_eq!(ParseOptions::default().repairs(Repairs::none()).repairs, Repairs::none());
    /// ```
    #[must_use]
    pub fn repairs(mut self, repairs: Repairs) -> Self {
        self.repairs = repairs;
        self
    }

    /// Use this lexicon.
    ///
    /// ```
    /// # use debrief_parser::{Lexicon, ParseOptions};
    /// let opts = ParseOptions::default().lexicon(Lexicon::none());
    /// assert!(!opts.lexicon.contains("border"));
    /// ```
    #[must_use]
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicon = lexicon;
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
    crate::pipeline::run(input, options)
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
