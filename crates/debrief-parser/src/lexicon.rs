//! The English lexicon behind dehyphenation and glued-word splitting.
//!
//! The embedded list is SCOWL (Kevin Atkinson's Spell Checker Oriented Word Lists, as packaged
//! by Debian in `wamerican`, `wamerican-large` and the affix-expanded `hunspell-en-us`), compiled
//! by `data/build-lexicon.sh` into an `fst` map of about 131,000 lower-case words, each flagged as
//! common, rarer, or proper-noun-only; its licence notice is `data/LICENSE-SCOWL.txt`. A short
//! list of policy vocabulary the lists lack (`data/domain-words.txt`) sits beside it.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::hash::{self, HashedMap};

/// The compiled SCOWL map (see `data/build-lexicon.sh`).
static LEXICON_FST: &[u8] = include_bytes!("../data/lexicon.fst");
/// Policy vocabulary missing from SCOWL, one word a line, `#` comments.
static DOMAIN_WORDS: &str = include_str!("../data/domain-words.txt");

/// Flag: the word is in SCOWL's common list (size 50, Debian `wamerican`).
pub(crate) const COMMON: u64 = 1;
/// Flag: the word is only in the larger lists (rarer words, inflections).
pub(crate) const RARE: u64 = 2;
/// Flag: the word is only ever written with a capital (a proper noun).
pub(crate) const PROPER: u64 = 4;
/// Flag: the word comes from the domain list or from words added by the caller.
pub(crate) const EXTRA: u64 = 8;

fn embedded_map() -> Option<&'static fst::Map<&'static [u8]>> {
    static MAP: OnceLock<Option<fst::Map<&'static [u8]>>> = OnceLock::new();
    MAP.get_or_init(|| fst::Map::new(LEXICON_FST).ok()).as_ref()
}

fn domain_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&str> = DOMAIN_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        words.sort_unstable();
        words
    })
}

/// The word list the parser consults to decide whether `bor-`/`der` is `border` and whether
/// `Contractsforfive` is three words.
///
/// Cheap to clone. The default is [`Lexicon::embedded`]; [`Lexicon::none`] turns the lexicon
/// off, leaving the document's own usage and the rules; [`Lexicon::with_words`] adds words
/// (your field's vocabulary, names).
///
/// ```
/// use debrief_parser::Lexicon;
/// let lex = Lexicon::embedded();
/// assert!(lex.contains("border"));
/// assert!(lex.contains("Policymakers"));
/// assert!(lex.contains("counterterrorism")); // from the domain list
/// assert!(!lex.contains("mili"));
/// assert!(!Lexicon::none().contains("border"));
/// assert!(Lexicon::none().with_words(["Merida"]).contains("merida"));
/// ```
#[derive(Debug, Clone)]
pub struct Lexicon {
    embedded: bool,
    /// Extra lower-case words, sorted.
    extra: Arc<Vec<String>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::embedded()
    }
}

impl PartialEq for Lexicon {
    fn eq(&self, other: &Self) -> bool {
        self.embedded == other.embedded && self.extra == other.extra
    }
}

impl Lexicon {
    /// The embedded SCOWL lexicon plus the domain list.
    ///
    /// ```
    /// assert!(debrief_parser::Lexicon::embedded().contains("military"));
    /// ```
    pub fn embedded() -> Self {
        Lexicon {
            embedded: true,
            extra: Arc::new(Vec::new()),
        }
    }

    /// No word list at all: hyphens are decided by the document's own usage and the rules.
    ///
    /// ```
    /// assert!(!debrief_parser::Lexicon::none().contains("military"));
    /// ```
    pub fn none() -> Self {
        Lexicon {
            embedded: false,
            extra: Arc::new(Vec::new()),
        }
    }

    /// This lexicon with `words` added (compared case-insensitively).
    ///
    /// ```
    /// let lex = debrief_parser::Lexicon::embedded().with_words(["USMCA", "nearshored"]);
    /// assert!(lex.contains("usmca"));
    /// ```
    #[must_use]
    pub fn with_words<I, S>(self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut extra: Vec<String> = self.extra.as_ref().clone();
        extra.extend(words.into_iter().map(|w| w.as_ref().trim().to_lowercase()));
        extra.retain(|w| !w.is_empty());
        extra.sort_unstable();
        extra.dedup();
        Lexicon {
            embedded: self.embedded,
            extra: Arc::new(extra),
        }
    }

