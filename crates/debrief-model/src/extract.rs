//! `extract`: a parsed document → a [`Brief`].
//!
//! Three passes over the blocks, each linear in the text:
//! 1. sentences (every block) and acronym definitions (Schwartz–Hearst);
//! 2. actors (the gazetteer, plus institutions the document itself defines: "Nonprofit Security
//!    Grant Program (NSGP)", "Border Enforcement Security Task Force (BEST)"), programs,
//!    quantities per sentence, topic counts per section;
//! 3. recommendations (see the `recommend` module), then topics per recommendation, per
//!    section and for the document, and the acronyms used without definition.
//!
//! Every span is computed with [`Block::source_span`](debrief_parser::Block::source_span), so
//! it is a byte range of the original input even where the parser repaired the text.

use std::collections::HashMap;
use std::ops::Range;

use debrief_parser::{BlockKind, Document, Span};

use crate::recommend::{BlockData, Hit, Walker};
use crate::text::{overlaps, slug, squash, word_automaton, word_matches};
use crate::{
    Acronym, AcronymSource, Actor, ActorKind, Brief, Gazetteer, Mention, Phrase, Program,
    ProgramKind, Quantity, Sentence, TopicCounts, TopicLexicon, acronym_definitions, programs,
    quantities, sections, sentences,
};

/// What [`extract_with`] uses: the gazetteer of actors and the topic lexicon.
///
/// ```
/// let tsv = "best\tagency\tBorder Enforcement Security Task Force\tBEST\tice\n";
/// let gazetteer = debrief_model::Gazetteer::builtin_with("mine.tsv", tsv).unwrap();
/// let options = debrief_model::ExtractOptions::default().gazetteer(&gazetteer);
/// let doc = debrief_parser::parse("BEST teams should share data.\n");
/// let brief = debrief_model::extract_with(&doc, &options);
/// assert_eq!(brief.recommendations[0].actors[0].id, "best");
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ExtractOptions<'g> {
    /// The actors to look for.
    pub gazetteer: &'g Gazetteer,
    /// The topic lexicon.
    pub topics: &'g TopicLexicon,
}

impl Default for ExtractOptions<'static> {
    fn default() -> Self {
        ExtractOptions {
            gazetteer: Gazetteer::builtin(),
            topics: TopicLexicon::builtin(),
        }
    }
}

impl<'g> ExtractOptions<'g> {
    /// Use `gazetteer` instead of the built-in one.
    #[must_use]
    pub fn gazetteer<'h>(self, gazetteer: &'h Gazetteer) -> ExtractOptions<'h>
    where
        'g: 'h,
    {
        ExtractOptions {
            gazetteer,
            topics: self.topics,
        }
    }

    /// Use `topics` instead of the built-in lexicon.
    ///
    /// ```
    /// let topics = debrief_model::TopicLexicon::from_tsv("t", "8\tsolar*\n").unwrap();
    /// let options = debrief_model::ExtractOptions::default().topics(&topics);
    /// let doc = debrief_parser::parse("Solar power, solar panels and solar farms.\n");
    /// let brief = debrief_model::extract_with(&doc, &options);
    /// assert_eq!(brief.topics[0].code.0, 8);
    /// ```
    #[must_use]
    pub fn topics<'h>(self, topics: &'h TopicLexicon) -> ExtractOptions<'h>
    where
        'g: 'h,
    {
        ExtractOptions {
            gazetteer: self.gazetteer,
            topics,
        }
    }
}

/// Extracts the recommendations, actors, programs, quantities and topics of a parsed
/// document, with the built-in gazetteer and topic lexicon. Never fails and never panics.
///
/// ```
/// let src = "What the U.S. Should Do\n\nCongress therefore should work to strengthen incentives.\n";
/// let doc = debrief_parser::parse(src);
/// let brief = debrief_model::extract(&doc);
/// let rec = &brief.recommendations[0];
/// assert_eq!(rec.actors[0].name, "Congress");
/// assert_eq!(rec.action.as_ref().unwrap().verb, "strengthen");
/// assert_eq!(rec.span.slice(src), Some("Congress therefore should work to strengthen incentives."));
/// ```
pub fn extract(doc: &Document<'_>) -> Brief {
    extract_with(doc, &ExtractOptions::default())
}

