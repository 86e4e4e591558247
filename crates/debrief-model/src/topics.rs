//! Comparative Agendas Project (CAP) major topics, assigned from a keyword lexicon.
//!
//! The CAP master codebook sorts policy content into 21 major topics (1 Macroeconomics …
//! 23 Culture; codes 11 and 22 are unused). `data/topics.tsv` lists, for each topic, words and
//! phrases that signal it, written for this project from the codebook's topic definitions.
//! Keywords match whole words, ignoring ASCII case; a keyword ending in `*` matches any ending
//! (`immigra*` → immigration, immigrants). A text's topics are the codes whose keywords occur
//! often enough (see [`TopicCounts::assignments`]); each assignment lists the words that
//! triggered it.
//!
//! ```
//! let lexicon = debrief_model::TopicLexicon::builtin();
//! let topics = lexicon.assign("Border security and immigration reform: smugglers, visas.", 1, 3);
//! assert_eq!(topics[0].code.0, 9);
//! assert_eq!(topics[0].label, "Immigration");
//! assert_eq!(topics[0].triggers, ["border security", "immigration", "visas"]);
//! ```

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::lexicon::{self, records};
use crate::text::{Word, WordAutomaton, words};
use crate::{Error, TopicAssignment};

/// A Comparative Agendas Project major topic code (1 Macroeconomics … 23 Culture).
///
/// ```
/// assert_eq!(debrief_model::TopicCode(16).label(), Some("Defense"));
/// assert_eq!(debrief_model::TopicCode(11).label(), None);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct TopicCode(pub u8);

/// The CAP master codebook's major topics.
const LABELS: &[(u8, &str)] = &[
    (1, "Macroeconomics"),
    (2, "Civil Rights"),
    (3, "Health"),
    (4, "Agriculture"),
    (5, "Labor"),
    (6, "Education"),
    (7, "Environment"),
    (8, "Energy"),
    (9, "Immigration"),
    (10, "Transportation"),
    (12, "Law and Crime"),
    (13, "Social Welfare"),
    (14, "Housing"),
    (15, "Domestic Commerce"),
    (16, "Defense"),
    (17, "Technology"),
    (18, "Foreign Trade"),
    (19, "International Affairs"),
    (20, "Government Operations"),
    (21, "Public Lands"),
    (23, "Culture"),
];

impl TopicCode {
    /// The topic's name in the CAP master codebook, or `None` for a code it does not use.
    pub fn label(self) -> Option<&'static str> {
        LABELS
            .iter()
            .find(|(code, _)| *code == self.0)
            .map(|(_, label)| *label)
    }

    /// Every major topic of the codebook, in code order.
    ///
    /// ```
    /// assert_eq!(debrief_model::TopicCode::all().count(), 21);
    /// ```
    pub fn all() -> impl Iterator<Item = TopicCode> {
        LABELS.iter().map(|(code, _)| TopicCode(*code))
    }
}

/// A keyword lexicon for CAP major topics, compiled for matching.
#[derive(Debug, Clone)]
pub struct TopicLexicon {
    /// For each pattern: its topic and whether it matches any ending.
    keywords: Vec<(TopicCode, bool)>,
    /// For each pattern: the pattern in ASCII lower case (what a whole-word match of it reads
    /// as, case ignored).
    lower: Vec<String>,
    automaton: Option<WordAutomaton>,
}

static BUILTIN: LazyLock<TopicLexicon> = LazyLock::new(|| {
    TopicLexicon::from_tsv("topics.tsv", lexicon::TOPICS).unwrap_or(TopicLexicon {
        keywords: Vec::new(),
        lower: Vec::new(),
        automaton: None,
    })
});

