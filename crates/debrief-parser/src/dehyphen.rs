//! Line-end hyphens: is `bor-`/`der` the word `border`, or is `cost-`/`effective` a compound
//! that keeps its hyphen? Decided from evidence, in this order:
//!
//! 1. form: a digit or a capital after the hyphen (`U.S.-`/`Mexico`, `COVID-`/`19`), or a
//!    digit, period or single letter before it (`21st-`/`century`, `e-`/`mail`) keeps it;
//! 2. the document's own usage: the joined or the hyphenated form written elsewhere mid-line;
//! 3. the lexicon: a word only when joined → join; two words only when apart → keep;
//! 4. rules: prefixes that English closes up (`non`, `re`, `counter`…) join, a few that keep
//!    their hyphen (`self`, `ex`, `quasi`) keep, suffix fragments (`-tion`, `-ed`) join, and
//!    a line-end hyphen that nothing explains is taken for a hyphenation break.

use crate::hash::{self, HashedMap};
use crate::lexicon::Words;

/// What to do with a line-end hyphen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Remove the hyphen and the line break: `bor-`/`der` → `border`.
    Join,
    /// Keep the hyphen, drop the line break: `cost-`/`effective` → `cost-effective`.
    Keep,
}

/// Why a decision was made (for diagnostics and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    Form,
    Usage,
    Lexicon,
    Rule,
    Default,
}

/// Prefixes that standard (Chicago, GPO) style closes up: `non`+`federal` → `nonfederal`.
const CLOSED_PREFIXES: &[&str] = &[
    "anti", "bio", "co", "counter", "cyber", "geo", "inter", "intra", "macro", "micro", "mid",
    "mis", "multi", "non", "over", "post", "pre", "re", "semi", "socio", "sub", "super", "tele",
    "trans", "un", "under",
];

/// First elements that keep their hyphen: `self-government`, `ex-officio`, `quasi-judicial`.
const HYPHEN_PREFIXES: &[&str] = &[
    "all", "ex", "great", "half", "quasi", "self", "vice", "well",
];

/// Word endings that are never words of their own: `organiza-`/`tions`.
const SUFFIX_FRAGMENTS: &[&str] = &[
    "able", "ably", "age", "al", "ally", "ance", "ances", "ant", "ants", "ary", "ate", "ated",
    "ating", "ation", "ations", "ed", "ence", "ences", "ent", "ents", "er", "ers", "ery", "es",
    "ful", "ial", "ible", "ic", "ical", "ically", "ics", "ies", "ing", "ings", "ion", "ions",
    "ism", "ist", "ists", "ities", "ity", "ive", "ively", "ize", "ized", "izes", "izing", "less",
    "ly", "ment", "ments", "ness", "or", "ors", "ory", "ous", "ously", "s", "ship", "sion",
    "sions", "tion", "tions", "ture", "tures", "ure", "ures",
];

/// Hash of a word, case-insensitive, curly apostrophes as straight ones.
fn word_key(word: &str) -> u64 {
    word_key_from(hash::FNV_BASIS, word)
}

/// [`word_key`] of a word that continues one whose key is `h` (the key of `left` + `right` is
/// `word_key_from(word_key(left), right)`).
fn word_key_from(mut h: u64, word: &str) -> u64 {
    if word.is_ascii() {
        return ascii_key_from(h, word.as_bytes());
    }
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        for l in c.to_lowercase() {
            h = hash::fnv_char(h, l);
        }
    }
    h
}

/// [`word_key_from`] of a word of ASCII bytes.
fn ascii_key_from(mut h: u64, word: &[u8]) -> u64 {
    for &b in word {
        h = hash::fnv_byte(h, b.to_ascii_lowercase());
    }
    h
}

fn pair_key(left: &str, right: &str) -> u64 {
    word_key(left) ^ word_key(right).rotate_left(17) ^ 0x5bd1_e995
}

/// How often each word and hyphenated pair is written mid-line in the document.
///
/// Built for the forms that will be asked about (the joined and hyphenated forms of the
/// document's line-end hyphens, and the words that may have lost their spaces): a word is
/// hashed and looked up only when a wanted form has its length, its first letter and its last
/// letter, which turns away most words of the text for the cost of two table lookups.
/// (Callgrind, 1 MB of brief-like text: the first letter alone let 23 % of the words through
/// to be hashed, the first and the last about 6 %.)
pub(crate) struct Usage {
    counts: HashedMap<u32>,
    /// For each byte length (up to 63), the classes of the first letters of the wanted forms
    /// of that length (see [`first_class`]).
    filter: [u64; 64],
    /// The same for the last letters.
    filter_last: [u64; 64],
    /// Whether every word is counted (no wanted list; both filters let everything through).
    all: bool,
}

