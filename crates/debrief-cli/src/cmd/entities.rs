//! `debrief entities`: the actors, programs and acronyms a brief names.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use crate::input::BriefArgs;
use crate::output::{Emit, Format, LISTING, Locator, Table, emit, lines, pretty, snake};

/// List the actors and institutions (governments, legislatures, agencies, offices), programs
/// and named initiatives, and acronyms of a brief, with how often and where each first occurs.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief entities                             # the bundled seed brief
  debrief entities report.txt --format csv
  debrief entities report.txt --format jsonl   # one entity a line, with its \"type\"")]
pub(crate) struct Args {
    #[command(flatten)]
    brief: BriefArgs,
    /// Output format.
    #[arg(long, value_parser = Format::only(LISTING), default_value = "table")]
    format: Format,
}

#[derive(Serialize)]
struct Entities<'a> {
    #[serde(skip)]
    text: &'a str,
    actors: &'a [debrief::model::Actor],
    programs: &'a [debrief::model::Program],
    acronyms: &'a [debrief::model::Acronym],
}

/// One line of `--format jsonl`: the entity with its type.
#[derive(Serialize)]
struct Tagged<'a, T> {
    r#type: &'static str,
    #[serde(flatten)]
    entity: &'a T,
}

fn tagged<'a, T: Serialize>(
    kind: &'static str,
    items: &'a [T],
) -> impl Iterator<Item = Tagged<'a, T>> {
    items.iter().map(move |entity| Tagged {
        r#type: kind,
        entity,
    })
}

impl Emit for Entities<'_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, self)
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        lines(w, tagged("actor", self.actors))?;
        lines(w, tagged("program", self.programs))?;
        lines(w, tagged("acronym", self.acronyms))
    }

    fn table(&self) -> anyhow::Result<Table> {
        let at = Locator::new(self.text);
        let mut table = Table::new(&["type", "kind", "name", "id", "mentions", "first at", "also"])
            .or_else("no entities found");
        for a in self.actors {
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
        for p in self.programs {
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
        for a in self.acronyms {
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
        Ok(table)
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, brief) = args.brief.extract()?;
    let entities = Entities {
        text: &text,
        actors: &brief.actors,
        programs: &brief.programs,
        acronyms: &brief.acronyms,
    };
    emit(args.format, &entities, None)?;
    Ok(ExitCode::SUCCESS)
}
