//! `debrief quantities`: the numbers a brief gives, with units, bounds and what they measure.

use std::io::Write;
use std::process::ExitCode;

use debrief::model::Quantity;

use crate::input::BriefArgs;
use crate::output::{Emit, Format, LISTING, Locator, Table, emit, lines, number, pretty, snake};

/// List the quantities of a brief (counts, money, percentages, lengths, durations, fractions,
/// vague amounts) and, after them, its dates and fiscal years.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief quantities                           # the bundled seed brief
  debrief quantities report.txt --format csv --no-dates")]
pub(crate) struct Args {
    #[command(flatten)]
    brief: BriefArgs,
    /// Output format.
    #[arg(long, value_parser = Format::only(LISTING), default_value = "table")]
    format: Format,
    /// Leave out dates, years and fiscal years.
    #[arg(long)]
    no_dates: bool,
}

/// A value cell: "2000", "2–5" for a range, "~1000000000" for a vague amount.
fn range_value(value: Option<f64>, upper: Option<f64>, magnitude: Option<f64>) -> String {
    match (value, upper, magnitude) {
        (Some(v), Some(u), _) => format!("{}–{}", number(v), number(u)),
        (Some(v), None, _) => number(v),
        (None, _, Some(m)) => format!("~{}", number(m)),
        (None, _, None) => String::new(),
    }
}

struct Listing<'a> {
    text: &'a str,
    shown: Vec<&'a Quantity>,
}

impl Emit for Listing<'_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, &self.shown)
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        lines(w, &self.shown)
    }

    fn table(&self) -> anyhow::Result<Table> {
        let at = Locator::new(self.text);
        let mut table = Table::new(&[
            "at",
            "text",
            "kind",
            "value",
            "unit",
            "bound",
            "qualifier",
            "measures",
        ])
        .or_else("no quantities found");
        for q in &self.shown {
            let value = match (&q.date, q.value, q.upper, q.magnitude) {
                (Some(date), ..) => date.clone(),
                (None, value, upper, magnitude) => range_value(value, upper, magnitude),
            };
            table.row(vec![
                at.at(q.span),
                q.text.clone(),
                snake(&q.kind),
                value,
                q.unit.clone().unwrap_or_default(),
                snake(&q.bound),
                q.qualifier
                    .as_ref()
                    .map(|p| p.text.clone())
                    .unwrap_or_default(),
                q.measures.clone().unwrap_or_default(),
            ]);
        }
        Ok(table)
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, brief) = args.brief.extract()?;
    // Amounts first, then dates: dates and fiscal years are kept apart from counts.
    let (dates, amounts): (Vec<_>, Vec<_>) =
        brief.quantities.iter().partition(|q| q.kind.is_temporal());
    let shown = if args.no_dates {
        amounts
    } else {
        amounts.into_iter().chain(dates).collect()
    };
    emit(args.format, &Listing { text: &text, shown }, None)?;
    Ok(ExitCode::SUCCESS)
}
