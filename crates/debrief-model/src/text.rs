//! Words and small text helpers shared by the extractors.
//!
//! A [`Token`] is a word (letters and digits, with inner `.`, `-`, `'`, `’`, `&` or `/` between
//! word characters, and the final period of a dotted acronym such as `U.S.`) or a single
//! punctuation character. Tokens are byte ranges of the text they were read from; nothing is
//! copied.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, MatchKind, StartKind};

/// A word or a punctuation character: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether the token is a word (letters or digits) rather than punctuation.
    pub(crate) word: bool,
}

impl Token {
    pub(crate) fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub(crate) fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '\'' | '’' | '&' | '/' | '‑')
}

/// [`BYTE_CLASS`] of an ASCII letter or digit.
const WORD: u8 = 1;
/// [`BYTE_CLASS`] of ASCII punctuation and control characters other than whitespace.
const PUNCT: u8 = 0;
/// [`BYTE_CLASS`] of ASCII whitespace (what `char::is_whitespace` accepts in ASCII).
const SPACE: u8 = 2;
/// [`BYTE_CLASS`] of a byte of a character outside ASCII.
const OTHER: u8 = 3;

/// The class of each byte: one table look-up, where `u8::is_ascii_alphanumeric` compiles to
/// three range tests and `char::is_whitespace` to more (the word walks below cost about half
/// the instructions with the table).
static BYTE_CLASS: [u8; 256] = {
    let mut table = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation, reason = "b < 256")]
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            OTHER
        } else if byte.is_ascii_alphanumeric() {
            WORD
        } else if byte == b' ' || (byte >= 9 && byte <= 13) {
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    table
};

/// The character at byte `i` of `text` and its width.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Whether the character at byte `i` of `text` is a word character.
#[inline]
fn word_char_at(text: &str, i: usize) -> bool {
    match BYTE_CLASS[usize::from(text.as_bytes()[i])] {
        WORD => true,
        OTHER => is_word_char(char_at(text, i).0),
        _ => false,
    }
}

/// Splits `text` into tokens. Whitespace separates tokens and is not a token.
///
/// A byte loop with a fast path for ASCII; characters outside ASCII are decoded where they
/// occur.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let width = match BYTE_CLASS[usize::from(bytes[i])] {
            SPACE => {
                i += 1;
                continue;
            }
            WORD => 1,
            PUNCT => {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    word: false,
                });
                i += 1;
                continue;
            }
            _ => {
                let (ch, width) = char_at(text, i);
                if ch.is_whitespace() {
                    i += width;
                    continue;
                }
                if !is_word_char(ch) {
                    out.push(Token {
                        start: i,
                        end: i + width,
                        word: false,
                    });
                    i += width;
                    continue;
                }
                width
            }
        };
        let start = i;
        let mut end = i + width;
        while end < bytes.len() {
            let b = bytes[end];
            // Fast path: a run of ASCII letters and digits.
            if BYTE_CLASS[usize::from(b)] == WORD {
                end += 1;
                continue;
            }
            let (next, next_width) = char_at(text, end);
            if b >= 0x80 && is_word_char(next) {
                end += next_width;
            } else if next == ','
                && bytes[end - 1].is_ascii_digit()
                && bytes.len() >= end + 4
                && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
                && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
            {
                // A thousands separator: "2,000".
                end += 1;
            } else if is_inner_joiner(next)
                && end + next_width < bytes.len()
                && word_char_at(text, end + next_width)
            {
                // A joiner counts only when a word character follows it.
                end += next_width;
            } else {
                break;
            }
        }
        // The final period of a dotted acronym (U.S., D.C., U.S.C.).
        if bytes.get(end) == Some(&b'.') && is_dotted(&text[start..end]) {
            end += 1;
        }
        out.push(Token {
            start,
            end,
            word: true,
        });
        i = end;
    }
    out
}

/// `U.S`, `D.C`, `a.m`: one- or two-letter groups joined by periods.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(char::is_alphabetic))
}

/// Whether the word starts with an upper-case letter (or is a dotted acronym like `U.S.`).
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether every letter of the word is upper case and it has at least two letters.
pub(crate) fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// A lower-case, hyphen-separated slug of `name` for ids (`Secretary of Energy` →
/// `secretary-of-energy`).
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '.' && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether the byte ranges of `a` and `b` overlap.
pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether the characters around `range` in `text` are not word characters (a whole-word match).
/// A name glued to a code by a hyphen ("GAO-06-1046") is not a whole word.
pub(crate) fn whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let mut after = text[range.end..].chars();
    let next = after.next();
    let code = next == Some('-') && after.next().is_some_and(|c| c.is_ascii_digit());
    !before.is_some_and(is_word_char) && !next.is_some_and(is_word_char) && !code
}

