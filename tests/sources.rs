//! The specs transcribed from official tables (`wechat_global`, `top_gateway`,
//! `tiktok_global`, `wechat_pay_v3`, `wechat_channels_store`) against their sources, kept
//! verbatim in `tests/fixtures/sources/`. Each fixture is parsed in its own format; every row
//! must be exactly one entry of the spec with the row's code and, in the row's language, the
//! row's text (and, where the source has them in columns of their own, its advice as the
//! hint and its HTTP status); each group must hold its source's rows in source order, so a
//! dropped, reworded or extra row shows; a sub-code rule entry must be a rule the source
//! states. The specs are read as YAML values, without the macro, so that a test names the
//! fixture line a difference comes from.

use serde_yaml::Value;

mod sources_support;

use sources_support::{read, spec_value, CUT};

const WECHAT: &str = "wechat_global";
const TOP: &str = "top_gateway";
const TIKTOK: &str = "tiktok_global";
const PAY_V3: &str = "wechat_pay_v3";
const STORE: &str = "wechat_channels_store";

const WXJAVA: &str = "wechat_global_wxjava.txt";
const OPLATFORM: &str = "wechat_oplatform_common.txt";
/// Official API pages whose tables list codes the global sources lack, with their columns.
const WECHAT_PAGES: [(&str, &[Column]); 3] = [
    ("wechat_component_token.txt", &[Column::En, Column::Zh]),
    ("wechat_check_session.txt", &[Column::EnZh]),
    ("wechat_msg_sec_check_en.txt", &[Column::En]),
];
const TOP_OFFICIAL: &str = "top_gateway_official.txt";
const TOP_COPY: &str = "top_gateway_system_copy.txt";
const TIKTOK_V2: &str = "tiktok_api_v2.txt";
const TIKTOK_RATE_LIMIT: &str = "tiktok_api_v2_rate_limit.txt";
const PAY_V3_CLOSE: &str = "wechat_pay_v3_close_order.txt";
const PAY_V3_STATUS: &str = "wechat_pay_v3_http_status.txt";
const STORE_COMMON: &str = "wechat_channels_store_common.txt";

// ---------------------------------------------------------------------------------------
// Fixtures

struct Fixture {
    name: &'static str,
    /// The text as stored, after the header.
    body: String,
    /// Lines before the body, so that a body line can be named by its line in the file.
    header_lines: usize,
    /// The header says the stored text stops mid-row.
    truncated: bool,
}

fn fixture(name: &'static str) -> Fixture {
    with_body(name, &read(&format!("tests/fixtures/sources/{name}")), None)
}

/// The fixture `name` with its header as in `text` and, if given, another body.
fn with_body(name: &'static str, text: &str, body: Option<&str>) -> Fixture {
    let (header, stored) = text
        .split_once(CUT)
        .unwrap_or_else(|| panic!("{name}: no {CUT:?} line after the header"));
    let mut truncated = None;
    for line in header.lines() {
        let (key, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("{name}: header line {line:?} is not `key: value`"));
        if key == "truncated" {
            truncated = Some(value.starts_with("yes"));
        }
    }
    assert!(
        header.starts_with("source: http"),
        "{name}: the header opens with the source URL"
    );
    Fixture {
        name,
        body: body.unwrap_or(stored).to_owned(),
        header_lines: header.lines().count() + 1,
        truncated: truncated.unwrap_or_else(|| panic!("{name}: no `truncated:` in the header")),
    }
}

fn text_of(name: &str) -> String {
    read(&format!("tests/fixtures/sources/{name}"))
}

// ---------------------------------------------------------------------------------------
// Rows

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Code {
    Int(i64),
    Str(String),
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Code::Int(code) => write!(f, "{code}"),
            Code::Str(code) => write!(f, "{code:?}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Zh,
    En,
}

impl Lang {
    fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

#[derive(Debug, Clone)]
struct Row {
    /// `fixture:line` of the row's code.
    at: String,
    code: Code,
    /// The row's texts, each in its language, verbatim.
    texts: Vec<(Lang, String)>,
    http_status: Option<u64>,
    /// The row's advice, where the source gives it in a column of its own.
    hint: Option<String>,
}

impl Row {
    fn new(fixture: &Fixture, index: usize, code: Code) -> Row {
        Row {
            at: format!("{}:{}", fixture.name, fixture.header_lines + index + 1),
            code,
            texts: Vec::new(),
            http_status: None,
            hint: None,
        }
    }

    /// Only the code counts: another row or source gives the entry's texts.
    fn code_only(mut self) -> Row {
        self.texts.clear();
        self.http_status = None;
        self.hint = None;
        self
    }

    fn text(&self, lang: Lang) -> Option<&str> {
        self.texts
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, text)| text.as_str())
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// A Java string literal, quotes included, as its value.
fn java_string(literal: &str) -> Result<String, String> {
    let inner = literal
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or_else(|| format!("not a string literal: {literal}"))?;
    let mut value = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Err(format!("an unescaped quote in {literal}")),
            '\\' => match chars.next() {
                Some('\\') => value.push('\\'),
                Some('"') => value.push('"'),
                Some('\'') => value.push('\''),
                Some('n') => value.push('\n'),
                Some('t') => value.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let c = u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| format!("bad \\u{hex} in {literal}"))?;
                    value.push(c);
                }
                other => return Err(format!("unknown escape \\{other:?} in {literal}")),
            },
            c => value.push(c),
        }
    }
    Ok(value)
}

/// `WxJava`'s enum rows: `code | "Java string literal"`, one per line. The text is Chinese.
fn wxjava_rows(fixture: &Fixture) -> Vec<Row> {
    assert!(!fixture.truncated, "{}: the enum is whole", fixture.name);
    let mut rows = Vec::new();
    for (i, line) in fixture.body.lines().enumerate() {
        let (code, literal) = line
            .split_once(" | ")
            .unwrap_or_else(|| panic!("{}:{i}: not `code | literal`: {line}", fixture.name));
        let code = code
            .parse()
            .unwrap_or_else(|_| panic!("{}:{i}: code {code:?}", fixture.name));
        let text = java_string(literal).unwrap_or_else(|e| panic!("{}:{i}: {e}", fixture.name));
        let mut row = Row::new(fixture, i, Code::Int(code));
        row.texts.push((Lang::Zh, text));
        rows.push(row);
    }
    rows
}

/// The code a line opens with, and the text glued to it (`45009reach max ...`).
fn glued_code(line: &str) -> Option<(i64, &str)> {
    let digits = line.strip_prefix('-').unwrap_or(line);
    let end = digits.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 {
        return None;
    }
    let split = line.len() - digits.len() + end;
    Some((line[..split].parse().ok()?, &line[split..]))
}

