//! The three seed tables, imported and compiled in one scratch crate whose program
//! classifies every row, code and message as the table writes them, and checks that the
//! variant is the one named for that row. `tricky.md` (repeated rows, shared codes, braces,
//! empty cells, surplus placeholders) is compiled in the same build.

use std::fs;

use serde_yaml::Value;

use crate::{entries, errcodes, fixture, scratch, seed, status, stderr, stdout};

/// `(seed file prefix, platform, enum)`.
const SEEDS: [(&str, &str, &str); 3] = [
    ("000_", "wechat_shop", "WechatShopError"),
    ("001_", "wechat_transaction", "WechatTransactionError"),
    ("002_", "wangdiantong", "WangdiantongError"),
];

/// The scratch crate's program. `classify` is the one place that calls the generated API:
/// adapt it when that API changes.
const PROGRAM: &str = r#"//! Classifies every row of the imported seed tables.
#![allow(dead_code)]
use errcodes::prelude::*;
@MODULES@
fn classify(spec: &str, code: &str, message: &str) -> &'static str {
    macro_rules! by_code {
        ($error:ty) => {
            <$error>::classify(code, message).name()
        };
    }
    match spec {
@DISPATCH@        _ => unreachable!("no spec {spec}"),
    }
}

/// `(spec, code, message as in the table, the name of the row's entry)`.
const ROWS: &[(&str, &str, &str, &str)] = &[
@ROWS@];

fn main() {
    let mut wrong = 0;
    for &(spec, code, message, expected) in ROWS {
        let got = classify(spec, code, message);
        if got != expected {
            wrong += 1;
            println!("{spec} {code} {message:?}: {got}, expected {expected}");
        }
    }
    println!("classified {} rows, {wrong} wrong", ROWS.len());
}
"#;

/// A row of a seed's pipe tables: its codes and its message, Markdown escapes undone. The
/// seeds' tables are plain enough to read with a split, independently of the importer.
fn table_rows(text: &str) -> Vec<(Vec<i64>, String)> {
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let codes: Vec<i64> = cells[0]
                .split('/')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .ok()?;
            let message = cells.get(1)?.replace("\\_", "_").replace("\\*", "*");
            Some((codes, message))
        })
        .collect()
}

/// The spec `import` writes for `path`.
fn spec(path: &str, platform: &str) -> String {
    let output = errcodes(&["import", path, "--platform", platform]);
    assert_eq!(status(&output), 0, "{path}: {}", stderr(&output));
    stdout(&output)
}

fn module(platform: &str) -> String {
    format!("mod {platform} {{\n    errcodes::platform_errors!(\"specs/{platform}.yaml\");\n}}\n")
}

fn codes(entry: &Value) -> Vec<i64> {
    match &entry["code"] {
        Value::Sequence(codes) => codes.iter().filter_map(Value::as_i64).collect(),
        code => code.as_i64().into_iter().collect(),
    }
}

#[test]
fn seed_tables_import_into_specs_that_compile_and_classify_every_row_back_to_itself() {
    let (mut modules, mut dispatch, mut rows) = (String::new(), String::new(), String::new());
    let mut specs = Vec::new();
    let mut count = 0;
    for (prefix, platform, enum_name) in SEEDS {
        let path = seed(prefix);
        let yaml = spec(&path, platform);
        let spec: Value = serde_yaml::from_str(&yaml).expect("YAML");
        let table = table_rows(&fs::read_to_string(&path).expect("the seed"));
        let entries = entries(&spec);
        assert_eq!(entries.len(), table.len(), "{path}: one entry per row");
        for ((row_codes, message), entry) in table.iter().zip(&entries) {
            assert_eq!(&codes(entry), row_codes, "{path}: entries in table order");
            let name = entry["name"].as_str().expect("a name");
            for code in row_codes {
                rows.push_str(&format!(
                    "    ({platform:?}, \"{code}\", {message:?}, {name:?}),\n"
                ));
                count += 1;
            }
        }
        modules.push_str(&module(platform));
        dispatch.push_str(&format!(
            "        {platform:?} => by_code!({platform}::{enum_name}),\n"
        ));
        specs.push((format!("specs/{platform}.yaml"), yaml));
    }
    modules.push_str(&module("tricky"));
    specs.push((
        "specs/tricky.yaml".to_owned(),
        spec(&fixture("tricky.md"), "tricky"),
    ));
    let program = PROGRAM
        .replace("@MODULES@", &modules)
        .replace("@DISPATCH@", &dispatch)
        .replace("@ROWS@", &rows);
    let mut files: Vec<(&str, &[u8])> = specs
        .iter()
        .map(|(path, yaml)| (path.as_str(), yaml.as_bytes()))
        .collect();
    files.push(("src/main.rs", program.as_bytes()));
    let dir = scratch::crate_with("cli_import_seeds", &files);
    let out = scratch::run(scratch::cargo(&dir, &["run", "--quiet"]));
    assert_eq!(out, format!("classified {count} rows, 0 wrong\n"));
    assert_eq!(
        count,
        101 + 147 + 80,
        "990001/990002 is classified under both codes"
    );
}
