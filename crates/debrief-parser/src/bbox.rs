//! Text from a PDF's word boxes: the XHTML that `pdftotext -bbox-layout` (poppler) writes,
//! turned into text the parser reads best.
//!
//! `pdftotext -raw` drops what tells two paragraphs apart in many policy PDFs: a vertical gap.
//! When the last line of a paragraph is full and the next paragraph is not indented, nothing
//! in the raw text marks the break (in the CRS corpus, 13 such breaks cost 27 of the 222 gold
//! paragraphs). Poppler's layout analysis sees the gap and closes a *block* there; its
//! `-bbox-layout` output keeps the blocks, lines and words with their boxes. This module
//! writes that as text:
//!
//! - one line per line, words separated by one space;
//! - a blank line between blocks (so paragraphs are separated as in the seed brief; a block
//!   that ends mid-sentence, at a column or page end, is joined over by the parser like any
//!   column break);
//! - a form feed after each page;
//! - a superscript (a word set smaller, on a raised baseline) glued to the word before it when
//!   it touches it — a footnote marker, `required.16` — and, when it opens a line, put on a
//!   line of its own, as `pdftotext -raw` prints footnote labels;
//! - XML character references decoded.
//!
//! The function never fails: input that is not such XHTML gives whatever words it holds
//! (often none).

/// A word and its box (points, y growing downwards).
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
    text: &'a str,
}

impl Word<'_> {
    fn height(&self) -> f32 {
        self.y_max - self.y_min
    }
}

/// A superscript is set below this share of the line's usual word height…
const SUPERSCRIPT_HEIGHT: f32 = 0.8;
/// …with its bottom raised above the line's baseline by at least this share of that height.
const SUPERSCRIPT_RISE: f32 = 0.2;
/// A superscript at most this far (points) after the word before it belongs to that word.
const SUPERSCRIPT_GAP: f32 = 1.5;

/// The text of the document that `pdftotext -bbox-layout FILE -` described in `xhtml`.
///
/// ```
/// let xhtml = r#"<doc><page width="612" height="792"><flow>
/// <block><line>
///   <word xMin="72" yMin="100" xMax="120" yMax="112">The</word>
///   <word xMin="123" yMin="100" xMax="170" yMax="112">end.</word>
///   <word xMin="170.2" yMin="99" xMax="174" yMax="106">1</word>
/// </line></block>
/// <block><line>
///   <word xMin="72" yMin="130" xMax="120" yMax="142">Next</word>
///   <word xMin="123" yMin="130" xMax="170" yMax="142">one.</word>
/// </line></block>
/// </flow></page></doc>"#;
/// assert_eq!(
///     debrief_parser::text_from_bbox_layout(xhtml),
///     "The end.1\n\nNext one.\n\u{c}"
/// );
/// ```
#[must_use]
pub fn text_from_bbox_layout(xhtml: &str) -> String {
    let mut out = String::with_capacity(xhtml.len() / 6);
    let mut words: Vec<Word<'_>> = Vec::new();
    // Whether the current page has text yet, and whether a block ended since its last line.
    let mut page_has_text = false;
    let mut block_ended = false;
    let mut rest = xhtml;
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        let after = &rest[open + 1..];
        let Some(close) = memchr::memchr(b'>', after.as_bytes()) else {
            break;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        let name = tag.split([' ', '/', '\n', '\t']).next().unwrap_or("");
        match name {
            "word" => {
                let end = rest.find("</word>").unwrap_or(rest.len());
                if let Some(word) = word(tag, &rest[..end]) {
                    words.push(word);
                }
                rest = &rest[end..];
            }
            "" if tag.starts_with("/line") && !words.is_empty() => {
                if page_has_text {
                    out.push('\n');
                    if block_ended {
                        out.push('\n');
                    }
                }
                write_line(&words, &mut out);
                words.clear();
                page_has_text = true;
                block_ended = false;
            }
            "" if tag.starts_with("/block") => block_ended = true,
            "" if tag.starts_with("/page") => {
                if page_has_text {
                    out.push('\n');
                }
                out.push('\u{c}');
                page_has_text = false;
                block_ended = false;
            }
            _ => {}
        }
    }
    out
}

/// The word whose start tag is `tag` (without its angle brackets) and whose content is
/// `content`, or `None` without a box or text.
fn word<'a>(tag: &str, content: &'a str) -> Option<Word<'a>> {
    let text = content.trim();
    if text.is_empty() {
        return None;
    }
    Some(Word {
        x_min: attribute(tag, "xMin")?,
        y_min: attribute(tag, "yMin")?,
        x_max: attribute(tag, "xMax")?,
        y_max: attribute(tag, "yMax")?,
        text,
    })
}

/// The number in `name="…"` of `tag`.
fn attribute(tag: &str, name: &str) -> Option<f32> {
    let mut search = tag;
    loop {
        let at = search.find(name)?;
        let value = &search[at + name.len()..];
        if let Some(v) = value.strip_prefix("=\"") {
            return v[..v.find('"')?].parse().ok();
        }
        search = value;
    }
}