/// The open platform's 公共错误码 as stored: after the header `错误码英文描述中文描述`, each
/// row is a line with the code glued to its English text, then, unless the row has none, a
/// line with its Chinese text. A truncated excerpt's last line is cut off: it is not read.
fn oplatform_rows(fixture: &Fixture) -> Vec<Row> {
    let lines: Vec<&str> = fixture.body.split('\n').collect();
    let header = lines
        .iter()
        .position(|line| *line == "错误码英文描述中文描述")
        .unwrap_or_else(|| panic!("{}: no table header", fixture.name));
    let end = if fixture.truncated {
        lines.len() - 1
    } else {
        lines.len()
    };
    let mut rows: Vec<Row> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(end).skip(header + 1) {
        if let Some((code, english)) = glued_code(line) {
            assert!(
                !english.trim().is_empty(),
                "{}:{i}: no English",
                fixture.name
            );
            let mut row = Row::new(fixture, i, Code::Int(code));
            row.texts.push((Lang::En, english.to_owned()));
            rows.push(row);
        } else {
            let row = rows
                .last_mut()
                .unwrap_or_else(|| panic!("{}:{i}: text before any row", fixture.name));
            assert!(
                row.text(Lang::Zh).is_none(),
                "{}:{i}: a second Chinese line",
                fixture.name
            );
            assert!(has_cjk(line), "{}:{i}: not Chinese: {line}", fixture.name);
            row.texts.push((Lang::Zh, (*line).to_owned()));
        }
    }
    rows
}

/// What a cell of a pipe table holds, after the code.
#[derive(Debug, Clone, Copy)]
enum Column {
    En,
    /// Chinese, or `0` where the row has none.
    Zh,
    /// The English errmsg, then its Chinese meaning (`invalid signature 签名错误`).
    EnZh,
}

/// A page's table, one row a line `| code | cell | ... |`; lines whose first cell is no
/// code (headers, rules) are not rows. A truncated excerpt's last line is cut off: not read.
fn pipe_rows(fixture: &Fixture, columns: &[Column]) -> Vec<Row> {
    let lines: Vec<&str> = fixture.body.lines().collect();
    let end = lines.len() - usize::from(fixture.truncated);
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().take(end) {
        let Some(inner) = line.strip_prefix("| ") else {
            continue;
        };
        let inner = inner
            .strip_suffix(" |")
            .unwrap_or_else(|| panic!("{}:{i}: a row without ` |`: {line}", fixture.name));
        let cells: Vec<&str> = inner.split(" | ").collect();
        let Ok(code) = cells[0].parse::<i64>() else {
            continue;
        };
        let mut row = Row::new(fixture, i, Code::Int(code));
        for (column, cell) in columns.iter().zip(&cells[1..]) {
            let cell = cell.trim();
            match column {
                Column::En => row.texts.push((Lang::En, cell.to_owned())),
                Column::Zh if cell == "0" => {}
                Column::Zh => {
                    assert!(has_cjk(cell), "{}:{i}: not Chinese: {cell}", fixture.name);
                    row.texts.push((Lang::Zh, cell.to_owned()));
                }
                Column::EnZh => {
                    let at = cell
                        .find(|c: char| has_cjk(&c.to_string()))
                        .unwrap_or_else(|| panic!("{}:{i}: no Chinese: {cell}", fixture.name));
                    row.texts.push((Lang::En, cell[..at].trim_end().to_owned()));
                    row.texts.push((Lang::Zh, cell[at..].to_owned()));
                }
            }
        }
        rows.push(row);
    }
    rows
}

/// The repost's 系统级错误 table: `code English Chinese` per line, up to the blank line that
/// ends it. The Chinese cell has no spaces; the English cell has no Chinese.
fn top_system_rows(fixture: &Fixture) -> Vec<Row> {
    let lines: Vec<&str> = fixture.body.split('\n').collect();
    let start = lines
        .iter()
        .position(|line| *line == "系统级错误")
        .unwrap_or_else(|| panic!("{}: no 系统级错误", fixture.name));
    let header = start + 2;
    assert_eq!(
        lines[header], "错误码 错误描述(英文) 错误描述(中文)",
        "{}",
        fixture.name
    );
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(header + 1) {
        if line.is_empty() {
            break;
        }
        let words: Vec<&str> = line.split(' ').collect();
        let (first, rest) = words.split_first().expect("a non-empty line");
        let (chinese, english) = rest
            .split_last()
            .unwrap_or_else(|| panic!("{}:{i}: one cell: {line}", fixture.name));
        let code = first
            .parse()
            .unwrap_or_else(|_| panic!("{}:{i}: code {first:?}", fixture.name));
        let english = english.join(" ");
        assert!(
            has_cjk(chinese) && !english.is_empty() && !has_cjk(&english),
            "{}:{i}: not `code English Chinese`: {line}",
            fixture.name
        );
        let mut row = Row::new(fixture, i, Code::Int(code));
        row.texts.push((Lang::Zh, (*chinese).to_owned()));
        row.texts.push((Lang::En, english));
        rows.push(row);
    }
    rows
}

/// A sub-code rule the source states: `N. <clause>: <advice>`, the clause naming the prefix
/// in quotes (`starting with “isp.”`).
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    at: String,
    prefix: String,
    clause: String,
    advice: String,
}

fn sub_code_rules(fixture: &Fixture) -> Vec<Rule> {
    const MARK: &str = "(sub_code) starting with “";
    let mut rules = Vec::new();
    for (i, line) in fixture.body.lines().enumerate() {
        let Some(at) = line.find(MARK) else {
            continue;
        };
        let after = &line[at + MARK.len()..];
        let prefix = &after[..after
            .find('”')
            .unwrap_or_else(|| panic!("{}:{i}: unclosed quote", fixture.name))];
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
            .map_or(line, |(_, rest)| rest);
        let (clause, advice) = numbered
            .split_once(": ")
            .unwrap_or_else(|| panic!("{}:{i}: no `: ` after the rule", fixture.name));
        rules.push(Rule {
            at: format!("{}:{}", fixture.name, fixture.header_lines + i + 1),
            prefix: prefix.to_owned(),
            clause: clause.to_owned(),
            advice: advice.to_owned(),
        });
    }
    rules
}

