//! Words and small text helpers shared by the extractors.
//!
//! A [`Word`] is a run of alphanumeric characters with the keys it is looked up by;
//! [`BlockWords`] reads a block's words once and sorts them by who needs them, and
//! [`WordAutomaton`] matches word tables (names, keywords, head nouns) from those words only.
//! [`WordSet`] answers "is this one of these words" mostly with one bit-table look-up.
//!
//! A [`Token`] is a word (letters and digits, with inner `.`, `-`, `'`, `’`, `&` or `/` between
//! word characters, and the final period of a dotted acronym such as `U.S.`) or a single
//! punctuation character. Tokens are byte ranges of the text they were read from; nothing is
//! copied.

use std::ops::Range;
use std::sync::LazyLock;

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
    // Quotes, dashes, bullets and spaces of General Punctuation (U+2000–U+206F) are the
    // characters outside ASCII that policy text has most; none is alphanumeric, and this test
    // spares them the Unicode tables (about 4 million instructions over two corpus copies).
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '\'' | '’' | '&' | '/' | '‑')
}

/// [`BYTE_CLASS`] of an ASCII letter.
const LETTER: u8 = 1;
/// [`BYTE_CLASS`] of an ASCII digit (`class & 1` tells a letter or digit, `class & 2` a digit).
const DIGIT: u8 = 3;
/// [`BYTE_CLASS`] of ASCII punctuation and control characters other than whitespace.
const PUNCT: u8 = 0;
/// [`BYTE_CLASS`] of ASCII whitespace (what `char::is_whitespace` accepts in ASCII).
const SPACE: u8 = 4;
/// [`BYTE_CLASS`] of a byte of a character outside ASCII.
const OTHER: u8 = 8;

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
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte == b' ' || (byte >= 9 && byte <= 13) {
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    table
};

/// Whether a [`BYTE_CLASS`] is that of an ASCII letter or digit.
#[inline]
fn is_word_class(class: u8) -> bool {
    class & 1 != 0
}

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
        LETTER | DIGIT => true,
        OTHER => is_word_char(char_at(text, i).0),
        _ => false,
    }
}

/// Splits `text` into tokens. Whitespace separates tokens and is not a token.
///
/// A byte loop with a fast path for ASCII; characters outside ASCII are decoded where they
/// occur.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Buffers that the passes over a document reuse block after block, instead of allocating
/// their own for each (allocation was about a tenth of extraction's instructions).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// For [`WordAutomaton::matches_into`].
    pub(crate) matches: Vec<(Range<usize>, usize)>,
    /// For [`tokenize_into`].
    pub(crate) tokens: Vec<Token>,
}

/// [`tokenize`] into `out` (cleared first).
pub(crate) fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let width = match BYTE_CLASS[usize::from(bytes[i])] {
            SPACE => {
                i += 1;
                continue;
            }
            LETTER | DIGIT => 1,
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
            // Fast paths: a run of ASCII letters and digits, and the space after it.
            match BYTE_CLASS[usize::from(b)] {
                LETTER | DIGIT => {
                    end += 1;
                    continue;
                }
                SPACE => break,
                _ => {}
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

/// A word of a text: a run of alphanumeric characters, with the keys [`WordAutomaton`] looks it
/// up by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether every character of the word is ASCII.
    pub(crate) ascii: bool,
    /// Whether the word holds an ASCII digit.
    pub(crate) digits: bool,
    /// [`word_key`] of the word, as written and with ASCII case ignored, and of its first four
    /// bytes with case ignored (0 for a shorter word).
    keys: [u16; 3],
}

impl Word {
    /// The word `bytes[start..end]` (not empty), whose bytes' classes or-ed are `classes`.
    #[inline]
    fn new(bytes: &[u8], start: usize, end: usize, classes: u8) -> Word {
        let word = &bytes[start..end];
        let n = word.len();
        // The three keys of `word_key` from one reading of the bytes they are made of.
        let (first, last) = (word[0], word[n - 1]);
        let packed = |a: u8, b: u8, c: u8, n: usize| {
            #[allow(clippy::cast_possible_truncation, reason = "as in `word_key`")]
            let n = n as u32;
            u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16 | n << 24
        };
        let whole = packed(first, word[n / 2], last, n);
        let stem = if n >= 4 {
            mix(packed(first, word[2], word[3], 4) | FOLD)
        } else {
            0
        };
        Word {
            start,
            end,
            ascii: classes & OTHER == 0,
            digits: classes & DIGIT == DIGIT,
            keys: [mix(whole), mix(whole | FOLD), stem],
        }
    }
}

/// The words of `text`: its runs of alphanumeric characters.
///
/// [`WordAutomaton::matches_into`] tries only where these start, and looks each up by keys computed
/// here, so a block's words are found and hashed once and shared by every automaton that reads
/// the block.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    for_each_word(text, |w| out.push(w));
    out
}

