//! Comparative Agendas Project (CAP) major topics.
use serde::{Deserialize, Serialize};

/// A Comparative Agendas Project major topic code (1 Macroeconomics … 23 Culture).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct TopicCode(pub u8);