/// developer.alibaba.com's "Information about parent error codes": one cell per line, each
/// ending ` |`; four header cells, then rows of four (code, English, Description, Solution).
/// A truncated excerpt's last cell has no ` |`: a row keeps its code and English text when
/// both are whole.
fn top_parent_rows(fixture: &Fixture) -> Vec<Row> {
    let lines: Vec<&str> = fixture.body.split('\n').collect();
    let start = lines
        .iter()
        .position(|line| *line == "Information about parent error codes")
        .unwrap_or_else(|| panic!("{}: no parent error codes table", fixture.name));
    let mut cells: Vec<(usize, &str)> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        match line.strip_suffix(" |") {
            Some(cell) => cells.push((i, cell)),
            None if fixture.truncated && i == lines.len() - 1 => break,
            None => panic!("{}:{i}: a cell without ` |`: {line}", fixture.name),
        }
    }
    let header: Vec<&str> = cells.iter().take(4).map(|(_, cell)| *cell).collect();
    assert_eq!(
        header,
        ["Error code", "English", "Description", "Solution"],
        "{}",
        fixture.name
    );
    cells[4..]
        .chunks(4)
        .filter(|row| row.len() >= 2)
        .map(|row| {
            let (i, code) = row[0];
            let code = code
                .parse()
                .unwrap_or_else(|_| panic!("{}:{i}: code {code:?}", fixture.name));
            let mut parsed = Row::new(fixture, i, Code::Int(code));
            parsed.texts.push((Lang::En, row[1].1.to_owned()));
            parsed
        })
        .collect()
}

/// TikTok's All Error Codes, one cell per paragraph: after the header cells `Error code`,
/// `Description`, `HTTP status code`, a code, its description and its status per row, up to
/// `Error Example`.
fn tiktok_rows(fixture: &Fixture) -> Vec<Row> {
    assert!(!fixture.truncated, "{}: the table is whole", fixture.name);
    let cells: Vec<(usize, &str)> = fixture
        .body
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    let start = cells
        .windows(3)
        .position(|w| {
            w.iter()
                .map(|(_, c)| *c)
                .eq(["Error code", "Description", "HTTP status code"])
        })
        .unwrap_or_else(|| panic!("{}: no table header", fixture.name));
    let end = cells
        .iter()
        .position(|(_, cell)| *cell == "Error Example")
        .unwrap_or_else(|| panic!("{}: no end of the table", fixture.name));
    let body = &cells[start + 3..end];
    assert_eq!(body.len() % 3, 0, "{}: cells come in threes", fixture.name);
    body.chunks(3)
        .map(|row| {
            let (i, code) = row[0];
            assert!(
                !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}:{i}: code {code:?}",
                fixture.name
            );
            let status: u64 = row[2]
                .1
                .parse()
                .ok()
                .filter(|status| (100..600).contains(status))
                .unwrap_or_else(|| panic!("{}:{}: status {:?}", fixture.name, row[2].0, row[2].1));
            let mut parsed = Row::new(fixture, i, Code::Str(code.to_owned()));
            parsed.texts.push((Lang::En, row[1].1.to_owned()));
            parsed.http_status = Some(status);
            parsed
        })
        .collect()
}

/// WeChat Pay v3's error tables: under `# 公共错误码` and `# 业务错误码`, one row a line
/// `status | CODE | 描述 | 解决方案 |`. The rows of each table, in order. A truncated excerpt's
/// last line is cut off: it is not read.
fn pay_v3_tables(fixture: &Fixture) -> Vec<(String, Vec<Row>)> {
    let lines: Vec<&str> = fixture.body.lines().collect();
    let end = lines.len() - usize::from(fixture.truncated);
    let mut tables: Vec<(String, Vec<Row>)> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(end) {
        if let Some(title) = line.strip_prefix("# ") {
            tables.push((title.to_owned(), Vec::new()));
            continue;
        }
        if line.starts_with("---|") {
            continue;
        }
        let cells: Vec<&str> = line
            .strip_suffix(" |")
            .unwrap_or_else(|| panic!("{}:{i}: a row without ` |`: {line}", fixture.name))
            .split(" | ")
            .collect();
        let Ok(status) = cells[0].parse::<u64>() else {
            continue;
        };
        let [_, code, text, hint] = cells[..] else {
            panic!("{}:{i}: not four cells: {line}", fixture.name);
        };
        let mut row = Row::new(fixture, i, Code::Str(code.to_owned()));
        row.texts.push((Lang::Zh, text.to_owned()));
        row.hint = Some(hint.to_owned());
        row.http_status = Some(status);
        let (_, rows) = tables
            .last_mut()
            .unwrap_or_else(|| panic!("{}:{i}: a row before any table", fixture.name));
        rows.push(row);
    }
    tables
}

/// WeChat Pay v3's HTTP status table, one cell a line: after the four header cells, a
/// status (`429 - Too Many Requests`), the error type, the solution and the example code
/// (`/` for none) per row. A row with an example code is a row of that code, the type its
/// text and the solution its hint.
fn pay_v3_status_rows(fixture: &Fixture) -> Vec<Row> {
    assert!(!fixture.truncated, "{}: the table is whole", fixture.name);
    let lines: Vec<&str> = fixture.body.lines().collect();
    let header = lines
        .windows(4)
        .position(|w| w == ["状态码", "错误类型", "一般的解决方案", "典型错误码示例"])
        .unwrap_or_else(|| panic!("{}: no table header", fixture.name));
    let body = &lines[header + 4..];
    assert_eq!(body.len() % 4, 0, "{}: cells come in fours", fixture.name);
    let mut rows = Vec::new();
    for (n, cells) in body.chunks(4).enumerate() {
        let i = header + 4 + n * 4;
        let status = cells[0]
            .split_once(" - ")
            .and_then(|(status, _)| status.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("{}:{i}: status {:?}", fixture.name, cells[0]));
        if cells[3] == "/" {
            continue;
        }
        let mut row = Row::new(fixture, i + 3, Code::Str(cells[3].to_owned()));
        row.texts.push((Lang::Zh, cells[1].to_owned()));
        row.hint = Some(cells[2].to_owned());
        row.http_status = Some(status);
        rows.push(row);
    }
    rows
}

/// The Channels store's 公共错误码: one row a line `code | errmsg | 解决方法 |`, the errmsg
/// its English text and the advice its hint. A truncated excerpt's last line is cut off.
fn store_rows(fixture: &Fixture) -> Vec<Row> {
    let lines: Vec<&str> = fixture.body.lines().collect();
    let end = lines.len() - usize::from(fixture.truncated);
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().take(end) {
        let cells: Vec<&str> = line
            .strip_suffix(" |")
            .unwrap_or_else(|| panic!("{}:{i}: a row without ` |`: {line}", fixture.name))
            .split(" | ")
            .collect();
        let [code, errmsg, advice] = cells[..] else {
            panic!("{}:{i}: not three cells: {line}", fixture.name);
        };
        let code = code
            .parse()
            .unwrap_or_else(|_| panic!("{}:{i}: code {code:?}", fixture.name));
        let mut row = Row::new(fixture, i, Code::Int(code));
        row.texts.push((Lang::En, errmsg.to_owned()));
        row.hint = Some(advice.to_owned());
        rows.push(row);
    }
    rows
}

// ---------------------------------------------------------------------------------------
// Specs

#[derive(Debug, Clone)]
struct Entry {
    group: String,
    name: String,
    code: Option<Code>,
    message: Value,
    hint: Option<String>,
    sub_code: Option<String>,
    /// The class as written, the entry's own or its group's: `permanent`, `throttled 1m`.
    retry: String,
    own_retry: bool,
    note: Option<String>,
    http_status: Option<u64>,
}

