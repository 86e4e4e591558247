//! Acronym definitions, found with the Schwartz–Hearst algorithm.
//!
//! Schwartz and Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
//! biomedical text": a short form in parentheses after its long form ("Border Enforcement
//! Security Task Force (BEST)"), or a long form in parentheses after its short form; the long
//! form is the shortest run of preceding words, at most `min(|A| + 5, 2|A|)` of them, in which the
//! short form's characters occur in order, the first one at the start of a word.
//!
//! ```
//! let text = "teams of the Border Enforcement Security Task Force (BEST) work closely";
//! let d = &debrief_model::acronym_definitions(text)[0];
//! assert_eq!(&text[d.short.clone()], "BEST");
//! assert_eq!(&text[d.long.clone()], "Border Enforcement Security Task Force");
//! ```

use std::ops::Range;

/// An acronym defined in a text: byte ranges of the short and long forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcronymDefinition {
    /// The short form ("BEST").
    pub short: Range<usize>,
    /// The long form ("Border Enforcement Security Task Force").
    pub long: Range<usize>,
    /// From the first byte of the first form to the closing parenthesis.
    pub whole: Range<usize>,
}

/// The acronym definitions in `text` (best used one sentence or block at a time), in order.
///
/// ```
/// let text = "The Department of Homeland Security (DHS) and the EAC (Election Assistance Commission).";
/// let defs = debrief_model::acronym_definitions(text);
/// let pairs: Vec<(&str, &str)> = defs.iter().map(|d| (&text[d.short.clone()], &text[d.long.clone()])).collect();
/// assert_eq!(pairs, [("DHS", "Department of Homeland Security"), ("EAC", "Election Assistance Commission")]);
/// ```
pub fn acronym_definitions(text: &str) -> Vec<AcronymDefinition> {
    let mut out = Vec::new();
    let mut i = 0;
    // memchr rather than `str::find`: the standard library's byte search cost about a third
    // of this function's instructions on the corpus.
    let bytes = text.as_bytes();
    while let Some(open) = memchr::memchr(b'(', &bytes[i..]).map(|k| i + k) {
        let Some(close) = memchr::memchr(b')', &bytes[open + 1..]).map(|k| open + 1 + k) else {
            break;
        };
        i = open + 1;
        let inner = &text[open + 1..close];
        if inner.contains('(') {
            continue;
        }
        // The part before ";" or "," (SH: "(BEST; see below)").
        let cut = memchr::memchr2(b';', b',', inner.as_bytes()).unwrap_or(inner.len());
        let candidate = inner[..cut].trim();
        let c_start = open + 1 + (inner[..cut].len() - inner[..cut].trim_start().len());
        let c_range = c_start..c_start + candidate.len();
        // At most two words inside (a short form), or more (a long form): the words need not
        // all be counted.
        let few_words = candidate.split_whitespace().nth(2).is_none();
        if few_words && is_short_form(candidate) {
            // long form (SHORT)
            let before = &text[..open];
            let before = before.trim_end();
            if let Some(long_start) = long_form(before, candidate) {
                out.push(AcronymDefinition {
                    short: c_range,
                    long: long_start..before.len(),
                    whole: long_start..close + 1,
                });
            }
        } else if !few_words {
            // SHORT (long form)
            let before = text[..open].trim_end();
            let word_start = before
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(k, c)| k + c.len_utf8());
            let short = &before[word_start..];
            if is_short_form(short)
                && let Some(long_start) = long_form(candidate, short)
                && long_start == 0
            {
                out.push(AcronymDefinition {
                    short: word_start..before.len(),
                    long: c_range.clone(),
                    whole: word_start..close + 1,
                });
            }
        }
    }
    out
}

/// A short form: 2–10 characters, starting with a letter or digit, with at least one upper-case
/// letter (and not a plain number or a plain lower-case word).
fn is_short_form(s: &str) -> bool {
    let len = s.chars().count();
    (2..=10).contains(&len)
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().any(char::is_uppercase)
        && !s.chars().all(|c| c.is_ascii_digit())
        && !s.contains(' ')
}

/// The start of the long form of `short` at the end of `before`, if any.
fn long_form(before: &str, short: &str) -> Option<usize> {
    let short_chars: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if short_chars.is_empty() {
        return None;
    }
    let max_words = (short_chars.len() + 5).min(short_chars.len() * 2);
    // The window: at most `max_words` words before the parenthesis, within the sentence.
    let mut window_start = before.len();
    let mut words = 0;
    for (k, c) in before.char_indices().rev() {
        if matches!(c, '.' | ';' | ':' | '(' | ')' | '!' | '?') {
            // Keep periods inside "U.S." words: only stop at a period followed by a space.
            if c != '.' || before[k + 1..].starts_with(' ') {
                break;
            }
        }
        if c.is_whitespace() {
            if before[k + c.len_utf8()..window_start].trim().is_empty() {
                window_start = k;
                continue;
            }
            words += 1;
            if words >= max_words {
                break;
            }
        }
        window_start = k;
    }
    let window = &before[window_start..];
    let start = if window.is_ascii() {
        // Over bytes, without collecting the characters (most windows are ASCII).
        let bytes = window.as_bytes();
        letter_walk(
            &short_chars,
            bytes.len(),
            |i| char::from(bytes[i].to_ascii_lowercase()),
            |i| i == 0 || !bytes[i - 1].is_ascii_alphanumeric(),
        )?
    } else {
        let chars: Vec<(usize, char)> = window.char_indices().collect();
        let i = letter_walk(
            &short_chars,
            chars.len(),
            |i| chars[i].1.to_ascii_lowercase(),
            |i| i == 0 || !chars[i - 1].1.is_alphanumeric(),
        )?;
        chars[i].0
    };
    let long = &window[start..];
    if long.chars().count() <= short.chars().count() || long.split_whitespace().count() < 2 {
        return None;
    }
    Some(window_start + start)
}

/// The Schwartz–Hearst letter walk over a window of `len` characters: from the window's end
/// backwards, each character of the short form (its last first) is found in turn, the first one
/// at a word start. `letter(i)` is the window's `i`-th character lower-cased, `word_start(i)`
/// whether a word starts at it. Returns the index where the long form starts. The closures
/// let one walk serve both the byte view of an ASCII window and the characters of any other.
fn letter_walk(
    short_chars: &[char],
    len: usize,
    letter: impl Fn(usize) -> char,
    word_start: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut l = len;
    for (s_idx, sc) in short_chars.iter().enumerate().rev() {
        let first = s_idx == 0;
        loop {
            l = l.checked_sub(1)?;
            if letter(l) == *sc && (!first || word_start(l)) {
                break;
            }
        }
    }
    Some(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(&str, &str)> {
        acronym_definitions(text)
            .iter()
            .map(|d| (&text[d.short.clone()], &text[d.long.clone()]))
            .collect()
    }

    #[test]
    fn schwartz_hearst_cases() {
        assert_eq!(
            pairs("the U.S. Election Assistance Commission (EAC) is"),
            [("EAC", "Election Assistance Commission")]
        );
        assert_eq!(
            pairs("The Protecting Our Local Elections (POLE) Act"),
            [("POLE", "Protecting Our Local Elections")]
        );
        assert_eq!(
            pairs("Help America Vote Act of 2002 (HAVA)"),
            [("HAVA", "Help America Vote Act of 2002")]
        );
        // Not acronyms: numbers, lower-case words, list markers.
        assert!(pairs("examine (1) challenges and (see figure) in (2005)").is_empty());
    }
}
