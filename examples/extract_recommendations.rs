//! Extract a brief's recommendations — who must act, what, how strongly — with the programs
//! and quantities it names.
//!
//! ```sh
//! cargo run --example extract_recommendations                 # the bundled seed brief
//! cargo run --example extract_recommendations -- my-brief.txt
//! ```
#![allow(clippy::print_stdout)]

use debrief::model::RecommendationKind;
use debrief::parser::LineIndex;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A brief of your own, else the bundled seed brief (libraries never read files: the
    // caller does, then hands over the text).
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => debrief::seed::BRIEF.to_owned(),
    };
    let doc = debrief::parser::parse(&text);
    let brief = debrief::model::extract(&doc);
    let lines = LineIndex::new(&text);
    let line = |offset: usize| lines.line_col(&text, offset).0;

    for kind in [RecommendationKind::Explicit, RecommendationKind::Inline] {
        println!("{kind:?} recommendations:");
        for rec in brief.recommendations.iter().filter(|r| r.kind == kind) {
            let who: Vec<&str> = rec.actors.iter().map(|a| a.name.as_str()).collect();
            let what = rec.title.as_ref().map_or(rec.text.as_str(), |t| &t.text);
            println!(
                "  {} line {:>3}  {:?} ({:?})  who: {}",
                rec.id,
                line(rec.span.start),
                rec.modality,
                rec.strength,
                if who.is_empty() {
                    "—".to_owned()
                } else {
                    who.join(", ")
                }
            );
            println!("      {what}");
            if let Some(action) = &rec.action {
                println!(
                    "      action: {} {}",
                    action.verb,
                    action.object.as_deref().unwrap_or_default()
                );
            }
        }
    }

    println!("\nPrograms:");
    for p in &brief.programs {
        println!(
            "  {} ({:?}), {} mention(s)",
            p.name,
            p.kind,
            p.mentions.len()
        );
    }
    println!("\nQuantities:");
    for q in brief.quantities.iter().filter(|q| !q.kind.is_temporal()) {
        println!(
            "  line {:>3}  {:<25} {:?}{}",
            line(q.span.start),
            q.text,
            q.kind,
            q.measures
                .as_deref()
                .map(|m| format!(" of {m}"))
                .unwrap_or_default()
        );
    }
    Ok(())
}
