//! The grammar of single lines and markers, written with nom: list markers (bullets of many
//! glyphs, numbers, letters, roman numerals), page numbers in their usual forms, and the
//! number that opens a footnote. Nothing here is public; callers get plain Rust values.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{all_consuming, eof, opt, peek, recognize};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

/// What a list marker is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerClass {
    /// A bullet glyph (`•`, `■■`, `▪`, `●`, private-use symbol-font bullets).
    Bullet,
    /// A letter that a symbol font drew as a bullet (`l`, `n`, `q`, `o`, `ü`, `Ø`): a bullet
    /// only when the document uses it so more than once.
    SymbolLetter,
    /// A hyphen or dash used as a bullet.
    Dash,
    /// `1.`, `2)`, `(3)`.
    Digit,
    /// `a.`, `(b)`.
    Lower,
    /// `A.`, `(B)`.
    Upper,
    /// `i.`, `(iv)`.
    Roman,
}

/// A list marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker<'a> {
    /// The marker as written (`■■`, `1.`, `(a)`).
    pub(crate) glyph: &'a str,
    /// Bytes from the line start to the item text (marker and the spaces after it).
    pub(crate) len: usize,
    /// What the marker is made of.
    pub(crate) class: MarkerClass,
    /// Position in a numbered or lettered list.
    pub(crate) ordinal: Option<u32>,
    /// Whether the marker is in parentheses (`(a)`) or closed by one (`a)`).
    pub(crate) paren: bool,
}

pub(crate) fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '■'
            | '▪'
            | '●'
            | '◦'
            | '○'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▶'
            | '▸'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '❑'
            | '❖'
            | '⦁'
            | '∙'
            | '·'
            | '*'
            | '\u{F0A7}'
            | '\u{F0B7}'
            | '\u{F0D8}'
            | '\u{F0FC}'
            | '\u{F06E}'
            | '\u{F071}'
    )
}

pub(crate) fn is_symbol_letter(c: char) -> bool {
    matches!(c, 'l' | 'n' | 'q' | 'o' | 'ü' | 'Ø' | 'v')
}

/// The value of a well-formed lower- or upper-case roman numeral below 90 (`xiv` → 14), or
/// `None` (`civil`, `iiii`).
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    const TENS: [&str; 9] = ["", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx"];
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    if s.is_empty()
        || s.len() > 7
        || !s
            .bytes()
            .all(|b| matches!(b | 0x20, b'i' | b'v' | b'x' | b'l'))
    {
        return None;
    }
    let lower = s.bytes().all(|b| b.is_ascii_lowercase());
    let upper = s.bytes().all(|b| b.is_ascii_uppercase());
    if !lower && !upper {
        return None;
    }
    for (t, tens) in TENS.iter().enumerate() {
        for (o, ones) in ONES.iter().enumerate() {
            if tens.len() + ones.len() == s.len()
                && s[..tens.len()].eq_ignore_ascii_case(tens)
                && s[tens.len()..].eq_ignore_ascii_case(ones)
                && t + o > 0
            {
                return u32::try_from(t * 10 + o).ok();
            }
        }
    }
    None
}

/// The ordinal of an alphabetic marker: `a` → 1, `C` → 3.
fn letter_value(s: &str) -> Option<u32> {
    let c = s.chars().next()?;
    c.is_ascii_alphabetic()
        .then(|| u32::from(c.to_ascii_lowercase() as u8 - b'a') + 1)
}

/// After a marker: spaces then text, or the end of the line (a marker on a line of its own).
fn marker_end(input: &str) -> IResult<&str, &str> {
    alt((space1, eof)).parse(input)
}

fn bullet(input: &str) -> IResult<&str, (&str, MarkerClass)> {
    let glyphs = take_while_m_n(1, 3, is_bullet_glyph).map(|g| (g, MarkerClass::Bullet));
    let dash = alt((tag("-"), tag("–"), tag("—"))).map(|g| (g, MarkerClass::Dash));
    let letter = take_while_m_n(1, 1, is_symbol_letter).map(|g| (g, MarkerClass::SymbolLetter));
    terminated(alt((glyphs, dash, letter)), peek(marker_end)).parse(input)
}

/// `(3)`, `(b)`, `(iv)`, or `3.` `3)` `b.` `iv)`: the enumerator without its delimiters.
fn enumerator(input: &str) -> IResult<&str, (&str, bool)> {
    let label = || {
        alt((
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            take_while_m_n(1, 5, |c: char| matches!(c, 'i' | 'v' | 'x')),
            take_while_m_n(1, 5, |c: char| matches!(c, 'I' | 'V' | 'X')),
            take_while_m_n(1, 1, |c: char| c.is_ascii_alphabetic()),
        ))
    };
    let parened = delimited(char('('), label(), char(')')).map(|l| (l, true));
    let closed = terminated(label(), char(')')).map(|l| (l, true));
    let dotted = terminated(label(), char('.')).map(|l| (l, false));
    terminated(alt((parened, closed, dotted)), peek(marker_end)).parse(input)
}