/// Writes one line's words: spaces between them, superscripts glued (see the module docs).
fn write_line(words: &[Word<'_>], out: &mut String) {
    let mut heights: Vec<f32> = words.iter().map(Word::height).collect();
    let mid = heights.len() / 2;
    let usual = *heights.select_nth_unstable_by(mid, f32::total_cmp).1;
    let baseline = words.iter().map(|w| w.y_max).fold(f32::MIN, f32::max);
    let superscript = |w: &Word<'_>| {
        w.height() < usual * SUPERSCRIPT_HEIGHT && baseline - w.y_max > usual * SUPERSCRIPT_RISE
    };
    for (i, w) in words.iter().enumerate() {
        if i == 0 {
            push_text(w.text, out);
            // A footnote label opening the footnote's first line stands alone, as -raw has it.
            if superscript(w) && words.len() > 1 && w.text.bytes().all(|b| b.is_ascii_digit()) {
                out.push('\n');
            }
            continue;
        }
        let prev = &words[i - 1];
        let glued = superscript(w) && w.x_min - prev.x_max < SUPERSCRIPT_GAP;
        if !glued && !out.ends_with('\n') {
            out.push(' ');
        }
        push_text(w.text, out);
    }
}

/// Appends `text` with its XML character references decoded (`&amp;`, `&#8212;`…); a
/// reference it cannot read stays as written.
fn push_text(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let decoded = after.find(';').and_then(|semi| {
            let c = match &after[1..semi] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                num => {
                    let code = if let Some(hex) = num.strip_prefix("#x") {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        num.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    char::from_u32(code?)?
                }
            };
            Some((c, semi + 1))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &after[len..];
        } else {
            out.push('&');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(x0: f32, y0: f32, x1: f32, y1: f32, t: &str) -> String {
        format!(r#"<word xMin="{x0}" yMin="{y0}" xMax="{x1}" yMax="{y1}">{t}</word>"#)
    }

    fn page(blocks: &[&[String]]) -> String {
        let mut s = String::from(r#"<page width="612" height="792"><flow>"#);
        for b in blocks {
            s.push_str("<block>");
            for line in *b {
                s.push_str("<line>");
                s.push_str(line);
                s.push_str("</line>");
            }
            s.push_str("</block>");
        }
        s.push_str("</flow></page>");
        s
    }

    #[test]
    fn blocks_lines_and_pages() {
        let l1 = w(72.0, 100.0, 100.0, 112.0, "One") + &w(103.0, 100.0, 130.0, 112.0, "line");
        let l2 = w(72.0, 114.0, 100.0, 126.0, "two.");
        let l3 = w(72.0, 140.0, 100.0, 152.0, "Three.");
        let doc = format!(
            "<doc>{}{}</doc>",
            page(&[&[l1, l2], std::slice::from_ref(&l3)]),
            page(&[&[l3]])
        );
        assert_eq!(
            text_from_bbox_layout(&doc),
            "One line\ntwo.\n\nThree.\n\u{c}Three.\n\u{c}"
        );
    }

    #[test]
    fn superscripts_glue_or_stand_alone() {
        // A marker touching the word before it, raised and smaller.
        let marker = w(72.0, 100.0, 110.0, 112.0, "required.")
            + &w(110.1, 99.0, 114.0, 106.0, "16")
            + &w(117.0, 100.0, 130.0, 112.0, "For");
        // A label opening a footnote line.
        let label = w(72.0, 700.0, 76.0, 706.0, "3")
            + &w(78.0, 700.0, 120.0, 710.0, "Source")
            + &w(122.0, 700.0, 140.0, 710.0, "text.");
        // A small word on the baseline is no superscript.
        let small = w(72.0, 200.0, 100.0, 212.0, "Size") + &w(100.5, 205.0, 104.0, 212.0, "s");
        let doc = page(&[&[marker], &[label], &[small]]);
        assert_eq!(
            text_from_bbox_layout(&doc),
            "required.16 For\n\n3\nSource text.\n\nSize s\n\u{c}"
        );
    }

    #[test]
    fn character_references_are_decoded() {
        let mut out = String::new();
        push_text(
            "AT&amp;T &lt;b&gt; &#8212; &#x2019; &quot;q&quot; &bogus; &",
            &mut out,
        );
        assert_eq!(out, "AT&T <b> — ’ \"q\" &bogus; &");
    }

    #[test]
    fn anything_else_gives_no_words() {
        assert_eq!(text_from_bbox_layout(""), "");
        assert_eq!(text_from_bbox_layout("plain text, no tags"), "");
        assert_eq!(text_from_bbox_layout("<word xMin=\"1\">x</word><"), "");
        // A word without its closing tag still counts (everything after its start tag).
        assert_eq!(
            text_from_bbox_layout(&format!("<line>{}</line>", w(1.0, 1.0, 2.0, 2.0, "a"))),
            "a"
        );
    }
}
