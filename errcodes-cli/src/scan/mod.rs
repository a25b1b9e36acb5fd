//! `errcodes scan`: logs of a platform's responses → what its spec lacks, counted, and a
//! spec layer that adds it.
//!
//! input (sources → lines) → line (what a line holds) → observe (judged by the table) →
//! tally → report, patch.

mod input;
mod line;
mod measure;
mod observe;
mod patch;
mod report;
mod tally;

use std::error::Error;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use errcodes::runtime::Table;
use errcodes::PlatformError as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output::{self, Format, FormatArg};
use crate::target::{self, Target};
use crate::Status;
use input::Source;
use tally::{Place, Tally};

/// Reads logs of a platform's responses and reports the codes and messages its spec lacks
///
/// Each line is one JSON value: a response body; `{"status": 400, "body": …}` (the body an
/// object, or text holding one); an error record (`errcodes::ApiError` serialized); or an
/// event of errcodes' `tracing` feature as a JSON subscriber writes it. Each is judged by
/// the same lookups the generated enum runs. The subscriber's other events (the
/// application's own, retry decisions) are counted apart. Lines that are none of these are
/// counted as malformed, with their line numbers, and the scan goes on.
///
/// The report counts errors by variant and retry class, and lists every code the table
/// does not know, every sub-code no sub-code rule matches, and every message of a known
/// code that none of the code's entries matches (the fallback stood in), each with its
/// count, first and last line and a few sample messages.
///
/// With `--write PATCH.yaml`, writes a spec that `extends:` the platform (or the spec
/// scanned) with an entry for each: names and templates made as `errcodes import` makes
/// them, a message of a known code as a `join: true` entry, retry class `permanent` with a
/// note of how often and since when it was seen. Review it, then build with it.
///
/// Logs are files, globs (`logs/*.jsonl.gz`) or `-` for standard input (the default);
/// gzip-compressed files are read as such. A progress bar is drawn on a terminal.
///
/// Exit status: 0 when the spec lacks nothing the logs hold, 1 when it lacks something (so
/// a CI job over recorded traffic can fail) or the input has problems, 2 for a usage error.
///
/// Examples:
///   errcodes scan wangdiantong logs/*.jsonl.gz
///   journalctl -o cat -u sdk | errcodes scan wangdiantong --write seen.yaml
///   errcodes scan specs/acme.yaml traffic.jsonl --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A shipped platform (`errcodes list` names them) or a spec file
    #[arg(value_name = "PLATFORM|SPEC", value_parser = target::parse)]
    pub target: Target,
    /// Log files or globs; `-` or none reads standard input
    #[arg(value_name = "LOG")]
    pub logs: Vec<String>,
    /// Write a spec layer that adds what the spec lacks, for review
    #[arg(long, value_name = "PATCH.yaml")]
    pub write: Option<PathBuf>,
    /// The patch's enum name (default: the scanned spec's)
    #[arg(long = "enum", value_name = "NAME", requires = "write", value_parser = crate::import::upper_camel_case)]
    pub enum_name: Option<String>,
    /// Overwrite the patch file if it exists
    #[arg(long, requires = "write")]
    pub force: bool,
    #[command(flatten)]
    pub output: FormatArg,
    /// Times the scan against parsing each line into a `serde_json::Value`, in N
    /// alternating rounds (BENCHMARKS.md)
    #[arg(long, hide = true, value_name = "N")]
    pub measure: Option<u32>,
}

pub fn run(args: &Args) -> Result<Status, Box<dyn Error>> {
    let table = match &args.target {
        Target::Shipped(name) => Table::shipped(name),
        Target::Spec(path) => Table::load(path),
    };
    let table = match table {
        Ok(table) => table,
        Err(error) => {
            output::warn(&format!("{error}\n"));
            return Ok(Status::Problems);
        }
    };
    let sources = match input::sources(&args.logs) {
        Ok(sources) => sources,
        Err(problems) => {
            for problem in problems {
                output::warn(&format!("error: {problem}\n"));
            }
            return Ok(Status::Problems);
        }
    };
    if sources.contains(&Source::Stdin) && std::io::stdin().is_terminal() {
        output::warn("reading log lines from the terminal; end with Ctrl-D (name log files to read them instead)\n");
    }
    if let Some(rounds) = args.measure {
        output::print(&measure::run(table, &sources, rounds))?;
        return Ok(Status::Clean);
    }
    let mut tally = Tally::default();
    let read_errors = scan(table, &sources, &mut tally);
    match args.output.format {
        Format::Json => output::print_json(&tally)?,
        Format::Text => output::print(&report::text(&tally, sources.len()))?,
    }
    if let Some(path) = &args.write {
        write_patch(args, table, path, &tally)?;
    }
    Ok(if tally.lacks_any() || read_errors {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// Reads every source into `tally`; whether a source could not be read to its end.
fn scan(table: Table, sources: &[Source], tally: &mut Tally) -> bool {
    let bar = progress(sources);
    let mut failed = false;
    for source in sources {
        let name = source.name();
        let bar_of = bar.clone();
        let reader = source.open(move |bytes| bar_of.inc(bytes as u64));
        let result = reader.and_then(|reader| {
            input::lines(reader, |number, bytes| {
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    return;
                }
                tally.lines += 1;
                let place = || Place {
                    file: name.clone(),
                    line: number,
                };
                match line::read(bytes) {
                    Ok(shape) => observe::observe(table, &shape, place, tally),
                    Err(reason) => tally.malformed(place, || reason),
                }
            })
        });
        if let Err(error) = result {
            bar.suspend(|| output::warn(&format!("error: cannot read {name}: {error}\n")));
            failed = true;
        }
    }
    bar.finish_and_clear();
    failed
}

/// A bar of the bytes read, drawn only on a terminal.
fn progress(sources: &[Source]) -> ProgressBar {
    let total: Option<u64> = sources.iter().map(Source::size).sum();
    let bar = match total {
        Some(total) => ProgressBar::new(total),
        None => ProgressBar::no_length(),
    };
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        // Standard input has no size to measure against: a count, not a bar.
        let template = if total.is_some() {
            "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}"
        } else {
            "{spinner} {bytes} {bytes_per_sec}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar
}

fn write_patch(
    args: &Args,
    table: Table,
    path: &Path,
    tally: &Tally,
) -> Result<(), Box<dyn Error>> {
    let extends = match &args.target {
        Target::Shipped(name) => name.clone(),
        Target::Spec(spec) => patch::relative(Path::new(spec), path),
    };
    let head = patch::Head {
        extends: &extends,
        enum_name: args.enum_name.as_deref().unwrap_or(table.enum_name()),
        names: table
            .variants()
            .map(|variant| variant.name().to_owned())
            .collect(),
    };
    match patch::yaml(head, tally) {
        Some(yaml) => {
            crate::import::write::output(&yaml, Some(path), args.force)?;
            output::warn(&format!(
                "wrote {}: review it, then build with it\n",
                path.display()
            ));
        }
        None => output::warn(&format!(
            "the spec lacks nothing the logs hold: {} not written\n",
            path.display()
        )),
    }
    Ok(())
}
