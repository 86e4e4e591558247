//! The stages run in order: lines → style → page furniture → footnotes → blocks → text with
//! repairs → block kinds (headings, run-in headings, list titles, other).

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

use crate::blocks::{self, Flow, Proto};
use crate::dehyphen::Usage;
use crate::footnotes::{self, Role};
use crate::grammar;
use crate::inline::{self, Ctx, Piece};
use crate::lexicon::Words;
use crate::lines::{self, Flags, Line, Scanned};
use crate::text;
use crate::{
    Artifact, ArtifactKind, Block, BlockKind, Diagnostic, Document, InputStyle, ParseOptions,
    Segment, SourceMap, Span, StyleOption,
};

/// Detects how the text was extracted from its PDF.
///
/// Many lines with gaps of three spaces or more, or deep indentation, are `-layout` output;
/// almost no blank lines is `-raw`; form feeds, or long runs of lines between blank lines
/// without trailing spaces, are pdftotext's default mode; short blank-separated groups (and
/// lines ending in spaces, as copy-paste leaves them) are blank-line paragraphs.
pub(crate) fn detect_style(src: &str, lines: &Scanned<'_>) -> InputStyle {
    let n = lines.lines.len();
    if n == 0 {
        return InputStyle::BlankLines;
    }
    let gapped = lines
        .lines
        .iter()
        // Three spaces hold two, which the measuring pass flagged.
        .filter(|l| {
            l.indent >= 6
                || (l.flags.any(Flags::REPAIR)
                    && memchr::memmem::find(l.text(src).as_bytes(), b"   ").is_some())
        })
        .count();
    if gapped * 5 >= n && n >= 10 {
        return InputStyle::Layout;
    }
    let blanks = lines.blank_lines as usize + 1;
    if n >= 20 && blanks * 40 < n {
        return InputStyle::Raw;
    }
    if lines.pages > 1 {
        return InputStyle::Pdftotext;
    }
    let groups = lines.lines.iter().filter(|l| l.blanks_before > 0).count() + 1;
    let trailing = lines.trailing_space_lines as usize;
    if trailing * 2 >= n || n / groups <= 8 {
        InputStyle::BlankLines
    } else {
        InputStyle::Pdftotext
    }
}

