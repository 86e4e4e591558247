//! The vocabulary of a policy brief: what [`extract`](crate::extract) returns.
//!
//! Every item carries the byte [`Span`] of what it was read from in the original input (the
//! sentence, and the phrase inside it), so anything shown to a user can be traced back. The types
//! serialise with serde (`snake_case` JSON) and describe themselves with a JSON Schema
//! ([`brief_schema`](crate::brief_schema)).

use std::ops::Range;

use debrief_parser::Span;
use serde::{Deserialize, Serialize};

use crate::topics::TopicCode;

/// Everything extracted from one document.
///
/// ```
/// let doc = debrief_parser::parse("Recommendations\n\nCongress should fund the program.\n");
/// let brief = debrief_model::extract(&doc);
/// assert_eq!(brief.recommendations.len(), 1);
/// assert_eq!(brief.recommendations[0].actors[0].name, "Congress");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Brief {
    /// Sections in reading order, with their kind and topics.
    pub sections: Vec<Section>,
    /// Every sentence of every block, in reading order.
    pub sentences: Vec<Sentence>,
    /// Recommendations: explicit list items and inline sentences with a deontic modal.
    pub recommendations: Vec<Recommendation>,
    /// Governments, legislatures, agencies, offices and other actors named, with their mentions.
    pub actors: Vec<Actor>,
    /// Programs and named initiatives, with their mentions.
    pub programs: Vec<Program>,
    /// Acronyms defined in the document or known without a definition.
    pub acronyms: Vec<Acronym>,
    /// Quantities (counts, money, percentages, lengths…) and dates, in reading order.
    pub quantities: Vec<Quantity>,
    /// Comparative Agendas Project major topics of the whole document.
    pub topics: Vec<TopicAssignment>,
}

/// A stretch of the document under one heading (or before the first heading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Section {
    /// The heading text, or `None` for the text before the first heading.
    pub title: Option<String>,
    /// The heading level (0 for the untitled opening).
    pub level: u8,
    /// Indices of the blocks in the section, the heading included.
    pub blocks: Range<usize>,
    /// From the first byte of the section's first block to the last byte of its last block.
    pub span: Span,
    /// What the section is for, read from its heading.
    #[serde(default)]
    pub kind: SectionKind,
    /// Comparative Agendas Project major topics of the section's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicAssignment>,
}

/// What a section is for, as its heading says.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Ordinary body text.
    #[default]
    Body,
    /// A recommendations section ("Recommendations", "What the U.S. Should Do", "Recommendation
    /// for Executive Action", "What GAO Recommends"): its list items are recommendations.
    Recommendations,
    /// An options section ("Policy Options", "Options for Congress", "Issues for Congress",
    /// "Considerations for Congress"): permissive modals ("Congress could …") count as options.
    Options,
    /// Front or back matter that recommends nothing (disclaimers, author information, contacts,
    /// scope and methodology, tables of contents).
    Boilerplate,
}

/// One sentence of a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Sentence {
    /// Index of the block in [`Document::blocks`](debrief_parser::Document).
    pub block: usize,
    /// Byte range of the sentence in the block's normalised text.
    pub range: Range<usize>,
    /// The input bytes of the sentence.
    pub span: Span,
}

/// A piece of text and the input bytes it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Phrase {
    /// The normalised text (as in the block).
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
}

