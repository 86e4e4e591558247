//! Modal clauses: deontic versus epistemic modals, the subject before the modal, the action
//! (main verb and object) after it.
//!
//! A sentence recommends when its main clause has a deontic modal: "must", "shall", "should",
//! "ought to", "need(s) to"; "may", "might", "could" only where options are being laid out (or
//! before "consider" and "wish to"); a subjunctive "we recommend that X do"; or an actorless
//! necessity ("more needs to be done to…", "it is necessary to…"). A modal is *epistemic* — a
//! prediction, not advice — when an epistemic adverb follows it ("could well", "will likely",
//! "should probably"), when it is a counterfactual ("should have been"), when its verb is one
//! of prediction or discourse ("should expect", "it should be noted"), when it sits in a
//! conditional or other subordinate clause ("if Congress should…"), or when the sentence is a
//! question or a heading ("What the U.S. Should Do").
//!
//! The analysis works on words, not on a parse tree: the subject is the noun phrase before the
//! modal back to a clause boundary (a subordinator, a colon or semicolon, or a comma that does not
//! join a coordination such as "the Administration, Congress, and the American people"); the
//! action is the first verb after the modal (skipping adverbs and light verbs such as "work to")
//! and its object up to the end of its clause.

use std::ops::Range;
use std::sync::LazyLock;

use crate::text::{Token, is_capitalised, tokenize};
use crate::{Modality, Voice};

/// A modal clause found in a sentence (byte ranges of the sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clause {
    pub(crate) modality: Modality,
    /// The modal words ("should", "needs to be done", "recommend that").
    pub(crate) modal: Range<usize>,
    pub(crate) subject: Subject,
    pub(crate) voice: Voice,
    /// The main verb.
    pub(crate) verb: Option<Range<usize>>,
    /// The verb's object or complement.
    pub(crate) object: Option<Range<usize>>,
    /// The sentence ends with a colon: it introduces a list ("…the following:").
    pub(crate) lead_in: bool,
}

/// The subject of a modal clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A noun phrase (actors are looked up inside it).
    Phrase(Range<usize>),
    /// "it", "they": resolved by the caller.
    Pronoun(Range<usize>),
    /// An actorless necessity ("more needs to be done", "it is necessary to").
    Actorless,
}

static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../data/verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `word` (lower case) is a base-form verb of the built-in action list.
pub(crate) fn is_action_verb(word: &str) -> bool {
    VERBS.binary_search(&word).is_ok()
}

/// Function words: determiners, pronouns, prepositions, conjunctions, auxiliaries.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "although", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "during", "each", "either", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "may", "might", "more",
    "most", "must", "neither", "no", "nor", "not", "of", "on", "or", "other", "our", "over",
    "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "until", "upon", "was",
    "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "you", "your",
];

/// Whether `word` (lower case) is a function word.
pub(crate) fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// Adverbs that may stand between a subject, its modal and its verb.
const ADVERBS: &[&str] = &[
    "again",
    "also",
    "always",
    "instead",
    "jointly",
    "likewise",
    "next",
    "not",
    "now",
    "only",
    "perhaps",
    "similarly",
    "soon",
    "still",
    "then",
    "therefore",
    "thus",
    "too",
    "ultimately",
    "first",
    "further",
    "furthermore",
    "however",
    "moreover",
    "accordingly",
    "consequently",
    "hence",
    "additionally",
    "at",
    "least",
    "minimum",
    "never",
    "once",
    "so",
    "both",
    "all",
    "each",
    "either",
    "even",
];

/// Adverbs after a modal that make it epistemic ("could well", "should probably").
const EPISTEMIC: &[&str] = &[
    "likely",
    "probably",
    "possibly",
    "well",
    "certainly",
    "surely",
    "undoubtedly",
    "presumably",
    "conceivably",
    "eventually",
    "plausibly",
];

/// Verbs of prediction, perception or discourse: a modal before them is not advice.
const NOT_ACTIONS: &[&str] = &[
    "appear",
    "arise",
    "be noted",
    "bear",
    "cause",
    "come",
    "emphasize",
    "expect",
    "fall",
    "grow",
    "happen",
    "lead",
    "mean",
    "mention",
    "note",
    "noted",
    "occur",
    "point",
    "prove",
    "recall",
    "remember",
    "result",
    "rise",
    "say",
    "seem",
    "stress",
    "surpass",
    "suffer",
    "turn",
    "yield",
    "not be relied",
    "relied",
];