/// Where the words of `text` start: every alphanumeric character that does not follow one.
///
/// [`WordAutomaton::matches`] tries only these positions, so a block's word starts are found
/// once and shared by every automaton that reads the block.
pub(crate) fn word_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    // Tight loops over ASCII, one between words and one inside a word; a character outside
    // ASCII is decoded where it occurs.
    let mut i = 0;
    loop {
        while i < n && matches!(BYTE_CLASS[usize::from(bytes[i])], PUNCT | SPACE) {
            i += 1;
        }
        if i >= n {
            break;
        }
        if bytes[i] >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        out.push(i);
        loop {
            while i < n && BYTE_CLASS[usize::from(bytes[i])] == WORD {
                i += 1;
            }
            if i < n && bytes[i] >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            break;
        }
    }
    out
}

/// Words and phrases matched as whole words, leftmost-longest (see [`WordAutomaton::matches`]).
///
/// A match can only start where a word starts, so only word starts are tried: a look-up of the
/// word's first two bytes in a table of the patterns' first two bytes, then, for the few that
/// pass, one anchored walk of a DFA that stops at the first byte no pattern continues with. An
/// unanchored scan instead reads every byte and restarts after each match inside a word ("oil"
/// in "toil", "the Fed" in "the Federal"): on the corpus, the four automata of extraction cost
/// about 105 instructions per byte of text that way, and about 15 this way.
#[derive(Debug, Clone)]
pub(crate) struct WordAutomaton {
    dfa: aho_corasick::dfa::DFA,
    /// The DFA's anchored start state.
    start: StateID,
    /// Bit `256 * a + b` is set when some pattern starts with the bytes `a b` (any `b` for a
    /// one-byte pattern).
    pairs: Box<[u64; 1024]>,
    /// Whether every pattern starts with a word character, so that only word starts can match
    /// (else every character boundary is tried).
    word_initial: bool,
}

impl WordAutomaton {
    /// An automaton for `patterns` (ignoring ASCII case when `case_insensitive`); `None` when
    /// it cannot be built (too many states).
    pub(crate) fn new<I, P>(patterns: I, case_insensitive: bool) -> Option<WordAutomaton>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let patterns: Vec<P> = patterns.into_iter().collect();
        let word_initial = patterns
            .iter()
            .all(|p| p.as_ref().chars().next().is_some_and(is_word_char));
        let dfa = aho_corasick::dfa::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(case_insensitive)
            .prefilter(false)
            .build(patterns.iter().map(|p| p.as_ref().as_bytes()))
            .ok()?;
        let start = dfa.start_state(Anchored::Yes).ok()?;
        let mut pairs = Box::new([0u64; 1024]);
        let cases = |b: u8| -> [u8; 2] {
            if case_insensitive {
                [b.to_ascii_lowercase(), b.to_ascii_uppercase()]
            } else {
                [b, b]
            }
        };
        for p in &patterns {
            let bytes = p.as_ref().as_bytes();
            let Some(&first) = bytes.first() else {
                continue;
            };
            for a in cases(first) {
                let seconds: Vec<u8> = match bytes.get(1) {
                    Some(&second) => cases(second).to_vec(),
                    None => (0..=255).collect(),
                };
                for b in seconds {
                    let bit = usize::from(a) << 8 | usize::from(b);
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        Some(WordAutomaton {
            dfa,
            start,
            pairs,
            word_initial,
        })
    }

    /// Whether some pattern starts with the first two bytes at `at` (a pattern of one byte with
    /// the first).
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let second = bytes.get(at + 1).copied().unwrap_or(0);
        let bit = usize::from(bytes[at]) << 8 | usize::from(second);
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The longest pattern that matches `bytes` at `at`: (pattern, end).
    fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let mut found = None;
        let mut i = at;
        while i < bytes.len() {
            sid = dfa.next_state(Anchored::Yes, sid, bytes[i]);
            i += 1;
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    let pattern = dfa.match_pattern(sid, 0);
                    // A match state may carry a pattern that started later (see
                    // aho-corasick's `try_find_fwd`): only one that starts here counts.
                    if i - dfa.pattern_len(pattern) == at {
                        found = Some((pattern.as_usize(), i));
                    }
                }
            }
        }
        found
    }

    /// The whole-word matches in `text`, leftmost-longest and without overlaps; `starts` are
    /// the text's [`word_starts`]. A pattern for which `prefix(pattern)` is true matches the
    /// start of a word and extends to its end ("immigra*" → "immigrants"). A match that is not
    /// a whole word ("the Fed" in "the Federal …") does not hide one that starts inside it.
    pub(crate) fn matches(
        &self,
        text: &str,
        starts: &[usize],
        prefix: impl Fn(usize) -> bool,
    ) -> Vec<(Range<usize>, usize)> {
        if !self.word_initial {
            let all: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            return self.matches_from(text, &all, prefix);
        }
        self.matches_from(text, starts, prefix)
    }

    fn matches_from(
        &self,
        text: &str,
        starts: &[usize],
        prefix: impl Fn(usize) -> bool,
    ) -> Vec<(Range<usize>, usize)> {
        let bytes = text.as_bytes();
        let mut out: Vec<(Range<usize>, usize)> = Vec::new();
        let mut pos = 0;
        for &start in starts {
            if start < pos || !self.may_start(bytes, start) {
                continue;
            }
            let Some((p, end)) = self.longest_at(bytes, start) else {
                continue;
            };
            if let Some(end) = word_end(text, start, end, prefix(p)) {
                out.push((start..end, p));
                pos = end;
            }
        }
        out
    }
}

