//! `debrief parse`: the structured document.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::input::Input;

/// Parse a brief into blocks (headings, paragraphs, list items, footnotes) and print them.
///
/// Example: `debrief parse brief.txt --format json`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The brief: a text file extracted from a PDF, or `-` for standard input.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let input = Input::read(Some(&args.file))?;
    let doc = debrief::parser::parse(input.text()?);
    match args.format {
        Format::Text => print!("{}", doc.to_text()),
        Format::Markdown => print!("{}", doc.to_markdown()),
        Format::Json => println!("{}", serde_json::to_string_pretty(&doc)?),
    }
    Ok(ExitCode::SUCCESS)
}
