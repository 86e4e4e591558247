//! One module per subcommand: its arguments (with `--help` examples) and its `run`.

pub(crate) mod analyze;
pub(crate) mod assess;
pub(crate) mod batch;
pub(crate) mod entities;
pub(crate) mod eval;
pub(crate) mod parse;
pub(crate) mod quantities;
pub(crate) mod recommendations;
pub(crate) mod report;
pub(crate) mod schema;