/// The words of a block, sorted by who needs them: most words are needed by nobody, and are
/// looked at once, as they are found, and kept nowhere.
#[derive(Debug, Default)]
pub(crate) struct BlockWords {
    /// The words some automaton may match from (see [`WordFilter`]).
    pub(crate) named: Vec<Word>,
    /// The words that may be or begin a marker word (see [`marker_words_at`]): those whose key
    /// is a marker word's, and the runs joined by hyphens.
    pub(crate) markers: Vec<Word>,
    /// The words holding a digit (see [`crate::quantity::candidates`]).
    pub(crate) digits: Vec<Word>,
}

impl BlockWords {
    /// Reads the words of `text` (the buffers are cleared first and reused).
    pub(crate) fn read(&mut self, text: &str, filter: &WordFilter) {
        self.named.clear();
        self.markers.clear();
        self.digits.clear();
        let bytes = text.as_bytes();
        // Where a word after a hyphen would start: a run joined to the previous one.
        let mut after_hyphen = usize::MAX;
        for_each_word(text, |w| {
            if filter.keeps(text, &w) {
                self.named.push(w);
            }
            let hyphen = bytes.get(w.end) == Some(&b'-');
            if MARKER_KEYS.contains(w.keys[1]) || hyphen || w.start == after_hyphen {
                self.markers.push(w);
            }
            if hyphen {
                after_hyphen = w.end + 1;
            }
            if w.digits {
                self.digits.push(w);
            }
        });
    }
}

/// Calls `each` with every word of `text` (see [`words`]), in order.
pub(crate) fn for_each_word(text: &str, mut each: impl FnMut(Word)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
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
        let start = i;
        // The classes of the word's bytes, or-ed.
        let mut seen = 0;
        loop {
            while i < n && is_word_class(BYTE_CLASS[usize::from(bytes[i])]) {
                seen |= BYTE_CLASS[usize::from(bytes[i])];
                i += 1;
            }
            if i < n && bytes[i] >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_word_char(c) {
                    seen |= OTHER;
                    i += c.len_utf8();
                    continue;
                }
            }
            break;
        }
        each(Word::new(bytes, start, i, seen));
    }
}

/// Words and phrases matched as whole words, leftmost-longest (see [`WordAutomaton::matches_into`]).
///
/// A whole-word match starts where a word starts, and the pattern's first word is that word
/// (or, for a prefix pattern such as "immigra*", begins it). So each word is first looked up in
/// a bit table of the patterns' first words (by a hash of its length and a few of its bytes),
/// and only the few that pass get an anchored walk of the automaton. An unanchored scan instead
/// reads every byte and restarts after each match inside a word ("oil" in "toil", "the Fed" in
/// "the Federal"): on the corpus the four automata of extraction cost about 105 instructions a
/// byte of text that way, and about 10 this way.
#[derive(Debug, Clone)]
pub(crate) struct WordAutomaton {
    trie: Trie,
    /// For each pattern: whether it matches the start of a word and extends to its end.
    prefix: Vec<bool>,
    /// Whether ASCII case is ignored.
    fold: bool,
    /// [`word_key`]s of the patterns' first words.
    first_words: KeySet,
    /// [`word_key`]s (case ignored) of the first four bytes of the prefix patterns of one word
    /// ("immigra*").
    stems: KeySet,
    /// Prefix patterns of one word shorter than four bytes (in ASCII lower case).
    short_stems: Vec<Vec<u8>>,
    /// Whether `stems` or `short_stems` has any.
    has_stems: bool,
    /// Whether every pattern starts with a word character, so that only word starts can match
    /// (else every character boundary is tried, without the tables).
    word_initial: bool,
}

