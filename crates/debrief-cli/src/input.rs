//! Reading what the commands work on: briefs (a path, `-` for standard input, or the bundled
//! seed brief), the parser options every brief-reading command shares, and indicator catalogs
//! with their observations (the seed's example catalog bundled too). Errors name the file and,
//! where there is one, the line and column.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use debrief::metrics::{Catalog, Date};
// The seed brief and its example catalog and observations, used when no file is given.
use debrief::parser::{InputStyle, Lexicon, ParseOptions, Repairs};
use debrief::seed;

use crate::diagnostic;

/// A file read into memory, with the name to show in messages.
pub(crate) struct Input {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
}

impl Input {
    /// Reads `path`, or standard input for `-`, or the bundled seed for `None`. A PDF is read
    /// through `pdftotext -bbox-layout` (see [`crate::pdf`]): its text is the input.
    pub(crate) fn read(path: Option<&Path>) -> anyhow::Result<Self> {
        let input = Self::read_bytes(path)?;
        if crate::pdf::is_pdf(&input.bytes) {
            let text = crate::pdf::text(&input.name, &input.bytes)?;
            return Ok(Input {
                name: input.name,
                bytes: text.into_bytes(),
            });
        }
        Ok(input)
    }

    fn read_bytes(path: Option<&Path>) -> anyhow::Result<Self> {
        match path {
            None => Ok(Input {
                name: seed::BRIEF_NAME.to_owned(),
                bytes: seed::BRIEF.as_bytes().to_vec(),
            }),
            Some(p) if p.as_os_str() == "-" => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .context("cannot read standard input")?;
                Ok(Input {
                    name: "<stdin>".to_owned(),
                    bytes,
                })
            }
            Some(p) => {
                let bytes =
                    std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
                Ok(Input {
                    name: p.display().to_string(),
                    bytes,
                })
            }
        }
    }

    /// The input as text, or an error naming the file, line and column of the first invalid
    /// UTF-8 byte.
    pub(crate) fn text(&self) -> anyhow::Result<&str> {
        debrief::parser::decode(&self.bytes)
            .map_err(|err| diagnostic::utf8(&self.name, &self.bytes, &err).into())
    }

    /// The input as text; with `lossy`, invalid UTF-8 becomes U+FFFD (which the parser reports
    /// as a diagnostic) instead of an error.
    pub(crate) fn into_text(self, lossy: bool) -> anyhow::Result<(String, String)> {
        // The bytes become the text without a copy when they are valid UTF-8 (a copy of a
        // 10 MB brief would add its size to the peak memory of a parse), checked once.
        match String::from_utf8(self.bytes) {
            Ok(text) => Ok((self.name, text)),
            Err(e) if lossy => Ok((
                self.name,
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
            )),
            Err(e) => Err(Input {
                name: self.name,
                bytes: e.into_bytes(),
            }
            .text()
            .err()
            .unwrap_or_else(|| anyhow::anyhow!("invalid UTF-8"))),
        }
    }
}

/// How the text was extracted from its PDF.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Style {
    /// Detect it.
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

/// A repair the parser can be told not to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Repair {
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

/// The parser options of every command that reads a brief.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Parsing")]
pub(crate) struct ParseArgs {
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
    pub(crate) lossy: bool,
}

impl ParseArgs {
    /// The parser options these arguments ask for.
    pub(crate) fn options(&self) -> anyhow::Result<ParseOptions> {
        let mut repairs = if self.no_repairs {
            Repairs::none()
        } else {
            Repairs::default()
        };
        for r in &self.no {
            match r {
                Repair::Hyphens => repairs.dehyphenate = false,
                Repair::Furniture => repairs.page_furniture = false,
                Repair::Footnotes => repairs.footnotes = false,
                Repair::GluedWords => repairs.glued_words = false,
                Repair::Characters => repairs.characters = false,
                Repair::RunInHeadings => repairs.run_in_headings = false,
            }
        }
        let mut lexicon = if self.no_lexicon {
            Lexicon::none()
        } else {
            Lexicon::embedded()
        };
        if let Some(path) = &self.words {
            let words = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the word list {}", path.display()))?;
            lexicon = lexicon.with_words(words.lines().map(str::trim).filter(|w| !w.is_empty()));
        }
        let opts = ParseOptions::default()
            .repairs(repairs)
            .lexicon(lexicon)
            .lossy(self.lossy);
        Ok(match self.style {
            Style::Auto => opts,
            Style::BlankLines => opts.style(InputStyle::BlankLines),
            Style::Pdftotext => opts.style(InputStyle::Pdftotext),
            Style::Raw => opts.style(InputStyle::Raw),
            Style::Layout => opts.style(InputStyle::Layout),
        })
    }
}