/// A recommendation: who must act, what, how strongly, and where the brief says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Recommendation {
    /// A stable id (`rec-` and 8 hex digits): a hash of the recommendation's normalised text
    /// (lower case, letters and digits only), with `-2`, `-3`… for repeats of the same text in
    /// one document. It does not change when unrelated text elsewhere is edited.
    pub id: String,
    /// Explicit (an item of a recommendations list) or inline (a sentence).
    pub kind: RecommendationKind,
    /// The imperative lead sentence of an explicit item, without its final period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Phrase>,
    /// The recommendation's text: the whole list item, or the sentence.
    pub text: String,
    /// Who must act (the subject of the modal clause, resolved; inherited from a lead-in for
    /// list items without their own).
    pub actors: Vec<ActorRef>,
    /// Other actors the recommendation names (partners, objects of the action).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<ActorRef>,
    /// The modal: must, shall, should, need or may.
    pub modality: Modality,
    /// How binding the modal is.
    pub strength: Strength,
    /// The modal phrase as written ("should work", "must", "needs to be done", "recommend that").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modal: Option<Phrase>,
    /// Active ("Congress should fund"), passive ("it should be made part of") or imperative
    /// (a list item's title).
    pub voice: Voice,
    /// The action: main verb and its object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// The title of the section the recommendation sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Index of that section in [`Brief::sections`].
    pub section_index: usize,
    /// Index of the block in the document.
    pub block: usize,
    /// The input bytes of the recommendation (the list item, or the sentence).
    pub span: Span,
    /// The input bytes of the sentence that carries the modal (for an explicit item, the
    /// sentence with its actors, or its title).
    pub sentence: Span,
    /// Comparative Agendas Project major topics of the recommendation's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicAssignment>,
}

/// Where a recommendation was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    /// An item of a list introduced by a recommendations heading or a lead-in sentence
    /// ("…should … the following:"), or the text a "We recommend that X:" lead-in introduces.
    Explicit,
    /// A sentence whose main clause has a deontic modal ("Congress should…", "more needs to be
    /// done to…", "we recommend that the Secretary…").
    Inline,
}

/// The modal of a recommendation.
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
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// "must", "has to", "is required to".
    Must,
    /// "shall".
    Shall,
    /// "should", "ought to", "recommend that", an imperative list item.
    Should,
    /// "need(s) to", "it is necessary/essential/imperative to".
    Need,
    /// "may", "could", "might" in an option ("Congress could consider…").
    May,
}

impl Modality {
    /// How binding the modal is.
    ///
    /// ```
    /// use debrief_model::{Modality, Strength};
    /// assert_eq!(Modality::Must.strength(), Strength::Mandatory);
    /// assert_eq!(Modality::Should.strength(), Strength::Advisory);
    /// assert_eq!(Modality::May.strength(), Strength::Permissive);
    /// ```
    pub fn strength(self) -> Strength {
        match self {
            Modality::Must | Modality::Shall => Strength::Mandatory,
            Modality::Should | Modality::Need => Strength::Advisory,
            Modality::May => Strength::Permissive,
        }
    }
}

/// How binding a recommendation is.
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
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// An option the actor may take ("could", "may", "might").
    Permissive,
    /// Advice ("should", "need to", "recommend").
    Advisory,
    /// An obligation ("must", "shall").
    Mandatory,
}

impl Strength {
    /// A number for sorting and scoring: 1 (permissive), 2 (advisory), 3 (mandatory).
    ///
    /// ```
    /// assert!(debrief_model::Strength::Mandatory.rank() > debrief_model::Strength::Advisory.rank());
    /// ```
    pub fn rank(self) -> u8 {
        match self {
            Strength::Permissive => 1,
            Strength::Advisory => 2,
            Strength::Mandatory => 3,
        }
    }
}

/// The grammatical voice of a recommendation's modal clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// "Congress should strengthen…"
    Active,
    /// "it should also be made a part of the solution", "more needs to be done to…"
    Passive,
    /// "Develop a comprehensive strategy." (a list item's lead)
    Imperative,
}

/// What is to be done: the main verb and its object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Action {
    /// The main verb, lower case, as written ("strengthen", "decide", "establish").
    pub verb: String,
    /// The verb's object or complement, up to the end of its clause ("incentives that speed
    /// the legal movements of peoples and goods").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The input bytes from the verb to the end of the object.
    pub span: Span,
}