/// Participles after "be" that mark discourse, not action ("it should be noted").
const DISCOURSE_PARTICIPLES: &[&str] = &[
    "noted",
    "emphasized",
    "stressed",
    "remembered",
    "recalled",
    "mentioned",
    "pointed",
    "borne",
    "understood",
    "relied",
    "expected",
    "seen",
    "said",
    "considered",
];

/// Light verbs: "work to X", "seek to X" — the action is X.
const LIGHT_VERBS: &[&str] = &[
    "work", "seek", "strive", "endeavor", "try", "aim", "act", "move", "begin", "start", "attempt",
    "look", "continue",
];

/// Words that open a subordinate clause: a modal after them is not in the main clause.
const SUBORDINATORS: &[&str] = &[
    "if", "when", "whenever", "while", "as", "because", "although", "though", "since", "unless",
    "whether", "where", "before", "after", "until", "once", "whereas", "so", "than",
];

/// Verbs and adjectives whose "that"-complement may hold a recommendation.
const COMPLEMENT_TAKERS: &[&str] = &[
    "believe",
    "believes",
    "believed",
    "recommend",
    "recommends",
    "suggest",
    "suggests",
    "argue",
    "argues",
    "conclude",
    "concludes",
    "concluded",
    "think",
    "thinks",
    "agree",
    "agrees",
    "propose",
    "proposes",
    "urge",
    "urges",
    "important",
    "essential",
    "critical",
    "necessary",
    "imperative",
    "vital",
    "clear",
    "insist",
    "insists",
    "stress",
    "stresses",
    "emphasize",
    "emphasizes",
    "maintain",
    "maintains",
    "said",
    "says",
    "states",
    "stated",
    "noted",
    "notes",
    "found",
    "finds",
    "determined",
    "contend",
    "contends",
    "so",
    "and",
];

/// Relative pronouns: "criteria that should guide" is not a recommendation.
const RELATIVES: &[&str] = &["that", "which", "who", "whom", "whose"];

/// Words that end an object ("…goods from abroad while deterring…").
const CLAUSE_BREAKS: &[&str] = &[
    "while", "whereas", "although", "because", "unless", "but", "thereby", "so",
];

/// Irregular past participles (regular ones end in -ed).
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "begun",
    "borne",
    "brought",
    "built",
    "chosen",
    "done",
    "drawn",
    "found",
    "given",
    "held",
    "kept",
    "known",
    "laid",
    "led",
    "made",
    "met",
    "paid",
    "put",
    "run",
    "sent",
    "set",
    "shown",
    "sought",
    "spent",
    "taken",
    "told",
    "undertaken",
    "written",
    "withdrawn",
    "overseen",
];

/// Subjects of an actorless necessity ("more needs to be done").
const ACTORLESS: &[&str] = &[
    "more",
    "much",
    "much more",
    "more work",
    "something",
    "everything",
    "action",
    "actions",
    "steps",
    "efforts",
    "work",
    "a lot",
    "attention",
    "measures",
    "further action",
    "additional steps",
    "additional action",
    "more action",
];

struct Words<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// The text in ASCII lower case: same byte offsets, so a token's range slices it too.
    lower: String,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        let toks = tokenize(text);
        Words {
            text,
            toks,
            lower: text.to_ascii_lowercase(),
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn lw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.range()])
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    fn span(&self, from: usize, to_inclusive: usize) -> Range<usize> {
        self.toks[from].start..self.toks[to_inclusive].end
    }

    fn is_adverb(&self, i: usize) -> bool {
        let w = self.lw(i);
        ADVERBS.contains(&w)
            || (w.len() > 4 && w.ends_with("ly") && !EPISTEMIC.contains(&w) && w != "only")
    }

    fn skip_adverbs(&self, mut i: usize) -> usize {
        while i < self.len() && (self.is_adverb(i) || self.lw(i) == ",") {
            // "also, in coordination with …" — do not run past a comma into a parenthetical.
            if self.lw(i) == "," {
                break;
            }
            i += 1;
        }
        i
    }
}

fn is_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&w)
}

/// The first recommending modal clause of `sentence`, if any. `permissive` allows "may",
/// "could" and "might" (in options sections).
pub(crate) fn analyse(sentence: &str, permissive: bool) -> Option<Clause> {
    // Most sentences hold no modal: look for one before tokenizing.
    if !may_recommend(sentence) {
        return None;
    }
    analyse_unchecked(sentence, permissive)
}

