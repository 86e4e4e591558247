//! Quantities: numbers with their units, qualifiers and ranges; vague amounts; dates and fiscal
//! years (kept apart from counts); never ordinals ("21st", "second") or identifiers ("H.R.
//! 3268", "Page 5", "(202) 512-6543").
//!
//! [`quantities`] reads one sentence at a time and returns byte ranges of the text it was given;
//! [`extract`](crate::extract) maps them to input spans.
//!
//! ```
//! use debrief_model::{Bound, QuantityKind};
//! let text = "Supply chains put as much as 40 percent of American content into exports.";
//! let q = &debrief_model::quantities(text)[0];
//! assert_eq!(&text[q.range.clone()], "40 percent");
//! assert_eq!(q.kind, QuantityKind::Percent);
//! assert_eq!(q.value, Some(40.0));
//! assert_eq!(q.bound, Bound::AtMost);
//! assert_eq!(q.qualifier.clone().map(|r| &text[r]), Some("as much as"));
//! assert_eq!(q.measures.as_deref(), Some("American content"));
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use crate::text::{Token, Word, WordSet, is_capitalised, tokenize_into};
use crate::{Bound, QuantityKind};

/// A quantity found in a sentence, with byte ranges into that sentence's text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMatch {
    /// The number and its unit ("2,000 miles", "$1.6 billion", "between 2 and 5 percent").
    pub range: Range<usize>,
    /// What it is.
    pub kind: QuantityKind,
    /// The value (lower end of a range), in `unit`; `None` for a vague amount.
    pub value: Option<f64>,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// The normalised unit.
    pub unit: Option<&'static str>,
    /// How the value bounds the amount.
    pub bound: Bound,
    /// The qualifier ("as much as").
    pub qualifier: Option<Range<usize>>,
    /// Whether only the order of magnitude is known ("billions of").
    pub vague: bool,
    /// That order of magnitude.
    pub magnitude: Option<f64>,
    /// The noun the quantity measures, when the sentence tells.
    pub measures: Option<String>,
    /// For dates: an ISO-style rendering (`2006-08-22`, `2025-03`, `2040`, `FY2010`).
    pub iso: Option<String>,
}

impl QuantityMatch {
    fn new(range: Range<usize>, kind: QuantityKind, value: Option<f64>) -> Self {
        QuantityMatch {
            range,
            kind,
            value,
            upper: None,
            unit: None,
            bound: Bound::Exact,
            qualifier: None,
            vague: false,
            magnitude: None,
            measures: None,
            iso: None,
        }
    }
}

/// Units after a number: (words, normalised unit, kind). Longest forms first.
const UNITS: &[(&[&str], &str, QuantityKind)] = &[
    (
        &["percentage", "points"],
        "percentage point",
        QuantityKind::PercentagePoints,
    ),
    (
        &["percentage", "point"],
        "percentage point",
        QuantityKind::PercentagePoints,
    ),
    (&["per", "cent"], "percent", QuantityKind::Percent),
    (&["percent"], "percent", QuantityKind::Percent),
    (&["%"], "percent", QuantityKind::Percent),
    (
        &["barrels", "per", "day"],
        "barrel per day",
        QuantityKind::Rate,
    ),
    (
        &["barrels", "a", "day"],
        "barrel per day",
        QuantityKind::Rate,
    ),
    (&["square", "miles"], "square mile", QuantityKind::Area),
    (&["square", "mile"], "square mile", QuantityKind::Area),
    (
        &["square", "kilometers"],
        "square kilometer",
        QuantityKind::Area,
    ),
    (&["square", "feet"], "square foot", QuantityKind::Area),
    (&["acres"], "acre", QuantityKind::Area),
    (&["acre"], "acre", QuantityKind::Area),
    (&["hectares"], "hectare", QuantityKind::Area),
    (&["miles"], "mile", QuantityKind::Length),
    (&["mile"], "mile", QuantityKind::Length),
    (&["kilometers"], "kilometer", QuantityKind::Length),
    (&["kilometres"], "kilometer", QuantityKind::Length),
    (&["km"], "kilometer", QuantityKind::Length),
    (&["feet"], "foot", QuantityKind::Length),
    (&["foot"], "foot", QuantityKind::Length),
    (&["meters"], "meter", QuantityKind::Length),
    (&["metres"], "meter", QuantityKind::Length),
    (&["yards"], "yard", QuantityKind::Length),
    (&["inches"], "inch", QuantityKind::Length),
    (
        &["nautical", "miles"],
        "nautical mile",
        QuantityKind::Length,
    ),
    (&["tons"], "ton", QuantityKind::Mass),
    (&["tonnes"], "tonne", QuantityKind::Mass),
    (&["pounds"], "pound", QuantityKind::Mass),
    (&["kilograms"], "kilogram", QuantityKind::Mass),
    (&["kg"], "kilogram", QuantityKind::Mass),
    (&["barrels"], "barrel", QuantityKind::Volume),
    (&["barrel"], "barrel", QuantityKind::Volume),
    (&["gallons"], "gallon", QuantityKind::Volume),
    (&["liters"], "liter", QuantityKind::Volume),
    (&["cubic", "feet"], "cubic foot", QuantityKind::Volume),
    (&["cubic", "meters"], "cubic meter", QuantityKind::Volume),
    (&["dollars"], "USD", QuantityKind::Money),
    (&["dollar"], "USD", QuantityKind::Money),
    (&["years"], "year", QuantityKind::Duration),
    (&["year"], "year", QuantityKind::Duration),
    (&["months"], "month", QuantityKind::Duration),
    (&["month"], "month", QuantityKind::Duration),
    (&["weeks"], "week", QuantityKind::Duration),
    (&["days"], "day", QuantityKind::Duration),
    (&["day"], "day", QuantityKind::Duration),
    (&["hours"], "hour", QuantityKind::Duration),
    (&["decades"], "decade", QuantityKind::Duration),
];

