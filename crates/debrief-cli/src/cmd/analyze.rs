//! `debrief analyze`: the main job — a brief's sections, recommendations, actors, programs and
//! quantities, and the scorecard of its recommendations when an indicator catalog is given.
//! With no argument: the bundled seed brief with its example catalog.

use std::process::ExitCode;

use debrief::metrics::AssessOptions;

use crate::cmd::assess::FailOn;
use crate::input::{BriefArgs, CatalogArgs};
use std::io::Write;

use crate::output::{Emit, Format, emit, pretty};
use crate::report::{View, html, markdown, text};
use crate::style::{Paint, Style};

/// Analyse a brief and print a readable summary: sections, the explicit and inline
/// recommendations with who must act, programs, quantities, the scorecard of the
/// recommendations (with --catalog) and the brief's own numbers as candidate baselines and
/// targets. With no file: the bundled seed brief and its example catalog.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief analyze                              # the seed brief with its example catalog
  debrief analyze brief.txt                    # a brief of your own (`-`: standard input)
  debrief analyze brief.txt --catalog indicators.toml --observations data.csv
  debrief analyze brief.txt --format json      # document, brief, scorecard, suggestions")]
pub(crate) struct Args {
    #[command(flatten)]
    brief: BriefArgs,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Output format.
    #[arg(
        long,
        value_parser = Format::only(&[Format::Text, Format::Json, Format::Markdown]),
        default_value = "text",
    )]
    format: Format,
    /// Exit with status 1 when a recommendation (or an objective naming none) is rated this or
    /// worse.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    fail_on: FailOn,
}

/// A brief analysed, with what the renderings need.
pub(crate) struct Analysis<'a> {
    pub(crate) report: debrief::Report<'a>,
    pub(crate) view: View,
}

/// Reads the brief and the catalog (the seed's own for the seed brief) as asked.
pub(crate) fn load(
    brief: &BriefArgs,
    catalog: &CatalogArgs,
) -> anyhow::Result<(crate::input::BriefText, Option<debrief::metrics::Catalog>)> {
    let brief = brief.read()?;
    let catalog = catalog.load(brief.seed)?;
    Ok((brief, catalog))
}

impl<'a> Analysis<'a> {
    /// Analyses `brief` with `catalog`.
    pub(crate) fn new(
        brief: &'a crate::input::BriefText,
        catalog: Option<&debrief::metrics::Catalog>,
        args: &CatalogArgs,
    ) -> anyhow::Result<Self> {
        let options = debrief::Options {
            parse: brief.options.clone(),
            extract: debrief::model::ExtractOptions::default(),
            assess: AssessOptions {
                as_of: Some(args.as_of()?),
            },
        };
        let report = debrief::analyze_with(&brief.text, catalog, &options);
        let view = View::new(&brief.name, &brief.text, &report);
        Ok(Analysis { report, view })
    }

    /// Warns on standard error of catalog objectives that name no recommendation.
    pub(crate) fn warn_unmatched(&self) {
        let paint = Paint::stderr();
        for u in self.report.scorecard.iter().flat_map(|s| &s.unmatched) {
            eprintln!(
                "{} objective {} names no recommendation of this brief: {}",
                paint.paint("warning:", Style::Yellow),
                u.summary.id,
                u.reason
            );
        }
    }

    /// Whether a measured recommendation or an unmatched objective is rated at or below
    /// `fail_on`.
    pub(crate) fn finding(&self, fail_on: FailOn) -> bool {
        self.report.scorecard.as_ref().is_some_and(|card| {
            fail_on.any(
                card.rows
                    .iter()
                    .map(|r| &r.summary)
                    .chain(card.unmatched.iter().map(|u| &u.summary))
                    .map(|s| s.status.rating()),
            )
        })
    }
}

impl Emit for Analysis<'_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, &self.report)
    }

    fn text(&self) -> anyhow::Result<String> {
        Ok(text::render(&self.view, Paint::stdout()))
    }

    fn markdown(&self) -> anyhow::Result<String> {
        Ok(markdown::render(&self.view))
    }

    fn html(&self) -> anyhow::Result<String> {
        html::render(&self.view)
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (brief, catalog) = load(&args.brief, &args.catalog)?;
    let analysis = Analysis::new(&brief, catalog.as_ref(), &args.catalog)?;
    if args.format != Format::Text {
        analysis.warn_unmatched();
    }
    emit(args.format, &analysis, None)?;
    Ok(FailOn::exit(analysis.finding(args.fail_on)))
}
