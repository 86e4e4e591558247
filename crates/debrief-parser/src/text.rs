//! Small facts about pieces of text that several stages ask: does a line end a sentence, does
//! it start with a capital, does it read like a heading, where does the first sentence end.

/// Words that do not end a heading and do not count for Title Case (sorted: see [`listed`]).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "between", "but", "by", "for", "from",
    "if", "in", "into", "is", "its", "nor", "not", "of", "on", "onto", "or", "over", "per", "so",
    "than", "that", "the", "their", "these", "this", "those", "to", "under", "via", "was", "were",
    "which", "who", "whose", "with",
];

/// Abbreviations after which a period does not end a sentence (sorted: see [`listed`]).
const ABBREVIATIONS: &[&str] = &[
    "al", "app", "art", "cf", "ch", "cl", "co", "col", "corp", "dept", "dr", "e.g", "ed", "eds",
    "fig", "figs", "gen", "gov", "i.e", "inc", "jr", "lt", "mr", "mrs", "ms", "no", "nos", "p",
    "para", "pp", "pres", "prof", "pub", "rep", "rev", "sec", "sen", "sr", "st", "stat", "v",
    "vol", "vs",
];

/// Whether `w` is one of the lower-case ASCII words of `sorted` (in byte order), in any case.
///
/// A binary search of the word lower-cased in a buffer, where a comparison with each word in
/// turn was about a tenth slower (callgrind, on the corpus; the lists are asked several times
/// a line).
fn listed(sorted: &[&str], w: &str) -> bool {
    let mut buf = [0u8; 8];
    let Some(key) = buf.get_mut(..w.len()) else {
        return false;
    };
    key.copy_from_slice(w.as_bytes());
    key.make_ascii_lowercase();
    sorted.binary_search_by(|f| f.as_bytes().cmp(key)).is_ok()
}

/// Opening punctuation skipped before the first letter of a line.
fn is_opener(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '*' | '_')
}

/// Closing punctuation skipped after the last letter of a line.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '*' | '_')
}

/// The first character after opening punctuation.
pub(crate) fn first_char(s: &str) -> Option<char> {
    s.chars().find(|&c| !is_opener(c))
}

/// Whether `s` starts (after opening punctuation) with a lower-case letter.
pub(crate) fn starts_lower(s: &str) -> bool {
    first_char(s).is_some_and(char::is_lowercase)
}

/// Whether `s` starts (after opening punctuation) with a capital or a digit.
pub(crate) fn starts_upper(s: &str) -> bool {
    first_char(s).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `s` without closing punctuation at its end.
fn trim_closers(s: &str) -> &str {
    s.trim_end_matches(is_closer)
}

/// Whether the last word of `s` is an abbreviation whose period does not end a sentence
/// (`e.g.`, `Mr.`, `pp.`, an initial like `W.`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(is_opener).trim_end_matches('.');
    if w.is_empty() {
        return false;
    }
    if w.len() <= 4 && listed(ABBREVIATIONS, w) {
        return true;
    }
    // A single capital: an initial (`George W.`).
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// Whether `s` is an initialism like `U.S.` or `D.C.` (letters and periods).
pub(crate) fn is_initialism(word: &str) -> bool {
    let w = word.trim_start_matches(is_opener);
    w.matches('.').count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
        && w.split('.').all(|p| p.chars().count() <= 2)
}

/// Whether `s` ends a sentence: `.`, `?` or `!` (before closing quotes), not after an
/// abbreviation.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = trim_closers(s.trim_end());
    let Some(last) = t.chars().next_back() else {
        return false;
    };
    match last {
        '?' | '!' => true,
        '.' => {
            let word = t.rsplit(char::is_whitespace).next().unwrap_or(t);
            !is_abbreviation(word)
        }
        _ => false,
    }
}

/// Whether `s` ends with a colon or semicolon (a lead-in or a list item's end).
pub(crate) fn ends_clause(s: &str) -> bool {
    trim_closers(s.trim_end()).ends_with([':', ';'])
}

/// The number of words in `s`.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The number of words in `s`, or `n` when it has `n` or more (reads only as far as the
/// `n`th word).
pub(crate) fn word_count_upto(s: &str, n: usize) -> usize {
    s.split_whitespace().take(n).count()
}

/// Whether `s` has at least `n` words (reads only as far as the `n`th: a paragraph's length
/// does not matter).
pub(crate) fn has_words(s: &str, n: usize) -> bool {
    n == 0 || s.split_whitespace().nth(n - 1).is_some()
}

/// `s` trimmed, if its shape allows a heading: not empty, at most 150 bytes, opening with a
/// capital or a section number, not ending like a sentence, a clause or a cut word (the first
/// tests of [`heading_like`], the cheapest).
fn heading_shape(s: &str) -> Option<&str> {
    let s = s.trim();
    if s.is_empty() || s.len() > 150 {
        return None;
    }
    let last = s.chars().next_back().unwrap_or(' ');
    if matches!(last, '.' | ',' | ';' | '-' | '—' | '–' | '/' | '&') || !starts_upper(s) {
        return None;
    }
    Some(s)
}

