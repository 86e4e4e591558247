//! Stage 3: page furniture — running headers and footers, page numbers, mastheads — decided
//! with evidence across pages.
//!
//! A line at the top or bottom of a page is a running header or footer when the same line,
//! with its numbers blotted out, stands at a page edge on several pages. Page numbers alone on
//! a line count when their values rise with the pages. A web address or a bare report number
//! at a page edge is furniture even when it appears once (the first page's footer). The first
//! page's title is not taken for the running header that repeats it, unless it stands at the
//! very edge of the page.

use std::collections::HashMap;

use crate::ArtifactKind;
use crate::grammar;
use crate::hash::{self, HashedMap};
use crate::lines::Line;

/// How many lines at the top and at the bottom of a page may be furniture. Furniture runs
/// from the page's edge inward without a gap.
const EDGE: usize = 8;

/// The recurrence keys of a line: the line lower-cased, every number (arabic or roman) blotted
/// out to `#`, spaces collapsed (`Page iii GAO-07-283 Peak` → `page # gao-##-### peak`), and
/// the loose form with the numbers dropped instead (`congressional research service`). Each is
/// kept as a hash of its words (see `hash.rs`), computed in one pass without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    strict: u64,
    loose: u64,
    /// Whether the strict and the loose key have no word at all.
    strict_empty: bool,
    loose_empty: bool,
    /// Whether the strict key blots out a number (`#`).
    numbered: bool,
}

impl Key {
    /// The key of a line: the same words as [`Key::of_any`] finds (split at whitespace,
    /// trimmed of `|`, `·`, `•`, `-` and `–`), read in one pass over the bytes with one table
    /// lookup per ASCII byte ([`KEY_BYTE`]) that hashes each word and tells whether it is a
    /// number; only non-ASCII characters are decoded. (Callgrind, 1 MB of brief-like text:
    /// 1,850 instructions a line when each word was trimmed, hashed and classed in passes of
    /// its own and lines with a non-ASCII character took the general path, about 890 now.)
    fn of(text: &str) -> Key {
        let bytes = text.as_bytes();
        let mut key = Key::EMPTY;
        // The word being read; where it started (its first byte not trimmed) and where the
        // run of trimmed characters that may end it started.
        let mut word = WordKey::new();
        let mut start = usize::MAX;
        let mut trim_from = usize::MAX;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (info, len) = if b < 0x80 {
                (KEY_BYTE[usize::from(b)], 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                let info = if c.is_whitespace() {
                    KEY_SPACE
                } else if matches!(c, '·' | '•' | '–') {
                    KEY_TRIM
                } else {
                    KEY_WIDE
                };
                (info, c.len_utf8())
            };
            if info & KEY_SPACE != 0 {
                if start != usize::MAX {
                    word.finish(&mut key, text, start..trim_from.min(i));
                    word = WordKey::new();
                    start = usize::MAX;
                }
                trim_from = usize::MAX;
                i += len;
                continue;
            }
            if info & KEY_TRIM != 0 {
                trim_from = trim_from.min(i);
                i += len;
                continue;
            }
            if start == usize::MAX {
                start = i;
            } else if trim_from != usize::MAX {
                // Trimmed characters inside a word belong to it.
                for c in text[trim_from..i].chars() {
                    word.add_char(c);
                }
            }
            trim_from = usize::MAX;
            if info & KEY_WIDE != 0 {
                word.add_char(text[i..].chars().next().unwrap_or(' '));
                i += len;
                continue;
            }
            // The plain ASCII bytes that follow, in a tight loop (most of a line).
            word.add(info);
            i += 1;
            while let Some(&b) = bytes.get(i) {
                let info = KEY_BYTE[usize::from(b)];
                if info & (KEY_SPACE | KEY_TRIM | KEY_WIDE) != 0 {
                    break;
                }
                word.add(info);
                i += 1;
            }
        }
        if start != usize::MAX {
            word.finish(&mut key, text, start..trim_from.min(text.len()));
        }
        key
    }

