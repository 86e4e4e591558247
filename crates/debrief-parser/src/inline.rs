//! Stage 5: a block's text, built from its lines with the inline repairs, each recorded in the
//! source map — line breaks to spaces, line-end hyphens joined or kept, ligatures expanded,
//! soft hyphens and noise dropped, footnote markers glued to words taken out, words that lost
//! their spaces split, runs of spaces collapsed.

use std::borrow::Cow;
use std::ops::Range;

use crate::dehyphen::{self, Decision, Reason, Usage};
use crate::footnotes;
use crate::grammar;
use crate::lexicon::{COMMON, EXTRA, PROPER, RARE, Words};
use crate::lines::{Flags, is_noise};
use crate::{Artifact, ArtifactKind, Diagnostic, Repairs, Segment, Severity, SourceMap, Span};

/// Appends text and its segments, merging verbatim runs that continue each other.
pub(crate) struct TextBuilder<'a> {
    src: &'a str,
    text: String,
    segments: Vec<Segment>,
}

impl<'a> TextBuilder<'a> {
    /// A builder for about `bytes` of text from `lines` lines (sized so that building a block
    /// does not grow its buffers again and again).
    pub(crate) fn with_capacity(src: &'a str, bytes: usize, lines: usize) -> Self {
        TextBuilder {
            src,
            text: String::with_capacity(bytes),
            segments: Vec::with_capacity(2 * lines),
        }
    }

    /// Appends `src[range]` as it is.
    pub(crate) fn verbatim(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let t0 = self.text.len();
        self.text.push_str(&self.src[range.clone()]);
        if let Some(last) = self.segments.last_mut()
            && last.verbatim
            && last.source.end == range.start
            && last.text_end == t0
        {
            last.source.end = range.end;
            last.text_end = self.text.len();
            return;
        }
        self.segments.push(Segment {
            text_start: t0,
            text_end: self.text.len(),
            source: Span::new(range.start, range.end),
            verbatim: true,
        });
    }

    /// Appends `with` in place of `src[source]`.
    pub(crate) fn replace(&mut self, with: &str, source: Range<usize>) {
        let t0 = self.text.len();
        self.text.push_str(with);
        self.segments.push(Segment {
            text_start: t0,
            text_end: self.text.len(),
            source: Span::new(source.start, source.end),
            verbatim: false,
        });
    }

    /// The text and its map for a block spanning `span`: borrowed from the input when it is
    /// the input at `span` byte for byte.
    pub(crate) fn finish(self, span: Span) -> (Cow<'a, str>, SourceMap) {
        if let [only] = self.segments.as_slice()
            && only.verbatim
            && only.source == span
        {
            return (Cow::Borrowed(&self.src[span.range()]), SourceMap::default());
        }
        if self.segments.is_empty() {
            return (Cow::Borrowed(""), SourceMap::default());
        }
        (
            Cow::Owned(self.text),
            SourceMap::from_segments(self.segments),
        )
    }
}

/// What the inline repairs need to know about the document.
pub(crate) struct Ctx<'a, 'o> {
    pub(crate) src: &'a str,
    /// The lexicon, with the answers of this parse remembered.
    pub(crate) words: &'o Words<'o>,
    pub(crate) usage: &'o Usage,
    /// Labels of the footnotes found, sorted.
    pub(crate) labels: &'o [u32],
    pub(crate) repairs: &'o Repairs,
    pub(crate) artifacts: &'o mut Vec<Artifact<'a>>,
    pub(crate) diagnostics: &'o mut Vec<Diagnostic>,
    /// A buffer for the pieces of the block being built, kept from block to block.
    pub(crate) pieces: Vec<Piece>,
}

impl Ctx<'_, '_> {
    fn artifact(&mut self, kind: ArtifactKind, range: Range<usize>) {
        self.artifacts.push(Artifact {
            kind,
            text: Cow::Borrowed(&self.src[range.clone()]),
            span: Span::new(range.start, range.end),
        });
    }