/// Whether `s` could be a heading on a line of its own: short, opening with a capital or a
/// section number, not ending like a sentence or a clause, not ending on a function word.
pub(crate) fn heading_like(s: &str) -> bool {
    // The cheapest tests first (each one alone can say no).
    let Some(s) = heading_shape(s) else {
        return false;
    };
    if ends_on_function_word(s) || has_address(s) {
        return false;
    }
    // Fewer than seventeen words, mostly letters: one pass counting the words, the letters
    // and the other non-space characters. (Callgrind, crs-r45741: a pass for the words, two
    // substring searches for addresses and a pass for the letters took about 1,900
    // instructions a call; with this pass and the address search by memchr, about 1,250.)
    let bytes = s.as_bytes();
    let (mut words, mut letters, mut others) = (0usize, 0usize, 0usize);
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, letter, len) = if b.is_ascii() {
            // `char::is_whitespace` for ASCII: tab to carriage return, and the space.
            (
                matches!(b, b'\t'..=b'\r' | b' '),
                b.is_ascii_alphabetic(),
                1,
            )
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.is_alphabetic(), c.len_utf8())
        };
        if space {
            in_word = false;
        } else {
            if !in_word {
                words += 1;
                if words >= 17 {
                    return false;
                }
                in_word = true;
            }
            if letter {
                letters += 1;
            } else {
                others += 1;
            }
        }
        i += len;
    }
    letters >= 2 && letters > others
}

/// Whether `s` holds a web address (`http`, `www.`).
fn has_address(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'h', b'w', b)
        .any(|i| b[i..].starts_with(b"http") || b[i..].starts_with(b"www."))
}

/// Whether the last word of `s` is a function word (`of`, `the`, `and`…): a line that ends so
/// goes on in the next.
pub(crate) fn ends_on_function_word(s: &str) -> bool {
    let last = s
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(s)
        .trim_matches(|c: char| !c.is_alphanumeric());
    is_function_word(last)
}

/// Whether `w` is one of the [`FUNCTION_WORDS`], in any case.
pub(crate) fn is_function_word(w: &str) -> bool {
    // The longest function word has seven letters.
    w.len() <= 7 && listed(FUNCTION_WORDS, w)
}

/// Whether the words of `s` are in Title Case: every word of four letters or more that is not
/// a function word starts with a capital, and at least two words do.
pub(crate) fn title_case(s: &str) -> bool {
    let mut capitals = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if first.is_uppercase() {
            capitals += 1;
        } else if first.is_lowercase() && w.chars().count() >= 4 && !is_function_word(w) {
            return false;
        }
    }
    capitals >= 2
}

/// The byte offset of the period that ends the first sentence of `s`, if the sentence is
/// followed by more text starting with a capital. Periods of abbreviations and initialisms
/// (`U.S. Should`) are skipped.
pub(crate) fn first_sentence_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'.', &bytes[from..]).map(|i| from + i) {
        from = i + 1;
        if bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = &s[i + 2..];
        if !starts_upper(next) {
            continue;
        }
        let word_start = s[..i]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &s[word_start..=i];
        if is_abbreviation(word) || is_initialism(word) {
            continue;
        }
        return Some(i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`heading_like`] as it was written before its tests were fused into one pass.
    /// (The shape tests were never fused; both versions share [`heading_shape`].)
    fn heading_like_plain(s: &str) -> bool {
        let Some(s) = heading_shape(s) else {
            return false;
        };
        if has_words(s, 17) || ends_on_function_word(s) {
            return false;
        }
        if s.contains("http") || s.contains("www.") {
            return false;
        }
        let (mut letters, mut others) = (0usize, 0usize);
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
            } else if !c.is_whitespace() {
                others += 1;
            }
        }
        letters >= 2 && letters > others
    }

    proptest::proptest! {
        #[test]
        fn one_pass_heading_test_agrees_with_the_plain_one(
            s in "([A-Z][a-z]{0,6}|[a-z]{1,5}|of|the|http|www\\.|1\\.2|[ \t\u{0B}\u{A0}\u{2003}.,;:?’—–é&/()\\-]){0,24}"
        ) {
            proptest::prop_assert_eq!(heading_like(&s), heading_like_plain(&s), "{:?}", s);
        }
    }

    #[test]
    fn word_lists_are_sorted_lower_case_ascii() {
        for list in [FUNCTION_WORDS, ABBREVIATIONS] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
            assert!(list.iter().all(
                |w| w.len() <= 8 && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            ));
        }
        assert!(is_function_word("The") && is_function_word("WHOSE") && !is_function_word("Thee"));
        assert!(is_abbreviation("Vol.") && is_abbreviation("v.") && !is_abbreviation("vox."));
        assert!(!is_function_word("théé") && !is_function_word(""));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("the terrain."));
        assert!(ends_sentence("secure” the border?"));
        assert!(ends_sentence("on the ground.”"));
        assert!(!ends_sentence("George W."));
        assert!(!ends_sentence("see e.g."));
        assert!(!ends_sentence("the topic of"));
        assert!(ends_clause("the following:"));
    }

    #[test]
    fn headings_and_title_case() {
        assert!(heading_like("Trade in Goods"));
        assert!(heading_like("How could biometric technologies fail?"));
        assert!(heading_like("1. Introduction"));
        assert!(!heading_like("the topic of"));
        assert!(!heading_like("Mexico is a partner."));
        assert!(!heading_like("Border security policy of"));
        assert!(title_case("Mexico: The Essential Partner"));
        assert!(title_case("What the U.S. Should Do"));
        assert!(!title_case("There is no easy answer"));
    }

    #[test]
    fn first_sentences() {
        let s = "What the U.S. Should Do. As the second Obama Administration";
        assert_eq!(first_sentence_end(s), Some(23));
        assert_eq!(
            first_sentence_end("Under Presidents George W. Bush and"),
            None
        );
        assert_eq!(first_sentence_end("No end here"), None);
    }
}
