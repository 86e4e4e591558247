//! Recommendations: explicit list items and inline modal sentences, with their actors resolved.
//!
//! The walk goes through the blocks in reading order and keeps three pieces of state:
//! - the kind of the current section ([`SectionKind`]), from its heading — or from a run-in
//!   heading that opens a paragraph ("What the U.S. Should Do. As the…") when the parser did not
//!   split it off;
//! - the active *lead-in*: a sentence ending in a colon whose main clause recommends ("they
//!   should also take into consideration the need to do the following:", "We recommend that the
//!   Director, U.S. Citizenship and Immigration Services:"); the list items after it (and, after
//!   a "recommend that X:" lead-in, paragraphs that open with an imperative verb) are explicit
//!   recommendations that inherit its actors when they name none of their own;
//! - the last subject: the actors of the most recent sentence subject, to resolve "it" and
//!   "they" ("Additionally, the U.S. must decide … It must decide …").
//!
//! A list item is a recommendation when it follows a lead-in or sits in a recommendations or
//! options section. Its title is its imperative lead sentence; its actors are those of the
//! first modal clause in its body ("The Obama Administration and Congress should work to…"),
//! else the lead-in's. Any other sentence is an inline recommendation when its main clause has a
//! deontic modal and an actor subject (or a pronoun that resolves to one), or is an actorless
//! necessity; agentless passives count only inside recommendations and options sections.

use std::ops::Range;

use debrief_parser::{Block, BlockKind, Document};

use crate::modality::{Clause, Subject, analyse, analyse_unchecked, imperative};
use crate::sections::classify_heading;
use crate::text::{squash, tokenize};
use crate::{
    Action, Actor, ActorKind, ActorRef, ActorSource, Modality, Phrase, Recommendation,
    RecommendationKind, Section, SectionKind, Voice,
};

/// An actor named in a block: the byte range in the block text and the actor's index in the
/// brief's actor list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) range: Range<usize>,
    pub(crate) actor: usize,
}

/// What extraction knows about a block before recommendations are read.
pub(crate) struct BlockData {
    pub(crate) hits: Vec<Hit>,
    /// The modal clause of each of its sentences that holds a trigger and has one, by the
    /// sentence's index in the block, in order (see [`clauses_into`]): a range of
    /// [`Walker::clauses`].
    pub(crate) clauses: Range<usize>,
}

/// Each block's sentences (byte ranges of its text), in one list.
pub(crate) struct BlockSentences {
    pub(crate) ranges: Vec<Range<usize>>,
    /// Block `b`'s sentences are `ranges[starts[b]..starts[b + 1]]`.
    pub(crate) starts: Vec<usize>,
}

impl BlockSentences {
    /// The sentences of block `b`.
    pub(crate) fn of(&self, b: usize) -> &[Range<usize>] {
        &self.ranges[self.starts[b]..self.starts[b + 1]]
    }
}

/// The modal clauses of the `sentences` of `text` that hold a trigger word (`triggers`, in
/// order), by sentence index, pushed to `out`: what the walk over the blocks reads for every
/// sentence of prose, computed for each block on its own so that extraction may do it in
/// parallel.
pub(crate) fn clauses_into(
    text: &str,
    sentences: &[Range<usize>],
    triggers: &[usize],
    out: &mut Vec<(usize, Clause)>,
) {
    if triggers.is_empty() {
        return;
    }
    for (k, sentence) in sentences.iter().enumerate() {
        let t = triggers.partition_point(|&p| p < sentence.start);
        if triggers.get(t).is_some_and(|&p| p < sentence.end)
            && let Some(clause) = analyse_unchecked(&text[sentence.clone()], true)
        {
            out.push((k, clause));
        }
    }
}

/// The walk over the blocks, for the blocks read so far: `blocks`, `actors` and `sentences`
/// (each block's sentences) cover at least the blocks walked.
pub(crate) struct Walker<'a, 'd> {
    pub(crate) doc: &'a Document<'d>,
    pub(crate) blocks: &'a [BlockData],
    pub(crate) sentences: &'a BlockSentences,
    /// The modal clauses of the blocks' sentences (see [`BlockData::clauses`]).
    pub(crate) clauses: &'a [(usize, Clause)],
    pub(crate) sections: &'a [Section],
    pub(crate) block_section: &'a [usize],
    pub(crate) actors: &'a [Actor],
}