/// A reference from a recommendation to an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ActorRef {
    /// The actor's id in [`Brief::actors`].
    pub id: String,
    /// The actor's normalised name ("Department of Homeland Security").
    pub name: String,
    /// The words that name it here ("DHS", "It", "The Obama Administration").
    pub mention: String,
    /// Where those words are in the input.
    pub span: Span,
    /// How the actor was found.
    pub via: ActorSource,
}

/// How a recommendation's actor was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorSource {
    /// Named in the subject of the recommendation's own clause.
    Subject,
    /// A pronoun ("it", "they") resolved to the actors named just before it.
    Pronoun,
    /// Inherited by a list item from the lead-in sentence that introduced its list.
    LeadIn,
    /// Named elsewhere in the recommendation (not who acts).
    Mention,
}

/// An actor: a government, legislature, agency, office or other institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Actor {
    /// A stable id: the gazetteer's id for known actors (`dhs`, `congress`), or a slug of the
    /// name for actors found by pattern (`secretary-of-energy`, `obama-administration`).
    pub id: String,
    /// The normalised name.
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The id of the body it belongs to (`cbp` → `dhs`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Every mention, in reading order.
    pub mentions: Vec<Mention>,
}

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A national government ("the U.S.", "Mexico", "the Mexican government").
    Government,
    /// A legislature or chamber ("Congress", "the Senate").
    Legislature,
    /// A legislative committee.
    Committee,
    /// An executive department ("Department of Energy").
    Department,
    /// An agency, bureau or service.
    Agency,
    /// Armed forces and commands ("U.S. Northern Command", "Mexico's armed forces").
    Military,
    /// An office or office-holder ("the Secretary of Energy", "the Obama Administration").
    Office,
    /// A court.
    Court,
    /// An international organisation ("NATO", "the World Bank").
    International,
    /// Other public actors: states, localities, the private sector, the American people,
    /// non-state armed groups.
    Public,
}

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Mention {
    /// The words as they appear in the block text.
    pub text: String,
    /// Where they are in the input.
    pub span: Span,
    /// The input bytes of the sentence around them.
    pub sentence: Span,
}

/// A program or named initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Program {
    /// A slug of the name (`merida-initiative`).
    pub id: String,
    /// The name as first written ("Merida Initiative", "21st-century border management plan").
    pub name: String,
    /// What kind of program, from the name's head noun.
    pub kind: ProgramKind,
    /// Whether it is a proper name (capitalised); `false` for a described plan or strategy
    /// ("a 21st-century border management plan").
    pub named: bool,
    /// Its acronym when the document defines one ("BEST").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Every mention, in reading order.
    pub mentions: Vec<Mention>,
}

/// What kind of program, from the head noun of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
    /// "… Initiative".
    Initiative,
    /// "… Program".
    Program,
    /// "… Task Force", "… Working Group".
    TaskForce,
    /// "… Plan", "… Framework".
    Plan,
    /// "… Strategy", "… Doctrine", "… Policy".
    Strategy,
    /// "… Act", "… Executive Order", "… Directive".
    Law,
    /// "… Agreement", "… Accord", "… Treaty", "… Protocol".
    Agreement,
    /// "… Partnership", "… Alliance", "… Dialogue".
    Partnership,
    /// "… Fund".
    Fund,
    /// Anything else ("… Project", "… Network", "… Command").
    Other,
}

/// An acronym and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Acronym {
    /// The short form ("BEST").
    pub short: String,
    /// The long form ("Border Enforcement Security Task Force").
    pub long: String,
    /// Defined in the document, or known from the built-in list.
    pub source: AcronymSource,
    /// Where the document defines it ("Border Enforcement Security Task Force (BEST)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Span>,
    /// How many times the short form occurs.
    pub occurrences: usize,
}

/// Where an acronym's expansion came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AcronymSource {
    /// Defined in the document ("long form (SHORT)"), found with the Schwartz–Hearst algorithm.
    Defined,
    /// Used without a definition; expanded from the built-in list.
    Known,
}