impl Entry {
    /// The message in `lang`: that key of a `{zh, en}` message, or a plain message.
    fn text(&self, lang: Lang) -> Option<&str> {
        match &self.message {
            Value::String(text) => Some(text),
            Value::Mapping(map) => map.get(lang.key()).and_then(Value::as_str),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
struct Spec {
    file: String,
    success: Vec<Code>,
    groups: Vec<String>,
    entries: Vec<Entry>,
}

fn code_of(value: &Value) -> Option<Code> {
    match value {
        Value::Number(n) => Some(Code::Int(n.as_i64().expect("an i64 code"))),
        Value::String(s) => Some(
            s.trim()
                .parse()
                .map_or_else(|_| Code::Str(s.clone()), Code::Int),
        ),
        Value::Null => None,
        other => panic!("a code: {other:?}"),
    }
}

fn retry_of(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(class) => Some(class.clone()),
        Value::Mapping(map) => {
            let (class, wait) = map.iter().next().expect("a class");
            Some(format!(
                "{} {}",
                class.as_str().expect("a class"),
                wait.as_str().expect("a wait")
            ))
        }
        other => panic!("a retry class: {other:?}"),
    }
}

fn spec(file: &str, value: &Value) -> Spec {
    let success = match &value["envelope"]["success"] {
        Value::Sequence(codes) => codes.iter().filter_map(code_of).collect(),
        Value::Null => Vec::new(),
        one => code_of(one).into_iter().collect(),
    };
    let mut groups = Vec::new();
    let mut entries = Vec::new();
    for group in value["groups"].as_sequence().expect("groups:") {
        let id = group["id"].as_str().expect("id:").to_owned();
        for entry in group["errors"].as_sequence().expect("errors:") {
            let own = retry_of(&entry["retry"]);
            let text = |key: &str| entry[key].as_str().map(str::to_owned);
            entries.push(Entry {
                group: id.clone(),
                name: text("name").expect("name:"),
                code: code_of(&entry["code"]),
                message: entry["message"].clone(),
                hint: text("hint"),
                sub_code: text("sub_code"),
                own_retry: own.is_some(),
                retry: own
                    .or_else(|| retry_of(&group["retry"]))
                    .unwrap_or_else(|| panic!("{file}: no retry class for an entry")),
                note: text("note"),
                http_status: entry["http_status"]
                    .as_u64()
                    .or_else(|| group["http_status"].as_u64()),
            });
        }
        groups.push(id);
    }
    Spec {
        file: file.to_owned(),
        success,
        groups,
        entries,
    }
}

// ---------------------------------------------------------------------------------------
// The comparison

/// What a spec must hold: its sources' rows, and per group the codes of the rows it holds,
/// in source order. A group not listed may hold sub-code rule entries only.
struct Expected {
    rows: Vec<Row>,
    groups: Vec<(&'static str, Vec<Code>)>,
    rules: Vec<Rule>,
}

/// The codes of `rows` but the success codes, in order.
fn codes(rows: &[Row], spec: &Spec, keep: impl Fn(&Row) -> bool) -> Vec<Code> {
    rows.iter()
        .filter(|row| !spec.success.contains(&row.code) && keep(row))
        .map(|row| row.code.clone())
        .collect()
}

/// Every difference between the spec and its sources, one line each.
fn problems(spec: &Spec, expected: &Expected) -> Vec<String> {
    let plain: Vec<&Entry> = spec
        .entries
        .iter()
        .filter(|e| e.sub_code.is_none())
        .collect();
    let mut problems = Vec::new();
    for code in &spec.success {
        if plain.iter().any(|e| e.code.as_ref() == Some(code)) {
            problems.push(format!(
                "{}: success code {code} is an entry's code",
                spec.file
            ));
        }
    }
    for row in &expected.rows {
        if !spec.success.contains(&row.code) {
            problems.extend(row_problems(spec, &plain, row));
        }
    }
    for entry in &plain {
        if !expected
            .rows
            .iter()
            .any(|row| entry.code.as_ref() == Some(&row.code))
        {
            problems.push(format!(
                "{}: {} (code {:?}) comes from no row",
                spec.file, entry.name, entry.code
            ));
        }
    }
    problems.extend(group_problems(spec, &plain, &expected.groups));
    problems.extend(rule_problems(spec, &expected.rules));
    problems
}

/// The row is one entry (not a sub-code rule) with the row's texts and HTTP status.
fn row_problems(spec: &Spec, plain: &[&Entry], row: &Row) -> Vec<String> {
    let found: Vec<&&Entry> = plain
        .iter()
        .filter(|e| e.code.as_ref() == Some(&row.code))
        .collect();
    let [entry] = found.as_slice() else {
        return vec![format!(
            "{}: code {} is {} entries of {}",
            row.at,
            row.code,
            found.len(),
            spec.file
        )];
    };
    let mut problems = Vec::new();
    for (lang, text) in &row.texts {
        if entry.text(*lang) != Some(text.as_str()) {
            problems.push(format!(
                "{}: {} {} says {:?}, the source {text:?}",
                row.at,
                entry.name,
                lang.key(),
                entry.text(*lang)
            ));
        }
    }
    if row.hint.is_some() && entry.hint != row.hint {
        problems.push(format!(
            "{}: {} hint {:?}, the source {:?}",
            row.at, entry.name, entry.hint, row.hint
        ));
    }
    if row.http_status.is_some() && entry.http_status != row.http_status {
        problems.push(format!(
            "{}: {} HTTP status {:?}, the source {:?}",
            row.at, entry.name, entry.http_status, row.http_status
        ));
    }
    problems
}

/// Each group holds its source's rows in source order; a group of no source holds none.
fn group_problems(
    spec: &Spec,
    plain: &[&Entry],
    groups: &[(&'static str, Vec<Code>)],
) -> Vec<String> {
    let mut problems = Vec::new();
    for group in &spec.groups {
        let held: Vec<Code> = plain
            .iter()
            .filter(|e| &e.group == group)
            .filter_map(|e| e.code.clone())
            .collect();
        let rows = groups
            .iter()
            .find(|(id, _)| id == group)
            .map(|(_, rows)| rows);
        if rows.map_or(!held.is_empty(), |rows| held != *rows) {
            let rows = rows.map_or(&[][..], Vec::as_slice);
            problems.push(format!(
                "{}: group `{group}` holds {} entries, its source {} rows{}",
                spec.file,
                held.len(),
                rows.len(),
                first_difference(&held, rows)
            ));
        }
    }
    for (id, _) in groups {
        if !spec.groups.iter().any(|group| group == id) {
            problems.push(format!("{}: no group `{id}`", spec.file));
        }
    }
    problems
}

fn first_difference(held: &[Code], rows: &[Code]) -> String {
    let at = held
        .iter()
        .zip(rows)
        .position(|(a, b)| a != b)
        .unwrap_or(held.len().min(rows.len()));
    format!(
        "; first difference at {at}: entry {:?}, row {:?}",
        held.get(at).map(ToString::to_string),
        rows.get(at).map(ToString::to_string)
    )
}

/// Each rule the source states is one entry with `sub_code: "<prefix>*"`, the rule's clause
/// as its message and its advice as its hint; no entry has a sub-code the source gives no
/// rule for.
fn rule_problems(spec: &Spec, rules: &[Rule]) -> Vec<String> {
    let mut problems = Vec::new();
    for rule in rules {
        let pattern = format!("{}*", rule.prefix);
        let found: Vec<&Entry> = spec
            .entries
            .iter()
            .filter(|e| e.sub_code.as_deref() == Some(pattern.as_str()))
            .collect();
        let [entry] = found.as_slice() else {
            problems.push(format!(
                "{}: rule {pattern:?} is {} entries of {}",
                rule.at,
                found.len(),
                spec.file
            ));
            continue;
        };
        if entry.text(Lang::En) != Some(rule.clause.as_str()) {
            problems.push(format!(
                "{}: {} message {:?}, the rule {:?}",
                rule.at,
                entry.name,
                entry.text(Lang::En),
                rule.clause
            ));
        }
        if entry.hint.as_deref() != Some(rule.advice.as_str()) {
            problems.push(format!(
                "{}: {} hint {:?}, the rule {:?}",
                rule.at, entry.name, entry.hint, rule.advice
            ));
        }
    }
    for entry in spec.entries.iter().filter(|e| e.sub_code.is_some()) {
        let stated = rules
            .iter()
            .any(|rule| entry.sub_code.as_deref() == Some(format!("{}*", rule.prefix).as_str()));
        if !stated {
            problems.push(format!(
                "{}: {} has sub_code {:?}, a rule the source does not state",
                spec.file, entry.name, entry.sub_code
            ));
        }
    }
    problems
}

fn assert_none(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// The three specs and their sources

/// WeChat: `WxJava`'s table gives every code and its Chinese text (group `global`); the open
/// platform's excerpt gives the English text of the codes it shares with it, and its other
/// rows, with their Chinese text, form group `open_platform_common`.
fn wechat_expected(
    spec: &Spec,
    wxjava: &Fixture,
    oplatform: &Fixture,
    pages: &[(Fixture, &[Column])],
) -> Expected {
    let wx = wxjava_rows(wxjava);
    let mut op = oplatform_rows(oplatform);
    let shared = |row: &Row| wx.iter().any(|w| w.code == row.code);
    for row in op.iter_mut().filter(|row| shared(row)) {
        row.texts.retain(|(lang, _)| *lang == Lang::En);
    }
    let op_only = codes(&op, spec, |row| !shared(row));
    // A page's row of a code the sources above list keeps their texts: only its code counts.
    let mut page_rows: Vec<Row> = Vec::new();
    for (page, columns) in pages {
        for mut row in pipe_rows(page, columns) {
            let listed = |r: &Row| r.code == row.code;
            if wx.iter().any(listed) || op.iter().any(listed) || page_rows.iter().any(listed) {
                row.texts.clear();
            }
            page_rows.push(row);
        }
    }
    let new_on_pages = codes(&page_rows, spec, |row| !row.texts.is_empty());
    let groups = vec![
        ("global", codes(&wx, spec, |_| true)),
        ("open_platform_common", op_only),
        ("api_pages", new_on_pages),
    ];
    Expected {
        rows: wx.into_iter().chain(op).chain(page_rows).collect(),
        groups,
        rules: Vec::new(),
    }
}

fn wechat_pages() -> Vec<(Fixture, &'static [Column])> {
    WECHAT_PAGES
        .iter()
        .map(|&(name, columns)| (fixture(name), columns))
        .collect()
}

fn top_expected(spec: &Spec, official: &Fixture, copy: &Fixture) -> Expected {
    let system = top_system_rows(copy);
    let parents = top_parent_rows(official);
    Expected {
        groups: vec![
            ("system", codes(&system, spec, |_| true)),
            ("parent_codes", codes(&parents, spec, |_| true)),
        ],
        rows: system.into_iter().chain(parents).collect(),
        rules: sub_code_rules(official),
    }
}

fn tiktok_expected(spec: &Spec, v2: &Fixture) -> Expected {
    let rows = tiktok_rows(v2);
    Expected {
        groups: vec![("all_error_codes", codes(&rows, spec, |_| true))],
        rows,
        rules: Vec::new(),
    }
}

/// WeChat Pay v3: the close-order page's 公共错误码 (group `public`), then its 业务错误码
/// (group `business`), then the HTTP status table's example codes (group `http_status`); a
/// code a table before gave keeps that table's row, so a later row of it counts as its code.
fn pay_v3_expected(close_order: &Fixture, status: &Fixture) -> Expected {
    let mut tables = pay_v3_tables(close_order);
    tables.push(("HTTP状态码".to_owned(), pay_v3_status_rows(status)));
    let ids = ["public", "business", "http_status"];
    let titles: Vec<&str> = tables.iter().map(|(title, _)| title.as_str()).collect();
    assert_eq!(titles, ["错误码", "公共错误码", "业务错误码", "HTTP状态码"]);
    let mut rows: Vec<Row> = Vec::new();
    let mut groups = Vec::new();
    for (id, (_, table)) in ids.into_iter().zip(tables.into_iter().skip(1)) {
        let mut held = Vec::new();
        for row in table {
            if rows.iter().any(|r| r.code == row.code) {
                rows.push(row.code_only());
            } else {
                held.push(row.code.clone());
                rows.push(row);
            }
        }
        groups.push((id, held));
    }
    Expected {
        rows,
        groups,
        rules: Vec::new(),
    }
}

#[test]
fn wechat_pay_v3_has_every_row_of_its_sources() {
    let spec = spec(PAY_V3, &spec_value(PAY_V3));
    let expected = pay_v3_expected(&fixture(PAY_V3_CLOSE), &fixture(PAY_V3_STATUS));
    assert_none(&problems(&spec, &expected));
}

#[test]
fn a_reworded_dropped_or_moved_pay_v3_row_is_caught() {
    let pay = spec(PAY_V3, &spec_value(PAY_V3));
    let check = |close: &Fixture, status: &Fixture| problems(&pay, &pay_v3_expected(close, status));
    let close = || fixture(PAY_V3_CLOSE);
    let status = || fixture(PAY_V3_STATUS);
    found(
        &check(
            &edited(PAY_V3_CLOSE, "| 商户号不存在 |", "| 商户不存在 |"),
            &status(),
        ),
        "MchNotExists zh says Some(\"商户号不存在\"), the source \"商户不存在\"",
    );
    found(
        &check(
            &edited(PAY_V3_CLOSE, "| 请检查商户号是否正确 |", "| 请检查商户号 |"),
            &status(),
        ),
        "MchNotExists hint Some(\"请检查商户号是否正确\"), the source Some(\"请检查商户号\")",
    );
    found(
        &check(
            &close(),
            &edited(
                PAY_V3_STATUS,
                "429 - Too Many Requests",
                "503 - Too Many Requests",
            ),
        ),
        "RatelimitExceeded HTTP status Some(429), the source Some(503)",
    );
    found(
        &check(
            &edited(
                PAY_V3_CLOSE,
                "403 | TRADE_ERROR | 交易错误 | 因业务原因交易失败,请查看接口返回的详细信息 |\n",
                "",
            ),
            &status(),
        ),
        "TradeError (code Some(Str(\"TRADE_ERROR\"))) comes from no row",
    );
    // A public row dropped: its business row becomes the entry's, with other texts.
    found(
        &check(
            &edited(
                PAY_V3_CLOSE,
                "401 | SIGN_ERROR | 验证不通过 | 请参阅 签名常见问题 |\n",
                "",
            ),
            &status(),
        ),
        "SignError zh says Some(\"验证不通过\"), the source \"签名错误\"",
    );
}

fn store_expected(spec: &Spec, common: &Fixture) -> Expected {
    let rows = store_rows(common);
    Expected {
        groups: vec![("common", codes(&rows, spec, |_| true))],
        rows,
        rules: Vec::new(),
    }
}

/// The store's spec alone: the groups of the wechat_global it includes are checked above.
#[test]
fn wechat_channels_store_has_every_row_of_its_source() {
    let spec = spec(STORE, &spec_value(STORE));
    assert_none(&problems(
        &spec,
        &store_expected(&spec, &fixture(STORE_COMMON)),
    ));
    let rows = store_rows(&fixture(STORE_COMMON));
    assert_eq!(rows.len(), 23, "the cut-off 61007 row is not read");
    assert_eq!(spec.success, [Code::Int(0)]);
}

#[test]
fn a_reworded_or_dropped_store_row_is_caught() {
    let store = spec(STORE, &spec_value(STORE));
    let check = |common: &Fixture| problems(&store, &store_expected(&store, common));
    found(
        &check(&edited(
            STORE_COMMON,
            "| 没有该接口权限 |",
            "| 没有接口权限 |",
        )),
        "ApiUnauthorized hint Some(\"没有该接口权限\"), the source Some(\"没有接口权限\")",
    );
    found(
        &check(&edited(
            STORE_COMMON,
            "50002 | user limited |",
            "50002 | user limit |",
        )),
        "UserLimited en says",
    );
    found(
        &check(&edited(
            STORE_COMMON,
            "44002 | empty post data | POST 的数据包为空 |\n",
            "",
        )),
        "EmptyPostData (code Some(Int(44002))) comes from no row",
    );
}

#[test]
fn wechat_global_has_every_row_of_its_sources() {
    let spec = spec(WECHAT, &spec_value(WECHAT));
    let expected = wechat_expected(
        &spec,
        &fixture(WXJAVA),
        &fixture(OPLATFORM),
        &wechat_pages(),
    );
    assert_none(&problems(&spec, &expected));
}

#[test]
fn top_gateway_has_every_row_of_its_sources() {
    let spec = spec(TOP, &spec_value(TOP));
    let expected = top_expected(&spec, &fixture(TOP_OFFICIAL), &fixture(TOP_COPY));
    assert_none(&problems(&spec, &expected));
}

#[test]
fn tiktok_global_has_every_row_of_its_source() {
    let spec = spec(TIKTOK, &spec_value(TIKTOK));
    let expected = tiktok_expected(&spec, &fixture(TIKTOK_V2));
    assert_none(&problems(&spec, &expected));
}

#[test]
fn the_parsers_read_each_format() {
    let wx = wxjava_rows(&fixture(WXJAVA));
    assert_eq!(wx.len(), 161);
    assert_eq!(wx[0].code, Code::Int(-1));
    let escaped = wx
        .iter()
        .find(|row| row.code == Code::Int(40033))
        .expect("40033");
    assert_eq!(
        escaped.text(Lang::Zh),
        Some("不合法的请求字符，不能包含\\uxxxx 格式的字符")
    );
    assert_eq!(java_string(r#""a\u0041\"b""#).as_deref(), Ok("aA\"b"));

    let op = oplatform_rows(&fixture(OPLATFORM));
    assert_eq!(op.len(), 23);
    let no_zh = op
        .iter()
        .find(|row| row.code == Code::Int(61016))
        .expect("61016");
    assert_eq!(
        no_zh.text(Lang::En),
        Some("function category of API need be confirmed by component")
    );
    assert_eq!(no_zh.text(Lang::Zh), None);
    let last = op.last().expect("rows");
    assert_eq!(last.code, Code::Int(40014));
    assert_eq!(
        last.text(Lang::Zh),
        None,
        "the cut-off Chinese text is not read"
    );

    let token = pipe_rows(&fixture(WECHAT_PAGES[0].0), WECHAT_PAGES[0].1);
    assert_eq!(token.len(), 9, "the cut-off 48001 row is not read");
    assert_eq!(token[1].code, Code::Int(61005));
    assert_eq!(
        token[1].text(Lang::Zh),
        None,
        "a Chinese cell of 0 is no text"
    );
    assert_eq!(token[3].text(Lang::Zh), Some("无效的appsecret"));
    let session = pipe_rows(&fixture(WECHAT_PAGES[1].0), WECHAT_PAGES[1].1);
    assert_eq!(session.len(), 2);
    assert_eq!(session[1].text(Lang::En), Some("invalid signature"));
    assert_eq!(session[1].text(Lang::Zh), Some("签名错误"));

    let tables = pay_v3_tables(&fixture(PAY_V3_CLOSE));
    let sizes: Vec<usize> = tables.iter().map(|(_, rows)| rows.len()).collect();
    assert_eq!(sizes, [0, 4, 11], "the cut-off `404 |` row is not read");
    assert_eq!(
        tables[2].1[0].hint.as_deref(),
        Some("请确认AppID和mch_id是否匹配")
    );
    let status = pay_v3_status_rows(&fixture(PAY_V3_STATUS));
    assert_eq!(status.len(), 8, "200, 202 and 204 give no code");
    assert_eq!(status[7].http_status, Some(503));
    assert_eq!(status[7].code, Code::Str("SERVICE_UNAVAILABLE".to_owned()));

    let system = top_system_rows(&fixture(TOP_COPY));
    assert_eq!(system.len(), 30);
    let http = system
        .iter()
        .find(|row| row.code == Code::Int(9))
        .expect("9");
    assert_eq!(http.text(Lang::En), Some("Http Action Not Allowed"));
    assert_eq!(
        http.text(Lang::Zh),
        Some("HTTP方法被禁止(请用大写的POST或GET)")
    );
    assert_eq!(system.last().map(|row| &row.code), Some(&Code::Int(43)));

    let official = fixture(TOP_OFFICIAL);
    let parents = top_parent_rows(&official);
    assert_eq!(parents.len(), 1);
    assert_eq!(
        parents[0].text(Lang::En),
        Some("Insufficient security level")
    );
    let rules = sub_code_rules(&official);
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].prefix, "isp.");
    assert!(rules[0].advice.ends_with("try again some time later."));

    let tiktok = tiktok_rows(&fixture(TIKTOK_V2));
    assert_eq!(tiktok.len(), 7);
    assert_eq!(tiktok[1].code, Code::Str("internal_error".to_owned()));
    assert_eq!(tiktok[1].http_status, Some(500));
}

/// The fixture `name` with `from` replaced by `to` (which must change it).
fn edited(name: &'static str, from: &str, to: &str) -> Fixture {
    let text = text_of(name);
    let body = text.split_once(CUT).expect("a header").1;
    let changed = body.replacen(from, to, 1);
    assert_ne!(changed, body, "{from:?} is in {name}");
    with_body(name, &text, Some(&changed))
}

fn found(problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "no problem mentions {needle:?}: {problems:#?}"
    );
}

#[test]
fn a_reworded_dropped_or_extra_wechat_row_is_caught() {
    let wechat = spec(WECHAT, &spec_value(WECHAT));
    let check = |wx: &Fixture, op: &Fixture| {
        problems(&wechat, &wechat_expected(&wechat, wx, op, &wechat_pages()))
    };

    let reworded = edited(
        WXJAVA,
        r#"40002 | "不合法的凭证类型""#,
        r#"40002 | "不合法的凭证种类""#,
    );
    found(
        &check(&reworded, &fixture(OPLATFORM)),
        "InvalidCredentialType zh says Some(\"不合法的凭证类型\"), the source \"不合法的凭证种类\"",
    );
    let english = edited(OPLATFORM, "40013invalid appid\n", "40013invalid app id\n");
    found(
        &check(&fixture(WXJAVA), &english),
        "InvalidAppid en says Some(\"invalid appid\"), the source \"invalid app id\"",
    );

    let dropped = edited(WXJAVA, "45009 | \"接口调用超过限制\"\n", "");
    let found_dropped = check(&dropped, &fixture(OPLATFORM));
    found(
        &found_dropped,
        "group `global` holds 160 entries, its source 159 rows",
    );
    found(
        &found_dropped,
        "group `open_platform_common` holds 6 entries, its source 7 rows",
    );
    let dropped = edited(
        OPLATFORM,
        "61016function category of API need be confirmed by component\n",
        "",
    );
    found(
        &check(&fixture(WXJAVA), &dropped),
        "FunctionCategoryNotConfirmed (code Some(Int(61016))) comes from no row",
    );

    let extra = edited(
        WXJAVA,
        "45084 | \"没有设置 speed 参数\"\n",
        "45084 | \"没有设置 speed 参数\"\n45085 | \"新的一行\"\n",
    );
    found(
        &check(&extra, &fixture(OPLATFORM)),
        "code 45085 is 0 entries of wechat_global",
    );

    // A spec edited against the same sources.
    let mut value = spec_value(WECHAT);
    value["groups"][0]["errors"][0]["message"]["en"] = Value::String("system busy".to_owned());
    let edited_spec = spec(WECHAT, &value);
    found(
        &problems(
            &edited_spec,
            &wechat_expected(
                &edited_spec,
                &fixture(WXJAVA),
                &fixture(OPLATFORM),
                &wechat_pages(),
            ),
        ),
        "PlatformBusy en says Some(\"system busy\"), the source \"system error\"",
    );
}

#[test]
fn a_reworded_or_dropped_wechat_page_row_is_caught() {
    let wechat = spec(WECHAT, &spec_value(WECHAT));
    let check = |index: usize, page: Fixture| {
        let mut pages = wechat_pages();
        pages[index].0 = page;
        problems(
            &wechat,
            &wechat_expected(&wechat, &fixture(WXJAVA), &fixture(OPLATFORM), &pages),
        )
    };
    let (token, session, sec_check) = (WECHAT_PAGES[0].0, WECHAT_PAGES[1].0, WECHAT_PAGES[2].0);
    found(
        &check(
            0,
            edited(token, "| 无效的appsecret |", "| 无效的 appsecret |"),
        ),
        "InvalidAppsecret zh says Some(\"无效的appsecret\"), the source \"无效的 appsecret\"",
    );
    found(
        &check(
            1,
            edited(
                session,
                "invalid signature 签名错误",
                "bad signature 签名错误",
            ),
        ),
        "InvalidSessionSignature en says",
    );
    found(
        &check(2, edited(sec_check, "| 87014 |", "| 87015 |")),
        "code 87015 is 0 entries of wechat_global",
    );
    found(
        &check(0, edited(token, "| 61011 | invalid component | 0 |\n", "")),
        "group `api_pages` holds 6 entries, its source 5 rows",
    );
}

#[test]
fn a_reworded_or_dropped_top_row_or_an_unstated_rule_is_caught() {
    let top = spec(TOP, &spec_value(TOP));
    let check =
        |official: &Fixture, copy: &Fixture| problems(&top, &top_expected(&top, official, copy));
    let reworded = edited(
        TOP_COPY,
        "27 Invalid Session 无效的SessionKey参数",
        "27 Invalid Sessions 无效的SessionKey参数",
    );
    found(
        &check(&fixture(TOP_OFFICIAL), &reworded),
        "InvalidSession en says",
    );
    let dropped = edited(TOP_COPY, "7 App Call Limited 应用调用次数超限\n", "");
    found(
        &check(&fixture(TOP_OFFICIAL), &dropped),
        "AppCallLimited (code Some(Int(7))) comes from no row",
    );
    // A rule entry needs the source's rule: a changed prefix, or a new isv. rule, shows.
    let other = edited(TOP_OFFICIAL, "starting with “isp.”", "starting with “isq.”");
    let rules = check(&other, &fixture(TOP_COPY));
    found(&rules, "rule \"isq.*\" is 0 entries of top_gateway");
    found(
        &rules,
        "IspServerError has sub_code Some(\"isp.*\"), a rule the source does not state",
    );
    let isv = edited(
        TOP_OFFICIAL,
        "Two categories are involved mainly:\n",
        "Two categories are involved mainly:\n1. Call errors with a sub-error code (sub_code) starting with “isv.”: fix the request.\n",
    );
    found(
        &check(&isv, &fixture(TOP_COPY)),
        "rule \"isv.*\" is 0 entries of top_gateway",
    );
}

#[test]
fn a_changed_or_dropped_tiktok_row_is_caught() {
    let tiktok = spec(TIKTOK, &spec_value(TIKTOK));
    let check = |v2: &Fixture| problems(&tiktok, &tiktok_expected(&tiktok, v2));
    found(
        &check(&edited(TIKTOK_V2, "\n\n429\n", "\n\n503\n")),
        "RateLimitExceeded HTTP status Some(429), the source Some(503)",
    );
    let dropped = edited(TIKTOK_V2, "invalid_params\n\n\nOne or more fields in request is invalid. Please refer to the error message for details.\n\n400\n\n", "");
    found(
        &check(&dropped),
        "group `all_error_codes` holds 7 entries, its source 6 rows",
    );
}

/// Where a row's own text advises a retry, the entry's class follows it; every class an
/// entry sets for itself carries a note with the judgement.
#[test]
fn the_sources_retry_advice_is_kept_and_judgements_are_noted() {
    // (words in a row's text, the classes that follow them)
    let advice: [(&str, &[&str]); 7] = [
        ("稍后重试", &["transient", "throttled"]),
        ("降低频率后重试", &["throttled"]),
        ("稍候再试", &["transient", "throttled", "throttled 1m"]),
        ("retry next minute", &["throttled 1m"]),
        ("请间隔1分钟重试", &["throttled 1m"]),
        ("refresh the token and retry", &["reauthenticate"]),
        (
            "try again later",
            &["transient", "throttled", "throttled 1m"],
        ),
    ];
    let wechat = spec(WECHAT, &spec_value(WECHAT));
    let top = spec(TOP, &spec_value(TOP));
    let tiktok = spec(TIKTOK, &spec_value(TIKTOK));
    let pay = spec(PAY_V3, &spec_value(PAY_V3));
    let store = spec(STORE, &spec_value(STORE));
    let sources = [
        (
            &wechat,
            wechat_expected(
                &wechat,
                &fixture(WXJAVA),
                &fixture(OPLATFORM),
                &wechat_pages(),
            ),
        ),
        (
            &top,
            top_expected(&top, &fixture(TOP_OFFICIAL), &fixture(TOP_COPY)),
        ),
        (&tiktok, tiktok_expected(&tiktok, &fixture(TIKTOK_V2))),
        (
            &pay,
            pay_v3_expected(&fixture(PAY_V3_CLOSE), &fixture(PAY_V3_STATUS)),
        ),
        (&store, store_expected(&store, &fixture(STORE_COMMON))),
    ];
    let mut problems = Vec::new();
    let mut applied = 0;
    for (spec, expected) in &sources {
        for row in &expected.rows {
            let Some(entry) = spec
                .entries
                .iter()
                .find(|e| e.sub_code.is_none() && e.code.as_ref() == Some(&row.code))
            else {
                continue;
            };
            for (words, classes) in &advice {
                let mut said = row.texts.iter().map(|(_, text)| text).chain(&row.hint);
                if said.any(|text| text.contains(words)) {
                    applied += 1;
                    if !classes.contains(&entry.retry.as_str()) {
                        problems.push(format!(
                            "{}: {} is {}, the source says {words:?}",
                            row.at, entry.name, entry.retry
                        ));
                    }
                }
            }
        }
        for rule in &expected.rules {
            let pattern = format!("{}*", rule.prefix);
            let entry = spec
                .entries
                .iter()
                .find(|e| e.sub_code.as_deref() == Some(pattern.as_str()));
            if rule.advice.contains("try again") && entry.is_some_and(|e| e.retry == "permanent") {
                problems.push(format!("{}: the rule says {:?}", rule.at, rule.advice));
            }
        }
        for entry in spec
            .entries
            .iter()
            .filter(|e| e.own_retry && e.note.is_none())
        {
            problems.push(format!(
                "{}: {} sets {} without a note",
                spec.file, entry.name, entry.retry
            ));
        }
    }
    assert_none(&problems);
    assert!(applied >= 5, "the advice matched {applied} rows");
}

/// The classes of the rows that matter most, as chosen (each entry's note says why).
#[test]
fn the_named_judgements_hold() {
    let class = |file: &str, code: Code, sub_code: Option<&str>| -> String {
        let spec = spec(file, &spec_value(file));
        let entry = spec
            .entries
            .iter()
            .find(|e| e.code.as_ref() == Some(&code) && e.sub_code.as_deref() == sub_code)
            .unwrap_or_else(|| panic!("{file}: no entry {code} {sub_code:?}"));
        entry.retry.clone()
    };
    let wechat = |code| class(WECHAT, Code::Int(code), None);
    assert_eq!(wechat(-1), "transient");
    for code in [40001, 40014, 42001] {
        assert_eq!(wechat(code), "reauthenticate", "{code}");
    }
    assert_eq!(wechat(45009), "throttled 1h");
    assert_eq!(wechat(45011), "throttled 1m");
    let top = |code, sub| class(TOP, Code::Int(code), sub);
    assert_eq!(top(7, None), "throttled");
    assert_eq!(top(15, None), "permanent");
    // The isp. rule names no parent code: its entry stands for any code.
    let isp = spec(TOP, &spec_value(TOP))
        .entries
        .into_iter()
        .find(|entry| entry.sub_code.as_deref() == Some("isp.*"))
        .expect("the isp.* entry");
    assert_eq!((isp.code, isp.retry.as_str()), (None, "transient"));
    assert_eq!(top(27, None), "reauthenticate");
    let tiktok = |code: &str| class(TIKTOK, Code::Str(code.to_owned()), None);
    assert_eq!(tiktok("access_token_invalid"), "reauthenticate");
    assert_eq!(tiktok("rate_limit_exceeded"), "throttled 1m");
}

/// The rate-limit page's window: the sentence that names the window, and the code that
/// requests over it get, as stored. The code's entry waits that window.
#[test]
fn tiktok_rate_limit_waits_the_documented_window() {
    let page = fixture(TIKTOK_RATE_LIMIT);
    let window = "Request rate calculation is based on a one minute sliding window.";
    assert!(page.body.contains(window), "{}: {window:?}", page.name);
    let answer = "HTTP status 429 and error code rate_limit_exceeded.";
    assert!(page.body.contains(answer), "{}: {answer:?}", page.name);
    let spec = spec(TIKTOK, &spec_value(TIKTOK));
    let entry = spec
        .entries
        .iter()
        .find(|e| e.code == Some(Code::Str("rate_limit_exceeded".to_owned())))
        .expect("the rate_limit_exceeded entry");
    assert_eq!(
        (entry.retry.as_str(), entry.http_status),
        ("throttled 1m", Some(429))
    );
    let note = entry.note.as_deref().unwrap_or_default();
    assert!(
        note.contains(TIKTOK_RATE_LIMIT),
        "the note cites the page: {note}"
    );
}
