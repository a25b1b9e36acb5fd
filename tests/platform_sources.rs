//! The platform specs added from issue 16 against their official sources, kept verbatim in
//! `tests/fixtures/sources/`: every row of the source is exactly one entry of the spec, with
//! the row's code, sub-code and texts, in source order; nothing else is in the spec; each
//! class a row's advice states is kept, and every other class an entry sets has a note.

use serde_yaml::Value;

/// Ends a fixture's header; the source's text, verbatim, follows.
const CUT: &str = "-----8<-----\n";

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// One row of a source: the code, the sub-code if the row has one, the text (the sub-code's
/// text where there is a sub-code, else the code's) and the advice.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    line: usize,
    code: i64,
    sub_code: Option<String>,
    text: String,
    advice: Option<String>,
}

/// Alipay's 公共错误码 table as stored: `code | msg | sub_code | sub_msg | 解决方案 |` opens a
/// code (a row of the code itself, and one of its first sub-code), `sub_code | sub_msg |
/// 解决方案 | ||` continues it. The last row may be cut off (header `truncated: yes`).
fn alipay_rows(text: &str) -> Vec<Row> {
    let (header, body) = text.split_once(CUT).expect("a header");
    let truncated = header.contains("truncated: yes");
    let offset = header.lines().count() + 2;
    let mut rows = Vec::new();
    let mut code = None;
    let lines: Vec<&str> = body.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 3 || cells[0].starts_with("code(") {
            continue;
        }
        let line_no = offset + i;
        let last = i + 1 == lines.len();
        // A cell the stored text cuts off is no advice.
        let cut = last && truncated;
        let advice = |cell: Option<&&str>| {
            cell.filter(|c| !c.is_empty() && !cut)
                .map(|c| (*c).to_owned())
        };
        if let Ok(parsed) = cells[0].parse::<i64>() {
            code = Some(parsed);
            rows.push(Row {
                line: line_no,
                code: parsed,
                sub_code: None,
                text: cells[1].to_owned(),
                advice: None,
            });
            if !cells[2].is_empty() {
                rows.push(Row {
                    line: line_no,
                    code: parsed,
                    sub_code: Some(cells[2].to_owned()),
                    text: cells[3].to_owned(),
                    advice: advice(cells.get(4)),
                });
            }
        } else {
            let code = code.unwrap_or_else(|| panic!("line {line_no}: a sub-code before any code"));
            rows.push(Row {
                line: line_no,
                code,
                sub_code: Some(cells[0].to_owned()),
                text: cells[1].to_owned(),
                advice: advice(cells.get(2)),
            });
        }
    }
    rows
}

/// A spec's entries as rows, in spec order, with each entry's class and note.
fn spec_rows(spec: &Value) -> Vec<(Row, String, bool, Option<String>)> {
    let mut rows = Vec::new();
    for group in spec["groups"].as_sequence().expect("groups") {
        for entry in group["errors"].as_sequence().expect("errors") {
            let own = entry.get("retry").is_some();
            let retry = entry.get("retry").or_else(|| group.get("retry"));
            let retry = match retry {
                Some(Value::String(class)) => class.clone(),
                Some(Value::Mapping(map)) => format!("{map:?}"),
                _ => panic!("an entry without a class"),
            };
            let text = |key: &str| entry[key].as_str().map(str::to_owned);
            rows.push((
                Row {
                    line: 0,
                    code: entry["code"].as_i64().expect("an integer code"),
                    sub_code: text("sub_code"),
                    text: text("message").expect("a message"),
                    advice: text("hint"),
                },
                retry,
                own,
                text("note"),
            ));
        }
    }
    rows
}