impl Default for Usage {
    fn default() -> Self {
        Usage {
            counts: HashedMap::default(),
            filter: [0; 64],
            filter_last: [0; 64],
            all: false,
        }
    }
}

/// The filter class of a word's first or last byte: an ASCII byte by its lower-case form; a
/// byte of a non-ASCII character (whose lower case may differ in its bytes) has none, and is
/// not filtered on (see [`Usage::passes`]).
fn first_class(b: u8) -> Option<u32> {
    b.is_ascii().then(|| u32::from(b.to_ascii_lowercase() & 63))
}

/// Byte classes for the tokenizer: 1 for an ASCII byte that belongs to a word (letters,
/// digits, `'`), 3 for the hyphen, 0 for the others. Bytes from 0x80 start or continue a
/// non-ASCII character, which is decoded. (256 entries, so that indexing by a byte needs no
/// bounds check.)
const ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b: u8 = 0;
    while b < 128 {
        if b.is_ascii_alphanumeric() || b == b'\'' {
            t[b as usize] = 1;
        } else if b == b'-' {
            t[b as usize] = 3;
        }
        b += 1;
    }
    t
};

/// Whether `c` belongs to a word for usage counting.
fn is_word_char(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
        || (!is_punctuation_block(c) && c.is_alphanumeric())
}

/// Whether `c` lies in a block of the characters a brief's text is full of that holds no
/// letter or digit: general punctuation (dashes, curly quotes, spaces: `–`, `“`, `”`), the
/// soft hyphen, geometric shapes (bullets: `■`, `●`, `◦`). `char::is_alphanumeric` answers
/// these through a table search of about 180 instructions, which was a twentieth of the
/// usage count (callgrind, 1 MB of brief-like text: 2.0 M instructions, 11 000 calls).
fn is_punctuation_block(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{25A0}'..='\u{25FF}' | '\u{00AD}')
}

/// The words of `line`: maximal runs of word characters (see [`is_word_char`]), each with
/// whether it holds a hyphen, passed to `f` with whether it is the line's last word.
///
/// ASCII bytes are classed by a table in a tight loop; a non-ASCII character is decoded. (A
/// tokenizer written as an iterator over a per-character closure cost three times as much.)
fn tokens<'s>(line: &'s str, mut f: impl FnMut(&'s str, bool, bool)) {
    let bytes = line.as_bytes();
    if bytes.is_ascii() {
        let mut pending: Option<(usize, usize, bool)> = None;
        let mut pos = 0;
        while let Some(word) = next_ascii_word(bytes, &mut pos) {
            if let Some((s, e, h)) = pending.replace(word) {
                f(&line[s..e], h, false);
            }
        }
        if let Some((s, e, h)) = pending {
            f(&line[s..e], h, true);
        }
        return;
    }
    let n = bytes.len();
    // Whether the non-ASCII character at `at` belongs to a word, its length, whether it is a
    // hyphen.
    let wide = |at: usize| -> (bool, usize, bool) {
        let c = line[at..].chars().next().unwrap_or(' ');
        let hyphen = matches!(c, '\u{2010}' | '\u{2011}');
        (is_word_char(c), c.len_utf8(), hyphen)
    };
    let mut pending: Option<(usize, usize, bool)> = None;
    let mut pos = 0;
    loop {
        // Up to the next word character.
        while pos < n {
            let b = bytes[pos];
            if b < 0x80 {
                if ASCII_WORD[usize::from(b)] != 0 {
                    break;
                }
                pos += 1;
            } else {
                let (word, len, _) = wide(pos);
                if word {
                    break;
                }
                pos += len;
            }
        }
        if pos >= n {
            break;
        }
        // The word.
        let start = pos;
        let mut hyphen = false;
        while pos < n {
            let b = bytes[pos];
            if b < 0x80 {
                let t = ASCII_WORD[usize::from(b)];
                if t == 0 {
                    break;
                }
                hyphen |= t == 3;
                pos += 1;
            } else {
                let (word, len, h) = wide(pos);
                if !word {
                    break;
                }
                hyphen |= h;
                pos += len;
            }
        }
        if let Some((s, e, h)) = pending.replace((start, pos, hyphen)) {
            f(&line[s..e], h, false);
        }
    }
    if let Some((s, e, h)) = pending {
        f(&line[s..e], h, true);
    }
}

