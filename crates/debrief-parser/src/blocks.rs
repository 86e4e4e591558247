//! Stage 4: the lines of the text flow (furniture and footnotes taken out) assembled into
//! blocks by a state machine over consecutive lines, then each block classified.
//!
//! Between two lines the machine decides "same block" or "new block". A list marker opens a
//! new block; a line-end hyphen, a dash, a glued footnote marker (a superscript that ended the
//! line early) or a lower-case start continues one. Otherwise the evidence depends on the input
//! style: with blank-line paragraphs only a blank line after a sentence end (or after a
//! heading) separates blocks — a blank line inside a sentence is a column break; in pdftotext
//! output a line that ended early (the next line's first word would have fitted on it, measured
//! against the page's column width) closes its block when it ends a sentence or reads as a
//! heading.

use crate::InputStyle;
use crate::grammar::{self, Marker, MarkerClass};
use crate::lines::{Flags, Line};
use crate::text;

/// How much shorter than the column a line must be to have "ended early".
const FIT_SLACK: f32 = 0.97;
/// The column width is this percentile of the printed widths of a page's prose lines.
const COLUMN_PERCENTILE: usize = 90;
/// Lines on each side of a line that measure its column.
const LOCAL_WINDOW: usize = 5;
/// A line at most this share of the column is short (headings, labels).
const SHORT: f32 = 0.85;
/// How far the pieces of a printed line cut by a superscript may exceed the measured column
/// and still be taken for one line: the font metrics are an estimate (Helvetica's widths for
/// whatever font the PDF used), off by up to about a tenth on a line.
const PRINTED_SLACK: f32 = 1.10;

/// A block before its text is built: a run of flow lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Proto<'a> {
    /// Index into the flow of the first and last line.
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// The list marker of an item.
    pub(crate) marker: Option<Marker<'a>>,
    /// Nesting depth of an item.
    pub(crate) depth: u8,
    /// Whether every line of the block is short for its column.
    pub(crate) all_short: bool,
    /// Whether the block is a line of a table of contents.
    pub(crate) contents: bool,
}

/// The text flow: the body lines in reading order and what is known about them.
pub(crate) struct Flow<'s, 'l> {
    pub(crate) src: &'s str,
    pub(crate) lines: &'l [Line],
    /// Indices into `lines` of the body lines.
    pub(crate) idx: Vec<usize>,
    /// Column width at each flow line, in average-letter units.
    pub(crate) widths: Vec<f32>,
    pub(crate) style: InputStyle,
    /// Sorted footnote labels of the document.
    pub(crate) labels: &'l [u32],
    /// Whether each flow line is a line of a table of contents (see [`contents_lines`]).
    pub(crate) contents: Vec<bool>,
    /// Whether each flow line is the rest of a printed line that a superscript cut (see
    /// [`Flow::continues_printed_line`]), and its printed width (see [`Flow::visual_width`]):
    /// computed once per line, as the state machine asks for them several times per line.
    continues: Vec<bool>,
    printed: Vec<f32>,
}

/// Which flow lines belong to a table of contents: a title followed by a page number
/// (`Agency Comments and Our Evaluation 40`, `Appendix I Scope and Methodology 43`) or dot
/// leaders, in a run of three or more such lines.
pub(crate) fn contents_lines(src: &str, lines: &[Line], idx: &[usize]) -> Vec<bool> {
    let candidate: Vec<bool> = idx
        .iter()
        .map(|&i| {
            let t = lines[i].text(src);
            if grammar::has_dot_leaders(t) {
                return true;
            }
            // A page number ends with a figure or a roman digit.
            if !t.bytes().next_back().is_some_and(|b| {
                b.is_ascii_digit() || matches!(b | 0x20, b'i' | b'v' | b'x' | b'l')
            }) {
                return false;
            }
            let Some((title, number)) = t.rsplit_once(' ') else {
                return false;
            };
            let is_page = (number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()))
                || grammar::roman_value(number).is_some();
            is_page
                && text::heading_like(title)
                && (text::title_case(title)
                    || (text::word_count(title) == 1 && text::starts_upper(title)))
        })
        .collect();
    let mut out = vec![false; idx.len()];
    let mut j = 0;
    while j < candidate.len() {
        if !candidate[j] {
            j += 1;
            continue;
        }
        let start = j;
        while j < candidate.len() && candidate[j] {
            j += 1;
        }
        if j - start >= 3 {
            out[start..j].iter_mut().for_each(|c| *c = true);
        }
    }
    out
}