/// Parses `src`.
pub(crate) fn run<'a>(src: &'a str, options: &ParseOptions) -> Document<'a> {
    let scanned = lines::scan(src);
    let style = match options.style {
        StyleOption::Fixed(s) => s,
        StyleOption::Auto => detect_style(src, &scanned),
    };
    let Scanned {
        lines: mut all,
        artifacts: line_artifacts,
        mut pages,
        ..
    } = scanned;
    let repairs = &options.repairs;
    let mut boundary_keys = Vec::new();
    if pages == 1 && repairs.page_furniture {
        (pages, boundary_keys) = crate::furniture::virtual_pages(src, &mut all);
    }
    let furniture = if repairs.page_furniture {
        let mut f = crate::furniture::detect(src, &all, pages);
        crate::furniture::mark_keys(src, &all, &boundary_keys, &mut f);
        f
    } else {
        vec![None; all.len()]
    };
    let is_furniture: Vec<bool> = furniture.iter().map(Option::is_some).collect();
    let roles = if repairs.footnotes {
        footnotes::detect(src, &all, &is_furniture)
    } else {
        Vec::new()
    };
    // The artifacts come in sorted runs (the scan's, the page furniture, the footnotes', the
    // body blocks'), merged as they come without the buffer a sort would take.
    let mut early = furniture_artifacts(src, &all, &furniture, line_artifacts);
    let mut labels: Vec<u32> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Start { label, .. } => Some(*label),
            _ => None,
        })
        .collect();
    labels.sort_unstable();
    labels.dedup();
    // Sized for every line at once (the part not written takes no memory) rather than grown
    // by doubling to up to twice the body lines.
    let mut idx: Vec<usize> = Vec::with_capacity(all.len());
    idx.extend(
        (0..all.len()).filter(|&i| !is_furniture[i] && footnotes::role(&roles, i) == Role::Text),
    );
    let widths = blocks::column_widths(src, &all, &idx, pages);
    let contents = blocks::contents_lines(src, &all, &idx);
    let words = Words::new(&options.lexicon);
    let mut usage = Usage::default();
    if repairs.dehyphenate || repairs.glued_words {
        want_forms(src, &all, &idx, repairs.glued_words, &words, &mut usage);
        usage.fill(idx.iter().map(|&i| all[i].text(src)));
    }
    let mut flow = Flow::new(src, &all, idx, widths, style, &labels, contents);
    let protos = blocks::assemble(&flow);
    let idx = std::mem::take(&mut flow.idx);
    drop(flow);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut artifacts: Vec<Artifact<'a>> = Vec::new();
    let mut out: Vec<Block<'a>> = Vec::new();
    let mut ctx = Ctx {
        src,
        words: &words,
        usage: &usage,
        labels: &labels,
        repairs,
        artifacts: &mut artifacts,
        diagnostics: &mut diagnostics,
        pieces: Vec::new(),
    };
    // The footnotes first, while the line table is there; their diagnostics go after the body
    // blocks' ones at the end, as they always did, and their artifacts join the earlier ones.
    footnote_blocks(&mut ctx, &all, &roles, &is_furniture, &mut out);
    let note_diagnostics = ctx.diagnostics.len();
    let mut note_artifacts = std::mem::take(ctx.artifacts);
    note_artifacts.sort_unstable_by_key(|a| a.span.start);
    merge_artifacts(&mut early, note_artifacts);
    drop((roles, is_furniture, furniture));
    // From here on the blocks need of each body line only its range and flags: the line
    // table and the flow give way to a queue of those, freed chunk by chunk as the blocks are
    // built, so that the working state shrinks while the document grows (on 10 MB of
    // brief-like text the line table alone is 11 MB, the document 23 MB).
    let (queue, marked) = body_lines(src, all, idx);
    let protos = Queue::from_vec(protos);
    // Room for every block (a paragraph may split in two at a run-in heading) and for the
    // artifacts the blocks will take out (about one per marked line, see `body_lines`, and
    // a list marker per item), reserved once: grown by doubling, both vectors would be
    // copied while the document is at its largest. The spare room is given back at the end.
    let items = protos.iter().filter(|p| p.marker.is_some()).count();
    out.reserve(2 * protos.len() - items);
    ctx.artifacts.reserve_exact(marked + items + early.len());
    let early = Queue::from_vec(early);
    body_blocks(&mut ctx, style, protos, queue, early, &mut out);
    drop(ctx);
    drop(usage);
    diagnostics.rotate_left(note_diagnostics);
    // Block spans are disjoint or nested, so no two share a start and end: an unstable sort
    // gives the same order as a stable one, without the stable sort's buffer.
    out.sort_unstable_by_key(|b| (b.span.start, b.span.end));
    out.shrink_to_fit();
    artifacts.shrink_to_fit();
    Document::new(src, style, out, artifacts, diagnostics)
}

/// The artifacts of the scan (`scanned`) and of the page furniture, in input order.
fn furniture_artifacts<'a>(
    src: &'a str,
    all: &[Line],
    furniture: &[Option<ArtifactKind>],
    mut scanned: Vec<Artifact<'a>>,
) -> Vec<Artifact<'a>> {
    let mut lines: Vec<Artifact<'a>> =
        Vec::with_capacity(furniture.iter().filter(|f| f.is_some()).count());
    for (line, kind) in all.iter().zip(furniture) {
        if let Some(kind) = kind {
            lines.push(Artifact {
                kind: *kind,
                text: Cow::Borrowed(line.text(src)),
                span: line.span(),
            });
        }
    }
    merge_artifacts(&mut scanned, lines);
    scanned
}

/// Builds the body blocks of `protos` from the lines of `queue` into `out`, their artifacts
/// with those of `early` (the page furniture, the footnotes…) into `ctx.artifacts`, in input
/// order.
fn body_blocks<'a>(
    ctx: &mut Ctx<'a, '_>,
    style: InputStyle,
    mut protos: Queue<Proto<'a>>,
    mut queue: Queue<BodyLine>,
    mut early: Queue<Artifact<'a>>,
    out: &mut Vec<Block<'a>>,
) {
    let mut outline = Outline::default();
    while let Some(proto) = protos.pop() {
        let next_is_item = protos.front().is_some_and(|p| p.marker.is_some());
        let from = ctx.artifacts.len();
        body_block(
            ctx,
            style,
            &proto,
            &mut queue,
            next_is_item,
            &mut outline,
            out,
        );
        // A block's artifacts lie within its lines, and the blocks come in input order: the
        // block's and the earlier ones up to the next block, put in order (a repeated bullet
        // is taken out before the text is built), keep the whole vector in order, with no
        // sort of it at the end.
        let next_start = queue.front().map_or(usize::MAX, |l| l.start);
        while early.front().is_some_and(|a| a.span.start < next_start) {
            ctx.artifacts.extend(early.pop());
        }
        ctx.artifacts[from..].sort_unstable_by_key(|a| a.span.start);
    }
    // Without body blocks, the earlier artifacts are all there is.
    ctx.artifacts.extend(std::iter::from_fn(|| early.pop()));
}

