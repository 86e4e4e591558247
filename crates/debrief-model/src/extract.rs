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
//! Each block is *read* on its own, by pure functions of the block (and of what pass 1 found
//! in the whole document): its sentences, names, quantities, topic keywords and modal clauses
//! ([`Reading::block`]). What depends on the blocks before it is *gathered* in reading order
//! ([`Gather`]): actors and programs interned in order of first mention, topics tallied per
//! section, and the walk for recommendations (lead-ins, list context, the last subject). A
//! document of [`PARALLEL_FROM`] bytes or more is read on one thread per core (scoped threads of
//! the standard library), in about [`BATCHES`] batches: while this thread gathers a batch, the
//! other threads read the next. The output is the same as on one thread, byte for byte.
//!
//! Pass 2 reads each block's bytes once ([`BlockWords::read`]): every word is hashed as it is
//! found, and handed only to the stages that may want it — the four automata (gazetteer,
//! defined terms, program heads, topics) get the words whose key is some pattern's first word,
//! the marker-word test gets the words whose key is a modal or number word's, the quantities
//! get the words with digits. The automata then walk from those words only, and the costly
//! readings (tokens, modal clauses, quantities) happen in windows around what was found. Buffers
//! ([`Reader`]) serve block after block.
//!
//! Every span is computed as [`Block::source_span`](debrief_parser::Block::source_span) computes
//! it (by [`BlockSpans`], which unpacks a block's source map once), so it is a byte range of
//! the original input even where the parser repaired the text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use debrief_parser::{Block, BlockKind, Document, Span};

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::actors::Scan;
use crate::modality::Clause;
use crate::programs::{head_automaton, programs_at};
use crate::quantity::{QuantityMatch, candidates, quantities_from};
use crate::recommend::{BlockData, BlockSentences, Hit, Walk, Walker, clauses_into};
use crate::sentence::{Buffers as SegmenterBuffers, sentences_into};
use crate::spans::BlockSpans;
use crate::text::{
    BlockWords, Scratch, Token, Word, WordAutomaton, WordFilter, marker_words_at, overlaps, slug,
    squash,
};
use crate::topics::Tally;
use crate::{
    Acronym, AcronymDefinition, AcronymSource, Actor, ActorHit, ActorKind, Brief, Gazetteer,
    Mention, Phrase, Program, ProgramKind, Quantity, Sentence, TopicCounts, TopicLexicon,
    acronym_definitions, programs, sections,
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
    /// Whether a large document (64 KB of text or more) is read on one thread per core (the
    /// default); see [`ExtractOptions::parallel()`].
    pub parallel: bool,
}

impl Default for ExtractOptions<'static> {
    fn default() -> Self {
        ExtractOptions {
            gazetteer: Gazetteer::builtin(),
            topics: TopicLexicon::builtin(),
            parallel: true,
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
            parallel: self.parallel,
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
            parallel: self.parallel,
        }
    }

    /// Whether a large document is read on one thread per core (`true`, the default; scoped
    /// threads started for the call) or on the calling thread only. The output is the same
    /// either way; turn it off where documents are already extracted in parallel, one per
    /// thread, or where the cores are busy with other work.
    ///
    /// ```
    /// let options = debrief_model::ExtractOptions::default().parallel(false);
    /// let doc = debrief_parser::parse("Congress should act.\n");
    /// let brief = debrief_model::extract_with(&doc, &options);
    /// assert_eq!(brief.recommendations.len(), 1);
    /// ```
    #[must_use]
    pub fn parallel(self, parallel: bool) -> Self {
        ExtractOptions { parallel, ..self }
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
    let parallel =
        options.parallel && doc.blocks.iter().map(|b| b.text.len()).sum::<usize>() >= PARALLEL_FROM;

    // The sections, and pass 1: sentences and acronym definitions.
    let mut brief = Brief::default();
    let mut sections = Vec::new();
    let first = first_pass(doc, parallel, || sections = self::sections(doc));
    let FirstPass {
        sentences: block_sentences,
        defined,
    } = first;
    let mut block_section = vec![0; doc.blocks.len()];
    for (s, section) in sections.iter().enumerate() {
        for b in section.blocks.clone() {
            if let Some(slot) = block_section.get_mut(b) {
                *slot = s;
            }
        }
    }

    // Pass 2, each block on its own: actors, programs, quantities, topic keywords, modal
    // clauses.
    let defined_automaton = defined.automaton();
    let reading = Reading::new(options, &defined, defined_automaton.as_ref());

    // Pass 2, in reading order: actors and programs interned in order of first mention,
    // topics tallied per section; and pass 3, recommendations. The blocks go in batches: while
    // one batch is gathered and walked here, the next is read on the other threads.
    let mut gather = Gather {
        doc,
        defined: &defined,
        sort_hits: defined_automaton.is_some(),
        block_section: &block_section,
        sections: &mut sections,
        sentences: &block_sentences,
        brief_sentences: Vec::with_capacity(block_sentences.ranges.len()),
        next: 0,
        clauses: Vec::new(),
        walk: Walk::new(),
        merged: Merged {
            term_counts: vec![0; defined.terms.len()],
            actors: ActorTable::default(),
            programs: ProgramTable::default(),
            quantities: Vec::new(),
            known_acronyms: KnownAcronyms::default(),
        },
        topics: SectionTopics::new(options.topics),
        blocks: Vec::with_capacity(doc.blocks.len()),
    };
    let mut pending: Option<Vec<Found<'_>>> = None;
    let batch_len = doc.blocks.len().div_ceil(BATCHES).max(MIN_BATCH);
    for first in (0..doc.blocks.len()).step_by(batch_len) {
        let batch = first..(first + batch_len).min(doc.blocks.len());
        let gathering = pending.take();
        pending = Some(read_blocks(
            doc,
            batch,
            parallel,
            || gather.batch(gathering),
            Reader::default,
            Found::with_room,
            |reader, found, b, block| {
                reading.block(reader, found, block, block_sentences.of(b));
            },
        ));
    }
    gather.batch(pending.take());
    let Gather {
        merged,
        topics,
        walk,
        brief_sentences,
        sections: gathered,
        ..
    } = gather;
    let doc_counts = topics.finish(gathered);

    // The recommendations' topics, the acronyms.
    let mut recommendations = walk.finish();
    for rec in &mut recommendations {
        rec.topics = options.topics.assign(&rec.text, 1, 3);
    }
    brief.sentences = brief_sentences;
    brief.topics = doc_counts.assignments(3, 5);
    brief.acronyms = acronyms(&defined, &merged.term_counts, merged.known_acronyms);
    brief.sections = sections;
    brief.recommendations = recommendations;
    brief.quantities = merged.quantities;
    brief.actors = merged.actors.list;
    brief.programs = merged.programs.list;
    resolve_the_administration(&mut brief);
    brief
}