struct LeadIn {
    actors: Vec<ActorRef>,
    modality: Modality,
    /// Whether paragraphs that open with an imperative count as its items ("We recommend that
    /// X:" followed by "Clarify and enforce …").
    paragraphs: bool,
}

/// Bullet glyphs that may open a paragraph the parser did not recognise as a list item.
fn bullet_prefix(text: &str) -> usize {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let glyphs: usize = trimmed
        .chars()
        .take_while(|c| {
            matches!(
                c,
                '•' | '◦' | '▪' | '■' | '●' | '⁃' | '‣' | '∙' | '□' | '➢' | '►'
            )
        })
        .map(char::len_utf8)
        .sum();
    if glyphs == 0 {
        return 0;
    }
    let rest = &trimmed[glyphs..];
    lead + glyphs + (rest.len() - rest.trim_start().len())
}

enum Role {
    Heading,
    Prose,
    /// A list item; its text starts at the offset (after a bullet glyph left in the text).
    Item(usize),
    Skip,
}

fn role(block: &Block<'_>) -> Role {
    match block.kind {
        BlockKind::Heading { .. } => Role::Heading,
        BlockKind::ListItem { .. } => Role::Item(bullet_prefix(&block.text)),
        BlockKind::Paragraph => match bullet_prefix(&block.text) {
            0 => Role::Prose,
            n => Role::Item(n),
        },
        BlockKind::Footnote { .. } | BlockKind::Other => Role::Skip,
    }
}

/// Where the walk over the blocks stands between two calls of [`Walker::walk`]: the
/// recommendations found, the kind of the current section, the active lead-in and the last
/// subject (see the module's documentation).
pub(crate) struct Walk {
    out: Vec<Recommendation>,
    kind: SectionKind,
    current_section: usize,
    lead_in: Option<LeadIn>,
    last_subject: Vec<ActorRef>,
}

impl Walk {
    /// The walk before the first block.
    pub(crate) fn new() -> Walk {
        Walk {
            out: Vec::new(),
            kind: SectionKind::Body,
            current_section: usize::MAX,
            lead_in: None,
            last_subject: Vec::new(),
        }
    }

    /// The recommendations, with their ids, once every block is walked.
    pub(crate) fn finish(mut self) -> Vec<Recommendation> {
        assign_ids(&mut self.out);
        self.out
    }
}

impl Walker<'_, '_> {
    /// Walks the blocks `blocks` (the next ones after those walked before with `walk`).
    pub(crate) fn walk(&self, blocks: Range<usize>, walk: &mut Walk) {
        let mut out = std::mem::take(&mut walk.out);
        let mut kind = walk.kind;
        let mut current_section = walk.current_section;
        let mut lead_in = walk.lead_in.take();
        let mut last_subject = std::mem::take(&mut walk.last_subject);
        for b in blocks {
            let block = &self.doc.blocks[b];
            let section = self.block_section[b];
            if section != current_section {
                current_section = section;
                kind = self
                    .sections
                    .get(section)
                    .map_or(SectionKind::Body, |s| s.kind);
                last_subject.clear();
                // A side heading ("Recommendation for Executive Action") may stand between a
                // lead-in and its list: the lead-in survives a recommendations heading.
                if !matches!(kind, SectionKind::Recommendations | SectionKind::Options) {
                    lead_in = None;
                }
            }
            match role(block) {
                Role::Heading => {
                    if !matches!(kind, SectionKind::Recommendations | SectionKind::Options) {
                        lead_in = None;
                    }
                    // A lead-in set on a line of its own reads as a heading ("We recommend
                    // that the Director, U.S. Citizenship and Immigration Services:").
                    if block.text.trim_end().ends_with(':') {
                        self.prose(b, 0, &mut kind, &mut lead_in, &mut last_subject, &mut out);
                    }
                }
                Role::Skip => {}
                Role::Item(offset) => {
                    let in_list = lead_in.is_some()
                        || matches!(kind, SectionKind::Recommendations | SectionKind::Options);
                    // An item outside a list context (or one that recommends nothing as an
                    // item) is read as prose.
                    let rec = if in_list {
                        self.item(b, offset, lead_in.as_ref(), kind)
                    } else {
                        None
                    };
                    match rec {
                        Some(rec) => out.push(rec),
                        None => self.prose(
                            b,
                            offset,
                            &mut kind,
                            &mut lead_in,
                            &mut last_subject,
                            &mut out,
                        ),
                    }
                }
                Role::Prose => {
                    // After "We recommend that X:", or in a recommendations section, a paragraph
                    // opening with an imperative is an item.
                    let item_context = lead_in.as_ref().is_some_and(|l| l.paragraphs)
                        || kind == SectionKind::Recommendations;
                    if item_context {
                        let first = self.sentences.of(b).first().cloned().unwrap_or(0..0);
                        let lead = lead_in.as_ref().filter(|l| l.paragraphs);
                        if imperative(&block.text[first]).is_some()
                            && let Some(rec) = self.item(b, 0, lead, kind)
                        {
                            out.push(rec);
                            continue;
                        }
                    }
                    lead_in = None;
                    self.prose(b, 0, &mut kind, &mut lead_in, &mut last_subject, &mut out);
                }
            }
        }
        *walk = Walk {
            out,
            kind,
            current_section,
            lead_in,
            last_subject,
        };
    }