/// Merges `run` into `into`, both sorted by span start, in place: `into` grows by the length of
/// `run` and is filled from the back, so that no buffer is needed (a stable sort of the
/// artifacts of 10 MB of brief-like text takes one as large as the vector, 4.8 MB).
/// Artifacts never overlap (a checked invariant), so no two share a start and the result is
/// the one a stable sort of `into` and `run` together would give.
fn merge_artifacts<'a>(into: &mut Vec<Artifact<'a>>, mut run: Vec<Artifact<'a>>) {
    let hole = Artifact {
        kind: ArtifactKind::Other,
        text: Cow::Borrowed(""),
        span: Span::new(0, 0),
    };
    let mut i = into.len();
    into.resize(i + run.len(), hole);
    let mut k = into.len();
    while let Some(last) = run.pop() {
        while i > 0 && into[i - 1].span.start > last.span.start {
            i -= 1;
            k -= 1;
            into.swap(i, k);
        }
        k -= 1;
        into[k] = last;
    }
}

/// What building a block needs of one of its lines.
#[derive(Debug, Clone, Copy)]
struct BodyLine {
    start: usize,
    end: usize,
    flags: Flags,
    /// Whether the line is on the first page.
    first_page: bool,
}

/// The body lines `idx` of `all`, as a queue, and how many of them the inline repairs may take
/// an artifact from (those ending with a hyphen or flagged with a character to repair or a
/// figure). Built from the last line to the first, giving the line table's memory back as it
/// goes, so that the table and the queue are never both whole.
fn body_lines(src: &str, mut all: Vec<Line>, mut idx: Vec<usize>) -> (Queue<BodyLine>, usize) {
    let mut chunks = VecDeque::with_capacity(idx.len().div_ceil(CHUNK));
    let mut marked = 0;
    while !idx.is_empty() {
        let from = idx.len().saturating_sub(CHUNK);
        let chunk: Vec<BodyLine> = idx[from..]
            .iter()
            .map(|&i| {
                let l = &all[i];
                // `-`, or the last byte of `‐` or of a soft hyphen (or of a few other
                // characters: this is an estimate).
                if l.flags.any(Flags::REPAIR | Flags::DIGIT)
                    || matches!(src.as_bytes()[l.end - 1], b'-' | 0x90 | 0xAD)
                {
                    marked += 1;
                }
                BodyLine {
                    start: l.start,
                    end: l.end,
                    flags: l.flags,
                    first_page: l.page == 0,
                }
            })
            .collect();
        chunks.push_front(chunk.into_iter());
        all.truncate(idx[from]);
        all.shrink_to_fit();
        idx.truncate(from);
        idx.shrink_to_fit();
    }
    (Queue { chunks }, marked)
}

/// Items per chunk of a [`Queue`].
const CHUNK: usize = 4096;

/// A queue read once from the front, stored in chunks that are freed as soon as they have
/// been read.
struct Queue<T> {
    chunks: VecDeque<std::vec::IntoIter<T>>,
}

impl<T> Queue<T> {
    /// The items of `v`, in order: cut into chunks from its end, `v` shrinking as they are
    /// cut, so that `v` and the queue are never both whole.
    fn from_vec(mut v: Vec<T>) -> Self {
        let mut chunks = VecDeque::with_capacity(v.len().div_ceil(CHUNK));
        while !v.is_empty() {
            let chunk = v.split_off(v.len().saturating_sub(CHUNK));
            chunks.push_front(chunk.into_iter());
            v.shrink_to_fit();
        }
        Queue { chunks }
    }

    /// The number of items left.
    fn len(&self) -> usize {
        self.chunks.iter().map(ExactSizeIterator::len).sum()
    }