/// A gap between two lines of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Blank,
    Page,
}

/// The printed width [`column_widths`] gives a line that is not prose (printed widths are
/// never negative).
const NOT_PROSE: f32 = -1.0;

/// The column width at each line of the flow.
///
/// A page can hold columns of several widths (body text, a sidebar box, indented quotations),
/// so the width is measured near each line: the second-widest prose line among the five lines
/// before and after it on its page, kept within 70%–110% of the page's own width (the 90th
/// percentile of its prose lines, or the document's when the page has few).
pub(crate) fn column_widths(src: &str, lines: &[Line], idx: &[usize], pages: u32) -> Vec<f32> {
    // A prose line: twelve characters or more, with at least two spaces between words. Its
    // printed width, or `NOT_PROSE` (a plain `f32` rather than an `Option`: the window loop
    // below then has no branch on it).
    let prose: Vec<f32> = idx
        .iter()
        .map(|&i| {
            let l = &lines[i];
            let t = l.text(src).as_bytes();
            let two_spaces = || t.iter().filter(|&&b| b == b' ').take(2).count() == 2;
            if l.width >= 12 && two_spaces() {
                l.vis
            } else {
                NOT_PROSE
            }
        })
        .collect();
    // The 90th percentile of `v` (a selection, not a sort: same value, linear time).
    let pct = |v: &mut [f32]| -> Option<f32> {
        if v.is_empty() {
            return None;
        }
        let k = (v.len() * COLUMN_PERCENTILE / 100).min(v.len() - 1);
        Some(*v.select_nth_unstable_by(k, f32::total_cmp).1)
    };
    let is_prose = |v: &&f32| **v >= 0.0;
    let mut buf: Vec<f32> = prose.iter().filter(is_prose).copied().collect();
    let global = pct(&mut buf).unwrap_or(60.0);
    // Flow lines come page by page: each page is a run of positions in `idx`.
    let mut out = Vec::with_capacity(idx.len());
    let mut run_start = 0;
    while run_start < idx.len() {
        let page = lines[idx[run_start]].page;
        let run_end = run_start
            + idx[run_start..]
                .iter()
                .position(|&i| lines[i].page != page)
                .unwrap_or(idx.len() - run_start);
        buf.clear();
        buf.extend(prose[run_start..run_end].iter().filter(is_prose));
        let page_w = if page < pages && buf.len() >= 10 {
            pct(&mut buf).unwrap_or(global)
        } else {
            global
        };
        each_window(&prose[run_start..run_end], |top| {
            let local = if top.count >= 3 { top.second } else { page_w };
            out.push(local.clamp(page_w * 0.7, page_w * 1.1));
        });
        run_start = run_end;
    }
    out
}

/// The number of prose lines in a window of lines and the two widest printed widths among
/// them (0 for each that is missing; of a multiset: two lines of the same width are the
/// widest two).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct TopTwo {
    first: f32,
    second: f32,
    count: usize,
}

impl TopTwo {
    /// Adds a line's width (or [`NOT_PROSE`], which changes nothing).
    fn add(&mut self, vis: f32) {
        // `NOT_PROSE` is below both (which start at 0) and is not counted.
        self.count += usize::from(vis >= 0.0);
        if vis > self.first {
            self.second = self.first;
            self.first = vis;
        } else if vis > self.second {
            self.second = vis;
        }
    }

    fn of(widths: &[f32]) -> TopTwo {
        let mut top = TopTwo::default();
        for &v in widths {
            top.add(v);
        }
        top
    }
}

/// Calls `f` with the [`TopTwo`] of the window around each line of a page's `run` of widths:
/// the [`LOCAL_WINDOW`] lines before and after it on the page, and itself.
///
/// The window slides: a line that leaves it narrower than the second widest changes nothing,
/// and only a line that leaves from the top two makes the window counted again. (Counting
/// each window afresh read eleven widths a line; callgrind, 1 MB of brief-like text: the
/// stage went from 12.5 M to 10.2 M instructions with this and the plain `f32` widths.)
fn each_window(run: &[f32], mut f: impl FnMut(TopTwo)) {
    let (mut lo, mut hi) = (0, 0);
    let mut top = TopTwo::default();
    for j in 0..run.len() {
        let (new_lo, new_hi) = (
            j.saturating_sub(LOCAL_WINDOW),
            (j + LOCAL_WINDOW + 1).min(run.len()),
        );
        let mut stale = false;
        for &v in &run[lo..new_lo] {
            if v >= 0.0 {
                top.count -= 1;
                stale |= v >= top.second;
            }
        }
        for &v in &run[hi..new_hi] {
            top.add(v);
        }
        (lo, hi) = (new_lo, new_hi);
        if stale {
            top = TopTwo::of(&run[lo..hi]);
        }
        f(top);
    }
}

