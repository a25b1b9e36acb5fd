//! The platform specs added from issue 16 against their official sources, kept verbatim in
//! `tests/fixtures/sources/`: every row of a source is exactly one entry of the groups the
//! spec transcribes from it, with the row's code, sub-code and texts, in source order;
//! nothing else is in those groups, and every group is some source's; each class a row's
//! advice states is kept, and every other class an entry sets has a note.

use serde_yaml::Value;

mod sources_support;

use sources_support::{read, spec_value, CUT};

/// One row of a source: the code, the sub-code if the row has one, the text (the sub-code's
/// text where there is a sub-code, else the code's) and the advice.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    line: usize,
    /// `None`: the source gives no code, only the sub-code.
    code: Option<i64>,
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
                code: Some(parsed),
                sub_code: None,
                text: cells[1].to_owned(),
                advice: None,
            });
            if !cells[2].is_empty() {
                rows.push(Row {
                    line: line_no,
                    code: Some(parsed),
                    sub_code: Some(cells[2].to_owned()),
                    text: cells[3].to_owned(),
                    advice: advice(cells.get(4)),
                });
            }
        } else {
            let code = code.unwrap_or_else(|| panic!("line {line_no}: a sub-code before any code"));
            rows.push(Row {
                line: line_no,
                code: Some(code),
                sub_code: Some(cells[0].to_owned()),
                text: cells[1].to_owned(),
                advice: advice(cells.get(2)),
            });
        }
    }
    rows
}

/// The business error table of Alipay's English Face-to-Face Payment pages as stored: each
/// row is three lines, `Code |`, `Description/Reason |` and `Solution |`; the source gives no
/// gateway code. The last row may be cut off (header `truncated: yes`): a row whose lines do
/// not all end in ` |` is no row, and only the last may be so.
fn alipay_f2f_rows(text: &str) -> Vec<Row> {
    let (header, body) = text.split_once(CUT).expect("a header");
    let truncated = header.contains("truncated: yes");
    let offset = header.lines().count() + 2;
    let lines: Vec<&str> = body.lines().collect();
    let mut rows = Vec::new();
    for (n, chunk) in lines.chunks(3).enumerate() {
        let cells: Option<Vec<&str>> = chunk.iter().map(|line| line.strip_suffix(" |")).collect();
        let line = offset + 3 * n;
        match cells {
            Some(cells) if cells.len() == 3 => rows.push(Row {
                line,
                code: None,
                sub_code: Some(cells[0].to_owned()),
                text: cells[1].to_owned(),
                advice: Some(cells[2].to_owned()),
            }),
            _ => assert!(
                truncated && (n + 1) * 3 >= lines.len(),
                "line {line}: a cut row before the end, or in a text not marked truncated"
            ),
        }
    }
    rows
}