    /// The items left, in order.
    fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flat_map(std::vec::IntoIter::as_slice)
    }

    /// The front item.
    fn front(&self) -> Option<&T> {
        self.chunks.front().and_then(|c| c.as_slice().first())
    }

    /// Takes the front item (freeing its chunk when it was the chunk's last).
    fn pop(&mut self) -> Option<T> {
        let chunk = self.chunks.front_mut()?;
        let item = chunk.next();
        if chunk.len() == 0 {
            self.chunks.pop_front();
        }
        item
    }
}

/// Asks `usage` for the forms that the repairs will ask about: for each line-end hyphen that
/// its form does not decide, the joined word and the hyphenated pair; the words that may have
/// lost their spaces and that the lexicon does not know.
fn want_forms(
    src: &str,
    all: &[Line],
    idx: &[usize],
    glued: bool,
    words: &Words<'_>,
    usage: &mut Usage,
) {
    for (k, &i) in idx.iter().enumerate() {
        let t = all[i].text(src);
        if glued && all[i].flags.any(Flags::GLUED) {
            for w in t.split(' ') {
                if inline::glued_candidate(w) && !words.contains(w) {
                    usage.want_word(w);
                }
            }
        }
        let Some(stem) = t.strip_suffix(['-', '\u{2010}']) else {
            continue;
        };
        let Some(&next) = idx.get(k + 1) else {
            continue;
        };
        let left = crate::dehyphen::left_part(stem);
        let right = crate::dehyphen::right_part(all[next].text(src));
        if !crate::dehyphen::kept_by_form(left, right) {
            usage.want_joined(left, right);
            usage.want_pair(left, right);
        }
    }
}

/// What the heading levels depend on: whether a paragraph or a heading came yet, and the
/// level of the last heading on a line of its own.
#[derive(Default)]
struct Outline {
    seen_paragraph: bool,
    seen_heading: bool,
    last_level: Option<u8>,
}

/// Builds the block (or heading and paragraph, for a run-in heading) of `proto`.
fn body_block<'a>(
    ctx: &mut Ctx<'a, '_>,
    style: InputStyle,
    proto: &Proto<'a>,
    queue: &mut Queue<BodyLine>,
    next_is_item: bool,
    outline: &mut Outline,
    out: &mut Vec<Block<'a>>,
) {
    // The pieces go into a buffer kept from block to block (no allocation per block).
    let mut pieces = std::mem::take(&mut ctx.pieces);
    let (first_line, last_end) = block_pieces(ctx, proto, queue, &mut pieces);
    let span = Span::new(first_line.start, last_end);
    if pieces.is_empty() {
        // A marker with no text at all.
        ctx.pieces = pieces;
        return;
    }
    let text_span = Span::new(pieces[0].range.start, last_end);
    let (text, map) = inline::build(ctx, &pieces, text_span);
    // The repairs add no figure: without a line flagged with one, the text has none.
    let figures = pieces.iter().any(|p| p.flags.any(Flags::DIGIT));
    ctx.pieces = pieces;
    // A text span that starts after the marker is expressed through the map.
    let (text, map) = if map.is_identity() && text_span != span {
        let len = text.len();
        (
            text,
            SourceMap::from_segments(vec![Segment {
                text_start: 0,
                text_end: len,
                source: text_span,
                verbatim: true,
            }]),
        )
    } else {
        (text, map)
    };
    if let Some(m) = proto.marker {
        out.push(list_item(m, proto.depth, text, span, map, ctx.words));
        return;
    }
    let lines = proto.last - proto.first + 1;
    if proto.contents || is_other(&text, figures) || blocks::is_caption_start(&text) {
        out.push(Block {
            kind: BlockKind::Other,
            text,
            span,
            source_map: map,
        });
        return;
    }
    let heading_shape = match style {
        InputStyle::Raw | InputStyle::Pdftotext => proto.all_short || lines == 1,
        InputStyle::BlankLines | InputStyle::Layout => lines <= 3,
    };
    let lead_in = next_is_item
        && !text::title_case(&text)
        && text.chars().next_back().is_some_and(char::is_lowercase);
    if heading_shape && text::heading_like(&text) && !lead_in {
        let level = heading_level(&text, first_line.first_page, outline);
        outline.seen_heading = true;
        outline.last_level = Some(level);
        out.push(Block {
            kind: BlockKind::Heading {
                level,
                run_in: false,
            },
            text,
            span,
            source_map: map,
        });
        return;
    }
    outline.seen_paragraph = true;
    if ctx.repairs.run_in_headings
        && let Some(end) = text::first_sentence_end(&text)
        && run_in_heading(&text[..end], &text[end + 1..])
    {
        // A run-in heading sits one level below the last heading on a line of its own.
        let level = outline.last_level.map_or(2, |l| l.saturating_add(1).min(6));
        split_run_in(&text, &map, span, end, level, out);
        return;
    }
    out.push(Block {
        kind: BlockKind::Paragraph,
        text,
        span,
        source_map: map,
    });
}

