//! Measuring a parsed document against a reading of the same text made another way: the gold
//! Markdown that congress.gov publishes for CRS reports. Text in, figures out — this module
//! reads no files; `debrief eval` does that and prints the table.
//!
//! Four figures:
//! - **hyphens**: of the line-end hyphens in the input whose word the gold text shows either
//!   joined (`border`) or hyphenated (`cost-effective`), how many the parser decided the same;
//! - **paragraphs**: of the gold paragraphs of 30 words or more, how many one block reproduces
//!   (the longest common subsequence of their words covers at least 90% of both);
//! - **headings**: of the gold headings, how many a heading block reproduces;
//! - **furniture left**: lines that stand at a page edge on many pages (running headers and
//!   footers, page numbers), found here by a rule of its own, that lie inside a block without
//!   being recorded as an artifact. The rule: among the first and last three lines of each page,
//!   a line with letters that (numbers blotted out) stands on three pages or more and on a
//!   quarter of them, or a bare number at the very top or bottom of a page; the first page's
//!   title block is not counted. In a text without form feeds, a short line (eight words or
//!   fewer) that stands five times or more.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::{ArtifactKind, BlockKind, Document, Span};

/// Gold paragraphs shorter than this (in words) are not counted.
pub const MIN_PARAGRAPH_WORDS: usize = 30;
/// Share of the words a block must have in common with a gold paragraph, both ways.
pub const PARAGRAPH_OVERLAP: f64 = 0.9;

/// The reading the parser is measured against.
///
/// ```
/// let md = "---\n[Listen](https://x)Title\n\nTrade in Goods\n\nTrade in goods between the [United States](https://x) and Mexico has grown.\n";
/// let gold = debrief_parser::eval::Gold::from_congress_markdown(md);
/// assert_eq!(gold.headings, ["Trade in Goods"]);
/// assert_eq!(gold.paragraphs, ["Trade in goods between the United States and Mexico has grown."]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// Paragraphs, list items and footnotes, one string each, Markdown removed.
    pub paragraphs: Vec<String>,
    /// Headings (lines of their own, short, without a final period).
    pub headings: Vec<String>,
    /// All of the body text, lower case, Markdown removed, for looking words up.
    pub text: String,
}

/// Removes Markdown links (keeping their text), emphasis marks and table bars from a line.
fn clean_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            out.push('[');
            rest = after;
            continue;
        };
        let link_text = &after[..close];
        let url_part = &after[close + 2..];
        // The address may hold parentheses of its own, balanced or not; it holds no space,
        // so at a space it ends at the last `)` before it.
        let mut depth = 1usize;
        let mut end = url_part.len();
        let mut last_close = None;
        for (i, c) in url_part.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    last_close = Some(i + 1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                c if c.is_whitespace() => {
                    end = last_close.unwrap_or(i);
                    break;
                }
                _ => {}
            }
        }
        out.push_str(link_text);
        rest = &url_part[end..];
    }
    out.push_str(rest);
    out.replace("**", "")
        .replace('*', "")
        .replace(" _", " ")
        .replace("_ ", " ")
}