impl TopicLexicon {
    /// The built-in lexicon (`data/topics.tsv`).
    ///
    /// ```
    /// assert!(debrief_model::TopicLexicon::builtin().len() > 200);
    /// ```
    pub fn builtin() -> &'static TopicLexicon {
        &BUILTIN
    }

    /// A lexicon from a table of `code<TAB>keyword` lines (see the module documentation).
    ///
    /// ```
    /// let lexicon = debrief_model::TopicLexicon::from_tsv("mine", "8\tsolar*\n").unwrap();
    /// assert_eq!(lexicon.assign("Solar panels", 1, 1)[0].code.0, 8);
    /// let err = debrief_model::TopicLexicon::from_tsv("mine", "11\tx\n").unwrap_err();
    /// assert_eq!(err.to_string(), "mine:1: expected a CAP major topic code (1-10, 12-21, 23), found `11`");
    /// ```
    ///
    /// # Errors
    /// [`Error`] naming the line of the first malformed record.
    pub fn from_tsv(table: &str, text: &str) -> Result<TopicLexicon, Error> {
        let mut keywords = Vec::new();
        let mut patterns = Vec::new();
        for (line, fields) in records(table, text, 2, 2)? {
            let code = fields[0]
                .parse::<u8>()
                .ok()
                .map(TopicCode)
                .filter(|c| c.label().is_some())
                .ok_or_else(|| {
                    Error::new(
                        table,
                        line,
                        "a CAP major topic code (1-10, 12-21, 23)",
                        format!("`{}`", fields[0]),
                    )
                })?;
            let (word, prefix) = match fields[1].strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (fields[1], false),
            };
            if word.is_empty() {
                return Err(Error::new(table, line, "a keyword", "an empty field"));
            }
            keywords.push((code, prefix));
            patterns.push(word.to_owned());
        }
        let prefix: Vec<bool> = keywords.iter().map(|(_, prefix)| *prefix).collect();
        let automaton = WordAutomaton::new(&patterns, true, &prefix)
            .ok_or_else(|| Error::new(table, 0, "a buildable automaton", "too many keywords"))?;
        Ok(TopicLexicon {
            keywords,
            lower: patterns.iter().map(|p| p.to_ascii_lowercase()).collect(),
            automaton: Some(automaton),
        })
    }

    /// The automaton of the keywords.
    pub(crate) fn automaton(&self) -> Option<&WordAutomaton> {
        self.automaton.as_ref()
    }

    /// The number of keywords.
    pub fn len(&self) -> usize {
        self.keywords.len()
    }

    /// Whether the lexicon has no keywords.
    ///
    /// ```
    /// assert!(!debrief_model::TopicLexicon::builtin().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.keywords.is_empty()
    }

    /// Adds the keyword occurrences of `text` to `counts`.
    ///
    /// ```
    /// let mut counts = debrief_model::TopicCounts::default();
    /// let lexicon = debrief_model::TopicLexicon::builtin();
    /// lexicon.count("Oil production will peak.", &mut counts);
    /// lexicon.count("Crude oil supply.", &mut counts);
    /// assert_eq!(counts.hits(debrief_model::TopicCode(8)), 2);
    /// ```
    pub fn count(&self, text: &str, counts: &mut TopicCounts) {
        let mut tally = Tally::default();
        self.tally_at(text, &words(text), &mut tally, &mut Vec::new());
        tally.drain_into(self, counts);
    }

    /// Adds the keyword occurrences of `text` to `tally` (see [`Tally`]), given the text's
    /// [`words`] and a buffer for the matches.
    pub(crate) fn tally_at(
        &self,
        text: &str,
        words: &[Word],
        tally: &mut Tally,
        matches: &mut Vec<(std::ops::Range<usize>, usize)>,
    ) {
        self.matches_at(text, words, matches);
        self.tally_matches(text, matches.drain(..), tally);
    }

    /// The keyword matches in `text` (into `matches`, cleared first), given the text's
    /// [`words`]: as (range, pattern), for [`TopicLexicon::tally_matches`].
    pub(crate) fn matches_at(
        &self,
        text: &str,
        words: &[Word],
        matches: &mut Vec<(std::ops::Range<usize>, usize)>,
    ) {
        match &self.automaton {
            Some(automaton) => automaton.matches_into(text, words, matches),
            None => matches.clear(),
        }
    }

    /// Adds the keyword `matches` of `text` (from [`TopicLexicon::matches_at`]) to `tally`.
    pub(crate) fn tally_matches(
        &self,
        text: &str,
        matches: impl IntoIterator<Item = (std::ops::Range<usize>, usize)>,
        tally: &mut Tally,
    ) {
        if self.automaton.is_none() {
            return;
        }
        if tally.hits.len() < self.keywords.len() {
            tally.hits.resize(self.keywords.len(), 0);
        }
        for (range, p) in matches {
            if self.keywords[p].1 {
                tally.add_word(p, &text[range]);
            } else {
                if tally.hits[p] == 0 {
                    tally.touched.push(p);
                }
                tally.hits[p] += 1;
            }
        }
    }

    /// The topics of `text`: see [`TopicCounts::assignments`].
    pub fn assign(&self, text: &str, min_hits: usize, max_topics: usize) -> Vec<TopicAssignment> {
        let mut counts = TopicCounts::default();
        self.count(text, &mut counts);
        counts.assignments(min_hits, max_topics)
    }
}

