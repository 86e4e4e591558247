//! Words and small text helpers shared by the extractors.
//!
//! A [`Token`] is a word (letters and digits, with inner `.`, `-`, `'`, `’`, `&` or `/` between
//! word characters, and the final period of a dotted acronym such as `U.S.`) or a single
//! punctuation character. Tokens are byte ranges of the text they were read from; nothing is
//! copied.

use std::ops::Range;

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
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if d == ','
                && text[i..j].ends_with(|c: char| c.is_ascii_digit())
                && text[j + 1..].len() >= 3
                && text.as_bytes()[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && !text.as_bytes().get(j + 4).is_some_and(u8::is_ascii_digit)
            {
                // A thousands separator: "2,000".
                end = j + 1;
                chars.next();
            } else if is_inner_joiner(d) {
                // Keep the joiner only when a word character follows it.
                let after = text[j + d.len_utf8()..].chars().next();
                if after.is_some_and(is_word_char) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // The final period of a dotted acronym (U.S., D.C., U.S.C.).
        let word = &text[i..end];
        if text[end..].starts_with('.') && is_dotted(word) {
            end += 1;
            chars.next();
        }
        out.push(Token {
            start: i,
            end,
            word: true,
        });
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
        assert_eq!(words("U.S.–Mexico 2,000, 12,5"), ["U.S.", "–", "Mexico", "2,000", ",", "12", ",", "5"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Secretary of Energy"), "secretary-of-energy");
        assert_eq!(slug("U.S. Northern Command"), "us-northern-command");
        assert_eq!(slug("Mexico’s armed forces"), "mexicos-armed-forces");
    }
}