/// The next word of a line of ASCII `bytes` from `pos` on (as [`tokens`] finds words): its
/// byte range and whether it holds a hyphen; `pos` moves past it. Two tight loops, one table
/// lookup per byte: over the bytes between words, then over the word's (whose classes are
/// or-ed: 3 holds a hyphen).
fn next_ascii_word(bytes: &[u8], pos: &mut usize) -> Option<(usize, usize, bool)> {
    let n = bytes.len();
    let mut p = *pos;
    while p < n && ASCII_WORD[usize::from(bytes[p])] == 0 {
        p += 1;
    }
    if p >= n {
        *pos = p;
        return None;
    }
    let start = p;
    let mut class = 0;
    while p < n {
        let t = ASCII_WORD[usize::from(bytes[p])];
        if t == 0 {
            break;
        }
        class |= t;
        p += 1;
    }
    *pos = p;
    Some((start, p, class == 3))
}

impl Usage {
    /// Counts the words of `lines` (each a line of text). A line's last word is skipped when the
    /// line ends with a hyphen, and so is the first word of the line after it: those are the
    /// fragments being decided.
    #[cfg(test)]
    pub(crate) fn count<'s>(lines: impl Iterator<Item = &'s str>) -> Self {
        let mut usage = Usage {
            all: true,
            filter: [u64::MAX; 64],
            filter_last: [u64::MAX; 64],
            ..Usage::default()
        };
        usage.fill(lines);
        usage
    }

    /// Asks for the count of `word`.
    pub(crate) fn want_word(&mut self, word: &str) {
        self.want(word_key(word), word.len(), word, word);
    }

    /// Asks for the count of `left` + `right` written as one word.
    pub(crate) fn want_joined(&mut self, left: &str, right: &str) {
        let key = word_key_from(word_key(left), right);
        self.want(key, left.len() + right.len(), left, right);
    }

    /// Asks for the count of `left-right`.
    pub(crate) fn want_pair(&mut self, left: &str, right: &str) {
        self.want(
            pair_key(left, right),
            left.len() + right.len() + 1,
            left,
            right,
        );
    }

    /// Asks for the form hashed to `key`, of `len` bytes, which starts as `first` starts and
    /// ends as `last` ends.
    fn want(&mut self, key: u64, len: usize, first: &str, last: &str) {
        self.counts.insert(key, 0);
        let len = len.min(63);
        for (bits, b) in [
            (&mut self.filter[len], first.bytes().next()),
            (&mut self.filter_last[len], last.bytes().next_back()),
        ] {
            match b.and_then(first_class) {
                Some(class) => *bits |= 1 << class,
                // A non-ASCII letter: its lower case may be an ASCII letter (the Kelvin sign
                // is `k`), so every byte passes for this length.
                None => *bits = u64::MAX,
            }
        }
    }

    /// Whether a word of `len` bytes starting with the byte `first` and ending with the byte
    /// `last` may be a wanted form.
    fn passes(&self, len: usize, first: u8, last: u8) -> bool {
        let len = len.min(63);
        first_class(first).is_none_or(|class| self.filter[len] >> class & 1 != 0)
            && first_class(last).is_none_or(|class| self.filter_last[len] >> class & 1 != 0)
    }

    /// Counts the wanted forms in `lines` (a line's last word is skipped when the line ends
    /// with a hyphen, and so is the first word of the line after it).
    pub(crate) fn fill<'s>(&mut self, lines: impl Iterator<Item = &'s str>) {
        if self.counts.is_empty() && !self.all {
            return;
        }
        let mut skip_first = false;
        for line in lines {
            let ends_hyphen = line.ends_with(['-', '\u{2010}', '\u{00AD}']);
            if line.is_ascii() {
                self.fill_ascii(line, skip_first, ends_hyphen);
            } else {
                self.fill_line(line, skip_first, ends_hyphen);
            }
            skip_first = ends_hyphen;
        }
    }

    /// Counts the words of one line through the general tokenizer (any text): the first word
    /// is left out when `skip_first` (the rest of a word hyphenated on the line before), the
    /// last when `ends_hyphen` (the first part of one).
    fn fill_line(&mut self, line: &str, skip_first: bool, ends_hyphen: bool) {
        let mut first = true;
        tokens(line, |word, hyphen, last| {
            if !((first && skip_first) || (last && ends_hyphen)) {
                self.add_word(word, hyphen);
            }
            first = false;
        });
    }

    /// [`Usage::fill`] for a line of ASCII: the words are found as [`tokens`] finds them and
    /// judged by their bytes, so that a word the filters turn away costs a few instructions.
    /// (Callgrind, 1 MB of brief-like text: about 100 instructions a word when each word
    /// went through a closure as a string slice, about 75 now; the whole stage went from 37 M
    /// to 33 M.)
    fn fill_ascii(&mut self, line: &str, skip_first: bool, ends_hyphen: bool) {
        let bytes = line.as_bytes();
        // The word before the current one, unless it was skipped as the line's first: it is
        // counted once another word shows it was not the last.
        let mut pending: Option<(usize, usize, bool)> = None;
        let mut first = true;
        let mut pos = 0;
        while let Some(word) = next_ascii_word(bytes, &mut pos) {
            if let Some((s, e, hyphen)) = pending.take() {
                self.add_ascii_word(line, s, e, hyphen);
            }
            if !(first && skip_first) {
                pending = Some(word);
            }
            first = false;
        }
        if let Some((s, e, hyphen)) = pending
            && !ends_hyphen
        {
            self.add_ascii_word(line, s, e, hyphen);
        }
    }

    /// [`Usage::add_word`] of the word `line[start..end]` of a line of ASCII, from its bytes
    /// when it holds no hyphen and starts and ends with a letter or digit (most words).
    fn add_ascii_word(&mut self, line: &str, start: usize, end: usize, hyphen: bool) {
        let word = &line.as_bytes()[start..end];
        match (word.first(), word.last()) {
            (Some(&first), Some(&last))
                if !hyphen && first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() =>
            {
                if self.passes(word.len(), first, last) {
                    self.tally(ascii_key_from(hash::FNV_BASIS, word));
                }
            }
            _ => self.add_word(&line[start..end], hyphen),
        }
    }

    /// Counts one more form whose key is `key`, if it is wanted.
    fn tally(&mut self, key: u64) {
        if self.all {
            *self.counts.entry(key).or_insert(0) += 1;
        } else if let Some(c) = self.counts.get_mut(&key) {
            *c += 1;
        }
    }

    /// Counts one more form that starts as `first` starts, ends as `last` ends and is `len`
    /// bytes long (whose key `key` computes) if it is wanted.
    fn bump(&mut self, first: &str, last: &str, len: usize, key: impl FnOnce() -> u64) {
        let (Some(&b0), Some(&b1)) = (first.as_bytes().first(), last.as_bytes().last()) else {
            return;
        };
        if self.passes(len, b0, b1) {
            self.tally(key());
        }
    }

    fn add_word(&mut self, word: &str, hyphen: bool) {
        // `-`, `'` and their Unicode forms are the only word characters that are not
        // alphanumeric: a word that starts and ends with an ASCII letter or digit (most
        // words) needs no trimming.
        let b = word.as_bytes();
        let word = if b.first().is_some_and(u8::is_ascii_alphanumeric)
            && b.last().is_some_and(u8::is_ascii_alphanumeric)
        {
            word
        } else {
            word.trim_matches(|c: char| !c.is_alphanumeric())
        };
        if word.is_empty() {
            return;
        }
        self.bump(word, word, word.len(), || word_key(word));
        if hyphen && word.contains(['-', '\u{2010}', '\u{2011}']) {
            let mut prev: Option<&str> = None;
            for p in word
                .split(['-', '\u{2010}', '\u{2011}'])
                .filter(|p| !p.is_empty())
            {
                self.bump(p, p, p.len(), || word_key(p));
                if let Some(l) = prev {
                    self.bump(l, p, l.len() + p.len() + 1, || pair_key(l, p));
                }
                prev = Some(p);
            }
        }
    }

    /// How often `word` was written.
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.counts.get(&word_key(word)).copied().unwrap_or(0)
    }

    /// How often `left` + `right` was written as one word (what [`Usage::get`] says of the
    /// two joined, without joining them).
    pub(crate) fn get_joined(&self, left: &str, right: &str) -> u32 {
        self.counts
            .get(&word_key_from(word_key(left), right))
            .copied()
            .unwrap_or(0)
    }

    /// How often `left-right` was written.
    pub(crate) fn get_pair(&self, left: &str, right: &str) -> u32 {
        self.counts
            .get(&pair_key(left, right))
            .copied()
            .unwrap_or(0)
    }
}