/// The list marker that opens `line` (already trimmed at the start), if any.
///
/// Bullets may stand alone on their line; numbers and letters need text after them.
pub(crate) fn list_marker(line: &str) -> Option<Marker<'_>> {
    // Most lines open with a word, a quote or a figure that no marker opens with: they are
    // turned away before the grammar runs. A letter opens a marker only as a roman numeral or
    // a letter before `.` or `)`, or as a symbol-font bullet before a space.
    let b = line.as_bytes();
    let first = line.chars().next()?;
    match first {
        'a'..='z' | 'A'..='Z' => {
            let run = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let next = b.get(run);
            if !matches!(next, Some(b'.' | b')'))
                && (run >= 2
                    || !(is_symbol_letter(first) && matches!(next, None | Some(b' ' | b'\t'))))
            {
                return None;
            }
        }
        '0'..='9' | '(' | '-' | '*' => {}
        c if c.is_ascii() => return None,
        c if !(is_bullet_glyph(c) || is_symbol_letter(c) || matches!(c, '–' | '—')) => {
            return None;
        }
        _ => {}
    }
    if let Ok((rest, (glyph, class))) = bullet(line) {
        let after = rest.trim_start();
        return Some(Marker {
            glyph,
            len: line.len() - after.len(),
            class,
            ordinal: None,
            paren: false,
        });
    }
    let (rest, (label, paren)) = enumerator(line).ok()?;
    let after = rest.trim_start();
    if after.is_empty() {
        return None;
    }
    let glyph = &line[..line.len() - rest.len()];
    let (class, ordinal) = if label.bytes().all(|b| b.is_ascii_digit()) {
        (MarkerClass::Digit, label.parse().ok())
    } else if label.len() > 1 || matches!(label, "i" | "v" | "x" | "I" | "V" | "X") {
        (MarkerClass::Roman, roman_value(label))
    } else if label.bytes().all(|b| b.is_ascii_lowercase()) {
        (MarkerClass::Lower, letter_value(label))
    } else {
        (MarkerClass::Upper, letter_value(label))
    };
    // A roman numeral must be valid; `ii.` is, `vx.` is not.
    ordinal?;
    Some(Marker {
        glyph,
        len: line.len() - after.len(),
        class,
        ordinal,
        paren,
    })
}