    /// Whether `word` is known (case-insensitive; a final `'s` is ignored).
    ///
    /// ```
    /// let lex = debrief_parser::Lexicon::embedded();
    /// assert!(lex.contains("Mexico’s"));
    /// assert!(!lex.contains("costeffective"));
    /// ```
    pub fn contains(&self, word: &str) -> bool {
        self.flags(word) != 0
    }

    /// The flags of `word` (0 when unknown): [`COMMON`], [`RARE`], [`PROPER`], [`EXTRA`].
    pub(crate) fn flags(&self, word: &str) -> u64 {
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if word.is_empty() || word.len() > 48 {
            return 0;
        }
        let mut buf = [0u8; 48];
        let key: &[u8] = if word.is_ascii() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            b
        } else {
            return self.flags_of_key(word.to_lowercase().as_bytes());
        };
        self.flags_of_key(key)
    }

    fn flags_of_key(&self, key: &[u8]) -> u64 {
        let mut flags = 0;
        if self.embedded {
            if let Some(map) = embedded_map() {
                flags |= map.get(key).unwrap_or(0);
            }
            if flags == 0 && domain_contains(domain_words(), key) {
                flags |= EXTRA;
            }
        }
        if flags == 0
            && !self.extra.is_empty()
            && self
                .extra
                .binary_search_by(|w| w.as_bytes().cmp(key))
                .is_ok()
        {
            flags |= EXTRA;
        }
        flags
    }

    /// Whether `word` is a common, lower-case English word (not only a name). Used where a
    /// rare word would be weak evidence (`der`, `ness` are in the large lists).
    #[cfg(test)]
    pub(crate) fn is_common(&self, word: &str) -> bool {
        is_common(self.flags(word))
    }
}

/// The lexicon as one parse consults it: the flags of each distinct word are looked up once and
/// remembered. A document repeats its vocabulary, and a lookup in the embedded map walks one
/// node per byte (about 2,000 instructions for a word, callgrind) where a remembered answer
/// costs a hash and a probe (about 100).
pub(crate) struct Words<'l> {
    lexicon: &'l Lexicon,
    seen: RefCell<HashedMap<u64>>,
}

impl<'l> Words<'l> {
    pub(crate) fn new(lexicon: &'l Lexicon) -> Self {
        Words {
            lexicon,
            seen: RefCell::new(HashedMap::default()),
        }
    }

    /// [`Lexicon::flags`], remembered.
    pub(crate) fn flags(&self, word: &str) -> u64 {
        let key = word.bytes().fold(hash::FNV_BASIS, hash::fnv_byte);
        if let Some(&f) = self.seen.borrow().get(&key) {
            return f;
        }
        let f = self.lexicon.flags(word);
        self.seen.borrow_mut().insert(key, f);
        f
    }

    /// [`Lexicon::contains`], remembered.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.flags(word) != 0
    }

    /// [`Lexicon::is_common`], remembered.
    pub(crate) fn is_common(&self, word: &str) -> bool {
        is_common(self.flags(word))
    }
}

/// Whether a word with `flags` is common and not only a name.
fn is_common(flags: u64) -> bool {
    flags & (COMMON | EXTRA) != 0 && flags & PROPER == 0
}

/// Whether the sorted `words` hold `key` or `key` minus a regular ending.
fn domain_contains(words: &[&str], key: &[u8]) -> bool {
    let has = |k: &[u8]| words.binary_search_by(|w| w.as_bytes().cmp(k)).is_ok();
    if has(key) {
        return true;
    }
    for suffix in [&b"s"[..], b"es", b"ed", b"ing", b"er", b"ers", b"d"] {
        if let Some(stem) = key.strip_suffix(suffix)
            && stem.len() >= 3
            && has(stem)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_list_loads_and_flags_words() {
        let lex = Lexicon::embedded();
        assert!(lex.is_common("border"));
        assert!(lex.contains("policymakers")); // large list / hunspell inflection
        assert!(!lex.is_common("der"));
        assert!(lex.flags("Pyongyang") & PROPER != 0);
        assert!(lex.contains("subgrantees")); // domain list with an ending
        assert!(!lex.contains("costeffective"));
        assert!(!lex.contains(""));
    }

    #[test]
    fn added_words_are_case_insensitive() {
        let lex = Lexicon::none().with_words(["Zeta", "alpha"]);
        assert!(lex.contains("ZETA"));
        assert!(lex.contains("alpha"));
        assert!(!lex.contains("beta"));
    }
}
