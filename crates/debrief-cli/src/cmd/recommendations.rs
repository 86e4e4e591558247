//! `debrief recommendations`: who must act, what, how strongly, and where the brief says so.

use std::io::Write;
use std::process::ExitCode;

use debrief::model::Recommendation;

use crate::input::BriefArgs;
use crate::output::{Emit, Format, LISTING, Locator, Table, emit, join, lines, pretty, snake};

/// List the recommendations of a brief: explicit list items and inline modal sentences, with
/// their actors, modality, action and section.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief recommendations                      # the bundled seed brief
  debrief recommendations report.txt --format json
  pdftotext -raw report.pdf - | debrief recommendations - --style raw --format csv")]
pub(crate) struct Args {
    #[command(flatten)]
    brief: BriefArgs,
    /// Output format.
    #[arg(long, value_parser = Format::only(LISTING), default_value = "table")]
    format: Format,
}

struct Listing<'a> {
    text: &'a str,
    recs: &'a [Recommendation],
}

impl Emit for Listing<'_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, self.recs)
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        lines(w, self.recs)
    }

    fn table(&self) -> anyhow::Result<Table> {
        let at = Locator::new(self.text);
        let mut table = Table::new(&[
            "id",
            "at",
            "kind",
            "modality",
            "actors",
            "action",
            "title or text",
            "section",
        ])
        .or_else("no recommendations found");
        for r in self.recs {
            table.row(vec![
                r.id.clone(),
                at.at(r.span),
                snake(&r.kind),
                snake(&r.modality),
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
        Ok(table)
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, brief) = args.brief.extract()?;
    let listing = Listing {
        text: &text,
        recs: &brief.recommendations,
    };
    emit(args.format, &listing, None)?;
    Ok(ExitCode::SUCCESS)
}