impl Gold {
    /// Reads a congress.gov Markdown rendering of a CRS report: the web-page chrome before the
    /// `[Listen]` line and the disclaimer after the text are skipped.
    pub fn from_congress_markdown(md: &str) -> Gold {
        let lines: Vec<&str> = md.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.starts_with("[Listen]"))
            .map_or(0, |p| p + 1);
        let end = lines
            .iter()
            .rposition(|l| l.trim_start().starts_with("Disclaimer:"))
            .filter(|&e| e > start)
            .unwrap_or(lines.len());
        let body = &lines[start..end];
        let mut gold = Gold::default();
        for (i, raw) in body.iter().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line == "---" || line.starts_with('#') {
                continue;
            }
            let prev_blank = i == 0 || body[i - 1].trim().is_empty();
            let next_blank = body.get(i + 1).is_none_or(|l| l.trim().is_empty());
            let next_text = body[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty());
            // Footnote rows: `| 12. | text`.
            if let Some(rest) = line.strip_prefix('|') {
                let cells: Vec<&str> = rest.split('|').map(str::trim).collect();
                if cells.len() >= 2
                    && cells[0]
                        .trim_end_matches('.')
                        .bytes()
                        .all(|b| b.is_ascii_digit())
                    && !cells[0].is_empty()
                {
                    gold.push_paragraph(&clean_markdown(&cells[1..].join(" ")));
                }
                continue;
            }
            let cleaned = clean_markdown(line);
            let item = cleaned.strip_prefix("- ").map(|s| {
                // `- 1. text`: the number is the list marker.
                let s = s.trim_start();
                match s.split_once(". ") {
                    Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => rest.to_owned(),
                    _ => s.to_owned(),
                }
            });
            if let Some(item) = item {
                gold.push_paragraph(&item);
                continue;
            }
            let words = cleaned.split_whitespace().count();
            let first = cleaned.chars().next().unwrap_or(' ');
            let excluded = ["Table ", "Figure ", "Source", "Note", "Notes:"]
                .iter()
                .any(|p| cleaned.starts_with(p));
            if prev_blank
                && next_blank
                && words < 15
                && first.is_uppercase()
                && !cleaned.trim_end().ends_with(['.', ',', ';', ':'])
                && !excluded
                && !next_text.is_some_and(|t| t.starts_with("- "))
            {
                gold.headings.push(cleaned.trim().to_owned());
                gold.push_text(&cleaned);
                continue;
            }
            gold.push_paragraph(&cleaned);
        }
        gold
    }

    fn push_text(&mut self, s: &str) {
        self.text.push_str(&s.to_lowercase());
        self.text.push('\n');
    }

    fn push_paragraph(&mut self, s: &str) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        self.push_text(s);
        self.paragraphs.push(s.to_owned());
    }
}

/// A share: how many of how many.
///
/// ```
/// let s = debrief_parser::eval::Score { hits: 9, total: 10 };
/// assert_eq!(s.percent(), Some(90.0));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// How many agreed.
    pub hits: usize,
    /// How many were compared.
    pub total: usize,
}

impl Score {
    /// The share in percent, or `None` when nothing was compared.
    #[allow(clippy::cast_precision_loss)]
    pub fn percent(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 * 100.0 / self.total as f64)
    }

    /// Adds `other` to `self`.
    ///
    /// ```
    /// use debrief_parser::eval::Score;
    /// let mut s = Score { hits: 1, total: 2 };
    /// s.add(Score { hits: 3, total: 3 });
    /// assert_eq!(s, Score { hits: 4, total: 5 });
    /// ```
    pub fn add(&mut self, other: Score) {
        self.hits += other.hits;
        self.total += other.total;
    }
}

/// What kind of mistake an evaluation found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeKind {
    /// A line-end hyphen decided against the gold text.
    Hyphen,
    /// A gold paragraph no block reproduces.
    Paragraph,
    /// A gold heading no heading block reproduces.
    Heading,
    /// A running header or footer left inside a block.
    Furniture,
}

/// One mistake, for reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mistake {
    /// What went wrong.
    pub kind: MistakeKind,
    /// What was expected (the gold word, paragraph opening, heading or furniture line).
    pub expected: String,
    /// What the parser gave instead (its word, or the opening of the closest block).
    pub found: String,
    /// Where in the input.
    pub span: Span,
}

/// The figures for one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Line-end hyphen decisions agreeing with the gold text.
    pub hyphens: Score,
    /// Gold paragraphs reproduced as exactly one block.
    pub paragraphs: Score,
    /// Gold headings found as heading blocks.
    pub headings: Score,
    /// Running headers and footers left inside blocks.
    pub furniture_left: usize,
    /// The mistakes behind the figures.
    pub mistakes: Vec<Mistake>,
}