    fn diagnostic(
        &mut self,
        severity: Severity,
        code: &'static str,
        message: String,
        range: Range<usize>,
    ) {
        self.diagnostics.push(Diagnostic {
            severity,
            code: Cow::Borrowed(code),
            message,
            span: Span::new(range.start, range.end),
        });
    }
}

/// A part of a line that goes into a block's text: its byte range (after a list marker or a
/// footnote label, for the first line) and the flags of its line.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub(crate) range: Range<usize>,
    pub(crate) flags: Flags,
}

/// The line-end hyphen characters that may be a hyphenation break.
fn line_end_hyphen(text: &str) -> Option<(usize, char)> {
    let c = text.chars().next_back()?;
    if !matches!(c, '-' | '\u{2010}' | '\u{00AD}') {
        return None;
    }
    let at = text.len() - c.len_utf8();
    // `word -` is a spaced dash; `-` alone is not a hyphen.
    let before = text[..at].chars().next_back()?;
    (before.is_alphanumeric() || matches!(before, '.' | ')' | '’' | '\'')).then_some((at, c))
}

/// Builds the text of a block from its pieces (the first may start after a list marker or
/// footnote label). Returns the text builder's output.
pub(crate) fn build<'a>(
    ctx: &mut Ctx<'a, '_>,
    pieces: &[Piece],
    span: Span,
) -> (Cow<'a, str>, SourceMap) {
    let src = ctx.src;
    let bytes = pieces.iter().map(|p| p.range.len() + 1).sum();
    let mut b = TextBuilder::with_capacity(src, bytes, pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        let r = &piece.range;
        let text = &src[r.clone()];
        let Some(next) = pieces.get(i + 1).map(|p| &p.range) else {
            line(ctx, &mut b, r.clone(), piece.flags);
            break;
        };
        let next_text = &src[next.clone()];
        if let Some((at, c)) = line_end_hyphen(text) {
            let hyphen = r.start + at..r.start + at + c.len_utf8();
            line(ctx, &mut b, r.start..hyphen.start, piece.flags);
            let decision = if !ctx.repairs.dehyphenate {
                // Left as written: the hyphen stays and no space is put after it.
                (Decision::Keep, Reason::Form)
            } else if c == '\u{00AD}' {
                (Decision::Join, Reason::Form)
            } else {
                let left = dehyphen::left_part(&text[..at]);
                let right = dehyphen::right_part(next_text);
                dehyphen::decide(left, right, ctx.usage, ctx.words)
            };
            match decision.0 {
                Decision::Join => {
                    ctx.artifact(ArtifactKind::Hyphen, hyphen.clone());
                    b.replace("", hyphen.start..next.start);
                }
                Decision::Keep => {
                    b.verbatim(hyphen.clone());
                    b.replace("", hyphen.end..next.start);
                }
            }
            if decision.1 == Reason::Default {
                let word = format!(
                    "{}{}",
                    dehyphen::left_part(&text[..at]),
                    dehyphen::right_part(next_text)
                );
                ctx.diagnostic(
                    Severity::Info,
                    "unsure-hyphen",
                    format!("joined a line-end hyphen into `{word}` with no evidence either way"),
                    hyphen,
                );
            }
            continue;
        }
        line(ctx, &mut b, r.clone(), piece.flags);
        let dash_end = text.ends_with(['—', '–']) || next_text.starts_with(['—', '–']);
        let sep = if dash_end { "" } else { " " };
        b.replace(sep, r.end..next.start);
    }
    b.finish(span)
}