/// The first words of [`UNITS`], lower case.
static UNIT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(UNITS.iter().map(|(words, _, _)| words[0]), true));

/// The unit spelled from token `i`: (words, name, kind).
fn unit_at(
    text: &str,
    toks: &[Token],
    i: usize,
) -> Option<&'static (&'static [&'static str], &'static str, QuantityKind)> {
    if !is_unit_word(w(text, toks, i)) {
        return None;
    }
    UNITS
        .iter()
        .find(|(words, _, _)| spells(text, toks, i, words))
}

/// Whether the word is the first word of a unit.
fn is_unit_word(word: &str) -> bool {
    UNIT_WORDS.contains(word)
}

/// Qualifiers before a number: (words, bound). Longest first.
const QUALIFIERS: &[(&[&str], Bound)] = &[
    (&["as", "much", "as"], Bound::AtMost),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "high", "as"], Bound::AtMost),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["at", "least"], Bound::AtLeast),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["as", "little", "as"], Bound::AtLeast),
    (&["as", "few", "as"], Bound::AtLeast),
    (&["more", "than"], Bound::MoreThan),
    (&["greater", "than"], Bound::MoreThan),
    (&["in", "excess", "of"], Bound::MoreThan),
    (&["over"], Bound::MoreThan),
    (&["exceeding"], Bound::MoreThan),
    (&["less", "than"], Bound::LessThan),
    (&["fewer", "than"], Bound::LessThan),
    (&["under"], Bound::LessThan),
    (&["below"], Bound::LessThan),
    (&["an", "estimated"], Bound::Approximate),
    (&["close", "to"], Bound::Approximate),
    (&["approximately"], Bound::Approximate),
    (&["about"], Bound::Approximate),
    (&["around"], Bound::Approximate),
    (&["roughly"], Bound::Approximate),
    (&["nearly"], Bound::Approximate),
    (&["almost"], Bound::Approximate),
    (&["some"], Bound::Approximate),
    (&["estimated"], Bound::Approximate),
];

/// The first words of [`QUALIFIERS`].
static QUALIFIER_STARTS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(QUALIFIERS.iter().map(|(words, _)| words[0]), true));

/// Words before a number that make it an identifier, not a quantity.
const IDENTIFIER_CUES: &[&str] = &[
    "Amendment",
    "Appendix",
    "Art.",
    "Article",
    "Box",
    "C.F.R.",
    "CFR",
    "Chapter",
    "Cong.",
    "Docket",
    "Exhibit",
    "FR",
    "Fig.",
    "Figure",
    "Goal",
    "H.R.",
    "Item",
    "Law",
    "Level",
    "No.",
    "Nos.",
    "Number",
    "Objective",
    "Order",
    "P.L.",
    "Page",
    "Part",
    "Phase",
    "Question",
    "Recommendation",
    "Report",
    "Rule",
    "S.",
    "Sec.",
    "Section",
    "Stat.",
    "Step",
    "Table",
    "Tier",
    "Title",
    "U.S.C.",
    "Version",
    "Vol.",
    "Volume",
    "appendix",
    "chapter",
    "figure",
    "item",
    "no.",
    "number",
    "objective",
    "p.",
    "page",
    "pages",
    "part",
    "phase",
    "pp.",
    "question",
    "recommendation",
    "sec.",
    "section",
    "step",
    "table",
    "title",
    "version",
    "vol.",
    "§",
    "§§",
];

/// [`IDENTIFIER_CUES`] as a set (case matters).
static CUES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(IDENTIFIER_CUES.iter().copied(), false));

/// [`IDENTIFIER_FOLLOWERS`] as a set (case matters).
static FOLLOWERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(IDENTIFIER_FOLLOWERS.iter().copied(), false));

/// Words after a number that make it an identifier or an ordinal use.
const IDENTIFIER_FOLLOWERS: &[&str] = &[
    "C.F.R.", "CFR", "Cong.", "Congress", "F.3d", "F.4th", "FR", "Fed.", "S.", "Session", "Stat.",
    "U.S.", "U.S.C.", "a.m.", "p.m.",
];

const MONTHS: &[(&str, u8)] = &[
    ("January", 1),
    ("Jan.", 1),
    ("February", 2),
    ("Feb.", 2),
    ("March", 3),
    ("Mar.", 3),
    ("April", 4),
    ("Apr.", 4),
    ("May", 5),
    ("June", 6),
    ("Jun.", 6),
    ("July", 7),
    ("Jul.", 7),
    ("August", 8),
    ("Aug.", 8),
    ("September", 9),
    ("Sept.", 9),
    ("Sep.", 9),
    ("October", 10),
    ("Oct.", 10),
    ("November", 11),
    ("Nov.", 11),
    ("December", 12),
    ("Dec.", 12),
];

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

const SMALL: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