/// Lower-case alphanumeric words of `s` (apostrophes dropped, every other mark a separator).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’') {
            // `Mexico’s` → `mexicos`
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Length of the longest common subsequence of `a` and `b`.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn opening(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Measures `doc` against `gold` (hyphens, paragraphs, headings) and its own input (furniture
/// left). Without gold only the furniture is measured.
///
/// ```
/// use debrief_parser::eval::{evaluate, Gold};
/// let src = "An effective bor-\nder policy.\n";
/// let doc = debrief_parser::parse(src);
/// let gold = Gold { text: "an effective border policy.\n".into(), ..Gold::default() };
/// let e = evaluate(&doc, Some(&gold));
/// assert_eq!((e.hyphens.hits, e.hyphens.total), (1, 1));
/// ```
pub fn evaluate(doc: &Document<'_>, gold: Option<&Gold>) -> Evaluation {
    let mut e = Evaluation::default();
    if let Some(gold) = gold {
        hyphens(doc, gold, &mut e);
        paragraphs(doc, gold, &mut e);
        headings(doc, gold, &mut e);
    }
    furniture(doc, &mut e);
    e
}

/// Whether `needle` occurs in `hay` as whole words.
fn count_words(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let mut n = 0;
    for (at, _) in hay.match_indices(needle) {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            n += 1;
        }
    }
    n
}

/// Input lines as (start, end without line ending) byte ranges.
fn input_lines(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in src.split_inclusive(['\n', '\x0c']) {
        let body = piece.trim_end_matches(['\n', '\r', '\x0c']);
        out.push((pos, pos + body.len()));
        pos += piece.len();
    }
    out
}

fn covered(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).is_some_and(|s| s.start <= at)
}

fn hyphens(doc: &Document<'_>, gold: &Gold, e: &mut Evaluation) {
    let src = doc.source();
    let joined: Vec<usize> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Hyphen)
        .map(|a| a.span.start)
        .collect();
    let mut artifact_spans: Vec<Span> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind != ArtifactKind::Hyphen && a.kind != ArtifactKind::FootnoteMarker)
        .map(|a| a.span)
        .collect();
    artifact_spans.sort();
    let lines = input_lines(src);
    for (k, &(start, end)) in lines.iter().enumerate() {
        let line = src[start..end].trim_end();
        let Some(before) = line.strip_suffix('-') else {
            continue;
        };
        if !before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let hyphen_at = start + before.len();
        let left: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // The next line of text that is not furniture.
        let Some(next) = lines[k + 1..]
            .iter()
            .map(|&(s, e)| (s, &src[s..e]))
            .find(|(s, t)| {
                let lead = t.len() - t.trim_start().len();
                !t.trim().is_empty() && !covered(&artifact_spans, s + lead)
            })
            .map(|(_, t)| t.trim_start())
        else {
            continue;
        };
        let right: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        if left.is_empty() || right.is_empty() {
            continue;
        }
        let (l, r) = (left.to_lowercase(), right.to_lowercase());
        let cj = count_words(&gold.text, &format!("{l}{r}"));
        let ch = count_words(&gold.text, &format!("{l}-{r}"));
        let gold_join = match (cj > 0, ch > 0) {
            (true, false) => true,
            (false, true) => false,
            _ => continue,
        };
        let parser_join = joined.binary_search(&hyphen_at).is_ok();
        e.hyphens.total += 1;
        if parser_join == gold_join {
            e.hyphens.hits += 1;
        } else {
            e.mistakes.push(Mistake {
                kind: MistakeKind::Hyphen,
                expected: if gold_join {
                    format!("{left}{right}")
                } else {
                    format!("{left}-{right}")
                },
                found: if parser_join {
                    format!("{left}{right}")
                } else {
                    format!("{left}-{right}")
                },
                span: Span::new(hyphen_at, hyphen_at + 1),
            });
        }
    }
}

fn paragraphs(doc: &Document<'_>, gold: &Gold, e: &mut Evaluation) {
    let block_tokens: Vec<Vec<String>> = doc.blocks.iter().map(|b| tokens(&b.text)).collect();
    // Which blocks hold each word, for finding candidates fast.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, toks) in block_tokens.iter().enumerate() {
        for t in toks {
            let v = index.entry(t.as_str()).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
    }
    for para in &gold.paragraphs {
        if para.split_whitespace().count() < MIN_PARAGRAPH_WORDS {
            continue;
        }
        let g = tokens(para);
        e.paragraphs.total += 1;
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for t in g.iter().filter(|t| t.len() >= 5) {
            if let Some(blocks) = index.get(t.as_str())
                && blocks.len() <= 20
            {
                for &b in blocks {
                    *votes.entry(b).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(usize, usize)> = votes.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut best: Option<(f64, usize)> = None;
        for &(b, _) in candidates.iter().take(4) {
            let common = lcs(&g, &block_tokens[b]);
            #[allow(clippy::cast_precision_loss)]
            let score = common as f64 / g.len().max(block_tokens[b].len()) as f64;
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, b));
            }
        }
        match best {
            Some((score, _)) if score >= PARAGRAPH_OVERLAP => e.paragraphs.hits += 1,
            _ => e.mistakes.push(Mistake {
                kind: MistakeKind::Paragraph,
                expected: opening(para),
                found: best.map_or_else(String::new, |(s, b)| {
                    format!("{:.0}% {}", s * 100.0, opening(&doc.blocks[b].text))
                }),
                span: best.map_or_else(Span::default, |(_, b)| doc.blocks[b].span),
            }),
        }
    }
}

