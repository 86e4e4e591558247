//! `debrief eval`: the parser measured against the corpus.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use debrief::parser::eval::{self, Evaluation, Gold, Score};
use serde::Serialize;

use crate::output::{Emit, Format, Table, emit, pretty, snake};

/// Measure the parser on a corpus of documents: line-end hyphen decisions, paragraphs and
/// headings against the gold text (CRS reports), and running headers or footers left in the
/// text (every document).
///
/// The corpus has one folder per document holding `<id>.raw.txt` (pdftotext -raw), `<id>.txt`
/// (default mode), `<id>.layout.txt`, or `<id>.source.txt`, and optionally the gold reading
/// `gold.congressgov.md`.
///
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief eval                                 # $DEBRIEF_CORPUS, else ../shared/corpus
  debrief eval ../shared/corpus --mistakes
  debrief eval ../shared/corpus --input layout --format json")]
pub(crate) struct Args {
    /// The corpus folder [default: `$DEBRIEF_CORPUS`, else `../shared/corpus` beside the workspace].
    corpus: Option<PathBuf>,
    /// Which extraction of each document to parse.
    #[arg(long, value_enum, default_value_t = Extraction::Raw)]
    input: Extraction,
    /// Output format.
    #[arg(
        long,
        value_parser = Format::only(&[Format::Table, Format::Json, Format::Csv, Format::Markdown]),
        default_value = "table",
    )]
    format: Format,
    /// List each document's mistakes under the table.
    #[arg(long)]
    mistakes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Extraction {
    /// `<id>.raw.txt` (pdftotext -raw), the primary input.
    Raw,
    /// `<id>.txt` (pdftotext default mode).
    Default,
    /// `<id>.layout.txt` (pdftotext -layout).
    Layout,
    /// `<id>.pdf` itself, read through `pdftotext -bbox-layout` as `debrief parse` reads a
    /// PDF (needs poppler-utils); documents without a PDF fall back to their source text.
    Pdf,
}

/// One document's row.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    style: debrief::parser::InputStyle,
    blocks: usize,
    #[serde(flatten)]
    evaluation: Evaluation,
}

/// The corpus folder: the argument, `$DEBRIEF_CORPUS`, or `../shared/corpus` from the workspace.
fn corpus_dir(arg: Option<&Path>) -> PathBuf {
    if let Some(p) = arg {
        return p.to_owned();
    }
    if let Some(p) = std::env::var_os("DEBRIEF_CORPUS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn input_file(dir: &Path, id: &str, extraction: Extraction) -> Option<PathBuf> {
    let name = match extraction {
        Extraction::Raw => format!("{id}.raw.txt"),
        Extraction::Default => format!("{id}.txt"),
        Extraction::Layout => format!("{id}.layout.txt"),
        Extraction::Pdf => format!("{id}.pdf"),
    };
    [dir.join(name), dir.join(format!("{id}.source.txt"))]
        .into_iter()
        .find(|p| p.is_file())
}

fn pct(s: Score) -> String {
    s.percent().map_or_else(
        || "-".to_owned(),
        |p| format!("{}/{} {p:.1}%", s.hits, s.total),
    )
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let dir = corpus_dir(args.corpus.as_deref());
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read the corpus folder {}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    let mut rows = Vec::new();
    for id in &ids {
        let folder = dir.join(id);
        let Some(path) = input_file(&folder, id, args.input) else {
            continue;
        };
        let text = if args.input == Extraction::Pdf && path.extension().is_some_and(|e| e == "pdf")
        {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            crate::pdf::text(&path.display().to_string(), &bytes)?
        } else {
            std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?
        };
        let gold_path = folder.join("gold.congressgov.md");
        let gold = if gold_path.is_file() {
            Some(Gold::from_congress_markdown(&std::fs::read_to_string(
                &gold_path,
            )?))
        } else {
            None
        };
        let doc = debrief::parser::parse(&text);
        let evaluation = eval::evaluate(&doc, gold.as_ref());
        rows.push(Row {
            id: id.clone(),
            style: doc.style,
            blocks: doc.blocks.len(),
            evaluation,
        });
    }
    let mut total = Evaluation::default();
    for r in &rows {
        total.hyphens.add(r.evaluation.hyphens);
        total.paragraphs.add(r.evaluation.paragraphs);
        total.headings.add(r.evaluation.headings);
        total.furniture_left += r.evaluation.furniture_left;
    }
    let scores = Scores {
        rows: &rows,
        total: &total,
        mistakes: args.mistakes,
    };
    emit(args.format, &scores, None)?;
    Ok(ExitCode::SUCCESS)
}

/// The scores of every document and their total.
struct Scores<'a> {
    rows: &'a [Row],
    total: &'a Evaluation,
    mistakes: bool,
}

impl Emit for Scores<'_> {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        let t = self.total;
        pretty(
            w,
            &serde_json::json!({ "documents": self.rows, "total": {
                "hyphens": t.hyphens, "paragraphs": t.paragraphs,
                "headings": t.headings, "furniture_left": t.furniture_left,
            }}),
        )
    }

    fn table(&self) -> anyhow::Result<Table> {
        let mut t = Table::new(&[
            "document",
            "style",
            "blocks",
            "hyphens",
            "paragraphs",
            "headings",
            "furniture",
        ]);
        let mut row = |id: &str, style: &str, blocks: usize, e: &Evaluation| {
            t.row(vec![
                id.to_owned(),
                style.to_owned(),
                blocks.to_string(),
                pct(e.hyphens),
                pct(e.paragraphs),
                pct(e.headings),
                e.furniture_left.to_string(),
            ]);
        };
        for r in self.rows {
            row(&r.id, &snake(&r.style), r.blocks, &r.evaluation);
        }
        row(
            "TOTAL",
            "",
            self.rows.iter().map(|r| r.blocks).sum(),
            self.total,
        );
        Ok(t)
    }

    fn table_text(&self) -> anyhow::Result<String> {
        let mut out = self.table()?.to_text();
        if self.mistakes {
            out.push_str(&mistakes(self.rows));
        }
        Ok(out)
    }
}

/// Each document's mistakes, for `--mistakes`.
fn mistakes(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        if r.evaluation.mistakes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n== {}", r.id);
        for m in &r.evaluation.mistakes {
            let _ = writeln!(
                out,
                "  {:?} @{}: expected {:?} found {:?}",
                m.kind, m.span.start, m.expected, m.found
            );
        }
    }
    out
}