const FRACTIONS: &[(&str, f64)] = &[
    ("one-half", 0.5),
    ("one-third", 1.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("one-quarter", 0.25),
    ("three-quarters", 0.75),
    ("one-fourth", 0.25),
    ("three-fourths", 0.75),
    ("one-fifth", 0.2),
    ("one-tenth", 0.1),
];

/// Words that end a measured noun phrase.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "across", "after", "against", "ago", "all", "along", "also", "among", "an",
    "and", "annually", "apiece", "are", "as", "at", "be", "because", "been", "before", "between",
    "both", "but", "by", "can", "could", "down", "during", "each", "earlier", "for", "from", "had",
    "has", "have", "her", "here", "his", "if", "in", "into", "is", "it", "its", "just", "last",
    "later", "less", "may", "might", "more", "must", "next", "not", "of", "on", "only", "or",
    "out", "over", "per", "should", "since", "so", "such", "than", "that", "the", "their", "then",
    "there", "these", "they", "this", "those", "through", "to", "toward", "towards", "under",
    "until", "up", "upon", "was", "were", "when", "where", "which", "while", "who", "will", "with",
    "within", "without", "would",
];

/// Whether `word` (any case) ends a measured noun phrase.
fn is_function_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(FUNCTION_WORDS.iter().copied(), true));
    SET.contains(word)
}

/// Adjective-like first words of a measured phrase that let it run on ("key strategies").
fn adjective_like(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "key",
        "major",
        "new",
        "additional",
        "other",
        "more",
        "large",
        "small",
        "new",
        "separate",
        "different",
        "main",
        "federal",
        "local",
        "foreign",
        "selected",
        "common",
        "specific",
        "full-time",
        "part-time",
    ];
    WORDS.contains(&w)
        || [
            "al", "ive", "ous", "ic", "ed", "ful", "ent", "ant", "ary", "ible", "able",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// The quantities of one sentence (or any short text), in order.
///
/// ```
/// let text = "It is difficult to envision 100 percent control of 2,000 miles of terrain.";
/// let found: Vec<&str> = debrief_model::quantities(text).iter().map(|q| &text[q.range.clone()]).collect();
/// assert_eq!(found, ["100 percent", "2,000 miles"]);
/// // Ordinals and identifiers are not quantities.
/// assert!(debrief_model::quantities("The 21st-century plan; the second term; H.R. 3268.").is_empty());
/// ```
pub fn quantities(text: &str) -> Vec<QuantityMatch> {
    let words = crate::text::words(text);
    let numbers = crate::text::marker_words_at(text, &words).numbers;
    let mut at = Vec::new();
    candidates(text, &words, &numbers, &mut at);
    let mut out = Vec::new();
    quantities_from(text, &at, 0, &mut Vec::new(), &mut out);
    out
}

/// Where a quantity may be found in `text`, sorted: each run of ASCII digits that is not glued
/// to letters, each `$`, each number word. `words` and `number_words` are the text's
/// [`words`](crate::text::words) and [`marker_words_at`](crate::text::marker_words_at)
/// numbers. Computed once per block; only the few words with digits are read again. The
/// offsets go into `out` (cleared first).
pub(crate) fn candidates(text: &str, words: &[Word], number_words: &[usize], out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    out.clear();
    out.extend(memchr::memchr_iter(b'$', bytes));
    for word in words.iter().filter(|w| w.digits) {
        let mut i = word.start;
        while i < word.end {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let at = i;
            while i < word.end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // Digits right after `$` belong to the money amount the `$` starts. Digits glued
            // to letters are codes, ordinals or decades ("GAO-05-927", "IF13013", "21st",
            // "1990s"), never quantities — except a fiscal year ("FY2010").
            let after_dollar = at > 0 && bytes[at - 1] == b'$';
            let glued_before = at > 0
                && (bytes[at - 1].is_ascii_alphabetic() || bytes[at - 1] == b'-')
                && !(at >= 2 && &bytes[at - 2..at] == b"FY");
            let glued_after = bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
            if !(after_dollar || glued_before || glued_after) {
                out.push(at);
            }
        }
    }
    out.extend_from_slice(number_words);
    out.sort_unstable();
    out.dedup();
}

/// The quantities of `text` (a sentence) near `candidates` (from [`candidates`]: offsets into
/// `text` plus `offset`), pushed to `out`; `tokens` is a buffer. Work happens only near a
/// candidate: the text is read in windows around them, not word by word.
pub(crate) fn quantities_from(
    text: &str,
    candidates: &[usize],
    offset: usize,
    tokens: &mut Vec<Token>,
    out: &mut Vec<QuantityMatch>,
) {
    let mut k = 0;
    while k < candidates.len() {
        // A window from a little before the first candidate to well after the last one that
        // is near it.
        let first = k;
        let c = candidates[k] - offset;
        let start = window_start(text, c.saturating_sub(32), c);
        let mut end = window_end(text, c + 72);
        k += 1;
        while k < candidates.len() && candidates[k] - offset < end {
            end = window_end(text, candidates[k] - offset + 72);
            k += 1;
        }
        scan(
            text,
            start..end,
            (&candidates[first..k], offset),
            tokens,
            out,
        );
    }
}

/// The first word start at or after `from`, and never after `candidate` (0 stays 0).
fn window_start(text: &str, from: usize, candidate: usize) -> usize {
    if from == 0 {
        return 0;
    }
    let bytes = text.as_bytes();
    let mut i = from;
    while i < candidate && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The first whitespace at or after `from` (or the end).
fn window_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from.min(bytes.len());
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The quantities of `text[window]` that involve one of the `candidates` (offsets into
/// `text`, sorted), with ranges into `text`. A quantity may start a few words before its number
/// ("as much as 40 percent", "between 2 and 5 percent").
fn scan(
    text: &str,
    window: Range<usize>,
    (candidates, offset): (&[usize], usize),
    toks: &mut Vec<Token>,
    out: &mut Vec<QuantityMatch>,
) {
    let base = window.start;
    let part = &text[window];
    tokenize_into(part, toks);
    let toks = toks.as_slice();
    let mut next_free = 0; // the first token not yet inside a found quantity
    for &c in candidates {
        // The token holding the candidate ("FY2010" holds its digits).
        let at = c - offset - base;
        let k = toks.partition_point(|t| t.end <= at);
        if toks.get(k).is_none_or(|t| t.start > at) {
            continue;
        }
        if k < next_free {
            continue;
        }
        for i in k.saturating_sub(4).max(next_free)..=k {
            let t = toks[i].text(part);
            if !could_start(t) {
                continue;
            }
            // A number before the candidate reaches it only as the lower end of a range ("2 to
            // 5", "2 million-3 million"; see `quantity_at`): the others are not read again (a
            // third of the numbers of the corpus's tables were read up to five times).
            if i < k && t.as_bytes()[0].is_ascii_digit() && !range_follows(part, toks, i) {
                continue;
            }
            if let Some((mut q, next)) = quantity_at(part, toks, i)
                && next > k
            {
                q.range = base + q.range.start..base + q.range.end;
                q.qualifier = q.qualifier.map(|r| base + r.start..base + r.end);
                out.push(q);
                next_free = next;
                break;
            }
        }
    }
}

/// Whether the number at token `i` (with its scale word, if any) is followed by a range
/// joiner ("to", "-", "–"): the only way a quantity that starts with a number reaches the
/// tokens after it.
fn range_follows(text: &str, toks: &[Token], i: usize) -> bool {
    let j = if scale(w(text, toks, i + 1)).is_some() {
        i + 2
    } else {
        i + 1
    };
    matches!(w(text, toks, j), "to" | "-" | "–")
}

/// Whether a quantity can start at a token with this text: a digit, `$`, `FY…`, a qualifier,
/// "between"/"from", a month, a number, fraction or vague word.
fn could_start(t: &str) -> bool {
    let Some(first) = t.bytes().next() else {
        return false;
    };
    if first.is_ascii_digit() || first == b'$' || t.starts_with("FY") {
        return true;
    }
    if !first.is_ascii_alphabetic() || t.len() > 14 {
        return false;
    }
    START.contains(t) || t.split_once('-').is_some_and(|(a, _)| START.contains(a))
}

/// Every word a quantity may start with, lower case: [`START_WORDS`], number words and month
/// names.
static START: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        START_WORDS
            .iter()
            .copied()
            .chain(SMALL.iter().map(|(w, _)| *w))
            .chain(MONTHS.iter().map(|(m, _)| m.trim_end_matches('.'))),
        true,
    )
});

