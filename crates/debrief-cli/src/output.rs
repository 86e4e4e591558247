//! The one output path of every data command: the `--format` values ([`Format`], each command
//! offering the subset that makes sense), what a command can print ([`Emit`]), an aligned text
//! table that also prints as CSV and Markdown ([`Table`]), writing to standard output or
//! atomically to a file ([`emit`]), and small helpers for cells (`line:col`, numbers, names).

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, bail};
use clap::ValueEnum as _;
use debrief::parser::{LineIndex, Span};

/// Every output format of the tool. A command accepts only those it can print (see
/// [`Format::only`]); `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Readable text (summaries, the repaired document).
    Text,
    /// An aligned text table.
    Table,
    /// JSON (the library's serde shapes, pretty-printed).
    Json,
    /// JSON Lines: one compact JSON value per line.
    Jsonl,
    /// CSV with a header row (RFC 4180 quoting).
    Csv,
    /// Markdown (CommonMark with GitHub tables).
    Markdown,
    /// A self-contained HTML page.
    Html,
}

impl Format {
    /// A clap value parser for `--format` that accepts only `allowed` (help and errors list
    /// them).
    pub(crate) fn only(
        allowed: &'static [Format],
    ) -> impl clap::builder::TypedValueParser<Value = Format> {
        use clap::builder::TypedValueParser as _;
        clap::builder::PossibleValuesParser::new(
            allowed
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value),
        )
        .try_map(|s| Format::from_str(&s, false))
    }

    /// The format's name as typed on the command line.
    pub(crate) fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }
}

/// What a command's result looks like in each format. A command implements the formats it
/// offers; [`emit`] picks one. JSON is written straight from the serde types (fields in the
/// order the types declare them), with [`pretty`] and [`lines`].
pub(crate) trait Emit {
    /// The whole result as pretty JSON (`json`).
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()>;

    /// One compact JSON value per line (`jsonl`).
    fn write_jsonl(&self, _w: &mut dyn Write) -> anyhow::Result<()> {
        bail!("no JSON Lines for this command")
    }

    /// Rows for `table`, `csv` and (by default) `markdown`.
    fn table(&self) -> anyhow::Result<Table> {
        bail!("no table for this command")
    }

    /// The `table` format: by default [`table`](Emit::table) as aligned text.
    fn table_text(&self) -> anyhow::Result<String> {
        Ok(self.table()?.to_text())
    }

    /// Readable text.
    fn text(&self) -> anyhow::Result<String> {
        bail!("no text for this command")
    }

    /// Writes [`text`](Emit::text); a command with a large result writes it as it goes.
    fn write_text(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        Ok(w.write_all(self.text()?.as_bytes())?)
    }

    /// Markdown: by default the table as a Markdown table.
    fn markdown(&self) -> anyhow::Result<String> {
        Ok(self.table()?.to_markdown())
    }

    /// Writes [`markdown`](Emit::markdown); a command with a large result writes it as it goes.
    fn write_markdown(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        Ok(w.write_all(self.markdown()?.as_bytes())?)
    }

    /// A self-contained HTML page.
    fn html(&self) -> anyhow::Result<String> {
        bail!("no HTML for this command")
    }
}

/// Writes `data` in `format` to `out` (a file, written atomically), or to standard output.
pub(crate) fn emit(format: Format, data: &impl Emit, out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        Some(path) if path.as_os_str() != "-" => {
            write_atomically(path, |w| write_format(format, data, w))
        }
        _ => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            write_format(format, data, &mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}

fn write_format(format: Format, data: &impl Emit, w: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        Format::Json => data.write_json(w)?,
        Format::Jsonl => data.write_jsonl(w)?,
        Format::Csv => data.table()?.write_csv(w)?,
        Format::Table => w.write_all(data.table_text()?.as_bytes())?,
        Format::Text => data.write_text(w)?,
        Format::Markdown => data.write_markdown(w)?,
        Format::Html => w.write_all(data.html()?.as_bytes())?,
    }
    Ok(())
}

/// Writes `value` as pretty JSON and a newline.
pub(crate) fn pretty(
    w: &mut dyn Write,
    value: &(impl serde::Serialize + ?Sized),
) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    writeln!(w)?;
    Ok(())
}

/// Writes each item as compact JSON on a line of its own.
pub(crate) fn lines<T: serde::Serialize>(
    w: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> anyhow::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *w, &item)?;
        writeln!(w)?;
    }
    Ok(())
}

