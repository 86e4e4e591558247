//! Writing a [`Document`] as JSON, fast: the shape its serde derives give it (docs/FORMAT.md),
//! byte for byte, written straight into a buffer instead of through serde's generic path, and,
//! on request, with the compact encoding of source maps.
//!
//! Why: on 10 MB of brief-like text, `serde_json::to_writer` spent about as long writing the
//! 73 MB of JSON as the parser spent parsing (125 M instructions a megabyte of input, most of it
//! escaping the same field names again for each of 600 000 source-map segments and one call
//! through `dyn Write` per token). This writer copies field names as constants, formats
//! integers with `itoa`, escapes strings in runs, and hands its output on in 64 KiB pieces.
//! A test compares its output with `serde_json`'s, compact and indented, on the seed, the
//! fixtures and generated documents.

use std::io::{self, Write};

use crate::document::{Artifact, Block, BlockKind, Diagnostic, Document, Severity};
use crate::{InputStyle, Span};

/// How [`Document::write_json`] writes a document.
///
/// The default is the documented shape on one line, as `serde_json::to_writer` writes it.
///
/// ```
/// use debrief_parser::{JsonOptions, SourceMapFormat};
/// let options = JsonOptions::default().pretty(true).source_maps(SourceMapFormat::Compact);
/// assert_eq!(options, JsonOptions { pretty: true, source_maps: SourceMapFormat::Compact });
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonOptions {
    /// Indent with two spaces, as `serde_json::to_writer_pretty` does.
    pub pretty: bool,
    /// How source maps are written.
    pub source_maps: SourceMapFormat,
}

impl JsonOptions {
    /// Sets [`JsonOptions::pretty`].
    ///
    /// ```
    /// assert!(debrief_parser::JsonOptions::default().pretty(true).pretty);
    /// ```
    #[must_use]
    pub fn pretty(mut self, pretty: bool) -> Self {
        self.pretty = pretty;
        self
    }

    /// Sets [`JsonOptions::source_maps`].
    ///
    /// ```
    /// use debrief_parser::{JsonOptions, SourceMapFormat};
    /// let options = JsonOptions::default().source_maps(SourceMapFormat::Compact);
    /// assert_eq!(options.source_maps, SourceMapFormat::Compact);
    /// ```
    #[must_use]
    pub fn source_maps(mut self, format: SourceMapFormat) -> Self {
        self.source_maps = format;
        self
    }
}

/// How a block's `source_map` is written in JSON (docs/FORMAT.md, "Source maps").
///
/// Both read back with serde ([`SourceMap`](crate::SourceMap) accepts either).
///
/// ```
/// use debrief_parser::{JsonOptions, SourceMapFormat};
/// let doc = debrief_parser::parse("An effective bor-\nder policy.");
/// let json = |format| {
///     let mut out = Vec::new();
///     doc.write_json(&mut out, JsonOptions::default().source_maps(format)).unwrap();
///     String::from_utf8(out).unwrap()
/// };
/// assert!(json(SourceMapFormat::Objects).contains(
///     r#""source_map":[{"text_start":0,"text_end":16,"source":{"start":0,"end":16},"verbatim":true},"#
/// ));
/// // `An effective bor`, then `-\n` dropped, then `der policy.`
/// assert!(json(SourceMapFormat::Compact).contains(r#""source_map":[[16,0,16,1],[0,0,2,0],[11,0,11,1]]"#));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceMapFormat {
    /// Each segment as an object: `{"text_start":0,"text_end":24,"source":{"start":595,
    /// "end":619},"verbatim":true}` (the default, and what serde writes).
    #[default]
    Objects,
    /// Each segment as four integers, `[text_len, source_gap, source_len, verbatim]`, offsets
    /// counted on from where the previous segment ended: `[24,595,24,1]`. About an eighth of
    /// the size.
    Compact,
}

/// Output is handed to the writer in pieces of about this size.
const CHUNK: usize = 64 * 1024;

