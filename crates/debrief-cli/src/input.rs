//! Reading briefs: a path, `-` for standard input, or the bundled seed brief.

use std::io::Read as _;
use std::path::Path;

use anyhow::Context as _;

/// The seed brief bundled with the binary, analysed when no file is given.
pub(crate) const SEED_NAME: &str = "examples/data/border-security-brief.txt";
pub(crate) const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/data/border-security-brief.txt"
));

/// A brief read into memory, with the name to show in messages.
pub(crate) struct Input {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
}

impl Input {
    /// Reads `path`, or standard input for `-`, or the bundled seed for `None`.
    pub(crate) fn read(path: Option<&Path>) -> anyhow::Result<Self> {
        match path {
            None => Ok(Input {
                name: SEED_NAME.to_owned(),
                bytes: SEED.as_bytes().to_vec(),
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
        debrief::parser::decode(&self.bytes).map_err(|err| {
            let valid = std::str::from_utf8(&self.bytes[..err.offset()]).unwrap_or_default();
            let (line, col) = debrief::parser::LineIndex::new(valid).line_col(valid, err.offset());
            anyhow::anyhow!("{}:{line}:{col}: {err}", self.name)
        })
    }
}