/// First words of qualifiers, ranges, fractions, vague amounts and fiscal years (sorted).
const START_WORDS: &[&str] = &[
    "a",
    "about",
    "almost",
    "an",
    "approximately",
    "around",
    "as",
    "at",
    "below",
    "between",
    "billions",
    "close",
    "dozens",
    "estimated",
    "exceeding",
    "fewer",
    "fiscal",
    "from",
    "greater",
    "half",
    "hundreds",
    "in",
    "less",
    "millions",
    "more",
    "nearly",
    "no",
    "not",
    "one",
    "one-fifth",
    "one-fourth",
    "one-half",
    "one-quarter",
    "one-tenth",
    "one-third",
    "over",
    "roughly",
    "scores",
    "some",
    "tens",
    "thousands",
    "three-fourths",
    "three-quarters",
    "trillions",
    "two-thirds",
    "under",
    "up",
];

/// The text of token `i`, or "" past the end.
fn w<'t>(text: &'t str, toks: &[Token], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| t.text(text))
}

/// Whether tokens from `i` spell `words` (ASCII case-insensitive).
fn spells(text: &str, toks: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, word)| w(text, toks, i + k).eq_ignore_ascii_case(word))
}

/// A plain number token: digits with thousands separators and a decimal part.
fn number_value(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() {
        return None;
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let mut digits = [0u8; 32];
    let mut n = 0;
    let mut dots = 0;
    for b in s.bytes().filter(|b| *b != b',') {
        if b == b'.' {
            dots += 1;
        }
        *digits.get_mut(n)? = b;
        n += 1;
    }
    if dots > 1 {
        return None;
    }
    if dots == 0 && n <= 15 {
        // A whole number below 2^53 is exact as an f64: no need for the float parser.
        let whole = digits[..n]
            .iter()
            .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
        #[allow(clippy::cast_precision_loss, reason = "below 10^15 < 2^53: exact")]
        return Some(whole as f64);
    }
    std::str::from_utf8(&digits[..n]).ok()?.parse().ok()
}

/// A number word ("two", "twenty-five", "dozen").
fn word_value(s: &str) -> Option<f64> {
    if !s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 32];
    let lower = crate::text::ascii_lower(s, &mut buf);
    let lower = lower.as_ref();
    if let Some((tens, ones)) = lower.split_once('-') {
        let t = SMALL.iter().find(|(w, _)| *w == tens)?.1;
        let o = SMALL.iter().find(|(w, _)| *w == ones)?.1;
        return (t >= 20.0 && o < 10.0).then_some(t + o);
    }
    SMALL.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v)
}

fn scale(s: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _)| s.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

/// A number starting at token `i`: (value, index after it, whether it was written in digits).
fn number_at(text: &str, toks: &[Token], i: usize) -> Option<(f64, usize, bool)> {
    let t = w(text, toks, i);
    let (mut value, digits) = if let Some(v) = number_value(t) {
        (v, true)
    } else if let Some(v) = word_value(t) {
        (v, false)
    } else {
        return None;
    };
    let mut next = i + 1;
    if let Some(s) = scale(w(text, toks, next)) {
        value *= s;
        next += 1;
    }
    Some((value, next, digits))
}