/// Every difference between the source's rows and the spec's entries.
fn problems(source: &[Row], spec: &Value) -> Vec<String> {
    let success: Vec<i64> = spec["envelope"]["success"]
        .as_sequence()
        .map(|codes| codes.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    let expected: Vec<&Row> = source
        .iter()
        .filter(|r| !success.contains(&r.code))
        .collect();
    let held = spec_rows(spec);
    let mut problems = Vec::new();
    for code in &success {
        if !source.iter().any(|row| row.code == *code) {
            problems.push(format!("success code {code} is no row of the source"));
        }
    }
    for (i, row) in expected.iter().enumerate() {
        let Some((entry, ..)) = held.get(i) else {
            problems.push(format!(
                "line {}: {} {:?} has no entry",
                row.line, row.code, row.sub_code
            ));
            continue;
        };
        let entry = Row {
            line: row.line,
            ..entry.clone()
        };
        if entry != **row {
            problems.push(format!(
                "line {}: the source {row:?}, the spec {entry:?}",
                row.line
            ));
        }
    }
    for (extra, ..) in held.iter().skip(expected.len()) {
        problems.push(format!(
            "{} {:?} is no row of the source",
            extra.code, extra.sub_code
        ));
    }
    problems
}

/// The classes a row's advice states, and every class an entry sets for itself has a note.
fn class_problems(spec: &Value) -> Vec<String> {
    let advice: [(&str, &str); 2] = [("稍后重试", "transient"), ("请刷新", "reauthenticate")];
    let mut problems = Vec::new();
    for (row, retry, own, note) in spec_rows(spec) {
        for (words, class) in advice {
            if row.advice.as_deref().is_some_and(|a| a.contains(words)) && retry != class {
                problems.push(format!(
                    "{:?}: {retry}, its advice says {words}",
                    row.sub_code
                ));
            }
        }
        if own && note.is_none() {
            problems.push(format!("{:?} sets {retry} without a note", row.sub_code));
        }
    }
    problems
}

const ALIPAY_SOURCE: &str = "tests/fixtures/sources/alipay_common_error_codes.txt";

fn alipay() -> Value {
    serde_yaml::from_str(&read("specs/alipay.yaml")).expect("the spec is YAML")
}

#[test]
fn alipay_has_every_row_of_its_source() {
    let rows = alipay_rows(&read(ALIPAY_SOURCE));
    assert_eq!(
        rows.len(),
        20,
        "10000, and 20000, 20001 and 40001 with their 16 sub-codes"
    );
    let found = problems(&rows, &alipay());
    assert!(found.is_empty(), "{}", found.join("\n"));
    let classes = class_problems(&alipay());
    assert!(classes.is_empty(), "{}", classes.join("\n"));
}

#[test]
fn the_spec_cites_the_fixtures_source() {
    let text = read(ALIPAY_SOURCE);
    let url = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("source: "))
        .expect("a source");
    assert_eq!(alipay()["source"].as_str(), Some(url));
}

#[test]
fn a_reworded_dropped_or_extra_alipay_row_is_caught() {
    let text = read(ALIPAY_SOURCE);
    let check = |edited: String| problems(&alipay_rows(&edited), &alipay());
    let reworded = check(text.replace("访问令牌已过期", "访问令牌过期"));
    assert_eq!(reworded.len(), 1, "{reworded:?}");
    let dropped = check(text.replace(
        "isv.missing-version | 缺少版本参数 | 检查请求参数,缺少version参数 | ||\n",
        "",
    ));
    assert!(
        dropped
            .iter()
            .any(|p| p.contains("is no row of the source")),
        "{dropped:?}"
    );
    let moved = check(text.replace("aop.unknow-error |", "aop.unknown-error |"));
    assert_eq!(moved.len(), 1, "{moved:?}");
    let mut spec = alipay();
    spec["envelope"]["success"] = serde_yaml::from_str("[10000, 10001]").expect("yaml");
    let success = problems(&alipay_rows(&text), &spec);
    assert!(
        success.iter().any(|p| p.contains("success code 10001")),
        "{success:?}"
    );
    let mut relaxed = alipay();
    relaxed["groups"][0]["retry"] = "permanent".into();
    assert!(
        !class_problems(&relaxed).is_empty(),
        "稍后重试 is transient"
    );
}
