//! Arbitrary bytes and near-table text: `import` never panics, and either writes a spec
//! that keeps the spec format's rules or fails with an error naming the file and a line.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_yaml::Value;

use crate::{entries, errcodes, status, stderr, stdout};

const FORMATS: [Option<&str>; 5] = [
    None,
    Some("markdown"),
    Some("tsv"),
    Some("csv"),
    Some("html"),
];

const TOKENS: &[&str] = &[
    "|",
    " | ",
    "\n",
    "\r\n",
    "\t",
    ",",
    "\"",
    "错误码",
    "错误信息",
    "code",
    "message",
    "解决方案",
    "HTTP状态码",
    "100",
    "-1",
    "990001/990002",
    "F00-1",
    "xxx",
    "XXXXXX",
    "{id}",
    "{",
    "}",
    "%s",
    "---",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "</tr>",
    "</table>",
    "<br>",
    "&amp;",
    "# Orders",
    "\\",
    "\\|",
    "Unknown",
    "self",
    "the",
    " ",
    "\u{2028}",
    "\u{85}",
    "'",
    "a",
    "Order {} failed",
    "<td rowspan=3>",
    "<td colspan=99999>",
    "\u{feff}",
];

const CODES: &[&str] = &[
    "100",
    "100",
    "1",
    "-1",
    "990001/990002",
    "100/1",
    "F00-1",
    "",
    "abc",
    "１",
    "99999999999999999999",
];

/// A table in one of the formats, with a header `import` knows and random cells.
fn table() -> impl Strategy<Value = (String, Option<&'static str>)> {
    let cell = prop_oneof![select(TOKENS).prop_map(str::to_owned), "\\PC{0,12}"];
    let row = (select(CODES), cell.clone(), cell);
    (vec(row, 1..12), select(&FORMATS[1..])).prop_map(|(rows, format)| {
        let rows =
            std::iter::once(("错误码", "错误信息".to_owned(), "解决方案".to_owned())).chain(rows);
        let text = rows
            .map(|(code, message, hint)| match format {
                Some("tsv") => format!("{code}\t{message}\t{hint}\n"),
                Some("csv") => format!("{code},{message},{hint}\n"),
                Some("html") => {
                    format!("<tr><td>{code}</td><td>{message}</td><td>{hint}</td></tr>\n")
                }
                _ => format!("| {code} | {message} | {hint} |\n"),
            })
            .collect::<String>();
        let text = if format == Some("html") {
            format!("<table>{text}</table>")
        } else {
            text
        };
        (text, format)
    })
}

fn soup() -> impl Strategy<Value = String> {
    vec(select(TOKENS), 0..80).prop_map(|tokens| tokens.concat())
}

proptest! {
    #[test]
    fn arbitrary_bytes(bytes in vec(any::<u8>(), 0..400), format in select(&FORMATS[..])) {
        check("bytes", &bytes, format)?;
    }

    #[test]
    fn near_tables(text in soup(), format in select(&FORMATS[..])) {
        check("soup", text.as_bytes(), format)?;
    }

    #[test]
    fn tables_of_random_cells((text, format) in table()) {
        check("table", text.as_bytes(), format)?;
    }
}

fn check(name: &str, bytes: &[u8], format: Option<&str>) -> Result<(), TestCaseError> {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli_import_fuzz_{name}.txt"));
    fs::write(&path, bytes).expect("write the input");
    let path = path.display().to_string();
    let mut args = vec!["import", &path, "--platform", "fuzz"];
    if let Some(format) = format {
        args.extend(["--from", format]);
    }
    let output = errcodes(&args);
    match status(&output) {
        0 => {
            let spec: Value = serde_yaml::from_str(&stdout(&output)).map_err(|error| {
                TestCaseError::fail(format!("not YAML: {error}\n{}", stdout(&output)))
            })?;
            keeps_the_rules(&spec)
                .map_err(|problem| TestCaseError::fail(format!("{problem}\n{}", stdout(&output))))
        }
        1 => {
            let stderr = stderr(&output);
            let line = stderr
                .strip_prefix(&format!("error: {path}:"))
                .and_then(|rest| rest.split_once(": "))
                .filter(|(line, _)| line.parse::<usize>().is_ok_and(|line| line >= 1));
            prop_assert!(line.is_some(), "no line named: {}", stderr);
            Ok(())
        }
        other => Err(TestCaseError::fail(format!(
            "exit {other}: {}",
            stderr(&output)
        ))),
    }
}

/// What `platform_errors!` checks and the importer must get right: names, ids, fallbacks
/// and templates.
fn keeps_the_rules(spec: &Value) -> Result<(), String> {
    let mut names = HashSet::new();
    for entry in entries(spec) {
        let name = entry["name"].as_str().ok_or("a name that is not text")?;
        let camel = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        if !camel || ["Self", "Unknown"].contains(&name) || !names.insert(name) {
            return Err(format!("bad or repeated name `{name}`"));
        }
        template(
            entry["message"]
                .as_str()
                .ok_or("a message that is not text")?,
        )?;
    }
    let mut ids = HashSet::new();
    for group in spec["groups"].as_sequence().ok_or("no groups")? {
        let id = group["id"].as_str().ok_or("an id that is not text")?;
        let snake = id.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !snake || !ids.insert(id) {
            return Err(format!("bad or repeated group id `{id}`"));
        }
    }
    fallbacks(spec)
}

/// Each code of several rows has one fallback; each fallback has such a code.
fn fallbacks(spec: &Value) -> Result<(), String> {
    let codes = |entry: &Value| match &entry["code"] {
        Value::Sequence(codes) => codes.iter().map(|code| format!("{code:?}")).collect(),
        Value::Null => Vec::new(),
        code => vec![format!("{code:?}")],
    };
    let is_fallback = |entry: &Value| entry["fallback"] == true;
    let mut rows: HashMap<String, (usize, usize)> = HashMap::new();
    for entry in entries(spec) {
        for code in codes(entry) {
            let counts = rows.entry(code).or_default();
            counts.0 += 1;
            counts.1 += usize::from(is_fallback(entry));
        }
    }
    if let Some((code, counts)) = rows
        .iter()
        .find(|(_, &(rows, fallbacks))| rows > 1 && fallbacks != 1)
    {
        return Err(format!("code {code}: (rows, fallbacks) = {counts:?}"));
    }
    match entries(spec)
        .into_iter()
        .find(|&entry| is_fallback(entry) && codes(entry).iter().all(|code| rows[code].0 < 2))
    {
        Some(entry) => Err(format!("a fallback with no shared code: {entry:?}")),
        None => Ok(()),
    }
}

/// A message as `platform_errors!` parses it: `{{` and `}}` literal, fields identifiers,
/// unique, at most eight, with text between them.
fn template(message: &str) -> Result<(), String> {
    let mut fields: Vec<String> = Vec::new();
    let mut text_since_field = true;
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' if chars.peek() == Some(&c) => {
                chars.next();
                text_since_field = true;
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => return Err(format!("unclosed field in {message:?}")),
                    }
                }
                let ident = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !ident || fields.contains(&name) || !text_since_field {
                    return Err(format!("bad field `{name}` in {message:?}"));
                }
                fields.push(name);
                text_since_field = false;
            }
            '}' => return Err(format!("lone `}}` in {message:?}")),
            _ => text_since_field = true,
        }
    }
    if fields.len() > 8 {
        return Err(format!("{} fields in {message:?}", fields.len()));
    }
    Ok(())
}