fn headings(doc: &Document<'_>, gold: &Gold, e: &mut Evaluation) {
    let found: Vec<Vec<String>> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| tokens(&b.text))
        .collect();
    for h in &gold.headings {
        let g = tokens(h);
        if g.is_empty() {
            continue;
        }
        e.headings.total += 1;
        if found.contains(&g) {
            e.headings.hits += 1;
        } else {
            let closest = doc
                .blocks
                .iter()
                .find(|b| tokens(&b.text).starts_with(&g[..g.len().min(3)]));
            e.mistakes.push(Mistake {
                kind: MistakeKind::Heading,
                expected: h.clone(),
                found: closest.map_or_else(String::new, |b| {
                    format!("{:?}: {}", b.kind.name(), opening(&b.text))
                }),
                span: closest.map_or_else(Span::default, |b| b.span),
            });
        }
    }
}

/// A line with its digits blotted out and its letters in lower case, spaces collapsed.
fn line_key(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        '#'
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The evaluator's own rule for page furniture: among the first and last three lines of each
/// page, a line that (numbers blotted out) stands on at least three pages and on a quarter of
/// them, or a bare number at the very top or bottom of a page.
fn furniture_lines(src: &str) -> Vec<Span> {
    let mut pages: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    let mut pos = 0;
    for piece in src.split_inclusive(['\n', '\x0c']) {
        let body = piece.trim_end_matches(['\n', '\r', '\x0c']);
        let t = body.trim();
        if !t.is_empty() {
            let lead = body.len() - body.trim_start().len();
            if let Some(p) = pages.last_mut() {
                p.push((pos + lead, pos + lead + t.len()));
            }
        }
        pos += piece.len();
        if piece.ends_with('\x0c') {
            pages.push(Vec::new());
        }
    }
    if pages.len() == 1 {
        return pageless_furniture(src, &pages[0]);
    }
    if pages.len() < 3 {
        return Vec::new();
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    let edges = |p: &Vec<(usize, usize)>| -> Vec<(usize, usize)> {
        let n = p.len();
        let mut v: Vec<(usize, usize)> = p.iter().take(3).copied().collect();
        v.extend(p.iter().skip(3.max(n.saturating_sub(3))).copied());
        v
    };
    for p in &pages {
        let mut seen: Vec<String> = Vec::new();
        for (s, e) in edges(p) {
            let k = line_key(&src[s..e]);
            if !seen.contains(&k) {
                seen.push(k.clone());
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let need = (pages.len() / 4).max(3);
    let mut out = Vec::new();
    for (page_no, p) in pages.iter().enumerate() {
        for (i, (s, e)) in edges(p).into_iter().enumerate() {
            let t = &src[s..e];
            let bare_number = (i == 0 || i + 1 == edges(p).len())
                && t.len() <= 4
                && t.bytes().all(|b| b.is_ascii_digit());
            let has_letters = t.chars().any(char::is_alphabetic);
            // The first page's title block (below its first line) is not a running header.
            let title_block = page_no == 0 && i > 0 && i + 1 < edges(p).len();
            let recurs = |k: &str| counts.get(k).is_some_and(|&c| c >= need);
            if bare_number
                || (has_letters && !title_block && recurs(&line_key(t)))
                || (page_no > 0 && stamped(t, recurs))
            {
                out.push(Span::new(s, e));
            }
        }
    }
    out
}

/// Whether `t` is a recurring edge line with words added before its final number (a stamp on
/// one page: `Congressional Research Service R48903 · VERSION 3 · NEW 6` beside
/// `Congressional Research Service 5`): some prefix of two words or more, with `#` for the
/// number, recurs.
fn stamped(t: &str, recurs: impl Fn(&str) -> bool) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 3 || !words[words.len() - 1].bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    (2..words.len() - 1).any(|n| recurs(&line_key(&format!("{} #", words[..n].join(" ")))))
}

/// In a text without form feeds: short lines (eight words or fewer) that, numbers blotted
/// out, stand five times or more.
fn pageless_furniture(src: &str, lines: &[(usize, usize)]) -> Vec<Span> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &(s, e) in lines {
        *counts.entry(line_key(&src[s..e])).or_default() += 1;
    }
    lines
        .iter()
        .filter(|&&(s, e)| {
            let t = &src[s..e];
            t.split_whitespace().count() <= 8
                && t.chars().any(char::is_alphabetic)
                && counts.get(&line_key(t)).is_some_and(|&c| c >= 5)
        })
        .map(|&(s, e)| Span::new(s, e))
        .collect()
}

fn furniture(doc: &Document<'_>, e: &mut Evaluation) {
    let src = doc.source();
    let mut artifact_spans: Vec<Span> = doc.artifacts.iter().map(|a| a.span).collect();
    artifact_spans.sort();
    for line in furniture_lines(src) {
        if covered(&artifact_spans, line.start) {
            continue;
        }
        if doc.blocks.iter().any(|b| b.span.contains(line)) {
            e.furniture_left += 1;
            e.mistakes.push(Mistake {
                kind: MistakeKind::Furniture,
                expected: String::new(),
                found: src[line.range()].to_owned(),
                span: line,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn markdown_is_cleaned() {
        assert_eq!(
            clean_markdown(
                "the [United States](https://x.gov/a(b)) and **bold** _Federal Register_ text"
            ),
            "the United States and bold Federal Register text"
        );
        assert_eq!(
            clean_markdown(
                "[announced](https://x.gov/a#t=7(j) that the [rule](https://x.gov/b) holds"
            ),
            "announced that the rule holds"
        );
    }

    #[test]
    fn gold_reads_paragraphs_items_footnotes_and_headings() {
        let md = "chrome\n[Listen](u)Title\n\nIntro paragraph.\n\nA Heading\n\nText.\n\n- item one\n- 2. item two\n\n| 1. | A footnote. \n| a | b | c |\n\nIssues include\n\n- x\n                              Disclaimer:  \n tail";
        let g = Gold::from_congress_markdown(md);
        assert_eq!(g.headings, ["A Heading"]);
        assert_eq!(
            g.paragraphs,
            [
                "Intro paragraph.",
                "Text.",
                "item one",
                "item two",
                "A footnote.",
                "Issues include",
                "x"
            ]
        );
    }

    #[test]
    fn lcs_and_tokens() {
        assert_eq!(
            tokens("Mexico’s U.S.-Mexico trade"),
            ["mexicos", "u", "s", "mexico", "trade"]
        );
        let a = tokens("a b c d");
        let b = tokens("a c d e");
        assert_eq!(lcs(&a, &b), 3);
        assert_eq!(count_words("border policy; borders", "border"), 1);
    }

    #[test]
    fn a_stamped_footer_counts_as_furniture() {
        let mut src = String::new();
        for (page, word) in (1..=4).zip(["alpha", "beta", "gamma", "delta"]) {
            let footer = if page == 4 {
                "Research Office R1 · NEW 4".to_owned()
            } else {
                format!("Research Office {page}")
            };
            let _ = write!(src, "Body of {word} here\nMore {word} text\n{footer}\n\x0c");
        }
        let found: Vec<&str> = furniture_lines(&src)
            .iter()
            .map(|s| &src[s.range()])
            .collect();
        assert_eq!(
            found,
            [
                "Research Office 1",
                "Research Office 2",
                "Research Office 3",
                "Research Office R1 · NEW 4"
            ]
        );
    }

    #[test]
    fn furniture_left_inside_a_block_is_counted() {
        let mut src = String::new();
        for word in ["alpha", "beta", "gamma", "delta"] {
            let _ = write!(
                src,
                "Heading {word} stays\nBody line of {word} here\nFooter Title Line\n\x0c"
            );
        }
        let lines = furniture_lines(&src);
        assert_eq!(lines.len(), 4);
        assert_eq!(&src[lines[0].range()], "Footer Title Line");
    }
}