    /// A key with no word yet.
    const EMPTY: Key = Key {
        strict: hash::FNV_BASIS,
        loose: hash::FNV_BASIS,
        strict_empty: true,
        loose_empty: true,
        numbered: false,
    };

    /// Adds a word to the key: a number (`None`), or a word whose normalised form hashes to
    /// `h` and which may hold digits.
    fn add_word(&mut self, h: Option<u64>, digits: bool) {
        self.strict_empty = false;
        match h {
            None => {
                self.numbered = true;
                self.strict = hash::mix(self.strict, hash::fnv_byte(hash::FNV_BASIS, b'#'));
            }
            Some(h) => {
                self.numbered |= digits;
                self.strict = hash::mix(self.strict, h);
                self.loose = hash::mix(self.loose, h);
                self.loose_empty = false;
            }
        }
    }

    /// The key of any line, written plainly: what [`Key::of`] computes (the tests compare
    /// them).
    #[cfg(test)]
    fn of_any(text: &str) -> Key {
        let mut key = Key::EMPTY;
        for word in text.split_whitespace() {
            let w = word.trim_matches(|c: char| matches!(c, '|' | '·' | '•' | '-' | '–'));
            if w.is_empty() {
                continue;
            }
            let is_num = w.bytes().all(|b| b.is_ascii_digit() || b == b',')
                || grammar::roman_value(w).is_some();
            if is_num {
                key.add_word(None, true);
                continue;
            }
            let mut h = hash::FNV_BASIS;
            for c in w.chars() {
                if c.is_ascii_digit() {
                    h = hash::fnv_byte(h, b'#');
                } else if c.is_ascii() {
                    h = hash::fnv_byte(h, c.to_ascii_lowercase() as u8);
                } else {
                    for l in c.to_lowercase() {
                        h = hash::fnv_char(h, l);
                    }
                }
            }
            key.add_word(Some(h), w.bytes().any(|b| b.is_ascii_digit()));
        }
        key
    }
}

/// What [`Key::of`] needs to know of a byte: the byte it hashes as (a digit
/// as `#`, a letter in lower case) in the low 8 bits, and its classes above.
const KEY_BYTE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut c: u8 = 0;
    loop {
        let mut info = if c.is_ascii_digit() {
            b'#' as u16 | KEY_DIGIT | KEY_FIGURE
        } else {
            c.to_ascii_lowercase() as u16
        };
        if c == b',' {
            info |= KEY_FIGURE;
        }
        if matches!(c | 0x20, b'i' | b'v' | b'x' | b'l') {
            info |= KEY_ROMAN;
        }
        if c == b' ' {
            info |= KEY_SPACE;
        } else if c == b'|' || c == b'-' {
            info |= KEY_TRIM;
        } else if c >= 0x09 && c <= 0x0D {
            // The ASCII whitespace controls separate words too.
            info |= KEY_SPACE;
        } else if c >= 0x80 {
            // A byte of a non-ASCII character: decoded, not looked up.
            info |= KEY_WIDE;
        }
        t[c as usize] = info;
        if c == u8::MAX {
            break;
        }
        c += 1;
    }
    t
};
/// Class bits of [`KEY_BYTE`].
const KEY_DIGIT: u16 = 1 << 8;
const KEY_FIGURE: u16 = 1 << 9;
const KEY_ROMAN: u16 = 1 << 10;
const KEY_SPACE: u16 = 1 << 11;
const KEY_TRIM: u16 = 1 << 12;
/// A non-ASCII character that is neither whitespace nor trimmed (not in the table: decoded).
const KEY_WIDE: u16 = 1 << 13;

/// One word of a line being read into a [`Key`].
struct WordKey {
    hash: u64,
    /// The classes every byte had (`AND`) and that some byte had (`OR`).
    all: u16,
    any: u16,
}

impl WordKey {
    fn new() -> Self {
        WordKey {
            hash: hash::FNV_BASIS,
            all: u16::MAX,
            any: 0,
        }
    }

    fn add(&mut self, info: u16) {
        // The low byte of `info` is the byte as hashed (`as u8` keeps exactly it).
        self.hash = hash::fnv_byte(self.hash, info.to_le_bytes()[0]);
        self.all &= info;
        self.any |= info;
    }