/// [`extract`] with a gazetteer and topic lexicon of your choice.
pub fn extract_with(doc: &Document<'_>, options: &ExtractOptions<'_>) -> Brief {
    let mut sections = sections(doc);
    let mut block_section = vec![0; doc.blocks.len()];
    for (s, section) in sections.iter().enumerate() {
        for b in section.blocks.clone() {
            if let Some(slot) = block_section.get_mut(b) {
                *slot = s;
            }
        }
    }

    // Pass 1: sentences and acronym definitions.
    let mut brief = Brief::default();
    let mut block_sentences: Vec<Vec<Range<usize>>> = Vec::with_capacity(doc.blocks.len());
    let mut defined = Defined::default();
    for (b, block) in doc.blocks.iter().enumerate() {
        let ranges = sentences(&block.text);
        for r in &ranges {
            brief.sentences.push(Sentence {
                block: b,
                range: r.clone(),
                span: block.source_span(r.clone()),
            });
        }
        for d in acronym_definitions(&block.text) {
            defined.add(b, &block.text, d.short, d.long, block.source_span(d.whole));
        }
        block_sentences.push(ranges);
    }

    // Pass 2: actors, programs, quantities, topic counts.
    let mut actors = ActorTable::default();
    let mut programs_table = ProgramTable::default();
    let mut section_counts = vec![TopicCounts::default(); sections.len()];
    let defined_automaton = defined.automaton();
    let mut term_counts = vec![0usize; defined.terms.len()];
    let mut blocks: Vec<BlockData> = Vec::with_capacity(doc.blocks.len());
    for (b, block) in doc.blocks.iter().enumerate() {
        let text: &str = &block.text;
        let ranges = std::mem::take(&mut block_sentences[b]);
        let sentence_span = |pos: usize| -> Span {
            let k = ranges.partition_point(|r| r.end <= pos);
            ranges
                .get(k)
                .map_or(block.span, |r| block.source_span(r.clone()))
        };
        let mention = |range: Range<usize>| Mention {
            text: squash(&text[range.clone()]),
            span: block.source_span(range.clone()),
            sentence: sentence_span(range.start),
        };
        // Actors from the gazetteer, then the document's own definitions where nothing else
        // matched.
        let mut hits: Vec<Hit> = Vec::new();
        for h in options.gazetteer.find(text) {
            let a = actors.intern(&h.id, &h.name, h.kind, h.parent.as_deref());
            actors.list[a].mentions.push(mention(h.range.clone()));
            hits.push(Hit {
                range: h.range,
                actor: a,
            });
        }
        let mut program_hits: Vec<(Range<usize>, usize)> = Vec::new();
        if let Some(automaton) = &defined_automaton {
            for (range, p) in word_matches(automaton, text, |_| false) {
                if defined.terms[p].is_short {
                    term_counts[p] += 1;
                }
                if hits.iter().any(|h| overlaps(&h.range, &range)) {
                    continue;
                }
                let term = &defined.terms[p];
                match term.target {
                    Target::Actor => {
                        let a = actors.intern(&slug(&term.long), &term.long, ActorKind::Agency, None);
                        actors.list[a].mentions.push(mention(range.clone()));
                        hits.push(Hit { range, actor: a });
                    }
                    Target::Program(kind) => {
                        let p = programs_table.intern(&term.long, kind, true);
                        programs_table.list[p].acronym = Some(term.short.clone());
                        programs_table.list[p].mentions.push(mention(range.clone()));
                        program_hits.push((range, p));
                    }
                    Target::None => {}
                }
            }
            hits.sort_by_key(|h| h.range.start);
        }
        if !matches!(block.kind, BlockKind::Heading { .. }) {
            for m in programs(text) {
                // Known actors ("U.S. Northern Command") and the document's own defined terms
                // are not programs a second time.
                if hits
                    .iter()
                    .any(|h| h.range.start <= m.range.start && m.range.end <= h.range.end)
                    || program_hits.iter().any(|(r, _)| overlaps(r, &m.range))
                {
                    continue;
                }
                let name = squash(&text[m.range.clone()]);
                let p = programs_table.intern(&name, m.kind, m.named);
                if let Some(a) = m.acronym {
                    programs_table.list[p].acronym = Some(text[a].to_owned());
                }
                programs_table.list[p].mentions.push(mention(m.range));
            }
        }
        for r in &ranges {
            for q in quantities(&text[r.clone()]) {
                let range = r.start + q.range.start..r.start + q.range.end;
                brief.quantities.push(Quantity {
                    text: squash(&text[range.clone()]),
                    span: block.source_span(range),
                    sentence: block.source_span(r.clone()),
                    kind: q.kind,
                    value: q.value,
                    upper: q.upper,
                    unit: q.unit.map(str::to_owned),
                    bound: q.bound,
                    qualifier: q.qualifier.map(|qr| {
                        let qr = r.start + qr.start..r.start + qr.end;
                        Phrase {
                            text: squash(&text[qr.clone()]),
                            span: block.source_span(qr),
                        }
                    }),
                    vague: q.vague,
                    magnitude: q.magnitude,
                    measures: q.measures,
                });
            }
        }
        if let Some(counts) = section_counts.get_mut(block_section[b])
            && !matches!(block.kind, BlockKind::Footnote { .. })
        {
            options.topics.count(text, counts);
        }
        blocks.push(BlockData {
            sentences: ranges,
            hits,
        });
    }

    // Pass 3: recommendations, topics, acronyms.
    let walker = Walker {
        doc,
        blocks: &blocks,
        sections: &sections,
        block_section: &block_section,
        actors: &actors.list,
    };
    let mut recommendations = walker.run();
    for rec in &mut recommendations {
        rec.topics = options.topics.assign(&rec.text, 1, 3);
    }
    let mut doc_counts = TopicCounts::default();
    for (section, counts) in sections.iter_mut().zip(&section_counts) {
        if section.kind != crate::SectionKind::Boilerplate {
            doc_counts.merge(counts);
        }
        section.topics = counts.assignments(2, 3);
    }
    brief.topics = doc_counts.assignments(3, 5);
    brief.acronyms = acronyms(doc, options.gazetteer, &defined, &term_counts);
    brief.sections = sections;
    brief.recommendations = recommendations;
    brief.actors = actors.list;
    brief.programs = programs_table.list;
    brief
}