    fn actor_kind(&self, id: &str) -> Option<ActorKind> {
        self.actors.iter().find(|a| a.id == id).map(|a| a.kind)
    }

    fn section_title(&self, b: usize) -> (usize, Option<String>) {
        let s = self.block_section[b];
        (s, self.sections.get(s).and_then(|s| s.title.clone()))
    }

    fn actor_ref(&self, b: usize, hit: &Hit, via: ActorSource) -> ActorRef {
        let block = &self.doc.blocks[b];
        let actor = &self.actors[hit.actor];
        ActorRef {
            id: actor.id.clone(),
            name: actor.name.clone(),
            mention: block.text[hit.range.clone()].to_owned(),
            span: block.source_span(hit.range.clone()),
            via,
        }
    }

    fn phrase(&self, b: usize, range: Range<usize>) -> Phrase {
        let block = &self.doc.blocks[b];
        Phrase {
            text: squash(&block.text[range.clone()]),
            span: block.source_span(range),
        }
    }

    /// The index of the first actor hit of block `b` that lies inside `range`.
    fn first_hit_in(&self, b: usize, range: &Range<usize>) -> Option<usize> {
        let hits = &self.blocks[b].hits;
        let first = hits.partition_point(|h| h.range.start < range.start);
        hits.get(first)
            .filter(|h| h.range.end <= range.end)
            .map(|_| first)
    }

    /// The hits that form the subject phrase at `range` (block offsets): the first group of
    /// coordinated actors, when it opens the phrase.
    fn subject_hits(&self, b: usize, range: &Range<usize>) -> Vec<&Hit> {
        let text = &self.doc.blocks[b].text;
        let hits = &self.blocks[b].hits;
        let Some(first) = self.first_hit_in(b, range) else {
            return Vec::new();
        };
        // Only determiners and modifiers may come before the first actor ("the second Obama
        // Administration"), not a preposition ("Information in a CRS Report").
        let before = &text[range.start..hits[first].range.start];
        let words = tokenize(before);
        if words.len() > 3
            || words.iter().any(|t| {
                matches!(
                    t.text(before).to_lowercase().as_str(),
                    "of" | "for" | "in" | "on" | "from" | "with" | "to" | "at" | "by" | "about"
                )
            })
        {
            return Vec::new();
        }
        self.group(b, first, range.end)
    }

