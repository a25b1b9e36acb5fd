//! A document that is not YAML: where the mistake is, and how to fix it.

use std::fmt::Write as _;

use crate::ctxt::{Ctxt, Place};
use crate::locate::Location;
use crate::source::FileId;

pub(super) fn syntax_error(text: &str, file: FileId, error: &serde_yaml::Error, cx: &mut Ctxt) {
    let full = error.to_string();
    // serde_yaml writes "<what> at line L column C[, while <context> at line L column C]";
    // the report states positions itself.
    let (primary, context) = full.split_once(", while ").unwrap_or((&full, ""));
    let what = primary.split(" at line ").next().unwrap_or(primary);
    // A semantic error of the YAML loader starts with the path of the node ("groups[0]: ").
    let what = what
        .split_once(": ")
        .filter(|(path, _)| {
            path.chars()
                .all(|c| c.is_alphanumeric() || "_.[]".contains(c))
        })
        .map_or(what, |(_, rest)| rest);
    let (context_what, context_at) = context
        .split_once(" at line ")
        .map_or((context, None), |(what, at)| (what, line_column(at)));
    let mut place = Location::of(error).map_or(Place::File(file), |at| Place::At(file, at));
    let mut message = format!("invalid YAML: {what}");
    if !context_what.is_empty() {
        let _ = write!(message, " ({context_what})");
    }
    // An unclosed quote or bracket is noticed where parsing gives up, often far below or at
    // the end of the file; where it opened is where the mistake is.
    let unclosed = [
        "scanning a quoted scalar",
        "parsing a flow sequence",
        "parsing a flow mapping",
    ]
    .contains(&context_what);
    if let (Place::At(_, at), Some(context_at)) = (&place, context_at) {
        if unclosed || at.line > text.lines().count() {
            place = Place::At(file, context_at);
        }
    }
    if unclosed {
        message = format!("invalid YAML: this quote or bracket is never closed ({what})");
    }
    let mut help: &str = "fix the YAML syntax here (check indentation, quotes and colons); a value that starts with `{`, `[`, `*`, `&`, `!`, `|`, `>`, `'`, `\"`, `%`, `@` or a backtick needs quotes";
    if let Some(key) = what
        .strip_prefix("duplicate entry with key ")
        .and_then(|key| serde_yaml::from_str::<String>(key).ok())
    {
        message = format!("key `{key}` appears twice in one mapping");
        help = "each key may appear once in a mapping; remove or rename the repeated key";
        if let Place::At(_, at) = place {
            place = Place::At(file, repeated_key(text, at, &key).unwrap_or(at));
        }
    } else if let Some(number) = what
        .strip_prefix("invalid type: integer `")
        .and_then(|rest| rest.split('`').next())
    {
        message = format!("the number {number} does not fit in i64");
        help = "a code is an integer within i64 (`45009`, `-30000`) or a quoted string (`\"F00-00-10013-002\"`)";
    } else if unclosed {
        help = "close the quote or bracket that opens here, on the same value";
    } else if let Place::At(_, at) = &place {
        let tab = text
            .lines()
            .nth(at.line.saturating_sub(1))
            .is_some_and(|line| line.contains('\t'));
        if tab {
            help = "YAML does not allow tabs for indentation; indent with spaces";
        }
    }
    cx.push(place, message).help(help);
}

pub(super) fn line_column(text: &str) -> Option<Location> {
    let (line, column) = text.split_once(" column ")?;
    Some(Location {
        line: line.trim().parse().ok()?,
        column: column.trim().parse().ok()?,
    })
}

/// `serde_yaml` places a duplicate key at its mapping; the second `key:` after it is the one.
pub(super) fn repeated_key(text: &str, mapping: Location, key: &str) -> Option<Location> {
    text.lines()
        .enumerate()
        .skip(mapping.line.saturating_sub(1))
        .filter_map(|(i, line)| {
            let body = line.trim_start().trim_start_matches("- ");
            let column = line.len() - body.len();
            let bare = body.strip_prefix(key)?;
            bare.trim_start().starts_with(':').then(|| Location {
                line: i + 1,
                column: line[..column].chars().count() + 1,
            })
        })
        .nth(1)
}
