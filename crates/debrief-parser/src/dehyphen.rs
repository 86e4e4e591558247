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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// A fast, deterministic hasher for the usage table (FNV-1a; keys are already hashes).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Hash of a word, case-insensitive, curly apostrophes as straight ones.
fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for b in l.encode_utf8(&mut buf).bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    h
}

/// How often each word and hyphenated pair is written mid-line in the document.
///
/// Built for the forms that will be asked about (the joined and hyphenated forms of the
/// document's line-end hyphens, and the words that may have lost their spaces): words of
/// other lengths are skipped without hashing, which keeps the pass cheap.
#[derive(Default)]
pub(crate) struct Usage {
    counts: HashMap<u64, u32, BuildHasherDefault<Fnv>>,
    /// The byte lengths of the wanted forms, as a bit set (lengths up to 63).
    lengths: u64,
    /// Whether every word is counted (no wanted list).
    all: bool,
}

/// Whether `c` belongs to a word for usage counting.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

impl Usage {
    /// Counts the words of `lines` (each a line of text). A line's last word is skipped when the
    /// line ends with a hyphen, and so is the first word of the line after it: those are the
    /// fragments being decided.
    #[cfg(test)]
    pub(crate) fn count<'s>(lines: impl Iterator<Item = &'s str>) -> Self {
        let usage = Usage {
            all: true,
            ..Usage::default()
        };
        usage.fill(lines)
    }

    /// Counts only `wanted` words and `left-right` pairs.
    pub(crate) fn count_wanted<'s>(
        lines: impl Iterator<Item = &'s str>,
        words: &[String],
        pairs: &[(String, String)],
    ) -> Self {
        let mut usage = Usage::default();
        for w in words {
            usage.want(word_key(w), w.len());
        }
        for (l, r) in pairs {
            usage.want(pair_key(l, r), l.len() + r.len() + 1);
        }
        if usage.counts.is_empty() {
            return usage;
        }
        usage.fill(lines)
    }

    fn want(&mut self, key: u64, len: usize) {
        self.counts.insert(key, 0);
        self.lengths |= 1u64 << len.min(63);
    }

    fn fill<'s>(mut self, lines: impl Iterator<Item = &'s str>) -> Self {
        let mut skip_first = false;
        for line in lines {
            let ends_hyphen = line.ends_with(['-', '\u{2010}', '\u{00AD}']);
            let mut words = line
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .peekable();
            let mut first = true;
            while let Some(word) = words.next() {
                let last = words.peek().is_none();
                if (first && skip_first) || (last && ends_hyphen) {
                    first = false;
                    continue;
                }
                first = false;
                self.add_word(word);
            }
            skip_first = ends_hyphen;
        }
        self
    }

    fn bump(&mut self, key: u64, len: usize) {
        if self.all {
            *self.counts.entry(key).or_insert(0) += 1;
        } else if self.lengths & (1u64 << len.min(63)) != 0
            && let Some(c) = self.counts.get_mut(&key)
        {
            *c += 1;
        }
    }

    fn add_word(&mut self, word: &str) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            return;
        }
        if self.all || self.lengths & (1u64 << word.len().min(63)) != 0 {
            self.bump(word_key(word), word.len());
        }
        if word.contains(['-', '\u{2010}', '\u{2011}']) {
            let parts: Vec<&str> = word
                .split(['-', '\u{2010}', '\u{2011}'])
                .filter(|p| !p.is_empty())
                .collect();
            for p in &parts {
                self.bump(word_key(p), p.len());
            }
            for pair in parts.windows(2) {
                self.bump(
                    pair_key(pair[0], pair[1]),
                    pair[0].len() + pair[1].len() + 1,
                );
            }
        }
    }

    /// How often `word` was written.
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.counts.get(&word_key(word)).copied().unwrap_or(0)
    }

    /// How often `left-right` was written.
    pub(crate) fn get_pair(&self, left: &str, right: &str) -> u32 {
        self.counts
            .get(&pair_key(left, right))
            .copied()
            .unwrap_or(0)
    }
}

fn pair_key(left: &str, right: &str) -> u64 {
    word_key(left) ^ word_key(right).rotate_left(17) ^ 0x5bd1_e995
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

/// Decides a line-end hyphen between `left` (the element before it) and `right` (the element
/// after the line break).
pub(crate) fn decide(
    left: &str,
    right: &str,
    usage: &Usage,
    lex: &Words<'_>,
) -> (Decision, Reason) {
    let Some(r0) = right.chars().next() else {
        return (Decision::Keep, Reason::Form);
    };
    if left.is_empty()
        || left.chars().any(|c| c.is_ascii_digit() || c == '.')
        || left.chars().count() == 1
        || r0.is_ascii_digit()
        || right.contains('.')
    {
        return (Decision::Keep, Reason::Form);
    }
    let all_caps = |s: &str| s.chars().all(|c| !c.is_lowercase()) && s.chars().count() > 1;
    if r0.is_uppercase() && !(all_caps(left) && all_caps(right)) {
        return (Decision::Keep, Reason::Form);
    }
    // An acronym before the hyphen forms a compound: `JCPOA-`/`prohibited`, `FEMA-`/`funded`.
    if all_caps(left) && !all_caps(right) {
        return (Decision::Keep, Reason::Form);
    }
    let mut joined = String::with_capacity(left.len() + right.len());
    joined.push_str(left);
    joined.push_str(right);
    let cj = usage.get(&joined);
    let ch = usage.get_pair(left, right);
    if cj > ch {
        return (Decision::Join, Reason::Usage);
    }
    if ch > cj {
        return (Decision::Keep, Reason::Usage);
    }
    let lower_left = left.to_lowercase();
    let lower_right = right.to_lowercase();
    if HYPHEN_PREFIXES.contains(&lower_left.as_str()) {
        return (Decision::Keep, Reason::Rule);
    }
    let j = lex.contains(&joined);
    let lw = lex.is_common(left) && left.chars().count() >= 2;
    let rw = lex.is_common(right) && right.chars().count() >= 3;
    match (j, lw && rw) {
        (true, _) => (Decision::Join, Reason::Lexicon),
        (false, true) => {
            if CLOSED_PREFIXES.contains(&lower_left.as_str()) {
                (Decision::Join, Reason::Rule)
            } else {
                (Decision::Keep, Reason::Lexicon)
            }
        }
        (false, false) => {
            if CLOSED_PREFIXES.contains(&lower_left.as_str())
                || SUFFIX_FRAGMENTS.contains(&lower_right.as_str())
            {
                (Decision::Join, Reason::Rule)
            } else if rw && lex.contains(left) && left.chars().count() >= 3 {
                (Decision::Keep, Reason::Lexicon)
            } else {
                (Decision::Join, Reason::Default)
            }
        }
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

    #[test]
    fn parts_around_the_break() {
        assert_eq!(left_part("the rule-of-law-orient"), "orient");
        assert_eq!(left_part("(“bor"), "bor");
        assert_eq!(right_part("tary-to-military cooperation"), "tary");
        assert_eq!(right_part("der, which"), "der");
        assert_eq!(right_part("Mexico’s"), "Mexico’s");
    }
}
