//! `debrief parse`: the structured document.

use std::io::{IsTerminal as _, Write};
use std::process::ExitCode;

use debrief::parser::{BlockKind, BytesDocument, Document, JsonOptions, SourceMapFormat};

use crate::input::{BriefArgs, Input};
use crate::output::{Emit, Format, Locator, Table, emit};

/// Parse a brief into blocks (headings, paragraphs, list items, footnotes) and print them:
/// the repaired text, Markdown, the blocks as a table, or the document as JSON
/// (docs/FORMAT.md).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief parse brief.txt                      # the repaired text, one block a paragraph
  debrief parse brief.txt --format json        # blocks, artifacts, diagnostics, spans
  debrief parse report.raw.txt --style raw --no hyphens --words names.txt
  debrief parse scan.txt --lossy --format jsonl   # invalid UTF-8 replaced, one block a line
  debrief parse big.txt --format json --source-maps compact   # about a third of the JSON")]
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
    /// How `json` and `jsonl` write each block's source map: `objects`, one object a segment
    /// (the documented default), or `compact`, four integers a segment (docs/FORMAT.md).
    #[arg(long, value_enum, default_value_t = SourceMaps::Objects, value_name = "ENCODING")]
    source_maps: SourceMaps,
}

/// `--source-maps`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SourceMaps {
    /// `{"text_start":…,"text_end":…,"source":{"start":…,"end":…},"verbatim":…}` a segment.
    Objects,
    /// `[text_len, source_gap, source_len, verbatim]` a segment, counted on from the one
    /// before: about an eighth of the size, and a third of the whole JSON.
    Compact,
}

struct Parsed<'d, 'a> {
    doc: &'d Document<'a>,
    json: JsonOptions,
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
    // The parser's own JSON writer: the serde shape byte for byte, several times faster than
    // serde_json's generic path (docs/PERFORMANCE.md, "Whole process").
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        self.doc.write_json(&mut *w, self.json)?;
        writeln!(w)?;
        Ok(())
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        Ok(self.doc.write_json_lines(w, self.json)?)
    }

    fn table(&self) -> anyhow::Result<Table> {
        let at = Locator::new(self.doc.source());
        let mut table = Table::new(&["at", "kind", "text"]).or_else("no blocks");
        for b in &self.doc.blocks {
            table.row(vec![at.at(b.span), kind(&b.kind), b.text.to_string()]);
        }
        Ok(table)
    }

    // Text and Markdown are written as they go: built as one string, a 10 MB brief's text
    // would be another 10 MB in memory (docs/PERFORMANCE.md, "Memory").
    fn write_text(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        Ok(self.doc.write_text(w)?)
    }

    fn write_markdown(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        Ok(self.doc.write_markdown(w)?)
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let opts = args.brief.parse.options()?;
    let json = JsonOptions::default()
        .pretty(args.pretty || std::io::stdout().is_terminal())
        .source_maps(match args.source_maps {
            SourceMaps::Objects => SourceMapFormat::Objects,
            SourceMaps::Compact => SourceMapFormat::Compact,
        });
    if !args.brief.parse.lossy {
        let brief = args.brief.read()?;
        let doc = debrief::parser::parse_with(&brief.text, &opts);
        emit(args.format, &Parsed { doc: &doc, json }, None)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Lossy: the parser's own byte decoding, so that each replacement is a diagnostic with the
    // offset of the bad bytes.
    let input = Input::read(args.brief.file.as_deref())?;
    match debrief::parser::parse_bytes_with(&input.bytes, &opts)? {
        BytesDocument::Borrowed(doc) => emit(args.format, &Parsed { doc: &doc, json }, None)?,
        BytesDocument::Lossy { text, diagnostics } => {
            let mut doc = debrief::parser::parse_with(&text, &opts);
            let mut all = diagnostics;
            all.append(&mut doc.diagnostics);
            doc.diagnostics = all;
            emit(args.format, &Parsed { doc: &doc, json }, None)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