    /// Coordinated hits from `first`: "X, Y, and the Z" (ending before `limit`).
    fn group(&self, b: usize, first: usize, limit: usize) -> Vec<&Hit> {
        let text = &self.doc.blocks[b].text;
        let hits = &self.blocks[b].hits;
        let mut out = vec![&hits[first]];
        let mut k = first;
        while k + 1 < hits.len() && hits[k + 1].range.end <= limit {
            let gap = text[hits[k].range.end..hits[k + 1].range.start].trim();
            let gap = gap.trim_end_matches("the").trim();
            if matches!(
                gap,
                "" | "," | "and" | ", and" | "or" | ", or" | "&" | "as well as"
            ) {
                out.push(&hits[k + 1]);
                k += 1;
            } else {
                break;
            }
        }
        out
    }

    /// "it"/"they" at `pronoun` (block offsets) in sentence `sentence`: the subject of a
    /// sentence-opening subordinate clause ("While Mexico is …, it should …"), else the last
    /// subject.
    fn resolve_pronoun(
        &self,
        b: usize,
        sentence: &Range<usize>,
        pronoun: &Range<usize>,
        last_subject: &[ActorRef],
    ) -> Vec<ActorRef> {
        let text = &self.doc.blocks[b].text;
        let opening = text[sentence.clone()]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let subordinate = matches!(
            opening.as_str(),
            "as" | "while"
                | "although"
                | "though"
                | "when"
                | "if"
                | "since"
                | "because"
                | "after"
                | "before"
                | "once"
                | "until"
                | "whereas"
                | "given"
        );
        if subordinate {
            let hits = &self.blocks[b].hits;
            if let Some(first) = hits
                .iter()
                .position(|h| h.range.start >= sentence.start && h.range.end <= pronoun.start)
            {
                return self
                    .group(b, first, pronoun.start)
                    .into_iter()
                    .map(|h| self.actor_ref(b, h, ActorSource::Pronoun))
                    .collect();
            }
        }
        last_subject
            .iter()
            .map(|a| ActorRef {
                via: ActorSource::Pronoun,
                ..a.clone()
            })
            .collect()
    }

    /// The actors of a clause's subject: (who acts, other actors named as the subject of a
    /// passive).
    fn clause_actors(
        &self,
        b: usize,
        sentence: &Range<usize>,
        clause: &Clause,
        last_subject: &[ActorRef],
    ) -> Vec<ActorRef> {
        match &clause.subject {
            Subject::Phrase(r) => {
                let r = sentence.start + r.start..sentence.start + r.end;
                self.subject_hits(b, &r)
                    .into_iter()
                    .map(|h| self.actor_ref(b, h, ActorSource::Subject))
                    .collect()
            }
            Subject::Pronoun(r) => {
                let r = sentence.start + r.start..sentence.start + r.end;
                // The subject of a passive may be a thing ("It must be rigorously treated"):
                // only an antecedent in the same sentence is trusted there.
                let previous = if clause.voice == Voice::Passive {
                    &[][..]
                } else {
                    last_subject
                };
                self.resolve_pronoun(b, sentence, &r, previous)
            }
            Subject::Actorless => Vec::new(),
        }
    }