/// Documents with at least this many bytes of block text are read on one thread per core,
/// the blocks shared among them; smaller ones on the calling thread, where starting the threads
/// would cost more than they save (one brief of 6 KB extracts in about 0.1 ms).
const PARALLEL_FROM: usize = 64 * 1024;

/// Blocks per accumulator (see [`read_blocks`]), and per piece of work a thread takes: the
/// corpus has about 220 bytes a block, so a piece is about 28 KB, enough to make the cost of
/// handing it out small, and a batch of the bench's 10 MB input has about 60 of them to share.
const CHUNK: usize = 128;

/// Reads the blocks `blocks` of `doc` in order, `read(state, found, b, block)` for block `b`,
/// into accumulators that each hold what [`CHUNK`] consecutive blocks found (made by `new`
/// with room for that many), in order. When `parallel`, the chunks are shared among one thread
/// per core (each with its own `state` from `init`; scoped threads of the standard library, so
/// that the library needs no thread pool of its own); else they are read on this thread. Either
/// way this thread runs `before` first (the gathering of the batch before), then reads chunks.
///
/// What the blocks find goes into the lists of an accumulator rather than into lists of their
/// own: a few lists for many blocks instead of several for each block (1,407 M → 1,366 M
/// instructions on the 10 MB bench input).
fn read_blocks<A, S>(
    doc: &Document<'_>,
    blocks: Range<usize>,
    parallel: bool,
    before: impl FnOnce(),
    init: impl Fn() -> S + Sync,
    new: impl Fn(usize) -> A + Sync,
    read: impl Fn(&mut S, &mut A, usize, &Block<'_>) + Sync,
) -> Vec<A>
where
    A: Send,
{
    let first = blocks.start;
    let chunks: Vec<&[Block<'_>]> = doc.blocks[blocks].chunks(CHUNK).collect();
    let read_chunk = |state: &mut S, c: usize| {
        let chunk = chunks[c];
        let mut found = new(chunk.len());
        for (k, block) in chunk.iter().enumerate() {
            read(state, &mut found, first + c * CHUNK + k, block);
        }
        found
    };
    let threads = if parallel {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(chunks.len())
    } else {
        1
    };
    if threads <= 1 {
        before();
        let mut state = init();
        return (0..chunks.len())
            .map(|c| read_chunk(&mut state, c))
            .collect();
    }
    // Each thread takes the next chunk not taken yet, so that a thread that loses its core
    // holds up one chunk, not a share fixed in advance.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut state = init();
        let mut out = Vec::new();
        loop {
            let c = next.fetch_add(1, Ordering::Relaxed);
            if c >= chunks.len() {
                return out;
            }
            out.push((c, read_chunk(&mut state, c)));
        }
    };
    let mut found: Vec<(usize, A)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        before();
        let mut found = work();
        for helper in helpers {
            found.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        found
    });
    found.sort_unstable_by_key(|(c, _)| *c);
    found.into_iter().map(|(_, a)| a).collect()
}

/// Batches of the second pass: enough for the gathering of one to overlap the reading of the
/// next, few enough that the threads seldom wait for each other. Each batch ends when its last
/// block is read; on a machine whose cores are busy with other work, a thread that loses its
/// core holding the last blocks keeps the others waiting, and with batches of 1024 blocks (47
/// for the 10 MB bench input) the parallel extraction ran slower than one thread.
const BATCHES: usize = 6;

