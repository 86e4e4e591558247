//! `debrief assess`: indicators assessed by their progress methods, rolled up by objective.
//!
//! Exit codes: 0 when no objective is rated at or below `--fail-on` (default `off-track`:
//! off track or regressing); 1 when one is (a finding — without objectives, indicators are
//! checked instead); 2 for usage and input errors, shown as `file:line:column` with a caret.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use debrief::metrics::{
    AssessOptions, Assessment, Date, ObjectiveSummary, ObsValue, Point, Rating, Report,
};

use crate::input::{load_catalog, parse_date};
use crate::output::{
    Emit, Format, LISTING, NONE, Table, emit, lines, markdown_cell, pretty, short,
};

/// Assess indicators with published progress methods (UNSD, Statistics Canada, ESCAP, IATI,
/// DHIS2, linear trend) and roll them up by objective.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief assess --catalog examples/data/border-security-catalog.toml \\
                 --observations examples/data/border-security-observations.csv
  debrief assess --catalog c.toml --observations obs.csv --format json --as-of 2026-11-01
  debrief assess --catalog c.toml --fail-on needs-acceleration   # exit 1 unless all on track")]
pub(crate) struct Args {
    /// The TOML catalog of objectives and indicators (docs/METRICS.md).
    #[arg(long, value_name = "FILE")]
    catalog: PathBuf,
    /// A tidy CSV of observations: `indicator,period,value[,source][,note][,dimension…]`.
    /// May be given more than once.
    #[arg(long, value_name = "FILE")]
    observations: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_parser = Format::only(LISTING), default_value = "table")]
    format: Format,
    /// The assessment date for deadlines, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// Exit with status 1 when an objective is rated this or worse (`never`: always 0).
    #[arg(long, value_enum, default_value_t = FailOn::OffTrack)]
    fail_on: FailOn,
}

/// The rating at or below which an objective is a finding (exit status 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FailOn {
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

    /// Whether any of `ratings` is at or below the threshold.
    pub(crate) fn any(self, ratings: impl IntoIterator<Item = Option<Rating>>) -> bool {
        self.threshold()
            .is_some_and(|t| ratings.into_iter().any(|r| r.is_some_and(|r| r <= t)))
    }

    /// The exit code for `found`.
    pub(crate) fn exit(found: bool) -> ExitCode {
        if found {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let catalog = load_catalog(&args.catalog, &args.observations)?;
    let as_of = match args.as_of {
        Some(d) => d,
        None => crate::input::today()?,
    };
    let report = debrief::metrics::assess(&catalog, &AssessOptions { as_of: Some(as_of) });
    emit(args.format, &Assessed(&report), None)?;
    // Without objectives, the indicators themselves decide.
    let found = if report.objectives.is_empty() {
        args.fail_on.any(report.indicators.iter().map(|a| a.rating))
    } else {
        args.fail_on
            .any(report.objectives.iter().map(|o| o.status.rating()))
    };
    Ok(FailOn::exit(found))
}

struct Assessed<'a>(&'a Report);

impl Emit for Assessed<'_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, self.0)
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        lines(w, &self.0.indicators)
    }

    /// One row per indicator, every number (the CSV).
    fn table(&self) -> anyhow::Result<Table> {
        Ok(csv_rows(self.0))
    }

    fn table_text(&self) -> anyhow::Result<String> {
        Ok(composite(
            self.0,
            Table::to_text,
            |s| format!("{s}\n"),
            str::to_owned,
        ))
    }

    fn markdown(&self) -> anyhow::Result<String> {
        Ok(composite(
            self.0,
            Table::to_markdown,
            |s| format!("## {}\n", markdown_cell(s)),
            markdown_cell,
        ))
    }
}

