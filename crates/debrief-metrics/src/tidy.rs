//! The tidy CSV of observations: one row per indicator, period and dimension combination.
//!
//! ```text
//! indicator,period,value[,source][,note][,dimension columns…]
//! ```
//!
//! `indicator`, `period` and `value` are required; `source` and `note` are optional; every
//! other column is a disaggregation dimension (e.g. `sector`), empty for rows that do not
//! break down by it (all empty: the headline series). An empty `value` is missing data and
//! the row is skipped — never read as zero. Errors carry the line and column of the cell.
//!
//! ```
//! use debrief_metrics::Catalog;
//! let mut catalog = Catalog::from_toml(r#"
//! [[indicator]]
//! id = "example-share"
//! name = "An illustrative share (not real data)"
//! unit = "percent"
//! direction = "decrease"
//! method = "unsd-legacy"
//! baseline = { period = "2015", value = 50.0 }
//! target = { period = "2030", value = 25.0 }
//! "#)?;
//! let rows = catalog.load_observations_csv("indicator,period,value\nexample-share,2015,50.0\nexample-share,2022,45.0\n")?;
//! assert_eq!(rows, 2);
//! let csv = "indicator,period,value\nexample-share,2023,abc\n";
//! let err = catalog.load_observations_csv(csv).unwrap_err();
//! assert_eq!(err.render("obs.csv", csv).lines().next().unwrap(),
//!            "obs.csv:2:20: expected a number for a percentage indicator, found `abc`");
//! # Ok::<(), debrief_metrics::Error>(())
//! ```

use std::collections::HashMap;

use toml::Spanned;

use crate::catalog::{Catalog, ValueFile};
use crate::error::{Error, ErrorKind, Span};
use crate::observation::{Dimensions, Observation};
use crate::period::Period;

fn csv_error(message: impl Into<String>, span: Option<Span>) -> Error {
    let kind = ErrorKind::Csv {
        message: message.into(),
    };
    match span {
        Some(s) => Error::at(kind, s),
        None => Error::new(kind),
    }
}

/// The byte spans of the fields of the record starting at byte `start` (quote-aware).
fn field_spans(text: &str, start: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = start;
    loop {
        let field_start = i;
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            while i < bytes.len() {
                if bytes[i] == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
        }
        while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
            i += 1;
        }
        spans.push(Span::new(field_start, i));
        if bytes.get(i) == Some(&b',') {
            i += 1;
        } else {
            return spans;
        }
    }
}

/// The first field of `spans` that opens a quote and never closes it (the `csv` reader takes
/// the rest of the file into such a field without complaint, which could swallow rows).
fn unclosed_quote(text: &str, spans: &[Span]) -> Option<Span> {
    spans.iter().copied().find(|s| {
        let field = text.as_bytes().get(s.start..s.end).unwrap_or_default();
        let Some((b'"', inner)) = field.split_first() else {
            return false;
        };
        let mut i = 0;
        while i < inner.len() {
            if inner[i] == b'"' {
                if inner.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                return false;
            }
            i += 1;
        }
        true
    })
}

/// Where the columns are: the three required, the two optional, and the dimensions.
struct Columns {
    indicator: usize,
    period: usize,
    value: usize,
    source: Option<usize>,
    note: Option<usize>,
    dims: Vec<(usize, String)>,
}

impl Columns {
    /// Reads the header row (which starts at byte `start` of `text`).
    fn read(headers: &csv::StringRecord, text: &str, start: usize) -> Result<Columns, Error> {
        let header_spans = field_spans(text, start);
        let column = |name: &str| headers.iter().position(|h| h == name);
        let (Some(ci), Some(cp), Some(cv)) =
            (column("indicator"), column("period"), column("value"))
        else {
            let found = headers.iter().collect::<Vec<_>>().join(",");
            let found = if found.trim().is_empty() {
                "no header (an empty file)".to_owned()
            } else {
                format!("`{found}`")
            };
            return Err(csv_error(
                format!(
                    "expected a header with the columns indicator, period and value; found {found}"
                ),
                header_spans
                    .first()
                    .map(|s| Span::new(s.start, header_spans.last().map_or(s.end, |l| l.end))),
            ));
        };
        let (cs, cn) = (column("source"), column("note"));
        let mut dims: Vec<(usize, String)> = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            if [Some(ci), Some(cp), Some(cv), cs, cn].contains(&Some(i)) {
                continue;
            }
            if h.is_empty() || headers.iter().filter(|x| *x == h).count() > 1 {
                return Err(csv_error(
                    format!("expected unique, non-empty column names; found `{h}`"),
                    header_spans.get(i).copied(),
                ));
            }
            dims.push((i, h.to_owned()));
        }
        Ok(Columns {
            indicator: ci,
            period: cp,
            value: cv,
            source: cs,
            note: cn,
            dims,
        })
    }
}

