//! Output formats shared by the subcommands: `--format table|json|csv`, an aligned text table
//! and CSV written from the same rows, and `line:col` locations for spans.

use std::io::Write;

use debrief::parser::{LineIndex, Span};

/// The arguments every listing subcommand takes: the brief and the output format.
#[derive(Debug, clap::Args)]
pub(crate) struct ListArgs {
    /// The brief: a text file extracted from a PDF, or `-` for standard input (the bundled seed
    /// brief when omitted).
    pub(crate) file: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
}

impl ListArgs {
    /// Reads, parses and extracts the brief: its text (for line numbers) and its `Brief`.
    pub(crate) fn brief(&self) -> anyhow::Result<(String, debrief::model::Brief)> {
        let input = crate::input::Input::read(self.file.as_deref())?;
        let text = input.text()?.to_owned();
        let brief = debrief::model::extract(&debrief::parser::parse(&text));
        Ok((text, brief))
    }
}

/// How a listing subcommand prints its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// An aligned text table for reading in a terminal.
    #[default]
    Table,
    /// JSON (the library's serde shapes, pretty-printed).
    Json,
    /// CSV with a header row (RFC 4180 quoting).
    Csv,
}

/// Rows of cells under a header, printable as an aligned text table or as CSV.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// The widest a text-table column may be; longer cells are cut with `…` (CSV keeps all).
    max_width: usize,
}

impl Table {
    pub(crate) fn new(headers: &[&'static str]) -> Self {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
            max_width: 72,
        }
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as aligned text: a header, a rule, one line per row.
    pub(crate) fn to_text(&self) -> String {
        let cut = |s: &str| -> String {
            let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if one_line.chars().count() > self.max_width {
                let mut t: String = one_line.chars().take(self.max_width - 1).collect();
                t.push('…');
                t
            } else {
                one_line
            }
        };
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| cut(c)).collect())
            .collect();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, row: &[String]| {
            let last = row.len().saturating_sub(1);
            for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
                out.push_str(c);
                if i < last {
                    out.extend(std::iter::repeat_n(' ', w - c.chars().count() + 2));
                }
            }
            out.push('\n');
        };
        let headers: Vec<String> = self.headers.iter().map(|h| (*h).to_owned()).collect();
        line(&mut out, &headers);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&mut out, &rule);
        for row in &cells {
            line(&mut out, row);
        }
        out
    }

    /// The table as CSV, header first.
    pub(crate) fn write_csv(&self, w: impl Write) -> anyhow::Result<()> {
        let mut writer = csv::Writer::from_writer(w);
        writer.write_record(&self.headers)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer.flush()?;
        Ok(())
    }

    /// Prints the table to standard output as text or CSV.
    pub(crate) fn print(&self, format: Format) -> anyhow::Result<()> {
        match format {
            Format::Csv => self.write_csv(std::io::stdout().lock()),
            Format::Table | Format::Json => {
                print!("{}", self.to_text());
                Ok(())
            }
        }
    }
}

/// Prints a serde value as pretty JSON on standard output.
pub(crate) fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// `line:col` of a span's start, for people (spans stay byte offsets in JSON).
pub(crate) struct Locator<'a> {
    source: &'a str,
    index: LineIndex,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        Locator {
            source,
            index: LineIndex::new(source),
        }
    }

    pub(crate) fn at(&self, span: Span) -> String {
        let (line, col) = self.index.line_col(self.source, span.start);
        format!("{line}:{col}")
    }
}

/// The serde name of a unit enum value (`QuantityKind::FiscalYear` → `fiscal_year`), so that
/// tables and CSV use the same words as the JSON.
pub(crate) fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A list of names joined for a table cell.
pub(crate) fn join<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    items.into_iter().collect::<Vec<_>>().join("; ")
}

/// A float without a spurious `.0` and without exponent noise for table cells.
pub(crate) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_table_aligns_and_cuts() {
        let mut t = Table::new(&["id", "text"]);
        t.max_width = 8;
        t.row(vec!["a".into(), "short".into()]);
        t.row(vec!["bbb".into(), "a much longer cell".into()]);
        assert_eq!(
            t.to_text(),
            "id   text\n───  ────────\na    short\nbbb  a much …\n"
        );
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["x, y".into(), "say \"hi\"".into()]);
        let mut buf = Vec::new();
        t.write_csv(&mut buf).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n"
        );
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(2000.0), "2000");
        assert_eq!(number(1.6e9), "1600000000");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(number(0.25), "0.25");
    }
}