/// Blocks per batch at least (about 220 KB of corpus text).
const MIN_BATCH: usize = 1024;

/// The second pass's gathering, batch after batch, in reading order.
struct Gather<'a, 'd> {
    doc: &'a Document<'d>,
    defined: &'a Defined,
    /// Whether a block's hits are sorted (when the document defines terms: their actors come
    /// after the gazetteer's).
    sort_hits: bool,
    block_section: &'a [usize],
    sections: &'a mut [crate::Section],
    sentences: &'a BlockSentences,
    /// The brief's sentences, with their spans.
    brief_sentences: Vec<Sentence>,
    /// The next block to gather.
    next: usize,
    /// The modal clauses of the blocks gathered (each block's [`BlockData::clauses`] is a
    /// range of this list).
    clauses: Vec<(usize, Clause)>,
    /// The recommendations of the blocks gathered.
    walk: Walk,
    merged: Merged,
    topics: SectionTopics<'a>,
    blocks: Vec<BlockData>,
}

impl Gather<'_, '_> {
    /// Gathers what a batch of blocks found (the blocks after those gathered before), if
    /// anything, and walks them for recommendations.
    fn batch(&mut self, found: Option<Vec<Found<'_>>>) {
        let Some(found) = found else {
            return;
        };
        let first = self.next;
        for found in found {
            self.gather(found);
        }
        let walker = Walker {
            doc: self.doc,
            blocks: &self.blocks,
            sentences: self.sentences,
            clauses: &self.clauses,
            sections: self.sections,
            block_section: self.block_section,
            actors: &self.merged.actors.list,
        };
        walker.walk(first..self.next, &mut self.walk);
    }

    /// Gathers what a run of blocks found.
    fn gather(&mut self, found: Found<'_>) {
        let Found {
            ends,
            spans,
            known,
            actors,
            mentions,
            defined,
            programs,
            quantities,
            topics,
            clauses,
        } = found;
        let mut names = Names {
            known: known.into_iter(),
            actors: actors.into_iter().zip(mentions),
            defined: defined.into_iter(),
            programs: programs.into_iter(),
            quantities: quantities.into_iter(),
        };
        let mut clauses = clauses.into_iter();
        let mut from = Ends::default();
        for to in ends {
            let b = self.next;
            self.next += 1;
            let block = &self.doc.blocks[b];
            let sentences = self.sentences.of(b);
            let spans = &spans[from.spans..to.spans];
            self.brief_sentences
                .extend(sentences.iter().zip(spans).map(|(range, span)| Sentence {
                    block: b,
                    range: range.clone(),
                    span: *span,
                }));
            if !matches!(block.kind, BlockKind::Footnote { .. }) {
                self.topics.count(
                    (self.sections, self.block_section[b]),
                    &block.text,
                    &topics[from.topics..to.topics],
                );
            }
            let hits = self
                .merged
                .add(self.defined, &mut names, (from, to), self.sort_hits);
            let first_clause = self.clauses.len();
            self.clauses
                .extend(clauses.by_ref().take(to.clauses - from.clauses));
            self.blocks.push(BlockData {
                hits,
                clauses: first_clause..self.clauses.len(),
            });
            from = to;
        }
    }
}

/// Topic keywords, tallied per pattern for the section at hand (sections are runs of blocks):
/// a section gets its topics when the next one begins, and its tally is added to the
/// document's, but for boilerplate.
struct SectionTopics<'l> {
    lexicon: &'l TopicLexicon,
    /// The section being tallied, and its tally.
    section: usize,
    tally: Tally,
    /// The document's tally (whole-word keywords) and counts (the words of prefix keywords).
    doc_tally: Tally,
    doc_counts: TopicCounts,
}

impl<'l> SectionTopics<'l> {
    fn new(lexicon: &'l TopicLexicon) -> Self {
        SectionTopics {
            lexicon,
            section: 0,
            tally: Tally::default(),
            doc_tally: Tally::default(),
            doc_counts: TopicCounts::default(),
        }
    }

    /// Counts the keyword `matches` of `text` (see [`TopicLexicon::matches_at`]) for section
    /// `s` of `sections`.
    fn count(
        &mut self,
        (sections, s): (&mut [crate::Section], usize),
        text: &str,
        matches: &[(Range<usize>, usize)],
    ) {
        if s != self.section {
            self.flush(sections);
            self.section = s;
        }
        self.lexicon
            .tally_matches(text, matches.iter().cloned(), &mut self.tally);
    }

    /// Gives the section at hand its topics.
    fn flush(&mut self, sections: &mut [crate::Section]) {
        let Some(section) = sections.get_mut(self.section) else {
            return;
        };
        if section.kind != crate::SectionKind::Boilerplate {
            self.tally
                .add_to(self.lexicon, &mut self.doc_tally, &mut self.doc_counts);
        }
        section.topics = self.tally.assignments(self.lexicon, 2, 3);
        self.tally.clear();
    }

