//! `debrief batch`: many briefs parsed and extracted in parallel (rayon), with a progress bar
//! on a terminal (indicatif) and a summary at the end. A document that cannot be read, decoded
//! or analysed is reported and skipped — it never aborts the batch. The output lists the
//! documents in input order (folders sorted by path), whatever order the threads finish in,
//! and is written atomically.

use std::io::{IsTerminal as _, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, bail};
use debrief::model::RecommendationKind;
use debrief::parser::ParseOptions;
use indicatif::{ParallelProgressIterator as _, ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use crate::input::{Input, ParseArgs};
use crate::output::{Emit, Format, Table, emit, grouped, pretty};
use crate::style::{Paint, Style};

/// Parse and extract many briefs in parallel: one JSON line per document (its brief, or the
/// error that stopped it), in input order, and a summary on standard error.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  debrief batch ../shared/corpus --ext raw.txt --out results.jsonl
  debrief batch a.txt b.txt c.txt --format csv --out summary.csv
  debrief batch briefs/ --threads 1            # one thread, for timing
  debrief batch reports/ --ext pdf             # PDFs, read through pdftotext (poppler-utils)

Each JSON line has `file` and `bytes`, then either `error` or `style`, `blocks`, `warnings` and
`brief` (the shape of `debrief schema brief`). Exit status 1 when a document failed.")]
pub(crate) struct Args {
    /// Files, and folders searched (recursively) for files whose names end in `.EXT`.
    #[arg(required = true, value_name = "DIR|FILE")]
    inputs: Vec<PathBuf>,
    /// The file to write (atomically); standard output when omitted or `-`.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// In folders, take files whose names end in `.EXT` (repeatable).
    #[arg(long, value_name = "EXT", default_value = "txt")]
    ext: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Output format: `jsonl` one document a line, `json` an array, `csv` one summary row a
    /// document.
    #[arg(
        long,
        value_parser = Format::only(&[Format::Jsonl, Format::Json, Format::Csv]),
        default_value = "jsonl",
    )]
    format: Format,
    #[command(flatten)]
    parse: ParseArgs,
}

/// One document's line of output.
#[derive(Debug, Serialize)]
struct Record {
    file: String,
    bytes: usize,
    #[serde(flatten)]
    outcome: Outcome,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Outcome {
    Done {
        style: debrief::parser::InputStyle,
        blocks: usize,
        warnings: usize,
        brief: debrief::model::Brief,
    },
    Failed {
        error: String,
    },
}

/// The files to process: files as given, folders walked in sorted order.
fn files(inputs: &[PathBuf], exts: &[String]) -> anyhow::Result<Vec<PathBuf>> {
    let suffixes: Vec<String> = exts
        .iter()
        .map(|e| format!(".{}", e.trim_start_matches('.')))
        .collect();
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let before = out.len();
            walk(input, &suffixes, &mut out)
                .with_context(|| format!("cannot read the folder {}", input.display()))?;
            if out.len() == before {
                bail!(
                    "no file in {} has a name ending in {}",
                    input.display(),
                    suffixes.join(" or ")
                );
            }
        } else {
            // A missing file is the document's failure, reported in its line.
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, suffixes: &[String], out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, suffixes, out)?;
        } else if path
            .file_name()
            .map(|n| n.to_string_lossy())
            .is_some_and(|n| suffixes.iter().any(|s| n.ends_with(s.as_str())))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads, decodes, parses and extracts one file; a panic in the libraries is caught and
/// becomes the document's error.
fn process(path: &Path, options: &ParseOptions, lossy: bool) -> Record {
    let file = path.display().to_string();
    let input = match Input::read(Some(path)) {
        Ok(input) => input,
        Err(err) => {
            return Record {
                file,
                bytes: 0,
                outcome: Outcome::Failed {
                    error: format!("{err:#}"),
                },
            };
        }
    };
    let bytes = input.bytes.len();
    let outcome = match input.into_text(lossy) {
        Err(err) => Outcome::Failed {
            error: err
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned(),
        },
        Ok((_, text)) => std::panic::catch_unwind(AssertUnwindSafe(|| {
            let doc = debrief::parser::parse_with(&text, options);
            // The documents already run on every core: one document's extraction stays on
            // its worker thread instead of starting threads of its own.
            let brief = debrief::model::extract_with(
                &doc,
                &debrief::model::ExtractOptions::default().parallel(false),
            );
            Outcome::Done {
                style: doc.style,
                blocks: doc.blocks.len(),
                warnings: doc
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == debrief::parser::Severity::Warning)
                    .count(),
                brief,
            }
        }))
        .unwrap_or_else(|panic| Outcome::Failed {
            error: format!(
                "internal error while analysing: {}",
                panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_owned())
            ),
        }),
    };
    Record {
        file,
        bytes,
        outcome,
    }
}

/// The records of a batch, in input order.
struct Batch(Vec<Record>);