impl Document<'_> {
    /// Writes the document as JSON (no trailing newline): the shape of its serde
    /// serialisation, byte for byte with the default options, several times faster than
    /// `serde_json::to_writer`.
    ///
    /// ```
    /// let doc = debrief_parser::parse("Hello.");
    /// let mut out = Vec::new();
    /// doc.write_json(&mut out, Default::default()).unwrap();
    /// assert_eq!(out, serde_json::to_vec(&doc).unwrap());
    /// ```
    ///
    /// # Errors
    /// The first error of `out`.
    pub fn write_json<W: Write>(&self, out: W, options: JsonOptions) -> io::Result<()> {
        let mut w = Writer::new(out, options);
        w.document(self)?;
        w.finish()
    }

    /// Writes each block as JSON on a line of its own (JSON Lines; never indented).
    ///
    /// ```
    /// let doc = debrief_parser::parse("One.\n\nTwo.");
    /// let mut out = Vec::new();
    /// doc.write_json_lines(&mut out, Default::default()).unwrap();
    /// let lines: Vec<&[u8]> = out.split(|&b| b == b'\n').collect();
    /// assert_eq!(lines[1], serde_json::to_vec(&doc.blocks[1]).unwrap());
    /// ```
    ///
    /// # Errors
    /// The first error of `out`.
    pub fn write_json_lines<W: Write>(&self, out: W, options: JsonOptions) -> io::Result<()> {
        let mut w = Writer::new(out, options.pretty(false));
        for b in &self.blocks {
            w.block(b)?;
            w.buf.push(b'\n');
        }
        w.finish()
    }
}

/// A JSON writer over a buffer that is handed to `out` whenever it holds [`CHUNK`] bytes.
struct Writer<W> {
    out: W,
    buf: Vec<u8>,
    pretty: bool,
    compact_maps: bool,
    /// Nesting depth, for indentation.
    depth: usize,
}

/// An open object or array: whether anything was written in it yet.
struct Open {
    empty: bool,
}

// `inline(always)` on the small pieces lets field names become constants at each call: about
// 3 M instructions fewer per megabyte of input (callgrind), measured against `inline`.
#[allow(clippy::inline_always)]
impl<W: Write> Writer<W> {
    fn new(out: W, options: JsonOptions) -> Self {
        Writer {
            out,
            buf: Vec::with_capacity(CHUNK + 1024),
            pretty: options.pretty,
            compact_maps: options.source_maps == SourceMapFormat::Compact,
            depth: 0,
        }
    }