    /// Gives the last section its topics, and returns the document's counts.
    fn finish(mut self, sections: &mut [crate::Section]) -> TopicCounts {
        self.flush(sections);
        self.doc_tally
            .drain_into(self.lexicon, &mut self.doc_counts);
        self.doc_counts
    }
}

/// The gazetteer's id of the generic "the Administration" (also "executive branch").
const GENERIC_ADMINISTRATION: &str = "administration";

/// Resolves each generic "the Administration" to the named administration mentioned last
/// before it ("the Obama Administration … The Administration and Congress should …"), in the
/// brief's actors and in the recommendations' actors. A mention with no named administration
/// before it stays generic (a brief may speak of the sitting administration without naming it).
///
/// A named administration is an office found by the "X Administration" pattern: its name ends
/// in " Administration" and its id is the slug of that name (agencies called "… Administration"
/// are agencies in the gazetteer, with ids of their own, and are not candidates).
fn resolve_the_administration(brief: &mut Brief) {
    let named = |a: &Actor| {
        a.kind == ActorKind::Office
            && a.id != GENERIC_ADMINISTRATION
            && a.id.ends_with("-administration")
            && a.name.ends_with(" Administration")
    };
    // (start of the mention, index of the actor), in reading order.
    let mut named_at: Vec<(usize, usize)> = brief
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| named(a))
        .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m.span.start, i)))
        .collect();
    if named_at.is_empty() {
        return;
    }
    named_at.sort_unstable();
    let before = |at: usize| {
        let n = named_at.partition_point(|&(start, _)| start < at);
        n.checked_sub(1).map(|k| named_at[k].1)
    };
    for rec in &mut brief.recommendations {
        for actor in &mut rec.actors {
            if actor.id == GENERIC_ADMINISTRATION
                && let Some(i) = before(actor.span.start)
            {
                actor.id.clone_from(&brief.actors[i].id);
                actor.name.clone_from(&brief.actors[i].name);
            }
        }
    }
    let Some(generic) = brief
        .actors
        .iter()
        .position(|a| a.id == GENERIC_ADMINISTRATION)
    else {
        return;
    };
    let mentions = std::mem::take(&mut brief.actors[generic].mentions);
    let mut kept = Vec::new();
    for mention in mentions {
        match before(mention.span.start) {
            Some(i) => {
                let list = &mut brief.actors[i].mentions;
                let at = list.partition_point(|m| m.span.start < mention.span.start);
                list.insert(at, mention);
            }
            None => kept.push(mention),
        }
    }
    if kept.is_empty() {
        brief.actors.remove(generic);
    } else {
        brief.actors[generic].mentions = kept;
    }
}

/// What the first pass finds: each block's sentences and the defined terms.
struct FirstPass {
    sentences: BlockSentences,
    defined: Defined,
}

/// What the first pass finds in a run of blocks.
struct FirstFound {
    /// For each block, the end of its sentences in `ranges`.
    ends: Vec<usize>,
    ranges: Vec<Range<usize>>,
    /// Acronym definitions, with their block.
    definitions: Vec<(usize, AcronymDefinition)>,
}

impl FirstFound {
    /// Room for what `blocks` blocks usually hold (about two sentences a block in the corpus),
    /// so that most lists are not grown item by item.
    fn with_room(blocks: usize) -> Self {
        FirstFound {
            ends: Vec::with_capacity(blocks),
            ranges: Vec::with_capacity(blocks * 5 / 2),
            definitions: Vec::new(),
        }
    }
}

/// The first pass: sentences and acronym definitions, read from each block on its own (in
/// parallel when `parallel`), then gathered in reading order; `before` runs on this thread
/// while the other threads start reading.
fn first_pass(doc: &Document<'_>, parallel: bool, before: impl FnOnce()) -> FirstPass {
    let found = read_blocks(
        doc,
        0..doc.blocks.len(),
        parallel,
        before,
        SegmenterBuffers::default,
        FirstFound::with_room,
        |segmenter, found: &mut FirstFound, b, block| {
            sentences_into(&block.text, segmenter, &mut found.ranges);
            found.ends.push(found.ranges.len());
            found
                .definitions
                .extend(acronym_definitions(&block.text).into_iter().map(|d| (b, d)));
        },
    );
    let total = found.iter().map(|f| f.ranges.len()).sum();
    let mut pass = FirstPass {
        sentences: BlockSentences {
            ranges: Vec::with_capacity(total),
            starts: Vec::with_capacity(doc.blocks.len() + 1),
        },
        defined: Defined::default(),
    };
    for found in found {
        let base = pass.sentences.ranges.len();
        let mut from = 0;
        for &to in &found.ends {
            pass.sentences.starts.push(base + from);
            from = to;
        }
        pass.sentences.ranges.extend(found.ranges);
        for (db, d) in found.definitions {
            let block = &doc.blocks[db];
            pass.defined
                .add(&block.text, d.short, d.long, block.source_span(d.whole));
        }
    }
    pass.sentences.starts.push(pass.sentences.ranges.len());
    pass
}

