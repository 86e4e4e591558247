//! Actors and institutions: a gazetteer matched with Aho–Corasick (leftmost-longest, whole
//! words), plus patterns for office-holders and administrations.
//!
//! The built-in gazetteer (`data/actors.tsv`, `data/countries.tsv`) holds U.S. federal
//! departments and their components, Congress and its committees and agencies, the Executive
//! Office of the President, independent agencies, combatant commands, international bodies and
//! the world's governments, each with a normalised name and aliases ("DHS" ↔ "Department of
//! Homeland Security"). Country rows generate "the Mexican government", "Mexican authorities",
//! "Mexico's armed forces" and similar forms. Patterns add what no list can hold:
//! "the Secretary of X" (and "the Secretaries of X and Y"), "the Director of X", "the
//! Director, X", and "the X Administration".
//!
//! ```
//! let g = debrief_model::Gazetteer::builtin();
//! let text = "The Secretary of Energy and DHS met Mexico’s armed forces.";
//! let hits = g.find(text);
//! let names: Vec<&str> = hits.iter().map(|h| h.name.as_ref()).collect();
//! assert_eq!(
//!     names,
//!     ["Secretary of Energy", "Department of Homeland Security", "Mexican armed forces"]
//! );
//! ```

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{self, alternatives, records};
use crate::text::{
    Word, WordAutomaton, head_bytes, is_all_caps, is_capitalised, overlaps, slug, tail_bytes,
    tokenize, words,
};
use crate::{ActorKind, Error};

/// A list of actors and the names they go by, compiled for fast matching.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// For each automaton pattern: what it names, and the acronym it is, if any.
    patterns: Vec<(PatternTarget, Option<usize>)>,
    /// One automaton for names, office titles and known acronyms, so that a text is read once.
    /// `None` for an empty gazetteer.
    automaton: Option<WordAutomaton>,
    /// "Energy" → the entry of "Department of Energy", longest first.
    departments: Vec<(String, usize)>,
    /// Acronyms known without a definition: (short, long), from the all-caps aliases and
    /// `data/acronyms.tsv`.
    acronyms: Vec<(String, String)>,
}

/// A known acronym used in a text: its range, short form and long form.
pub(crate) type KnownAcronym<'g> = (Range<usize>, &'g str, &'g str);

/// What a pattern of the gazetteer's automaton stands for.
#[derive(Debug, Clone, Copy)]
enum PatternTarget {
    /// A name or alias of an entry.
    Entry(usize),
    /// An office title ("Secretary", "Director") that opens a pattern.
    Title,
    /// Only an acronym known without definition ("GDP").
    Acronym,
}

/// What one reading of a text found: names (with blockers), titles, known acronyms. Kept
/// from block to block by extraction, so that its lists are allocated once.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    raw: Vec<(Range<usize>, usize)>,
    titles: Vec<Range<usize>>,
    acronyms: Vec<(Range<usize>, usize)>,
}

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    name: String,
    /// `None` for place names that only block a shorter match ("Gulf of Mexico").
    kind: Option<ActorKind>,
    parent: Option<String>,
}

/// One actor named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorHit<'g> {
    /// The byte range of the words in the text.
    pub range: Range<usize>,
    /// The actor's id (`dhs`, `secretary-of-energy`, `obama-administration`).
    pub id: Cow<'g, str>,
    /// The normalised name.
    pub name: Cow<'g, str>,
    /// What kind of actor.
    pub kind: ActorKind,
    /// The id of the body it belongs to.
    pub parent: Option<Cow<'g, str>>,
}

/// A kind in the table: an actor kind, or `none` for a place name that only blocks a shorter
/// match.
enum TableKind {
    Actor(ActorKind),
    Blocker,
}

fn parse_kind(s: &str) -> Option<TableKind> {
    Some(TableKind::Actor(match s {
        "government" => ActorKind::Government,
        "legislature" => ActorKind::Legislature,
        "committee" => ActorKind::Committee,
        "department" => ActorKind::Department,
        "agency" => ActorKind::Agency,
        "military" => ActorKind::Military,
        "office" => ActorKind::Office,
        "court" => ActorKind::Court,
        "international" => ActorKind::International,
        "public" => ActorKind::Public,
        "none" => return Some(TableKind::Blocker),
        _ => return None,
    }))
}

const KINDS: &str = "an actor kind (government, legislature, committee, department, agency, \
                     military, office, court, international, public)";