/// The patterns of a [`WordAutomaton`] as a trie of bytes, walked from a word start. Every
/// walk is anchored (a match must start where the walk starts), so no failure links are needed:
/// an Aho–Corasick automaton of the actor gazetteer took about 270 million instructions to build
/// as a DFA (about 45 ms at every start of the program) and 100 million as an NFA, almost all of
/// it for failure links and their closure; this trie takes about 1 million.
#[derive(Debug, Clone)]
struct Trie {
    /// Each node's edges: the range of `edges` they take (sorted by byte) and the pattern that
    /// ends at the node (`NO_PATTERN` if none). Node 0 is the root.
    nodes: Vec<TrieNode>,
    /// (byte, child node) pairs, a node's edges together.
    edges: Vec<(u8, u32)>,
    /// Whether ASCII letters were stored in lower case (and are looked up so).
    fold: bool,
}

#[derive(Debug, Clone, Copy)]
struct TrieNode {
    first_edge: u32,
    end_edge: u32,
    pattern: u32,
}

/// [`TrieNode::pattern`] of a node where no pattern ends.
const NO_PATTERN: u32 = u32::MAX;

impl Trie {
    /// The trie of `patterns` (ASCII case folded when `fold`); of patterns with the same
    /// bytes, the first one is kept. `None` beyond `u32` nodes.
    fn new<P: AsRef<str>>(patterns: &[P], fold: bool) -> Option<Trie> {
        // Each pattern's bytes as stored (copied only where folding changes them).
        let keys: Vec<std::borrow::Cow<'_, [u8]>> = patterns
            .iter()
            .map(|p| {
                let p = p.as_ref().as_bytes();
                if fold && p.iter().any(u8::is_ascii_uppercase) {
                    std::borrow::Cow::Owned(p.to_ascii_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(p)
                }
            })
            .collect();
        let byte = |p: usize, i: usize| keys[p][i];
        let len = |p: usize| keys[p].len();
        // The patterns in byte order (of equal ones, the first first): the patterns under a node
        // are then a run, a pattern ending at the node comes first in it, and the runs of its
        // children follow in byte order. The nodes are laid out breadth first, each node's
        // edges together, without a list per node (a list per node cost the gazetteer 29 M
        // instructions, most of them in the allocator).
        let mut order: Vec<usize> = (0..patterns.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
        let mut nodes = vec![TrieNode {
            first_edge: 0,
            end_edge: 0,
            pattern: NO_PATTERN,
        }];
        let mut edges: Vec<(u8, u32)> = Vec::new();
        // (node, run of `order`, depth) waiting for their edges, in node order.
        let mut queue = std::collections::VecDeque::from([(0usize, 0..order.len(), 0usize)]);
        while let Some((node, run, depth)) = queue.pop_front() {
            let mut k = run.start;
            if depth > 0 && k < run.end && len(order[k]) == depth {
                nodes[node].pattern = u32::try_from(order[k]).ok()?;
            }
            while k < run.end && len(order[k]) == depth {
                k += 1;
            }
            nodes[node].first_edge = u32::try_from(edges.len()).ok()?;
            while k < run.end {
                let b = byte(order[k], depth);
                let start = k;
                while k < run.end && byte(order[k], depth) == b {
                    k += 1;
                }
                let child = nodes.len();
                nodes.push(TrieNode {
                    first_edge: 0,
                    end_edge: 0,
                    pattern: NO_PATTERN,
                });
                edges.push((b, u32::try_from(child).ok()?));
                queue.push_back((child, start..k, depth + 1));
            }
            nodes[node].end_edge = u32::try_from(edges.len()).ok()?;
        }
        Some(Trie { nodes, edges, fold })
    }

    /// The longest pattern that matches `bytes` at `at`: (pattern, end).
    #[inline]
    fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut node = self.nodes[0];
        let mut found = None;
        for (i, &b) in bytes.iter().enumerate().skip(at) {
            let b = if self.fold { b.to_ascii_lowercase() } else { b };
            let list = &self.edges[node.first_edge as usize..node.end_edge as usize];
            let Ok(k) = list.binary_search_by_key(&b, |e| e.0) else {
                break;
            };
            node = self.nodes[list[k].1 as usize];
            if node.pattern != NO_PATTERN {
                found = Some((node.pattern as usize, i + 1));
            }
        }
        found
    }
}

/// A set of 16-bit keys as a bit table (8 KB).
#[derive(Debug, Clone)]
struct KeySet([u64; 1024]);

impl KeySet {
    fn new() -> KeySet {
        KeySet([0; 1024])
    }