    /// Adds a character that is neither an ASCII digit nor a roman one.
    fn add_char(&mut self, c: char) {
        if c.is_ascii() {
            self.add(KEY_BYTE[c as usize]);
            return;
        }
        for l in c.to_lowercase() {
            self.hash = hash::fnv_char(self.hash, l);
        }
        self.all = 0;
    }

    /// Adds the word `text[range]` to `key`.
    fn finish(&self, key: &mut Key, text: &str, range: std::ops::Range<usize>) {
        // `roman_value` is asked only of words made of roman digits (and the word is cut out of
        // the line only then).
        let is_num = self.all & KEY_FIGURE != 0
            || (self.all & KEY_ROMAN != 0
                && text.get(range).and_then(grammar::roman_value).is_some());
        key.add_word((!is_num).then_some(self.hash), self.any & KEY_DIGIT != 0);
    }
}

/// A web address or e-mail alone on a line.
fn is_address(text: &str) -> bool {
    let t = text.trim();
    let dot = memchr::memchr(b'.', t.as_bytes()).is_some();
    !t.contains(' ')
        && (t.starts_with("http://")
            || t.starts_with("https://")
            || (dot && t.starts_with("www."))
            || (dot
                && [".gov", ".org", ".com", ".edu", ".mil", ".int"]
                    .iter()
                    .any(|tld| {
                        t.ends_with(tld)
                            || t.match_indices(tld)
                                .any(|(i, _)| t[i + tld.len()..].starts_with('/'))
                    })))
}

