//! `debrief parse`: the structured document.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use debrief::parser::{BytesDocument, InputStyle, Lexicon, ParseOptions, Repairs};

use crate::input::Input;

/// Parse a brief into blocks (headings, paragraphs, list items, footnotes) and print them.
///
/// Examples: `debrief parse brief.txt --format json`,
/// `debrief parse report.raw.txt --style raw --no hyphens --words names.txt`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The brief: a text file extracted from a PDF, or `-` for standard input.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// How the text was extracted (detected by default).
    #[arg(long, value_enum, default_value_t = Style::Auto)]
    style: Style,
    /// Turn a repair off (repeatable).
    #[arg(long = "no", value_enum, value_name = "REPAIR")]
    no: Vec<Repair>,
    /// Turn every repair off: lines are only joined into blocks.
    #[arg(long)]
    no_repairs: bool,
    /// Decide hyphens and glued words without the embedded English word list.
    #[arg(long)]
    no_lexicon: bool,
    /// Add the words of this file (one a line) to the lexicon: names, your field's vocabulary.
    #[arg(long, value_name = "FILE")]
    words: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (reported as diagnostics) instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Indent the JSON (the default when writing to a terminal; piped JSON is one line).
    #[arg(long)]
    pretty: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Style {
    Auto,
    /// Blank lines between paragraphs (text copied from a PDF).
    BlankLines,
    /// `pdftotext` default mode.
    Pdftotext,
    /// `pdftotext -raw`.
    Raw,
    /// `pdftotext -layout`.
    Layout,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Repair {
    /// Undoing line-end hyphenation.
    Hyphens,
    /// Removing running headers, footers and page numbers.
    Furniture,
    /// Recognising footnotes and removing their markers.
    Footnotes,
    /// Splitting words that lost their spaces.
    GluedWords,
    /// Ligatures, soft hyphens, noise characters, runs of spaces.
    Characters,
    /// Splitting run-in headings from their paragraphs.
    RunInHeadings,
}

fn options(args: &Args) -> anyhow::Result<ParseOptions> {
    let mut repairs = if args.no_repairs {
        Repairs::none()
    } else {
        Repairs::default()
    };
    for r in &args.no {
        match r {
            Repair::Hyphens => repairs.dehyphenate = false,
            Repair::Furniture => repairs.page_furniture = false,
            Repair::Footnotes => repairs.footnotes = false,
            Repair::GluedWords => repairs.glued_words = false,
            Repair::Characters => repairs.characters = false,
            Repair::RunInHeadings => repairs.run_in_headings = false,
        }
    }
    let mut lexicon = if args.no_lexicon {
        Lexicon::none()
    } else {
        Lexicon::embedded()
    };
    if let Some(path) = &args.words {
        let words = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the word list {}", path.display()))?;
        lexicon = lexicon.with_words(words.lines().map(str::trim).filter(|w| !w.is_empty()));
    }
    let mut opts = ParseOptions::default()
        .repairs(repairs)
        .lexicon(lexicon)
        .lossy(args.lossy);
    opts = match args.style {
        Style::Auto => opts,
        Style::BlankLines => opts.style(InputStyle::BlankLines),
        Style::Pdftotext => opts.style(InputStyle::Pdftotext),
        Style::Raw => opts.style(InputStyle::Raw),
        Style::Layout => opts.style(InputStyle::Layout),
    };
    Ok(opts)
}

/// Writes the document to standard output. JSON is streamed through a buffer (never held
/// whole in memory: for a 10 MB brief it is several times the input); it is indented when
/// standard output is a terminal or `--pretty` asks, and on one line otherwise. A closed pipe
/// (`| head`) ends the output quietly.
fn print(doc: &debrief::parser::Document<'_>, format: Format, pretty: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let pretty = pretty || stdout.is_terminal();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match format {
        Format::Text => out.write_all(doc.to_text().as_bytes()),
        Format::Markdown => out.write_all(doc.to_markdown().as_bytes()),
        Format::Json => {
            let json = if pretty {
                serde_json::to_writer_pretty(&mut out, doc)
            } else {
                serde_json::to_writer(&mut out, doc)
            };
            json.map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
        }
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.context("cannot write the document")?),
    }
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let input = Input::read(Some(&args.file))?;
    let opts = options(args)?;
    if !args.lossy {
        let doc = debrief::parser::parse_with(input.text()?, &opts);
        print(&doc, args.format, args.pretty)?;
        return Ok(ExitCode::SUCCESS);
    }
    match debrief::parser::parse_bytes_with(&input.bytes, &opts)? {
        BytesDocument::Borrowed(doc) => print(&doc, args.format, args.pretty)?,
        BytesDocument::Lossy { text, diagnostics } => {
            let mut doc = debrief::parser::parse_with(&text, &opts);
            let mut all = diagnostics;
            all.append(&mut doc.diagnostics);
            doc.diagnostics = all;
            print(&doc, args.format, args.pretty)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