    fn insert(&mut self, key: u16) {
        let key = usize::from(key);
        self.0[key / 64] |= 1 << (key % 64);
    }

    #[inline]
    fn contains(&self, key: u16) -> bool {
        let key = usize::from(key);
        self.0[key / 64] & (1 << (key % 64)) != 0
    }

    fn union_with(&mut self, other: &KeySet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

/// A 16-bit hash of a non-empty word from its length and its first, middle and last bytes
/// (ASCII case ignored when `fold`): equal words get equal keys, and two different words of the
/// tables rarely share one.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_lossless,
    reason = "`as` in a const fn; the length is kept modulo 256"
)]
const fn word_key(word: &[u8], fold: bool) -> u16 {
    let n = word.len();
    let x =
        word[0] as u32 | (word[n / 2] as u32) << 8 | (word[n - 1] as u32) << 16 | (n as u32) << 24;
    mix(if fold { x | FOLD } else { x })
}

/// What [`word_key`] ors into the three bytes to ignore ASCII case (it sets the lower-case
/// bit of letters, and changes no digit).
const FOLD: u32 = 0x0020_2020;

/// The key of the packed bytes and length of a word: the high 16 bits of a multiplicative hash.
#[allow(clippy::cast_possible_truncation, reason = "the high 16 bits")]
const fn mix(x: u32) -> u16 {
    (x.wrapping_mul(0x9E37_79B1) >> 16) as u16
}

impl WordAutomaton {
    /// An automaton for `patterns` (ignoring ASCII case when `case_insensitive`; a pattern
    /// whose flag in `prefix` is set matches any word it begins), for tables built once and
    /// used for many texts. `None` when it cannot be built (too many states).
    pub(crate) fn new<P: AsRef<str>>(
        patterns: &[P],
        case_insensitive: bool,
        prefix: &[bool],
    ) -> Option<WordAutomaton> {
        let trie = Trie::new(patterns, case_insensitive)?;
        Some(Self::with_trie(trie, patterns, case_insensitive, prefix))
    }

    /// [`WordAutomaton::new`] for whole-word patterns used for one text only (the terms a
    /// document defines), case kept.
    pub(crate) fn for_one_text<P: AsRef<str>>(patterns: &[P]) -> Option<WordAutomaton> {
        Self::new(patterns, false, &[])
    }

    fn with_trie<P: AsRef<str>>(
        trie: Trie,
        patterns: &[P],
        fold: bool,
        prefix: &[bool],
    ) -> WordAutomaton {
        let mut automaton = WordAutomaton {
            trie,
            prefix: (0..patterns.len())
                .map(|p| prefix.get(p).copied().unwrap_or(false))
                .collect(),
            fold,
            first_words: KeySet::new(),
            stems: KeySet::new(),
            short_stems: Vec::new(),
            has_stems: false,
            word_initial: true,
        };
        for (p, pattern) in patterns.iter().enumerate() {
            let pattern = pattern.as_ref();
            let first_len: usize = pattern
                .chars()
                .take_while(|c| is_word_char(*c))
                .map(char::len_utf8)
                .sum();
            let first = &pattern.as_bytes()[..first_len];
            if first.is_empty() {
                automaton.word_initial = false;
            } else if automaton.prefix[p] && first_len == pattern.len() {
                // Stems are looked up with case ignored even where case matters: a filter may
                // let through more than it should, never less.
                automaton.has_stems = true;
                if first.len() >= 4 {
                    automaton.stems.insert(word_key(&first[..4], true));
                } else {
                    automaton
                        .short_stems
                        .push(first.iter().map(|b| b | 0x20).collect());
                }
            } else {
                automaton.first_words.insert(word_key(first, fold));
            }
        }
        automaton
    }

    /// Whether a pattern may match from the start of `word` (no when no pattern's first word
    /// can be it).
    #[inline]
    fn may_match(&self, word: &Word, bytes: &[u8]) -> bool {
        self.first_words.contains(word.keys[usize::from(self.fold)])
            || (self.has_stems
                && ((word.end - word.start >= 4 && self.stems.contains(word.keys[2]))
                    || short_stem(&self.short_stems, &bytes[word.start..word.end])))
    }