/// Puts into `pieces` the parts of the lines of `proto`, taken from the front of `queue`, that
/// make its text: after its list marker (recorded as an artifact) and after the bullets that
/// page breaks repeat. Returns the block's first line and where its last line ends.
fn block_pieces<'a>(
    ctx: &mut Ctx<'a, '_>,
    proto: &Proto<'a>,
    queue: &mut Queue<BodyLine>,
    pieces: &mut Vec<Piece>,
) -> (BodyLine, usize) {
    pieces.clear();
    let Some(first_line) = queue.pop() else {
        return (
            BodyLine {
                start: 0,
                end: 0,
                flags: Flags::default(),
                first_page: true,
            },
            0,
        );
    };
    let mut range = first_line.start..first_line.end;
    if let Some(m) = proto.marker {
        let marker_end = first_line.start + m.glyph.len();
        ctx.artifacts.push(Artifact {
            kind: ArtifactKind::ListMarker,
            text: Cow::Borrowed(&ctx.src[first_line.start..marker_end]),
            span: Span::new(first_line.start, marker_end),
        });
        range.start += m.len;
    }
    if !range.is_empty() {
        pieces.push(Piece {
            range,
            flags: first_line.flags,
        });
    }
    let mut last_end = first_line.end;
    for _ in proto.first..proto.last {
        let Some(line) = queue.pop() else { break };
        last_end = line.end;
        pieces.push(Piece {
            range: line.start..line.end,
            flags: line.flags,
        });
    }
    strip_repeated_bullets(ctx, pieces);
    (first_line, last_end)
}

/// Takes out of a block's later lines the bullet that pdftotext repeats where a page break cut
/// an item (recorded as a list-marker artifact).
fn strip_repeated_bullets(ctx: &mut Ctx<'_, '_>, pieces: &mut [Piece]) {
    let src = ctx.src;
    for Piece { range: r, .. } in pieces.iter_mut().skip(1) {
        let line_text = &src[r.clone()];
        // Only a bullet glyph is taken out here.
        if line_text
            .chars()
            .next()
            .is_some_and(grammar::is_bullet_glyph)
            && let Some(m) = grammar::list_marker(line_text)
            && m.class == grammar::MarkerClass::Bullet
            && !line_text[m.len..].is_empty()
        {
            ctx.artifacts.push(Artifact {
                kind: ArtifactKind::ListMarker,
                text: Cow::Borrowed(&src[r.start..r.start + m.glyph.len()]),
                span: Span::new(r.start, r.start + m.glyph.len()),
            });
            r.start += m.len;
        }
    }
}

/// A list item with its title (the lead sentence, when it reads as one).
fn list_item<'a>(
    marker: grammar::Marker<'a>,
    depth: u8,
    text: Cow<'a, str>,
    span: Span,
    map: SourceMap,
    lexicon: &Words<'_>,
) -> Block<'a> {
    let title = text::first_sentence_end(&text).and_then(|end| list_title(&text, end, lexicon));
    Block {
        kind: BlockKind::ListItem {
            marker: Cow::Borrowed(marker.glyph),
            ordinal: marker.ordinal,
            depth,
            title,
        },
        text,
        span,
        source_map: map,
    }
}

/// Pushes a run-in heading (`text[..end]`, its span reaching over the period at `end`) and
/// the paragraph after it.
#[allow(clippy::ptr_arg)] // a borrowed text stays borrowed in both parts
fn split_run_in<'a>(
    text: &Cow<'a, str>,
    map: &SourceMap,
    span: Span,
    end: usize,
    level: u8,
    out: &mut Vec<Block<'a>>,
) {
    let (h_text, h_map, h_span) = sub_block(text, map, span, 0..end, 0..end + 1);
    let rest_start = text.len() - text[end + 1..].trim_start().len();
    let (p_text, p_map, p_span) = sub_block(
        text,
        map,
        span,
        rest_start..text.len(),
        rest_start..text.len(),
    );
    out.push(Block {
        kind: BlockKind::Heading {
            level,
            run_in: true,
        },
        text: h_text,
        span: h_span,
        source_map: h_map,
    });
    out.push(Block {
        kind: BlockKind::Paragraph,
        text: p_text,
        span: p_span,
        source_map: p_map,
    });
}