#[allow(
    clippy::too_many_lines,
    reason = "one reading of a quantity, step by step: qualifier, number, range, unit, measure"
)]
fn quantity_at(text: &str, toks: &[Token], i: usize) -> Option<(QuantityMatch, usize)> {
    let t = w(text, toks, i);
    let alphabetic = t.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    if let Some(q) = temporal_at(text, toks, i) {
        return Some(q);
    }
    if alphabetic {
        if let Some(q) = fraction_at(text, toks, i) {
            return Some(q);
        }
        if let Some(q) = vague_at(text, toks, i) {
            return Some(q);
        }
    }
    let start = i;
    let mut bound = Bound::Exact;
    let mut qualifier = None;
    let mut first = i;
    // Ranges: "between 2 and 5 percent", "from 2 to 5 percent".
    let between = t.eq_ignore_ascii_case("between") || t.eq_ignore_ascii_case("from");
    if between {
        first = i + 1;
    } else if let Some((words, b)) = alphabetic
        .then(|| {
            QUALIFIER_STARTS
                .contains(t)
                .then(|| {
                    QUALIFIERS
                        .iter()
                        .find(|(ws, _)| ws[0].len() == t.len() && spells(text, toks, i, ws))
                })
                .flatten()
        })
        .flatten()
    {
        first = i + words.len();
        bound = *b;
    }
    let money = w(text, toks, first) == "$";
    let num_at = if money { first + 1 } else { first };
    let (value, mut next, digits) = number_at(text, toks, num_at)?;
    if first > i && !between {
        qualifier = Some(toks[i].start..toks[first - 1].end);
    }
    // Not a quantity: ordinals are separate tokens ("21st" is one token and never parses),
    // identifiers, list markers, footnote numbers.
    if !money && is_identifier(text, toks, num_at, next) {
        return None;
    }
    let mut q_start = toks[if between { i } else { first }].start;
    let mut upper = None;
    // "2 to 5", "2-5" (one token), "between 2 and 5".
    let joiner = w(text, toks, next);
    let range_join = if between {
        joiner == "and" || joiner == "to"
    } else {
        joiner == "to" || joiner == "-" || joiner == "–"
    };
    if range_join {
        let after = next + 1;
        let after = if money && w(text, toks, after) == "$" {
            after + 1
        } else {
            after
        };
        if let Some((u, n2, _)) = number_at(text, toks, after) {
            upper = Some(u);
            next = n2;
        }
    }
    if between && upper.is_none() {
        return None;
    }
    let mut value = value;
    if money {
        // "$1.6B", "$300M": a scale letter glued to the number is one token we do not parse;
        // the plain forms are handled by `number_at`.
        let mut q = QuantityMatch::new(
            q_start..toks[next - 1].end,
            QuantityKind::Money,
            Some(value),
        );
        q.unit = Some("USD");
        q.upper = upper;
        finish(&mut q, bound, qualifier, upper.is_some());
        q.measures = measured(text, toks, next);
        return Some((q, next));
    }
    // A unit.
    let unit = unit_at(text, toks, next);
    let (kind, unit_name, end_tok) = match unit {
        Some((words, name, kind)) => (*kind, Some(*name), next + words.len()),
        None => (QuantityKind::Count, None, next),
    };
    // "2 million dollars"
    let mut kind = kind;
    if kind == QuantityKind::Count && !digits && value < 2.0 {
        return None;
    }
    let measures = match kind {
        QuantityKind::Count => {
            let m = measured(text, toks, end_tok);
            // A bare number with no unit and nothing counted is not worth reporting (unless
            // qualified or a range), nor is a number followed by a capitalised word.
            if m.is_none() && bound == Bound::Exact && upper.is_none() {
                return None;
            }
            m
        }
        // "40 percent of American content", "100 percent “operational control”" — but not
        // "28 percent larger".
        QuantityKind::Percent | QuantityKind::PercentagePoints => of_phrase(text, toks, end_tok)
            .or_else(|| {
                matches!(w(text, toks, end_tok), "“" | "\"")
                    .then(|| measured(text, toks, end_tok))
                    .flatten()
            }),
        _ => of_phrase(text, toks, end_tok),
    };
    if kind == QuantityKind::Duration && value.fract() == 0.0 && digits && unit_name == Some("year")
    {
        // "10 years" stays a duration.
        kind = QuantityKind::Duration;
    }
    if q_start > toks[start].start && !between && qualifier.is_none() {
        q_start = toks[start].start;
    }
    value = if value.is_finite() { value } else { 0.0 };
    // "from 2022 to 2023": a range of years is a date, not a count.
    let years = |v: f64| v.fract() == 0.0 && (1800.0..=2100.0).contains(&v);
    if kind == QuantityKind::Count
        && unit_name.is_none()
        && upper.is_some_and(years)
        && years(value)
        && digits
    {
        kind = QuantityKind::Year;
    }
    let mut q = QuantityMatch::new(q_start..toks[end_tok - 1].end, kind, Some(value));
    if kind == QuantityKind::Year
        && let Some(u) = upper
    {
        q.iso = Some(format!("{value:.0}/{u:.0}"));
    }
    q.unit = unit_name;
    q.upper = upper;
    q.measures = measures;
    finish(&mut q, bound, qualifier, upper.is_some());
    Some((q, end_tok))
}

fn finish(q: &mut QuantityMatch, bound: Bound, qualifier: Option<Range<usize>>, range: bool) {
    q.bound = if range { Bound::Range } else { bound };
    q.qualifier = qualifier;
}