/// Whether `text` holds a word a recommending clause needs ("should", "must", "recommend"…).
fn may_recommend(text: &str) -> bool {
    !crate::text::marker_words(text).triggers.is_empty()
}

/// [`analyse`] without the trigger check (the caller made it).
pub(crate) fn analyse_unchecked(sentence: &str, permissive: bool) -> Option<Clause> {
    let w = Words::new(sentence);
    if w.len() == 0 {
        return None;
    }
    let lead_in = sentence.trim_end().ends_with(':');
    if sentence.trim_end().ends_with('?') {
        return None;
    }
    // "What the U.S. Should Do." is a heading, not advice.
    if matches!(
        w.lw(0),
        "what" | "how" | "why" | "which" | "who" | "whether"
    ) && w.len() <= 10
    {
        return None;
    }
    for i in 0..w.len() {
        let found = match w.lw(i) {
            "must" => modal_clause(&w, i, i + 1, Modality::Must, lead_in),
            "shall" => modal_clause(&w, i, i + 1, Modality::Shall, lead_in),
            "should" => modal_clause(&w, i, i + 1, Modality::Should, lead_in),
            "ought" if w.lw(i + 1) == "to" => modal_clause(&w, i, i + 2, Modality::Should, lead_in),
            "need" | "needs" if w.lw(i + 1) == "to" && !noun_need(&w, i) => {
                modal_clause(&w, i, i + 2, Modality::Need, lead_in)
            }
            // Permissive modals are options only where the caller says so (an options section,
            // or a legislature as the subject).
            "may" | "might" | "could" if permissive => {
                modal_clause(&w, i, i + 1, Modality::May, lead_in)
            }
            "recommend" | "recommends" | "recommending" if w.lw(i + 1) == "that" => {
                subjunctive(&w, i, lead_in)
            }
            "necessary" | "imperative" => necessity(&w, i, lead_in),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// "the need to", "its needs to": a noun, not a modal.
fn noun_need(w: &Words<'_>, i: usize) -> bool {
    i > 0
        && matches!(
            w.lw(i - 1),
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "our"
                | "this"
                | "that"
                | "urgent"
                | "clear"
                | "growing"
                | "critical"
                | "pressing"
                | "no"
                | "any"
        )
}

fn modal_clause(
    w: &Words<'_>,
    m: usize,
    modal_end: usize,
    modality: Modality,
    lead_in: bool,
) -> Option<Clause> {
    // Not sentence-initial ("Should Congress decide…") and not after a conditional.
    let mut before = m;
    while before > 0 && (w.is_adverb(before - 1) || matches!(w.lw(before - 1), "will" | "would")) {
        before -= 1;
    }
    if before == 0 {
        return None;
    }
    let subject = subject(w, before)?;
    let after = w.skip_adverbs(modal_end);
    if EPISTEMIC.contains(&w.lw(after)) || EPISTEMIC.contains(&w.lw(modal_end)) {
        return None;
    }
    // Counterfactual "should have been".
    if w.lw(after) == "have" && (is_participle(w.lw(after + 1)) || w.lw(after + 1) == "been") {
        return None;
    }
    let mut voice = Voice::Active;
    let mut modal = w.span(m, modal_end - 1);
    let verb_at;
    if w.lw(after) == "be" {
        let p = w.skip_adverbs(after + 1);
        if DISCOURSE_PARTICIPLES.contains(&w.lw(p)) {
            return None;
        }
        if is_participle(w.lw(p)) {
            voice = Voice::Passive;
            modal = w.span(m, p);
            // "needs to be done to enhance": the action is "enhance".
            if matches!(w.lw(p), "done" | "taken") && w.lw(p + 1) == "to" && w.is_word(p + 2) {
                verb_at = p + 2;
            } else {
                verb_at = p;
            }
        } else if w.lw(p) == "able" && w.lw(p + 1) == "to" {
            verb_at = p + 2;
        } else {
            verb_at = after;
        }
    } else {
        verb_at = after;
    }
    if !w.is_word(verb_at) {
        return None;
    }
    let mut verb_at = verb_at;
    // Light verbs: "work to strengthen" → "strengthen"; "take steps to reduce" → "reduce".
    if LIGHT_VERBS.contains(&w.lw(verb_at)) && w.lw(verb_at + 1) == "to" && w.is_word(verb_at + 2) {
        verb_at = w.skip_adverbs(verb_at + 2);
    } else if w.lw(verb_at) == "take"
        && matches!(w.lw(verb_at + 1), "steps" | "action" | "measures")
        && w.lw(verb_at + 2) == "to"
    {
        verb_at += 3;
    }
    let verb = w.lw(verb_at);
    if NOT_ACTIONS.contains(&verb) {
        return None;
    }
    if voice == Voice::Active && !matches!(subject, Subject::Actorless) {
        // An active verb after a modal is a bare infinitive: lower case and not a function word
        // (rules out "must be" + adjective tails such as "must be related", handled as "be").
        if is_capitalised(w.raw(verb_at))
            || (is_function_word(verb) && !matches!(verb, "be" | "do"))
        {
            return None;
        }
    }
    // "more needs to be done", "steps must be taken": an actorless necessity.
    let done =
        voice == Voice::Passive && matches!(w.lw(modal_end_of(w, m, &modal)), "done" | "taken");
    let subject = match subject {
        Subject::Phrase(r) if done => {
            let text = w.text[r.clone()].to_lowercase();
            if ACTORLESS.contains(&text.as_str()) {
                Subject::Actorless
            } else {
                Subject::Phrase(r)
            }
        }
        s => s,
    };
    let (verb_range, object) = action(w, verb_at);
    Some(Clause {
        modality,
        modal,
        subject,
        voice,
        verb: verb_range,
        object,
        lead_in,
    })
}

/// The index of the last token of the modal phrase `modal` that starts at token `m`.
fn modal_end_of(w: &Words<'_>, m: usize, modal: &Range<usize>) -> usize {
    let mut k = m;
    while k + 1 < w.len() && w.toks[k + 1].end <= modal.end {
        k += 1;
    }
    k
}

/// A pronoun subject at token `last`. It opens its clause: at the start, after punctuation or
/// after a conjunction or sentence adverb; after a noun or a subordinator it is in an embedded
/// clause ("how much change it needs to make", "if it should").
fn pronoun_subject(w: &Words<'_>, last: usize) -> Option<Subject> {
    if last > 0 {
        let prev = w.lw(last - 1);
        let opens = !w.is_word(last - 1)
            || matches!(
                prev,
                "and" | "but" | "so" | "yet" | "then" | "therefore" | "thus"
            )
            || w.is_adverb(last - 1);
        if !opens {
            return None;
        }
    }
    Some(Subject::Pronoun(w.toks[last].range()))
}

/// The subject noun phrase ending just before token `end` (exclusive).
fn subject(w: &Words<'_>, end: usize) -> Option<Subject> {
    let last = end - 1;
    let lw = w.lw(last);
    if matches!(lw, "it" | "they" | "he" | "she") {
        return pronoun_subject(w, last);
    }
    if matches!(lw, "we" | "i" | "you" | "one") || RELATIVES.contains(&lw) {
        return None;
    }
    if !w.is_word(last) && lw != ")" {
        return None;
    }
    let mut k = end;
    let mut depth = 0usize;
    let mut boundary: Option<&str> = None;
    while k > 0 {
        let i = k - 1;
        let lwi = w.lw(i);
        if lwi == ")" {
            depth += 1;
            k -= 1;
            continue;
        }
        if lwi == "(" {
            if depth == 0 {
                break;
            }
            depth -= 1;
            k -= 1;
            continue;
        }
        if depth > 0 {
            k -= 1;
            continue;
        }
        if lwi == "," {
            // Part of a coordination ("X, Y, and Z") when the phrase so far holds "and"/"or"
            // and a word (not a sentence adverb) precedes the comma.
            let coordinated = (k..end).any(|j| matches!(w.lw(j), "and" | "or"));
            let prev_is_name = i > 0 && is_capitalised(w.raw(i - 1)) && i - 1 > 0;
            if coordinated && prev_is_name {
                k -= 1;
                continue;
            }
            break;
        }
        if !w.is_word(i) {
            if matches!(lwi, "’" | "'" | "–" | "-" | "&") {
                k -= 1;
                continue;
            }
            break;
        }
        if SUBORDINATORS.contains(&lwi) || RELATIVES.contains(&lwi) {
            boundary = Some(lwi);
            break;
        }
        // Verbs of saying/believing end the subject: "GAO believes Congress should".
        if matches!(
            lwi,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "said"
                | "says"
                | "believes"
                | "believe"
                | "argue"
                | "argues"
                | "suggests"
                | "recommends"
                | "concluded"
        ) {
            break;
        }
        k -= 1;
    }
    if let Some(b) = boundary {
        // "that" opens a complement after a verb of saying or judging ("GAO believes that
        // Congress should"), but a relative clause after a noun ("policy that Members might
        // choose").
        let complement = b == "that" && k >= 2 && COMPLEMENT_TAKERS.contains(&w.lw(k - 2));
        if !complement {
            return None;
        }
    }
    if k >= end {
        return None;
    }
    // Drop leading sentence adverbs and conjunctions ("Additionally", "And").
    while k < end - 1 && (w.is_adverb(k) || matches!(w.lw(k), "and" | "but" | "or" | "yet")) {
        k += 1;
    }
    Some(Subject::Phrase(w.span(k, end - 1)))
}

/// The verb at `v` and its object, up to the end of its clause.
fn action(w: &Words<'_>, v: usize) -> (Option<Range<usize>>, Option<Range<usize>>) {
    if !w.is_word(v) {
        return (None, None);
    }
    let verb = w.toks[v].range();
    let mut end = None;
    let mut k = v + 1;
    // "clarify and enforce policies": keep a coordinated verb with the first.
    while k < w.len() && k - v <= 30 {
        let lw = w.lw(k);
        if !w.is_word(k)
            && !matches!(
                lw,
                "’" | "'" | "–" | "-" | "&" | "“" | "”" | "\"" | "%" | "$"
            )
        {
            break;
        }
        if CLAUSE_BREAKS.contains(&lw) {
            break;
        }
        end = Some(k);
        k += 1;
    }
    let object = end.map(|e| w.toks[v + 1].start..w.toks[e].end);
    (Some(verb), object)
}

/// "we recommend that the Secretary of Energy take the lead…", "We recommend that the Director,
/// U.S. Citizenship and Immigration Services:".
fn subjunctive(w: &Words<'_>, r: usize, lead_in: bool) -> Option<Clause> {
    // Only present tense recommendations of the text itself: "we recommend", "GAO recommends",
    // "we are recommending" (not "we recommended", which reports an earlier one).
    let that = r + 1;
    let start = that + 1;
    let mut k = start;
    let mut verb_at = None;
    while k < w.len() {
        let lw = w.lw(k);
        let raw = w.raw(k);
        if lw == ":" || lw == ";" || lw == "." {
            break;
        }
        if w.is_word(k) && !is_capitalised(raw) && k > start && is_action_verb(lw) {
            verb_at = Some(k);
            break;
        }
        k += 1;
    }
    if k == start {
        return None;
    }
    let subject_end = verb_at.unwrap_or(k);
    // Trim a trailing comma from the subject.
    let mut last = subject_end - 1;
    while last > start && !w.is_word(last) {
        last -= 1;
    }
    let subject = Subject::Phrase(w.span(start, last));
    let (verb, object) = match verb_at {
        Some(v) => {
            let mut v = v;
            if LIGHT_VERBS.contains(&w.lw(v)) && w.lw(v + 1) == "to" && w.is_word(v + 2) {
                v += 2;
            }
            action(w, v)
        }
        None => (None, None),
    };
    if verb.is_none() && !lead_in {
        return None;
    }
    Some(Clause {
        modality: Modality::Should,
        modal: w.span(r, that),
        subject,
        voice: Voice::Active,
        verb,
        object,
        lead_in,
    })
}

/// "it is necessary to …", "it is essential that …" (actorless).
fn necessity(w: &Words<'_>, i: usize, lead_in: bool) -> Option<Clause> {
    if i < 2 || !matches!(w.lw(i - 1), "is" | "be") || w.lw(i - 2) != "it" {
        return None;
    }
    if w.lw(i + 1) != "to" || !w.is_word(i + 2) {
        return None;
    }
    let v = w.skip_adverbs(i + 2);
    if NOT_ACTIONS.contains(&w.lw(v)) {
        return None;
    }
    let (verb, object) = action(w, v);
    Some(Clause {
        modality: Modality::Need,
        modal: w.span(i - 2, i + 1),
        subject: Subject::Actorless,
        voice: Voice::Active,
        verb,
        object,
        lead_in,
    })
}

/// An imperative lead: the first word is a base-form action verb ("Develop a comprehensive
/// strategy", "foster U.S.–Mexico accords", "Clarify and enforce policies"). Returns the verb
/// and its object.
pub(crate) fn imperative(sentence: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let w = Words::new(sentence);
    let mut first = 0;
    // Skip a bullet glyph or list marker.
    while first < w.len() && !w.is_word(first) {
        first += 1;
    }
    if !is_action_verb(w.lw(first)) {
        return None;
    }
    if matches!(
        w.lw(first + 1),
        "of" | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "’s"
            | "'s"
            | "for"
            | "by"
    ) {
        return None;
    }
    let (verb, object) = action(&w, first);
    Some((verb?, object))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(s: &str) -> Option<(Modality, String, String, Voice, String)> {
        let c = analyse(s, false)?;
        let subject = match &c.subject {
            Subject::Phrase(r) | Subject::Pronoun(r) => s[r.clone()].to_owned(),
            Subject::Actorless => "-".to_owned(),
        };
        let verb = c.verb.map(|r| s[r].to_owned()).unwrap_or_default();
        Some((c.modality, s[c.modal].to_owned(), subject, c.voice, verb))
    }

    #[test]
    fn verb_list_is_sorted_for_binary_search() {
        let mut sorted = VERBS.clone();
        sorted.sort_unstable();
        assert_eq!(*VERBS, sorted);
        let mut fw = FUNCTION_WORDS.to_vec();
        fw.sort_unstable();
        assert_eq!(FUNCTION_WORDS, fw.as_slice());
    }

    #[test]
    fn deontic_clauses() {
        use Modality::*;
        assert_eq!(
            clause("Congress therefore should work to strengthen incentives that speed trade."),
            Some((
                Should,
                "should".into(),
                "Congress".into(),
                Voice::Active,
                "strengthen".into()
            ))
        );
        assert_eq!(
            clause("To aid this growth, more needs to be done to enhance programs for travelers."),
            Some((
                Need,
                "needs to be done".into(),
                "-".into(),
                Voice::Passive,
                "enhance".into()
            ))
        );
        assert_eq!(
            clause("Additionally, the U.S. must decide where to allocate scarce resources."),
            Some((
                Must,
                "must".into(),
                "the U.S.".into(),
                Voice::Active,
                "decide".into()
            ))
        );
        assert_eq!(
            clause(
                "While Mexico is part of the woes, it should also be made a part of the solution."
            ),
            Some((
                Should,
                "should also be made".into(),
                "it".into(),
                Voice::Passive,
                "made".into()
            ))
        );
        assert_eq!(
            clause("The Obama Administration and Congress should work to develop a plan."),
            Some((
                Should,
                "should".into(),
                "The Obama Administration and Congress".into(),
                Voice::Active,
                "develop".into()
            ))
        );
        assert_eq!(
            clause(
                "Therefore, we recommend that the Secretary of Energy take the lead, in coordination."
            ),
            Some((
                Should,
                "recommend that".into(),
                "the Secretary of Energy".into(),
                Voice::Active,
                "take".into()
            ))
        );
    }

    #[test]
    fn epistemic_and_subordinate_uses_are_not_advice() {
        for s in [
            "Mexico could surpass Canada as the top trading partner.",
            "The level of cooperation is unprecedented and will likely continue to grow.",
            "It should be noted that the data are incomplete.",
            "If Congress should decide to act, the program would change.",
            "What the U.S. Should Do.",
            "Should Congress act?",
            "The agency should have acted sooner.",
            "Information in a CRS Report should not be relied upon for other purposes.",
            "The need to do the following is clear.",
            "criteria that should guide the program",
        ] {
            assert_eq!(clause(s), None, "{s}");
        }
    }

    #[test]
    fn imperative_leads() {
        let s = "Develop a comprehensive U.S.–Mexico anti-crime strategy.";
        let (v, o) = imperative(s).unwrap();
        assert_eq!(&s[v], "Develop");
        assert_eq!(
            &s[o.unwrap()],
            "a comprehensive U.S.–Mexico anti-crime strategy"
        );
        assert!(imperative("foster U.S.–Mexico bilateral border security").is_some());
        assert!(imperative("Support for the program grew.").is_none());
        assert!(imperative("Mexico as Part of the Solution").is_none());
    }
}