/// A page number on a line of its own: `12`, `- 12 -`, `Page 12`, `Page 12 of 40`, `12 of 40`,
/// `xii`.
pub(crate) fn is_page_number(line: &str) -> bool {
    // Every form opens with a digit, a dash, `page` or a roman numeral: other lines are turned
    // away before the grammar runs.
    if !line.as_bytes().first().is_some_and(|&b| {
        b.is_ascii_digit()
            || matches!(
                b,
                b'-' | 0xE2
                    | b'p'
                    | b'P'
                    | b'i'
                    | b'v'
                    | b'x'
                    | b'l'
                    | b'c'
                    | b'I'
                    | b'V'
                    | b'X'
                    | b'L'
                    | b'C'
            )
    }) {
        return false;
    }
    // A line opening with a letter is a page number only as `page …` or as a roman numeral of
    // one case alone before a space or the end: `In the …`, `Congress …`, `Pursuant …` are
    // turned away without the grammar (callgrind: about 180 instructions a line through it).
    let b = line.as_bytes();
    if b[0].is_ascii_alphabetic() && !b.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"page")) {
        let roman = |c: u8| matches!(c.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l' | b'c');
        let run = b.iter().take_while(|&&c| roman(c)).count();
        if run > 7
            || !b[..run]
                .iter()
                .all(|c| c.is_ascii_lowercase() == b[0].is_ascii_lowercase())
            || !matches!(b.get(run), None | Some(b' ' | b'\t'))
        {
            return false;
        }
    }
    let number = || {
        alt((
            digit1,
            take_while_m_n(1, 7, |c: char| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')),
            take_while_m_n(1, 7, |c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')),
        ))
    };
    let of_total = || opt((space1, tag_no_case("of"), space1, digit1));
    let plain = (number(), of_total());
    let dashed = (
        alt((tag("-"), tag("–"))),
        space0,
        number(),
        space0,
        alt((tag("-"), tag("–"))),
    )
        .map(|_| ("", None));
    let paged = preceded((tag_no_case("page"), space1), (number(), of_total()));
    let digits_ok = |line: &str| {
        let n: String = line.chars().filter(char::is_ascii_digit).collect();
        n.len() <= 5
    };
    let parsed: IResult<&str, _> = all_consuming(alt((paged, dashed, plain))).parse(line);
    if parsed.is_err() || !digits_ok(line) {
        return false;
    }
    // A roman numeral must be well formed: `civil` is a word, not a page.
    let word = line
        .split_whitespace()
        .find(|w| w.chars().all(|c| c.is_ascii_alphabetic()));
    match word {
        Some(w) if !w.eq_ignore_ascii_case("page") && !w.eq_ignore_ascii_case("of") => {
            roman_value(w).is_some()
        }
        _ => true,
    }
}

/// The label of a footnote that opens `line`: a line that is only a small number (`7`), or a
/// number followed by the note's text (`7 Testimony of …`, `7. Testimony …`). Returns the
/// number and the byte length of the label with the spaces after it.
pub(crate) fn footnote_label(line: &str) -> Option<(u32, usize)> {
    if !line.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = take_while_m_n(1, 3, |c: char| c.is_ascii_digit());
    let parsed: IResult<&str, &str> = recognize(terminated(digits, opt(char('.')))).parse(line);
    let (rest, label) = parsed.ok()?;
    let n: u32 = label.trim_end_matches('.').parse().ok()?;
    if n == 0 {
        return None;
    }
    if rest.is_empty() {
        return Some((n, line.len()));
    }
    let after: IResult<&str, &str> = space1(rest);
    let (text, _) = after.ok()?;
    // The note's text starts with a letter, a quote or a bracket, not with more figures.
    let first = text.chars().next()?;
    (first.is_alphabetic() || matches!(first, '“' | '"' | '‘' | '\'' | '[' | '(' | '§'))
        .then_some((n, line.len() - text.len()))
}

/// The length of a `[12]`-style reference at the start of `s`, and its number.
pub(crate) fn bracket_reference(s: &str) -> Option<(u32, usize)> {
    let parsed: IResult<&str, &str> = delimited(
        char('['),
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        char(']'),
    )
    .parse(s);
    let (rest, n) = parsed.ok()?;
    Some((n.parse().ok()?, s.len() - rest.len()))
}

/// Whether `line` is a rule of dots or dashes, or dot leaders with a page number (table of
/// contents lines end so).
pub(crate) fn has_dot_leaders(line: &str) -> bool {
    // Five dots where the first dot of the line stands.
    memchr::memchr(b'.', line.as_bytes())
        .is_some_and(|at| line.as_bytes()[at..].starts_with(b"....."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(line: &str) -> Option<(&str, MarkerClass, Option<u32>, &str)> {
        list_marker(line).map(|mk| (mk.glyph, mk.class, mk.ordinal, &line[mk.len..]))
    }

    #[test]
    fn bullets_of_many_glyphs() {
        assert_eq!(
            m("■■ Develop a strategy."),
            Some(("■■", MarkerClass::Bullet, None, "Develop a strategy."))
        );
        assert_eq!(m("• item"), Some(("•", MarkerClass::Bullet, None, "item")));
        assert_eq!(
            m("\u{F0B7} item"),
            Some(("\u{F0B7}", MarkerClass::Bullet, None, "item"))
        );
        assert_eq!(
            m("l Item"),
            Some(("l", MarkerClass::SymbolLetter, None, "Item"))
        );
        assert_eq!(m("– item"), Some(("–", MarkerClass::Dash, None, "item")));
        assert_eq!(m("•"), Some(("•", MarkerClass::Bullet, None, "")));
        assert_eq!(m("-denied environments"), None);
        assert_eq!(m("love"), None);
    }

    #[test]
    fn numbers_letters_and_romans() {
        assert_eq!(
            m("1. First"),
            Some(("1.", MarkerClass::Digit, Some(1), "First"))
        );
        assert_eq!(
            m("(12) Twelfth"),
            Some(("(12)", MarkerClass::Digit, Some(12), "Twelfth"))
        );
        assert_eq!(
            m("(c) third"),
            Some(("(c)", MarkerClass::Lower, Some(3), "third"))
        );
        assert_eq!(
            m("B. Second"),
            Some(("B.", MarkerClass::Upper, Some(2), "Second"))
        );
        assert_eq!(
            m("iv. fourth"),
            Some(("iv.", MarkerClass::Roman, Some(4), "fourth"))
        );
        assert_eq!(
            m("(ii) second"),
            Some(("(ii)", MarkerClass::Roman, Some(2), "second"))
        );
        assert_eq!(m("1."), None);
        assert_eq!(m("U.S. policy"), None);
        assert_eq!(m("2025 was"), None);
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "12",
            "- 12 -",
            "Page 12",
            "page 3 of 40",
            "12 of 40",
            "xii",
            "iii",
            "XIV",
            "iv of 12",
            "XL of 200",
            "PAGE 7",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "12 percent",
            "Page",
            "mix",
            "2025 Report",
            "1234567",
            "In 2020",
            "Congress",
            "Iv",
            "ivy",
            "xiiiiiii",
            "Pursuant",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn footnote_labels() {
        assert_eq!(footnote_label("7"), Some((7, 1)));
        assert_eq!(footnote_label("12 Testimony of P. Smith"), Some((12, 3)));
        assert_eq!(footnote_label("3. See CRS Report"), Some((3, 3)));
        assert_eq!(footnote_label("40 U.S.C. §§8901-8910."), Some((40, 3)));
        assert_eq!(footnote_label("2005 was a year"), None);
        assert_eq!(footnote_label("12 34"), None);
        assert_eq!(footnote_label("0"), None);
    }

    #[test]
    fn references_and_leaders() {
        assert_eq!(bracket_reference("[12] rest"), Some((12, 4)));
        assert_eq!(bracket_reference("[a]"), None);
        assert!(has_dot_leaders("Introduction ........ 1"));
        assert!(!has_dot_leaders("U.S. policy... and more"));
    }
}
