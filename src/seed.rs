//! The example bundled with debrief: the policy brief the project was started from
//! (`examples/data/border-security-brief.txt`, a Heritage Foundation backgrounder on U.S.–Mexico
//! border security) and its example indicator catalog with observations.
//!
//! The texts are compiled in, so the command-line tool, the examples and the benchmarks all
//! read the same bytes without touching the file system (libraries never read files).
//!
//! ```
//! use debrief::seed;
//!
//! let report = debrief::analyze(seed::BRIEF, None);
//! assert_eq!(report.brief.recommendations.len(), 8);
//! let mut catalog = debrief::metrics::Catalog::from_toml(seed::CATALOG)?;
//! catalog.load_observations_csv(seed::OBSERVATIONS)?;
//! assert!(debrief::analyze(seed::BRIEF, Some(&catalog)).scorecard.is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// The seed brief's path in the repository, as shown in messages.
pub const BRIEF_NAME: &str = "examples/data/border-security-brief.txt";
/// The seed brief: text copied from the PDF, with blank-line paragraphs and column breaks.
pub const BRIEF: &str = include_str!("../examples/data/border-security-brief.txt");

/// The example catalog's path in the repository.
pub const CATALOG_NAME: &str = "examples/data/border-security-catalog.toml";
/// The example indicator catalog (TOML, docs/METRICS.md): indicators tied to the seed
/// brief's recommendations.
pub const CATALOG: &str = include_str!("../examples/data/border-security-catalog.toml");

/// The example observations' path in the repository.
pub const OBSERVATIONS_NAME: &str = "examples/data/border-security-observations.csv";
/// The example observations (tidy CSV), only numbers with a cited public source.
pub const OBSERVATIONS: &str = include_str!("../examples/data/border-security-observations.csv");
