//! `errcodes check`: a spec's problems without a build, exactly as `platform_errors!`
//! reports them.

use std::error::Error;
use std::fmt::Write as _;

use serde::Serialize;

use crate::output::{self, Format, FormatArg};
use crate::Status;

/// Checks specs: every problem `platform_errors!` would report, without a build
///
/// The problems are the macro's own, from the same code: `path:line:column`, the line
/// quoted with a caret, and how to fix it; every problem of every spec is reported. Paths
/// are relative to the current directory, so run it where your Cargo.toml is to see the
/// paths a build shows.
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
    #[arg(required = true, value_name = "SPEC")]
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

#[derive(Serialize)]
struct Problem {
    /// Where the problem is; `None` for one about the whole file.
    line: Option<usize>,
    column: Option<usize>,
    /// The first line of the report, without its location.
    message: String,
    /// The whole report, as the compiler prints it after `error: `.
    report: String,
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
    let (entries, reports, notes) = match crate::load::loaded(path) {
        Ok(loaded) => (Some(loaded.spec.entries.len()), Vec::new(), loaded.notes()),
        Err(reports) => (None, reports, Vec::new()),
    };
    let parsed = |reports: Vec<String>| {
        reports
            .into_iter()
            .map(|report| problem(path, report))
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

/// A report or note is `path:line:column: message` (or `path: message`), then the quoted
/// line.
fn problem(path: &str, report: String) -> Problem {
    let first = report.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix(path)
        .and_then(|rest| rest.strip_prefix(':'))
        .unwrap_or(first);
    let mut parts = rest.splitn(3, ':');
    let (line, column, message) = match (parts.next(), parts.next(), parts.next()) {
        (Some(line), Some(column), Some(message)) => match (line.parse(), column.parse()) {
            (Ok(line), Ok(column)) => (Some(line), Some(column), message),
            _ => (None, None, rest),
        },
        _ => (None, None, rest),
    };
    Problem {
        line,
        column,
        message: message.trim().to_owned(),
        report,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_gives_its_line_column_and_message() {
        let report = "a.yaml:11:15: code 100 has 2 entries\n   |\n11 | x".to_owned();
        let problem = problem("a.yaml", report.clone());
        assert_eq!((problem.line, problem.column), (Some(11), Some(15)));
        assert_eq!(problem.message, "code 100 has 2 entries");
        assert_eq!(problem.report, report);
    }

    #[test]
    fn a_report_on_the_whole_file_has_no_line() {
        let problem = problem(
            "a:b.yaml",
            "a:b.yaml: the spec file does not exist".to_owned(),
        );
        assert_eq!((problem.line, problem.column), (None, None));
        assert_eq!(problem.message, "the spec file does not exist");
    }
}