    /// The actors that open a sentence without a modal clause ("The U.S. also shares…"), for
    /// later pronouns.
    fn opening_subject(&self, b: usize, sentence: &Range<usize>) -> Vec<ActorRef> {
        // At most two words, each a determiner or a sentence adverb (the list is ASCII, so
        // ASCII case is all there is to ignore); read lazily, as the text before the first
        // actor may be long.
        const OPENERS: &[&str] = &[
            "the",
            "both",
            "additionally",
            "further",
            "also",
            "moreover",
            "however",
            "thus",
            "still",
            "finally",
        ];
        let text = &self.doc.blocks[b].text;
        let hits = &self.blocks[b].hits;
        let Some(first) = self.first_hit_in(b, sentence) else {
            return Vec::new();
        };
        let before = &text[sentence.start..hits[first].range.start];
        let ok = before
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(3)
            .enumerate()
            .all(|(k, w)| k < 2 && OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)));
        if !ok {
            return Vec::new();
        }
        self.group(b, first, sentence.end)
            .into_iter()
            .map(|h| self.actor_ref(b, h, ActorSource::Subject))
            .collect()
    }

    fn action(
        &self,
        b: usize,
        base: usize,
        clause_verb: Option<Range<usize>>,
        object: Option<Range<usize>>,
    ) -> Option<Action> {
        let verb = clause_verb?;
        let text = &self.doc.blocks[b].text;
        let verb = base + verb.start..base + verb.end;
        let object = object.map(|o| base + o.start..base + o.end);
        let end = object.as_ref().map_or(verb.end, |o| o.end);
        Some(Action {
            verb: text[verb.clone()].to_lowercase(),
            object: object.map(|o| squash(&text[o])),
            span: self.doc.blocks[b].source_span(verb.start..end),
        })
    }

    /// Inline recommendations in the sentences of a prose block (from text offset `offset`).
    #[allow(
        clippy::too_many_lines,
        reason = "the acceptance rules read best in one place, in the order they apply"
    )]
    fn prose(
        &self,
        b: usize,
        offset: usize,
        kind: &mut SectionKind,
        lead_in: &mut Option<LeadIn>,
        last_subject: &mut Vec<ActorRef>,
        out: &mut Vec<Recommendation>,
    ) {
        let block = &self.doc.blocks[b];
        let text = &block.text;
        // The clauses of the sentences that hold a modal were read before the walk.
        let clauses = &self.clauses[self.blocks[b].clauses.clone()];
        for (k, sentence) in self.sentences.of(b).iter().enumerate() {
            if sentence.end <= offset {
                continue;
            }
            let s_text = &text[sentence.clone()];
            // A run-in heading the parser left at the start of a paragraph.
            if k == 0 && matches!(block.kind, BlockKind::Paragraph) {
                let head = s_text.trim_end_matches('.');
                // Title case first: it fails at the first lower-case word of most sentences,
                // where counting words reads nine of them.
                if is_title_case(head) && head.split_whitespace().nth(8).is_none() {
                    let heading_kind = classify_heading(head);
                    if heading_kind != SectionKind::Body {
                        *kind = heading_kind;
                        last_subject.clear();
                        continue;
                    }
                }
            }
            if *kind == SectionKind::Boilerplate {
                continue;
            }
            let clause = clauses
                .binary_search_by_key(&k, |(j, _)| *j)
                .ok()
                .map(|at| clauses[at].1.clone());
            let Some(clause) = clause else {
                let opening = self.opening_subject(b, sentence);
                if !opening.is_empty() {
                    *last_subject = opening;
                }
                continue;
            };
            let actors = self.clause_actors(b, sentence, &clause, last_subject);
            // "may", "could", "might" lay out options in an options section, or anywhere when a
            // legislature is the subject ("Congress may consider…", "Members could seek to…");
            // elsewhere they predict ("it could consider aggressive cyber operations").
            if clause.modality == Modality::May
                && *kind != SectionKind::Options
                && !(matches!(clause.subject, Subject::Phrase(_))
                    && !actors.is_empty()
                    && actors.iter().all(|a| {
                        matches!(
                            self.actor_kind(&a.id),
                            Some(ActorKind::Legislature | ActorKind::Committee)
                        )
                    }))
            {
                let opening = self.opening_subject(b, sentence);
                if !opening.is_empty() {
                    *last_subject = opening;
                }
                continue;
            }
            if clause.lead_in {
                let paragraphs = !clause.modal.is_empty()
                    && s_text[clause.modal.clone()]
                        .to_lowercase()
                        .starts_with("recommend");
                // "such a strategy should seek to do the following:" names no actor: the
                // items are for whoever the section's last recommendation addressed.
                let section_index = self.block_section[b];
                let actors = if actors.is_empty() {
                    out.last()
                        .filter(|r: &&Recommendation| r.section_index == section_index)
                        .map(|r| r.actors.clone())
                        .unwrap_or_default()
                } else {
                    actors
                };
                *lead_in = Some(LeadIn {
                    actors: actors
                        .into_iter()
                        .map(|a| ActorRef {
                            via: ActorSource::LeadIn,
                            ..a
                        })
                        .collect(),
                    modality: clause.modality,
                    paragraphs,
                });
                continue;
            }
            let passive = clause.voice == Voice::Passive;
            let in_rec_section =
                matches!(kind, SectionKind::Recommendations | SectionKind::Options);
            // Generic actors under "must"/"shall" outside a recommendations section describe a
            // requirement ("potential grantees must submit their applications").
            // Agencies and generic actors under "must" or "shall" outside a recommendations
            // section describe a rule or a process ("USCIS must validate that the petitioner
            // is…", "potential grantees must submit their applications"); so does "shall"
            // after an office ("the Secretary shall submit").
            let describes_rule = !in_rec_section
                && !actors.is_empty()
                && actors.iter().all(|a| {
                    let k = self.actor_kind(&a.id);
                    match clause.modality {
                        Modality::Must => matches!(
                            k,
                            Some(ActorKind::Public | ActorKind::Agency | ActorKind::Department)
                        ),
                        Modality::Shall => {
                            !matches!(k, Some(ActorKind::Government | ActorKind::Legislature))
                        }
                        _ => false,
                    }
                });
            let accept = match clause.subject {
                Subject::Actorless => true,
                _ if describes_rule => false,
                // A passive recommends only with a deontic modal and a subject that names an
                // actor ("it should also be made a part of the solution").
                _ if passive => {
                    !actors.is_empty()
                        && matches!(
                            clause.modality,
                            Modality::Must | Modality::Shall | Modality::Should
                        )
                }
                _ => !actors.is_empty(),
            };
            if !actors.is_empty() && !passive {
                last_subject.clone_from(&actors);
            }
            if !accept {
                continue;
            }
            let (who, mut patients) = if passive {
                (Vec::new(), actors)
            } else {
                (actors, Vec::new())
            };
            for p in &mut patients {
                p.via = ActorSource::Mention;
            }
            let (section_index, section) = self.section_title(b);
            let span = block.source_span(sentence.clone());
            let modal = (!clause.modal.is_empty()).then(|| {
                self.phrase(
                    b,
                    sentence.start + clause.modal.start..sentence.start + clause.modal.end,
                )
            });
            let mut mentions = patients;
            mentions.extend(self.mentions(b, sentence, &who, &mentions));
            out.push(Recommendation {
                id: String::new(),
                kind: RecommendationKind::Inline,
                title: None,
                text: squash(s_text),
                actors: who,
                mentions,
                modality: clause.modality,
                strength: clause.modality.strength(),
                modal,
                voice: clause.voice,
                action: self.action(
                    b,
                    sentence.start,
                    clause.verb.clone(),
                    clause.object.clone(),
                ),
                section,
                section_index,
                block: b,
                span,
                sentence: span,
                topics: Vec::new(),
            });
        }
    }

    /// Other actors named in `range` (block offsets), not already listed.
    fn mentions(
        &self,
        b: usize,
        range: &Range<usize>,
        actors: &[ActorRef],
        already: &[ActorRef],
    ) -> Vec<ActorRef> {
        let block = &self.doc.blocks[b];
        let mut out: Vec<ActorRef> = Vec::new();
        for h in &self.blocks[b].hits {
            if h.range.start < range.start || h.range.end > range.end {
                continue;
            }
            let span = block.source_span(h.range.clone());
            if actors.iter().chain(already).any(|a| a.span == span) {
                continue;
            }
            let id = &self.actors[h.actor].id;
            if actors
                .iter()
                .chain(already)
                .chain(out.iter())
                .any(|a| &a.id == id)
            {
                continue;
            }
            out.push(self.actor_ref(b, h, ActorSource::Mention));
        }
        out
    }

    /// An explicit recommendation from a list item (or an imperative paragraph after a lead-in).
    #[allow(
        clippy::too_many_lines,
        reason = "title, body clause, inherited actors and action are one decision"
    )]
    fn item(
        &self,
        b: usize,
        offset: usize,
        lead_in: Option<&LeadIn>,
        kind: SectionKind,
    ) -> Option<Recommendation> {
        if kind == SectionKind::Boilerplate {
            return None;
        }
        let block = &self.doc.blocks[b];
        let text = &block.text;
        // The item's sentences, the first one starting after a bullet glyph left in the text.
        let owned: Vec<Range<usize>> = self
            .sentences
            .of(b)
            .iter()
            .filter(|s| s.end > offset)
            .map(|s| s.start.max(offset)..s.end)
            .collect();
        let sentences: Vec<&Range<usize>> = owned.iter().collect();
        let body = offset..text.len();
        if text[body.clone()].trim().is_empty() {
            return None;
        }
        // The title: the parser's, else an imperative first sentence.
        let parser_title = match &block.kind {
            BlockKind::ListItem { title: Some(t), .. } if !t.trim().is_empty() => text[offset..]
                .find(t.as_ref())
                .map(|at| offset + at..offset + at + t.len()),
            _ => None,
        };
        let first = sentences.first().map(|s| (*s).clone());
        let imperative_first = first.as_ref().and_then(|s| {
            let s_start = s.start.max(offset);
            imperative(&text[s_start..s.end]).map(|(v, o)| (s_start, s.clone(), v, o))
        });
        let title = parser_title.or_else(|| {
            imperative_first.as_ref().map(|(start, s, _, _)| {
                let t = text[*start..s.end].trim_end_matches(['.', ':', ';']);
                *start..*start + t.len()
            })
        });
        // The first modal clause of the body with actors, else the first modal clause.
        let mut clause_found: Option<(Range<usize>, Clause, Vec<ActorRef>)> = None;
        let mut last_subject = Vec::new();
        for s in &sentences {
            let s = (*s).clone();
            let Some(clause) = analyse(&text[s.clone()], kind == SectionKind::Options) else {
                continue;
            };
            let actors = self.clause_actors(b, &s, &clause, &last_subject);
            if !actors.is_empty() {
                last_subject.clone_from(&actors);
            }
            let better = match &clause_found {
                None => true,
                Some((_, _, a)) => a.is_empty() && !actors.is_empty(),
            };
            if better {
                clause_found = Some((s, clause, actors));
            }
        }
        let (mut actors, modality, voice, modal, action, sentence_range) = match &clause_found {
            Some((s, clause, actors)) if clause.voice != Voice::Passive => (
                actors.clone(),
                clause.modality,
                clause.voice,
                Some(self.phrase(b, s.start + clause.modal.start..s.start + clause.modal.end)),
                self.action(b, s.start, clause.verb.clone(), clause.object.clone()),
                s.clone(),
            ),
            Some((s, clause, _)) => (
                Vec::new(),
                clause.modality,
                clause.voice,
                Some(self.phrase(b, s.start + clause.modal.start..s.start + clause.modal.end)),
                self.action(b, s.start, clause.verb.clone(), clause.object.clone()),
                s.clone(),
            ),
            None => (
                Vec::new(),
                lead_in.map_or(
                    if kind == SectionKind::Options {
                        Modality::May
                    } else {
                        Modality::Should
                    },
                    |l| l.modality,
                ),
                Voice::Imperative,
                None,
                None,
                first.clone().unwrap_or(body.clone()),
            ),
        };
        if actors.is_empty()
            && let Some(l) = lead_in
        {
            actors.clone_from(&l.actors);
        }
        // The title's imperative is the action when it leads the item.
        let (voice, action) = match &imperative_first {
            Some((start, _, v, o)) => (
                Voice::Imperative,
                self.action(b, *start, Some(v.clone()), o.clone())
                    .or(action),
            ),
            None => (voice, action),
        };
        // In an options section without a lead-in, an item is an option only when it says so
        // (a modal clause or an imperative lead); "War powers. Some Members have…" is a topic.
        if kind == SectionKind::Options
            && lead_in.is_none()
            && clause_found.is_none()
            && imperative_first.is_none()
        {
            return None;
        }
        let sentence_span = if let Some(t) = &title {
            block.source_span(t.clone())
        } else {
            block.source_span(sentence_range)
        };
        let (section_index, section) = self.section_title(b);
        let mentions = self.mentions(b, &body, &actors, &[]);
        Some(Recommendation {
            id: String::new(),
            kind: RecommendationKind::Explicit,
            title: title.map(|t| self.phrase(b, t)),
            text: squash(&text[body.clone()]),
            actors,
            mentions,
            modality,
            strength: modality.strength(),
            modal,
            voice,
            action,
            section,
            section_index,
            block: b,
            span: block.source_span(body),
            sentence: sentence_span,
            topics: Vec::new(),
        })
    }
}