/// The last hyphen-separated element of the word before a line-end hyphen (`rule-of-law-orient`
/// → `orient`), without opening punctuation.
pub(crate) fn left_part(before_hyphen: &str) -> &str {
    let word = before_hyphen
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(before_hyphen);
    let word = word
        .rsplit(['-', '\u{2010}', '\u{2011}', '—', '–', '/'])
        .next()
        .unwrap_or(word);
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// The first element of the word after a line-end hyphen (`tary-to-military,` → `tary`).
pub(crate) fn right_part(after_break: &str) -> &str {
    let end = after_break
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.'))
        .unwrap_or(after_break.len());
    let word = &after_break[..end];
    // Keep `U.S.`-like tokens whole but drop a sentence-final period.
    if word.ends_with('.') && word.matches('.').count() == 1 {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Whether the form of the parts around a line-end hyphen keeps it, whatever the usage and
/// the lexicon say: a digit or a capital after it, a digit, a period or a single letter
/// before it, an acronym before it.
pub(crate) fn kept_by_form(left: &str, right: &str) -> bool {
    let Some(r0) = right.chars().next() else {
        return true;
    };
    if left.is_empty()
        || left.chars().any(|c| c.is_ascii_digit() || c == '.')
        || left.chars().count() == 1
        || r0.is_ascii_digit()
        || right.contains('.')
    {
        return true;
    }
    let all_caps = |s: &str| s.chars().all(|c| !c.is_lowercase()) && s.chars().count() > 1;
    if r0.is_uppercase() && !(all_caps(left) && all_caps(right)) {
        return true;
    }
    // An acronym before the hyphen forms a compound: `JCPOA-`/`prohibited`, `FEMA-`/`funded`.
    all_caps(left) && !all_caps(right)
}

/// Calls `f` with `left` + `right` as one string, put together on the stack when it is short
/// (a line-end hyphen is decided for every few lines: one allocation each was a fifth of the
/// parse's allocations).
fn with_joined<R>(left: &str, right: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let n = left.len() + right.len();
    if n <= buf.len() {
        buf[..left.len()].copy_from_slice(left.as_bytes());
        buf[left.len()..n].copy_from_slice(right.as_bytes());
        // Two strings one after the other are UTF-8: the check cannot fail.
        if let Ok(joined) = std::str::from_utf8(&buf[..n]) {
            return f(joined);
        }
    }
    f(&format!("{left}{right}"))
}

/// Decides a line-end hyphen between `left` (the element before it) and `right` (the element
/// after the line break).
pub(crate) fn decide(
    left: &str,
    right: &str,
    usage: &Usage,
    lex: &Words<'_>,
) -> (Decision, Reason) {
    if kept_by_form(left, right) {
        return (Decision::Keep, Reason::Form);
    }
    let cj = usage.get_joined(left, right);
    let ch = usage.get_pair(left, right);
    if cj > ch {
        return (Decision::Join, Reason::Usage);
    }
    if ch > cj {
        return (Decision::Keep, Reason::Usage);
    }
    // The lists are ASCII and hold no `k` (which the Kelvin sign lower-cases to), so an ASCII
    // case-insensitive comparison is the comparison of the lower-cased words.
    let listed = |list: &[&str], w: &str| list.iter().any(|p| p.eq_ignore_ascii_case(w));
    if listed(HYPHEN_PREFIXES, left) {
        return (Decision::Keep, Reason::Rule);
    }
    // Each lexicon lookup is asked only when the answers before it have not decided.
    if with_joined(left, right, |joined| lex.contains(joined)) {
        return (Decision::Join, Reason::Lexicon);
    }
    let rw = right.chars().count() >= 3 && lex.is_common(right);
    let both = rw && left.chars().count() >= 2 && lex.is_common(left);
    let closed = listed(CLOSED_PREFIXES, left);
    if both {
        if closed {
            (Decision::Join, Reason::Rule)
        } else {
            (Decision::Keep, Reason::Lexicon)
        }
    } else if closed || listed(SUFFIX_FRAGMENTS, right) {
        (Decision::Join, Reason::Rule)
    } else if rw && left.chars().count() >= 3 && lex.contains(left) {
        (Decision::Keep, Reason::Lexicon)
    } else {
        (Decision::Join, Reason::Default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    fn d(left: &str, right: &str) -> Decision {
        decide(
            left,
            right,
            &Usage::default(),
            &Words::new(&Lexicon::embedded()),
        )
        .0
    }

    #[test]
    fn form_keeps() {
        assert_eq!(d("U.S.", "Mexico"), Decision::Keep);
        assert_eq!(d("21st", "century"), Decision::Keep);
        assert_eq!(d("COVID", "19"), Decision::Keep);
        assert_eq!(d("e", "mail"), Decision::Keep);
        assert_eq!(d("JCPOA", "prohibited"), Decision::Keep);
    }

    #[test]
    fn lexicon_decides() {
        assert_eq!(d("bor", "der"), Decision::Join);
        assert_eq!(d("mili", "tary"), Decision::Join);
        assert_eq!(d("orient", "ed"), Decision::Join);
        assert_eq!(d("policy", "makers"), Decision::Join);
        assert_eq!(d("with", "out"), Decision::Join);
        assert_eq!(d("cost", "effective"), Decision::Keep);
        assert_eq!(d("self", "government"), Decision::Keep);
        assert_eq!(d("cross", "border"), Decision::Keep);
    }

    #[test]
    fn rules_decide_unknown_words() {
        assert_eq!(d("non", "federal"), Decision::Join);
        assert_eq!(d("counter", "terrorism"), Decision::Join); // domain list
        assert_eq!(d("Meyer", "riecks"), Decision::Join);
    }

    #[test]
    fn usage_outweighs_the_lexicon() {
        let usage =
            Usage::count(["the cost-effective way", "a costeffective costeffective"].into_iter());
        assert_eq!(
            decide(
                "cost",
                "effective",
                &usage,
                &Words::new(&Lexicon::embedded())
            ),
            (Decision::Join, Reason::Usage)
        );
        let usage = Usage::count(["a policy-makers meeting"].into_iter());
        assert_eq!(
            decide(
                "policy",
                "makers",
                &usage,
                &Words::new(&Lexicon::embedded())
            ),
            (Decision::Keep, Reason::Usage)
        );
    }

    #[test]
    fn usage_skips_the_fragments_it_decides() {
        let usage = Usage::count(["an effective bor-", "der policy"].into_iter());
        assert_eq!(usage.get("bor"), 0);
        assert_eq!(usage.get("der"), 0);
        assert_eq!(usage.get("effective"), 1);
        assert_eq!(usage.get("policy"), 1);
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_path_counts_as_the_tokenizer_does(
            lines in proptest::collection::vec("([a-zA-Z0-9]{1,8}|[-' .,;()]){0,12}", 1..6)
        ) {
            let fast = Usage::count(lines.iter().map(String::as_str));
            // The same lines through the general tokenizer.
            let mut plain = Usage { all: true, filter: [u64::MAX; 64], filter_last: [u64::MAX; 64], ..Usage::default() };
            let mut skip_first = false;
            for line in &lines {
                let ends_hyphen = line.ends_with('-');
                plain.fill_line(line, skip_first, ends_hyphen);
                skip_first = ends_hyphen;
            }
            proptest::prop_assert_eq!(fast.counts, plain.counts);
        }
    }

    #[test]
    fn a_joined_form_is_counted_as_the_word_written_whole() {
        let usage = Usage::count(["the Borderland and the borderland’s borderland"].into_iter());
        assert_eq!(usage.get_joined("border", "land"), usage.get("borderland"));
        assert_eq!(usage.get_joined("Border", "LAND"), 2);
        assert_eq!(
            usage.get_joined("border", "land’s"),
            usage.get("borderland’s")
        );
        assert_eq!(with_joined("bor", "der", str::to_owned), "border");
        let long = "x".repeat(70);
        assert_eq!(with_joined(&long, "y", str::len), 71);
    }

    #[test]
    fn the_punctuation_blocks_hold_no_letter_or_digit() {
        let blocks = [
            '\u{2000}'..='\u{206F}',
            '\u{25A0}'..='\u{25FF}',
            '\u{00AD}'..='\u{00AD}',
        ];
        for c in blocks.into_iter().flatten() {
            assert!(is_punctuation_block(c), "{c:?}");
            assert!(!c.is_alphanumeric(), "{c:?} is a letter or digit");
        }
        assert!(!is_punctuation_block('é') && !is_punctuation_block('\u{FB01}'));
    }

    #[test]
    fn parts_around_the_break() {
        assert_eq!(left_part("the rule-of-law-orient"), "orient");
        assert_eq!(left_part("(“bor"), "bor");
        assert_eq!(right_part("tary-to-military cooperation"), "tary");
        assert_eq!(right_part("der, which"), "der");
        assert_eq!(right_part("Mexico’s"), "Mexico’s");
    }
}