/// The readable report: a title, the indicator table, the notes, the objective table, the
/// indicators in no objective. `table` renders a table, `heading` a heading line, `escape` a
/// piece of text.
fn composite(
    report: &Report,
    table: fn(&Table) -> String,
    heading: fn(&str) -> String,
    escape: fn(&str) -> String,
) -> String {
    let mut out = String::new();
    let title = report.title.as_deref().unwrap_or("Assessment");
    let as_of = report
        .as_of
        .map(|d| format!(" (as of {d})"))
        .unwrap_or_default();
    out.push_str(&heading(&format!("{title}{as_of}")));
    out.push('\n');
    out.push_str(&table(&indicator_rows(&report.indicators)));
    let noted: Vec<&Assessment> = report
        .indicators
        .iter()
        .filter(|a| !a.notes.is_empty())
        .collect();
    if !noted.is_empty() {
        out.push('\n');
        out.push_str(&heading("Notes"));
        for a in noted {
            for n in &a.notes {
                let _ = writeln!(out, "- {}: {}", escape(&a.id), escape(n));
            }
        }
    }
    if !report.objectives.is_empty() {
        out.push('\n');
        out.push_str(&table(&objective_rows(&report.objectives)));
    }
    if !report.unassigned.is_empty() {
        let _ = writeln!(
            out,
            "\nIn no objective: {}",
            escape(&report.unassigned.join(", "))
        );
    }
    out
}

/// A value for people: a number with at most four decimals, or a label.
pub(crate) fn obs(v: &ObsValue) -> String {
    match v {
        ObsValue::Number(n) => short(n.get()),
        ObsValue::Label(l) => l.clone(),
    }
}

/// `2022 45`, or `—`.
pub(crate) fn point(p: Option<&Point>) -> String {
    p.map_or_else(
        || NONE.to_owned(),
        |p| format!("{} {}", p.period, obs(&p.value)),
    )
}

/// The projection and the period the target is reached in, or `—`.
pub(crate) fn projected(a: &Assessment) -> String {
    let mut s = a.projected.as_ref().map_or_else(
        || NONE.to_owned(),
        |p| format!("{} {}", p.period, short(p.value)),
    );
    if let Some(r) = a.reached_in {
        let _ = write!(s, " (reached {r})");
    }
    s
}

/// One row per indicator: id, method, value, status, latest, target, projection.
pub(crate) fn indicator_rows(indicators: &[Assessment]) -> Table {
    let mut rows = Table::new(&[
        "indicator",
        "method",
        "value",
        "status",
        "latest",
        "target",
        "projected",
    ]);
    for a in indicators {
        rows.row(vec![
            a.id.clone(),
            a.method.clone(),
            a.value.map_or_else(|| NONE.to_owned(), short),
            a.status.to_string(),
            point(a.latest.as_ref()),
            point(a.target.as_ref()),
            projected(a),
        ]);
    }
    rows
}

/// One row per objective: id, status, score, coverage, missing indicators, name.
fn objective_rows(objectives: &[ObjectiveSummary]) -> Table {
    let mut rows = Table::new(&[
        "objective",
        "status",
        "score",
        "coverage",
        "missing",
        "name",
    ]);
    for o in objectives {
        rows.row(vec![
            o.id.clone(),
            o.status.as_str().to_owned(),
            o.score.map_or_else(|| NONE.to_owned(), short),
            coverage(o),
            if o.missing.is_empty() {
                NONE.to_owned()
            } else {
                o.missing.join(", ")
            },
            o.name.clone(),
        ]);
    }
    rows
}

/// `40%` of the objective's weight rated, or `—` without indicators.
pub(crate) fn coverage(o: &ObjectiveSummary) -> String {
    o.coverage
        .map_or_else(|| NONE.to_owned(), |c| format!("{:.0}%", c * 100.0))
}

/// Every number of every indicator, for CSV.
fn csv_rows(report: &Report) -> Table {
    let mut t = Table::new(&[
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
    ]);
    let p = |x: Option<&Point>| {
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
        t.row(vec![
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
        ]);
    }
    t
}
