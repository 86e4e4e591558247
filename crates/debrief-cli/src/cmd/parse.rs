//! `debrief parse`: the structured document.

use std::io::{IsTerminal as _, Write};
use std::process::ExitCode;

use debrief::parser::{BlockKind, BytesDocument, Document};

use crate::input::{BriefArgs, Input};
use crate::output::{Emit, Format, Locator, Table, emit, lines, pretty};

/// Parse a brief into blocks (headings, paragraphs, list items, footnotes) and print them:
/// the repaired text, Markdown, the blocks as a table, or the document as JSON
/// (docs/FORMAT.md).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief parse brief.txt                      # the repaired text, one block a paragraph
  debrief parse brief.txt --format json        # blocks, artifacts, diagnostics, spans
  debrief parse report.raw.txt --style raw --no hyphens --words names.txt
  debrief parse scan.txt --lossy --format jsonl   # invalid UTF-8 replaced, one block a line")]
pub(crate) struct Args {
    #[command(flatten)]
    brief: BriefArgs,
    /// Output format: `text` the repaired text, `table` one block a row, `jsonl` one block a
    /// line.
    #[arg(
        long,
        value_parser = Format::only(&[
            Format::Text, Format::Markdown, Format::Json, Format::Jsonl, Format::Table, Format::Csv,
        ]),
        default_value = "text",
    )]
    format: Format,
    /// Indent the JSON (the default when writing to a terminal; piped JSON is one line: for a
    /// 10 MB brief indenting adds a third to the output and to the time).
    #[arg(long)]
    pretty: bool,
}

struct Parsed<'d, 'a> {
    doc: &'d Document<'a>,
    /// Indent the JSON.
    pretty: bool,
}

/// A block's kind with its level or marker: `heading 2`, `list_item ■■`.
fn kind(block: &BlockKind<'_>) -> String {
    match block {
        BlockKind::Heading { level, .. } => format!("heading {level}"),
        BlockKind::ListItem { marker, .. } => format!("list_item {marker}"),
        BlockKind::Footnote { label } => format!("footnote {label}"),
        BlockKind::Paragraph => "paragraph".to_owned(),
        BlockKind::Other => "other".to_owned(),
    }
}

impl Emit for Parsed<'_, '_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        if self.pretty {
            pretty(w, self.doc)
        } else {
            serde_json::to_writer(&mut *w, self.doc)?;
            writeln!(w)?;
            Ok(())
        }
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        lines(w, &self.doc.blocks)
    }

    fn table(&self) -> anyhow::Result<Table> {
        let at = Locator::new(self.doc.source());
        let mut table = Table::new(&["at", "kind", "text"]).or_else("no blocks");
        for b in &self.doc.blocks {
            table.row(vec![at.at(b.span), kind(&b.kind), b.text.to_string()]);
        }
        Ok(table)
    }

    fn text(&self) -> anyhow::Result<String> {
        Ok(self.doc.to_text())
    }

    fn markdown(&self) -> anyhow::Result<String> {
        Ok(self.doc.to_markdown())
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let opts = args.brief.parse.options()?;
    let pretty = args.pretty || std::io::stdout().is_terminal();
    if !args.brief.parse.lossy {
        let brief = args.brief.read()?;
        let doc = debrief::parser::parse_with(&brief.text, &opts);
        emit(args.format, &Parsed { doc: &doc, pretty }, None)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Lossy: the parser's own byte decoding, so that each replacement is a diagnostic with the
    // offset of the bad bytes.
    let input = Input::read(args.brief.file.as_deref())?;
    match debrief::parser::parse_bytes_with(&input.bytes, &opts)? {
        BytesDocument::Borrowed(doc) => emit(args.format, &Parsed { doc: &doc, pretty }, None)?,
        BytesDocument::Lossy { text, diagnostics } => {
            let mut doc = debrief::parser::parse_with(&text, &opts);
            let mut all = diagnostics;
            all.append(&mut doc.diagnostics);
            doc.diagnostics = all;
            emit(args.format, &Parsed { doc: &doc, pretty }, None)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