/// A brief to read: the file argument and the parser options.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct BriefArgs {
    /// The brief: a text file extracted from a PDF, or `-` for standard input (the bundled seed
    /// brief when omitted).
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) parse: ParseArgs,
}

/// A brief read and decoded: its name, its text, the parser options.
pub(crate) struct BriefText {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) options: ParseOptions,
    /// Whether it is the bundled seed brief.
    pub(crate) seed: bool,
}

impl BriefArgs {
    /// Reads and decodes the brief.
    pub(crate) fn read(&self) -> anyhow::Result<BriefText> {
        let options = self.parse.options()?;
        let (name, text) = Input::read(self.file.as_deref())?.into_text(self.parse.lossy)?;
        Ok(BriefText {
            name,
            text,
            options,
            seed: self.file.is_none(),
        })
    }

    /// Reads the brief and extracts it (for the listing commands).
    pub(crate) fn extract(&self) -> anyhow::Result<(String, debrief::model::Brief)> {
        let brief = self.read()?;
        let doc = debrief::parser::parse_with(&brief.text, &brief.options);
        let extracted = debrief::model::extract(&doc);
        Ok((brief.text, extracted))
    }
}

/// An indicator catalog and its observations, and the date to assess at.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Indicators")]
pub(crate) struct CatalogArgs {
    /// The TOML catalog of objectives and indicators (docs/METRICS.md). With no brief given,
    /// the seed brief's example catalog is used.
    #[arg(long, value_name = "FILE")]
    pub(crate) catalog: Option<PathBuf>,
    /// A tidy CSV of observations: `indicator,period,value[,source][,note][,dimension…]`.
    /// May be given more than once.
    #[arg(long, value_name = "FILE", requires = "catalog")]
    pub(crate) observations: Vec<PathBuf>,
    /// The assessment date for deadlines, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) as_of: Option<Date>,
}

impl CatalogArgs {
    /// The catalog asked for: `--catalog` with its observations, or, for the seed brief, the
    /// bundled example catalog; `None` otherwise.
    pub(crate) fn load(&self, seed: bool) -> anyhow::Result<Option<Catalog>> {
        match &self.catalog {
            Some(path) => load_catalog(path, &self.observations).map(Some),
            None if seed => {
                let mut catalog = Catalog::from_toml(seed::CATALOG)
                    .map_err(|e| diagnostic::metrics(seed::CATALOG_NAME, seed::CATALOG, &e))?;
                catalog
                    .load_observations_csv(seed::OBSERVATIONS)
                    .map_err(|e| {
                        diagnostic::metrics(seed::OBSERVATIONS_NAME, seed::OBSERVATIONS, &e)
                    })?;
                Ok(Some(catalog))
            }
            None => Ok(None),
        }
    }

    /// `--as-of`, or today.
    pub(crate) fn as_of(&self) -> anyhow::Result<Date> {
        self.as_of.map_or_else(today, Ok)
    }
}

/// Reads a catalog and its observation files; errors show the file, line, column and a caret.
pub(crate) fn load_catalog(path: &Path, observations: &[PathBuf]) -> anyhow::Result<Catalog> {
    let (name, text) = Input::read(Some(path))?.into_text(false)?;
    let mut catalog =
        Catalog::from_toml(&text).map_err(|e| diagnostic::metrics(&name, &text, &e))?;
    for path in observations {
        let (name, text) = Input::read(Some(path))?.into_text(false)?;
        catalog
            .load_observations_csv(&text)
            .map_err(|e| diagnostic::metrics(&name, &text, &e))?;
    }
    Ok(catalog)
}

/// `--as-of`: a date, YYYY-MM-DD.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> anyhow::Result<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    let days = i64::try_from(secs / 86_400).context("the system clock is far in the future")?;
    Date::from_days_since_epoch(days).context("the system clock is outside years 1000–9999")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_catalog_loads_with_its_observations() {
        let args = CatalogArgs {
            catalog: None,
            observations: Vec::new(),
            as_of: None,
        };
        let catalog = args.load(true).unwrap().unwrap();
        assert_eq!(catalog.objectives.len(), 3);
        assert_eq!(catalog.indicators.len(), 12);
        assert!(args.load(false).unwrap().is_none());
    }
}
