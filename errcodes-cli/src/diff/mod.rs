//! `errcodes diff`: what a table update changes, and the release it asks for.

mod compare;
mod order;
mod policy;

use std::error::Error;
use std::fmt::Write as _;

use clap::builder::NonEmptyStringValueParser;
use serde::Serialize;

use crate::output::{self, Format, FormatArg};
use crate::problems;
use crate::Status;
use compare::Change;
use policy::{Kind, Level};

/// Compares two versions of a spec and gives the release the change needs
///
/// Lists the entries added, removed and renamed, and what changed in the others, then the
/// semver release the crate that publishes the generated enum needs. Entries are matched
/// by name; one gone and one new with the same codes and message are a rename. The
/// verdict follows docs/SEMVER.md:
///   major  an entry removed or renamed, the enum or platform renamed, `non_exhaustive`
///          added or removed, an entry added to an exhaustive enum;
///   minor  an entry added to a `non_exhaustive` enum or deprecated; codes added, removed
///          or moved between entries; a fallback, retry class, sub-code rule, template's
///          fields or entry's group changed; a group added or removed; the envelope, noise
///          or `unknown_retry` changed; the order of entries changed (the enum's `Ord` and
///          `classify`'s ties follow it; the entries moved are named);
///   patch  a message, hint, note, title, source, `http_status`, endpoint or scene corrected;
///   none   nothing the generated code holds changed.
/// Remove an entry only after a release in which it is deprecated.
///
/// Also listed, at level none: each code, name, message or group id that the new spec's
/// composition shadows and the old one's did not (specs/README.md, Composition); what it
/// changes in the enum is listed, and counted, as a change of its own.
///
/// Exit status: 0 when both specs could be compared, 1 when either has problems (they are
/// reported as a build reports them) or the verdict reaches `--fail-on`, 2 for a usage
/// error.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The spec as released
    #[arg(value_name = "OLD", value_parser = NonEmptyStringValueParser::new())]
    pub old: String,
    /// The spec as it is now
    #[arg(value_name = "NEW", value_parser = NonEmptyStringValueParser::new())]
    pub new: String,
    /// Exit with status 1 when the verdict is this level or higher, for CI: `--fail-on
    /// major` on a minor release's branch
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<Level>,
    #[command(flatten)]
    pub output: FormatArg,
}

/// `--format json`.
#[derive(Serialize)]
struct Diff<'a> {
    old: &'a str,
    new: &'a str,
    verdict: Level,
    added: Vec<&'a str>,
    removed: Vec<&'a str>,
    renamed: Vec<Renamed<'a>>,
    /// The entries that moved in spec order.
    moved: Vec<&'a str>,
    changes: &'a [Change],
}

#[derive(Serialize)]
struct Renamed<'a> {
    old: &'a str,
    new: &'a str,
}

pub fn run(args: &Args) -> Result<Status, Box<dyn Error>> {
    let load = |path| crate::load::load(path, crate::load::A_SPEC);
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let failed = [(&args.old, old.err()), (&args.new, new.err())]
                .into_iter()
                .filter_map(|(path, reports)| Some((path.as_str(), reports?)))
                .collect();
            return problems::report(args.output.format, failed);
        }
    };
    let changes = compare::changes(&old, &new);
    let verdict = verdict(&changes);
    match args.output.format {
        Format::Json => {
            let named = |kind: Kind, side: fn(&Change) -> &Option<String>| {
                changes
                    .iter()
                    .filter(move |change| change.kind == kind)
                    .filter_map(move |change| side(change).as_deref())
            };
            output::print_json(&Diff {
                old: &args.old,
                new: &args.new,
                verdict,
                added: named(Kind::EntryAdded, |c| &c.subject).collect(),
                removed: named(Kind::EntryRemoved, |c| &c.subject).collect(),
                renamed: named(Kind::EntryRenamed, |c| &c.old)
                    .zip(named(Kind::EntryRenamed, |c| &c.new))
                    .map(|(old, new)| Renamed { old, new })
                    .collect(),
                moved: named(Kind::Order, |c| &c.subject).collect(),
                changes: &changes,
            })?;
        }
        Format::Text => output::print(&text(args, &new.enum_name, &changes, verdict))?,
    }
    Ok(fail_on(args.fail_on, verdict))
}

/// Status 1 when the verdict reaches `--fail-on`.
fn fail_on(level: Option<Level>, verdict: Level) -> Status {
    match level {
        Some(level) if verdict >= level => {
            output::warn(&format!(
                "error: the verdict is {}, which --fail-on {} does not allow\n",
                verdict.as_str(),
                level.as_str()
            ));
            Status::Problems
        }
        _ => Status::Clean,
    }
}

fn verdict(changes: &[Change]) -> Level {
    changes
        .iter()
        .map(|change| change.level)
        .max()
        .unwrap_or(Level::None)
}

fn text(args: &Args, enum_name: &str, changes: &[Change], verdict: Level) -> String {
    let mut out = format!("{} -> {} ({enum_name})\n", args.old, args.new);
    for change in changes {
        let _ = writeln!(out, "  {:<5}  {}", change.level.as_str(), describe(change));
    }
    let why = changes
        .iter()
        .find(|change| change.level == verdict && verdict > Level::None)
        .map_or_else(|| "the generated enum is the same".to_owned(), describe);
    let _ = writeln!(out, "verdict: {} ({why})", verdict.as_str());
    if changes
        .iter()
        .any(|change| change.kind == Kind::EntryRemoved)
    {
        out.push_str("note: deprecate an entry in a release before removing it (docs/SEMVER.md)\n");
    }
    out
}

/// `retry class changed: RateLimited: throttled 5m -> transient`.
fn describe(change: &Change) -> String {
    let mut out = change.kind.label().to_owned();
    if let Some(subject) = &change.subject {
        let _ = write!(out, ": {subject}");
    }
    let _ = match (&change.old, &change.new) {
        (Some(old), Some(new)) => write!(out, ": {} -> {}", one_line(old), one_line(new)),
        (Some(value), None) | (None, Some(value)) => write!(out, " ({})", one_line(value)),
        (None, None) => Ok(()),
    };
    out
}

/// A value on one line, quoted where it would not read as one.
fn one_line(value: &str) -> String {
    if value.is_empty() || value.contains('\n') || value.trim() != value {
        format!("{value:?}")
    } else {
        value.to_owned()
    }
}
