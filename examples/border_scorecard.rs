//! The seed brief end to end: the brief and its example catalog with observations in, one
//! `debrief::Report` out — every scorecard row a recommendation of the brief, linked to the
//! sentence that makes it — and the brief's own numbers as candidate targets.
//!
//! ```sh
//! cargo run --example border_scorecard
//! ```
#![allow(clippy::print_stdout)]

use debrief::metrics::{AssessOptions, Catalog, Date};
use debrief::parser::LineIndex;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(format!("{DATA}border-security-brief.txt"))?;
    let toml = std::fs::read_to_string(format!("{DATA}border-security-catalog.toml"))?;
    let csv = std::fs::read_to_string(format!("{DATA}border-security-observations.csv"))?;
    let mut catalog = Catalog::from_toml(&toml)?;
    catalog.load_observations_csv(&csv)?;

    let options = debrief::Options {
        assess: AssessOptions {
            as_of: Some(Date::new(2026, 11, 1)?),
        },
        ..debrief::Options::default()
    };
    let report = debrief::analyze_with(&text, Some(&catalog), &options);
    let lines = LineIndex::new(&text);

    let card = report.scorecard.as_ref().ok_or("a catalog was given")?;
    println!(
        "{} — as of {}\n",
        card.title.as_deref().unwrap_or("Scorecard"),
        card.as_of.map(|d| d.to_string()).unwrap_or_default()
    );
    for row in &card.rows {
        let (line, _) = lines.line_col(&text, row.sentence.start);
        let status = if row.summary.indicators.is_empty() {
            "not measured".to_owned()
        } else {
            format!(
                "{} ({} of {} indicators rated)",
                row.summary.status.as_str(),
                row.summary.indicators.len() - row.summary.missing.len(),
                row.summary.indicators.len()
            )
        };
        println!("{} line {line:>3}  {status}", row.recommendation);
        println!("    “{}”", row.quote);
    }
    for u in &card.unmatched {
        println!(
            "objective {} names no recommendation: {}",
            u.summary.id, u.reason
        );
    }

    println!("\nCandidate baselines and targets from the brief:");
    for s in &report.suggestions {
        println!(
            "  {:<12} = {} {}{}",
            s.text,
            s.value,
            s.unit.as_deref().unwrap_or("?"),
            s.measures
                .as_deref()
                .map(|m| format!("  ({m})"))
                .unwrap_or_default()
        );
    }
    Ok(())
}
