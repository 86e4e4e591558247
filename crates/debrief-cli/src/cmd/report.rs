//! `debrief report`: the analysis of a brief as one self-contained HTML page (or Markdown, or
//! JSON) — the recommendations with their actors and source sentences, the scorecard with
//! status badges, and a chart per indicator.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cmd::analyze::{Analysis, load};
use crate::cmd::assess::FailOn;
use crate::input::{BriefArgs, CatalogArgs};
use crate::output::{Format, emit};

/// Write the report of a brief: one self-contained HTML file (inline CSS and SVG, nothing
/// fetched) with the recommendations, their actors and source sentences with line numbers, the
/// scorecard with status badges and a chart per indicator (series, baseline, target and the
/// projection to the deadline); or Markdown or JSON. With no file: the bundled seed brief and
/// its example catalog.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief report --out report.html             # the seed brief with its example catalog
  debrief report brief.txt --catalog indicators.toml --observations data.csv --out report.html
  debrief report brief.txt --format markdown > report.md")]
pub(crate) struct Args {
    #[command(flatten)]
    brief: BriefArgs,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// The file to write (atomically); standard output when omitted or `-`.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Output format.
    #[arg(
        long,
        value_parser = Format::only(&[Format::Html, Format::Markdown, Format::Json]),
        default_value = "html",
    )]
    format: Format,
    /// Exit with status 1 when a recommendation (or an objective naming none) is rated this or
    /// worse.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    fail_on: FailOn,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (brief, catalog) = load(&args.brief, &args.catalog)?;
    let analysis = Analysis::new(&brief, catalog.as_ref(), &args.catalog)?;
    analysis.warn_unmatched();
    emit(args.format, &analysis, args.out.as_deref())?;
    if let Some(out) = args.out.as_deref().filter(|p| p.as_os_str() != "-") {
        eprintln!("wrote {} ({})", out.display(), args.format.name());
    }
    Ok(FailOn::exit(analysis.finding(args.fail_on)))
}