/// Where a match of `start..end` ends when it is a whole word (a `prefix` match extended to
/// the end of its word), or `None` when it is not.
fn word_end(text: &str, start: usize, mut end: usize, prefix: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let boundary_before = !text[..start].chars().next_back().is_some_and(is_word_char);
    if !boundary_before || !text.is_char_boundary(end) {
        return None;
    }
    if prefix {
        while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] >= 0x80) {
            end += 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Some(end)
    } else {
        whole_word(text, &(start..end)).then_some(end)
    }
}

/// Words found by [`marker_words`]: where modal and recommending words start (candidates for
/// a recommending clause) and where number words start (candidates for a quantity).
#[derive(Debug, Default)]
pub(crate) struct MarkerWords {
    pub(crate) triggers: Vec<usize>,
    pub(crate) numbers: Vec<usize>,
}

/// Modal and recommending words (lower case, sorted); a word starting with one of the
/// `*`-prefixes counts too ("recommend" → "recommends", "recommending").
const TRIGGER_WORDS: &[&str] = &[
    "could",
    "imperative",
    "may",
    "might",
    "must",
    "necessary",
    "need",
    "needs",
    "ought",
    "recommend",
    "recommending",
    "recommends",
    "shall",
    "should",
];

/// Number words that may start a quantity without a digit (lower case, sorted).
const NUMBER_WORDS: &[&str] = &[
    "billions",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifth",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "hundred",
    "hundreds",
    "millions",
    "nine",
    "nineteen",
    "ninety",
    "one-fifth",
    "one-fourth",
    "one-half",
    "one-quarter",
    "one-tenth",
    "one-third",
    "quarter",
    "scores",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "tens",
    "tenth",
    "third",
    "thirteen",
    "thirty",
    "thousands",
    "three",
    "three-fourths",
    "three-quarters",
    "trillions",
    "twelve",
    "twenty",
    "two",
    "two-thirds",
];

/// The trigger and number words of `text` (see [`marker_words_at`]).
pub(crate) fn marker_words(text: &str) -> MarkerWords {
    marker_words_at(text, &word_starts(text))
}