/// The entries of a spec's groups named in `groups` (all of them where it is empty) as
/// rows, in spec order, with each entry's class and note.
fn spec_rows(spec: &Value, groups: &[&str]) -> Vec<(Row, String, bool, Option<String>)> {
    let mut rows = Vec::new();
    for group in spec["groups"].as_sequence().expect("groups") {
        let id = group["id"].as_str().expect("a group id");
        if !groups.is_empty() && !groups.contains(&id) {
            continue;
        }
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
                    code: match &entry["code"] {
                        Value::Null => None,
                        code => Some(code.as_i64().expect("an integer code or null")),
                    },
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

/// Every difference between the source's rows and the entries of the spec's `groups`.
fn problems(source: &[Row], spec: &Value, groups: &[&str]) -> Vec<String> {
    // The table's success code is its envelope's, or that of the envelope's first level
    // (the platform's, where a business level follows: JD Daojia).
    let envelope = &spec["envelope"];
    let first = match envelope["levels"].as_sequence() {
        Some(levels) => levels.first().unwrap_or(envelope),
        None => envelope,
    };
    let success: Vec<i64> = first["success"]
        .as_sequence()
        .map(|codes| codes.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    let expected: Vec<&Row> = source
        .iter()
        .filter(|r| r.code.is_none_or(|code| !success.contains(&code)))
        .collect();
    let held = spec_rows(spec, groups);
    let mut problems = Vec::new();
    // A table of sub-codes without codes says nothing of the gateway's success code.
    let coded = source.iter().any(|row| row.code.is_some());
    for code in success.iter().filter(|_| coded) {
        if !source.iter().any(|row| row.code == Some(*code)) {
            problems.push(format!("success code {code} is no row of the source"));
        }
    }
    for (i, row) in expected.iter().enumerate() {
        let Some((entry, ..)) = held.get(i) else {
            problems.push(format!(
                "line {}: {:?} {:?} has no entry",
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
            "{:?} {:?} is no row of the source",
            extra.code, extra.sub_code
        ));
    }
    problems
}

/// The classes a row's advice states, and every class an entry sets for itself has a note.
fn class_problems(spec: &Value) -> Vec<String> {
    let advice: [(&str, &str); 4] = [
        ("稍后重试", "transient"),
        ("请刷新", "reauthenticate"),
        ("resend the request after fixing", "permanent"),
        ("Contact Alipay", "permanent"),
    ];
    let mut problems = Vec::new();
    for (row, retry, own, note) in spec_rows(spec, &[]) {
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
const ALIPAY_F2F_SOURCE: &str = "tests/fixtures/sources/alipay_f2f_business_error_codes.txt";
/// The groups transcribed from each source.
const ALIPAY_GATEWAY: &[&str] = &[
    "service_unavailable",
    "insufficient_token_permissions",
    "missing_required_arguments",
];
const ALIPAY_F2F: &[&str] = &["trade_business_errors"];

fn alipay() -> Value {
    spec_value("alipay")
}

fn source_url(path: &str) -> String {
    read(path)
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("source: "))
        .expect("a source")
        .to_owned()
}

#[test]
fn alipay_has_every_row_of_its_source() {
    let rows = alipay_rows(&read(ALIPAY_SOURCE));
    assert_eq!(
        rows.len(),
        20,
        "10000, and 20000, 20001 and 40001 with their 16 sub-codes"
    );
    let found = problems(&rows, &alipay(), ALIPAY_GATEWAY);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let classes = class_problems(&alipay());
    assert!(classes.is_empty(), "{}", classes.join("\n"));
}

#[test]
fn alipay_has_every_row_of_its_face_to_face_business_error_table() {
    let rows = alipay_f2f_rows(&read(ALIPAY_F2F_SOURCE));
    assert_eq!(rows.len(), 13, "13 whole rows; the 14th is cut off");
    assert!(rows.iter().all(|r| r.code.is_none()));
    let found = problems(&rows, &alipay(), ALIPAY_F2F);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_alipay_group_is_transcribed_from_one_source() {
    let spec = alipay();
    let ids: Vec<&str> = spec["groups"]
        .as_sequence()
        .expect("groups")
        .iter()
        .map(|g| g["id"].as_str().expect("an id"))
        .collect();
    let sourced: Vec<&str> = ALIPAY_GATEWAY.iter().chain(ALIPAY_F2F).copied().collect();
    assert_eq!(ids, sourced);
}

#[test]
fn the_spec_cites_the_fixtures_source() {
    let spec = alipay();
    let source = spec["source"].as_str().expect("a source");
    assert!(
        source.starts_with(&format!("{} ", source_url(ALIPAY_SOURCE))),
        "{source}"
    );
    assert!(
        source.contains(&format!("; {} ", source_url(ALIPAY_F2F_SOURCE))),
        "{source}"
    );
    let f2f = &spec["groups"][ALIPAY_GATEWAY.len()];
    assert_eq!(f2f["id"].as_str(), Some(ALIPAY_F2F[0]));
    let note = f2f["note"].as_str().expect("a note");
    assert!(note.contains(&source_url(ALIPAY_F2F_SOURCE)), "{note}");
    assert!(note.contains(ALIPAY_F2F_SOURCE.trim_start_matches("tests/fixtures/sources/")));
}

#[test]
fn a_reworded_dropped_or_extra_alipay_row_is_caught() {
    let text = read(ALIPAY_SOURCE);
    let check = |edited: String| problems(&alipay_rows(&edited), &alipay(), ALIPAY_GATEWAY);
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
    let success = problems(&alipay_rows(&text), &spec, ALIPAY_GATEWAY);
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

#[test]
fn a_reworded_dropped_or_reclassed_face_to_face_row_is_caught() {
    let text = read(ALIPAY_F2F_SOURCE);
    let check = |edited: String| problems(&alipay_f2f_rows(&edited), &alipay(), ALIPAY_F2F);
    let reworded = check(text.replace("Invalid APP_ID. |", "Invalid APPID. |"));
    assert_eq!(reworded.len(), 1, "{reworded:?}");
    let advice = check(text.replace(
        "Update the buyer, and resend the request. |",
        "Update the buyer. |",
    ));
    assert_eq!(advice.len(), 1, "{advice:?}");
    let dropped = check(text.replace(
        "ACQ.TRADE_HAS_CLOSE |\nThe payment transaction exists and is closed. |\nUpdate the out_trade_no field, and resend the request. |\n",
        "",
    ));
    assert!(!dropped.is_empty(), "{dropped:?}");
    let mut relaxed = alipay();
    relaxed["groups"][ALIPAY_GATEWAY.len()]["errors"][1]["retry"] = "transient".into();
    let classes = class_problems(&relaxed);
    assert!(
        classes.iter().any(|p| p.contains("ACQ.INVALID_PARAMETER")),
        "fixing the request is permanent: {classes:?}"
    );
}

const JD_DAOJIA_SOURCE: &str = "tests/fixtures/sources/jd_daojia_platform_codes.txt";

/// JD Daojia's 到家侧平台状态码说明 table as stored: after the `状态码 |` and `描述 |` header
/// cells, a row is two lines, the code and the description, each ending in ` |`. The last row
/// may be cut off (header `truncated: yes`): a row whose lines do not both end in ` |` is no
/// row, and only the last may be so.
fn jd_daojia_rows(text: &str) -> Vec<Row> {
    let (head, body) = text.split_once(CUT).expect("a fixture header");
    let first = head.lines().count() + 2;
    let lines: Vec<&str> = body.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "状态码 |")
        .expect("the table's header");
    assert_eq!(
        lines.get(start + 1),
        Some(&"描述 |"),
        "the header's second cell"
    );
    let cells = &lines[start + 2..];
    let mut rows = Vec::new();
    for (i, pair) in cells.chunks(2).enumerate() {
        let whole: Option<Vec<&str>> = pair.iter().map(|c| c.strip_suffix(" |")).collect();
        match whole {
            Some(cell) if cell.len() == 2 => rows.push(Row {
                line: first + start + 2 + 2 * i,
                code: Some(cell[0].parse().expect("an integer code")),
                sub_code: None,
                text: cell[1].to_owned(),
                advice: None,
            }),
            _ => assert_eq!(
                i + 1,
                cells.len().div_ceil(2),
                "a cut row that is not the last"
            ),
        }
    }
    rows
}

fn jd_daojia() -> Value {
    spec_value("jd_daojia")
}

/// A description that says to retry (请重试, or 系统会自动重试: the platform retries) is
/// transient, every other row permanent unless its entry says why; every class an entry sets
/// for itself has a note.
fn jd_daojia_class_problems(spec: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (row, retry, own, note) in spec_rows(spec, &[]) {
        let retries = row.text.contains("请重试") || row.text.contains("自动重试");
        let stated = if retries { "transient" } else { "permanent" };
        if retry != stated && note.is_none() {
            problems.push(format!(
                "{:?}: {retry}, its description says {stated}",
                row.code
            ));
        }
        if own && note.is_none() {
            problems.push(format!("{:?} sets {retry} without a note", row.code));
        }
    }
    problems
}

#[test]
fn jd_daojia_has_every_row_of_its_source() {
    let rows = jd_daojia_rows(&read(JD_DAOJIA_SOURCE));
    assert_eq!(
        rows.len(),
        18,
        "0 and 17 error rows; the 19th (100023) is cut off"
    );
    assert_eq!(rows[0].code, Some(0));
    let found = problems(&rows, &jd_daojia(), &[]);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let classes = jd_daojia_class_problems(&jd_daojia());
    assert!(classes.is_empty(), "{}", classes.join("\n"));
}

#[test]
fn the_jd_daojia_spec_cites_the_fixtures_source() {
    let spec = jd_daojia();
    let source = spec["source"].as_str().expect("a source");
    assert!(
        source.starts_with(&format!("{} ", source_url(JD_DAOJIA_SOURCE))),
        "{source}"
    );
    let note = spec["note"].as_str().expect("a note");
    assert!(
        note.contains(JD_DAOJIA_SOURCE.trim_start_matches("tests/")),
        "{note}"
    );
    assert!(
        note.contains("100023"),
        "the note names the cut row: {note}"
    );
}

#[test]
fn a_reworded_dropped_or_reclassed_jd_daojia_row_is_caught() {
    let text = read(JD_DAOJIA_SOURCE);
    let check = |edited: String| problems(&jd_daojia_rows(&edited), &jd_daojia(), &[]);
    let reworded = check(text.replace("无效Sign签名,请检查", "无效签名,请检查"));
    assert_eq!(reworded.len(), 1, "{reworded:?}");
    let recoded = check(text.replace("100018 |", "10018 |"));
    assert_eq!(recoded.len(), 1, "{recoded:?}");
    let dropped = check(text.replace("10012 |\nAPI接口协议为空,不能正常提供服务,可以提交在线问答或关注“到家开放平台”微信公众号留言详细说明,开放平台跟进回复。 |\n", ""));
    assert!(
        dropped
            .iter()
            .any(|p| p.contains("is no row of the source")),
        "{dropped:?}"
    );
    let mut spec = jd_daojia();
    spec["envelope"]["levels"][0]["success"] = serde_yaml::from_str("[0, -1]").expect("yaml");
    let success = problems(&jd_daojia_rows(&text), &spec, &[]);
    assert!(!success.is_empty(), "-1 is an error row, not a success");
    let mut relaxed = jd_daojia();
    relaxed["groups"][0]["errors"][16]["retry"] = "permanent".into();
    relaxed["groups"][0]["errors"][16]
        .as_mapping_mut()
        .expect("an entry")
        .remove("note");
    let classes = jd_daojia_class_problems(&relaxed);
    assert!(
        classes.iter().any(|p| p.contains("100022")),
        "调用超时,请重试 is transient: {classes:?}"
    );
    let mut unnoted = jd_daojia();
    unnoted["groups"][0]["errors"][7]
        .as_mapping_mut()
        .expect("an entry")
        .remove("note");
    assert!(
        jd_daojia_class_problems(&unnoted).is_empty(),
        "10013 keeps the group's class"
    );
}