/// What the second pass reads every block with (shared by the threads).
struct Reading<'o, 'd> {
    options: &'o ExtractOptions<'o>,
    defined: &'d Defined,
    defined_automaton: Option<&'d WordAutomaton>,
    filter: WordFilter,
}

/// The buffers one thread reads blocks with, kept from block to block.
#[derive(Default)]
struct Reader {
    words: BlockWords,
    scratch: Scratch,
    /// What the gazetteer found, where quantities may be, and those found in a sentence.
    scan: Scan,
    candidates: Vec<usize>,
    found: Vec<QuantityMatch>,
    /// The block's source map, unpacked.
    map: BlockSpans,
    /// The ranges of a block's actors and defined programs.
    actor_ranges: Vec<Range<usize>>,
    program_ranges: Vec<Range<usize>>,
}

/// What the second pass finds in a run of blocks, before anything is interned: flat lists, and
/// for each block where its items end in them.
struct Found<'g> {
    ends: Vec<Ends>,
    /// The input span of each sentence.
    spans: Vec<Span>,
    /// Known acronyms used (short, long).
    known: Vec<(&'g str, &'g str)>,
    /// Actors found by the gazetteer, and their mentions.
    actors: Vec<ActorHit<'g>>,
    mentions: Vec<Mention>,
    /// Matches of the document's defined terms.
    defined: Vec<DefinedFind>,
    programs: Vec<ProgramFind>,
    quantities: Vec<Quantity>,
    /// Topic keyword matches (none for a footnote).
    topics: Vec<(Range<usize>, usize)>,
    /// The modal clauses of the sentences (see [`clauses_into`]).
    clauses: Vec<(usize, Clause)>,
}

/// Where a block's items end in the lists of a [`Found`].
#[derive(Debug, Clone, Copy, Default)]
struct Ends {
    spans: usize,
    known: usize,
    actors: usize,
    defined: usize,
    programs: usize,
    quantities: usize,
    topics: usize,
    clauses: usize,
}

impl Found<'_> {
    /// Room for what `blocks` blocks usually hold (per block in the corpus: 1.2 actors, 0.65
    /// quantities, 0.2 programs, 0.15 known acronyms), so that most lists are not grown item
    /// by item (growing them cost about 2 000 instructions a block).
    fn with_room(blocks: usize) -> Self {
        Found {
            ends: Vec::with_capacity(blocks),
            spans: Vec::with_capacity(blocks * 5 / 2),
            known: Vec::with_capacity(blocks / 4),
            actors: Vec::with_capacity(blocks * 3 / 2),
            mentions: Vec::with_capacity(blocks * 3 / 2),
            defined: Vec::new(),
            programs: Vec::with_capacity(blocks / 4),
            quantities: Vec::with_capacity(blocks),
            topics: Vec::with_capacity(blocks * 2),
            clauses: Vec::with_capacity(blocks / 2),
        }
    }

    /// The lengths of the lists: where the items of the block just read end.
    fn ends(&self) -> Ends {
        Ends {
            spans: self.spans.len(),
            known: self.known.len(),
            actors: self.actors.len(),
            defined: self.defined.len(),
            programs: self.programs.len(),
            quantities: self.quantities.len(),
            topics: self.topics.len(),
            clauses: self.clauses.len(),
        }
    }
}

/// The names and quantities of a [`Found`], taken block by block in reading order (see
/// [`Merged::add`]).
struct Names<'g> {
    known: std::vec::IntoIter<(&'g str, &'g str)>,
    actors: std::iter::Zip<std::vec::IntoIter<ActorHit<'g>>, std::vec::IntoIter<Mention>>,
    defined: std::vec::IntoIter<DefinedFind>,
    programs: std::vec::IntoIter<ProgramFind>,
    quantities: std::vec::IntoIter<Quantity>,
}

/// A match of a defined term: counted when it is a short form; interned (as its target) when
/// it has a mention, that is when it is an institution or program and no actor overlaps it.
struct DefinedFind {
    term: usize,
    range: Range<usize>,
    mention: Option<Mention>,
}

/// A program found by [`programs_at`], with its name squashed and its acronym's text.
struct ProgramFind {
    name: String,
    kind: ProgramKind,
    named: bool,
    acronym: Option<String>,
    mention: Mention,
}

impl<'o, 'd> Reading<'o, 'd> {
    fn new(
        options: &'o ExtractOptions<'o>,
        defined: &'d Defined,
        defined_automaton: Option<&'d WordAutomaton>,
    ) -> Self {
        Reading {
            options,
            defined,
            defined_automaton,
            // The words any of the four automata may match from, found once per block.
            filter: WordFilter::new(
                [
                    options.gazetteer.automaton(),
                    options.topics.automaton(),
                    head_automaton(),
                    defined_automaton,
                ]
                .into_iter()
                .flatten(),
            ),
        }
    }