/// Writes a file all at once or not at all: into a temporary file beside it, then renamed over
/// it, so that a reader never sees half a file and a failure leaves the old file in place.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> anyhow::Result<()> {
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        let mut w = std::io::BufWriter::new(file);
        write(&mut w)?;
        let file = w
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Rows of cells under a header, printable as an aligned text table, CSV or Markdown.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// The widest a text-table column may be; longer cells are cut with `…` (CSV keeps all).
    max_width: usize,
    /// What the text table says when it has no rows.
    empty: Option<&'static str>,
}

impl Table {
    pub(crate) fn new(headers: &[&'static str]) -> Self {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
            max_width: 72,
            empty: None,
        }
    }

    /// What the text table says instead of an empty table ("no recommendations found").
    pub(crate) fn or_else(mut self, message: &'static str) -> Self {
        self.empty = Some(message);
        self
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as aligned text: a header, a rule, one line per row; columns two spaces
    /// apart, no trailing spaces.
    pub(crate) fn to_text(&self) -> String {
        if let (true, Some(message)) = (self.rows.is_empty(), self.empty) {
            return format!("{message}\n");
        }
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
            let start = out.len();
            for (c, w) in row.iter().zip(&widths) {
                out.push_str(c);
                out.extend(std::iter::repeat_n(' ', w - c.chars().count() + 2));
            }
            out.truncate(start + out[start..].trim_end().len());
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
    pub(crate) fn write_csv(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        let mut writer = csv::Writer::from_writer(w);
        writer.write_record(&self.headers)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer.flush()?;
        Ok(())
    }

    /// The table as a Markdown (GitHub) table; `|` and line breaks in cells are escaped.
    pub(crate) fn to_markdown(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
            out.push('|');
            for c in cells {
                out.push(' ');
                out.push_str(&c);
                out.push_str(" |");
            }
            out.push('\n');
        };
        line(&mut out, &mut self.headers.iter().map(|h| markdown_cell(h)));
        line(&mut out, &mut self.headers.iter().map(|_| "---".to_owned()));
        for row in &self.rows {
            line(&mut out, &mut row.iter().map(|c| markdown_cell(c)));
        }
        out
    }
}

/// A cell's text for a Markdown table or list: one line, Markdown's special characters
/// escaped so that text from a brief cannot become markup.
pub(crate) fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
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

    /// `line:col` of the span's start.
    pub(crate) fn at(&self, span: Span) -> String {
        let (line, col) = self.index.line_col(self.source, span.start);
        format!("{line}:{col}")
    }

    /// The line of the span's start.
    pub(crate) fn line(&self, span: Span) -> usize {
        self.index.line_col(self.source, span.start).0
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

/// A number for people: at most four decimals, no trailing zeros, no negative zero.
pub(crate) fn short(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A number with thousands separators when it is whole (`18898` → `18,898`), else [`short`].
pub(crate) fn grouped(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return short(v);
    }
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The formats of the listing commands.
pub(crate) const LISTING: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Jsonl,
    Format::Csv,
    Format::Markdown,
];

/// `—` for a missing cell.
pub(crate) const NONE: &str = "—";

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
    fn markdown_escapes_pipes_and_markup() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["x | y".into(), "*bold* <b>\nnext".into()]);
        assert_eq!(
            t.to_markdown(),
            "| a | b |\n| --- | --- |\n| x \\| y | \\*bold\\* \\<b\\> next |\n"
        );
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(2000.0), "2000");
        assert_eq!(number(1.6e9), "1600000000");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(short(0.330_808), "0.3308");
        assert_eq!(short(-0.000_01), "0");
        assert_eq!(grouped(18_898.0), "18,898");
        assert_eq!(grouped(-1_234_567.0), "-1,234,567");
        assert_eq!(grouped(872.7), "872.7");
        assert_eq!(grouped(100.0), "100");
    }

    #[test]
    fn only_accepts_the_listed_formats() {
        use clap::builder::TypedValueParser as _;
        let cmd = clap::Command::new("t");
        let parser = Format::only(&[Format::Table, Format::Json]);
        let ok = parser.parse_ref(&cmd, None, std::ffi::OsStr::new("json"));
        assert_eq!(ok.unwrap(), Format::Json);
        let err = parser
            .parse_ref(&cmd, None, std::ffi::OsStr::new("csv"))
            .unwrap_err();
        assert!(err.to_string().contains("table, json"), "{err}");
    }

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("debrief-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        write_atomically(&path, |w| Ok(w.write_all(b"one")?)).unwrap();
        let failed = write_atomically(&path, |w| {
            w.write_all(b"half")?;
            bail!("interrupted")
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