    /// Hands the buffer on once it is full.
    fn flush_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }

    #[inline]
    fn newline_indent(&mut self) {
        self.buf.push(b'\n');
        self.buf.resize(self.buf.len() + 2 * self.depth, b' ');
    }

    #[inline(always)]
    fn open(&mut self, bracket: u8) -> Open {
        self.buf.push(bracket);
        self.depth += 1;
        Open { empty: true }
    }

    #[inline(always)]
    fn close(&mut self, open: &Open, bracket: u8) {
        self.depth -= 1;
        if self.pretty && !open.empty {
            self.newline_indent();
        }
        self.buf.push(bracket);
    }

    /// Starts the next element of an array.
    #[inline(always)]
    fn element(&mut self, open: &mut Open) {
        if !open.empty {
            self.buf.push(b',');
        }
        open.empty = false;
        if self.pretty {
            self.newline_indent();
        }
    }

    /// Starts the value of field `name` (plain ASCII, written as it is).
    #[inline(always)]
    fn key(&mut self, open: &mut Open, name: &str) {
        self.element(open);
        self.buf.push(b'"');
        self.buf.extend_from_slice(name.as_bytes());
        self.buf
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    #[inline(always)]
    fn uint(&mut self, n: usize) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    #[inline]
    fn bool(&mut self, b: bool) {
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// A string that needs no escaping (the names of enum values).
    #[inline(always)]
    fn name(&mut self, s: &str) {
        self.buf.push(b'"');
        self.buf.extend_from_slice(s.as_bytes());
        self.buf.push(b'"');
    }

    /// A string, escaped as `serde_json` escapes it: `"` and `\` with a backslash, control
    /// characters as `\n`, `\t`… or `\u00XX`, everything else (non-ASCII included) as it is.
    fn string(&mut self, s: &str) -> io::Result<()> {
        self.buf.push(b'"');
        // A long text goes out in pieces, so the buffer never holds much more than a chunk.
        // Escapes are decided byte by byte, so a piece may end inside a character.
        for piece in s.as_bytes().chunks(CHUNK) {
            escape_into(&mut self.buf, piece);
            self.flush_full()?;
        }
        self.buf.push(b'"');
        Ok(())
    }

    #[inline(always)]
    fn span(&mut self, span: Span) {
        let mut o = self.open(b'{');
        self.key(&mut o, "start");
        self.uint(span.start);
        self.key(&mut o, "end");
        self.uint(span.end);
        self.close(&o, b'}');
    }

    /// An array of `items`, each written by `each`.
    fn array<T>(
        &mut self,
        items: &[T],
        each: impl Fn(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut a = self.open(b'[');
        for item in items {
            self.element(&mut a);
            each(self, item)?;
        }
        self.close(&a, b']');
        Ok(())
    }

    fn document(&mut self, doc: &Document<'_>) -> io::Result<()> {
        let mut o = self.open(b'{');
        self.key(&mut o, "style");
        self.name(style_name(doc.style));
        self.key(&mut o, "blocks");
        self.array(&doc.blocks, Self::block)?;
        self.key(&mut o, "artifacts");
        self.array(&doc.artifacts, Self::artifact)?;
        self.key(&mut o, "diagnostics");
        self.array(&doc.diagnostics, Self::diagnostic)?;
        self.close(&o, b'}');
        Ok(())
    }

    fn block(&mut self, b: &Block<'_>) -> io::Result<()> {
        let mut o = self.open(b'{');
        self.key(&mut o, "kind");
        self.name(b.kind.name());
        match &b.kind {
            BlockKind::Heading { level, run_in } => {
                self.key(&mut o, "level");
                self.uint(usize::from(*level));
                if *run_in {
                    self.key(&mut o, "run_in");
                    self.bool(true);
                }
            }
            BlockKind::Paragraph | BlockKind::Other => {}
            BlockKind::ListItem {
                marker,
                ordinal,
                depth,
                title,
            } => {
                self.key(&mut o, "marker");
                self.string(marker)?;
                if let Some(n) = ordinal {
                    self.key(&mut o, "ordinal");
                    self.buf
                        .extend_from_slice(itoa::Buffer::new().format(*n).as_bytes());
                }
                self.key(&mut o, "depth");
                self.uint(usize::from(*depth));
                if let Some(title) = title {
                    self.key(&mut o, "title");
                    self.string(title)?;
                }
            }
            BlockKind::Footnote { label } => {
                self.key(&mut o, "label");
                self.string(label)?;
            }
        }
        self.key(&mut o, "text");
        self.string(&b.text)?;
        self.key(&mut o, "span");
        self.span(b.span);
        if !b.source_map.is_identity() {
            self.key(&mut o, "source_map");
            let mut a = self.open(b'[');
            let (mut text_at, mut source_at) = (0, 0);
            for s in b.source_map.segments() {
                self.element(&mut a);
                // A segment that does not continue the text where the one before ended (only
                // in documents not made by the parser) stays an object, which reads back as is.
                if self.compact_maps && s.text_start == text_at {
                    self.compact_segment(text_at, source_at, s);
                } else if !self.pretty {
                    self.segment_on_one_line(s);
                } else {
                    let mut so = self.open(b'{');
                    self.key(&mut so, "text_start");
                    self.uint(s.text_start);
                    self.key(&mut so, "text_end");
                    self.uint(s.text_end);
                    self.key(&mut so, "source");
                    self.span(s.source);
                    self.key(&mut so, "verbatim");
                    self.bool(s.verbatim);
                    self.close(&so, b'}');
                }
                (text_at, source_at) = (s.text_end, s.source.end);
                self.flush_full()?;
            }
            self.close(&a, b']');
        }
        self.close(&o, b'}');
        self.flush_full()
    }

    /// A segment as an object, not indented: the same as the general path below it, written
    /// with constant pieces (segments are four fifths of a document's JSON; this halves the
    /// time they take).
    fn segment_on_one_line(&mut self, s: crate::Segment) {
        self.buf.extend_from_slice(b"{\"text_start\":");
        self.uint(s.text_start);
        self.buf.extend_from_slice(b",\"text_end\":");
        self.uint(s.text_end);
        self.buf.extend_from_slice(b",\"source\":{\"start\":");
        self.uint(s.source.start);
        self.buf.extend_from_slice(b",\"end\":");
        self.uint(s.source.end);
        self.buf.extend_from_slice(if s.verbatim {
            b"},\"verbatim\":true}"
        } else {
            b"},\"verbatim\":false}"
        });
    }

    /// `[text_len, source_gap, source_len, verbatim]`, on one line even when indenting.
    fn compact_segment(&mut self, text_at: usize, source_at: usize, s: crate::Segment) {
        let sep: &[u8] = if self.pretty { b", " } else { b"," };
        self.buf.push(b'[');
        self.uint(s.text_end - text_at);
        self.buf.extend_from_slice(sep);
        if s.source.start < source_at {
            self.buf.push(b'-');
            self.uint(source_at - s.source.start);
        } else {
            self.uint(s.source.start - source_at);
        }
        self.buf.extend_from_slice(sep);
        self.uint(s.source.len());
        self.buf.extend_from_slice(sep);
        self.buf.push(if s.verbatim { b'1' } else { b'0' });
        self.buf.push(b']');
    }

    fn artifact(&mut self, a: &Artifact<'_>) -> io::Result<()> {
        let mut o = self.open(b'{');
        self.key(&mut o, "kind");
        self.name(a.kind.name());
        self.key(&mut o, "text");
        self.string(&a.text)?;
        self.key(&mut o, "span");
        self.span(a.span);
        self.close(&o, b'}');
        self.flush_full()
    }

    fn diagnostic(&mut self, d: &Diagnostic) -> io::Result<()> {
        let mut o = self.open(b'{');
        self.key(&mut o, "severity");
        self.name(match d.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
        });
        self.key(&mut o, "code");
        self.string(&d.code)?;
        self.key(&mut o, "message");
        self.string(&d.message)?;
        self.key(&mut o, "span");
        self.span(d.span);
        self.close(&o, b'}');
        self.flush_full()
    }
}

/// The serde name of an input style.
fn style_name(style: InputStyle) -> &'static str {
    match style {
        InputStyle::BlankLines => "blank_lines",
        InputStyle::Pdftotext => "pdftotext",
        InputStyle::Raw => "raw",
        InputStyle::Layout => "layout",
    }
}