/// The expansion of a ligature character.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// Appends one line (`range` of the input, in a line with `flags`) with the inline repairs.
fn line<'a>(ctx: &mut Ctx<'a, '_>, b: &mut TextBuilder<'a>, range: Range<usize>, flags: Flags) {
    // The flags of the line tell whether any repair can apply: most lines are copied whole
    // without looking at their bytes again.
    let has_markers = !ctx.labels.is_empty() && flags.any(Flags::DIGIT);
    let needs_work = flags.any(Flags::REPAIR)
        || has_markers
        || (ctx.repairs.glued_words && flags.any(Flags::GLUED));
    if !needs_work {
        b.verbatim(range);
        return;
    }
    let src = ctx.src;
    let text = &src[range.clone()];
    let base = range.start;
    let labels = !ctx.labels.is_empty();
    if !flags.any(Flags::REPAIR) {
        // Single spaces between words and no character to repair: only the words that may
        // hold a footnote marker or have lost their spaces are looked at.
        let mut run = base;
        let mut start = base;
        for w in text.split(' ') {
            let end = start + w.len();
            if !plain_word(w, labels, *ctx.repairs, false) {
                b.verbatim(run..start);
                word(ctx, b, start..end);
                run = end;
            }
            start = end + 1;
        }
        b.verbatim(run..range.end);
        return;
    }
    // Word by word, with the whitespace between words. Words and single spaces that need no
    // repair stay in a verbatim run appended in one piece when a repair comes, or at the end.
    let mut run = base;
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        let ws = rest.len() - rest.trim_start().len();
        if ws > 0 {
            if &rest[..ws] != " " {
                b.verbatim(run..base + pos);
                b.replace(" ", base + pos..base + pos + ws);
                run = base + pos + ws;
            }
            pos += ws;
            continue;
        }
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let w = &rest[..word_len];
        if plain_word(w, labels, *ctx.repairs, true) {
            pos += word_len;
            continue;
        }
        b.verbatim(run..base + pos);
        if ctx.repairs.characters && w.chars().all(is_noise) {
            // A word of noise goes with the spaces after it, so no double space is left.
            let after = rest[word_len..].len() - rest[word_len..].trim_start().len();
            let gone = base + pos..base + pos + word_len;
            ctx.artifact(ArtifactKind::Noise, gone.clone());
            note_replacement(ctx, w, gone.clone());
            let end = if pos + word_len + after < text.len() {
                gone.end + after
            } else {
                gone.end
            };
            b.replace("", gone.start..end);
            pos += word_len + if end > gone.end { after } else { 0 };
            run = base + pos;
            continue;
        }
        word(ctx, b, base + pos..base + pos + word_len);
        pos += word_len;
        run = base + pos;
    }
    b.verbatim(run..base + text.len());
}

/// Whether [`word`] would copy the word `w` as it is: no footnote marker in it (when the
/// document has footnotes), not words that lost their spaces, no character to repair (looked
/// for when `characters`: the line has some).
fn plain_word(w: &str, labels: bool, repairs: Repairs, characters: bool) -> bool {
    if labels && w.bytes().any(|b| b.is_ascii_digit() || b == b'[') {
        return false;
    }
    if repairs.glued_words && glued_candidate(w) {
        return false;
    }
    !(characters && repairs.characters)
        || if w.is_ascii() {
            // Control characters are noise (a word of them is dropped).
            w.bytes().all(|b| b > b' ' && b != 0x7F)
        } else {
            w.chars()
                .all(|c| !(ligature(c).is_some() || c == '\u{00AD}' || is_noise(c)))
        }
}