impl<'s, 'l> Flow<'s, 'l> {
    /// The flow of the body lines `idx` of `lines`.
    pub(crate) fn new(
        src: &'s str,
        lines: &'l [Line],
        idx: Vec<usize>,
        widths: Vec<f32>,
        style: InputStyle,
        labels: &'l [u32],
        contents: Vec<bool>,
    ) -> Self {
        let mut flow = Flow {
            src,
            lines,
            idx,
            widths,
            style,
            labels,
            contents,
            continues: Vec::new(),
            printed: Vec::new(),
        };
        let n = flow.idx.len();
        let superscript: Vec<bool> = (0..n).map(|j| flow.ends_with_superscript(j)).collect();
        let continues: Vec<bool> = (0..n)
            .map(|j| flow.measure_continues(j, &superscript))
            .collect();
        flow.printed = (0..n)
            .map(|j| {
                if continues[j] {
                    flow.printed_before(j, &superscript)
                } else {
                    flow.line(j).vis
                }
            })
            .collect();
        flow.continues = continues;
        flow
    }

    fn line(&self, j: usize) -> &Line {
        &self.lines[self.idx[j]]
    }

    fn text(&self, j: usize) -> &'s str {
        self.lines[self.idx[j]].text(self.src)
    }

    fn width_of(&self, j: usize) -> f32 {
        self.widths.get(j).copied().unwrap_or(60.0)
    }

    fn gap(&self, j: usize) -> Gap {
        let (a, b) = (self.line(j - 1), self.line(j));
        if b.page != a.page || b.page_break_before {
            Gap::Page
        } else if b.blanks_before > 0 {
            Gap::Blank
        } else {
            Gap::None
        }
    }

    /// Whether line `j` ends with a footnote marker of the document (a superscript that made
    /// pdftotext end the line early).
    fn ends_with_marker(&self, j: usize) -> bool {
        self.text_sans_marker(j).len() < self.text(j).len()
    }

    /// Whether line `j` ends with something printed as a superscript, after which pdftotext
    /// ends the line even though the printed line goes on: a footnote marker, or the suffix of
    /// an ordinal (`the 107th` / `Congress`).
    fn ends_with_superscript(&self, j: usize) -> bool {
        // A marker is a number, an ordinal has one: a line without figures ends with neither.
        if !self.line(j).flags.any(Flags::DIGIT) {
            return false;
        }
        if self.ends_with_marker(j) {
            return true;
        }
        let t = self
            .text(j)
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        ["st", "nd", "rd", "th"].iter().any(|suffix| {
            t.strip_suffix(suffix)
                .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// Line `j` without a footnote marker glued to its end.
    fn text_sans_marker(&self, j: usize) -> &'s str {
        let t = self.text(j);
        if self.labels.is_empty() || !t.ends_with(|c: char| c.is_ascii_digit()) {
            return t;
        }
        let mut cut = t.len();
        crate::footnotes::glued_markers(t, |n, s, e| {
            if e == t.len() && self.labels.binary_search(&n).is_ok() {
                cut = s;
            }
        });
        &t[..cut]
    }

    /// Whether line `j` is the rest of a printed line that a superscript footnote marker cut
    /// (pdftotext ends the line after the superscript): the line before ends with a marker
    /// and both fit in the column together.
    fn continues_printed_line(&self, j: usize) -> bool {
        self.continues[j]
    }

    /// [`Flow::continues_printed_line`], computed from `superscript` (whether each line ends
    /// with a superscript).
    fn measure_continues(&self, j: usize, superscript: &[bool]) -> bool {
        j > 0
            && superscript[j - 1]
            && self.gap(j) == Gap::None
            && self.printed_before(j - 1, superscript) + 0.56 + self.line(j).vis
                <= self.width_of(j) * PRINTED_SLACK
            && !self.heading_after_note(j)
    }

    /// The printed width up to the end of line `j`: its own, plus the lines before it that it
    /// continues after superscripts (at most three).
    fn printed_before(&self, j: usize, superscript: &[bool]) -> f32 {
        let mut w = self.line(j).vis;
        let mut k = j;
        for _ in 0..3 {
            if k == 0 || !superscript[k - 1] || self.gap(k) != Gap::None {
                break;
            }
            let with = w + self.line(k - 1).vis + 0.56;
            if with > self.width_of(k) * PRINTED_SLACK {
                break;
            }
            w = with;
            k -= 1;
        }
        w
    }

    /// Whether line `j`, after a line that ends a sentence with a footnote marker, is a
    /// heading rather than the rest of that printed line: a short Title Case phrase without
    /// commas, followed by a line opening with a capital.
    fn heading_after_note(&self, j: usize) -> bool {
        let t = self.text(j);
        text::ends_sentence(self.text_sans_marker(j - 1))
            && text::heading_like(t)
            && text::title_case(t)
            && !t.contains(", ")
            && j + 1 < self.idx.len()
            && text::starts_upper(self.text(j + 1))
            // `(MSP), first established …` defines the words before it: no heading ends there.
            && !self.text(j + 1).starts_with(['(', '['])
    }

    /// Width of line `j` as printed: a line cut by a superscript joins the one before it.
    fn visual_width(&self, j: usize) -> f32 {
        self.printed[j]
    }

    /// Whether line `a` ended before the column did: line `b`'s first word would have fitted.
    fn ended_early(&self, a: usize, b: usize) -> bool {
        let next_word = self
            .text(b)
            .split_whitespace()
            .next()
            .map_or(0.0, crate::lines::visual_width);
        let need = self.visual_width(a) + 0.56 + next_word;
        need <= self.width_of(a) * FIT_SLACK
    }

    fn is_short(&self, j: usize) -> bool {
        self.visual_width(j) <= self.width_of(j) * SHORT
    }

    fn has_layout(&self) -> bool {
        matches!(self.style, InputStyle::Raw | InputStyle::Pdftotext)
    }

    /// Whether a heading on lines of its own starts at line `j`: one line, or two when the
    /// second continues the first in lower case (`How are biometric technologies being` /
    /// `used today?`). The heading is heading-like, short, ended early, and followed by a line
    /// opening with a capital.
    fn heading_line(&self, j: usize) -> bool {
        if !self.has_layout() {
            return false;
        }
        let count = self.idx.len();
        let first_text = self.text_sans_marker(j);
        let two = j + 2 < count
            && self.gap(j + 1) == Gap::None
            && text::starts_lower(self.text(j + 1))
            && self.is_short(j + 1);
        let last = if two { j + 1 } else { j };
        if last + 1 >= count || self.gap(last + 1) == Gap::Page {
            return false;
        }
        let next = self.text(last + 1);
        let whole = if two {
            let end = self.line(j + 1).start + self.text_sans_marker(j + 1).len();
            &self.src[self.line(j).start..end]
        } else {
            first_text
        };
        // Cheap tests first.
        self.is_short(j)
            && !whole.ends_with(':')
            && !self.continues_printed_line(j)
            && text::starts_upper(next)
            && text::heading_like(whole)
            && !text::has_words(whole, 15)
            // A long heading is set in Title Case; a long line in sentence case that ends
            // early is the first part of a line cut short (`… memorials outside` /
            // `Washington, DC.11`).
            && (!text::has_words(whole, 8) || text::title_case(whole))
            && grammar::list_marker(next).is_none()
            && self.ended_early(last, last + 1)
    }

    /// Whether lines `j - 1` and `j` are one heading wrapped over two lines (headings are set
    /// in a larger type, so they wrap before the column ends): both short Title Case phrases,
    /// the first opening its block, the second ending early before a line with a capital.
    fn wrapped_heading(&self, j: usize, block_len: usize) -> bool {
        let (a, b) = (self.text(j - 1), self.text(j));
        block_len == 1
            && self.gap(j) == Gap::None
            && text::heading_like(a)
            && text::heading_like(b)
            && text::title_case(a)
            && text::title_case(b)
            && !a.ends_with([':', '?', '!'])
            && text::word_count(a) + text::word_count(b) <= 14
            && self.heading_line(j)
    }
}

/// The blocks of the flow, with list markers recognised.
pub(crate) fn assemble<'s>(flow: &Flow<'s, '_>) -> Vec<Proto<'s>> {
    let n = flow.idx.len();
    let mut out: Vec<Proto<'s>> = Vec::new();
    if n == 0 {
        return out;
    }
    let symbols = symbol_bullets(flow);
    let mut list_top: Option<MarkerClass> = None;
    let mut last_ordinal: Option<u32> = None;
    let marker_at = |j: usize, list_top: Option<MarkerClass>, last_ordinal: Option<u32>| {
        marker_at(flow, j, &symbols, list_top.is_some(), last_ordinal)
    };
    let mut cur = Proto {
        first: 0,
        last: 0,
        marker: marker_at(0, None, None),
        depth: 0,
        all_short: true,
        contents: flow.contents.first().copied().unwrap_or(false),
    };
    if let Some(m) = cur.marker {
        list_top = Some(m.class);
        last_ordinal = m.ordinal;
    }
    for j in 1..n {
        let marker = marker_at(j, list_top, last_ordinal);
        if marker.is_some() || breaks(flow, j, &cur) {
            cur.all_short &= flow.is_short(cur.last) || cur.first == cur.last;
            out.push(cur);
            let depth = match (marker, list_top) {
                (Some(m), Some(top))
                    if m.class != top && out.last().is_some_and(|p| p.marker.is_some()) =>
                {
                    1
                }
                _ => 0,
            };
            if let Some(m) = marker {
                if depth == 0 {
                    list_top = Some(m.class);
                }
                last_ordinal = m.ordinal;
            } else {
                list_top = None;
                last_ordinal = None;
            }
            cur = Proto {
                first: j,
                last: j,
                marker,
                depth,
                all_short: true,
                contents: flow.contents[j],
            };
        } else {
            cur.all_short &= flow.is_short(j - 1) || j - 1 == cur.first && cur.marker.is_some();
            cur.last = j;
        }
    }
    cur.all_short &= flow.is_short(cur.last);
    out.push(cur);
    out
}

/// The symbol-font letters (`l`, `n`, `q`…) that open at least two lines before a capital:
/// only then are they bullets.
fn symbol_bullets<'s>(flow: &Flow<'s, '_>) -> Vec<&'s str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for j in 0..flow.idx.len() {
        let text = flow.text(j);
        if text.chars().next().is_some_and(grammar::is_symbol_letter)
            && let Some(m) = grammar::list_marker(text)
            && m.class == MarkerClass::SymbolLetter
            && text::starts_upper(&flow.text(j)[m.len..])
        {
            match counts.iter_mut().find(|(g, _)| *g == m.glyph) {
                Some((_, c)) => *c += 1,
                None => counts.push((m.glyph, 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .map(|(g, _)| g)
        .collect()
}

/// The list marker that opens flow line `j`, if it opens an item there: bullets always;
/// symbol letters the document uses as bullets; dashes after a sentence or a gap; numbers and
/// letters after a sentence or clause end, when they start a list, continue its sequence, or
/// follow a gap or a line that ended early.
fn marker_at<'s>(
    flow: &Flow<'s, '_>,
    j: usize,
    symbols: &[&str],
    in_list: bool,
    last_ordinal: Option<u32>,
) -> Option<Marker<'s>> {
    let line = flow.text(j);
    let m = grammar::list_marker(line)?;
    let rest = &line[m.len..];
    let gap = if j == 0 { Gap::Page } else { flow.gap(j) };
    let prev = if j == 0 {
        ""
    } else {
        flow.text_sans_marker(j - 1)
    };
    let prev_closes = j == 0
        || text::ends_sentence(prev)
        || text::ends_clause(prev)
        || prev.ends_with(" and")
        || prev.ends_with(" or");
    // A bullet before lower-case text right after a page break goes on with the item the
    // break cut (pdftotext repeats the glyph).
    let continued = gap == Gap::Page && text::starts_lower(rest) && !prev_closes;
    let ok = match m.class {
        MarkerClass::Bullet => !continued,
        MarkerClass::SymbolLetter => text::starts_upper(rest) && symbols.contains(&m.glyph),
        MarkerClass::Dash => !rest.is_empty() && (gap != Gap::None || prev_closes),
        MarkerClass::Digit | MarkerClass::Lower | MarkerClass::Upper | MarkerClass::Roman => {
            let in_sequence = in_list && last_ordinal.is_some_and(|o| m.ordinal == Some(o + 1));
            let first = m.ordinal == Some(1);
            prev_closes
                && (in_sequence || first || gap != Gap::None)
                && (gap != Gap::None
                    || !flow.has_layout()
                    || j == 0
                    || flow.ended_early(j - 1, j)
                    || in_sequence)
        }
    };
    ok.then_some(m)
}

/// Whether a new block starts at flow line `j` (no list marker there).
fn breaks(flow: &Flow<'_, '_>, j: usize, cur: &Proto<'_>) -> bool {
    let a = flow.text_sans_marker(j - 1);
    let b = flow.text(j);
    let gap = flow.gap(j);
    // A bullet alone on its line takes the next line as its text.
    if cur.marker.is_some() && cur.first == j - 1 && a.len() == cur.marker.map_or(0, |m| m.len) {
        return false;
    }
    if a.ends_with(['-', '\u{2010}', '\u{00AD}', '—', '–']) && !a.ends_with(" -") {
        return false;
    }
    if flow.continues_printed_line(j) {
        return false;
    }
    // An enumerated clause after a colon (`… stated the following:` / `(c) Effect of
    // Designation.—…`) opens a block even out of sequence: a quoted statute starts at `(c)`.
    if flow.has_layout()
        && text::ends_clause(a)
        && grammar::list_marker(b).is_some()
        && flow.ended_early(j - 1, j)
    {
        return true;
    }
    // A section sign goes on a citation (`16 U.S.C.` / `§ 1536(n)`); it opens no paragraph.
    if text::starts_lower(b) || b.starts_with('§') {
        return false;
    }
    // Contents lines (a title and a page number) stand alone.
    if grammar::has_dot_leaders(a)
        || grammar::has_dot_leaders(b)
        || flow.contents[j - 1]
        || flow.contents[j]
    {
        return true;
    }
    // Captions and the notes under figures and tables open blocks of their own; a source line
    // ends at its first sentence end.
    let opening = flow.text(cur.first);
    let source_line = opening.starts_with("Source:") || opening.starts_with("Sources:");
    if is_caption_start(b) || (source_line && text::ends_sentence(a)) {
        return true;
    }
    if flow.wrapped_heading(j, j - cur.first) {
        return false;
    }
    let sentence = text::ends_sentence(a) || text::ends_clause(a);
    // A heading on its own line after a full line: the heading line itself tells.
    if sentence && flow.heading_line(j) {
        return true;
    }
    let block_len = j - cur.first;
    // Whether the block so far is a heading (it may wrap: `… Elections Policies: Options` /
    // `and Considerations for Congress`); asked only where it decides.
    let heading = || {
        let so_far = &flow.src[flow.line(cur.first).start..flow.line(j - 1).end];
        block_len <= 2
            && text::starts_upper(b)
            && text::heading_like(so_far)
            && (!text::has_words(so_far, 8) || text::title_case(so_far))
    };
    match flow.style {
        InputStyle::BlankLines | InputStyle::Layout => {
            // A short heading on the first line of its block, right above its text (much
            // shorter than that line, and not the start of a run-in heading that wraps:
            // `An Expanding U.S.–Mexican` / `Agenda. The Mexican government`).
            let standalone = block_len == 1
                && gap == Gap::None
                && heading()
                && !text::has_words(a, 9)
                && !a.ends_with(':')
                && flow.line(j - 1).vis <= flow.line(j).vis * 0.6
                && !b
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with('.'));
            // A heading-like line alone between blank lines opens a block even after a line
            // that ends on an abbreviation (`… see also cf.` / blank / `Border Security` /
            // blank): what a blank line joins is the rest of a sentence, not a title.
            let alone = gap == Gap::Blank
                && (j + 1 >= flow.idx.len() || flow.gap(j + 1) != Gap::None)
                && text::starts_upper(b)
                && text::heading_like(b)
                && (!text::has_words(b, 8) || text::title_case(b));
            standalone || (gap != Gap::None && (sentence || alone || heading()))
        }
        InputStyle::Raw | InputStyle::Pdftotext => {
            if gap == Gap::Blank && (sentence || heading()) {
                return true;
            }
            if !flow.ended_early(j - 1, j) {
                return false;
            }
            // A list item ends where a short line ends early before a capital, with or
            // without a period (items in a list of names or citations often have none),
            // unless the line ends on a word that needs more (`demands that` / `Iran
            // dismantle …`) or is the item's title line (`(a) Comments Due Date` / `The FAA
            // must receive …`).
            let item_ends = cur.marker.is_some()
                && flow.is_short(j - 1)
                && !(block_len == 1 && text::title_case(a) && !text::has_words(a, 8))
                && text::starts_upper(b)
                && !a.ends_with([',', ';', '(', '—', '–'])
                && !text::ends_on_function_word(a);
            sentence
                || item_ends
                || (flow.is_short(j - 1) && heading())
                || flow.heading_line(j - 1)
                || label_line(flow, j - 1, a, b)
        }
    }
}

/// Whether `line` opens a caption or a note under a figure or table: `Figure 3.`, `Table 1:`,
/// `Source:`, `Sources:`, `Note:`, `Notes:`.
pub(crate) fn is_caption_start(line: &str) -> bool {
    for lead in ["Source:", "Sources:", "Note:", "Notes:"] {
        if line.starts_with(lead) {
            return true;
        }
    }
    for lead in ["Figure ", "Table ", "Exhibit ", "Chart "] {
        if let Some(rest) = line.strip_prefix(lead) {
            let num = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
            return num.len() < rest.len()
                && num.starts_with(['.', ':'])
                && rest[..rest.len() - num.len()]
                    .chars()
                    .any(|c| c.is_ascii_digit());
        }
    }
    false
}

/// Whether line `j` (text `a`) is a label on a line of its own — a date, a name, a caption —
/// rather than part of a sentence: at most half a column wide, not ending on a comma or a
/// function word, followed by a line opening with a capital.
fn label_line(flow: &Flow<'_, '_>, j: usize, a: &str, b: &str) -> bool {
    // A line cut by a superscript mid-sentence (`Transportation. The 117th` / `Congress’s …`)
    // is short because pdftotext ended it there, not because it is a label.
    let cut_mid_sentence = flow.ends_with_superscript(j) && !text::ends_sentence(a);
    !cut_mid_sentence
        && flow.visual_width(j) <= flow.width_of(j) * 0.5
        && text::starts_upper(b)
        && !a.ends_with([',', ';', '('])
        && !text::ends_on_function_word(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sliding_windows_count_as_fresh_ones(
            run in proptest::collection::vec(proptest::sample::select(vec![NOT_PROSE, 0.5, 20.0, 31.5, 40.0, 40.0, 41.25]), 0..40)
        ) {
            let mut slid = Vec::new();
            each_window(&run, |top| slid.push(top));
            let fresh: Vec<TopTwo> = (0..run.len())
                .map(|j| TopTwo::of(&run[j.saturating_sub(LOCAL_WINDOW)..(j + LOCAL_WINDOW + 1).min(run.len())]))
                .collect();
            proptest::prop_assert_eq!(slid, fresh);
        }
    }
    use crate::lines;

    fn blocks(src: &str, style: InputStyle) -> Vec<String> {
        blocks_with_notes(src, style, &[])
    }

    /// The blocks of `src` in a document whose footnotes are labelled `labels`.
    fn blocks_with_notes(src: &str, style: InputStyle, labels: &[u32]) -> Vec<String> {
        let l = lines::scan(src);
        let idx: Vec<usize> = (0..l.lines.len()).collect();
        let widths = column_widths(src, &l.lines, &idx, l.pages);
        let contents = contents_lines(src, &l.lines, &idx);
        let flow = Flow::new(src, &l.lines, idx, widths, style, labels, contents);
        assemble(&flow)
            .iter()
            .map(|p| {
                (p.first..=p.last)
                    .map(|j| flow.text(j))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn blank_lines_inside_sentences_are_column_breaks() {
        let src = "There is no easy answer. It\nis difficult to envision\n\n“operational control” of the\nterrain.\n\nUltimately, a second one.\n";
        assert_eq!(
            blocks(src, InputStyle::BlankLines),
            [
                "There is no easy answer. It is difficult to envision “operational control” of the terrain.",
                "Ultimately, a second one."
            ]
        );
    }

    #[test]
    fn a_title_alone_between_blank_lines_is_not_the_rest_of_a_sentence() {
        // A list of names without periods, then a title on its own: each name between blank
        // lines stands alone, while a blank line inside a sentence still joins its halves.
        let src = "Copies went to the Chief of Staff\nand the General Counsel\n\nOffice of Budget\n\nMore Copies and Information\n\nCall the office to get\n\nmore copies of this report.\n";
        assert_eq!(
            blocks(src, InputStyle::BlankLines),
            [
                "Copies went to the Chief of Staff and the General Counsel",
                "Office of Budget",
                "More Copies and Information",
                "Call the office to get more copies of this report."
            ]
        );
    }

    #[test]
    fn lines_that_end_early_close_paragraphs_in_raw_text() {
        let src = "The first paragraph runs across the whole column here\nand it ends on this short line.\nThe second paragraph also runs across the column\nuntil it ends.\nA Heading Line\nBody text that follows the heading runs on long\nto the end.\n";
        assert_eq!(
            blocks(src, InputStyle::Raw),
            [
                "The first paragraph runs across the whole column here and it ends on this short line.",
                "The second paragraph also runs across the column until it ends.",
                "A Heading Line",
                "Body text that follows the heading runs on long to the end."
            ]
        );
    }

    #[test]
    fn contents_lines_stand_alone() {
        let src = "Contents\nLetter 1\nResults in Brief 4\nAgency Comments and Our Evaluation 40\nAppendix I Scope and Methodology 43\nThe letter begins here and runs on.\n";
        let b = blocks(src, InputStyle::Raw);
        assert_eq!(
            b[1..5],
            [
                "Letter 1",
                "Results in Brief 4",
                "Agency Comments and Our Evaluation 40",
                "Appendix I Scope and Methodology 43"
            ]
        );
    }

    #[test]
    fn markers_open_items() {
        let src = "Do the following:\n\n■■ Develop a strategy. The\nplan should work.\n\n■■ Continue the work.\n";
        assert_eq!(
            blocks(src, InputStyle::BlankLines),
            [
                "Do the following:",
                "■■ Develop a strategy. The plan should work.",
                "■■ Continue the work."
            ]
        );
    }

    #[test]
    fn list_items_without_periods_end_at_a_short_line() {
        let src = "The sites that the law names are listed here, one to a line, by state:\n• Alpha Field National Site in Dayton, OH, which recognizes the historic role\nof this city park in the development of the game (P.L. 1-23)\n• Beta Ballpark National Site in Tampa, FL, where the first game was played\nin the first integrated game of the league (P.L. 4-56)\nOther kinds of partnerships between the agencies have also been set up. For\nexample, a law let a private group build a memorial on federal land in the\nstate.\n";
        let b = blocks(src, InputStyle::Raw);
        assert_eq!(b.len(), 4, "{b:#?}");
        assert!(b[2].ends_with("(P.L. 4-56)"), "{b:#?}");
        assert!(b[3].starts_with("Other kinds of partnerships"), "{b:#?}");
    }

    #[test]
    fn an_enumerated_clause_after_a_colon_opens_a_block() {
        let src = "Legislation that designates these memorials often says so in plain words, and\nthe statute that designated one memorial in a western state read in part as\nfollows, in its own words:\n(c) Effect of Designation.—The memorial designated by this section is not a\nunit of the park system, and no federal funds shall be used for it at all.\n";
        let b = blocks(src, InputStyle::Raw);
        assert_eq!(b.len(), 2, "{b:#?}");
        assert!(b[1].starts_with("(c) Effect of Designation."), "{b:#?}");
    }

    #[test]
    fn a_section_sign_continues_a_citation() {
        let src = "The government argued in its brief that the cases could be heard only in the\ncourts of appeals of the circuits where the parties sit under 16 U.S.C.\n§ 1536(n). The brief did not take a position on which circuit would be the\nright one for the cases that were filed in the district courts this year.\n";
        assert_eq!(blocks(src, InputStyle::Raw).len(), 1);
    }

    #[test]
    fn a_defined_acronym_after_a_footnote_is_no_heading() {
        let src = "The agency runs several programs to keep a fleet of ships that are owned by\nprivate firms, and the firms must make them available upon request by the\nSecretary in times of war or emergency.3\nUnder the Security Program\n(SP), first set up by an act of Congress, up to sixty cargo ships in foreign\ncommerce are eligible to receive a stipend from the agency every year.\n";
        let b = blocks_with_notes(src, InputStyle::Raw, &[3]);
        assert_eq!(b.len(), 1, "{b:#?}");
    }

    #[test]
    fn a_long_line_in_sentence_case_is_no_heading() {
        let src = "Memorials Outside the Capital\nNo single law or set of rules governs the building of memorials outside\nthe capital city.4 While many such works are built without federal help,\nCongress has also set up or recognized a great many memorials all over the\ncountry, and the executive branch has designated some of them as well.\n";
        let b = blocks_with_notes(src, InputStyle::Raw, &[4]);
        assert_eq!(b.len(), 2, "{b:#?}");
        assert!(b[1].starts_with("No single law"), "{b:#?}");
    }
}