/// Builds the automaton from (entry, surface form) pairs.
#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    surfaces: Vec<String>,
    pattern_entry: Vec<usize>,
    acronyms: Vec<(String, String)>,
}

impl Builder {
    fn add_surface(&mut self, entry: usize, surface: &str) {
        let mut push = |s: String| {
            self.surfaces.push(s);
            self.pattern_entry.push(entry);
        };
        push(surface.to_owned());
        // Sentence-initial variants of lower-case aliases ("federal agencies" → "Federal
        // agencies", "the House" → "The House").
        let mut chars = surface.chars();
        if let Some(first) = chars.next()
            && first.is_lowercase()
        {
            push(first.to_uppercase().chain(chars).collect());
        }
    }

    fn add_actors(&mut self, table: &str, text: &str) -> Result<(), Error> {
        for (line, fields) in records(table, text, 3, 5)? {
            let kind = match parse_kind(fields[1])
                .ok_or_else(|| Error::new(table, line, KINDS, format!("`{}`", fields[1])))?
            {
                TableKind::Actor(k) => Some(k),
                TableKind::Blocker => None,
            };
            let name = fields[2];
            if name.is_empty() {
                return Err(Error::new(
                    table,
                    line,
                    "a name in field 3",
                    "an empty field",
                ));
            }
            let entry = self.entries.len();
            self.entries.push(Entry {
                id: fields[0].to_owned(),
                name: name.to_owned(),
                kind,
                parent: fields
                    .get(4)
                    .filter(|p| !p.is_empty())
                    .map(|p| (*p).to_owned()),
            });
            self.add_surface(entry, name);
            for alias in alternatives(fields.get(3).copied().unwrap_or_default()) {
                self.add_surface(entry, alias);
                if kind.is_some() && !alias.contains(' ') && is_all_caps(alias) {
                    self.acronyms.push((alias.to_owned(), name.to_owned()));
                }
            }
        }
        Ok(())
    }

    fn add_countries(&mut self, table: &str, text: &str) -> Result<(), Error> {
        const GOVERNMENT: &[&str] = &[
            "government",
            "Government",
            "authorities",
            "officials",
            "leaders",
            "leadership",
            "regime",
        ];
        const FORCES: &[&str] = &[
            "armed forces",
            "military",
            "army",
            "navy",
            "air force",
            "security forces",
        ];
        for (_, fields) in records(table, text, 2, 4)? {
            let id = fields[0];
            let name = fields[1];
            let demonyms: Vec<&str> =
                alternatives(fields.get(3).copied().unwrap_or_default()).collect();
            let country = self.entries.len();
            self.entries.push(Entry {
                id: id.to_owned(),
                name: name.to_owned(),
                kind: Some(ActorKind::Government),
                parent: None,
            });
            let mut names = vec![name];
            names.extend(alternatives(fields.get(2).copied().unwrap_or_default()));
            for n in &names {
                if !n.contains(' ') && is_all_caps(n) {
                    self.acronyms.push(((*n).to_owned(), name.to_owned()));
                }
                self.add_surface(country, n);
                self.add_surface(country, &format!("Government of {n}"));
                self.add_surface(country, &format!("government of {n}"));
            }
            for d in &demonyms {
                for g in GOVERNMENT {
                    self.add_surface(country, &format!("{d} {g}"));
                }
            }
            let forces_name = demonyms.first().map_or_else(
                || format!("{name} armed forces"),
                |d| format!("{d} armed forces"),
            );
            let forces = self.entries.len();
            self.entries.push(Entry {
                id: format!("{id}-armed-forces"),
                name: forces_name,
                kind: Some(ActorKind::Military),
                parent: Some(id.to_owned()),
            });
            for f in FORCES {
                for d in &demonyms {
                    self.add_surface(forces, &format!("{d} {f}"));
                }
                for n in &names {
                    self.add_surface(forces, &format!("{n}'s {f}"));
                    self.add_surface(forces, &format!("{n}’s {f}"));
                }
            }
        }
        Ok(())
    }

    fn add_acronyms(&mut self, table: &str, text: &str) -> Result<(), Error> {
        for (_, fields) in records(table, text, 2, 2)? {
            self.acronyms
                .push((fields[0].to_owned(), fields[1].to_owned()));
        }
        Ok(())
    }

