//! `debrief assess`: indicators assessed by their progress methods, rolled up by objective.
//!
//! Exit codes: 0 when no objective is rated at or below `--fail-on` (default `off-track`:
//! off track or regressing); 1 when one is (a finding — without objectives, indicators are
//! checked instead); 2 for usage and input errors, shown as `file:line:column` with a caret.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use debrief_metrics::{AssessOptions, Assessment, Catalog, Date, ObsValue, Rating, Report};

use crate::input::Input;

/// Assess indicators with published progress methods (UNSD, Statistics Canada, ESCAP, IATI,
/// DHIS2, linear trend) and roll them up by objective.
///
/// Example: `debrief assess --catalog examples/data/border-security-catalog.toml
/// --observations examples/data/border-security-observations.csv --format json`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The TOML catalog of objectives and indicators (docs/METRICS.md).
    #[arg(long, value_name = "FILE")]
    catalog: PathBuf,
    /// A tidy CSV of observations: `indicator,period,value[,source][,note][,dimension…]`.
    /// May be given more than once.
    #[arg(long, value_name = "FILE")]
    observations: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// The assessment date for deadlines, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Exit with status 1 when an objective is rated this or worse (`never`: always 0).
    #[arg(long, value_enum, default_value_t = FailOn::OffTrack)]
    fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Regressing,
    OffTrack,
    NeedsAcceleration,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Rating> {
        match self {
            FailOn::Regressing => Some(Rating::Regressing),
            FailOn::OffTrack => Some(Rating::OffTrack),
            FailOn::NeedsAcceleration => Some(Rating::NeedsAcceleration),
            FailOn::Never => None,
        }
    }
}

/// Reads a file as UTF-8 text (errors name the file, and the line and column of a bad byte).
fn read(path: &Path) -> anyhow::Result<(String, String)> {
    let input = Input::read(Some(path))?;
    let text = input.text()?.to_owned();
    Ok((input.name, text))
}