/// The level of a heading: 1 for the document's title (a heading on the first page before any
/// paragraph and any other heading), deeper for numbered sections (`1.2` → 3), else 2.
fn heading_level(text: &str, first_page: bool, outline: &Outline) -> u8 {
    let first = text.split_whitespace().next().unwrap_or("");
    let numbered = first.trim_end_matches('.');
    if !numbered.is_empty()
        && numbered
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let depth = numbered.split('.').count();
        return u8::try_from(depth + 1).unwrap_or(6).min(6);
    }
    if first_page && !outline.seen_paragraph && !outline.seen_heading {
        1
    } else {
        2
    }
}

/// Whether a paragraph's first sentence `head` (without its period) is a run-in heading:
/// a short Title Case phrase, followed by the paragraph's text.
fn run_in_heading(head: &str, rest: &str) -> bool {
    // The length first: counting the words of every paragraph's first sentence cost 3.5 M
    // instructions a megabyte (callgrind).
    head.len() <= 90
        && (2..=10).contains(&text::word_count(head))
        && !head.contains(", ")
        && text::title_case(head)
        && text::starts_upper(head)
        && text::has_words(rest, 4)
}

/// The title of a list item: its first sentence, when short and not the start of an ordinary
/// statement (`The …`, `It …`).
fn list_title<'a>(text: &Cow<'a, str>, end: usize, lexicon: &Words<'_>) -> Option<Cow<'a, str>> {
    const STATEMENT_STARTS: &[&str] = &[
        "a",
        "according",
        "all",
        "although",
        "an",
        "as",
        "at",
        "because",
        "by",
        "for",
        "he",
        "if",
        "in",
        "it",
        "its",
        "many",
        "most",
        "on",
        "she",
        "some",
        "such",
        "that",
        "the",
        "their",
        "there",
        "these",
        "they",
        "this",
        "those",
        "we",
        "when",
        "while",
        "with",
    ];
    let head = &text[..end];
    // Only whether there are 2 to 14 words, and more than 5, is asked.
    let words = text::word_count_upto(head, 15);
    let first = head
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !(2..=14).contains(&words)
        || STATEMENT_STARTS.contains(&first.as_str())
        || !text::has_words(&text[end + 1..], 3)
    {
        return None;
    }
    // A longer lead reads as a title when it is an imperative, opening with a verb (`Develop`,
    // `Ensure`) or an adverb (`Periodically`); one that opens with a name, a possessive or a
    // noun (`PRC actors have…`, `China’s growth…`, `Economic growth drives…`) is a statement.
    let opener = head.split_whitespace().next().unwrap_or("");
    if words > 5 && !verb_like(lexicon, opener) {
        return None;
    }
    Some(match text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[..end]),
        Cow::Owned(s) => Cow::Owned(s[..end].to_owned()),
    })
}

/// Whether `word` can open an imperative: an adverb in `-ly`, or a word the lexicon knows
/// with a past or a present participle (`ensure` → `ensured`, `ensuring`).
fn verb_like(lexicon: &Words<'_>, word: &str) -> bool {
    if !word.chars().all(char::is_alphabetic) || word.len() < 2 {
        return false;
    }
    let w = word.to_lowercase();
    if w.ends_with("ly") && lexicon.contains(&w) {
        return true;
    }
    if !lexicon.is_common(&w) {
        return false;
    }
    let stem = w.strip_suffix('e').unwrap_or(&w);
    let past = if w.ends_with('e') {
        format!("{w}d")
    } else {
        format!("{w}ed")
    };
    let doubled = w
        .chars()
        .next_back()
        .map(|c| format!("{w}{c}ed"))
        .unwrap_or_default();
    let ying = w
        .strip_suffix('y')
        .map(|s| format!("{s}ied"))
        .unwrap_or_default();
    [past, doubled, ying, format!("{stem}ing")]
        .iter()
        .any(|form| !form.is_empty() && lexicon.contains(form))
}

