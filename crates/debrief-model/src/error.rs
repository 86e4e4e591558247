//! The model crate's one error type.

use std::fmt;

/// Why a lexicon table (a gazetteer or topic list in the crate's TSV format) could not be read.
///
/// Extraction itself never fails; only user-supplied tables are checked. The error names the
/// table, the 1-based line and what was expected there.
///
/// ```
/// let err = debrief_model::Gazetteer::from_tsv("my-actors", "x\tnot-a-kind\tX\t\t\n").unwrap_err();
/// assert_eq!(err.line(), 1);
/// assert_eq!(
///     err.to_string(),
///     "my-actors:1: expected an actor kind (government, legislature, committee, department, \
///      agency, military, office, court, international, public), found `not-a-kind`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    table: String,
    line: usize,
    expected: String,
    found: String,
}

impl Error {
    pub(crate) fn new(
        table: &str,
        line: usize,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        Error {
            table: table.to_owned(),
            line,
            expected: expected.into(),
            found: found.into(),
        }
    }

    /// The 1-based line of the table where the problem is.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The name of the table, as given by the caller.
    ///
    /// ```
    /// let err = debrief_model::Gazetteer::from_tsv("t.tsv", "only-one-field\n").unwrap_err();
    /// assert_eq!(err.table(), "t.tsv");
    /// ```
    pub fn table(&self) -> &str {
        &self.table
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: expected {}, found {}",
            self.table, self.line, self.expected, self.found
        )
    }
}