/// A report number alone on a line: `GAO-07-283`, `R45741`, `LSB11421`, `OIG-13-97` (not a
/// formula or a short code: `UF6`, `CO2`).
fn is_report_number(text: &str) -> bool {
    let t = text.trim();
    // The length first: it turns away most lines without reading them.
    (5..=20).contains(&t.len())
        && !t.contains(' ')
        && t.chars().filter(char::is_ascii_digit).count() >= 3
        && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// Finds the page boundaries of a text that lost its form feeds (a `-layout` extraction saved
/// without them): a line that recurs with a number rising from one occurrence to the next
/// (`www.oig.dhs.gov   2   OIG-13-97`), or a recurring web address, anchors a boundary, which
/// takes in the recurring lines next to it (`OFFICE OF INSPECTOR GENERAL`). The lines after
/// each boundary start a new page. Returns the number of pages and the keys of the boundary
/// lines (every line with one of these keys is furniture, wherever it stands).
pub(crate) fn virtual_pages(src: &str, lines: &mut [Line]) -> (u32, Vec<u64>) {
    if lines.len() < 40 {
        return (1, Vec::new());
    }
    let keys: Vec<Key> = lines.iter().map(|l| Key::of(l.text(src))).collect();
    let mut counts: HashedMap<usize> = HashedMap::default();
    for k in &keys {
        *counts.entry(k.strict).or_default() += 1;
    }
    let recurring = |i: usize| {
        let t = lines[i].text(src);
        counts.get(&keys[i].strict).copied().unwrap_or(0) >= 3
            && text_words(t) <= 10
            && !t.ends_with(['.', ',', ';'])
    };
    // Anchors: recurring lines whose numbers rise, or recurring addresses.
    let mut numbers: HashedMap<Vec<(usize, i64)>> = HashedMap::default();
    for (i, k) in keys.iter().enumerate() {
        if k.numbered && recurring(i) {
            let n: String = lines[i]
                .text(src)
                .split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
                .collect();
            if let Ok(v) = n.parse::<i64>() {
                numbers.entry(k.strict).or_default().push((i, v));
            }
        }
    }
    let mut anchor = vec![false; lines.len()];
    for occ in numbers.values() {
        let rising = occ.windows(2).filter(|w| w[1].1 > w[0].1).count();
        if occ.len() >= 3 && rising * 4 >= (occ.len() - 1) * 3 {
            for &(i, _) in occ {
                anchor[i] = true;
            }
        }
    }
    for i in 0..lines.len() {
        if recurring(i) && is_address(lines[i].text(src)) {
            anchor[i] = true;
        }
    }
    if !anchor.contains(&true) {
        return (1, Vec::new());
    }
    // Each anchor with the recurring lines around it is a boundary; a page starts after it.
    let mut boundary_end: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !anchor[i] {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < lines.len() && end < i + 4 && (recurring(end + 1) || anchor[end + 1]) {
            end += 1;
        }
        boundary_end.push(end);
        i = end + 1;
    }
    let mut boundary_keys: Vec<u64> = Vec::new();
    let mut start = 0;
    for &e in &boundary_end {
        for i in (start..=e).rev().take_while(|&i| anchor[i] || recurring(i)) {
            if !boundary_keys.contains(&keys[i].strict) {
                boundary_keys.push(keys[i].strict);
            }
        }
        start = e + 1;
    }
    let mut page = 0u32;
    let mut next = boundary_end.iter().peekable();
    for (k, line) in lines.iter_mut().enumerate() {
        line.page = page;
        if next.peek().is_some_and(|&&e| e == k) {
            next.next();
            page += 1;
        }
    }
    for &e in &boundary_end {
        if let Some(l) = lines.get_mut(e + 1) {
            l.page_break_before = true;
        }
    }
    (lines.last().map_or(1, |l| l.page + 1), boundary_keys)
}

/// Marks as furniture every line whose key is one of `keys` (the boundary lines of a text
/// whose pages were found by [`virtual_pages`]).
pub(crate) fn mark_keys(src: &str, lines: &[Line], keys: &[u64], out: &mut [Option<ArtifactKind>]) {
    if keys.is_empty() {
        return;
    }
    for (i, line) in lines.iter().enumerate() {
        if out[i].is_none() && keys.contains(&Key::of(line.text(src)).strict) {
            out[i] = Some(ArtifactKind::RunningHeader);
        }
    }
}

/// The pages a key was seen on at an edge: how many, and the last one.
#[derive(Default)]
struct PagesSeen {
    count: u32,
    last: Option<u32>,
}

impl PagesSeen {
    fn see(&mut self, page: u32) {
        if self.last != Some(page) {
            self.last = Some(page);
            self.count += 1;
        }
    }
}

fn text_words(t: &str) -> usize {
    t.split_whitespace().count()
}

/// Whether `text` is a running line with a stamp added before its page number, as on a
/// report's last page (`Congressional Research Service R48903 · VERSION 3 · NEW 6` where the
/// other pages read `Congressional Research Service 5`): it ends with a number, and the words
/// before some later word — two at least — form a line that `recurs` (given its loose key).
fn stamped_running_line(text: &str, recurs: impl Fn(u64) -> bool) -> bool {
    let Some(last) = text.split_whitespace().next_back() else {
        return false;
    };
    if !last.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut words = 0;
    for (pos, c) in text.char_indices() {
        if c != ' ' || pos == 0 || text.as_bytes()[pos - 1] == b' ' {
            continue;
        }
        words += 1;
        let key = Key::of(&text[..pos]);
        if words >= 2 && !key.loose_empty && recurs(key.loose) {
            return true;
        }
    }
    false
}

/// Which lines are furniture, and of what kind (`None` for text). `lines` are all the input's
/// non-blank lines, `pages` how many pages there are.
#[allow(clippy::too_many_lines)] // the steps share their tables; split, they would pass six arguments
pub(crate) fn detect(src: &str, lines: &[Line], pages: u32) -> Vec<Option<ArtifactKind>> {
    let mut out = vec![None; lines.len()];
    if pages < 2 || lines.is_empty() {
        return out;
    }
    // Lines of each page, as index ranges.
    let mut page_ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(pages as usize);
    let mut start = 0;
    for i in 1..=lines.len() {
        if i == lines.len() || lines[i].page != lines[start].page {
            page_ranges.push(start..i);
            start = i;
        }
    }
    // Edge lines with their keys, page by page: the top zone from the top down, then the
    // bottom zone from the bottom up (`edge_base[p]` is where page `p`'s start).
    let mut edges: Vec<(usize, Key)> = Vec::new();
    let mut edge_base: Vec<usize> = Vec::with_capacity(page_ranges.len());
    for r in &page_ranges {
        edge_base.push(edges.len());
        let n = r.len();
        let zone = EDGE.min(n.div_ceil(2));
        let top = (0..zone).map(|k| r.start + k);
        let bottom = (0..zone.min(n - zone)).map(|k| r.end - 1 - k);
        edges.extend(top.chain(bottom).map(|i| (i, Key::of(lines[i].text(src)))));
    }
    // On how many pages each key stands at an edge (edges come page by page, so a page is
    // counted once when it was not the last one seen).
    let mut strict: HashedMap<PagesSeen> = HashedMap::default();
    let mut loose: HashedMap<PagesSeen> = HashedMap::default();
    for &(i, key) in &edges {
        let page = lines[i].page;
        if !key.strict_empty {
            strict.entry(key.strict).or_default().see(page);
        }
        if !key.loose_empty {
            loose.entry(key.loose).or_default().see(page);
        }
    }
    let need = (pages as usize / 4).max(2);
    let recurring = |seen: Option<&PagesSeen>| seen.is_some_and(|p| p.count as usize >= need);
    // Page numbers: bare numbers whose value minus the page index recurs.
    let mut offsets: HashMap<i64, u32> = HashMap::new();
    let bare_number = |text: &str| -> Option<i64> {
        let t = text.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
        let t = t
            .strip_prefix("Page ")
            .or_else(|| t.strip_prefix("page "))
            .unwrap_or(t);
        let t = t.split(" of ").next().unwrap_or(t).trim();
        t.parse::<i64>()
            .ok()
            .or_else(|| grammar::roman_value(t).map(i64::from))
    };
    for &(i, _) in &edges {
        let text = lines[i].text(src);
        if grammar::is_page_number(text)
            && let Some(v) = bare_number(text)
        {
            *offsets.entry(v - i64::from(lines[i].page)).or_default() += 1;
        }
    }
    let classify = |i: usize, key: Key, top: bool, k: usize| -> Option<ArtifactKind> {
        let line = &lines[i];
        let text = line.text(src);
        let first_page = line.page == 0;
        if grammar::is_page_number(text) {
            let roman = text.chars().all(|c| c.is_ascii_alphabetic());
            let explicit = text.to_ascii_lowercase().starts_with("page");
            let rising = bare_number(text).is_some_and(|v| {
                offsets
                    .get(&(v - i64::from(line.page)))
                    .copied()
                    .unwrap_or(0)
                    >= 2
            });
            return (roman || explicit || rising).then_some(ArtifactKind::PageNumber);
        }
        if is_address(text) || (is_report_number(text) && (!first_page || !top)) {
            return Some(ArtifactKind::Other);
        }
        // A product stamp led by the report number (`IN12678 · VERSION 4 · UPDATED`).
        let first_word = text.split_whitespace().next().unwrap_or("");
        if k <= 2 && !first_page && first_word.len() < text.len() && is_report_number(first_word) {
            return Some(ArtifactKind::Other);
        }
        let recurs = (!key.strict_empty && recurring(strict.get(&key.strict)))
            || (!key.loose_empty && recurring(loose.get(&key.loose)))
            || (k <= 2 && !first_page && stamped_running_line(text, |h| recurring(loose.get(&h))));
        // The first page's title often repeats as the running header: keep it there.
        (recurs && !(first_page && top && k > 0)).then_some(if top {
            ArtifactKind::RunningHeader
        } else {
            ArtifactKind::RunningFooter
        })
    };
    // From each edge inward; up to two text lines may come between furniture lines near the
    // edge (side headings that pdftotext put first), none farther in.
    let mut scan = |zone: &[(usize, Key)], top: bool| {
        let mut gaps = 0;
        for (k, &(i, key)) in zone.iter().enumerate() {
            if let Some(kind) = classify(i, key, top, k) {
                out[i] = Some(kind);
            } else {
                gaps += 1;
                if gaps > 2 || k >= 3 {
                    break;
                }
            }
        }
    };
    for (r, &base) in page_ranges.iter().zip(&edge_base) {
        let zone = EDGE.min(r.len().div_ceil(2));
        let bottom = zone.min(r.len() - zone);
        scan(&edges[base..base + zone], true);
        scan(&edges[base + zone..base + zone + bottom], false);
    }
    // A report number at the bottom of the first page goes with the footer above it.
    for r in &page_ranges {
        for i in r.clone().rev().take(EDGE) {
            if out[i].is_none()
                && is_report_number(lines[i].text(src))
                && i + 1 < r.end
                && out[i + 1].is_some()
            {
                out[i] = Some(ArtifactKind::Other);
            }
        }
        // Furniture is contiguous with the page edge: a text line between the edge and a
        // furniture line is furniture only if it is itself recognised (no gaps filled).
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;
    use std::fmt::Write as _;

    fn kinds(src: &str) -> Vec<(String, Option<ArtifactKind>)> {
        let l = lines::scan(src);
        let k = detect(src, &l.lines, l.pages);
        l.lines
            .iter()
            .zip(k)
            .map(|(line, k)| (line.text(src).to_owned(), k))
            .collect()
    }

    #[test]
    fn running_footers_with_page_numbers() {
        let mut src = String::new();
        for (p, word) in ["One", "Two", "Three", "Four"].iter().enumerate() {
            let _ = write!(
                src,
                "{word} starts the page.\nThe {word} text goes on.\nPage {} GAO-07-283 Peak Oil\n\x0c",
                p + 1
            );
        }
        let k = kinds(&src);
        assert_eq!(k[2].1, Some(ArtifactKind::RunningFooter));
        assert_eq!(k[11].1, Some(ArtifactKind::RunningFooter));
        assert_eq!(k[0].1, None);
        assert_eq!(k[1].1, None);
    }

    #[test]
    fn a_running_footer_with_a_stamp_is_still_furniture() {
        let mut src = String::new();
        for (p, word) in ["One", "Two", "Three", "Four", "Five"].iter().enumerate() {
            let footer = if p == 4 {
                format!("Research Office Report R12345 · VERSION 2 · NEW {}", p + 1)
            } else {
                format!("Research Office Report {}", p + 1)
            };
            let _ = write!(
                src,
                "{word} starts the page.\nThe {word} text goes on.\n{footer}\n\x0c"
            );
        }
        let k = kinds(&src);
        assert_eq!(k[14].0, "Research Office Report R12345 · VERSION 2 · NEW 5");
        assert_eq!(k[14].1, Some(ArtifactKind::RunningFooter));
        assert_eq!(k[13].1, None);
        // Only with the page number at its end, and only when the words before recur.
        assert!(!stamped_running_line(
            "Research Office Report R12345 · NEW",
            |_| true
        ));
        assert!(!stamped_running_line("Research findings differ 5", |h| h
            == Key::of("Research Office Report").loose));
        assert!(stamped_running_line(
            "Research Office Report R1 · NEW 5",
            |h| h == Key::of("Research Office Report").loose
        ));
    }

    #[test]
    fn bare_page_numbers_must_rise_with_the_pages() {
        let src = "Text one.\nMore.\n1\n\x0cText two.\nMore.\n2\n\x0cText three.\n7\nA note.\n";
        let k = kinds(src);
        assert_eq!(k[2].1, Some(ArtifactKind::PageNumber));
        assert_eq!(k[5].1, Some(ArtifactKind::PageNumber));
        assert_eq!(k[7].1, None, "a footnote label, not a page number");
    }

    #[test]
    fn first_page_title_is_kept() {
        let src = "https://crsreports.congress.gov\nUpdated April 16, 2026\nTrade Relations\nBody starts here.\nAnd goes on.\n\x0cTrade Relations\nhttps://crsreports.congress.gov\nBody two.\nMore text.\n\x0cTrade Relations\nhttps://crsreports.congress.gov\nBody three.\nEnd.\n";
        let k = kinds(src);
        assert_eq!(k[0].1, Some(ArtifactKind::Other));
        assert_eq!(k[2].1, None, "the title on the first page stays");
        assert_eq!(k[5].1, Some(ArtifactKind::RunningHeader));
        assert_eq!(k[6].1, Some(ArtifactKind::Other));
    }

    #[test]
    fn pages_are_found_in_text_without_form_feeds() {
        let mut src = String::from("Cover Title\n\n");
        for (p, word) in ["alpha", "beta", "gamma", "delta", "epsilon"]
            .iter()
            .enumerate()
        {
            for k in 0..8 {
                let _ = writeln!(src, "   The {word} report says thing number {k} here.");
            }
            let _ = write!(
                src,
                "\n\nwww.example.gov        {}        OIG-13-97\n   OFFICE OF INSPECTOR GENERAL\n\n",
                p + 1
            );
        }
        let mut l = lines::scan(&src);
        assert_eq!(l.pages, 1);
        let (pages, keys) = virtual_pages(&src, &mut l.lines);
        assert_eq!(pages, 5, "five footers end five pages");
        assert!(keys.contains(&Key::of("OFFICE OF INSPECTOR GENERAL").strict));
        let mut f = detect(&src, &l.lines, pages);
        mark_keys(&src, &l.lines, &keys, &mut f);
        let furniture: Vec<&str> = l
            .lines
            .iter()
            .zip(&f)
            .filter(|(_, k)| k.is_some())
            .map(|(line, _)| line.text(&src))
            .collect();
        assert_eq!(furniture.len(), 10, "{furniture:?}");
        assert!(
            furniture
                .iter()
                .all(|t| t.starts_with("www.") || t.starts_with("OFFICE"))
        );
    }

    #[test]
    fn report_numbers() {
        for yes in ["GAO-07-283", "R45741", "LSB11421", "OIG-13-97", "IN12678"] {
            assert!(is_report_number(yes), "{yes}");
        }
        for no in ["UF6", "CO2", "H.R.", "FY2025a", "Section 7"] {
            assert!(!is_report_number(no), "{no}");
        }
    }

    #[test]
    fn keys_blot_out_numbers() {
        let k = |t: &str| Key::of(t);
        // `page # gao-##-### peak`
        assert_eq!(
            k("Page iii GAO-07-283 Peak").strict,
            k("page 12 gao-13-123 PEAK").strict
        );
        assert_ne!(
            k("Page iii GAO-07-283 Peak").strict,
            k("Page iii GAO-07-283").strict
        );
        assert!(k("Page 3").numbered && !k("Peak Oil").numbered);
        // Loose keys drop the numbers: `congressional research service`.
        assert_eq!(
            k("Congressional Research Service 2").loose,
            k("Congressional  Research Service").loose
        );
        assert_ne!(
            k("Congressional Research Service 2").strict,
            k("Congressional Research Service").strict
        );
        assert!(k("12").loose_empty && !k("12").strict_empty);
        assert!(k("| · |").strict_empty);
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_key_agrees_with_the_plain_one_on_any_line(
            line in "[ a-zA-Z0-9ivxlIVXL,.|\\-\t·•–—’\u{2003}\u{212A}É\x01]{0,40}"
        ) {
            proptest::prop_assert_eq!(Key::of(&line), Key::of_any(&line));
        }
    }

    #[test]
    fn the_one_pass_key_agrees_with_the_plain_one() {
        for line in [
            "Page iii GAO-07-283 Peak",
            "  Congressional  Research Service | 12 ",
            "-- | --",
            "CRS-4 xiv 1,234 civil MIX lx",
            "",
            "www.oig.dhs.gov   2   OIG-13-97",
            "|a-b-| --x-- ,, 1,2 -|- XIV- -iv",
            "U.S.–Mexico · Partnership • 12 –iv– a–·b Ünïcode\u{2003}KELVIN\u{212A}",
            "tab\tsep\x0bvt \x01ctl\x7f",
        ] {
            assert_eq!(Key::of(line), Key::of_any(line), "{line:?}");
        }
    }
}