/// Tables, figure labels and contents lines: mostly numbers, or dot leaders. `figures` is
/// false when the text is known to hold no ASCII digit (its lines' flags say so).
fn is_other(text: &str, figures: bool) -> bool {
    if grammar::has_dot_leaders(text) {
        return true;
    }
    // Without a figure no word is numeric. (The flags of the lines answer most blocks without
    // a search of their text.)
    if !figures || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut words = 0;
    let mut numeric = 0;
    for w in text.split_whitespace() {
        words += 1;
        if w.chars().any(|c| c.is_ascii_digit())
            && w.chars().filter(|c| c.is_alphabetic()).count() <= 1
        {
            numeric += 1;
        }
    }
    words >= 3 && numeric * 2 >= words
}

/// The part `text_range` of a built block, with its source map, as a block of its own whose
/// span is the input of `span_range` (which may reach a little further, e.g. over a final
/// period left out of the text).
fn sub_block<'a>(
    text: &Cow<'a, str>,
    map: &SourceMap,
    span: Span,
    text_range: Range<usize>,
    span_range: Range<usize>,
) -> (Cow<'a, str>, SourceMap, Span) {
    let new_span = map.map(span, span_range);
    let piece = match text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[text_range.clone()]),
        Cow::Owned(s) => Cow::Owned(s[text_range.clone()].to_owned()),
    };
    let segments: Vec<Segment> = if map.is_identity() {
        vec![Segment {
            text_start: 0,
            text_end: text_range.len(),
            source: Span::new(span.start + text_range.start, span.start + text_range.end),
            verbatim: true,
        }]
    } else {
        map.iter()
            .filter_map(|s| {
                let start = s.text_start.max(text_range.start);
                let end = s.text_end.min(text_range.end);
                if s.verbatim {
                    if start >= end {
                        return None;
                    }
                    let src_start = s.source.start + (start - s.text_start);
                    Some(Segment {
                        text_start: start - text_range.start,
                        text_end: end - text_range.start,
                        source: Span::new(src_start, src_start + (end - start)),
                        verbatim: true,
                    })
                } else if s.text_start >= text_range.start
                    && s.text_end <= text_range.end
                    && !(s.text_start == s.text_end
                        && (s.text_start == text_range.start || s.text_start == text_range.end))
                {
                    Some(Segment {
                        text_start: s.text_start - text_range.start,
                        text_end: s.text_end - text_range.start,
                        source: s.source,
                        verbatim: false,
                    })
                } else {
                    None
                }
            })
            .collect()
    };
    let map = if let [only] = segments.as_slice()
        && only.verbatim
        && only.source == new_span
        && matches!(piece, Cow::Borrowed(_))
    {
        SourceMap::default()
    } else {
        SourceMap::from_segments(segments)
    };
    (piece, map, new_span)
}

