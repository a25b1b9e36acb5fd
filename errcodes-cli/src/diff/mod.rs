//! `errcodes diff`: what a table update changes, and the release it asks for.

mod compare;
mod policy;

use std::error::Error;
use std::fmt::Write as _;

use serde::Serialize;

use crate::output::{self, Format, FormatArg};
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
///   minor  an entry added to a `non_exhaustive` enum, codes added, removed or moved
///          between entries, a fallback, retry class, template's fields or group changed,
///          the envelope, noise or `unknown_retry` changed;
///   patch  a message, hint, note, title, source, `http_status`, endpoint or scene corrected;
///   none   nothing the generated code holds changed.
/// Remove an entry only after a release in which it is deprecated.
///
/// Also listed, at level none: each code, name, message or group id that the new spec's
/// composition shadows and the old one's did not (specs/README.md, Composition); what it
/// changes in the enum is listed, and counted, as a change of its own.
///
/// Exit status: 0 when both specs could be compared, 1 when either has problems (they are
/// reported as a build reports them), 2 for a usage error.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The spec as released
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The spec as it is now
    #[arg(value_name = "NEW")]
    pub new: String,
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
    changes: &'a [Change],
}

#[derive(Serialize)]
struct Renamed<'a> {
    old: &'a str,
    new: &'a str,
}

pub fn run(args: &Args) -> Result<Status, Box<dyn Error>> {
    let (old, new) = match (crate::load::load(&args.old), crate::load::load(&args.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for reports in [old.err(), new.err()].into_iter().flatten() {
                output::warn_reports(&reports);
            }
            return Ok(Status::Problems);
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
                changes: &changes,
            })?;
        }
        Format::Text => output::print(&text(args, &new.enum_name, &changes, verdict))?,
    }
    Ok(Status::Clean)
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
