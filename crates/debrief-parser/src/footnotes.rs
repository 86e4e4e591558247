//! Footnotes at the bottom of pages, found from evidence on the page: a line that is a small
//! number (or opens with one) in the lower part of a page, whose number the body text above
//! it carries as a marker glued to a word (`history.1`, `Assistance,1`), starts the page's
//! footnote area; later numbers in sequence start the next notes. Everything else in the area
//! continues the note above it.

use crate::grammar;
use crate::lines::{Flags, Line};

/// What a line is, as far as footnotes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Ordinary text (or furniture, decided elsewhere).
    Text,
    /// Opens footnote `label`; the note's text starts `skip` bytes into the line.
    Start { label: u32, skip: usize },
    /// Continues the footnote above.
    Continue,
}

/// The role of line `i` in `roles` (as [`detect`] returns them).
pub(crate) fn role(roles: &[Role], i: usize) -> Role {
    roles.get(i).copied().unwrap_or(Role::Text)
}

/// The numbers glued to words in `text` as footnote markers would be: digits right after a
/// letter or closing punctuation, ending the word. Calls `f(number, start, end)` with byte
/// offsets into `text`.
pub(crate) fn glued_markers(text: &str, mut f: impl FnMut(u32, usize, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        if end - start > 3 || start == 0 {
            continue;
        }
        // Must end the word.
        let after = text[end..].chars().next();
        if after.is_some_and(|c| !(c.is_whitespace() || matches!(c, ',' | ';' | ')' | ']'))) {
            continue;
        }
        let before = text[..start].chars().next_back();
        let ok = match before {
            Some(c) if c.is_alphabetic() => {
                // Not an acronym or model number (`CO2`, `FY2025`, `F35`): the word before
                // must have a lower-case letter.
                let word_start = text[..start]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(0, |(p, c)| p + c.len_utf8());
                text[word_start..start].chars().any(char::is_lowercase)
            }
            Some('.') => {
                // `2005.1` only at the end of a line (a superscript that pdftotext moved);
                // `3.1 percent` is a number.
                let before_dot = text[..start - 1].chars().next_back();
                before_dot.is_some_and(|c| !c.is_ascii_digit()) || after.is_none()
            }
            Some(',' | ';' | ':' | ')' | '”' | '’' | '"' | '\'') => true,
            _ => false,
        };
        if ok && let Ok(n) = text[start..end].parse::<u32>() {
            f(n, start, end);
        }
    }
}

/// Finds footnotes. `furniture[i]` tells whether line `i` was already taken as furniture.
/// The roles are indexed like `lines`; a document without footnotes gets no table at all (every
/// line is [`Role::Text`], see [`role`]).
pub(crate) fn detect(src: &str, lines: &[Line], furniture: &[bool]) -> Vec<Role> {
    let mut roles = Vec::new();
    let mut markers: Vec<u32> = Vec::new();
    let mut body: Vec<usize> = Vec::new();
    let mut next_label = 1u32;
    let mut i = 0;
    while i < lines.len() {
        // One page at a time.
        let page = lines[i].page;
        let start = i;
        while i < lines.len() && lines[i].page == page {
            i += 1;
        }
        let end = i;
        body.clear();
        body.extend((start..end).filter(|&k| !furniture[k]));
        if body.len() < 3 {
            continue;
        }
        // Where the footnote area begins: the first label line in the lower part of the page
        // whose number the text above carries as a marker.
        markers.clear();
        let mut area: Option<usize> = None;
        let min_pos = body.len() / 4;
        for (pos, &k) in body.iter().enumerate() {
            // Labels and markers are digits: a line without any has neither.
            if !lines[k].flags.any(Flags::DIGIT) {
                continue;
            }
            let text = lines[k].text(src);
            if pos >= min_pos.max(1)
                && let Some((n, _)) = grammar::footnote_label(text)
                && n >= next_label
                && n <= next_label + 20
                && markers.contains(&n)
                && pos + 1 < body.len() + usize::from(text.len() > 4)
            {
                area = Some(pos);
                break;
            }
            glued_markers(text, |n, _, _| markers.push(n));
        }
        let Some(area) = area else { continue };
        if roles.is_empty() {
            roles = vec![Role::Text; lines.len()];
        }
        let mut current = 0u32;
        for &k in &body[area..] {
            let text = lines[k].text(src);
            match grammar::footnote_label(text) {
                Some((n, skip)) if current == 0 || n == current + 1 => {
                    roles[k] = Role::Start { label: n, skip };
                    current = n;
                    next_label = n + 1;
                }
                _ => roles[k] = Role::Continue,
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    #[test]
    fn glued_markers_are_found() {
        let text = "history.1 In the hundreds,2 and events.”3";
        let mut found = Vec::new();
        glued_markers(text, |n, s, e| found.push((n, &text[s..e])));
        assert_eq!(found, [(1, "1"), (2, "2"), (3, "3")]);
        let mut found = Vec::new();
        glued_markers("CO2 and FY2025 grew 3.1 percent in 2005.1", |n, _, _| {
            found.push(n);
        });
        assert_eq!(found, [1]);
    }

    #[test]
    fn footnote_area_at_the_page_bottom() {
        let src = "Body line one of the page.\nSocieties remember history.1\nIn the United States, there are\nmany memorials.2\nMore text.\n1\nCarole Blair, Places of Memory.\n2\nErika Doss, Memorial Mania\n(2010), p. 19.\n";
        let l = lines::scan(src);
        let roles = detect(src, &l.lines, &vec![false; l.lines.len()]);
        assert_eq!(roles[5], Role::Start { label: 1, skip: 1 });
        assert_eq!(roles[6], Role::Continue);
        assert_eq!(roles[7], Role::Start { label: 2, skip: 1 });
        assert_eq!(roles[9], Role::Continue);
        assert!(roles[..5].iter().all(|r| *r == Role::Text));
    }

    #[test]
    fn a_number_without_a_marker_is_not_a_footnote() {
        let src = "Table of values follows.\nRow one\nRow two\n1\nRow three\n";
        let l = lines::scan(src);
        let roles = detect(src, &l.lines, &vec![false; l.lines.len()]);
        assert!(roles.iter().all(|r| *r == Role::Text));
    }
}
