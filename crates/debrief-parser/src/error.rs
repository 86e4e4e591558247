//! The parser's one error type.

use std::fmt;

/// Why [`parse_bytes`](crate::parse_bytes) could not read its input.
///
/// Parsing a `&str` never fails; only bytes that are not UTF-8 are refused (unless the lossy
/// option is set). The error keeps the byte offset; line and column are computed by the caller
/// when the message is printed.
///
/// ```
/// let err = debrief_parser::parse_bytes(b"ok\n\xffbad").unwrap_err();
/// assert_eq!(err.offset(), 3);
/// assert_eq!(
///     err.to_string(),
///     "invalid UTF-8 at byte 3: expected a UTF-8 character, found byte 0xFF"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    InvalidUtf8 { found: Vec<u8> },
}

impl Error {
    pub(crate) fn invalid_utf8(offset: usize, found: &[u8]) -> Self {
        Error {
            kind: ErrorKind::InvalidUtf8 {
                found: found.to_vec(),
            },
            offset,
        }
    }

    /// Byte offset into the input where the problem is.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// A stable, kebab-case code for the error (`invalid-utf8`).
    ///
    /// ```
    /// let err = debrief_parser::parse_bytes(b"\xc3").unwrap_err();
    /// assert_eq!(err.code(), "invalid-utf8");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::InvalidUtf8 { .. } => "invalid-utf8",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 { found } if found.is_empty() => write!(
                f,
                "invalid UTF-8 at byte {}: expected the rest of a UTF-8 character, found the end of the input",
                self.offset
            ),
            ErrorKind::InvalidUtf8 { found } => {
                write!(
                    f,
                    "invalid UTF-8 at byte {}: expected a UTF-8 character, found ",
                    self.offset
                )?;
                if found.len() == 1 {
                    write!(f, "byte 0x{:02X}", found[0])
                } else {
                    f.write_str("bytes")?;
                    for b in found {
                        write!(f, " 0x{b:02X}")?;
                    }
                    Ok(())
                }
            }
        }
    }
}
