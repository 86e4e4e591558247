//! Programs and named initiatives.
//!
//! Two shapes are recognised:
//! - **named**: capitalised words ending in a head noun from `data/program_heads.tsv`
//!   (Initiative, Program, Task Force, Plan, Strategy, Act, Agreement, Accord, Partnership…),
//!   joined by lower-case connectors ("of", "for", "and", "on", "in", "to"), with an optional
//!   acronym inside ("Protecting Our Local Elections (POLE) Act") and a year after an act ("of
//!   2002"): "Merida Initiative", "Border Enforcement Security Task Force";
//! - **described**: a determiner, at least two content modifiers and a head noun (plan,
//!   strategy, initiative, program, framework): "a 21st-century border management plan", "a
//!   peak oil strategy" (but not "a broad master plan" or "such a strategy").
//!
//! ```
//! let text = "These range from the Merida Initiative and a 21st-century border management plan.";
//! let found: Vec<&str> = debrief_model::programs(text).iter().map(|p| &text[p.range.clone()]).collect();
//! assert_eq!(found, ["Merida Initiative", "21st-century border management plan"]);
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use crate::ProgramKind;
use crate::lexicon::{self, records};
use crate::text::{
    Scratch, Token, Word, WordAutomaton, is_capitalised, tail_bytes, tokenize_into, words,
};

/// A program found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramMatch {
    /// The byte range of its name.
    pub range: Range<usize>,
    /// What kind of program, from its head noun.
    pub kind: ProgramKind,
    /// Whether it is a proper name.
    pub named: bool,
    /// An acronym written inside the name ("POLE" in "Protecting Our Local Elections (POLE)
    /// Act").
    pub acronym: Option<Range<usize>>,
}

struct Heads {
    /// Named heads (capitalised, from the table) and then the described heads (lower case).
    automaton: Option<WordAutomaton>,
    kinds: Vec<ProgramKind>,
    /// For each pattern: `Some(kind)` when it is a described (lower-case) head.
    described: Vec<Option<ProgramKind>>,
}

fn parse_kind(s: &str) -> ProgramKind {
    match s {
        "initiative" => ProgramKind::Initiative,
        "program" => ProgramKind::Program,
        "task_force" => ProgramKind::TaskForce,
        "plan" => ProgramKind::Plan,
        "strategy" => ProgramKind::Strategy,
        "law" => ProgramKind::Law,
        "agreement" => ProgramKind::Agreement,
        "partnership" => ProgramKind::Partnership,
        "fund" => ProgramKind::Fund,
        _ => ProgramKind::Other,
    }
}

static HEADS: LazyLock<Heads> = LazyLock::new(|| {
    let rows = records("program_heads.tsv", lexicon::PROGRAM_HEADS, 2, 2).unwrap_or_default();
    let mut words: Vec<&str> = rows.iter().map(|(_, f)| f[0]).collect();
    let mut kinds: Vec<ProgramKind> = rows.iter().map(|(_, f)| parse_kind(f[1])).collect();
    let mut described = vec![None; words.len()];
    for (head, kind) in DESCRIBED_HEADS {
        words.push(head);
        kinds.push(*kind);
        described.push(Some(*kind));
    }
    let automaton = WordAutomaton::new(&words, false, &[]);
    Heads {
        automaton,
        kinds,
        described,
    }
});

/// Lower-case words that may join the capitalised words of a name.
const CONNECTORS: &[&str] = &["of", "for", "and", "on", "in", "to", "&", "de", "del"];

/// Capitalised words that open a sentence or clause and never start a program's name.
const NOT_NAME_START: &[&str] = &[
    "The", "This", "That", "These", "Those", "A", "An", "Its", "Their", "Our", "Such", "Each",
    "Every", "Any", "No", "Under", "With", "From", "As", "In", "For", "By", "Through", "Since",
    "Of", "On", "And", "Or", "But", "To", "At", "After", "Before", "During", "If", "While", "When",
    "Both", "All", "New", "Its", "His", "Her", "Several", "Many", "Some", "Other",
];

/// Lower-case heads of described programs.
const DESCRIBED_HEADS: &[(&str, ProgramKind)] = &[
    ("plan", ProgramKind::Plan),
    ("strategy", ProgramKind::Strategy),
    ("initiative", ProgramKind::Initiative),
    ("program", ProgramKind::Program),
    ("framework", ProgramKind::Plan),
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "this", "our", "his", "her", "any", "each", "that",
];