    fn build(mut self) -> Result<Gazetteer, Error> {
        self.acronyms.sort();
        self.acronyms.dedup_by(|a, b| a.0 == b.0);
        let acronym_index: std::collections::HashMap<&str, usize> = self
            .acronyms
            .iter()
            .enumerate()
            .map(|(i, (s, _))| (s.as_str(), i))
            .collect();
        let mut surfaces = std::mem::take(&mut self.surfaces);
        let mut patterns: Vec<(PatternTarget, Option<usize>)> = self
            .pattern_entry
            .iter()
            .zip(&surfaces)
            .map(|(e, s)| {
                (
                    PatternTarget::Entry(*e),
                    acronym_index.get(s.as_str()).copied(),
                )
            })
            .collect();
        for title in TITLES {
            surfaces.push((*title).to_owned());
            patterns.push((PatternTarget::Title, None));
        }
        let known: std::collections::HashSet<&str> = surfaces.iter().map(String::as_str).collect();
        let mut only: Vec<(String, usize)> = Vec::new();
        for (i, (short, _)) in self.acronyms.iter().enumerate() {
            if !known.contains(short.as_str()) {
                only.push((short.clone(), i));
            }
        }
        for (short, i) in only {
            surfaces.push(short);
            patterns.push((PatternTarget::Acronym, Some(i)));
        }
        let automaton = WordAutomaton::new(&surfaces, false, &[])
            .ok_or_else(|| Error::new("gazetteer", 0, "a buildable automaton", "too many names"))?;
        let mut departments: Vec<(String, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Some(ActorKind::Department))
            .filter_map(|(i, e)| {
                e.name
                    .strip_prefix("Department of ")
                    .map(|s| (s.to_owned(), i))
            })
            .collect();
        departments.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        Ok(Gazetteer {
            entries: self.entries,
            patterns,
            automaton: Some(automaton),
            departments,
            acronyms: self.acronyms,
        })
    }
}

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut b = Builder::default();
    let built = b
        .add_actors("actors.tsv", lexicon::ACTORS)
        .and_then(|()| b.add_countries("countries.tsv", lexicon::COUNTRIES))
        .and_then(|()| b.add_acronyms("acronyms.tsv", lexicon::ACRONYMS))
        .and_then(|()| b.build());
    // The built-in tables are checked by the tests; an error here cannot happen in a release.
    built.unwrap_or_else(|_| Gazetteer::empty())
});

/// Titles of office-holders matched by pattern, with whether "of" may be replaced by a comma
/// ("the Director, U.S. Citizenship and Immigration Services").
const TITLES: &[&str] = &[
    "Secretaries",
    "Secretary",
    "Director",
    "Administrator",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Comptroller General",
    "Inspector General",
    "Administration",
];

/// Words that may precede a title and belong to it ("Deputy Secretary").
const TITLE_PREFIXES: &[&str] = &[
    "Deputy",
    "Under",
    "Assistant",
    "Acting",
    "Principal",
    "Executive",
];

impl Gazetteer {
    fn empty() -> Self {
        Gazetteer {
            entries: Vec::new(),
            patterns: Vec::new(),
            automaton: None,
            departments: Vec::new(),
            acronyms: Vec::new(),
        }
    }

    /// The built-in gazetteer, compiled once.
    ///
    /// ```
    /// let g = debrief_model::Gazetteer::builtin();
    /// assert!(g.len() > 300);
    /// ```
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// A gazetteer from a table in the format of `data/actors.tsv` (id, kind, name, aliases
    /// separated by `|`, parent id; tab-separated), followed by the built-in countries.
    ///
    /// ```
    /// let tsv = "mof\tdepartment\tMinistry of Finance\tMoF|Finance Ministry\t\n";
    /// let g = debrief_model::Gazetteer::from_tsv("mine.tsv", tsv).unwrap();
    /// let hits = g.find("The MoF and Canada agreed.");
    /// assert_eq!(hits[0].name, "Ministry of Finance");
    /// assert_eq!(hits[1].name, "Canada");
    /// ```
    ///
    /// # Errors
    /// [`Error`] naming the line of the first malformed record.
    pub fn from_tsv(table: &str, text: &str) -> Result<Gazetteer, Error> {
        let mut b = Builder::default();
        b.add_actors(table, text)?;
        b.add_countries("countries.tsv", lexicon::COUNTRIES)?;
        b.add_acronyms("acronyms.tsv", lexicon::ACRONYMS)?;
        b.build()
    }