/// The trigger and number words of `text`, given its [`word_starts`]: words of ASCII letters
/// and digits (with inner hyphens before a letter) that start with a letter and are not glued
/// to a character outside ASCII. Nothing is tokenized or allocated per word.
pub(crate) fn marker_words_at(text: &str, starts: &[usize]) -> MarkerWords {
    let bytes = text.as_bytes();
    let mut out = MarkerWords::default();
    // The end of the last word read: a word start inside it ("five" in "twenty-five") is not
    // a word of its own.
    let mut read_to = 0;
    for &start in starts {
        if start < read_to
            || !bytes[start].is_ascii_alphabetic()
            || (start > 0 && bytes[start - 1] >= 0x80)
        {
            continue;
        }
        let mut i = start;
        while i < bytes.len()
            && (BYTE_CLASS[usize::from(bytes[i])] == WORD
                || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
        {
            i += 1;
        }
        read_to = i;
        // A word glued to a character outside ASCII is not one of ours.
        if bytes.get(i).is_some_and(|b| *b >= 0x80) {
            continue;
        }
        let word = &bytes[start..i];
        if word.len() < 3 || word.len() > 16 {
            continue;
        }
        match marker_kind(word) {
            Some(true) => out.triggers.push(start),
            Some(false) => out.numbers.push(start),
            None => {
                // "twenty-five": the part before the hyphen.
                if let Some(h) = word.iter().position(|b| *b == b'-')
                    && marker_kind(&word[..h]) == Some(false)
                {
                    out.numbers.push(start);
                }
            }
        }
    }
    out
}

/// A marker word and whether it is a trigger.
type MarkerEntry = (&'static [u8], bool);

/// The marker words by first letter and length, so that most words are rejected by one table
/// look-up: `true` for a trigger, `false` for a number word.
static MARKER_TABLE: LazyLock<Vec<Vec<MarkerEntry>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 26 * 17];
    let words = TRIGGER_WORDS
        .iter()
        .map(|w| (*w, true))
        .chain(NUMBER_WORDS.iter().map(|w| (*w, false)));
    for (w, trigger) in words {
        let first = usize::from(w.as_bytes()[0] - b'a');
        table[first * 17 + w.len()].push((w.as_bytes(), trigger));
    }
    table
});

/// For each first letter, bit `n` is set when a marker word of `n` bytes starts with it: most
/// words are rejected by this one look-up (it takes the marker walk over the corpus from 37 to
/// 20 instructions a word).
static MARKER_SHAPES: [u32; 26] = {
    let mut shapes = [0u32; 26];
    let lists = [TRIGGER_WORDS, NUMBER_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let w = lists[l][k].as_bytes();
            shapes[(w[0] - b'a') as usize] |= 1 << w.len();
            k += 1;
        }
        l += 1;
    }
    shapes
};

/// Whether an ASCII word is a trigger (`Some(true)`), a number word (`Some(false)`) or neither.
fn marker_kind(word: &[u8]) -> Option<bool> {
    let first = word.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase()
        || word.len() > 16
        || MARKER_SHAPES[usize::from(first - b'a')] & (1 << word.len()) == 0
    {
        return None;
    }
    let bucket = &MARKER_TABLE[usize::from(first - b'a') * 17 + word.len()];
    bucket
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, trigger)| *trigger)
}

/// `s` in ASCII lower case, in `buf` when it fits (no allocation), else allocated.
pub(crate) fn ascii_lower<'b>(s: &'b str, buf: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    if s.len() <= buf.len() && s.is_ascii() {
        let out = &mut buf[..s.len()];
        out.copy_from_slice(s.as_bytes());
        out.make_ascii_lowercase();
        // ASCII stays valid UTF-8.
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).unwrap_or_default())
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// At most the first `n` bytes of `s` (cut back to a character boundary).
pub(crate) fn head_bytes(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most the last `n` bytes of `s` (cut forward to a character boundary), and where they start.
pub(crate) fn tail_bytes(s: &str, n: usize) -> (usize, &str) {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    (start, &s[start..])
}

/// Collapses runs of whitespace to one space.
pub(crate) fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_acronyms_hyphens_and_possessives() {
        assert_eq!(
            words("The U.S. and Mexico’s pre-screened (BEST) plan."),
            [
                "The",
                "U.S.",
                "and",
                "Mexico’s",
                "pre-screened",
                "(",
                "BEST",
                ")",
                "plan",
                "."
            ]
        );
        assert_eq!(
            words("U.S.–Mexico 2,000, 12,5"),
            ["U.S.", "–", "Mexico", "2,000", ",", "12", ",", "5"]
        );
    }

    #[test]
    fn marker_word_lists_are_sorted() {
        for list in [TRIGGER_WORDS, NUMBER_WORDS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(list, sorted.as_slice());
        }
        let text = "Congress Should act; two-thirds of often-cited ten agencies must. Recommends";
        let m = marker_words(text);
        let words = |v: &[usize]| -> Vec<&str> {
            v.iter()
                .map(|&p| {
                    text[p..]
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .next()
                        .unwrap()
                })
                .collect()
        };
        assert_eq!(words(&m.triggers), ["Should", "must", "Recommends"]);
        assert_eq!(words(&m.numbers), ["two-thirds", "ten"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Secretary of Energy"), "secretary-of-energy");
        assert_eq!(slug("U.S. Northern Command"), "us-northern-command");
        assert_eq!(slug("Mexico’s armed forces"), "mexicos-armed-forces");
    }
}