/// Keyword occurrences of one lexicon counted per pattern, for the many blocks of a section:
/// a hit of a whole-word keyword adds one to a counter, and the [`TopicCounts`] (a map of
/// strings) is written once per section by [`Tally::drain_into`], instead of once per hit
/// (counting the corpus into maps block by block took about 14 instructions a byte of text,
/// a tenth of extraction).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Occurrences of each whole-word pattern, by pattern.
    hits: Vec<usize>,
    /// The patterns whose count is not zero, in order of their first hit.
    touched: Vec<usize>,
    /// Words matched by prefix patterns ("immigra*"): (pattern, word in ASCII lower case,
    /// occurrences).
    words: Vec<(usize, String, usize)>,
}

impl Tally {
    /// Counts `word`, matched by the prefix pattern `p`.
    fn add_word(&mut self, p: usize, word: &str) {
        if let Some(entry) = self
            .words
            .iter_mut()
            .find(|(q, w, _)| *q == p && w.eq_ignore_ascii_case(word))
        {
            entry.2 += 1;
        } else {
            self.words.push((p, word.to_ascii_lowercase(), 1));
        }
    }

    /// Adds these occurrences to another tally of the same lexicon and its counts: the
    /// whole-word hits to `tally`, the words of prefix patterns to `counts` (a tally of a whole
    /// document meets too many different words for a list).
    pub(crate) fn add_to(
        &self,
        lexicon: &TopicLexicon,
        tally: &mut Tally,
        counts: &mut TopicCounts,
    ) {
        if tally.hits.len() < self.hits.len() {
            tally.hits.resize(self.hits.len(), 0);
        }
        for &p in &self.touched {
            if tally.hits[p] == 0 {
                tally.touched.push(p);
            }
            tally.hits[p] += self.hits[p];
        }
        for (p, word, n) in &self.words {
            counts.add_n(lexicon.keywords[*p].0, word, *n);
        }
    }

    /// Adds these occurrences to `counts`, and empties the tally.
    pub(crate) fn drain_into(&mut self, lexicon: &TopicLexicon, counts: &mut TopicCounts) {
        for p in self.touched.drain(..) {
            let n = std::mem::take(&mut self.hits[p]);
            counts.add_n(lexicon.keywords[p].0, &lexicon.lower[p], n);
        }
        for (p, word, n) in self.words.drain(..) {
            counts.add_n(lexicon.keywords[p].0, &word, n);
        }
    }

    /// Empties the tally.
    pub(crate) fn clear(&mut self) {
        for p in self.touched.drain(..) {
            self.hits[p] = 0;
        }
        self.words.clear();
    }

    /// What [`TopicCounts::assignments`] gives for these occurrences, without the map of
    /// every word: the words are gathered only for the topics that are assigned.
    pub(crate) fn assignments(
        &self,
        lexicon: &TopicLexicon,
        min_hits: usize,
        max_topics: usize,
    ) -> Vec<TopicAssignment> {
        let mut by_code = [0usize; 24];
        let hits = self.touched.iter().map(|&p| (p, self.hits[p]));
        let words = self.words.iter().map(|(p, _, n)| (*p, *n));
        for (p, n) in hits.chain(words) {
            by_code[usize::from(lexicon.keywords[p].0.0)] += n;
        }
        let top = by_code.iter().copied().max().unwrap_or(0);
        let mut codes: Vec<(usize, u8)> = (0u8..24)
            .map(|c| (by_code[usize::from(c)], c))
            .filter(|&(hits, _)| hits > 0 && hits >= min_hits.max(1) && hits * 4 >= top)
            .collect();
        codes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        codes.truncate(max_topics);
        codes
            .into_iter()
            .map(|(hits, c)| {
                let code = TopicCode(c);
                // The code's words with their counts, equal words merged (two patterns of one
                // topic may match the same word), most frequent first, ties by word.
                let mut words: Vec<(&str, usize)> = self
                    .touched
                    .iter()
                    .filter(|&&p| lexicon.keywords[p].0 == code)
                    .map(|&p| (lexicon.lower[p].as_str(), self.hits[p]))
                    .chain(
                        self.words
                            .iter()
                            .filter(|(p, _, _)| lexicon.keywords[*p].0 == code)
                            .map(|(_, w, n)| (w.as_str(), *n)),
                    )
                    .collect();
                words.sort_unstable();
                let mut merged: Vec<(&str, usize)> = Vec::with_capacity(words.len());
                for (w, n) in words {
                    match merged.last_mut() {
                        Some(last) if last.0 == w => last.1 += n,
                        _ => merged.push((w, n)),
                    }
                }
                merged.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                TopicAssignment {
                    code,
                    label: code.label().unwrap_or_default().to_owned(),
                    hits,
                    triggers: merged.into_iter().map(|(w, _)| w.to_owned()).collect(),
                }
            })
            .collect()
    }
}