/// Whether the number at `i..next` is an identifier, a list marker or a footnote number.
fn is_identifier(text: &str, toks: &[Token], i: usize, next: usize) -> bool {
    let prev = if i > 0 { w(text, toks, i - 1) } else { "" };
    let after = w(text, toks, next);
    if CUES.contains(prev) || FOLLOWERS.contains(after) {
        return true;
    }
    // "(1)", "(202) 512-6543"
    if prev == "(" && after == ")" {
        return true;
    }
    // Glued to the previous word or punctuation: "works.34", "GAO-05", "$".
    if i > 0 && toks[i - 1].end == toks[i].start && toks[i - 1].word {
        return true;
    }
    // A hyphenated digit token ("512-6543", "107-296") is a code unless a unit follows, which
    // the caller checks; the token itself does not parse as a number.
    // Followed by a capitalised word ("119 Congress", "5 GAO") or by a glued word.
    if after.chars().next().is_some_and(char::is_uppercase) && !is_unit_word(after) {
        let value = number_value(w(text, toks, i));
        // Years are handled before; other numbers before a capital are names or codes.
        return value.is_some();
    }
    false
}

/// Years, fiscal years and dates.
fn temporal_at(text: &str, toks: &[Token], i: usize) -> Option<(QuantityMatch, usize)> {
    let t = w(text, toks, i);
    // FY2010, FY 2010, FY10
    if let Some(rest) = t.strip_prefix("FY") {
        let (year, next) = if rest.is_empty() {
            (year_value(w(text, toks, i + 1))?, i + 2)
        } else {
            (fiscal_digits(rest)?, i + 1)
        };
        let mut q = QuantityMatch::new(
            toks[i].start..toks[next - 1].end,
            QuantityKind::FiscalYear,
            Some(f64::from(year)),
        );
        q.iso = Some(format!("FY{year}"));
        return Some((q, next));
    }
    // "fiscal year 2023", "fiscal years 2020"
    if t.eq_ignore_ascii_case("fiscal")
        && matches!(w(text, toks, i + 1), "year" | "years" | "Year" | "Years")
    {
        let year = year_value(w(text, toks, i + 2))?;
        let mut q = QuantityMatch::new(
            toks[i].start..toks[i + 2].end,
            QuantityKind::FiscalYear,
            Some(f64::from(year)),
        );
        q.iso = Some(format!("FY{year}"));
        return Some((q, i + 3));
    }
    // "August 22, 2006", "Sept. 9, 2005", "March 2025"
    let capitalised = t.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    if let Some((m, month)) = capitalised
        .then(|| MONTHS.iter().find(|(m, _)| m.trim_end_matches('.') == t))
        .flatten()
    {
        // "Sept. 9": the abbreviation's period is a token of its own.
        let abbreviated = m.ends_with('.');
        if abbreviated && w(text, toks, i + 1) != "." {
            return None;
        }
        let first = toks[i].start;
        let i = if abbreviated { i + 1 } else { i };
        let d = w(text, toks, i + 1);
        if let Some(day) = d.parse::<u8>().ok().filter(|d| (1..=31).contains(d)) {
            let comma = w(text, toks, i + 2) == ",";
            let y_at = if comma { i + 3 } else { i + 2 };
            if let Some(year) = year_value(w(text, toks, y_at)) {
                let mut q = QuantityMatch::new(
                    first..toks[y_at].end,
                    QuantityKind::Date,
                    Some(f64::from(year)),
                );
                q.iso = Some(format!("{year:04}-{month:02}-{day:02}"));
                return Some((q, y_at + 1));
            }
            if t == "May" {
                return None;
            }
            let mut q = QuantityMatch::new(first..toks[i + 1].end, QuantityKind::Date, None);
            q.iso = Some(format!("--{month:02}-{day:02}"));
            return Some((q, i + 2));
        }
        if let Some(year) = year_value(d) {
            let mut q = QuantityMatch::new(
                first..toks[i + 1].end,
                QuantityKind::Date,
                Some(f64::from(year)),
            );
            q.iso = Some(format!("{year:04}-{month:02}"));
            return Some((q, i + 2));
        }
        return None;
    }
    // A bare year: 4 digits, 1800–2100, not money, not followed by a unit.
    let year = year_value(t)?;
    let prev = if i > 0 { w(text, toks, i - 1) } else { "" };
    if prev == "$" || CUES.contains(prev) {
        return None;
    }
    if i > 0 && toks[i - 1].end == toks[i].start && toks[i - 1].word {
        return None;
    }
    let next = w(text, toks, i + 1);
    if is_unit_word(next) || scale(next).is_some() {
        return None;
    }
    let mut q = QuantityMatch::new(toks[i].range(), QuantityKind::Year, Some(f64::from(year)));
    q.iso = Some(format!("{year:04}"));
    Some((q, i + 1))
}

fn year_value(s: &str) -> Option<u16> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: u16 = s.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// "2010" or "10" after "FY".
fn fiscal_digits(s: &str) -> Option<u16> {
    if let Some(y) = year_value(s) {
        return Some(y);
    }
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y: u16 = s.parse().ok()?;
        return Some(if y < 70 { 2000 + y } else { 1900 + y });
    }
    None
}