    /// Reads one block (whose sentences the first pass found) into `found`.
    fn block(
        &self,
        reader: &mut Reader,
        found: &mut Found<'o>,
        block: &Block<'_>,
        sentences: &[Range<usize>],
    ) {
        let text = &block.text;
        reader.words.read(text, &self.filter);
        let markers = marker_words_at(text, &reader.words.markers);
        reader.map.load(block);
        let from = found.spans.len();
        found
            .spans
            .extend(sentences.iter().map(|r| reader.map.span(r.clone())));
        let at = Located {
            block,
            sentences,
            spans: &found.spans[from..],
            words: &reader.words.named,
            map: &reader.map,
        };

        // Actors from the gazetteer, and the known acronyms the block uses.
        let gazetteer = self.options.gazetteer;
        let hits = gazetteer.find_with_acronyms(
            text,
            at.words,
            &mut reader.scratch.matches,
            &mut reader.scan,
        );
        found.known.extend(
            gazetteer
                .acronyms_of(&reader.scan)
                .map(|(_, short, long)| (short, long)),
        );
        // The ranges of the actors: those of the gazetteer, then the institutions the document
        // defines.
        let actor_ranges = &mut reader.actor_ranges;
        actor_ranges.clear();
        actor_ranges.extend(hits.iter().map(|h| h.range.clone()));
        found
            .mentions
            .extend(hits.iter().map(|h| at.mention(h.range.clone())));
        found.actors.extend(hits);

        let program_ranges = &mut reader.program_ranges;
        self.defined_terms(
            &at,
            &mut reader.scratch.matches,
            (actor_ranges, program_ranges),
            &mut found.defined,
        );

        // Programs, except known actors ("U.S. Northern Command") and defined terms found
        // already.
        if !matches!(block.kind, BlockKind::Heading { .. }) {
            for m in programs_at(text, at.words, &mut reader.scratch) {
                if actor_ranges
                    .iter()
                    .any(|h| h.start <= m.range.start && m.range.end <= h.end)
                    || program_ranges.iter().any(|r| overlaps(r, &m.range))
                {
                    continue;
                }
                found.programs.push(ProgramFind {
                    name: squash(&text[m.range.clone()]),
                    kind: m.kind,
                    named: m.named,
                    acronym: m.acronym.map(|a| text[a].to_owned()),
                    mention: at.mention(m.range),
                });
            }
        }

        candidates(
            text,
            &reader.words.digits,
            &markers.numbers,
            &mut reader.candidates,
        );
        quantities_in(
            &at,
            &reader.candidates,
            (&mut reader.scratch.tokens, &mut reader.found),
            &mut found.quantities,
        );

        if !matches!(block.kind, BlockKind::Footnote { .. }) {
            let matches = &mut reader.scratch.matches;
            self.options.topics.matches_at(text, at.words, matches);
            found.topics.extend_from_slice(matches);
        }
        clauses_into(text, sentences, &markers.triggers, &mut found.clauses);
        let ends = found.ends();
        found.ends.push(ends);
    }
}

impl Reading<'_, '_> {
    /// The document's own defined terms in the block at `at` where the gazetteer matched
    /// nothing (`actor_ranges`): institutions become actors (their ranges added to
    /// `actor_ranges`), programs get their acronym (their ranges go to `program_ranges`, cleared
    /// first). `matches` is a buffer.
    fn defined_terms(
        &self,
        at: &Located<'_, '_>,
        matches: &mut Vec<(Range<usize>, usize)>,
        (actor_ranges, program_ranges): (&mut Vec<Range<usize>>, &mut Vec<Range<usize>>),
        out: &mut Vec<DefinedFind>,
    ) {
        program_ranges.clear();
        let Some(automaton) = self.defined_automaton else {
            return;
        };
        automaton.matches_into(&at.block.text, at.words, matches);
        for (range, p) in matches.drain(..) {
            let term = &self.defined.terms[p];
            let mention = if actor_ranges.iter().any(|h| overlaps(h, &range)) {
                None
            } else {
                match term.target {
                    Target::Actor => {
                        actor_ranges.push(range.clone());
                        Some(at.mention(range.clone()))
                    }
                    Target::Program(_) => {
                        program_ranges.push(range.clone());
                        Some(at.mention(range.clone()))
                    }
                    Target::None => None,
                }
            };
            if term.is_short || mention.is_some() {
                out.push(DefinedFind {
                    term: p,
                    range,
                    mention,
                });
            }
        }
    }
}

/// Quantities, sentence by sentence; `candidates` are where they may be found in the block
/// (see [`candidates`](crate::quantity::candidates)); `tokens` and `found` are buffers. The
/// quantities go to `out`.
fn quantities_in(
    at: &Located<'_, '_>,
    candidates: &[usize],
    (tokens, found): (&mut Vec<Token>, &mut Vec<QuantityMatch>),
    out: &mut Vec<Quantity>,
) {
    let text = &at.block.text;
    for (k, r) in at.sentences.iter().enumerate() {
        let shift = |q: Range<usize>| r.start + q.start..r.start + q.end;
        let from = candidates.partition_point(|&p| p < r.start);
        let to = candidates.partition_point(|&p| p < r.end);
        // Most sentences hold neither a digit, a dollar sign nor a number word.
        if from == to {
            continue;
        }
        quantities_from(
            &text[r.clone()],
            &candidates[from..to],
            r.start,
            tokens,
            found,
        );
        for q in found.drain(..) {
            let range = shift(q.range);
            out.push(Quantity {
                text: squash(&text[range.clone()]),
                span: at.map.span(range),
                sentence: at.spans[k],
                kind: q.kind,
                value: q.value,
                upper: q.upper,
                unit: q.unit.map(str::to_owned),
                bound: q.bound,
                qualifier: q.qualifier.map(|qr| at.phrase(shift(qr))),
                vague: q.vague,
                magnitude: q.magnitude,
                measures: q.measures,
                date: q.iso,
            });
        }
    }
}