/// Modifiers that describe any plan and do not make it a particular one.
const GENERIC_MODIFIERS: &[&str] = &[
    "comprehensive",
    "broad",
    "new",
    "effective",
    "formal",
    "overall",
    "coordinated",
    "well-defined",
    "specific",
    "detailed",
    "clear",
    "long-term",
    "short-term",
    "strategic",
    "master",
    "national",
    "federal",
    "possible",
    "potential",
    "current",
    "existing",
    "proposed",
    "initial",
    "final",
    "major",
    "larger",
    "single",
    "joint",
    "common",
    "better",
    "good",
    "more",
    "such",
    "other",
    "similar",
    "same",
    "entire",
    "whole",
    "robust",
    "credible",
    "realistic",
    "coherent",
    "integrated",
    "agency",
    "government",
    "government-wide",
];

/// The programs named or described in `text`, in order, without overlaps.
///
/// ```
/// let text = "The Homeland Security Act of 2002 (Public Law 107-296) and a peak oil strategy.";
/// let p = debrief_model::programs(text);
/// assert_eq!(&text[p[0].range.clone()], "Homeland Security Act of 2002");
/// assert_eq!(p[0].kind, debrief_model::ProgramKind::Law);
/// assert_eq!(&text[p[1].range.clone()], "peak oil strategy");
/// assert!(!p[1].named);
/// ```
pub fn programs(text: &str) -> Vec<ProgramMatch> {
    programs_at(text, &words(text), &mut Scratch::default())
}

/// The automaton of the head nouns.
pub(crate) fn head_automaton() -> Option<&'static WordAutomaton> {
    HEADS.automaton.as_ref()
}