/// "one-third", "two-thirds of", "half of", "a third of".
fn fraction_at(text: &str, toks: &[Token], i: usize) -> Option<(QuantityMatch, usize)> {
    let t = w(text, toks, i);
    let is = |word: &str| t.eq_ignore_ascii_case(word);
    let (value, end) = if let Some((_, v)) = FRACTIONS.iter().find(|(f, _)| is(f)) {
        (*v, i + 1)
    } else if is("half") && w(text, toks, i + 1) == "of" {
        (0.5, i + 1)
    } else if (is("a") || is("one"))
        && w(text, toks, i + 2) == "of"
        && let Some(v) = match w(text, toks, i + 1) {
            "third" => Some(1.0 / 3.0),
            "quarter" => Some(0.25),
            "fifth" => Some(0.2),
            "tenth" => Some(0.1),
            "half" => Some(0.5),
            _ => None,
        }
    {
        (v, i + 2)
    } else {
        return None;
    };
    let mut q = QuantityMatch::new(
        toks[i].start..toks[end - 1].end,
        QuantityKind::Fraction,
        Some(value),
    );
    q.measures = of_phrase(text, toks, end);
    Some((q, end))
}

/// "billions of tax dollars", "thousands of agents", "tens of thousands of migrants".
fn vague_at(text: &str, toks: &[Token], i: usize) -> Option<(QuantityMatch, usize)> {
    let t = w(text, toks, i);
    if !t.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let (mut magnitude, mut end) = if t.eq_ignore_ascii_case("tens") && w(text, toks, i + 1) == "of"
    {
        let (_, m) = VAGUE
            .iter()
            .find(|(v, _)| w(text, toks, i + 2).eq_ignore_ascii_case(v))?;
        (m * 10.0, i + 3)
    } else {
        let (_, m) = VAGUE.iter().find(|(v, _)| t.eq_ignore_ascii_case(v))?;
        (*m, i + 1)
    };
    if w(text, toks, end) != "of" {
        return None;
    }
    // "hundreds of thousands of"
    if let Some((_, m)) = VAGUE
        .iter()
        .find(|(v, _)| w(text, toks, end + 1).eq_ignore_ascii_case(v))
        && w(text, toks, end + 2) == "of"
    {
        magnitude *= m;
        end += 2;
    }
    let phrase = of_phrase_end(text, toks, end);
    let range_end = phrase.as_ref().map_or(toks[end - 1].end, |(_, e)| *e);
    let measures = phrase.map(|(h, _)| h);
    let money = measures.as_deref().is_some_and(|m| {
        let m = m.to_ascii_lowercase();
        m.ends_with("dollars") || m.ends_with("dollar")
    });
    let mut q = QuantityMatch::new(
        toks[i].start..range_end,
        if money {
            QuantityKind::Money
        } else {
            QuantityKind::Count
        },
        None,
    );
    if money {
        q.unit = Some("USD");
    }
    q.vague = true;
    q.magnitude = Some(magnitude);
    q.bound = Bound::Approximate;
    q.measures = measures;
    Some((q, end))
}

/// The noun phrase after "of" at token `i`, reduced to its head noun (with any capitalised
/// modifiers right before it): "of often rugged and inhospitable terrain" → "terrain", "of
/// American content into" → "American content".
fn of_phrase(text: &str, toks: &[Token], i: usize) -> Option<String> {
    of_phrase_end(text, toks, i).map(|(h, _)| h)
}

/// [`of_phrase`] and the byte offset where the phrase ends.
fn of_phrase_end(text: &str, toks: &[Token], i: usize) -> Option<(String, usize)> {
    if w(text, toks, i) != "of" {
        return None;
    }
    // At most eight words, kept on the stack.
    let mut buf = [(0, ""); 8];
    let mut n = 0;
    let mut k = i + 1;
    while k < toks.len() && n < 8 {
        let tok = toks[k];
        let s = tok.text(text);
        if !tok.word {
            if matches!(s, "“" | "”" | "\"") {
                k += 1;
                continue;
            }
            break;
        }
        if is_function_word(s) && (!s.eq_ignore_ascii_case("and") || n == 0) {
            if n == 0
                && ["the", "a", "an", "its", "their"]
                    .iter()
                    .any(|d| s.eq_ignore_ascii_case(d))
            {
                k += 1;
                continue;
            }
            break;
        }
        buf[n] = (k, s);
        n += 1;
        k += 1;
    }
    let mut words = &buf[..n];
    while let Some((rest, (_, "and"))) = words.split_last().map(|(l, r)| (r, *l)) {
        words = rest;
    }
    let end = toks[words.last()?.0].end;
    head(words).map(|h| (h, end))
}

/// The head of collected words: the last word, with the nouns and capitalised modifiers right
/// before it ("tax dollars", "American content"; "rugged terrain" → "terrain").
fn head(words: &[(usize, &str)]) -> Option<String> {
    let (_, last) = words.last()?;
    // The words kept before the last one (at most two), counted back from it.
    let mut kept = 0;
    for (_, s) in words.iter().rev().skip(1).take(2) {
        // `s` in ASCII lower case, on the stack when it fits.
        let mut buf = [0u8; 32];
        let lower = match buf.get_mut(..s.len()) {
            Some(lower) => {
                lower.copy_from_slice(s.as_bytes());
                lower.make_ascii_lowercase();
                std::borrow::Cow::Borrowed(std::str::from_utf8(lower).unwrap_or_default())
            }
            None => std::borrow::Cow::Owned(s.to_ascii_lowercase()),
        };
        let noun_like = !adjective_like(&lower) && !s.ends_with("ly") && *s != "and";
        if is_capitalised(s) || noun_like {
            kept += 1;
        } else {
            break;
        }
    }
    let parts = &words[words.len() - 1 - kept..];
    let mut out = String::with_capacity(parts.iter().map(|(_, s)| s.len() + 1).sum());
    for (_, s) in parts {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    }
    debug_assert!(out.ends_with(last));
    Some(out)
}

