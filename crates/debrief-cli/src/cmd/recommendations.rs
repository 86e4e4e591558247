//! `debrief recommendations`: who must act, what, how strongly, and where the brief says so.

use std::process::ExitCode;

use crate::output::{Format, ListArgs, Locator, Table, join, print_json};

/// List the recommendations of a brief: explicit list items and inline modal sentences, with
/// their actors, modality, action and section.
///
/// Example: `debrief recommendations report.txt --format json`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    list: ListArgs,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, brief) = args.list.brief()?;
    if args.list.format == Format::Json {
        print_json(&brief.recommendations)?;
        return Ok(ExitCode::SUCCESS);
    }
    let at = Locator::new(&text);
    let mut table = Table::new(&[
        "id",
        "at",
        "kind",
        "modality",
        "actors",
        "action",
        "title or text",
        "section",
    ]);
    for r in &brief.recommendations {
        let kind = match r.kind {
            debrief::model::RecommendationKind::Explicit => "explicit",
            debrief::model::RecommendationKind::Inline => "inline",
        };
        table.row(vec![
            r.id.clone(),
            at.at(r.span),
            kind.to_owned(),
            format!("{:?}", r.modality).to_lowercase(),
            join(r.actors.iter().map(|a| a.name.as_str())),
            r.action
                .as_ref()
                .map(|a| a.verb.clone())
                .unwrap_or_default(),
            r.title
                .as_ref()
                .map_or_else(|| r.text.clone(), |t| t.text.clone()),
            r.section.clone().unwrap_or_default(),
        ]);
    }
    if table.is_empty() && args.list.format == Format::Table {
        println!("no recommendations found");
        return Ok(ExitCode::SUCCESS);
    }
    table.print(args.list.format)?;
    Ok(ExitCode::SUCCESS)
}
