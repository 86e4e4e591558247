//! Sentence segmentation tuned for policy prose.
//!
//! A rule-based segmenter in the tradition of the Pragmatic Segmenter and pySBD, written for the
//! text of briefs and reports: it keeps "U.S. Northern Command", "George W. Bush", "No. 2245",
//! "Sec. 3", "Dr. Smith", "e.g. Mexico", decimals, e-mail addresses, URLs, ellipses and quotes
//! after periods inside one sentence, and splits inline list items ("1. … 2. …", "• … • …").
//!
//! A period ends a sentence unless the word before it is an abbreviation, an initial or a dotted
//! acronym, or the next word starts in lower case. Abbreviations come in two kinds: *titles*
//! (`Mr.`, `Dr.`, `Gen.`, `Mt.`, `e.g.`) never end a sentence before a capitalised word; the
//! others (`Co.`, `Inc.`, `etc.`, `U.S.`, initials) end one only when the next word is a closed-
//! class word that typically opens a sentence (`The`, `It`, `How`, `However`…), so that "the U.S.
//! How about you?" splits and "the U.S. Government" does not.
//!
//! ```
//! use debrief_model::sentences;
//! let text = "U.S. Northern Command has assumed a role. See No. 2245, e.g. Sec. 3.";
//! let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
//! assert_eq!(parts, ["U.S. Northern Command has assumed a role.", "See No. 2245, e.g. Sec. 3."]);
//! ```

use std::ops::Range;

use std::sync::LazyLock;

use crate::text::WordSet;

/// Abbreviations that precede a name or a number and never end a sentence before a capitalised
/// word (lower case, no final period).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "approx", "brig", "capt", "cf", "cmdr", "col", "cpl", "dr", "e.g", "ft", "gen",
    "gov", "hon", "i.e", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "rev", "sen", "sgt", "st", "supt", "viz", "vs",
];

/// Abbreviations that may end a sentence: they end one only before a sentence-opening word.
/// Before a number they never do (`No. 2245`, `p. 55`, `Sec. 3`, `Jan. 23`).
const OTHER_ABBREVIATIONS: &[&str] = &[
    "al", "ala", "amend", "app", "apr", "ariz", "ark", "art", "arts", "assn", "assoc", "aug",
    "ave", "blvd", "bros", "calif", "ch", "chap", "cir", "cl", "co", "colo", "cong", "conn",
    "corp", "ct", "dec", "del", "dept", "div", "ed", "eds", "est", "et", "etc", "ex", "feb", "fed",
    "fig", "figs", "fla", "ga", "govt", "ill", "inc", "ind", "intl", "jan", "jr", "jul", "jun",
    "kan", "ky", "la", "ltd", "mar", "mass", "md", "mich", "minn", "miss", "mo", "mont", "natl",
    "neb", "nev", "no", "nos", "nov", "n°", "oct", "okla", "op", "ore", "p", "pa", "para", "paras",
    "pp", "pt", "pts", "rd", "ref", "reg", "sec", "secs", "sep", "sept", "sess", "sr", "stat",
    "subsec", "supp", "tenn", "tex", "univ", "va", "vol", "vols", "vt", "wash", "wis", "wyo",
];

/// The length in bytes of the longest abbreviation of [`TITLE_ABBREVIATIONS`] and
/// [`OTHER_ABBREVIATIONS`].
const MAX_ABBREVIATION: usize = 6;

/// Capitalised closed-class words that typically open a sentence (lower case). After an
/// abbreviation, an initial or a dotted acronym, a split happens only before one of these.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "according",
    "additionally",
    "after",
    "again",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "consequently",
    "currently",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "even",
    "every",
    "few",
    "finally",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "given",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "is",
    "it",
    "its",
    "likewise",
    "many",
    "meanwhile",
    "moreover",
    "most",
    "my",
    "neither",
    "nevertheless",
    "no",
    "nor",
    "not",
    "on",
    "one",
    "or",
    "other",
    "our",
    "overall",
    "second",
    "several",
    "she",
    "similarly",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "third",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "unlike",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
    "your",
];

/// The word lists as sets (ASCII case ignored).
struct WordSets {
    titles: WordSet,
    others: WordSet,
    openers: WordSet,
}

static WORD_SETS: LazyLock<WordSets> = LazyLock::new(|| WordSets {
    titles: WordSet::new(TITLE_ABBREVIATIONS.iter().copied(), true),
    others: WordSet::new(OTHER_ABBREVIATIONS.iter().copied(), true),
    openers: WordSet::new(SENTENCE_OPENERS.iter().copied(), true),
});

