//! The built-in data tables (`data/*.tsv`, embedded at compile time) and their reader.
//!
//! Every table is UTF-8 text, one record a line, fields separated by tabs; empty lines and lines
//! starting with `#` are comments. The tables are general knowledge (U.S. federal institutions,
//! countries, common acronyms, program head nouns, the topic lexicon), never phrases of one
//! document.

use crate::Error;

/// Actors: id, kind, canonical name, aliases, parent.
pub(crate) const ACTORS: &str = include_str!("../data/actors.tsv");
/// Countries: id, name, aliases, demonyms.
pub(crate) const COUNTRIES: &str = include_str!("../data/countries.tsv");
/// Acronyms used without definition: short, long.
pub(crate) const ACRONYMS: &str = include_str!("../data/acronyms.tsv");
/// Head nouns of program names: head, kind.
pub(crate) const PROGRAM_HEADS: &str = include_str!("../data/program_heads.tsv");
/// The CAP topic lexicon: code, keyword.
pub(crate) const TOPICS: &str = include_str!("../data/topics.tsv");

/// The records of a table: (1-based line number, fields). Checks that each record has between
/// `min` and `max` fields.
pub(crate) fn records<'a>(
    table: &str,
    text: &'a str,
    min: usize,
    max: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, Error> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < min || fields.len() > max {
            let expected = if min == max {
                format!("{min} tab-separated fields")
            } else {
                format!("{min} to {max} tab-separated fields")
            };
            return Err(Error::new(
                table,
                line_no,
                expected,
                format!("{}", fields.len()),
            ));
        }
        if fields[0].is_empty() {
            return Err(Error::new(
                table,
                line_no,
                "a non-empty first field",
                "an empty one",
            ));
        }
        out.push((line_no, fields));
    }
    Ok(out)
}

/// Splits an alias field (`a|b|c`) into its non-empty parts.
pub(crate) fn alternatives(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_counts_are_checked() {
        let err = records("t", "# c\n\na\tb\nonly\n", 2, 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t:4: expected 2 tab-separated fields, found 1"
        );
        let ok = records("t", "a\tb\n", 2, 3).unwrap();
        assert_eq!(ok, vec![(1, vec!["a", "b"])]);
    }
}
