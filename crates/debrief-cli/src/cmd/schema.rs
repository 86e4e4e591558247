//! `debrief schema`: the JSON Schemas of what debrief reads and writes.

use std::io::Write;
use std::process::ExitCode;

use crate::output::{Emit, Format, emit, pretty};

/// Print the JSON Schema (draft 2020-12) of a format debrief reads or writes.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief schema report > report.schema.json
  debrief schema catalog                       # the TOML catalog, as JSON")]
pub(crate) struct Args {
    /// Which schema.
    #[arg(value_enum)]
    which: Which,
}

/// The schemas.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Which {
    /// A parsed document (`debrief parse --format json`).
    Document,
    /// What is extracted from a document (`debrief recommendations`, `entities`, `quantities`
    /// and each line of `debrief batch`).
    Brief,
    /// The indicator catalog (TOML, mapped one to one onto JSON).
    Catalog,
    /// One row of the observations CSV, as an object keyed by column.
    Observations,
    /// The assessment of a catalog (`debrief assess --format json`).
    Assessment,
    /// The analysis of a brief (`debrief analyze --format json`, `debrief report --format
    /// json`).
    Report,
}

struct Schema(schemars::Schema);

impl Emit for Schema {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, &self.0)
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let schema = match args.which {
        Which::Document => debrief::document_schema(),
        Which::Brief => debrief::model::brief_schema(),
        Which::Catalog => debrief::metrics::catalog_schema(),
        Which::Observations => debrief::metrics::observation_row_schema(),
        Which::Assessment => debrief::metrics::report_schema(),
        Which::Report => debrief::report_schema(),
    };
    emit(Format::Json, &Schema(schema), None)?;
    Ok(ExitCode::SUCCESS)
}