/// Keyword occurrences per topic, with the words that occurred.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicCounts {
    by_code: BTreeMap<TopicCode, (usize, BTreeMap<String, usize>)>,
}

impl TopicCounts {
    /// Adds `n` occurrences of `word` (any case) under `code`.
    fn add_n(&mut self, code: TopicCode, word: &str, n: usize) {
        let entry = self.by_code.entry(code).or_default();
        entry.0 += n;
        // Look the word up before allocating its key: most hits repeat a word already counted.
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..word.len()) {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(lower)
                && let Some(count) = entry.1.get_mut(lower)
            {
                *count += n;
                return;
            }
        }
        *entry.1.entry(word.to_ascii_lowercase()).or_default() += n;
    }

    /// Adds all of `other`'s occurrences to these.
    ///
    /// ```
    /// let lexicon = debrief_model::TopicLexicon::builtin();
    /// let (mut a, mut b) = (debrief_model::TopicCounts::default(), debrief_model::TopicCounts::default());
    /// lexicon.count("oil", &mut a);
    /// lexicon.count("oil", &mut b);
    /// a.merge(&b);
    /// assert_eq!(a.hits(debrief_model::TopicCode(8)), 2);
    /// ```
    pub fn merge(&mut self, other: &TopicCounts) {
        for (code, (hits, words)) in &other.by_code {
            let entry = self.by_code.entry(*code).or_default();
            entry.0 += hits;
            for (w, n) in words {
                *entry.1.entry(w.clone()).or_default() += n;
            }
        }
    }

    /// How many keyword occurrences of `code` were counted.
    pub fn hits(&self, code: TopicCode) -> usize {
        self.by_code.get(&code).map_or(0, |(h, _)| *h)
    }

    /// The topics with at least `min_hits` occurrences and at least a quarter of the top topic's
    /// occurrences, most frequent first (ties by code), at most `max_topics` of them.
    ///
    /// ```
    /// let lexicon = debrief_model::TopicLexicon::builtin();
    /// let mut counts = debrief_model::TopicCounts::default();
    /// lexicon.count("oil, oil, oil, oil, oil and one school", &mut counts);
    /// let topics = counts.assignments(1, 5);
    /// assert_eq!(topics.len(), 1); // education has 1 of the top topic's 5: under a quarter
    /// ```
    pub fn assignments(&self, min_hits: usize, max_topics: usize) -> Vec<TopicAssignment> {
        let top = self.by_code.values().map(|(h, _)| *h).max().unwrap_or(0);
        let mut out: Vec<TopicAssignment> = self
            .by_code
            .iter()
            .filter(|(_, (hits, _))| *hits >= min_hits.max(1) && hits * 4 >= top)
            .map(|(code, (hits, words))| {
                let mut triggers: Vec<(&String, &usize)> = words.iter().collect();
                triggers.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                TopicAssignment {
                    code: *code,
                    label: code.label().unwrap_or_default().to_owned(),
                    hits: *hits,
                    triggers: triggers.into_iter().map(|(w, _)| w.clone()).collect(),
                }
            })
            .collect();
        out.sort_by(|a, b| b.hits.cmp(&a.hits).then(a.code.cmp(&b.code)));
        out.truncate(max_topics);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_covers_every_topic() {
        let lexicon = TopicLexicon::from_tsv("topics.tsv", lexicon::TOPICS).unwrap();
        for code in TopicCode::all() {
            assert!(
                lexicon.keywords.iter().any(|(c, _)| *c == code),
                "no keyword for {code:?}"
            );
        }
    }

    #[test]
    fn whole_words_and_prefixes() {
        let lexicon = TopicLexicon::builtin();
        let mut counts = TopicCounts::default();
        // "oil" inside "toil" and "boiler" is not a match; "immigra*" takes any ending.
        lexicon.count(
            "Toil in the boiler room. Immigrants, IMMIGRATION.",
            &mut counts,
        );
        assert_eq!(counts.hits(TopicCode(8)), 0);
        assert_eq!(counts.hits(TopicCode(9)), 2);
        let topics = counts.assignments(1, 3);
        assert_eq!(topics[0].triggers, ["immigrants", "immigration"]);
    }
}