/// Appends one word with its repairs.
fn word<'a>(ctx: &mut Ctx<'a, '_>, b: &mut TextBuilder<'a>, range: Range<usize>) {
    let src = ctx.src;
    let w = &src[range.clone()];
    // A `[12]` reference to a footnote of the document.
    if !ctx.labels.is_empty()
        && let Some((n, len)) = grammar::bracket_reference(w)
        && len == w.len()
        && ctx.labels.binary_search(&n).is_ok()
    {
        ctx.artifact(ArtifactKind::FootnoteMarker, range.clone());
        b.replace("", range);
        return;
    }
    // A marker glued to the end of the word: `history.1`, `Assistance,1`.
    let mut end = range.end;
    if !ctx.labels.is_empty() && ctx.repairs.footnotes {
        let mut found: Option<(usize, usize)> = None;
        footnotes::glued_markers(w, |n, s, e| {
            if e == w.len() && ctx.labels.binary_search(&n).is_ok() {
                found = Some((s, e));
            }
        });
        if let Some((s, _)) = found {
            end = range.start + s;
        }
    }
    let body = range.start..end;
    if !(ctx.repairs.glued_words && split_glued(ctx, b, body.clone())) {
        chars(ctx, b, body);
    }
    if end < range.end {
        ctx.artifact(ArtifactKind::FootnoteMarker, end..range.end);
        b.replace("", end..range.end);
    }
}

/// Appends `range` character by character where characters need repair.
fn chars<'a>(ctx: &mut Ctx<'a, '_>, b: &mut TextBuilder<'a>, range: Range<usize>) {
    let src = ctx.src;
    let w = &src[range.clone()];
    // ASCII needs no repair unless it holds a control character (`\0`, BEL, ESC: noise).
    if !ctx.repairs.characters || w.bytes().all(|b| b.is_ascii() && b > b' ' && b != 0x7F) {
        b.verbatim(range);
        return;
    }
    let mut run = range.start;
    for (i, c) in w.char_indices() {
        let at = range.start + i;
        let end = at + c.len_utf8();
        if let Some(exp) = ligature(c) {
            b.verbatim(run..at);
            b.replace(exp, at..end);
            run = end;
        } else if c == '\u{00AD}' || is_noise(c) {
            b.verbatim(run..at);
            b.replace("", at..end);
            ctx.artifact(ArtifactKind::Noise, at..end);
            note_replacement(ctx, &w[i..i + c.len_utf8()], at..end);
            run = end;
        }
    }
    b.verbatim(run..range.end);
}

/// A warning for each U+FFFD dropped from `dropped` (at `range` of the input).
fn note_replacement(ctx: &mut Ctx<'_, '_>, dropped: &str, range: Range<usize>) {
    if dropped.contains('\u{FFFD}') {
        ctx.diagnostic(
            Severity::Warning,
            "replacement-character",
            "dropped U+FFFD replacement characters (text lost when the PDF was extracted)"
                .to_owned(),
            range,
        );
    }
}

/// May `piece` (a lower-cased slice of a glued token) stand as a word of the segmentation?
/// `capital` tells whether it was written with a capital.
fn segment_word(lex: &Words<'_>, piece: &str, capital: bool) -> bool {
    let n = piece.len();
    if n < 2 {
        return false;
    }
    let f = lex.flags(piece);
    if f & (COMMON | EXTRA) != 0 && (f & PROPER == 0 || capital) {
        return true;
    }
    (f & RARE != 0 && n >= 6 && f & PROPER == 0) || (f & PROPER != 0 && capital && n >= 3)
}