    /// The whole-word matches in `text`, leftmost-longest and without overlaps, as (range,
    /// pattern); `words` are the text's [`words`] (at least those a match may start at); the matches go
    /// into `out` (cleared first). A prefix pattern matches the start of a word
    /// and extends to its end ("immigra*" → "immigrants"). A match that is not a whole word
    /// ("the Fed" in "the Federal …") does not hide one that starts inside it.
    pub(crate) fn matches_into(
        &self,
        text: &str,
        words: &[Word],
        out: &mut Vec<(Range<usize>, usize)>,
    ) {
        out.clear();
        let bytes = text.as_bytes();
        let mut pos = 0;
        if self.word_initial {
            for word in words {
                if word.start >= pos
                    && self.may_match(word, bytes)
                    && let Some(m) = self.match_at(text, word.start)
                {
                    pos = m.0.end;
                    out.push(m);
                }
            }
        } else {
            for (start, _) in text.char_indices() {
                if start >= pos
                    && let Some(m) = self.match_at(text, start)
                {
                    pos = m.0.end;
                    out.push(m);
                }
            }
        }
    }

    /// The whole-word match at `start`, if any: (range, pattern).
    fn match_at(&self, text: &str, start: usize) -> Option<(Range<usize>, usize)> {
        let (p, end) = self.trie.longest_at(text.as_bytes(), start)?;
        let end = word_end(text, start, end, self.prefix[p])?;
        Some((start..end, p))
    }
}

/// The union of the first-word tables of several [`WordAutomaton`]s: a block's words are
/// looked up once here, and only those that pass are handed to each automaton (about one word
/// in ten), instead of every automaton looking up every word.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter {
    exact: KeySet,
    folded: KeySet,
    stems: KeySet,
    short_stems: Vec<Vec<u8>>,
}

impl WordFilter {
    /// The union of the tables of `automata`.
    pub(crate) fn new<'a>(automata: impl IntoIterator<Item = &'a WordAutomaton>) -> WordFilter {
        let mut filter = WordFilter {
            exact: KeySet::new(),
            folded: KeySet::new(),
            stems: KeySet::new(),
            short_stems: Vec::new(),
        };
        for a in automata {
            let first = if a.fold {
                &mut filter.folded
            } else {
                &mut filter.exact
            };
            first.union_with(&a.first_words);
            filter.stems.union_with(&a.stems);
            filter.short_stems.extend(a.short_stems.iter().cloned());
        }
        filter
    }

    /// Whether some automaton may match from `word` of `text` (a superset of what each needs:
    /// [`WordAutomaton::matches_into`] filters again).
    #[inline]
    fn keeps(&self, text: &str, w: &Word) -> bool {
        self.exact.contains(w.keys[0])
            || self.folded.contains(w.keys[1])
            || (w.end - w.start >= 4 && self.stems.contains(w.keys[2]))
            || (!self.short_stems.is_empty()
                && short_stem(&self.short_stems, &text.as_bytes()[w.start..w.end]))
    }
}

/// Whether `word` starts with one of `stems` (in ASCII lower case), ignoring ASCII case.
fn short_stem(stems: &[Vec<u8>], word: &[u8]) -> bool {
    stems
        .iter()
        .any(|stem| word.len() >= stem.len() && word.iter().zip(stem).all(|(a, b)| a | 0x20 == *b))
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

/// A set of words, for membership tests that are mostly negative: a word not in the set is
/// usually rejected by one bit-table look-up of its [`word_key`], before any comparison of
/// strings (a sorted-list search alone costs about 60 instructions a word in memory
/// comparisons).
#[derive(Debug)]
pub(crate) struct WordSet {
    keys: KeySet,
    /// The words (in ASCII lower case when `fold`) with their keys, sorted by key: a word whose
    /// key is in the table is compared with the few words of that key only.
    words: Vec<(u16, String)>,
    /// Whether ASCII case is ignored.
    fold: bool,
}

impl WordSet {
    /// The set of `words`, matched ignoring ASCII case when `fold` (a word outside ASCII is
    /// then lower-cased with Unicode rules before it is looked up).
    pub(crate) fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>, fold: bool) -> WordSet {
        let mut words: Vec<(u16, String)> = words
            .into_iter()
            .map(|w| {
                if fold {
                    w.as_ref().to_ascii_lowercase()
                } else {
                    w.as_ref().to_owned()
                }
            })
            .filter(|w| !w.is_empty())
            .map(|w| (word_key(w.as_bytes(), fold), w))
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut keys = KeySet::new();
        for (key, _) in &words {
            keys.insert(*key);
        }
        WordSet { keys, words, fold }
    }

    /// Whether `word` is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        if !word.is_ascii() {
            // Unicode lower-casing may change the bytes the key is made of.
            let lower = if self.fold {
                word.to_lowercase()
            } else {
                word.to_owned()
            };
            return self.words.iter().any(|(_, w)| *w == lower);
        }
        let key = word_key(word.as_bytes(), self.fold);
        if !self.keys.contains(key) {
            return false;
        }
        let from = self.words.partition_point(|(k, _)| *k < key);
        self.words[from..]
            .iter()
            .take_while(|(k, _)| *k == key)
            .any(|(_, w)| {
                if self.fold {
                    w.eq_ignore_ascii_case(word)
                } else {
                    w == word
                }
            })
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
    marker_words_at(text, &words(text))
}

