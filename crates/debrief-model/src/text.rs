//! Words and small text helpers shared by the extractors.
//!
//! A [`Token`] is a word (letters and digits, with inner `.`, `-`, `'`, `’`, `&` or `/` between
//! word characters, and the final period of a dotted acronym such as `U.S.`) or a single
//! punctuation character. Tokens are byte ranges of the text they were read from; nothing is
//! copied.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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

/// Splits `text` into tokens. Whitespace separates tokens and is not a token.
///
/// A byte loop with a fast path for ASCII; characters outside ASCII are decoded where they
/// occur.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let char_at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (ch, width) = char_at(i);
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
        let start = i;
        let mut end = i + width;
        while end < bytes.len() {
            // Fast path: a run of ASCII letters and digits.
            if bytes[end].is_ascii_alphanumeric() {
                end += 1;
                continue;
            }
            let (next, next_width) = char_at(end);
            if is_word_char(next) {
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
                && is_word_char(char_at(end + next_width).0)
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

/// An automaton for [`word_matches`]: leftmost-longest semantics, a DFA when `dfa` (fastest,
/// for the larger tables), with aho-corasick's prefilters doing most of the skipping.
pub(crate) fn word_automaton<I, P>(
    patterns: I,
    case_insensitive: bool,
    dfa: bool,
) -> Option<AhoCorasick>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .kind(dfa.then_some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

/// The whole-word matches of `automaton` in `text`, leftmost-longest and without overlaps. A
/// pattern for which `prefix(pattern)` is true matches the start of a word and extends to its
/// end ("immigra*" → "immigrants"). A match that is not a whole word ("the Fed" in "the
/// Federal …") does not hide one that starts inside it: the search resumes one character after
/// its start.
pub(crate) fn word_matches(
    automaton: &AhoCorasick,
    text: &str,
    prefix: impl Fn(usize) -> bool,
) -> Vec<(Range<usize>, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    let mut pos = 0;
    'search: while pos < text.len() {
        // The iterator runs until a match fails the word test; the search then resumes one
        // character after that match's start.
        for m in automaton.find_iter(aho_corasick::Input::new(text).span(pos..text.len())) {
            let (start, mut end) = (m.start(), m.end());
            let p = m.pattern().as_usize();
            let boundary_before = !text[..start].chars().next_back().is_some_and(is_word_char);
            let ok = boundary_before
                && text.is_char_boundary(end)
                && if prefix(p) {
                    while end < bytes.len()
                        && (bytes[end].is_ascii_alphanumeric() || bytes[end] >= 0x80)
                    {
                        end += 1;
                    }
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    true
                } else {
                    whole_word(text, &(start..end))
                };
            if ok {
                if prefix(p) && end > m.end() {
                    // The word ran past the match: resume after it.
                    out.push((start..end, p));
                    pos = end;
                    continue 'search;
                }
                out.push((start..end, p));
            } else {
                pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
                continue 'search;
            }
        }
        break;
    }
    out
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

/// One walk over the words of `text` (ASCII letters and inner hyphens) that finds the trigger
/// and number words, without tokenizing or allocating per word.
pub(crate) fn marker_words(text: &str) -> MarkerWords {
    let bytes = text.as_bytes();
    let mut out = MarkerWords::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric()
                || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
        {
            i += 1;
        }
        // A word glued to a non-ASCII letter or digit is not one of ours.
        if (start > 0 && bytes[start - 1] >= 0x80) || bytes.get(i).is_some_and(|b| *b >= 0x80) {
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

/// Whether an ASCII word is a trigger (`Some(true)`), a number word (`Some(false)`) or neither.
fn marker_kind(word: &[u8]) -> Option<bool> {
    let first = word.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() || word.len() > 16 {
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
