//! `debrief entities`: the actors, programs and acronyms a brief names.

use std::process::ExitCode;

use serde::Serialize;

use crate::output::{Format, ListArgs, Locator, Table, print_json, snake};

/// List the actors and institutions (governments, legislatures, agencies, offices), programs
/// and named initiatives, and acronyms of a brief, with how often and where each first occurs.
///
/// Example: `debrief entities report.txt --format csv`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    list: ListArgs,
}

#[derive(Serialize)]
struct Entities<'a> {
    actors: &'a [debrief::model::Actor],
    programs: &'a [debrief::model::Program],
    acronyms: &'a [debrief::model::Acronym],
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, brief) = args.list.brief()?;
    if args.list.format == Format::Json {
        print_json(&Entities {
            actors: &brief.actors,
            programs: &brief.programs,
            acronyms: &brief.acronyms,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let at = Locator::new(&text);
    let mut table = Table::new(&["type", "kind", "name", "id", "mentions", "first at", "also"]);
    for a in &brief.actors {
        table.row(vec![
            "actor".into(),
            snake(&a.kind),
            a.name.clone(),
            a.id.clone(),
            a.mentions.len().to_string(),
            a.mentions
                .first()
                .map(|m| at.at(m.span))
                .unwrap_or_default(),
            a.parent
                .clone()
                .map(|p| format!("part of {p}"))
                .unwrap_or_default(),
        ]);
    }
    for p in &brief.programs {
        table.row(vec![
            "program".into(),
            snake(&p.kind),
            p.name.clone(),
            p.id.clone(),
            p.mentions.len().to_string(),
            p.mentions
                .first()
                .map(|m| at.at(m.span))
                .unwrap_or_default(),
            p.acronym
                .clone()
                .map(|a| format!("({a})"))
                .unwrap_or_default(),
        ]);
    }
    for a in &brief.acronyms {
        table.row(vec![
            "acronym".into(),
            snake(&a.source),
            a.short.clone(),
            a.long.clone(),
            a.occurrences.to_string(),
            a.definition.map(|d| at.at(d)).unwrap_or_default(),
            String::new(),
        ]);
    }
    if table.is_empty() && args.list.format == Format::Table {
        println!("no entities found");
        return Ok(ExitCode::SUCCESS);
    }
    table.print(args.list.format)?;
    Ok(ExitCode::SUCCESS)
}