/// The split points of `token` into words (byte offsets), when the lexicon gives a confident
/// segmentation: fewest words, then the most even lengths.
fn segment(lex: &Words<'_>, token: &str) -> Option<Vec<usize>> {
    // Case boundaries first: `betweenSeptember` → `between` | `September`.
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let bytes = token.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
            pieces.push(start..i);
            start = i;
        }
    }
    pieces.push(start..bytes.len());
    let mut cuts = Vec::new();
    for p in &pieces {
        let s = &token[p.clone()];
        let capital = s.as_bytes()[0].is_ascii_uppercase();
        if segment_word(lex, s, capital) {
            cuts.push(p.end);
            continue;
        }
        // Dynamic programming over the piece: best[i] = (words, -sum of squares) for s[..i].
        let lower = s.to_ascii_lowercase();
        let n = lower.len();
        let mut best: Vec<Option<(u32, i64, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0, 0));
        for i in 1..=n {
            for j in i.saturating_sub(24)..i {
                let Some((words, score, _)) = best[j] else {
                    continue;
                };
                if !segment_word(lex, &lower[j..i], capital && j == 0) {
                    continue;
                }
                let len = i64::try_from(i - j).unwrap_or(0);
                let cand = (words + 1, score - len * len, j);
                if best[i].is_none_or(|b| (cand.0, cand.1) < (b.0, b.1)) {
                    best[i] = Some(cand);
                }
            }
        }
        let (words, _, _) = best[n]?;
        let mut inner = Vec::new();
        let mut i = n;
        while i > 0 {
            let (_, _, j) = best[i]?;
            inner.push(p.start + i);
            i = j;
        }
        inner.reverse();
        // Capitalised words split only into three or more (names like `Goldberg` stay).
        if words < 2 || (capital && pieces.len() == 1 && words < 3) {
            return None;
        }
        cuts.extend(inner);
    }
    (cuts.len() >= 2).then_some(cuts)
}

/// Whether `w` has a lower-case letter right before a capital (`betweenSeptember`).
fn has_camel(w: &str) -> bool {
    w.as_bytes()
        .windows(2)
        .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
}

/// Whether the token `w` may be words that lost their spaces, by its form: seven letters or
/// more, all ASCII, with a lower-case letter before a capital or twelve letters or more, not
/// mostly capitals.
pub(crate) fn glued_candidate(w: &str) -> bool {
    let n = w.len();
    n >= 7
        && w.bytes().all(|c| c.is_ascii_alphabetic())
        && (n >= 12 || has_camel(w))
        && w.bytes().filter(u8::is_ascii_uppercase).count() * 2 <= n
}

/// Splits a word that lost its spaces (`Contractsforfive`) when the lexicon is confident.
/// Returns whether it did.
fn split_glued<'a>(ctx: &mut Ctx<'a, '_>, b: &mut TextBuilder<'a>, range: Range<usize>) -> bool {
    let w = &ctx.src[range.clone()];
    let n = w.len();
    if !glued_candidate(w) || ctx.words.contains(w) || ctx.usage.get(w) > 1 {
        return false;
    }
    let camel = has_camel(w);
    let Some(cuts) = segment(ctx.words, w) else {
        return false;
    };
    // A prefix or a suffix is not a word of its own: `nonfederally`, `decisionmakers`.
    let first = &w[..cuts[0]];
    if matches!(
        first.to_ascii_lowercase().as_str(),
        "non"
            | "re"
            | "pre"
            | "un"
            | "sub"
            | "co"
            | "anti"
            | "inter"
            | "multi"
            | "over"
            | "under"
            | "counter"
            | "post"
            | "semi"
            | "super"
            | "mis"
    ) {
        return false;
    }
    // Two lower-case words make a split only when one is a function word (`flexibilityto`)
    // or the token is long: closed compounds (`homebuilders`) stay whole.
    if cuts.len() == 2 && !camel {
        let (a, b) = (&w[..cuts[0]], &w[cuts[0]..]);
        let function = crate::text::is_function_word;
        if !(function(a) || function(b) || n >= 15) {
            return false;
        }
    }
    let mut prev = 0;
    for (k, &cut) in cuts.iter().enumerate() {
        b.verbatim(range.start + prev..range.start + cut);
        if k + 1 < cuts.len() {
            b.replace(" ", range.start + cut..range.start + cut);
        }
        prev = cut;
    }
    let split: Vec<&str> = cuts
        .iter()
        .scan(0, |p, &c| {
            let s = &w[*p..c];
            *p = c;
            Some(s)
        })
        .collect();
    ctx.diagnostic(
        Severity::Info,
        "split-glued-word",
        format!("split `{w}` into `{}`", split.join(" ")),
        range,
    );
    true
}
