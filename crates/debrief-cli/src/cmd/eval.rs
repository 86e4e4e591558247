//! `debrief eval`: the parser measured against the corpus.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use debrief::parser::eval::{self, Evaluation, Gold, Score};
use serde::Serialize;

/// Measure the parser on a corpus of documents: line-end hyphen decisions, paragraphs and
/// headings against the gold text (CRS reports), and running headers or footers left in the
/// text (every document).
///
/// The corpus has one folder per document holding `<id>.raw.txt` (pdftotext -raw), `<id>.txt`
/// (default mode), `<id>.layout.txt`, or `<id>.source.txt`, and optionally the gold reading
/// `gold.congressgov.md`.
///
/// Example: `debrief eval ../shared/corpus --mistakes`
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The corpus folder [default: `$DEBRIEF_CORPUS`, else `../shared/corpus` beside the workspace].
    corpus: Option<PathBuf>,
    /// Which extraction of each document to parse.
    #[arg(long, value_enum, default_value_t = Extraction::Raw)]
    input: Extraction,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
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
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
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
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
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
    match args.format {
        Format::Json => {
            let out = serde_json::json!({ "documents": rows, "total": {
                "hyphens": total.hyphens, "paragraphs": total.paragraphs,
                "headings": total.headings, "furniture_left": total.furniture_left,
            }});
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Table => print!("{}", table(&rows, &total, args.mistakes)),
    }
    Ok(ExitCode::SUCCESS)
}

fn table(rows: &[Row], total: &Evaluation, mistakes: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<18} {:<10} {:>6}  {:>20}  {:>20}  {:>18}  {:>9}",
        "document", "style", "blocks", "hyphens", "paragraphs", "headings", "furniture"
    );
    for r in rows {
        let e = &r.evaluation;
        let _ = writeln!(
            out,
            "{:<18} {:<10} {:>6}  {:>20}  {:>20}  {:>18}  {:>9}",
            r.id,
            format!("{:?}", r.style).to_lowercase(),
            r.blocks,
            pct(e.hyphens),
            pct(e.paragraphs),
            pct(e.headings),
            e.furniture_left
        );
    }
    let _ = writeln!(
        out,
        "{:<18} {:<10} {:>6}  {:>20}  {:>20}  {:>18}  {:>9}",
        "TOTAL",
        "",
        rows.iter().map(|r| r.blocks).sum::<usize>(),
        pct(total.hyphens),
        pct(total.paragraphs),
        pct(total.headings),
        total.furniture_left
    );
    if mistakes {
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
    }
    out
}
