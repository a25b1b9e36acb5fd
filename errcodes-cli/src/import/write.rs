//! The spec as YAML, keys in the order specs/README.md lists them, every string in double
//! quotes. The shape is fixed and shallow, so it is written directly: `serde_yaml` decides
//! for itself which strings to quote and has no way to be told "all of them".

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use crate::import::codes::Code;
use crate::import::spec::{Entry, Spec};

pub fn yaml(spec: &Spec) -> String {
    let mut out = String::from(
        "# Written by `errcodes import`: review the names, fallbacks and retry classes.\n",
    );
    let permanent = quoted("permanent");
    for (key, value) in [
        ("platform", quoted(&spec.platform)),
        ("enum", quoted(&spec.enum_name)),
        ("title", quoted(&spec.title)),
        ("source", quoted(&spec.source)),
        ("unknown_retry", permanent.clone()),
        ("note", quoted(&spec.note)),
    ] {
        line(&mut out, "", key, &value);
    }
    out.push_str("groups:\n");
    for group in &spec.groups {
        line(&mut out, "  - ", "id", &quoted(&group.id));
        line(&mut out, "    ", "title", &quoted(&group.title));
        line(&mut out, "    ", "retry", &permanent);
        if let Some(note) = &group.note {
            line(&mut out, "    ", "note", &quoted(note));
        }
        out.push_str("    errors:\n");
        for entry in &group.errors {
            write_entry(&mut out, entry);
        }
    }
    out
}

pub fn line(out: &mut String, indent: &str, key: &str, value: &str) {
    for piece in [indent, key, ": ", value, "\n"] {
        out.push_str(piece);
    }
}

fn write_entry(out: &mut String, entry: &Entry) {
    const IN: &str = "        ";
    line(out, "      - ", "code", &codes(&entry.codes));
    line(out, IN, "name", &quoted(&entry.name));
    line(out, IN, "message", &quoted(&entry.message));
    if let Some(hint) = &entry.hint {
        line(out, IN, "hint", &quoted(hint));
    }
    if entry.fallback {
        line(out, IN, "fallback", "true");
    }
    if let Some(status) = entry.http_status {
        line(out, IN, "http_status", &status.to_string());
    }
    if let Some(endpoint) = &entry.endpoint {
        line(out, IN, "endpoint", &quoted(endpoint));
    }
    if let Some(scene) = &entry.scene {
        line(out, IN, "scene", &quoted(scene));
    }
    if !entry.notes.is_empty() {
        line(out, IN, "note", &quoted(&entry.notes.join("; ")));
    }
}

pub fn codes(codes: &[Code]) -> String {
    let one = |code: &Code| match code {
        Code::Int(code) => code.to_string(),
        Code::Str(code) => quoted(code),
    };
    match codes {
        [] => "null".to_owned(),
        [code] => one(code),
        codes => format!("[{}]", codes.iter().map(one).collect::<Vec<_>>().join(", ")),
    }
}

/// A YAML double-quoted scalar. Line breaks, controls and the characters YAML 1.1 readers
/// take for line breaks (U+0085, U+2028, U+2029) are escaped, so nothing is folded away.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0'..='\x1F'
            | '\x7F'..='\u{9F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
            | '\u{FFFE}'
            | '\u{FFFF}' => {
                out.extend(format!("\\u{:04X}", u32::from(c)).chars());
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the spec to `path` (a new file, unless `force`), or to standard output.
pub fn output(yaml: &str, path: Option<&Path>, force: bool) -> Result<(), String> {
    if let Some(path) = path {
        // `create_new`: nothing can appear between a check and the write.
        let file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .create_new(!force)
            .open(path);
        return file
            .and_then(|mut file| file.write_all(yaml.as_bytes()))
            .map_err(|error| match error.kind() {
                io::ErrorKind::AlreadyExists => format!(
                    "{} exists; errcodes does not overwrite a spec, which may have been reviewed: name another file, or pass --force to overwrite it",
                    path.display()
                ),
                _ => format!("cannot write {}: {error}", path.display()),
            });
    }
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(yaml.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("cannot write the spec to standard output: {error}"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn every_string_reads_back_as_itself(text in any::<String>()) {
            let read: String = serde_yaml::from_str(&quoted(&text)).expect("valid YAML");
            prop_assert_eq!(read, text);
        }
    }

    #[test]
    fn strings_that_yaml_would_take_for_something_else_stay_strings() {
        for text in [
            "yes", "null", "~", "123", "- a", "a: b", "#x", "{f}", "'", "\u{2028}", "\u{85}",
            " lead",
        ] {
            let read: String = serde_yaml::from_str(&quoted(text)).expect("valid YAML");
            assert_eq!(read, text);
        }
        assert_eq!(codes(&[]), "null");
        assert_eq!(
            codes(&[Code::Int(990_001), Code::Int(990_002)]),
            "[990001, 990002]"
        );
        assert_eq!(codes(&[Code::Str("F00-1".into())]), "\"F00-1\"");
    }
}