/// The acronyms of the document: those it defines (with how often the short form occurs) and
/// those it uses without definition that the gazetteer knows.
fn acronyms(
    doc: &Document<'_>,
    gazetteer: &Gazetteer,
    defined: &Defined,
    term_counts: &[usize],
) -> Vec<Acronym> {
    let mut out: Vec<Acronym> = defined
        .terms
        .iter()
        .zip(term_counts)
        .filter(|(t, _)| t.is_short)
        .map(|(t, n)| Acronym {
            short: t.short.clone(),
            long: t.long.clone(),
            source: AcronymSource::Defined,
            definition: Some(t.definition),
            occurrences: *n,
        })
        .collect();
    let mut index: HashMap<String, usize> =
        out.iter().enumerate().map(|(i, a)| (a.short.clone(), i)).collect();
    for block in &doc.blocks {
        for (_, short, long) in gazetteer.known_acronyms(&block.text) {
            let i = *index.entry(short.to_owned()).or_insert_with(|| {
                out.push(Acronym {
                    short: short.to_owned(),
                    long: long.to_owned(),
                    source: AcronymSource::Known,
                    definition: None,
                    occurrences: 0,
                });
                out.len() - 1
            });
            if out[i].source == AcronymSource::Known {
                out[i].occurrences += 1;
            }
        }
    }
    out
}

/// Actors by id, in order of first mention.
#[derive(Default)]
struct ActorTable {
    index: HashMap<String, usize>,
    list: Vec<Actor>,
}

impl ActorTable {
    fn intern(&mut self, id: &str, name: &str, kind: ActorKind, parent: Option<&str>) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.list.push(Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            parent: parent.map(str::to_owned),
            mentions: Vec::new(),
        });
        self.index.insert(id.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }
}

/// Programs by slug, in order of first mention.
#[derive(Default)]
struct ProgramTable {
    index: HashMap<String, usize>,
    list: Vec<Program>,
}

impl ProgramTable {
    fn intern(&mut self, name: &str, kind: ProgramKind, named: bool) -> usize {
        let id = slug(name);
        if let Some(&i) = self.index.get(&id) {
            return i;
        }
        self.list.push(Program {
            id: id.clone(),
            name: name.to_owned(),
            kind,
            named,
            acronym: None,
            mentions: Vec::new(),
        });
        self.index.insert(id, self.list.len() - 1);
        self.list.len() - 1
    }
}

/// Terms the document defines: each acronym's short form, and the long form of an institution
/// or program the gazetteer does not know.
#[derive(Default)]
struct Defined {
    terms: Vec<Term>,
}

struct Term {
    /// The text matched in the document (the short form, or the long form).
    surface: String,
    short: String,
    long: String,
    is_short: bool,
    target: Target,
    definition: Span,
}

#[derive(Clone, Copy)]
enum Target {
    /// A new institution ("… Office", "… Agency", "… Commission").
    Actor,
    /// A program ("… Program", "… Task Force").
    Program(ProgramKind),
    /// Only an acronym.
    None,
}

/// Head nouns of institutions a document may define with an acronym.
const INSTITUTION_HEADS: &[&str] = &[
    "Office", "Agency", "Commission", "Council", "Department", "Bureau", "Service", "Services",
    "Administration", "Committee", "Board", "Authority", "Corporation", "Institute", "Center",
    "Centers", "Command", "Ministry", "Directorate", "Division", "Organization", "Court",
];

impl Defined {
    fn add(&mut self, _block: usize, text: &str, short: Range<usize>, long: Range<usize>, definition: Span) {
        let short_s = text[short].to_owned();
        if self.terms.iter().any(|t| t.is_short && t.short == short_s) {
            return;
        }
        let long_s = squash(&text[long]);
        let last = long_s.rsplit(' ').next().unwrap_or_default();
        let target = if INSTITUTION_HEADS.contains(&last) {
            Target::Actor
        } else if let Some(p) = programs(&long_s).into_iter().find(|p| p.range.end == long_s.len()) {
            Target::Program(p.kind)
        } else {
            Target::None
        };
        self.terms.push(Term {
            surface: short_s.clone(),
            short: short_s.clone(),
            long: long_s.clone(),
            is_short: true,
            target,
            definition,
        });
        if !matches!(target, Target::None) {
            self.terms.push(Term {
                surface: long_s.clone(),
                short: short_s,
                long: long_s,
                is_short: false,
                target,
                definition,
            });
        }
    }

    fn automaton(&self) -> Option<aho_corasick::AhoCorasick> {
        if self.terms.is_empty() {
            return None;
        }
        word_automaton(self.terms.iter().map(|t| &t.surface), false, true)
    }
}