impl Catalog {
    /// Adds the observations of a tidy CSV (text, not a path) to the catalog's indicators;
    /// returns the number of observations added. Errors point at the cell: an unknown
    /// indicator, a period or value that does not parse, a second value for the same
    /// indicator, dimensions and period, rows for an indicator computed by a formula.
    ///
    /// # Errors
    ///
    /// A missing column, a malformed row, an unknown indicator, a period or value that does not
    /// parse, a duplicate value, or rows for a formula indicator — each at its cell.
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let mut c = Catalog::from_toml("[[indicator]]\nid = \"a\"\nname = \"A\"\nunit = \"count\"\ndirection = \"decrease\"\n")?;
    /// let csv = "indicator,period,value,sector\na,FY2012,10,Tucson\na,FY2012,4,El Paso\na,FY2012,,\n";
    /// assert_eq!(c.load_observations_csv(csv)?, 2); // the empty value is missing data
    /// assert_eq!(c.indicator("a").unwrap().series.len(), 2);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    #[allow(clippy::too_many_lines)] // a straight sequence of checks, one per cell
    pub fn load_observations_csv(&mut self, text: &str) -> Result<usize, Error> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let body = &text[bom..];
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(body.as_bytes());
        let to_error = |e: &csv::Error| {
            let span = e.position().map(|p| {
                let b = usize::try_from(p.byte()).unwrap_or(0) + bom;
                Span::new(b, b)
            });
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => format!("expected {expected_len} fields like the header, found {len}"),
                csv::ErrorKind::Utf8 { .. } => "expected UTF-8 text".to_owned(),
                _ => e.to_string(),
            };
            csv_error(message, span)
        };
        let headers = reader.headers().map_err(|e| to_error(&e))?.clone();
        let columns = Columns::read(&headers, text, bom)?;
        let (ci, cp, cv) = (columns.indicator, columns.period, columns.value);
        let (cs, cn) = (columns.source, columns.note);
        let index: HashMap<String, usize> = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.clone(), i))
            .collect();
        let mut seen: HashMap<(usize, Dimensions, Period), u64> = HashMap::new();
        let mut added = 0;
        for row in reader.records() {
            let row = row.map_err(|e| to_error(&e))?;
            let (line, start) = row.position().map_or((0, bom), |p| {
                (p.line(), usize::try_from(p.byte()).unwrap_or(0) + bom)
            });
            let spans = field_spans(text, start);
            if let Some(open) = unclosed_quote(text, &spans) {
                return Err(csv_error(
                    "expected a closing `\"` for the quoted field that starts here; found the end of the file",
                    Some(Span::new(open.start, open.start + 1)),
                ));
            }
            let at = |c: usize| spans.get(c).copied();
            let id = &row[ci];
            let Some(&k) = index.get(id) else {
                return Err(csv_error(
                    format!(
                        "unknown indicator `{id}`: expected the id of an indicator in the catalog"
                    ),
                    at(ci),
                ));
            };
            let value_text = &row[cv];
            if value_text.is_empty() {
                continue; // missing data, explicit: not a zero
            }
            let ind = &self.indicators[k];
            if ind.formula.is_some() {
                return Err(csv_error(
                    format!(
                        "indicator `{id}` is computed by its formula: expected no observations for it"
                    ),
                    at(ci),
                ));
            }
            let period: Period = row[cp].parse().map_err(|e: Error| {
                let cell = at(cp).unwrap_or(Span::new(start, start));
                csv_error(e.to_string(), Some(cell))
            })?;
            let cell = at(cv).unwrap_or(Span::new(start, start));
            let written = if ind.measure.is_numeric() {
                match value_text.parse::<f64>() {
                    Ok(v) if v.is_finite() => ValueFile::Number(v),
                    _ => {
                        return Err(csv_error(
                            format!(
                                "expected a number for a {} indicator, found `{value_text}`",
                                ind.measure.name()
                            ),
                            Some(cell),
                        ));
                    }
                }
            } else {
                ValueFile::Label(value_text.to_owned())
            };
            let value =
                crate::catalog::value_for(&ind.measure, &Spanned::new(cell.range(), written))
                    .map_err(|e| csv_error(e.to_string(), e.span()))?;
            let dimensions: Dimensions = columns
                .dims
                .iter()
                .filter(|(c, _)| !row[*c].is_empty())
                .map(|(c, name)| (name.clone(), row[*c].to_owned()))
                .collect();
            if let Some(first) = seen.insert((k, dimensions.clone(), period), line) {
                return Err(csv_error(
                    format!(
                        "a second value for {id}, {period} (first on line {first}): expected one value per indicator, period and dimensions"
                    ),
                    at(cp),
                ));
            }
            let obs = Observation {
                period,
                value,
                source: cs.map(|c| row[c].to_owned()).filter(|s| !s.is_empty()),
                note: cn.map(|c| row[c].to_owned()).filter(|s| !s.is_empty()),
            };
            self.indicators[k]
                .series_mut(&dimensions)
                .insert(obs)
                .map_err(|_| {
                    csv_error(
                        format!("indicator `{id}` already has a value for {period} in the catalog: expected it in one place"),
                        at(cp),
                    )
                })?;
            added += 1;
        }
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_spans_handle_quotes_and_line_ends() {
        let t = "a,\"b,\"\"c\"\",d\",e\r\nx";
        let spans = field_spans(t, 0);
        let fields: Vec<&str> = spans.iter().map(|s| &t[s.range()]).collect();
        assert_eq!(fields, ["a", "\"b,\"\"c\"\",d\"", "e"]);
    }

    fn catalog() -> Catalog {
        Catalog::from_toml(
            "[[indicator]]\nid = \"a\"\nname = \"A\"\nunit = \"count\"\ndirection = \"increase\"\n\
             [[indicator]]\nid = \"m\"\nname = \"M\"\nmeasure = \"milestone\"\ntarget = { period = \"2014\" }\n",
        )
        .unwrap()
    }

    fn err(csv: &str) -> String {
        catalog()
            .load_observations_csv(csv)
            .unwrap_err()
            .render("o.csv", csv)
            .lines()
            .next()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn errors_point_at_the_cell() {
        assert_eq!(
            err("indicator,period,value\nb,2015,1\n"),
            "o.csv:2:1: unknown indicator `b`: expected the id of an indicator in the catalog"
        );
        assert_eq!(
            err("indicator,period,value\na,2015-13,1\n"),
            "o.csv:2:3: invalid period `2015-13`: expected a year from 1000 to 9999, a quarter from 1 to 4 and a month from 01 to 12"
        );
        assert_eq!(
            err("indicator,period,value\na,2015,1\na,2015,2\n"),
            "o.csv:3:3: a second value for a, 2015 (first on line 2): expected one value per indicator, period and dimensions"
        );
        assert_eq!(
            err("indicator,period,value\nm,2013-06-30,maybe\n"),
            "o.csv:2:14: expected a milestone state (not_started, in_progress, done), found \"maybe\""
        );
        assert_eq!(
            err("indicator,period,value\na,2015,1,2\n"),
            "o.csv:2:1: expected 3 fields like the header, found 4"
        );
        assert_eq!(
            err("period,value\n"),
            "o.csv:1:1: expected a header with the columns indicator, period and value; found `period,value`"
        );
        assert_eq!(
            err("indicator,period,value\na,2015,NaN\n"),
            "o.csv:2:8: expected a number for a quantity indicator, found `NaN`"
        );
    }

    #[test]
    fn dimensions_sources_and_notes_are_kept() {
        let mut cat = catalog();
        let count = cat
            .load_observations_csv(
                "\u{feff}indicator,period,value,sector,source,note\n\
                 a,FY2012,10,Tucson,GAO,est.\n\
                 a,FY2012,14,,GAO,\n\
                 m,2013-06-30,in progress,,,\n",
            )
            .unwrap();
        assert_eq!(count, 3);
        let a = cat.indicator("a").unwrap();
        assert_eq!(a.series.len(), 2);
        assert!(a.series[0].is_headline());
        assert_eq!(a.series[1].dimensions["sector"], "Tucson");
        let o = &a.series[1].points()[0];
        assert_eq!(
            (o.source.as_deref(), o.note.as_deref()),
            (Some("GAO"), Some("est."))
        );
        let m = cat.indicator("m").unwrap();
        assert_eq!(
            m.series[0].points()[0].value.as_label(),
            Some("in_progress")
        );
    }
}