impl Emit for Batch {
    fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        pretty(w, &self.0)
    }

    fn write_jsonl(&self, w: &mut dyn Write) -> anyhow::Result<()> {
        // Serialised in parallel (a brief is the largest part of the work after extraction),
        // written in input order.
        let encoded: Vec<String> = self
            .0
            .par_iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()?;
        for line in encoded {
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn table(&self) -> anyhow::Result<Table> {
        let mut t = Table::new(&[
            "file",
            "bytes",
            "style",
            "blocks",
            "recommendations",
            "explicit",
            "actors",
            "programs",
            "quantities",
            "error",
        ]);
        for r in &self.0 {
            let cells = match &r.outcome {
                Outcome::Done {
                    style,
                    blocks,
                    brief,
                    ..
                } => vec![
                    crate::output::snake(style),
                    blocks.to_string(),
                    brief.recommendations.len().to_string(),
                    explicit(brief).to_string(),
                    brief.actors.len().to_string(),
                    brief.programs.len().to_string(),
                    brief.quantities.len().to_string(),
                    String::new(),
                ],
                Outcome::Failed { error } => {
                    let mut cells = vec![String::new(); 7];
                    cells.push(error.clone());
                    cells
                }
            };
            let mut row = vec![r.file.clone(), r.bytes.to_string()];
            row.extend(cells);
            t.row(row);
        }
        Ok(t)
    }
}

fn explicit(brief: &debrief::model::Brief) -> usize {
    brief
        .recommendations
        .iter()
        .filter(|r| r.kind == RecommendationKind::Explicit)
        .count()
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let paths = files(&args.inputs, &args.ext)?;
    let options = args.parse.options()?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.max(1));
    }
    let pool = pool.build().context("cannot start the worker threads")?;
    let threads = pool.current_num_threads();
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(paths.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {elapsed} ({eta} left)")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let start = Instant::now();
    // Panics are caught per document; keep the default hook from printing over the bar.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let records: Vec<Record> = pool.install(|| {
        paths
            .par_iter()
            .progress_with(bar.clone())
            .map(|p| process(p, &options, args.parse.lossy))
            .collect()
    });
    std::panic::set_hook(hook);
    bar.finish_and_clear();
    let elapsed = start.elapsed();
    let batch = Batch(records);
    emit(args.format, &batch, args.out.as_deref())?;
    summary(
        &batch.0,
        threads,
        elapsed.as_secs_f64(),
        args.out.as_deref(),
    );
    let failed = batch
        .0
        .iter()
        .any(|r| matches!(r.outcome, Outcome::Failed { .. }));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The summary on standard error: counts, time, throughput, the failures.
fn summary(records: &[Record], threads: usize, seconds: f64, out: Option<&Path>) {
    let paint = Paint::stderr();
    let (mut ok, mut recs, mut explicit_recs, mut quantities, mut bytes) = (0, 0, 0, 0, 0usize);
    for r in records {
        bytes += r.bytes;
        if let Outcome::Done { brief, .. } = &r.outcome {
            ok += 1;
            recs += brief.recommendations.len();
            explicit_recs += explicit(brief);
            quantities += brief.quantities.len();
        }
    }
    let failed = records.len() - ok;
    #[allow(clippy::cast_precision_loss)] // a byte count far below 2^52
    let megabytes = bytes as f64 / 1e6;
    eprintln!(
        "batch: {} documents ({megabytes:.1} MB) in {seconds:.2} s on {threads} thread{} ({:.1} MB/s): {} ok, {}; {} recommendations ({} explicit), {} quantities",
        records.len(),
        if threads == 1 { "" } else { "s" },
        if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        },
        ok,
        if failed == 0 {
            "none failed".to_owned()
        } else {
            paint.paint(&format!("{failed} failed"), Style::Red)
        },
        grouped(f64::from(u32::try_from(recs).unwrap_or(u32::MAX))),
        explicit_recs,
        grouped(f64::from(u32::try_from(quantities).unwrap_or(u32::MAX))),
    );
    for r in records {
        if let Outcome::Failed { error } = &r.outcome {
            eprintln!(
                "  {} {}: {error}",
                paint.paint("failed:", Style::Red),
                r.file
            );
        }
    }
    if let Some(out) = out.filter(|p| p.as_os_str() != "-") {
        eprintln!("wrote {}", out.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_sorted_order_by_suffix() {
        let dir = std::env::temp_dir().join(format!("debrief-batch-walk-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b")).unwrap();
        std::fs::create_dir_all(dir.join("a")).unwrap();
        for f in ["b/x.raw.txt", "a/y.raw.txt", "a/y.txt", "a/z.pdf"] {
            std::fs::write(dir.join(f), "Text.").unwrap();
        }
        let found = files(std::slice::from_ref(&dir), &["raw.txt".to_owned()]).unwrap();
        assert_eq!(found, [dir.join("a/y.raw.txt"), dir.join("b/x.raw.txt")]);
        let all = files(std::slice::from_ref(&dir), &[".txt".to_owned()]).unwrap();
        assert_eq!(all.len(), 3);
        assert!(files(std::slice::from_ref(&dir), &["md".to_owned()]).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_a_failed_record_not_an_error() {
        let r = process(Path::new("no/such.txt"), &ParseOptions::default(), false);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["file"], "no/such.txt");
        assert!(
            json["error"]
                .as_str()
                .unwrap()
                .starts_with("cannot read no/such.txt")
        );
        assert!(json.get("brief").is_none());
    }
}