/// Characters that mark a list item or a bullet inside running text.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦' | '▪' | '■' | '●' | '⁃' | '‣' | '∙' | '□' | '○' | '➢' | '►' | '▶'
    )
}

/// Characters that may follow a terminator and still belong to its sentence.
fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»')
}

/// Characters that may open a word (stripped when the word is looked up).
fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«')
}

/// Splits `text` into sentences: the byte range of each, trimmed of surrounding whitespace, in
/// order. Empty or all-whitespace text has no sentences.
///
/// ```
/// let text = "I live in the U.S. How about you? I work for the U.S. Government.";
/// let parts: Vec<&str> = debrief_model::sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(parts, ["I live in the U.S.", "How about you?", "I work for the U.S. Government."]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_with(text, &mut Buffers::default())
}

/// The buffers of the segmenter, reused from text to text by [`sentences_with`].
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    cuts: Vec<usize>,
    marker_periods: Vec<usize>,
}

/// [`sentences`] with the segmenter's buffers given.
pub(crate) fn sentences_with(text: &str, buffers: &mut Buffers) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(text, buffers, &mut out);
    out
}

/// [`sentences_with`], the sentences appended to `out`.
pub(crate) fn sentences_into(text: &str, buffers: &mut Buffers, out: &mut Vec<Range<usize>>) {
    buffers.cuts.clear();
    buffers.marker_periods.clear();
    Segmenter {
        text,
        bytes: text.as_bytes(),
        cuts: &mut buffers.cuts,
        marker_periods: &mut buffers.marker_periods,
    }
    .cut();
    let cuts = &mut buffers.cuts;
    cuts.push(text.len());
    out.reserve(cuts.len());
    let mut start = 0;
    for &cut in cuts.iter() {
        if cut <= start {
            continue;
        }
        let piece = &text[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = cut;
    }
}

struct Segmenter<'a, 'b> {
    text: &'a str,
    bytes: &'a [u8],
    /// Offsets where a new sentence starts, in increasing order.
    cuts: &'b mut Vec<usize>,
    /// Periods that belong to a confirmed list marker (`1.`, `b.`): never a sentence end.
    marker_periods: &'b mut Vec<usize>,
}

impl Segmenter<'_, '_> {
    /// Finds the cuts (sorted, without repeats).
    fn cut(mut self) {
        self.list_markers();
        // Terminators, found with memchr; each handler returns where to look next.
        let mut i = 0;
        while let Some(k) = memchr::memchr3(b'.', b'?', b'!', &self.bytes[i..]) {
            let at = i + k;
            i = match self.bytes[at] {
                b'.' => self.period(at),
                _ => self.exclamation(at),
            };
        }
        // Bullets (and the ellipsis character, which never cuts) start with byte 0xE2.
        for at in memchr::memchr_iter(0xE2, self.bytes) {
            self.multibyte(at);
        }
        self.cuts.sort_unstable();
        self.cuts.dedup();
    }

    fn char_at(&self, i: usize) -> Option<char> {
        match self.bytes.get(i) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            _ => self.text.get(i..).and_then(|s| s.chars().next()),
        }
    }

    fn char_before(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).and_then(|k| self.bytes.get(k)) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            _ => self.text.get(..i).and_then(|s| s.chars().next_back()),
        }
    }

    /// Bullets (U+2022 and friends) and the ellipsis character start with byte 0xE2.
    fn multibyte(&mut self, i: usize) -> usize {
        let Some(c) = self.char_at(i) else {
            return i + 1;
        };
        if is_bullet(c) {
            let before_ws = self.char_before(i).is_none_or(char::is_whitespace);
            let prev_bullet = self.char_before(i).is_some_and(is_bullet);
            if i > 0 && before_ws && !prev_bullet {
                self.cuts.push(i);
            }
        }
        // U+2026 (…) is an ellipsis: it never ends a sentence on its own.
        i + c.len_utf8()
    }

    /// `?`, `!` and runs of them (`?!`, `!!`): a sentence end unless a lower-case word follows.
    fn exclamation(&mut self, i: usize) -> usize {
        let mut j = i;
        while j < self.bytes.len() && matches!(self.bytes[j], b'?' | b'!' | b'.') {
            j += 1;
        }
        let after = self.skip_closers(j);
        if self.ends_before_next(after) {
            self.cuts.push(after);
        }
        j
    }

    /// Skips closing quotes and brackets after a terminator.
    fn skip_closers(&self, mut j: usize) -> usize {
        while let Some(c) = self.char_at(j) {
            if is_closer(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        j
    }

    /// Whether a terminator whose sentence material ends at `after` ends the sentence: it is
    /// followed by whitespace and then by something other than a lower-case letter.
    fn ends_before_next(&self, after: usize) -> bool {
        if after >= self.bytes.len() {
            return false;
        }
        let Some(c) = self.char_at(after) else {
            return false;
        };
        if !c.is_whitespace() {
            return false;
        }
        match self.next_visible(after) {
            Some((_, c)) => !c.is_lowercase(),
            None => false,
        }
    }

    /// The first non-whitespace character at or after `from`.
    fn next_visible(&self, from: usize) -> Option<(usize, char)> {
        // ASCII whitespace byte by byte; anything else decoded.
        let mut at = from;
        while let Some(&b) = self.bytes.get(at) {
            if b >= 0x80 {
                return self
                    .text
                    .get(at..)?
                    .char_indices()
                    .find(|(_, c)| !c.is_whitespace())
                    .map(|(k, c)| (at + k, c));
            }
            if !b.is_ascii_whitespace() && b != 0x0b {
                return Some((at, char::from(b)));
            }
            at += 1;
        }
        None
    }

    /// The word starting at `at` (letters only), lower-cased.
    fn word_at(&self, at: usize) -> &str {
        let rest = self.text.get(at..).unwrap_or_default();
        let end = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(k, _)| k);
        &rest[..end]
    }

    /// Whether the word at `at` is a sentence opener ("The", "However").
    fn opener_at(&self, at: usize) -> bool {
        WORD_SETS.openers.contains(self.word_at(at))
    }

    /// Counts a spaced ellipsis (` . . .`) starting at `i` (which holds a space before a dot):
    /// returns the number of dots and the offset after the last one.
    fn spaced_dots(&self, mut i: usize) -> (usize, usize) {
        let mut dots = 0;
        let mut end = i;
        while i + 1 < self.bytes.len() && self.bytes[i] == b' ' && self.bytes[i + 1] == b'.' {
            dots += 1;
            i += 2;
            end = i;
        }
        (dots, end)
    }

    fn period(&mut self, i: usize) -> usize {
        let len = self.bytes.len();
        // A run of attached dots: `...`, `....`.
        let mut run_end = i;
        while run_end < len && self.bytes[run_end] == b'.' {
            run_end += 1;
        }
        let run = run_end - i;
        let attached = i > 0 && !self.bytes[i - 1].is_ascii_whitespace();
        if run == 1 && !attached && self.spaced_dots(run_end).0 >= 2 {
            // A spaced ellipsis ". . ." (3 dots: never an end) or ". . . ." (4: an end before a
            // capital).
            let (more, end) = self.spaced_dots(run_end);
            let after = self.skip_closers(end);
            if more + 1 >= 4 && self.ends_before_next(after) {
                self.cuts.push(after);
            }
            return end;
        }
        if run == 1 && attached {
            let (dots, end) = self.spaced_dots(run_end);
            if dots >= 3 {
                // "word. . . . The": the period ends the sentence and the ellipsis opens the
                // next one (when a capital follows it).
                let after = self.skip_closers(end);
                if self.ends_before_next(after) {
                    self.cuts.push(run_end);
                }
                return end;
            }
        }
        if run >= 2 {
            let after = self.skip_closers(run_end);
            if run >= 4 && self.ends_before_next(after) {
                self.cuts.push(after);
            }
            return run_end;
        }
        if self.marker_periods.binary_search(&i).is_ok() {
            return i + 1;
        }
        // A footnote number glued after the period: "works.34 If".
        let mut after = self.skip_closers(i + 1);
        if self.char_before(i).is_some_and(char::is_alphabetic) {
            let digits = self.bytes[after..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if (1..=3).contains(&digits)
                && self
                    .bytes
                    .get(after + digits)
                    .is_some_and(u8::is_ascii_whitespace)
            {
                after += digits;
            }
        }
        if !self.ends_before_next(after) {
            return i + 1;
        }
        let Some((next_at, next)) = self.next_visible(after) else {
            return i + 1;
        };
        if self.period_ends_sentence(i, next_at, next) {
            self.cuts.push(after);
        }
        i + 1
    }

    /// Decides a single period at `i` followed (after whitespace) by `next` at `next_at`, which
    /// is not a lower-case letter.
    fn period_ends_sentence(&self, i: usize, next_at: usize, next: char) -> bool {
        // Most periods end a plain word (ASCII letters and digits after whitespace), longer than
        // any abbreviation: decided without reading the token as text.
        let plain = self.bytes[..i]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if plain > MAX_ABBREVIATION
            && (plain == i || self.bytes[i - plain - 1].is_ascii_whitespace())
        {
            return true;
        }
        // The token ends at the period and starts after the last whitespace before it.
        let mut token_start = i;
        while let Some(c) = self.char_before(token_start)
            && !c.is_whitespace()
        {
            token_start -= c.len_utf8();
        }
        let token = self.text[token_start..i].trim_start_matches(is_opener);
        if token.is_empty() {
            return true;
        }
        // In a compound the last part decides: "Mexico-U.S. Border" holds the acronym "U.S.".
        let token = match token.rsplit(['-', '–', '—', '/']).next() {
            Some(last) if !last.is_empty() => last,
            _ => token,
        };
        // Most periods end an ordinary word: longer than any abbreviation and without inner
        // periods (a quick test that spares the look-ups below for them).
        if token.len() > MAX_ABBREVIATION && token.is_ascii() && !token.contains('.') {
            return true;
        }
        let opener = || self.opener_at(next_at);
        if WORD_SETS.titles.contains(token) {
            return false;
        }
        let dotted = is_dotted_acronym(token);
        if dotted || WORD_SETS.others.contains(token) {
            return !next.is_ascii_digit() && next != '§' && opener();
        }
        let mut chars = token.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_uppercase()
        {
            // A single capital: an initial after a capitalised word ("George W. Bush"), a
            // pronoun or a letter after a lower-case one ("you and I. Did").
            let prev_word_capitalised = self.text[..token_start]
                .split_whitespace()
                .next_back()
                .and_then(|w| w.trim_start_matches(is_opener).chars().next())
                .is_some_and(char::is_uppercase);
            if next.is_ascii_digit() {
                return false;
            }
            return !prev_word_capitalised || opener();
        }
        true
    }

    /// Finds inline list markers ("1. … 2. …", "1) … 2) …", "a. … b. …") that form a
    /// consecutive sequence; cuts before each one after the first and marks their periods.
    fn list_markers(&mut self) {
        let mut found: Vec<(usize, u32, u8, usize)> = Vec::new(); // (start, ordinal, style, period)
        let bytes = self.bytes;
        // A marker ends in "." or ")": look back from each for 1–2 digits or one lower-case
        // letter that starts a token.
        let mut last_start = usize::MAX;
        for j in memchr::memchr2_iter(b'.', b')', bytes) {
            if j == 0 {
                continue;
            }
            let mut s = j;
            while s > 0 && j - s < 2 && bytes[s - 1].is_ascii_digit() {
                s -= 1;
            }
            if s == j {
                if bytes[j - 1].is_ascii_lowercase() {
                    s = j - 1;
                } else {
                    continue;
                }
            } else if s > 0 && bytes[s - 1].is_ascii_digit() {
                continue; // three or more digits: a number, not a marker
            }
            let starts_token = s == 0
                || bytes[s - 1].is_ascii_whitespace()
                || (bytes[s - 1] >= 0x80 && self.char_before(s).is_some_and(is_bullet));
            if !starts_token || s == last_start {
                continue;
            }
            if let Some((ordinal, style, period, _)) = marker_at(bytes, s) {
                found.push((s, ordinal, style, period));
                last_start = s;
            }
        }
        let confirmed = |k: usize| -> bool {
            let (_, n, style, _) = found[k];
            found[..k]
                .iter()
                .any(|&(_, m, s, _)| s == style && m + 1 == n)
                || found[k + 1..]
                    .iter()
                    .any(|&(_, m, s, _)| s == style && m == n + 1)
        };
        for (k, &(start, _, _, period)) in found.iter().enumerate() {
            if !confirmed(k) {
                continue;
            }
            if period != usize::MAX {
                self.marker_periods.push(period);
            }
            // Cut before the marker (or before its bullet glyph, which cuts by itself).
            let before_bullet = self.text[..start]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(is_bullet);
            if start > 0 && !before_bullet {
                self.cuts.push(start);
            }
        }
        self.marker_periods.sort_unstable();
    }
}

/// A list marker at `i`: 1–2 digits or one lower-case letter, then `.`, `.)` or `)`, then a
/// space. Returns (ordinal, style, offset of its period or `usize::MAX`, end).
fn marker_at(bytes: &[u8], i: usize) -> Option<(u32, u8, usize, usize)> {
    let mut j = i;
    let mut ordinal: u32 = 0;
    while j < bytes.len() && j - i < 2 && bytes[j].is_ascii_digit() {
        ordinal = ordinal * 10 + u32::from(bytes[j] - b'0');
        j += 1;
    }
    let numeric = j > i;
    if !numeric {
        if bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
            ordinal = u32::from(bytes[i] - b'a') + 1;
            j = i + 1;
        } else {
            return None;
        }
    }
    let (style, period, end) = match (bytes.get(j), bytes.get(j + 1)) {
        (Some(b'.'), Some(b')')) => (1u8, j, j + 2),
        (Some(b')'), _) => (2u8, usize::MAX, j + 1),
        (Some(b'.'), _) => (3u8, j, j + 1),
        _ => return None,
    };
    let style = if numeric { style } else { style + 10 };
    if bytes.get(end) != Some(&b' ') {
        return None;
    }
    Some((ordinal, style, period, end))
}

