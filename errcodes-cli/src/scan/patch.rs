//! The spec layer `--write` writes: it `extends:` the platform (or the spec scanned) with an
//! entry for each code, sub-code and message the scan found lacking, named and templated as
//! `errcodes import` names and templates a vendor's rows, retry class `permanent` until
//! someone reviews it, and a note of how often and since when it was seen.

use std::path::{Component, Path, PathBuf};

use heck::ToUpperCamelCase;

use crate::import::codes::Code;
use crate::import::naming::Namer;
use crate::import::placeholders;
use crate::import::unique::first_free;
use crate::import::write::{codes, line, quoted};

use super::tally::{Lack, Tally};

/// What the patch extends and is called.
pub struct Head<'a> {
    /// A shipped platform's name, or the spec's path relative to the patch.
    pub extends: &'a str,
    pub enum_name: &'a str,
    /// The names the extended spec has already.
    pub names: Vec<String>,
}

const IN: &str = "        ";

/// The patch for what `tally` found lacking; `None` when nothing was.
pub fn yaml(head: Head<'_>, tally: &Tally) -> Option<String> {
    if !tally.lacks_any() {
        return None;
    }
    let mut out = String::from(
        "# Written by `errcodes scan`: review each entry's name, message and retry class, then\n# build with this spec in place of the one it extends.\n",
    );
    line(&mut out, "", "extends", &quoted(head.extends));
    line(&mut out, "", "enum", &quoted(head.enum_name));
    out.push_str("groups:\n");
    line(&mut out, "  - ", "id", &quoted("seen_in_traffic"));
    line(&mut out, "    ", "title", &quoted("Seen in traffic"));
    line(&mut out, "    ", "retry", &quoted("permanent"));
    let note = "entries errcodes scan wrote for what the spec lacked; permanent until reviewed";
    line(&mut out, "    ", "note", &quoted(note));
    out.push_str("    errors:\n");
    let mut namer = Namer::taking(head.names.iter().cloned());
    let mut taken = head.names;
    for lack in by_count(&tally.unknown_codes.seen) {
        let name = entry(&mut out, &mut namer, lack, &lack.samples[0], false);
        taken.push(name);
    }
    for lack in by_count(&tally.unmatched_messages.seen) {
        let message = lack.message.as_deref().unwrap_or(&lack.samples[0]);
        let name = entry(&mut out, &mut namer, lack, message, true);
        taken.push(name);
    }
    for lack in by_count(&tally.unknown_sub_codes.seen) {
        sub_code_entry(&mut out, &mut taken, lack);
    }
    Some(out)
}

/// Most seen first, then by key.
fn by_count(seen: &std::collections::BTreeMap<String, Lack>) -> Vec<&Lack> {
    let mut lacks: Vec<&Lack> = seen.values().collect();
    lacks.sort_by_key(|lack| std::cmp::Reverse(lack.count));
    lacks
}

/// An entry of a code and message; a join where the code is the extended spec's.
fn entry(out: &mut String, namer: &mut Namer, lack: &Lack, message: &str, join: bool) -> String {
    let code: Vec<Code> = code_of(&lack.code).into_iter().collect();
    let template = placeholders::template(message);
    let name = namer.name(&code, &template.words);
    line(out, "      - ", "code", &codes(&code));
    if join {
        line(out, IN, "join", "true");
    }
    line(out, IN, "name", &quoted(&name));
    line(out, IN, "message", &quoted(&template.text));
    let mut notes = vec![seen(lack, join)];
    notes.extend(template.note());
    line(out, IN, "note", &quoted(&notes.join("; ")));
    name
}

/// An entry for a sub-code no rule matches: an exact rule, for any code.
fn sub_code_entry(out: &mut String, taken: &mut Vec<String>, lack: &Lack) {
    let sub_code = lack.sub_code.as_deref().unwrap_or_default().trim();
    let stem = match sub_code.to_upper_camel_case() {
        stem if stem.starts_with(|c: char| c.is_ascii_uppercase()) => stem,
        stem => format!("SubCode{stem}"),
    };
    let name = first_free(&stem, "Case", 2, |name| !taken.iter().any(|t| t == name));
    line(out, "      - ", "code", "null");
    line(out, IN, "sub_code", &quoted(sub_code));
    line(out, IN, "name", &quoted(&name));
    line(
        out,
        IN,
        "message",
        &quoted(&placeholders::template(&lack.samples[0]).text),
    );
    let note = format!(
        "{}; came with code {}",
        seen(lack, false),
        display_code(&lack.code)
    );
    line(out, IN, "note", &quoted(&note));
    taken.push(name);
}

/// How often, where and since when it was seen, and what the table gave instead.
fn seen(lack: &Lack, join: bool) -> String {
    let times = if lack.count == 1 {
        "once".to_owned()
    } else {
        format!("{} times", lack.count)
    };
    let when = match (&lack.since, &lack.until) {
        (Some(since), Some(until)) if since != until => format!(" from {since} to {until}"),
        (Some(since), _) => format!(" at {since}"),
        _ => String::new(),
    };
    let instead = if join {
        format!("the table gave its fallback {}", lack.variant)
    } else {
        format!("the table gave {}", lack.variant)
    };
    let mut note = format!(
        "seen {times} in traffic{when} (first {}, last {}), where {instead}; retry class permanent until reviewed",
        lack.first, lack.last
    );
    if lack.samples.len() > 1 {
        let samples: Vec<String> = lack.samples.iter().map(|s| format!("`{s}`")).collect();
        note.push_str("; messages seen: ");
        note.push_str(&samples.join(", "));
    }
    note
}

fn code_of(text: &str) -> Option<Code> {
    if text.is_empty() {
        return None;
    }
    Some(
        text.parse()
            .map_or_else(|_| Code::Str(text.to_owned()), Code::Int),
    )
}

fn display_code(text: &str) -> &str {
    if text.is_empty() {
        "none"
    } else {
        text
    }
}

/// `target` as a path from the directory of `patch`, for its `extends:`.
pub fn relative(target: &Path, patch: &Path) -> String {
    let absolute = |path: &Path| {
        std::path::absolute(path).map_or_else(|_| path.to_path_buf(), |path| normal(&path))
    };
    let target = absolute(target);
    let dir = patch.parent().filter(|dir| !dir.as_os_str().is_empty());
    let from = absolute(dir.unwrap_or(Path::new(".")));
    let common = target
        .components()
        .zip(from.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in from.components().skip(common) {
        out.push("..");
    }
    out.extend(target.components().skip(common));
    out.to_string_lossy().replace('\\', "/")
}

/// `a/./b/../c` as `a/c`.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extended_spec_is_named_from_the_patch_s_directory() {
        assert_eq!(
            relative(Path::new("specs/acme.yaml"), Path::new("patch.yaml")),
            "specs/acme.yaml"
        );
        assert_eq!(
            relative(Path::new("specs/acme.yaml"), Path::new("out/p.yaml")),
            "../specs/acme.yaml"
        );
        assert_eq!(
            relative(Path::new("./specs/acme.yaml"), Path::new("specs/p.yaml")),
            "acme.yaml"
        );
    }
}
