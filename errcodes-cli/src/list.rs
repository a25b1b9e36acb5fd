//! `errcodes list`: every entry of a table, or the platforms errcodes ships.

use std::error::Error;
use std::fmt::Write as _;

use serde::Serialize;

use crate::entry::{Entry, Retry};
use crate::output::{self, Format, FormatArg};
use crate::platform::{self, Platform};
use crate::problems;
use crate::target::{self, Target};
use crate::Status;

/// Lists every entry of a platform or spec; without one, the platforms errcodes ships
///
/// Entries are listed group by group, in spec order: code(s), name, retry class and the
/// message's first line. Exit status: 0, 1 when the spec has problems, 2 for a usage
/// error.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A shipped platform or a spec file [default: list the shipped platforms]
    #[arg(value_name = "PLATFORM|SPEC", value_parser = target::parse)]
    pub target: Option<Target>,
    #[command(flatten)]
    pub output: FormatArg,
}

/// `--format json` of one table.
#[derive(Serialize)]
struct Listed<'a> {
    platform: &'a Platform,
    unknown_retry: Retry,
    entries: Vec<Entry>,
}

/// `--format json` of the shipped platforms.
#[derive(Serialize)]
struct Shipped<'a> {
    platforms: Vec<Counted<'a>>,
}

#[derive(Serialize)]
struct Counted<'a> {
    #[serde(flatten)]
    platform: &'a Platform,
    entries: usize,
}

pub fn run(args: &Args) -> Result<Status, Box<dyn Error>> {
    let Some(target) = &args.target else {
        shipped(args.output.format)?;
        return Ok(Status::Clean);
    };
    let platform = match target.open() {
        Ok(platform) => platform,
        Err(reports) => {
            return problems::report(args.output.format, vec![(target.name(), reports)])
        }
    };
    match args.output.format {
        Format::Json => output::print_json(&Listed {
            platform: &platform,
            unknown_retry: Retry::of(platform.table.unknown_retry()),
            entries: platform.entries(),
        })?,
        Format::Text => output::print(&text(&platform))?,
    }
    Ok(Status::Clean)
}

fn shipped(format: Format) -> Result<(), Box<dyn Error>> {
    let platforms = platform::shipped();
    let counted = platforms.iter().map(|platform| Counted {
        platform,
        entries: platform.table.len(),
    });
    match format {
        Format::Json => output::print_json(&Shipped {
            platforms: counted.collect(),
        }),
        Format::Text => {
            let mut out = String::new();
            for Counted { platform, entries } in counted {
                let _ = writeln!(
                    out,
                    "{:<22} {:<26} {entries:>4} entries  {}",
                    platform.id, platform.enum_name, platform.title
                );
            }
            output::print(&out)
        }
    }
}

fn text(platform: &Platform) -> String {
    let entries = platform.entries();
    let mut out = format!(
        "{}: {} ({}), {} entries\nsource: {}\n",
        platform.id,
        platform.title,
        platform.enum_name,
        entries.len(),
        platform.source
    );
    for group in &platform.groups {
        let _ = writeln!(out, "\n[{}] {}", group.id, group.title);
        for entry in entries
            .iter()
            .filter(|entry| entry.group == Some(group.id.as_str()))
        {
            let codes = match entry.codes_text(",", ToString::to_string) {
                codes if codes.is_empty() => "-".to_owned(),
                codes => codes,
            };
            let _ = writeln!(
                out,
                "  {codes:>16}  {:<44} {:<18} {}",
                entry.name,
                entry.retry.text,
                entry.message.lines().next().unwrap_or_default()
            );
        }
    }
    let _ = writeln!(
        out,
        "\nany other code: Unknown, {}",
        Retry::of(platform.table.unknown_retry()).advice()
    );
    out
}
