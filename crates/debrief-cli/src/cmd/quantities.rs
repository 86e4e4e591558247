//! `debrief quantities`: the numbers a brief gives, with units, bounds and what they measure.

use std::process::ExitCode;

use crate::output::{Format, ListArgs, Locator, Table, number, print_json, snake};

/// List the quantities of a brief (counts, money, percentages, lengths, durations, fractions,
/// vague amounts) and, after them, its dates and fiscal years.
///
/// Example: `debrief quantities report.txt --format csv --no-dates`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    list: ListArgs,
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

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, brief) = args.list.brief()?;
    // Amounts first, then dates: dates and fiscal years are kept apart from counts.
    let (dates, amounts): (Vec<_>, Vec<_>) =
        brief.quantities.iter().partition(|q| q.kind.is_temporal());
    let shown: Vec<&debrief::model::Quantity> = if args.no_dates {
        amounts
    } else {
        amounts.into_iter().chain(dates).collect()
    };
    if args.list.format == Format::Json {
        print_json(&shown)?;
        return Ok(ExitCode::SUCCESS);
    }
    let at = Locator::new(&text);
    let mut table = Table::new(&[
        "at",
        "text",
        "kind",
        "value",
        "unit",
        "bound",
        "qualifier",
        "measures",
    ]);
    for q in shown {
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
    if table.is_empty() && args.list.format == Format::Table {
        println!("no quantities found");
        return Ok(ExitCode::SUCCESS);
    }
    table.print(args.list.format)?;
    Ok(ExitCode::SUCCESS)
}