/// `U.S`, `E.U`, `a.m`, `Ph.D`, `U.S.C`: letters in dot-separated groups of at most three.
fn is_dotted_acronym(token: &str) -> bool {
    token.contains('.')
        && token
            .split('.')
            .all(|part| (1..=3).contains(&part.len()) && part.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::sentences;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn policy_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Under Presidents George W. Bush and Barack Obama, the U.S. has developed tools. U.S. Northern Command has assumed a role.",
                &[
                    "Under Presidents George W. Bush and Barack Obama, the U.S. has developed tools.",
                    "U.S. Northern Command has assumed a role.",
                ],
            ),
            (
                "See H.R. 3268 and S. 1677. Public Law No. 107-296 applies.",
                &[
                    "See H.R. 3268 and S. 1677.",
                    "Public Law No. 107-296 applies.",
                ],
            ),
            (
                "Dr. Smith testified (Sec. 3 of the act). It passed.",
                &["Dr. Smith testified (Sec. 3 of the act).", "It passed."],
            ),
            (
                "Agencies (e.g. DHS and DOJ) shared data, i.e. records. Costs rose 2.5 percent.",
                &[
                    "Agencies (e.g. DHS and DOJ) shared data, i.e. records.",
                    "Costs rose 2.5 percent.",
                ],
            ),
            (
                "The memorial was completed.34 If Congress wished to act, it could.",
                &[
                    "The memorial was completed.34",
                    "If Congress wished to act, it could.",
                ],
            ),
            (
                "The office is in Washington, D.C. The report was issued Sept. 9, 2005.",
                &[
                    "The office is in Washington, D.C.",
                    "The report was issued Sept. 9, 2005.",
                ],
            ),
            (
                "GAO examined (1) challenges, (2) mechanisms, and (3) strategies. It found gaps.",
                &[
                    "GAO examined (1) challenges, (2) mechanisms, and (3) strategies.",
                    "It found gaps.",
                ],
            ),
            (
                "The “secure” border? There is no easy answer.",
                &["The “secure” border?", "There is no easy answer."],
            ),
            (
                "■■ Develop a strategy. The Administration should act. ■■ Continue modernization.",
                &[
                    "■■ Develop a strategy.",
                    "The Administration should act.",
                    "■■ Continue modernization.",
                ],
            ),
            (
                "See 40 U.S.C. §8903 for details. Fig. 2 shows it.",
                &["See 40 U.S.C. §8903 for details.", "Fig. 2 shows it."],
            ),
            (
                "The Mexico-U.S. Border Commission met. Congress-U.S. Congress relations.",
                &[
                    "The Mexico-U.S. Border Commission met.",
                    "Congress-U.S. Congress relations.",
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "{text}");
        }
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_quick_test_allows() {
        for list in [super::TITLE_ABBREVIATIONS, super::OTHER_ABBREVIATIONS] {
            for a in list {
                assert!(a.len() <= super::MAX_ABBREVIATION, "{a}");
            }
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            super::TITLE_ABBREVIATIONS,
            super::OTHER_ABBREVIATIONS,
            super::SENTENCE_OPENERS,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(list, sorted.as_slice());
        }
    }

    #[test]
    fn spans_are_trimmed_and_ordered() {
        let text = "  One.   Two!  ";
        assert_eq!(sentences(text), vec![2..6, 9..13]);
        assert!(sentences("   ").is_empty());
        assert!(sentences("").is_empty());
    }
}
