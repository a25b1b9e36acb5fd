//! `errcodes check`: a spec's problems without a build, exactly as `platform_errors!`
//! reports them.

use std::error::Error;
use std::fmt::Write as _;

use clap::builder::NonEmptyStringValueParser;
use serde::Serialize;

use crate::output::{self, Format, FormatArg};
use crate::problems::Problem;
use crate::Status;

/// Checks specs: every problem `platform_errors!` would report, without a build
///
/// The problems are the macro's own, from the same code: `path:line:column`, the line
/// quoted with a caret, and how to fix it; every problem of every spec is reported. Paths
/// are relative to the current directory (a build's, to the crate's Cargo.toml), so run it
/// where your Cargo.toml is to see the paths a build shows; a path that names no file is
/// reported in the command's own words.
///
/// A clean spec may have notes: each code, name, message or group id that a layer of the
/// spec defines and a later layer defines too, whose definition is left out or merged
/// (specs/README.md, Composition); not those between two shipped specs. Notes do not
/// change the exit status.
///
/// Exit status: 0 when every spec is clean, 1 when any has problems, 2 for a usage error.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The spec files
    #[arg(required = true, value_name = "SPEC", value_parser = NonEmptyStringValueParser::new())]
    pub specs: Vec<String>,
    #[command(flatten)]
    pub output: FormatArg,
}

/// `--format json`.
#[derive(Serialize)]
struct Checked {
    ok: bool,
    specs: Vec<Spec>,
}

#[derive(Serialize)]
struct Spec {
    path: String,
    ok: bool,
    /// How many entries a clean spec has.
    entries: Option<usize>,
    problems: Vec<Problem>,
    /// What composing a clean spec shadowed, in the same form.
    notes: Vec<Problem>,
}

pub fn run(args: &Args) -> Result<Status, Box<dyn Error>> {
    let specs: Vec<Spec> = args.specs.iter().map(|path| check(path)).collect();
    let ok = specs.iter().all(|spec| spec.ok);
    match args.output.format {
        Format::Json => output::print_json(&Checked { ok, specs })?,
        Format::Text => text(&specs)?,
    }
    Ok(if ok { Status::Clean } else { Status::Problems })
}

fn check(path: &str) -> Spec {
    let (entries, reports, notes) = match crate::load::loaded(path, crate::load::A_SPEC) {
        Ok(loaded) => (Some(loaded.spec.entries.len()), Vec::new(), loaded.notes()),
        Err(reports) => (None, reports, Vec::new()),
    };
    let parsed = |reports: Vec<String>| {
        reports
            .into_iter()
            .map(|report| Problem::of(path, report))
            .collect()
    };
    Spec {
        path: path.to_owned(),
        ok: reports.is_empty(),
        entries,
        problems: parsed(reports),
        notes: parsed(notes),
    }
}

fn text(specs: &[Spec]) -> Result<(), Box<dyn Error>> {
    let mut clean = String::new();
    for spec in specs {
        if let Some(entries) = spec.entries {
            let notes: Vec<String> = spec.notes.iter().map(|n| n.report.clone()).collect();
            output::warn_notes(&notes);
            let _ = match notes.len() {
                0 => writeln!(clean, "{}: ok, {entries} entries", spec.path),
                count => writeln!(
                    clean,
                    "{}: ok, {entries} entries, {count} note{}",
                    spec.path,
                    plural(count)
                ),
            };
        } else {
            let reports: Vec<String> = spec.problems.iter().map(|p| p.report.clone()).collect();
            output::warn_reports(&reports);
        }
    }
    output::print(&clean)?;
    let broken = specs.iter().filter(|spec| !spec.ok).count();
    if broken > 0 {
        let problems: usize = specs.iter().map(|spec| spec.problems.len()).sum();
        output::warn(&format!(
            "{problems} problem{} in {broken} of {} spec{}\n",
            plural(problems),
            specs.len(),
            plural(specs.len())
        ));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
