//! A spec's problems as a command reports them: the front end's reports on standard error,
//! or with `--format json` each one's place and message in the JSON document on standard
//! output, so that a program always gets a document.

use std::error::Error;

use serde::Serialize;

use crate::output::{self, Format};
use crate::Status;

/// One problem, read from its report (`path:line:column: message`, then the quoted line).
#[derive(Debug, Serialize)]
pub struct Problem {
    /// The file it is in: the spec named, or a file the spec includes or extends.
    pub path: String,
    /// Where the problem is; `None` for one about the whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The first line of the report, without its location.
    pub message: String,
    /// The whole report, as the compiler prints it after `error: `.
    pub report: String,
}

/// `--format json` of `explain`, `list` and `diff` when a spec has problems.
#[derive(Serialize)]
struct Problems {
    problems: Vec<Problem>,
}

/// Reports the problems of each spec of `failed` (`(path, reports)`): the command ends
/// with status 1.
pub fn report(format: Format, failed: Vec<(&str, Vec<String>)>) -> Result<Status, Box<dyn Error>> {
    match format {
        Format::Text => {
            for (_, reports) in &failed {
                output::warn_reports(reports);
            }
        }
        Format::Json => output::print_json(&Problems {
            problems: failed
                .into_iter()
                .flat_map(|(path, reports)| {
                    reports
                        .into_iter()
                        .map(move |report| Problem::of(path, report))
                })
                .collect(),
        })?,
    }
    Ok(Status::Problems)
}

impl Problem {
    /// The problem `report` describes, found in the spec at `path`.
    pub fn of(path: &str, report: String) -> Problem {
        let first = report.lines().next().unwrap_or_default();
        let (file, line, column, message) = located(first).unwrap_or_else(|| {
            let message = first
                .strip_prefix(path)
                .and_then(|rest| rest.strip_prefix(':'))
                .unwrap_or(first);
            (path, None, None, message)
        });
        Problem {
            path: file.to_owned(),
            line,
            column,
            message: message.trim().to_owned(),
            report,
        }
    }
}

type Located<'a> = (&'a str, Option<usize>, Option<usize>, &'a str);

/// `path:line:column: message`, split at the first `:line:column: `; a path may hold `:`.
fn located(first: &str) -> Option<Located<'_>> {
    first.match_indices(':').find_map(|(at, _)| {
        let mut parts = first[at + 1..].splitn(3, ':');
        let line = parts.next()?.parse().ok()?;
        let column = parts.next()?.parse().ok()?;
        let message = parts.next()?.strip_prefix(' ')?;
        Some((&first[..at], Some(line), Some(column), message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_gives_its_file_line_column_and_message() {
        let report = "a.yaml:11:15: code 100 has 2 entries\n   |\n11 | x".to_owned();
        let problem = Problem::of("a.yaml", report.clone());
        assert_eq!(problem.path, "a.yaml");
        assert_eq!((problem.line, problem.column), (Some(11), Some(15)));
        assert_eq!(problem.message, "code 100 has 2 entries");
        assert_eq!(problem.report, report);
    }

    #[test]
    fn a_report_in_another_layer_names_that_file() {
        let report = "c:/base.yaml:3:7: duplicate name `A`: rename one".to_owned();
        let problem = Problem::of("top.yaml", report);
        assert_eq!(problem.path, "c:/base.yaml");
        assert_eq!((problem.line, problem.column), (Some(3), Some(7)));
        assert_eq!(problem.message, "duplicate name `A`: rename one");
    }

    #[test]
    fn a_report_on_the_whole_file_has_no_line() {
        let problem = Problem::of(
            "a:b.yaml",
            "a:b.yaml: the path is a directory, not a spec file".to_owned(),
        );
        assert_eq!(problem.path, "a:b.yaml");
        assert_eq!((problem.line, problem.column), (None, None));
        assert_eq!(problem.message, "the path is a directory, not a spec file");
    }

    #[test]
    fn a_report_of_the_command_is_its_own_message() {
        let message = "no such spec file `x.yaml`; give its path";
        let problem = Problem::of("x.yaml", message.to_owned());
        assert_eq!(problem.path, "x.yaml");
        assert_eq!(problem.line, None);
        assert_eq!(problem.message, message);
    }
}