/// The trigger and number words of `text`, given its [`words`]: words of ASCII letters
/// and digits (with inner hyphens before a letter) that start with a letter and are not glued
/// to a character outside ASCII. Nothing is tokenized or allocated per word.
pub(crate) fn marker_words_at(text: &str, words: &[Word]) -> MarkerWords {
    let bytes = text.as_bytes();
    let mut out = MarkerWords::default();
    let mut k = 0;
    while k < words.len() {
        let first_index = k;
        let first = &words[k];
        // Most words are neither a marker word nor joined to the next by a hyphen: one look-up
        // of the key computed for them already.
        if !MARKER_KEYS.contains(first.keys[1]) && bytes.get(first.end) != Some(&b'-') {
            k += 1;
            continue;
        }
        // The word runs on over a hyphen before a letter ("twenty-five"), and stops at a
        // character outside ASCII.
        let mut last = k;
        while words[last].ascii
            && bytes[first.start].is_ascii_alphabetic()
            && words.get(last + 1).is_some_and(|next| {
                next.start == words[last].end + 1
                    && bytes[words[last].end] == b'-'
                    && bytes[next.start].is_ascii_alphabetic()
            })
        {
            last += 1;
        }
        k = last + 1;
        let end = words[last].end;
        // A word glued to a character outside ASCII is not one of ours.
        if !words[last].ascii
            || !bytes[first.start].is_ascii_alphabetic()
            || (first.start > 0 && bytes[first.start - 1] >= 0x80)
            || bytes.get(end).is_some_and(|b| *b >= 0x80)
            || !(3..=16).contains(&(end - first.start))
        {
            continue;
        }
        let word = &bytes[first.start..end];
        let key = if last == first_index {
            first.keys[1]
        } else {
            word_key(word, true)
        };
        match marker_kind(word, key) {
            Some(true) => out.triggers.push(first.start),
            Some(false) => out.numbers.push(first.start),
            None => {
                // "twenty-five": the part before the hyphen.
                if last > first_index
                    && marker_kind(&bytes[first.start..first.end], first.keys[1]) == Some(false)
                {
                    out.numbers.push(first.start);
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

/// [`word_key`]s (case ignored) of the marker words: most words are rejected by this one
/// look-up of the key [`words`] computed for them already (it takes the marker pass over the
/// corpus from about 110 instructions a word to about 25).
static MARKER_KEYS: KeySet = {
    let mut keys = [0u64; 1024];
    let lists = [TRIGGER_WORDS, NUMBER_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let key = word_key(lists[l][k].as_bytes(), true) as usize;
            keys[key / 64] |= 1 << (key % 64);
            k += 1;
        }
        l += 1;
    }
    KeySet(keys)
};

/// Whether an ASCII word with this folded [`word_key`] is a trigger (`Some(true)`), a number
/// word (`Some(false)`) or neither.
fn marker_kind(word: &[u8], key: u16) -> Option<bool> {
    if !MARKER_KEYS.contains(key) || word.len() > 16 {
        return None;
    }
    let first = word.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
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
    // Most names and phrases are already squashed: ASCII words separated by single spaces.
    if is_squashed(text.as_bytes()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `bytes` are ASCII without whitespace other than single spaces between other
/// characters: what [`squash`] leaves as it is. One plain loop (an iterator of byte pairs cost
/// about 400 instructions a name).
fn is_squashed(bytes: &[u8]) -> bool {
    // Whether the byte before is a space (or the start: no leading space).
    let mut after_space = true;
    for &b in bytes {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if b >= 0x80 || BYTE_CLASS[usize::from(b)] == SPACE {
            return false;
        } else {
            after_space = false;
        }
    }
    // No trailing space.
    !after_space || bytes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest pattern of `patterns` that `bytes` holds at `at` (ASCII case ignored when
    /// `fold`; of equal patterns the first), by trying every pattern: what the trie must give.
    fn longest_by_hand(
        patterns: &[String],
        fold: bool,
        bytes: &[u8],
        at: usize,
    ) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (p, pattern) in patterns.iter().enumerate() {
            let pat = pattern.as_bytes();
            let rest = &bytes[at..];
            let holds = !pat.is_empty()
                && rest.len() >= pat.len()
                && if fold {
                    rest[..pat.len()].eq_ignore_ascii_case(pat)
                } else {
                    &rest[..pat.len()] == pat
                };
            if holds && best.is_none_or(|(_, end)| at + pat.len() > end) {
                best = Some((p, at + pat.len()));
            }
        }
        best
    }

    proptest::proptest! {
        /// The trie finds, at every position, the longest pattern starting there (the first
        /// of equal ones), with and without case folding, as trying every pattern does.
        #[test]
        fn trie_finds_the_longest_pattern(
            patterns in proptest::collection::vec("[abAB é]{0,4}", 0..12),
            text in "[abAB é]{0,24}",
            fold: bool,
        ) {
            let trie = Trie::new(&patterns, fold).unwrap();
            let bytes = text.as_bytes();
            for at in 0..bytes.len() {
                proptest::prop_assert_eq!(
                    trie.longest_at(bytes, at),
                    longest_by_hand(&patterns, fold, bytes, at),
                    "at {}", at
                );
            }
        }
    }

    #[test]
    fn squashed_text_is_recognised() {
        for (text, squashed) in [
            ("", true),
            ("a", true),
            ("Merida Initiative", true),
            (" a", false),
            ("a ", false),
            (" ", false),
            ("a  b", false),
            ("a\nb", false),
            ("a\tb", false),
            ("café", false),
        ] {
            assert_eq!(is_squashed(text.as_bytes()), squashed, "{text:?}");
        }
        assert_eq!(squash(" a \n b  "), "a b");
        assert_eq!(squash("U.S. Northern Command"), "U.S. Northern Command");
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    /// The runs of alphanumeric characters, the plain way.
    fn reference_words(text: &str) -> Vec<(usize, usize, bool, bool)> {
        let mut out: Vec<(usize, usize, bool, bool)> = Vec::new();
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (open, c.is_alphanumeric() && i < text.len()) {
                (None, true) => open = Some(i),
                (Some(start), false) => {
                    let w = &text[start..i];
                    out.push((
                        start,
                        i,
                        w.is_ascii(),
                        w.bytes().any(|b| b.is_ascii_digit()),
                    ));
                    open = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_are_the_alphanumeric_runs() {
        for text in [
            "",
            "a",
            "The U.S. and Mexico’s pre-screened (BEST) plan, 2,000 miles; FY2010.",
            "abcdefgh ijklmnop qrstuvwx",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "é a écrit — «naïve» 12€ x²",
            "  ...  7\tZ\u{a0}Ωmega",
            "Zoë’s café is 1.6km2 away",
        ] {
            let got: Vec<_> = super::words(text)
                .iter()
                .map(|w| (w.start, w.end, w.ascii, w.digits))
                .collect();
            assert_eq!(got, reference_words(text), "{text:?}");
        }
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
        // A number word after a hyphen that follows digits is a word of its own; one glued to
        // a character outside ASCII is not.
        let other = "2010-ten and “two” or twenty-five";
        let found: Vec<&str> = marker_words(other)
            .numbers
            .iter()
            .map(|&p| other[p..].split(' ').next().unwrap())
            .collect();
        assert_eq!(found, ["ten", "twenty-five"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Secretary of Energy"), "secretary-of-energy");
        assert_eq!(slug("U.S. Northern Command"), "us-northern-command");
        assert_eq!(slug("Mexico’s armed forces"), "mexicos-armed-forces");
    }
}
