//! The `debrief` command-line tool: policy briefs in, recommendations, indicators and
//! scorecards out. See `debrief --help`.
//!
//! Exit codes: 0 ok; 1 findings or failed checks; 2 usage or input error.

// The binary is the one place that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![forbid(unsafe_code)]

mod cmd;
mod diagnostic;
mod input;
mod output;
mod pdf;
mod report;
mod style;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Policy briefs in; recommendations, indicators and scorecards out.
#[derive(Debug, Parser)]
#[command(
    name = "debrief",
    version,
    about,
    long_about = None,
    after_help = "Start with `debrief analyze` (the bundled seed brief and its example catalog).\n\
                  Exit status: 0 ok, 1 findings or failed checks, 2 usage or input error.\n\
                  Colour only on a terminal, never with NO_COLOR set."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Analyze(cmd::analyze::Args),
    Parse(cmd::parse::Args),
    Recommendations(cmd::recommendations::Args),
    Entities(cmd::entities::Args),
    Quantities(cmd::quantities::Args),
    Assess(cmd::assess::Args),
    Report(cmd::report::Args),
    Batch(cmd::batch::Args),
    Schema(cmd::schema::Args),
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(&args),
        Command::Parse(args) => cmd::parse::run(&args),
        Command::Recommendations(args) => cmd::recommendations::run(&args),
        Command::Entities(args) => cmd::entities::run(&args),
        Command::Quantities(args) => cmd::quantities::run(&args),
        Command::Assess(args) => cmd::assess::run(&args),
        Command::Report(args) => cmd::report::run(&args),
        Command::Batch(args) => cmd::batch::run(&args),
        Command::Schema(args) => cmd::schema::run(&args),
        Command::Eval(args) => cmd::eval::run(&args),
    };
    match result {
        Ok(code) => code,
        // A reader that stopped early (`debrief parse … | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            diagnostic::print(&err);
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || e.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}