/// A number with its unit, or a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quantity {
    /// The words of the quantity as written in the block text ("$1.6 billion", "2,000 miles",
    /// "between 2 and 5 percent"), without its qualifier.
    pub text: String,
    /// Where they are in the input.
    pub span: Span,
    /// The input bytes of the sentence around it.
    pub sentence: Span,
    /// What it is.
    pub kind: QuantityKind,
    /// The normalised value in `unit` (`1.6e9` for "$1.6 billion", `40` for "40 percent",
    /// `0.333…` for "one-third", the year for a date); the lower end of a range. `None` for a
    /// vague amount.
    pub value: Option<f64>,
    /// The upper end of a range ("between 2 and 5 percent" → 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The unit, normalised and singular ("mile", "percent", "USD", "barrel per day").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How the value bounds the true amount.
    pub bound: Bound,
    /// The qualifier as written ("as much as", "more than", "about").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Phrase>,
    /// A vague amount ("billions of tax dollars"): only its order of magnitude is known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// The order of magnitude of a vague amount (1e9 for "billions").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magnitude: Option<f64>,
    /// What it measures, when the sentence tells: the noun it modifies ("terrain" in "2,000
    /// miles of terrain", "agents" in "100 agents").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// For dates, years and fiscal years: the point in time written out (`2006-08-22`,
    /// `2025-03`, `2040`, `FY2010`, `2022/2023` for a range of years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// What a [`Quantity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A number of things ("100 agents", "two governments").
    Count,
    /// A percentage ("40 percent", "30%").
    Percent,
    /// Percentage points.
    PercentagePoints,
    /// An amount of money ("$1.6 billion").
    Money,
    /// A length or distance ("2,000 miles").
    Length,
    /// An area ("500 acres").
    Area,
    /// A weight or mass ("10 tons").
    Mass,
    /// A volume ("1 million barrels").
    Volume,
    /// A rate of flow ("2 million barrels per day").
    Rate,
    /// A duration ("10 years", "30 days").
    Duration,
    /// A fraction ("one-third", "half").
    Fraction,
    /// A calendar year ("2040") — a date, kept apart from counts.
    Year,
    /// A federal fiscal year ("FY2010", "fiscal year 2023") — a date.
    FiscalYear,
    /// A calendar date ("August 22, 2006", "March 2025").
    Date,
}

impl QuantityKind {
    /// Whether the quantity is a point in time rather than an amount.
    ///
    /// ```
    /// use debrief_model::QuantityKind;
    /// assert!(QuantityKind::FiscalYear.is_temporal());
    /// assert!(!QuantityKind::Count.is_temporal());
    /// ```
    pub fn is_temporal(self) -> bool {
        matches!(
            self,
            QuantityKind::Year | QuantityKind::FiscalYear | QuantityKind::Date
        )
    }
}

/// How a quantity's value bounds the true amount.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As stated.
    #[default]
    Exact,
    /// Approximately ("about", "nearly", "roughly", "some").
    Approximate,
    /// An upper bound ("as much as", "up to", "at most").
    AtMost,
    /// A lower bound ("at least", "no fewer than").
    AtLeast,
    /// Strictly more ("more than", "over", "exceeding").
    MoreThan,
    /// Strictly less ("less than", "fewer than", "under").
    LessThan,
    /// A range ("between 2 and 5 percent", "2 to 5 percent"): `value` to `upper`.
    Range,
}

/// A Comparative Agendas Project major topic assigned to a text, with the words that triggered
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TopicAssignment {
    /// The CAP major topic.
    pub code: TopicCode,
    /// The topic's name ("Immigration").
    pub label: String,
    /// How many keyword occurrences triggered it.
    pub hits: usize,
    /// The distinct words that triggered it, lower case, most frequent first.
    pub triggers: Vec<String>,
}