/// The second pass's tables, filled from what each block found, in reading order.
struct Merged {
    /// Occurrences of each defined term.
    term_counts: Vec<usize>,
    actors: ActorTable,
    programs: ProgramTable,
    quantities: Vec<Quantity>,
    known_acronyms: KnownAcronyms,
}

impl Merged {
    /// Interns the names of one block (its items of `names`, which end at `to` and start at
    /// `from`) and keeps its quantities; returns its actors as hits for the recommendation
    /// pass, sorted by start when `sort` (when the document defines terms, their actors come
    /// after the gazetteer's).
    fn add(
        &mut self,
        defined: &Defined,
        names: &mut Names<'_>,
        (from, to): (Ends, Ends),
        sort: bool,
    ) -> Vec<Hit> {
        for (short, long) in names.known.by_ref().take(to.known - from.known) {
            self.known_acronyms.add(short, long);
        }
        let actors = to.actors - from.actors;
        let mut hits: Vec<Hit> = Vec::with_capacity(actors);
        for (h, mention) in names.actors.by_ref().take(actors) {
            let a = self
                .actors
                .intern(&h.id, &h.name, h.kind, h.parent.as_deref());
            self.actors.list[a].mentions.push(mention);
            hits.push(Hit {
                range: h.range,
                actor: a,
            });
        }
        for DefinedFind {
            term: p,
            range,
            mention,
        } in names.defined.by_ref().take(to.defined - from.defined)
        {
            let term = &defined.terms[p];
            if term.is_short {
                self.term_counts[p] += 1;
            }
            let Some(mention) = mention else {
                continue;
            };
            match term.target {
                Target::Actor => {
                    let a =
                        self.actors
                            .intern(&slug(&term.long), &term.long, ActorKind::Agency, None);
                    self.actors.list[a].mentions.push(mention);
                    hits.push(Hit { range, actor: a });
                }
                Target::Program(kind) => {
                    let p = self.programs.intern(&term.long, kind, true);
                    self.programs.list[p].acronym = Some(term.short.clone());
                    self.programs.list[p].mentions.push(mention);
                }
                Target::None => {}
            }
        }
        if sort {
            hits.sort_by_key(|h| h.range.start);
        }
        for f in names.programs.by_ref().take(to.programs - from.programs) {
            let p = self.programs.intern(&f.name, f.kind, f.named);
            if f.acronym.is_some() {
                self.programs.list[p].acronym = f.acronym;
            }
            self.programs.list[p].mentions.push(f.mention);
        }
        self.quantities.extend(
            names
                .quantities
                .by_ref()
                .take(to.quantities - from.quantities),
        );
        hits
    }
}

/// Acronyms used without definition, in order of first use, with their counts.
#[derive(Default)]
struct KnownAcronyms {
    index: Index,
    list: Vec<(String, String, usize)>,
}

impl KnownAcronyms {
    fn add(&mut self, short: &str, long: &str) {
        let i = *self.index.entry(short.to_owned()).or_insert_with(|| {
            self.list.push((short.to_owned(), long.to_owned(), 0));
            self.list.len() - 1
        });
        self.list[i].2 += 1;
    }
}

/// A block, its sentences and words, to find names and turn text ranges into spans and
/// mentions.
struct Located<'b, 'a> {
    block: &'b Block<'a>,
    sentences: &'b [Range<usize>],
    /// The input span of each sentence.
    spans: &'b [Span],
    words: &'b [Word],
    /// The block's source map.
    map: &'b BlockSpans,
}

impl Located<'_, '_> {
    /// The span of the sentence that holds `range` (of all the sentences it touches, should a
    /// name run across a sentence end).
    fn sentence_span(&self, range: &Range<usize>) -> Span {
        let first = self.sentences.partition_point(|r| r.end <= range.start);
        let last = self.sentences.partition_point(|r| r.end < range.end);
        match (self.sentences.get(first), self.sentences.get(last)) {
            (Some(_), _) if last <= first => self.spans[first],
            (Some(a), Some(b)) => self.map.span(a.start..b.end.max(a.end)),
            (Some(_), None) => self.spans[first],
            _ => self.block.span,
        }
    }

    fn mention(&self, range: Range<usize>) -> Mention {
        Mention {
            text: squash(&self.block.text[range.clone()]),
            span: self.map.span(range.clone()),
            sentence: self.sentence_span(&range),
        }
    }