/// [`programs`], given the text's [`words`] and buffers.
pub(crate) fn programs_at(text: &str, words: &[Word], scratch: &mut Scratch) -> Vec<ProgramMatch> {
    let mut out: Vec<ProgramMatch> = Vec::new();
    let Some(automaton) = &HEADS.automaton else {
        return out;
    };
    // Each head is read with the words before it: a window of the text, not all of it.
    automaton.matches_into(text, words, &mut scratch.matches);
    for &(ref range, pattern) in &scratch.matches {
        let mut end = (range.end + 16).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        // The head is read with the words before it, in a short window first: a name is seldom
        // longer, and the walk back asks for the long window only when it reaches the short
        // one's first tokens (tokens never span whitespace, so the tokens of a window that
        // starts after a space are those of any longer one from there on). The long window
        // alone tokenized about 3 times as much text.
        let mut found = None;
        for back in [SHORT_WINDOW, LONG_WINDOW] {
            let (base, window) = tail_bytes(&text[..range.end], back);
            // Start the window at a word boundary.
            let skip = if base == 0 {
                0
            } else {
                window
                    .find(char::is_whitespace)
                    .map_or(window.len(), |k| k + 1)
            };
            // Whether the walk back must not reach the window's first tokens.
            let cut = base > 0 && back == SHORT_WINDOW;
            let base = base + skip;
            let window = &text[base..end];
            tokenize_into(window, &mut scratch.tokens);
            let toks = &scratch.tokens;
            let head = range.start - base..range.end - base;
            let walk = match HEADS.described.get(pattern).copied().flatten() {
                Some(kind) => match token_index_at(toks, head.start) {
                    Some(k) => described(window, toks, k, kind, cut),
                    None => Walk::NoName,
                },
                None => named(window, toks, head, HEADS.kinds[pattern], cut),
            };
            match walk {
                Walk::Name(mut m) => {
                    m.range = base + m.range.start..base + m.range.end;
                    m.acronym = m.acronym.map(|a| base + a.start..base + a.end);
                    found = Some(m);
                    break;
                }
                Walk::NoName => break,
                Walk::Cut => {}
            }
        }
        if let Some(m) = found
            && !out
                .iter()
                .any(|o| crate::text::overlaps(&o.range, &m.range))
        {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// The bytes before a head read first, and at most (see [`programs_at`]).
const SHORT_WINDOW: usize = 96;
const LONG_WINDOW: usize = 240;

/// The tokens at the start of a cut window that a walk back may not read: the walk gives up
/// ([`Walk::Cut`]) rather than read them, for they may belong to a longer name.
const CUT_MARGIN: usize = 4;

/// What a walk back from a head found.
enum Walk {
    Name(ProgramMatch),
    NoName,
    /// The walk reached the first tokens of a cut window: read a longer one.
    Cut,
}

fn token_index_at(toks: &[Token], start: usize) -> Option<usize> {
    toks.binary_search_by_key(&start, |t| t.start).ok()
}

/// A named program ending in the head at `head`; [`Walk::Cut`] when `cut` (the window starts
/// inside the text) and the walk back reached the window's first tokens.
fn named(text: &str, toks: &[Token], head: Range<usize>, kind: ProgramKind, cut: bool) -> Walk {
    let Some(h) = token_index_at(toks, head.start) else {
        return Walk::NoName;
    };
    let mut start = h;
    let mut acronym = None;
    let mut k = h;
    while k > 0 {
        if cut && k <= CUT_MARGIN {
            return Walk::Cut;
        }
        let prev = toks[k - 1];
        let s = prev.text(text);
        if prev.word && (is_capitalised(s) || s.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            if s.ends_with("'s") || s.ends_with("’s") || s.ends_with('’') {
                break;
            }
            start = k - 1;
            k -= 1;
        } else if (prev.word && CONNECTORS.contains(&s)) || s == "&" || s == "-" || s == "–" {
            k -= 1;
        } else if s == ")" && k >= 3 && toks[k - 3].text(text) == "(" && toks[k - 2].word {
            // An acronym inside the name: "(POLE)".
            acronym = Some(toks[k - 2].range());
            k -= 3;
        } else {
            break;
        }
    }
    // Trim leading words that open clauses rather than names, and leading connectors.
    while start < h {
        let s = toks[start].text(text);
        if NOT_NAME_START.contains(&s) || CONNECTORS.contains(&s) || !toks[start].word {
            start += 1;
        } else {
            break;
        }
    }
    if start >= h {
        return Walk::NoName;
    }
    if acronym
        .as_ref()
        .is_some_and(|a| a.start < toks[start].start)
    {
        acronym = None;
    }
    let mut end = head.end;
    // "Act of 2002"
    if kind == ProgramKind::Law
        && toks.get(h + 1).is_some_and(|t| t.text(text) == "of")
        && let Some(y) = toks.get(h + 2)
        && y.text(text).len() == 4
        && y.text(text).bytes().all(|b| b.is_ascii_digit())
    {
        end = y.end;
    }
    Walk::Name(ProgramMatch {
        range: toks[start].start..end,
        kind,
        named: true,
        acronym,
    })
}

/// A described program ending in the head at token `h`, as [`named`].
fn described(text: &str, toks: &[Token], h: usize, kind: ProgramKind, cut: bool) -> Walk {
    let mut k = h;
    let mut content = 0;
    let mut first = h;
    while k > 0 {
        if cut && k <= CUT_MARGIN {
            return Walk::Cut;
        }
        let prev = toks[k - 1];
        let s = prev.text(text);
        let lower = s.to_lowercase();
        if DETERMINERS.contains(&lower.as_str()) {
            break;
        }
        if !prev.word {
            if s == "–" || s == "-" {
                k -= 1;
                continue;
            }
            return Walk::NoName;
        }
        if CONNECTORS.contains(&lower.as_str()) || crate::modality::is_function_word(&lower) {
            return Walk::NoName;
        }
        if !GENERIC_MODIFIERS.contains(&lower.as_str()) {
            content += 1;
        }
        first = k - 1;
        k -= 1;
        if h - k > 5 {
            return Walk::NoName;
        }
    }
    if k == 0 || content < 2 {
        return Walk::NoName;
    }
    // Start at the first content modifier ("a comprehensive U.S.–Mexico anti-crime strategy" →
    // "U.S.–Mexico anti-crime strategy").
    while first < h && GENERIC_MODIFIERS.contains(&toks[first].text(text).to_lowercase().as_str()) {
        first += 1;
    }
    Walk::Name(ProgramMatch {
        range: toks[first].start..toks[h].end,
        kind,
        named: false,
        acronym: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        programs(text)
            .iter()
            .map(|p| &text[p.range.clone()])
            .collect()
    }

    #[test]
    fn named_and_described() {
        assert_eq!(
            found("the establishment of Border Enforcement Security Task Force teams"),
            ["Border Enforcement Security Task Force"]
        );
        assert_eq!(
            found("The Protecting Our Local Elections (POLE) Act (H.R. 1467) would"),
            ["Protecting Our Local Elections (POLE) Act"]
        );
        assert_eq!(
            found("the 117 Congress's Eliminating Foreign Intervention in Elections Act"),
            ["Eliminating Foreign Intervention in Elections Act"]
        );
        assert_eq!(
            found(
                "develop a comprehensive U.S.–Mexico anti-crime strategy and a broad master plan"
            ),
            ["U.S.–Mexico anti-crime strategy"]
        );
        assert!(
            found("Such a Strategy. This Plan. such a strategy; no formal strategy").is_empty()
        );
    }

    #[test]
    fn names_longer_than_the_short_window_are_read_whole() {
        // The name starts 120 bytes before the end of its head: the walk back reaches the
        // short window's first tokens and reads the long window.
        let name = "Protecting Our Local Elections From Foreign Interference And Domestic \
                    Threats Through Better Voting Machines And Audits Act";
        assert!(name.len() > SHORT_WINDOW);
        let text = format!("Members introduced the {name} of 2024 last year.");
        assert_eq!(found(&text), [format!("{name} of 2024").as_str()]);
        // A name right at the start of a long text, and one preceded by 200 bytes of prose.
        let prose = "word ".repeat(40);
        let text = format!("{prose}the Merida Initiative and {prose}a peak oil strategy.");
        assert_eq!(found(&text), ["Merida Initiative", "peak oil strategy"]);
    }
}
