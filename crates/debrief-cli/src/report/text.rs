//! The terminal summary of `debrief analyze`: sections, recommendations with their actors,
//! programs and quantities, the scorecard and candidate baselines and targets, wrapped to a
//! fixed width; colour only through [`Paint`].

use std::fmt::Write as _;

use super::{Badge, NamedView, ScorecardView, SectionView, View};
use crate::style::{Paint, Style};

/// The width text is wrapped to.
const WIDTH: usize = 96;

/// `text` wrapped to [`WIDTH`], every line after the first indented by `indent` spaces (the
/// first is assumed to start there already).
fn wrap(text: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut column = indent;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        // A list separator stays at the end of its line (it may reach two columns past the
        // width) rather than open the next one.
        let separator = word == "·";
        if column > indent && column + 1 + w > WIDTH && !separator {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent));
            column = indent;
        } else if column > indent {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += w;
    }
    out
}

/// At most `max` characters, cut after a whole word with `…`.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    let whole = match head.rfind(char::is_whitespace) {
        Some(i) if i > 0 => head[..i].trim_end_matches([',', ';', ':', '.']),
        _ => head.as_str(),
    };
    format!("{whole}…")
}

/// Left-aligned columns two spaces apart; `paint` styles a cell after it is padded.
fn columns(out: &mut String, indent: usize, rows: &[Row], paint: Paint) {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|(c, _)| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = " ".repeat(indent);
        let last = row.len().saturating_sub(1);
        for (i, (cell, style)) in row.iter().enumerate() {
            let padded = if i == last {
                cell.clone()
            } else {
                format!("{cell:<w$}  ", w = widths[i])
            };
            match style {
                Some(s) => {
                    let trimmed = padded.trim_end();
                    line.push_str(&paint.paint(trimmed, *s));
                    line.push_str(&padded[trimmed.len()..]);
                }
                None => line.push_str(&padded),
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn heading(out: &mut String, paint: Paint, title: &str, note: &str) {
    let _ = write!(out, "\n{}", paint.paint(title, Style::Bold));
    if !note.is_empty() {
        let _ = write!(out, "  {}", paint.paint(note, Style::Dim));
    }
    out.push('\n');
}

fn badge(paint: Paint, b: &Badge) -> String {
    paint.paint(&b.label, Style::of_rating(b.rating))
}

/// A row of [`columns`]: each cell with its style.
type Row = Vec<(String, Option<Style>)>;

/// The first `limit` rows as columns, then how many more there are and where to see them.
fn listing(out: &mut String, paint: Paint, rows: &[Row], limit: usize, all: &str) {
    columns(out, 2, &rows[..rows.len().min(limit)], paint);
    if rows.len() > limit {
        let _ = writeln!(
            out,
            "  {}",
            paint.paint(
                &format!("… and {} more ({all})", rows.len() - limit),
                Style::Dim
            )
        );
    }
}

/// How many sections, actors, programs, quantities and suggestions a summary lists.
const SECTIONS: usize = 24;
const ACTORS: usize = 16;
const PROGRAMS: usize = 12;
const QUANTITIES: usize = 16;
const SUGGESTIONS: usize = 12;

/// The summary.
pub(crate) fn render(view: &View, paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.paint(&view.title, Style::Bold));
    let _ = writeln!(
        out,
        "{} · {} bytes · {} blocks · {} sections · style {}{}",
        view.source,
        view.bytes,
        view.blocks,
        view.sections.len(),
        view.style,
        if view.warnings > 0 {
            format!(
                " · {} warnings (debrief parse --format json)",
                view.warnings
            )
        } else {
            String::new()
        }
    );
    sections(&mut out, view, paint);
    recommendations(&mut out, view, paint);
    entities(&mut out, view, paint);
    quantities(&mut out, view, paint);
    match &view.scorecard {
        None => {
            heading(&mut out, paint, "SCORECARD", "");
            out.push_str(
                "  no indicator catalog given: measure the recommendations with --catalog FILE\n  \
                 [--observations FILE] (docs/METRICS.md)\n",
            );
        }
        Some(card) => scorecard(&mut out, card, paint),
    }
    suggestions(&mut out, view, paint);
    out.push('\n');
    out.push_str(&paint.paint(
        "More: debrief report --out report.html (charts) · debrief recommendations --format json · \
         debrief --help",
        Style::Dim,
    ));
    out.push('\n');
    out
}

/// The sections; in a long document, the recommendation and option sections and the first
/// others.
fn sections(out: &mut String, view: &View, paint: Paint) {
    heading(out, paint, "SECTIONS", "");
    let key = |kind: &str| kind == "recommendations" || kind == "options";
    let keys = view.sections.iter().filter(|s| key(&s.kind)).count();
    let mut others = SECTIONS.saturating_sub(keys);
    let shown: Vec<&SectionView> = view
        .sections
        .iter()
        .filter(|s| {
            key(&s.kind) || {
                let take = others > 0;
                others = others.saturating_sub(1);
                take
            }
        })
        .collect();
    let rows: Vec<Row> = shown
        .iter()
        .map(|s| {
            vec![
                (format!("line {}", s.line), Some(Style::Dim)),
                (cut(&s.title, 64), None),
                (
                    format!(
                        "{} block{}{}",
                        s.blocks,
                        if s.blocks == 1 { "" } else { "s" },
                        if s.kind == "body" {
                            String::new()
                        } else {
                            format!(" · {}", s.kind.replace('_', " "))
                        }
                    ),
                    Some(Style::Dim),
                ),
            ]
        })
        .collect();
    columns(out, 2, &rows, paint);
    if shown.len() < view.sections.len() {
        let _ = writeln!(
            out,
            "  {}",
            paint.paint(
                &format!(
                    "… and {} more (debrief parse --format table)",
                    view.sections.len() - shown.len()
                ),
                Style::Dim
            )
        );
    }
}

/// Every recommendation: explicit items first, with who must act, the programs and numbers it
/// names, and the start of its text.
fn recommendations(out: &mut String, view: &View, paint: Paint) {
    heading(
        out,
        paint,
        "RECOMMENDATIONS",
        &format!("{} explicit, {} inline", view.explicit, view.inline),
    );
    if view.recommendations.is_empty() {
        out.push_str("  none found\n");
    }
    for r in &view.recommendations {
        let mut facts = vec![
            r.kind.to_owned(),
            r.modality.clone(),
            format!("line {}", r.line),
        ];
        if let Some(s) = &r.section {
            facts.push(s.clone());
        }
        let _ = write!(
            out,
            "  {:>2}  {}  {}",
            r.number,
            paint.paint(&r.id, Style::Cyan),
            paint.paint(&facts.join(" · "), Style::Dim)
        );
        if let Some(status) = &r.status {
            let _ = write!(out, "  [{}]", badge(paint, status));
        }
        out.push('\n');
        let _ = writeln!(out, "      {}", wrap(&r.title, 6));
        let who = if r.actors.is_empty() {
            "(not named)".to_owned()
        } else {
            r.actors.join(", ")
        };
        let _ = writeln!(
            out,
            "      {} {}",
            paint.paint("who:", Style::Dim),
            wrap(&who, 11)
        );
        for (label, items, indent) in [
            ("programs:", &r.programs, 16),
            ("numbers:", &r.quantities, 15),
        ] {
            if !items.is_empty() {
                let _ = writeln!(
                    out,
                    "      {} {}",
                    paint.paint(label, Style::Dim),
                    wrap(&items.join("; "), indent)
                );
            }
        }
        if let Some(body) = &r.body {
            let _ = writeln!(out, "      {}", wrap(&format!("“{}”", cut(body, 180)), 6));
        }
    }
}

/// Actors (most mentioned first) and programs.
fn entities(out: &mut String, view: &View, paint: Paint) {
    heading(
        out,
        paint,
        "ACTORS",
        &format!("{} named", view.actors.len()),
    );
    let mut actors: Vec<&NamedView> = view.actors.iter().collect();
    actors.sort_by_key(|a| std::cmp::Reverse(a.mentions));
    let mut named: Vec<String> = actors
        .iter()
        .take(ACTORS)
        .map(|a| format!("{} ×{}", a.name, a.mentions))
        .collect();
    if actors.len() > ACTORS {
        named.push(format!(
            "… and {} more (debrief entities)",
            actors.len() - ACTORS
        ));
    }
    let _ = writeln!(out, "  {}", wrap(&named.join(" · "), 2));

    heading(
        out,
        paint,
        "PROGRAMS",
        &format!("{} named", view.programs.len()),
    );
    let rows: Vec<Row> = view
        .programs
        .iter()
        .map(|p| {
            vec![
                (format!("line {}", p.line), Some(Style::Dim)),
                (
                    match &p.note {
                        Some(a) => format!("{} ({a})", p.name),
                        None => p.name.clone(),
                    },
                    None,
                ),
                (p.kind.clone(), Some(Style::Dim)),
            ]
        })
        .collect();
    listing(out, paint, &rows, PROGRAMS, "debrief entities");
}

/// Amounts with what they measure.
fn quantities(out: &mut String, view: &View, paint: Paint) {
    heading(
        out,
        paint,
        "QUANTITIES",
        &format!("{} amounts, {} dates", view.quantities.len(), view.dates),
    );
    let rows: Vec<Row> = view
        .quantities
        .iter()
        .map(|q| {
            vec![
                (format!("line {}", q.line), Some(Style::Dim)),
                (q.text.clone(), None),
                (q.kind.clone(), None),
                (q.measures.clone().unwrap_or_default(), Some(Style::Dim)),
            ]
        })
        .collect();
    listing(out, paint, &rows, QUANTITIES, "debrief quantities");
}

/// The measured recommendations, the unmeasured ones by number, objectives naming none, and
/// every indicator.
fn scorecard(out: &mut String, card: &ScorecardView, paint: Paint) {
    let mut note = card.title.clone().unwrap_or_default();
    if let Some(d) = &card.as_of {
        let _ = write!(
            note,
            "{}as of {d}",
            if note.is_empty() { "" } else { " · " }
        );
    }
    heading(out, paint, "SCORECARD", &note);
    let header = |cells: &[&str]| -> Row {
        cells
            .iter()
            .map(|c| ((*c).to_owned(), Some(Style::Dim)))
            .collect()
    };
    let mut rows = vec![header(&["#", "recommendation", "status", "score", "rated"])];
    for r in card.rows.iter().filter(|r| r.measured) {
        rows.push(vec![
            (r.number.to_string(), None),
            (cut(&r.title, 52), None),
            (
                r.status.label.clone(),
                Some(Style::of_rating(r.status.rating)),
            ),
            (r.score.clone(), None),
            (r.rated.clone(), None),
        ]);
    }
    if card.measured > 0 {
        columns(out, 2, &rows, paint);
    }
    let unmeasured: Vec<String> = card
        .rows
        .iter()
        .filter(|r| !r.measured)
        .map(|r| r.number.to_string())
        .collect();
    if !unmeasured.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            wrap(
                &format!(
                    "not measured by this catalog: recommendation{} {}",
                    if unmeasured.len() == 1 { "" } else { "s" },
                    unmeasured.join(", ")
                ),
                2
            )
        );
    }
    for u in &card.unmatched {
        let _ = writeln!(
            out,
            "  {} objective {} names no recommendation of this brief: {}",
            paint.paint("warning:", Style::Yellow),
            u.id,
            wrap(&u.reason, 4)
        );
    }
    if !card.indicators.is_empty() {
        out.push('\n');
        let mut rows = vec![header(&[
            "indicator",
            "#",
            "method",
            "status",
            "latest",
            "target",
        ])];
        for i in &card.indicators {
            rows.push(vec![
                (i.id.clone(), None),
                (i.number.map(|n| n.to_string()).unwrap_or_default(), None),
                (i.method.clone(), None),
                (
                    i.status.label.clone(),
                    Some(Style::of_rating(i.status.rating)),
                ),
                (i.latest.clone(), None),
                (i.target.clone(), None),
            ]);
        }
        columns(out, 2, &rows, paint);
    }
}