/// The footnote blocks: a label line and the lines that continue it.
fn footnote_blocks<'a>(
    ctx: &mut Ctx<'a, '_>,
    all: &[Line],
    roles: &[Role],
    furniture: &[bool],
    out: &mut Vec<Block<'a>>,
) {
    let src = ctx.src;
    let mut i = 0;
    while i < roles.len() {
        let Role::Start { skip, .. } = roles[i] else {
            i += 1;
            continue;
        };
        let first = &all[i];
        let label_text = first.text(src)[..skip].trim_end().trim_end_matches('.');
        let label_end = first.start + label_text.len();
        let mut pieces: Vec<Piece> = Vec::new();
        if first.start + skip < first.end {
            pieces.push(Piece {
                range: first.start + skip..first.end,
                flags: first.flags,
            });
        }
        let mut last_end = first.end;
        let mut k = i + 1;
        // The note goes on over its continuation lines, skipping furniture (a page footer
        // below the notes), up to the next note or the text.
        while k < roles.len()
            && (roles[k] == Role::Continue || (roles[k] == Role::Text && furniture[k]))
        {
            if roles[k] == Role::Continue {
                pieces.push(Piece {
                    range: all[k].start..all[k].end,
                    flags: all[k].flags,
                });
                last_end = all[k].end;
            }
            k += 1;
        }
        let span = Span::new(first.start, last_end);
        let label = Cow::Borrowed(&src[first.start..label_end]);
        if pieces.is_empty() {
            ctx.artifacts.push(Artifact {
                kind: ArtifactKind::FootnoteMarker,
                text: label,
                span: Span::new(first.start, label_end),
            });
        } else {
            let text_span = Span::new(pieces[0].range.start, last_end);
            let (text, map) = inline::build(ctx, &pieces, text_span);
            let map = if map.is_identity() {
                SourceMap::from_segments(vec![Segment {
                    text_start: 0,
                    text_end: text.len(),
                    source: text_span,
                    verbatim: true,
                }])
            } else {
                map
            };
            out.push(Block {
                kind: BlockKind::Footnote { label },
                text,
                span,
                source_map: map,
            });
        }
        i = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn title(item: &str) -> Option<String> {
        let text = Cow::Borrowed(item);
        let end = text::first_sentence_end(item)?;
        list_title(&text, end, &Words::new(&crate::Lexicon::embedded())).map(Cow::into_owned)
    }

    #[test]
    fn item_titles_are_imperatives_or_short_phrases() {
        assert_eq!(
            title("Ensure appropriate measurement selection. Agencies should pick measures."),
            Some("Ensure appropriate measurement selection".to_owned())
        );
        assert_eq!(
            title("War powers. Some Members have indicated their intention."),
            Some("War powers".to_owned())
        );
        assert_eq!(
            title("China’s growth probably will continue to slow. It faces headwinds."),
            None
        );
        assert_eq!(
            title("Economic growth drives demand for oil in Asia. Demand grows."),
            None
        );
        assert_eq!(
            title("The agency agreed with the findings. It will act."),
            None
        );
    }

    /// The body blocks' diagnostics come first, then the footnotes' (the footnotes are built
    /// first to free the line table early; the order stays the one the parser always gave),
    /// and the artifacts stay in input order across the page furniture, the footnotes and the
    /// body.
    #[test]
    fn footnote_diagnostics_follow_the_body_ones() {
        let src = "Body line one of the page with frobni-\nzated words.\n\
                   Societies remember history.1\nIn the United States, there are\n\
                   many memorials.2\nMore text.\n1\nCarole Blair, Places of Memory and quux-\n\
                   zorbing.\n2\nErika Doss, Memorial Mania\n(2010), p. 19.\n\x0c\
                   The second page goes on with blorp-\nfizzle words.\n";
        let doc = crate::parse(src);
        let notes: Vec<&str> = doc
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Footnote { .. }))
            .map(|b| b.text.as_ref())
            .collect();
        assert_eq!(
            notes,
            [
                "Carole Blair, Places of Memory and quuxzorbing.",
                "Erika Doss, Memorial Mania (2010), p. 19."
            ]
        );
        // Three joins with no evidence either way: two in the body (pages 1 and 2), one in
        // the first footnote, which lies between them in the input.
        let joined: Vec<&str> = doc
            .diagnostics
            .iter()
            .map(|d| d.message.split('`').nth(1).unwrap_or(""))
            .collect();
        assert_eq!(joined, ["frobnizated", "blorpfizzle", "quuxzorbing"]);
        let hyphens: Vec<&str> = doc
            .artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::Hyphen)
            .map(|a| &src[a.span.end..=a.span.end])
            .collect();
        assert_eq!(hyphens, ["\n", "\n", "\n"]);
        assert!(doc.artifacts.is_sorted_by_key(|a| a.span.start));
        crate::check::verify(src, &doc).unwrap();
    }

    #[test]
    fn styles_are_detected() {
        let seed = include_str!("../../../examples/data/border-security-brief.txt");
        assert_eq!(
            detect_style(seed, &lines::scan(seed)),
            InputStyle::BlankLines
        );
        let mut raw = String::new();
        for i in 0..50 {
            let _ = writeln!(raw, "line {i} of a column of text without blank lines");
        }
        assert_eq!(detect_style(&raw, &lines::scan(&raw)), InputStyle::Raw);
        let paged = "Text on one page.\n\nMore text.\n\x0cText on two.\n";
        assert_eq!(
            detect_style(paged, &lines::scan(paged)),
            InputStyle::Pdftotext
        );
        let mut layout = String::new();
        for i in 0..12 {
            let _ = writeln!(layout, "left column {i}      right column {i}");
        }
        assert_eq!(
            detect_style(&layout, &lines::scan(&layout)),
            InputStyle::Layout
        );
    }
}