/// What each byte becomes in a JSON string: 0 itself, `u` a `\u00XX` escape, anything else the
/// letter after a backslash (`serde_json`'s table).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether any of the eight bytes of `word` needs an escape: a control character, `"` or `\`
/// (the "has a byte below n" and "has a zero byte" bit tricks; `& !word` leaves out the bytes
/// at or above 0x80, which never need one). Exact: a borrow carries into the next byte only
/// from a byte that matched.
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20);
    let quote = (word ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (word ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (below_space | quote | backslash) & !word & HIGH != 0
}

/// Appends `bytes` to `buf` with JSON string escapes, copying the runs between escapes whole.
/// Eight bytes at a time are skipped while none needs an escape (block texts rarely have one):
/// about 1.5 instructions a byte instead of 9.
fn escape_into(buf: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8)
            && let Ok(word) = <[u8; 8]>::try_from(word)
            && !word_needs_escape(u64::from_le_bytes(word))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        let e = ESCAPE[usize::from(b)];
        if e == 0 {
            continue;
        }
        let i = i - 1;
        buf.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        if e == b'u' {
            buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]);
        } else {
            buf.extend_from_slice(&[b'\\', e]);
        }
    }
    buf.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(doc: &Document<'_>, options: JsonOptions) -> String {
        let mut out = Vec::new();
        doc.write_json(&mut out, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "é€😀\u{2028}";
        let mut buf = Vec::new();
        escape_into(&mut buf, all.as_bytes());
        let ours = String::from_utf8(buf).unwrap();
        let theirs = serde_json::to_string(&all).unwrap();
        assert_eq!(format!("\"{ours}\""), theirs);
        // Written out by hand, the escapes that are not `\u00XX`.
        assert!(ours.starts_with(r"\u0000\u0001"));
        assert!(ours.contains(r"\b\t\n\u000b\f\r\u000e"));
        assert!(ours.contains(r##" !\"#$"##));
        assert!(ours.contains(r"[\\]"));
        assert!(ours.ends_with("\u{7f}é€😀\u{2028}"));
    }

    #[test]
    fn the_word_test_agrees_with_the_table() {
        // Every byte value at every position among others that need no escape, and pairs of
        // bytes around the values where the arithmetic borrows.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = b;
                let expected = ESCAPE[usize::from(b)] != 0;
                assert_eq!(
                    word_needs_escape(u64::from_le_bytes(word)),
                    expected,
                    "{b:#x}"
                );
            }
        }
        let edges = [
            0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7f, 0x80, 0xff,
        ];
        for &x in &edges {
            for &y in &edges {
                let word = [b'a', x, y, b'z', 0xc3, 0xa9, y, x];
                let expected = word.iter().any(|&b| ESCAPE[usize::from(b)] != 0);
                assert_eq!(
                    word_needs_escape(u64::from_le_bytes(word)),
                    expected,
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn a_long_text_is_written_in_pieces_and_whole() {
        // Quotes every 1000 bytes, and a multi-byte character across each piece boundary.
        let text: String = (0..200_000)
            .map(|i| match i % 1000 {
                0 => '"',
                _ if i % CHUNK == CHUNK - 1 => 'é',
                _ => 'a',
            })
            .collect();
        let doc = Document::new(
            &text,
            InputStyle::Raw,
            vec![Block::verbatim(
                BlockKind::Paragraph,
                &text,
                Span::new(0, text.len()),
            )],
            vec![],
            vec![],
        );
        assert_eq!(
            json(&doc, JsonOptions::default()),
            serde_json::to_string(&doc).unwrap()
        );
    }
}
