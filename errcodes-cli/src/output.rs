//! What a command prints: text for people, or with `--format json` one JSON document for
//! programs, on standard output; problems go to standard error.

use std::error::Error;
use std::io::{self, Write as _};

use serde::Serialize;

/// `--format`, for every command that prints a result.
#[derive(Debug, clap::Args)]
pub struct FormatArg {
    /// How to print the result
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people
    #[default]
    Text,
    /// One JSON document, for programs, also when problems are found
    Json,
}

/// Writes `text` to standard output. A reader that stops early (`errcodes list x | head`)
/// is not a problem.
pub fn print(text: &str) -> Result<(), Box<dyn Error>> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {error}").into())
        }
        _ => Ok(()),
    }
}

/// Writes `value` to standard output as pretty JSON.
pub fn print_json(value: &impl Serialize) -> Result<(), Box<dyn Error>> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    print(&text)
}

/// Writes `text` to standard error; if that is closed too, nothing more can be done.
pub fn warn(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// Every report of a spec, as rustc prints the macro's errors.
pub fn warn_reports(reports: &[String]) {
    for report in reports {
        warn(&format!("{}\n\n", rendered(report)));
    }
}

/// Every note of a spec, as rustc prints a note.
pub fn warn_notes(notes: &[String]) {
    for note in notes {
        warn(&format!("{}\n\n", labelled("note", note)));
    }
}

/// `error: ` and the report as rustc shows it: later lines indented under the first, and a
/// tab (in a quoted line) as four spaces.
pub fn rendered(report: &str) -> String {
    labelled("error", report)
}

fn labelled(label: &str, report: &str) -> String {
    let indent = " ".repeat(label.len() + 2);
    let report = report
        .replace('\t', "    ")
        .replace('\n', &format!("\n{indent}"));
    format!("{label}: {report}")
}