/// The noun a count or percentage measures: "100 agents", "five key strategies", "100 percent
/// “operational control”", "5,000 Border Patrol agents".
fn measured(text: &str, toks: &[Token], i: usize) -> Option<String> {
    if w(text, toks, i) == "of" {
        return of_phrase(text, toks, i);
    }
    // At most four words, kept on the stack (most numbers measure nothing, or one word).
    let mut buf = [(0, ""); 4];
    let mut n = 0;
    let mut k = i;
    let mut quoted = false;
    while k < toks.len() && n < 4 {
        let tok = toks[k];
        let s = tok.text(text);
        if !tok.word {
            if matches!(s, "“" | "\"") && n == 0 {
                quoted = true;
                k += 1;
                continue;
            }
            break;
        }
        if is_function_word(s) || number_value(s).is_some() {
            break;
        }
        buf[n] = (k, s);
        n += 1;
        k += 1;
        if is_capitalised(s) {
            continue;
        }
        // One lower-case noun, or an adjective and its noun, unless the phrase is quoted.
        let mut lower = [0u8; 32];
        if !quoted && !adjective_like(&crate::text::ascii_lower(s, &mut lower)) {
            break;
        }
    }
    let words = &buf[..n];
    // A phrase of capitalised words only is a name ("2 GAO"), not a counted noun.
    if words.iter().all(|(_, s)| is_capitalised(s)) {
        return None;
    }
    if quoted {
        return Some(words.iter().map(|(_, s)| *s).collect::<Vec<_>>().join(" "));
    }
    head(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, QuantityKind, Option<f64>, Bound)> {
        quantities(text)
            .into_iter()
            .map(|q| (&text[q.range.clone()], q.kind, q.value, q.bound))
            .collect()
    }

    #[test]
    fn seed_quantities() {
        use QuantityKind::*;
        let text =
            "how many billions of tax dollars will be enough to finally “secure” the border?";
        let q = &quantities(text)[0];
        assert_eq!(&text[q.range.clone()], "billions of tax dollars");
        assert_eq!(
            (q.kind, q.vague, q.magnitude, q.value),
            (Money, true, Some(1e9), None)
        );
        assert_eq!(q.measures.as_deref(), Some("tax dollars"));
        assert_eq!(
            found(
                "airport-like security or 100 percent “operational control” of 2,000 miles of often rugged and inhospitable terrain."
            ),
            [
                ("100 percent", Percent, Some(100.0), Bound::Exact),
                ("2,000 miles", Length, Some(2000.0), Bound::Exact)
            ]
        );
        let qs =
            quantities("100 percent “operational control” of 2,000 miles of often rugged terrain.");
        assert_eq!(qs[0].measures.as_deref(), Some("operational control"));
        assert_eq!(qs[1].measures.as_deref(), Some("terrain"));
        assert!(
            found("a 21st-century border management plan; the second Obama Administration")
                .is_empty()
        );
    }

    #[test]
    fn money_ranges_fractions_dates() {
        use QuantityKind::*;
        assert_eq!(
            found("It cost $1.6 billion, between 2 and 5 percent of the total."),
            [
                ("$1.6 billion", Money, Some(1.6e9), Bound::Exact),
                ("between 2 and 5 percent", Percent, Some(2.0), Bound::Range)
            ]
        );
        assert_eq!(
            found("About one-third of funds; more than 5,000 agents."),
            [
                ("one-third", Fraction, Some(1.0 / 3.0), Bound::Exact),
                ("5,000", Count, Some(5000.0), Bound::MoreThan)
            ]
        );
        let text = "On August 22, 2006 (Sept. 9, 2005), in FY2010 and fiscal year 2023, by 2040.";
        let qs = quantities(text);
        assert_eq!(&text[qs[1].range.clone()], "Sept. 9, 2005");
        let iso: Vec<_> = qs
            .iter()
            .map(|q| (q.kind, q.iso.clone().unwrap()))
            .collect();
        assert_eq!(
            iso,
            [
                (Date, "2006-08-22".to_owned()),
                (Date, "2005-09-09".to_owned()),
                (FiscalYear, "FY2010".to_owned()),
                (FiscalYear, "FY2023".to_owned()),
                (Year, "2040".to_owned())
            ]
        );
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            START_WORDS,
            IDENTIFIER_CUES,
            IDENTIFIER_FOLLOWERS,
            FUNCTION_WORDS,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(list, sorted.as_slice());
        }
    }

    #[test]
    fn comparatives_year_ranges_and_table_headers() {
        use QuantityKind::*;
        let q = &quantities("Receipts were 28 percent larger than in 2022.")[0];
        assert_eq!((q.kind, q.measures.clone()), (Percent, None));
        let q = &quantities("Outlays rose from 2022 to 2023 in total.")[0];
        assert_eq!(
            (q.kind, q.value, q.upper),
            (Year, Some(2022.0), Some(2023.0))
        );
        assert_eq!(q.iso.as_deref(), Some("2022/2023"));
        let q = &quantities("Billions of Dollars")[0];
        assert_eq!((q.kind, q.vague), (Money, true));
    }

    #[test]
    fn identifiers_are_not_quantities() {
        assert!(
            found("See H.R. 3268, Page 5 GAO-06-1046, Section 3 and (202) 512-6543.").is_empty()
        );
        assert!(found("The 118 Congress and the 21st century; at 5 a.m.; (1) first").is_empty());
        assert!(found("Public Law 107-296 and 40 U.S.C. §8903").is_empty());
    }
}