    fn phrase(&self, range: Range<usize>) -> Phrase {
        Phrase {
            text: squash(&self.block.text[range.clone()]),
            span: self.map.span(range),
        }
    }
}
/// The acronyms of the document: those it defines (with how often the short form occurs),
/// then those it uses without definition that the gazetteer knows.
fn acronyms(defined: &Defined, term_counts: &[usize], known: KnownAcronyms) -> Vec<Acronym> {
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
    for (short, long, n) in known.list {
        if out.iter().any(|a| a.short == short) {
            continue;
        }
        out.push(Acronym {
            short,
            long,
            source: AcronymSource::Known,
            definition: None,
            occurrences: n,
        });
    }
    out
}

/// Actors by id, in order of first mention.
#[derive(Default)]
struct ActorTable {
    index: Index,
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

/// A map from names or ids to positions in a list, hashed with FNV-1a: the keys are short
/// strings, for which `SipHash` (the standard default, built against hash flooding that does
/// not concern a table of names read from one document) costs several times as much.
type Index = HashMap<String, usize, BuildHasherDefault<Fnv>>;

/// The 64-bit FNV-1a hash, for [`Index`].
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Programs by slug, in order of first mention.
#[derive(Default)]
struct ProgramTable {
    index: Index,
    /// The same by name as written (squashed).
    by_name: Index,
    list: Vec<Program>,
}

impl ProgramTable {
    fn intern(&mut self, name: &str, kind: ProgramKind, named: bool) -> usize {
        // A name seen before has the same slug: look it up without making the slug.
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let id = slug(name);
        if let Some(&i) = self.index.get(&id) {
            self.by_name.insert(name.to_owned(), i);
            return i;
        }
        self.by_name.insert(name.to_owned(), self.list.len());
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
    "Office",
    "Agency",
    "Commission",
    "Council",
    "Department",
    "Bureau",
    "Service",
    "Services",
    "Administration",
    "Committee",
    "Board",
    "Authority",
    "Corporation",
    "Institute",
    "Center",
    "Centers",
    "Command",
    "Ministry",
    "Directorate",
    "Division",
    "Organization",
    "Court",
];

impl Defined {
    fn add(&mut self, text: &str, short: Range<usize>, long: Range<usize>, definition: Span) {
        let short_s = text[short].to_owned();
        if self.terms.iter().any(|t| t.is_short && t.short == short_s) {
            return;
        }
        let long_s = squash(&text[long]);
        let last = long_s.rsplit(' ').next().unwrap_or_default();
        let target = if INSTITUTION_HEADS.contains(&last) {
            Target::Actor
        } else if let Some(p) = programs(&long_s)
            .into_iter()
            .find(|p| p.range.end == long_s.len())
        {
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

    fn automaton(&self) -> Option<WordAutomaton> {
        if self.terms.is_empty() {
            return None;
        }
        let surfaces: Vec<&str> = self.terms.iter().map(|t| t.surface.as_str()).collect();
        WordAutomaton::for_one_text(&surfaces)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor_ids(text: &str) -> (Vec<Vec<String>>, Vec<String>) {
        let doc = debrief_parser::parse(text);
        let brief = extract(&doc);
        let recs = brief
            .recommendations
            .iter()
            .map(|r| r.actors.iter().map(|a| a.id.clone()).collect())
            .collect();
        let actors = brief.actors.iter().map(|a| a.id.clone()).collect();
        (recs, actors)
    }

    #[test]
    fn the_administration_is_the_one_named_last_before_it() {
        let text = "The Bush Administration started the program. The Obama Administration \
                    expanded it.\n\nThe Administration and Congress should fund the program \
                    through 2030.\n";
        let (recs, actors) = actor_ids(text);
        assert_eq!(recs, [["obama-administration", "congress"]]);
        assert!(actors.contains(&"bush-administration".to_owned()));
        assert!(!actors.contains(&"administration".to_owned()), "{actors:?}");
    }

    /// A document large enough to be read on several threads gives the same brief as on one
    /// thread, and as its batches and accumulators are cut at other blocks.
    #[test]
    fn parallel_reading_gives_the_same_brief() {
        let seed = include_str!("../../../examples/data/border-security-brief.txt");
        // More than two batches' worth of blocks.
        let seed_blocks = debrief_parser::parse(seed).blocks.len();
        let text = seed.repeat(3 * MIN_BATCH / seed_blocks + 1);
        let doc = debrief_parser::parse(&text);
        assert!(
            doc.blocks.len() > 2 * MIN_BATCH,
            "{} blocks",
            doc.blocks.len()
        );
        assert!(text.len() >= PARALLEL_FROM);
        let parallel = extract(&doc);
        let one = extract_with(&doc, &ExtractOptions::default().parallel(false));
        assert_eq!(parallel, one);
        assert!(
            parallel.recommendations.len() >= 8 * 3,
            "{}",
            parallel.recommendations.len()
        );
    }

    #[test]
    fn the_administration_with_none_named_before_it_stays_generic() {
        let text = "The Administration should fund the program through 2030. The Obama \
                    Administration expanded it.\n";
        let (recs, actors) = actor_ids(text);
        assert_eq!(recs, [["administration"]]);
        assert!(actors.contains(&"administration".to_owned()));
    }
}
