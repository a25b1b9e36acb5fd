//! `errcodes`: the command line of errcodes.
//!
//! Each subcommand is a module with an `Args` (clap) and a `run`; `main` only parses and
//! dispatches. Exit status: 0 when all is well, 1 when problems were found, 2 for a usage
//! error (clap's own).

#![warn(clippy::pedantic)]
// Error codes are written as their tables write them: 990001, not 990_001.
#![allow(clippy::unreadable_literal)]

mod check;
mod diff;
mod docs;
mod entry;
mod explain;
mod import;
mod list;
mod load;
mod lookup;
mod output;
mod platform;
mod problems;
mod scan;
mod target;

use std::error::Error;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Tools for errcodes specs: the YAML tables `errcodes::platform_errors!` turns into enums.
#[derive(Debug, Parser)]
#[command(name = "errcodes", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Explain(explain::Args),
    List(list::Args),
    Check(check::Args),
    Diff(diff::Args),
    Docs(docs::Args),
    Import(import::Args),
    Scan(scan::Args),
}

/// How a command ended, once it has printed what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Clean,
    /// Problems were found and reported: exit status 1.
    Problems,
}

/// Problems found: the input could not be turned into what was asked.
const PROBLEMS: u8 = 1;

fn main() -> ExitCode {
    let outcome: Result<Status, Box<dyn Error>> = match Cli::parse().command {
        Command::Explain(args) => explain::run(&args),
        Command::List(args) => list::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Docs(args) => docs::run(&args),
        Command::Import(args) => import::run(&args).map(|()| Status::Clean),
        Command::Scan(args) => scan::run(&args),
    };
    match outcome {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Problems) => ExitCode::from(PROBLEMS),
        Err(problem) => {
            output::warn(&format!("error: {problem}\n"));
            ExitCode::from(PROBLEMS)
        }
    }
}
