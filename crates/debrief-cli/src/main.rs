//! The `debrief` command-line tool: policy briefs in, recommendations, indicators and
//! scorecards out. See `debrief --help`.
//!
//! Exit codes: 0 ok; 1 findings or failed checks; 2 usage or input error.

// The binary is the one place that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![forbid(unsafe_code)]

mod cmd;
mod input;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Policy briefs in; recommendations, indicators and scorecards out.
#[derive(Debug, Parser)]
#[command(name = "debrief", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Analyze(cmd::analyze::Args),
    Assess(cmd::assess::Args),
    Eval(cmd::eval::Args),
    Parse(cmd::parse::Args),
    Recommendations(cmd::recommendations::Args),
    Entities(cmd::entities::Args),
    Quantities(cmd::quantities::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(&args),
        Command::Assess(args) => cmd::assess::run(&args),
        Command::Eval(args) => cmd::eval::run(&args),
        Command::Parse(args) => cmd::parse::run(&args),
        Command::Recommendations(args) => cmd::recommendations::run(&args),
        Command::Entities(args) => cmd::entities::run(&args),
        Command::Quantities(args) => cmd::quantities::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
