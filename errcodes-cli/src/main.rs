//! `errcodes`: the command line of errcodes.
//!
//! Each subcommand is a module with an `Args` (clap) and a `run`; `main` only parses and
//! dispatches. Exit status: 0 when all is well, 1 when problems were found, 2 for a usage
//! error (clap's own).

#![warn(clippy::pedantic)]
// Error codes are written as their tables write them: 990001, not 990_001.
#![allow(clippy::unreadable_literal)]

mod import;

use std::error::Error;
use std::io::Write as _;
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
    Import(import::Args),
}

/// Problems found: the input could not be turned into what was asked.
const PROBLEMS: u8 = 1;

fn main() -> ExitCode {
    let outcome: Result<(), Box<dyn Error>> = match Cli::parse().command {
        Command::Import(args) => import::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            // Nothing more can be done if standard error is closed too.
            let _ = writeln!(std::io::stderr(), "error: {problem}");
            ExitCode::from(PROBLEMS)
        }
    }
}
