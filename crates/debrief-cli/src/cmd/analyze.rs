//! `debrief analyze`: the main job, a readable summary of a brief.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::input::Input;

/// Analyse a brief and print a readable summary (the bundled seed brief when no file is given).
///
/// Example: `debrief analyze examples/data/border-security-brief.txt`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The brief: a text file extracted from a PDF, or `-` for standard input.
    file: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let input = Input::read(args.file.as_deref())?;
    let text = input.text()?;
    let doc = debrief::parser::parse(text);
    let sections = debrief::model::sections(&doc);
    println!(
        "{}: {} bytes, {} blocks, {} sections",
        input.name,
        text.len(),
        doc.blocks.len(),
        sections.len()
    );
    for section in &sections {
        let title = section.title.as_deref().unwrap_or("(opening)");
        println!("  {title}  [{} blocks]", section.blocks.len());
    }
    Ok(ExitCode::SUCCESS)
}