/// Title Case: most words capitalised (short function words excepted).
fn is_title_case(s: &str) -> bool {
    let small = [
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "as", "at", "by", "with",
    ];
    let mut words = s.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| small.contains(&w) || w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// Stable ids: `rec-` and the first 8 hex digits of the FNV-1a hash of the normalised text
/// (lower case, letters and digits only); repeats of the same text get `-2`, `-3`….
fn assign_ids(recs: &mut [Recommendation]) {
    let mut seen: Vec<String> = Vec::with_capacity(recs.len());
    for rec in recs.iter_mut() {
        let base = format!("rec-{:08x}", fnv1a(&rec.text) >> 32);
        let n = seen.iter().filter(|s| **s == base).count();
        rec.id = if n == 0 {
            base.clone()
        } else {
            format!("{base}-{}", n + 1)
        };
        seen.push(base);
    }
}

/// 64-bit FNV-1a over the lower-cased letters and digits of `text`.
pub(crate) fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for byte in l.encode_utf8(&mut buf).bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    use debrief_parser::{Block, BlockKind, Document, InputStyle, Span};

    fn doc<'a>(src: &'a str, kinds: &[BlockKind<'a>]) -> Document<'a> {
        let mut blocks = Vec::new();
        let mut at = 0;
        for (piece, kind) in src.split("\n\n").zip(kinds) {
            let span = Span::new(at, at + piece.len());
            blocks.push(Block::verbatim(kind.clone(), piece, span));
            at += piece.len() + 2;
        }
        Document::new(src, InputStyle::BlankLines, blocks, vec![], vec![])
    }

    #[test]
    fn a_lead_in_set_as_a_heading_introduces_imperative_paragraphs() {
        let src = "Recommendation\n\nWe recommend that the Director, U.S. Citizenship and \
                   Immigration Services:\n\nClarify and enforce policies and procedures.\n\n\
                   Management Comments\n\nUSCIS concurred.";
        let heading = BlockKind::Heading {
            level: 2,
            run_in: false,
        };
        let kinds = [
            heading.clone(),
            heading.clone(),
            BlockKind::Paragraph,
            heading,
            BlockKind::Paragraph,
        ];
        let brief = crate::extract(&doc(src, &kinds));
        assert_eq!(
            brief.recommendations.len(),
            1,
            "{:#?}",
            brief.recommendations
        );
        let rec = &brief.recommendations[0];
        assert_eq!(rec.kind, RecommendationKind::Explicit);
        assert_eq!(
            rec.title.as_ref().unwrap().text,
            "Clarify and enforce policies and procedures"
        );
        assert_eq!(rec.actors[0].id, "director-uscis");
        assert_eq!(rec.actors[0].via, ActorSource::LeadIn);
    }

    #[test]
    fn list_items_inherit_the_lead_in_actors_and_sections_reset_them() {
        let src = "Congress and the Administration should do the following:\n\n\
                   Fund the program.\n\nReview the rules.\n\nBackground\n\nFund it.";
        let item = BlockKind::ListItem {
            marker: "•".into(),
            ordinal: None,
            depth: 0,
            title: None,
        };
        let kinds = [
            BlockKind::Paragraph,
            item.clone(),
            item.clone(),
            BlockKind::Heading {
                level: 1,
                run_in: false,
            },
            item,
        ];
        let brief = crate::extract(&doc(src, &kinds));
        let titles: Vec<&str> = brief
            .recommendations
            .iter()
            .filter_map(|r| r.title.as_ref().map(|t| t.text.as_str()))
            .collect();
        assert_eq!(titles, ["Fund the program", "Review the rules"]);
        for rec in &brief.recommendations {
            let ids: Vec<&str> = rec.actors.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, ["congress", "administration"]);
        }
    }

    #[test]
    fn fnv1a_ignores_case_spacing_and_punctuation() {
        assert_eq!(fnv1a("Congress should act."), fnv1a("congress  SHOULD act"));
        assert_ne!(
            fnv1a("Congress should act."),
            fnv1a("Congress should not act.")
        );
        // Published FNV-1a 64 test vector: "a" → 0xaf63dc4c8601ec8c.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