    /// The built-in tables with the actors of `text` (in the format of [`Gazetteer::from_tsv`])
    /// added; an added alias that equals a built-in one wins the tie by coming later.
    ///
    /// ```
    /// let g = debrief_model::Gazetteer::builtin_with("extra", "best\tagency\tBEST teams\t\t").unwrap();
    /// assert_eq!(g.find("BEST teams and DHS")[0].id, "best");
    /// ```
    ///
    /// # Errors
    /// [`Error`] naming the line of the first malformed record.
    pub fn builtin_with(table: &str, text: &str) -> Result<Gazetteer, Error> {
        let mut b = Builder::default();
        b.add_actors("actors.tsv", lexicon::ACTORS)?;
        b.add_countries("countries.tsv", lexicon::COUNTRIES)?;
        b.add_acronyms("acronyms.tsv", lexicon::ACRONYMS)?;
        b.add_actors(table, text)?;
        b.build()
    }

    /// The automaton of names, titles and known acronyms.
    pub(crate) fn automaton(&self) -> Option<&WordAutomaton> {
        self.automaton.as_ref()
    }

    /// The number of actors.
    pub fn len(&self) -> usize {
        self.entries.iter().filter(|e| e.kind.is_some()).count()
    }

    /// Whether the gazetteer has no actors.
    ///
    /// ```
    /// assert!(!debrief_model::Gazetteer::builtin().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The canonical name and kind of the actor with this id.
    ///
    /// ```
    /// use debrief_model::ActorKind;
    /// let g = debrief_model::Gazetteer::builtin();
    /// assert_eq!(g.lookup("dhs"), Some(("Department of Homeland Security", ActorKind::Department)));
    /// ```
    pub fn lookup(&self, id: &str) -> Option<(&str, ActorKind)> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| Some((e.name.as_str(), e.kind?)))
    }

    /// Acronyms used in `text` that the gazetteer knows without a definition, as (range,
    /// short, long), in order.
    ///
    /// ```
    /// let g = debrief_model::Gazetteer::builtin();
    /// let text = "DHS and CBP reported GDP";
    /// let found: Vec<(&str, &str)> = g.known_acronyms(text).map(|(_, s, l)| (s, l)).collect();
    /// assert_eq!(found, [
    ///     ("DHS", "Department of Homeland Security"),
    ///     ("CBP", "U.S. Customs and Border Protection"),
    ///     ("GDP", "gross domestic product"),
    /// ]);
    /// ```
    pub fn known_acronyms<'s, 't>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = (Range<usize>, &'s str, &'s str)> + use<'s, 't> {
        let mut scan = Scan::default();
        self.scan(text, &words(text), &mut Vec::new(), &mut scan);
        scan.acronyms.into_iter().map(move |(range, a)| {
            let (short, long) = &self.acronyms[a];
            (range, short.as_str(), long.as_str())
        })
    }

    /// Reads `text` once into `scan` (cleared first): names, office titles and known
    /// acronyms. `words` are its [`words`].
    fn scan(
        &self,
        text: &str,
        words: &[Word],
        matches: &mut Vec<(Range<usize>, usize)>,
        scan: &mut Scan,
    ) {
        scan.raw.clear();
        scan.titles.clear();
        scan.acronyms.clear();
        let Some(automaton) = &self.automaton else {
            return;
        };
        automaton.matches_into(text, words, matches);
        for (range, pattern) in matches.drain(..) {
            let (target, acronym) = self.patterns[pattern];
            if let Some(a) = acronym {
                scan.acronyms.push((range.clone(), a));
            }
            match target {
                PatternTarget::Entry(e) => {
                    // A generic alias that is also a title ("Administration", "Inspector
                    // General") may open a pattern ("the Obama Administration").
                    if TITLES.contains(&&text[range.clone()]) {
                        scan.titles.push(range.clone());
                    }
                    scan.raw.push((range, e));
                }
                PatternTarget::Title => scan.titles.push(range),
                PatternTarget::Acronym => {}
            }
        }
    }

    /// The actors named in `text` (see [`Gazetteer::find`]), from one reading of the text into
    /// `scan`, which keeps the known acronyms it uses for [`Gazetteer::acronyms_of`]; `words` are
    /// its [`words`] (at least those a name may start at), `matches` a buffer.
    pub(crate) fn find_with_acronyms<'g>(
        &'g self,
        text: &str,
        words: &[Word],
        matches: &mut Vec<(Range<usize>, usize)>,
        scan: &mut Scan,
    ) -> Vec<ActorHit<'g>> {
        self.scan(text, words, matches, scan);
        self.resolve(text, scan)
    }

    /// The known acronyms (see [`Gazetteer::known_acronyms`]) of the last text read into `scan`.
    pub(crate) fn acronyms_of<'g>(&'g self, scan: &Scan) -> impl Iterator<Item = KnownAcronym<'g>> {
        scan.acronyms.iter().map(|(range, a)| {
            let (short, long) = &self.acronyms[*a];
            (range.clone(), short.as_str(), long.as_str())
        })
    }

    fn hit(&self, entry: usize, range: Range<usize>) -> Option<ActorHit<'_>> {
        let e = &self.entries[entry];
        Some(ActorHit {
            range,
            id: Cow::Borrowed(&e.id),
            name: Cow::Borrowed(&e.name),
            kind: e.kind?,
            parent: e.parent.as_deref().map(Cow::Borrowed),
        })
    }

    /// The actors named in `text`, in order, without overlaps (the longest name wins).
    ///
    /// ```
    /// let g = debrief_model::Gazetteer::builtin();
    /// let text = "As the second Obama Administration, Congress, and the American people look on";
    /// let hits = g.find(text);
    /// let ids: Vec<&str> = hits.iter().map(|h| h.id.as_ref()).collect();
    /// assert_eq!(ids, ["obama-administration", "congress", "american-people"]);
    /// ```
    pub fn find<'g>(&'g self, text: &str) -> Vec<ActorHit<'g>> {
        let mut scan = Scan::default();
        self.scan(text, &words(text), &mut Vec::new(), &mut scan);
        self.resolve(text, &scan)
    }

    /// The actors of a scan: names (place-name blockers dropped) and office patterns.
    fn resolve<'g>(&'g self, text: &str, scan: &Scan) -> Vec<ActorHit<'g>> {
        let raw = &scan.raw;
        let mut hits: Vec<ActorHit<'g>> = Vec::with_capacity(raw.len());
        for (range, entry) in raw {
            if let Some(hit) = self.hit(*entry, range.clone()) {
                hits.push(hit);
            }
        }
        let patterns = self.patterns(text, raw, &scan.titles);
        if !patterns.is_empty() {
            hits.retain(|h| !patterns.iter().any(|p| overlaps(&p.range, &h.range)));
            hits.extend(patterns);
            hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
            // Hits never overlap: the first (and longest) of overlapping ones wins.
            let mut end = 0;
            hits.retain(|h| {
                let keep = h.range.start >= end;
                if keep {
                    end = h.range.end;
                }
                keep
            });
        }
        hits
    }

    /// Office-holders and administrations found by pattern.
    ///
    /// A longer name that contains a title ("Federal Aviation Administration", "Office of the
    /// Director of National Intelligence") was matched instead of it by the leftmost-longest
    /// scan, so every title here stands on its own.
    fn patterns<'g>(
        &'g self,
        text: &str,
        raw: &[(Range<usize>, usize)],
        titles: &[Range<usize>],
    ) -> Vec<ActorHit<'g>> {
        let mut out: Vec<ActorHit<'g>> = Vec::new();
        for range in titles {
            let range = range.clone();
            if out.iter().any(|h| overlaps(&h.range, &range)) {
                continue;
            }
            let title = &text[range.clone()];
            let found = if title == "Administration" {
                administration(text, range).into_iter().collect()
            } else {
                self.office(text, range, title, raw)
            };
            for hit in found {
                if !out.iter().any(|h| overlaps(&h.range, &hit.range)) {
                    out.push(hit);
                }
            }
        }
        out
    }

    /// "the Secretary of Energy", "the Secretaries of Education and Health and Human Services",
    /// "the Director of OMB", "the Director, U.S. Citizenship and Immigration Services".
    fn office<'g>(
        &'g self,
        text: &str,
        title_range: Range<usize>,
        title: &str,
        raw: &[(Range<usize>, usize)],
    ) -> Vec<ActorHit<'g>> {
        let mut start = title_range.start;
        let mut prefix = String::new();
        // "Deputy Secretary", "Under Secretary".
        let before = &text[..start];
        let trimmed = before.trim_end();
        if let Some(word) = trimmed.rsplit(char::is_whitespace).next()
            && TITLE_PREFIXES.contains(&word)
            && trimmed.len() < before.len()
        {
            start = trimmed.len() - word.len();
            prefix = format!("{word} ");
        }
        let rest = &text[title_range.end..];
        let (sep_len, of) = if rest.starts_with(" of the ") {
            (" of ".len(), true)
        } else if rest.starts_with(" of ") {
            (4, true)
        } else if rest.starts_with(", ") && title != "Secretary" && title != "Secretaries" {
            (2, false)
        } else {
            return Vec::new();
        };
        let singular = if title == "Secretaries" {
            "Secretary"
        } else {
            title
        };
        let mut out = Vec::new();
        let mut at = title_range.end + sep_len;
        while let Some((end, target)) = self.office_target(text, at, raw, singular, of) {
            let (target_id, target_name, parent) = match target {
                Target::Entry(i) => {
                    let e = &self.entries[i];
                    (e.id.clone(), with_article(&e.name, of), Some(e.id.clone()))
                }
                Target::Department(short, i) => (
                    self.entries[i].id.clone(),
                    short,
                    Some(self.entries[i].id.clone()),
                ),
                Target::Words(words) => (slug(&words), words, None),
            };
            let name = if of || singular == "Secretary" {
                let target_name = target_name
                    .strip_prefix("Department of ")
                    .map_or(target_name.clone(), str::to_owned);
                format!("{prefix}{singular} of {target_name}")
            } else {
                format!("{prefix}{singular}, {target_name}")
            };
            let id = if singular == "Secretary" {
                slug(&name)
            } else {
                format!("{}-{target_id}", slug(&format!("{prefix}{singular}")))
            };
            let hit_start = if out.is_empty() { start } else { at };
            out.push(ActorHit {
                range: hit_start..end,
                id: Cow::Owned(id),
                name: Cow::Owned(name),
                kind: ActorKind::Office,
                parent: parent.map(Cow::Owned),
            });
            // "Secretaries of Education and Health and Human Services": another department.
            if title != "Secretaries" {
                break;
            }
            let more = &text[end..];
            let skip = [", and ", " and ", ", "]
                .iter()
                .find(|s| more.starts_with(*s))
                .map(|s| s.len());
            match skip {
                Some(n) => at = end + n,
                None => break,
            }
        }
        out
    }

    fn office_target(
        &self,
        text: &str,
        at: usize,
        raw: &[(Range<usize>, usize)],
        title: &str,
        of: bool,
    ) -> Option<(usize, Target)> {
        let rest = text.get(at..)?;
        if title == "Secretary" {
            for (short, i) in &self.departments {
                if let Some(after) = rest.strip_prefix(short.as_str())
                    && !after.chars().next().is_some_and(char::is_alphanumeric)
                {
                    return Some((at + short.len(), Target::Department(short.clone(), *i)));
                }
            }
        }
        // A gazetteer name starting right here ("OMB", "U.S. Citizenship and Immigration
        // Services", "the Census Bureau").
        let skip_the = if rest.starts_with("the ") { 4 } else { 0 };
        if let Some((r, e)) = raw.iter().find(|(r, _)| r.start == at + skip_the)
            && self.entries[*e].kind.is_some()
        {
            return Some((r.end, Target::Entry(*e)));
        }
        // Otherwise a run of capitalised words ("National Intelligence"), but not after a comma
        // ("Bernice Steinhardt, Director, Strategic Issues" names no actor).
        if !of {
            return None;
        }
        let mut end = at;
        let mut words = Vec::new();
        let rest = head_bytes(rest, 160);
        for tok in tokenize(rest) {
            let w = tok.text(rest);
            if tok.word && is_capitalised(w) {
                words.push(w);
                end = at + tok.end;
            } else if !(tok.word && matches!(w, "of" | "and" | "for") && !words.is_empty()) {
                break;
            }
        }
        if words.is_empty() {
            return None;
        }
        Some((end, Target::Words(text[at..end].to_owned())))
    }
}