/// Today's date (UTC) from the system clock.
fn today() -> anyhow::Result<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    let days = i64::try_from(secs / 86_400).context("the system clock is far in the future")?;
    Date::from_days_since_epoch(days).context("the system clock is outside years 1000–9999")
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (name, text) = read(&args.catalog)?;
    let mut catalog =
        Catalog::from_toml(&text).map_err(|e| anyhow::anyhow!("{}", e.render(&name, &text)))?;
    for path in &args.observations {
        let (name, text) = read(path)?;
        catalog
            .load_observations_csv(&text)
            .map_err(|e| anyhow::anyhow!("{}", e.render(&name, &text)))?;
    }
    let as_of = match &args.as_of {
        Some(s) => s
            .parse::<Date>()
            .map_err(|e| anyhow::anyhow!("--as-of {s}: {e}"))?,
        None => today()?,
    };
    let report = debrief_metrics::assess(&catalog, &AssessOptions { as_of: Some(as_of) });
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Csv => print!("{}", csv(&report)?),
        Format::Table => print!("{}", table(&report)),
    }
    Ok(if finding(&report, args.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether an objective (or, without objectives, an indicator) is rated at or below the
/// `--fail-on` threshold.
fn finding(report: &Report, fail_on: FailOn) -> bool {
    let Some(threshold) = fail_on.threshold() else {
        return false;
    };
    if report.objectives.is_empty() {
        report
            .indicators
            .iter()
            .any(|a| a.rating.is_some_and(|r| r <= threshold))
    } else {
        report
            .objectives
            .iter()
            .any(|o| o.status.rating().is_some_and(|r| r <= threshold))
    }
}

/// A number for people: at most four decimals, no trailing zeros.
fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

fn obs(v: &ObsValue) -> String {
    match v {
        ObsValue::Number(n) => num(n.get()),
        ObsValue::Label(l) => l.clone(),
    }
}

fn point(p: Option<&debrief_metrics::Point>) -> String {
    p.map_or_else(
        || "—".to_owned(),
        |p| format!("{} {}", p.period, obs(&p.value)),
    )
}

fn projected(a: &Assessment) -> String {
    let mut s = a.projected.as_ref().map_or_else(
        || "—".to_owned(),
        |p| format!("{} {}", p.period, num(p.value)),
    );
    if let Some(r) = a.reached_in {
        let _ = write!(s, " (reached {r})");
    }
    s
}

/// Left-aligned columns, two spaces apart.
fn columns(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn table(report: &Report) -> String {
    let mut out = String::new();
    let title = report.title.as_deref().unwrap_or("Assessment");
    let as_of = report
        .as_of
        .map(|d| format!(" (as of {d})"))
        .unwrap_or_default();
    let _ = writeln!(out, "{title}{as_of}\n");
    let mut rows = vec![
        [
            "indicator",
            "method",
            "value",
            "status",
            "latest",
            "target",
            "projected",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for a in &report.indicators {
        rows.push(vec![
            a.id.clone(),
            a.method.clone(),
            a.value.map_or_else(|| "—".to_owned(), num),
            a.status.to_string(),
            point(a.latest.as_ref()),
            point(a.target.as_ref()),
            projected(a),
        ]);
    }
    out.push_str(&columns(&rows));
    let noted: Vec<&Assessment> = report
        .indicators
        .iter()
        .filter(|a| !a.notes.is_empty())
        .collect();
    if !noted.is_empty() {
        out.push_str("\nNotes\n");
        for a in noted {
            for n in &a.notes {
                let _ = writeln!(out, "  {}: {n}", a.id);
            }
        }
    }
    if !report.objectives.is_empty() {
        let mut rows = vec![
            [
                "objective",
                "status",
                "score",
                "coverage",
                "missing",
                "name",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for o in &report.objectives {
            rows.push(vec![
                o.id.clone(),
                o.status.as_str().to_owned(),
                o.score.map_or_else(|| "—".to_owned(), num),
                o.coverage
                    .map_or_else(|| "—".to_owned(), |c| format!("{:.0}%", c * 100.0)),
                if o.missing.is_empty() {
                    "—".to_owned()
                } else {
                    o.missing.join(", ")
                },
                o.name.clone(),
            ]);
        }
        out.push('\n');
        out.push_str(&columns(&rows));
    }
    if !report.unassigned.is_empty() {
        let _ = writeln!(out, "\nIn no objective: {}", report.unassigned.join(", "));
    }
    out
}

fn csv(report: &Report) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "name",
        "objective",
        "method",
        "value",
        "status",
        "rating",
        "unit",
        "base_period",
        "base_value",
        "latest_period",
        "latest_value",
        "target_period",
        "target_value",
        "projected_period",
        "projected_value",
        "reached_in",
        "notes",
    ])?;
    let p = |x: Option<&debrief_metrics::Point>| {
        x.map_or((String::new(), String::new()), |p| {
            (p.period.to_string(), p.value.to_string())
        })
    };
    for a in &report.indicators {
        let (bp, bv) = p(a.base.as_ref());
        let (lp, lv) = p(a.latest.as_ref());
        let (tp, tv) = p(a.target.as_ref());
        let (pp, pv) = a
            .projected
            .as_ref()
            .map_or((String::new(), String::new()), |x| {
                (x.period.to_string(), x.value.to_string())
            });
        w.write_record([
            a.id.clone(),
            a.name.clone(),
            a.objective.clone().unwrap_or_default(),
            a.method.clone(),
            a.value.map(|v| v.to_string()).unwrap_or_default(),
            a.status.to_string(),
            a.rating.map(|r| r.to_string()).unwrap_or_default(),
            a.unit.clone().unwrap_or_default(),
            bp,
            bv,
            lp,
            lv,
            tp,
            tv,
            pp,
            pv,
            a.reached_in.map(|r| r.to_string()).unwrap_or_default(),
            a.notes.join(" | "),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => bail!("CSV output is not UTF-8: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(num(0.330_808), "0.3308");
        assert_eq!(num(40.0), "40");
        assert_eq!(num(-0.000_01), "0");
        assert_eq!(num(-5.0 / 7.0), "-0.7143");
    }
}