/// The brief's own numbers as candidate baselines and targets.
fn suggestions(out: &mut String, view: &View, paint: Paint) {
    heading(
        out,
        paint,
        "CANDIDATE BASELINES AND TARGETS",
        "the brief's own numbers",
    );
    if view.suggestions.is_empty() {
        out.push_str("  none: the brief gives no amounts written in digits\n");
    }
    let rows: Vec<Row> = view
        .suggestions
        .iter()
        .map(|s| {
            let mut about = s.measures.clone().unwrap_or_default();
            if let Some(p) = &s.period {
                let _ = write!(about, " ({p})");
            }
            if let Some(n) = s.recommendation {
                let _ = write!(about, " · in recommendation {n}");
            }
            vec![
                (format!("line {}", s.line), Some(Style::Dim)),
                (s.text.clone(), None),
                (format!("{} {}", s.value, s.unit), None),
                (about.trim().to_owned(), Some(Style::Dim)),
            ]
        })
        .collect();
    listing(
        out,
        paint,
        &rows,
        SUGGESTIONS,
        "debrief analyze --format json",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_indents() {
        let long = "word ".repeat(30);
        let wrapped = wrap(&long, 4);
        for line in wrapped.lines() {
            assert!(line.chars().count() + 4 <= WIDTH, "{line}");
        }
        assert!(wrapped.lines().nth(1).unwrap().starts_with("    word"));
        let list = ["name"; 40].join(" · ");
        let wrapped = wrap(&list, 2);
        assert!(wrapped.lines().count() > 1);
        for line in wrapped.lines() {
            assert!(!line.trim_start().starts_with('·'), "{line}");
        }
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("one two, three", 12), "one two…");
        assert_eq!(cut("one two. Three four", 12), "one two…");
    }
}
