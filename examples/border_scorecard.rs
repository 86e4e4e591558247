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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The bundled seed: the brief, its example catalog and observations
    // (examples/data/border-security-*).
    let text = debrief::seed::BRIEF;
    let mut catalog = Catalog::from_toml(debrief::seed::CATALOG)?;
    catalog.load_observations_csv(debrief::seed::OBSERVATIONS)?;

    let options = debrief::Options {
        assess: AssessOptions {
            as_of: Some(Date::new(2026, 11, 1)?),
        },
        ..debrief::Options::default()
    };
    let report = debrief::analyze_with(text, Some(&catalog), &options);
    let lines = LineIndex::new(text);

    let card = report.scorecard.as_ref().ok_or("a catalog was given")?;
    println!(
        "{} — as of {}\n",
        card.title.as_deref().unwrap_or("Scorecard"),
        card.as_of.map(|d| d.to_string()).unwrap_or_default()
    );
    for row in &card.rows {
        let (line, _) = lines.line_col(text, row.sentence.start);
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