/// "Office of Management and Budget" → "the Office of Management and Budget" after "of".
fn with_article(name: &str, of: bool) -> String {
    const COMMON: &[&str] = &[
        "Office",
        "Department",
        "Bureau",
        "Council",
        "Agency",
        "Commission",
        "Centers",
        "Administration",
        "Service",
    ];
    let first = name.split(' ').next().unwrap_or_default();
    if of && COMMON.contains(&first) {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

enum Target {
    Entry(usize),
    Department(String, usize),
    Words(String),
}

/// "the Obama Administration", "the second Trump Administration": capitalised name words
/// before "Administration".
fn administration(text: &str, range: Range<usize>) -> Option<ActorHit<'static>> {
    // A name is a few words: look at most 120 bytes back.
    let (base, before) = tail_bytes(&text[..range.start], 120);
    let tokens = tokenize(before);
    let mut name_start = None;
    for tok in tokens.iter().rev() {
        let w = tok.text(before);
        if tok.word
            && is_capitalised(w)
            && !matches!(w, "The" | "This" | "That" | "An" | "A" | "Administration")
        {
            name_start = Some(tok.start);
        } else {
            break;
        }
    }
    let start = name_start?;
    let name_words = before[start..].trim_end();
    let start = base + start;
    let name = format!("{name_words} Administration");
    Some(ActorHit {
        range: start..range.end,
        id: Cow::Owned(slug(&name)),
        name: Cow::Owned(name),
        kind: ActorKind::Office,
        parent: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        Gazetteer::builtin()
            .find(text)
            .into_iter()
            .map(|h| h.id.into_owned())
            .collect()
    }

    #[test]
    fn builtin_tables_parse() {
        let mut b = Builder::default();
        b.add_actors("actors.tsv", lexicon::ACTORS).unwrap();
        b.add_countries("countries.tsv", lexicon::COUNTRIES)
            .unwrap();
        b.add_acronyms("acronyms.tsv", lexicon::ACRONYMS).unwrap();
        let g = b.build().unwrap();
        assert!(g.len() > 300, "{}", g.len());
    }

    #[test]
    fn longest_match_and_aliases() {
        assert_eq!(ids("U.S. Northern Command"), ["northcom"]);
        assert_eq!(ids("the U.S. and DHS"), ["us", "dhs"]);
        assert_eq!(
            ids("the Department of Homeland Security (DHS)"),
            ["dhs", "dhs"]
        );
        assert_eq!(ids("the Border Patrol"), ["border-patrol"]);
        assert_eq!(ids("Congressional Research Service"), ["crs"]);
        assert_eq!(ids("the Gulf of Mexico"), Vec::<String>::new());
        assert_eq!(
            ids("the Mexican government and Mexican authorities"),
            ["mexico", "mexico"]
        );
        assert_eq!(ids("USCIS’ planned actions"), ["uscis"]);
    }

    #[test]
    fn offices_and_administrations() {
        let g = Gazetteer::builtin();
        let hits = g.find("the Secretaries of Education and Health and Human Services");
        let names: Vec<&str> = hits.iter().map(|h| h.name.as_ref()).collect();
        assert_eq!(
            names,
            [
                "Secretary of Education",
                "Secretary of Health and Human Services"
            ]
        );
        assert_eq!(hits[1].parent.as_deref(), Some("hhs"));
        let hits =
            g.find("We recommend that the Director, U.S. Citizenship and Immigration Services:");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].id, "director-uscis");
        assert_eq!(
            hits[0].name,
            "Director, U.S. Citizenship and Immigration Services"
        );
        let hits = g.find("GAO recommends that the Director of OMB work with agencies");
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_ref()).collect();
        assert_eq!(ids, ["gao", "director-omb", "federal-agencies"]);
        assert_eq!(ids_of(g, "the Federal Aviation Administration"), ["faa"]);
        assert_eq!(
            ids_of(g, "The Administration and Congress"),
            ["administration", "congress"]
        );
        assert_eq!(
            ids_of(g, "the Secretary of the Interior"),
            ["secretary-of-the-interior"]
        );
    }

    fn ids_of(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text)
            .into_iter()
            .map(|h| h.id.into_owned())
            .collect()
    }

    #[test]
    fn malformed_tables_are_errors_with_lines() {
        let err = Gazetteer::from_tsv("t", "# ok\na\tagency\n").unwrap_err();
        assert_eq!(err.line(), 2);
        let err = Gazetteer::from_tsv("t", "a\tagency\t\t\n").unwrap_err();
        assert!(err.to_string().contains("a name in field 3"), "{err}");
    }
}
