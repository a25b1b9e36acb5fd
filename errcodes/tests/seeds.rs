//! The seed tables, parsed from their verbatim copies in `tests/fixtures/seeds/`, against the
//! shipped enums. Every row, classified by its own code and its message exactly as the table
//! writes it, reaches an entry of that code whose message is the row's text, or a template
//! that gives the row's text back when filled with the values read from it; the row's remedy
//! is the entry's hint; no two rows reach the same entry; each group has as many entries as
//! the table's section has rows; and the row counts are those the seeds' README states.

use std::collections::HashMap;
use std::fmt::Debug;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::{Code, Fields, RetryClass};

const WECHAT_SHOP: &str = "000_a0e6f0c3136890b7.txt";
const WECHAT_TRANSACTION: &str = "001_86bb1ae504b9cc5a.txt";
const WANGDIANTONG: &str = "002_36f4537875e6a903.txt";
const TIKTOK: &str = "003_face77c751b72d04.txt";
const ALIEXPRESS: &str = "004_2a7784e3c63df8f2.txt";

fn seed(file: &str) -> String {
    let path = format!(
        "{}/../tests/fixtures/seeds/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[derive(Debug, Clone, PartialEq)]
enum SeedCode {
    /// One code, or several for a row such as `990001/990002`.
    Ints(Vec<i64>),
    Str(String),
    /// The row has no code.
    None,
}

#[derive(Debug, Clone)]
struct Row {
    /// 1-based line of the row's message in the seed.
    line: usize,
    section: usize,
    code: SeedCode,
    /// The message as the table writes it (Markdown escapes removed).
    message: String,
    /// The remedy, where the table gives one.
    hint: Option<String>,
    endpoint: Option<String>,
    scene: Option<String>,
    http_status: Option<u16>,
}

impl Row {
    fn new(line: usize, section: usize, message: &str) -> Row {
        Row {
            line,
            section,
            code: SeedCode::None,
            message: message.to_owned(),
            hint: None,
            endpoint: None,
            scene: None,
            http_status: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Table {
    /// Section titles as the seed writes them, in order.
    sections: Vec<String>,
    rows: Vec<Row>,
}

fn ints(cell: &str) -> Option<SeedCode> {
    cell.split('/')
        .map(|code| code.trim().parse().ok())
        .collect::<Option<Vec<i64>>>()
        .map(SeedCode::Ints)
}

/// WeChat: a heading line, a header row (`通用错误码 | Introductions |`), an optional
/// `---|---|` line, then `code | message |` rows.
fn pipe_tables(text: &str) -> Table {
    let mut table = Table {
        sections: Vec::new(),
        rows: Vec::new(),
    };
    let mut heading: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        if !line.contains('|') {
            if !line.trim().is_empty() {
                heading = Some(line.trim_start_matches('#').trim());
            }
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert!(
            cells.len() == 3 && cells[2].is_empty(),
            "line {}: expected `code | message |`: {line}",
            i + 1
        );
        if cells[..2].iter().all(|cell| cell.chars().all(|c| c == '-')) {
            continue;
        }
        if let Some(code) = ints(cells[0]) {
            assert!(
                !table.sections.is_empty(),
                "line {}: row before a header",
                i + 1
            );
            let mut row = Row::new(i + 1, table.sections.len() - 1, cells[1]);
            row.code = code;
            table.rows.push(row);
        } else {
            let heading = heading
                .take()
                .unwrap_or_else(|| panic!("line {}: a header with no heading", i + 1));
            table.sections.push(heading.to_owned());
        }
    }
    table
}

/// Markdown cells: split on `|` that is not escaped, then unescape `\_`, `\*` and the like.
fn markdown_cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) if next.is_ascii_punctuation() => cells.last_mut().unwrap().push(next),
                Some(next) => cells.last_mut().unwrap().extend(['\\', next]),
                None => cells.last_mut().unwrap().push('\\'),
            },
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    cells.iter().map(|cell| cell.trim().to_owned()).collect()
}

/// Wangdiantong: one Markdown table `| 错误码 | 异常描述 | 解决办法 |` under 错误码说明.
fn markdown_table(text: &str) -> Table {
    let mut table = Table {
        sections: Vec::new(),
        rows: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with('|') {
            continue;
        }
        let cells = markdown_cells(line);
        assert_eq!(cells.len(), 3, "line {}: {line}", i + 1);
        if table.sections.is_empty() {
            assert_eq!(cells, ["错误码", "异常描述", "解决办法"], "line {}", i + 1);
            table.sections.push("错误码说明".to_owned());
            continue;
        }
        if cells.iter().all(|cell| cell.chars().all(|c| c == '-')) {
            continue;
        }
        let mut row = Row::new(i + 1, 0, &cells[1]);
        row.code = ints(&cells[0]).unwrap_or_else(|| panic!("line {}: no code: {line}", i + 1));
        row.hint = Some(cells[2].clone());
        table.rows.push(row);
    }
    table
}

/// TikTok: the table flattened to one cell per paragraph. Each block opens with its retry
/// advice (the first column); then, per row, the explanation, the endpoint (first row of a
/// block only), the scene, the HTTP status (first row only) and the code (missing once).
/// The endpoint and status given on a block's first row hold for the whole block.
fn tiktok_blocks(text: &str) -> Table {
    let mut rows = Vec::new();
    let mut row: Option<Row> = None;
    let mut endpoint: Option<String> = None;
    let mut status: Option<u16> = None;
    let mut flush = |row: &mut Option<Row>, endpoint: &Option<String>, status: Option<u16>| {
        if let Some(mut done) = row.take() {
            assert!(
                done.scene.is_some(),
                "line {}: a row with no scene",
                done.line
            );
            done.endpoint.clone_from(endpoint);
            done.http_status = status;
            rows.push(done);
        }
    };
    let mut sections = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let (n, line) = (i + 1, line.trim());
        if line == "Was this document helpful?" {
            break;
        }
        let is_advice = line.to_lowercase().contains("retry") && line.contains("log ID");
        if line.is_empty() || (sections.is_empty() && !is_advice) {
            continue;
        }
        if is_advice {
            flush(&mut row, &endpoint, status);
            sections.push(line.to_owned());
            (endpoint, status) = (None, None);
            continue;
        }
        let current = row.as_mut();
        if line.starts_with('/') {
            let current = current.unwrap_or_else(|| panic!("line {n}: endpoint with no row"));
            assert!(
                current.scene.is_none(),
                "line {n}: endpoint after the scene"
            );
            endpoint = Some(line.to_owned());
        } else if let Ok(number) = line.parse::<i64>() {
            let current = current.unwrap_or_else(|| panic!("line {n}: number with no row"));
            assert!(current.scene.is_some(), "line {n}: number before the scene");
            assert_eq!(current.code, SeedCode::None, "line {n}: two codes in a row");
            match u16::try_from(number) {
                Ok(http @ 100..=599) if status.is_none() => status = Some(http),
                _ => current.code = SeedCode::Ints(vec![number]),
            }
        } else if let Some(current) = current.filter(|current| current.scene.is_none()) {
            current.scene = Some(line.to_owned());
        } else {
            flush(&mut row, &endpoint, status);
            let mut new = Row::new(n, sections.len() - 1, line);
            new.hint = sections.last().cloned();
            row = Some(new);
        }
    }
    flush(&mut row, &endpoint, status);
    Table { sections, rows }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// AliExpress: per code, a heading line with the code, an `Error Message Solution` line, then
/// each message (the first line, or a Chinese one) followed by its Solution paragraphs. The
/// page is one table, so one section. It ends where the page's FAQ starts.
fn aliexpress_sections(text: &str) -> Table {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .iter()
        .position(|line| line.trim() == "FAQ")
        .expect("the FAQ line that ends the table");
    let mut rows: Vec<Row> = Vec::new();
    let mut code: Option<SeedCode> = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let finish = |rows: &mut Vec<Row>, paragraphs: &mut Vec<String>| {
        if let Some(row) = rows.last_mut() {
            if row.hint.is_none() {
                row.hint = Some(paragraphs.join("\n\n"));
                paragraphs.clear();
            }
        }
    };
    for (i, line) in lines[..end].iter().enumerate() {
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let next = lines[i + 1..end].iter().find(|l| !l.trim().is_empty());
        if next.is_some_and(|next| next.trim() == "Error Message Solution") {
            finish(&mut rows, &mut paragraphs);
            code = Some(ints(text).unwrap_or_else(|| SeedCode::Str(text.to_owned())));
            continue;
        }
        let Some(section_code) = &code else {
            continue;
        };
        if text == "Error Message Solution" {
            continue;
        }
        let opens_section = lines[..i]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|previous| previous.trim() == "Error Message Solution");
        if opens_section || has_cjk(text) {
            finish(&mut rows, &mut paragraphs);
            let mut row = Row::new(i + 1, 0, line);
            row.code = section_code.clone();
            rows.push(row);
        } else {
            paragraphs.push(text.to_owned());
        }
    }
    finish(&mut rows, &mut paragraphs);
    Table {
        sections: vec!["Order Management Errors".to_owned()],
        rows,
    }
}

/// The row count of a seed as its README states it (`101 in 7 groups`, `80`), and the
/// group count where it states one.
fn readme_counts(file: &str) -> (usize, Option<usize>) {
    let readme = seed("README.md");
    let line = readme
        .lines()
        .find(|line| line.starts_with(&format!("| `{file}`")))
        .unwrap_or_else(|| panic!("README has no row for {file}"));
    let counts = line.split('|').nth(3).expect("a rows column").trim();
    let numbers: Vec<usize> = counts
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();
    match numbers[..] {
        [rows] => (rows, None),
        [rows, groups] => (rows, Some(groups)),
        _ => panic!("cannot read the counts {counts:?}"),
    }
}

fn entry<E: Catalog>(name: &str) -> &'static E {
    E::ALL
        .iter()
        .find(|entry| entry.name() == name)
        .unwrap_or_else(|| panic!("no entry {name}"))
}

/// Group ids in spec order.
/// The groups of the spec's own table, in order: not those of the global tables it
/// includes (`tests/sources.rs` checks those against their own sources).
fn groups<E: Catalog>() -> Vec<&'static str> {
    let path = format!("{}/specs/{}.yaml", env!("CARGO_MANIFEST_DIR"), E::PLATFORM);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let spec: serde_yaml::Value = serde_yaml::from_str(&text).expect("a YAML spec");
    let own: Vec<&str> = spec["groups"]
        .as_sequence()
        .expect("groups")
        .iter()
        .filter_map(|group| group["id"].as_str())
        .collect();
    let mut groups: Vec<&'static str> = Vec::new();
    for group in E::ALL.iter().filter_map(PlatformError::group) {
        if own.contains(&group) && !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

/// The row's text is the entry's message, or the entry's template filled with the values
/// `lookup` read from the row.
fn check_message<E: Catalog>(error: &E, fields: &Fields<'_>, row: &str) -> Result<(), String> {
    let text = row.trim();
    if error.message() == text {
        return Ok(());
    }
    if fields.is_empty() {
        return Err(format!(
            "{} says {:?}, the table {text:?}",
            error.name(),
            error.message()
        ));
    }
    let mut filled = error.message().to_owned();
    for (name, value) in fields.iter() {
        let field = format!("{{{name}}}");
        if !filled.contains(&field) {
            return Err(format!("{}: no field {field} in {filled:?}", error.name()));
        }
        filled = filled.replacen(&field, value, 1);
    }
    if filled == text {
        Ok(())
    } else {
        Err(format!(
            "{}: template {:?} filled from the row gives {filled:?}, the table {text:?}",
            error.name(),
            error.message()
        ))
    }
}

/// The entry the row reaches, by its own code(s) and message.
fn classify_row<E: Catalog>(row: &Row) -> Result<&'static E, String> {
    let codes = match &row.code {
        SeedCode::Ints(codes) => codes.iter().map(|&code| Code::Int(code)).collect(),
        SeedCode::Str(code) => vec![Code::Str(code)],
        // A code-less row is reachable by message only, whatever code arrives with it.
        SeedCode::None => vec![Code::Int(0)],
    };
    let mut names = Vec::new();
    for code in codes {
        let found = E::lookup(&Query::new(code).message(&row.message));
        let error = &found.error;
        if row.code == SeedCode::None {
            if !error.codes().is_empty() {
                return Err(format!("{error:?} has a code; the row has none"));
            }
        } else if !error.codes().contains(&code) {
            return Err(format!("code {code:?} classifies to {error:?}"));
        }
        check_message(error, &found.fields, &row.message)?;
        names.push(error.name());
    }
    if names.iter().any(|name| *name != names[0]) {
        return Err(format!(
            "the row's codes reach different entries: {names:?}"
        ));
    }
    let found = entry::<E>(names[0]);
    let spec_has_code = !matches!(found.code(), Code::None);
    if spec_has_code == (row.code == SeedCode::None) {
        return Err(format!(
            "{}: code {} in the spec",
            found.name(),
            found.code()
        ));
    }
    Ok(found)
}

/// Every difference between a seed table and the enum, one line each.
fn problems<E: Catalog>(file: &str, table: &Table) -> Vec<String> {
    let mut problems = Vec::new();
    let (rows, sections) = readme_counts(file);
    if table.rows.len() != rows {
        problems.push(format!(
            "{file}: parsed {} rows, the README says {rows}",
            table.rows.len()
        ));
    }
    if sections.is_some_and(|sections| sections != table.sections.len()) {
        problems.push(format!(
            "{file}: parsed {} sections, the README says {sections:?}",
            table.sections.len()
        ));
    }
    let groups = groups::<E>();
    if groups.len() != table.sections.len() {
        problems.push(format!(
            "{file}: {} groups {groups:?}, the table has {} sections {:?}",
            groups.len(),
            table.sections.len(),
            table.sections
        ));
        return problems;
    }
    let mut reached: HashMap<&'static str, usize> = HashMap::new();
    for row in &table.rows {
        let at = format!("{file}:{}", row.line);
        let group = groups[row.section];
        let found = match classify_row::<E>(row) {
            Ok(found) => found,
            Err(problem) => {
                problems.push(format!("{at}: {problem}"));
                continue;
            }
        };
        // The same code and text in two sections (TikTok's two endpoints): classify gives
        // the first; the row's own entry is the one in its group.
        let own = if found.group() == Some(group) {
            Some(found)
        } else {
            E::ALL.iter().find(|other| {
                other.group() == Some(group)
                    && other.code() == found.code()
                    && other.message() == found.message()
            })
        };
        let Some(own) = own else {
            problems.push(format!(
                "{at}: reaches {} in group {:?}, not in `{group}` ({})",
                found.name(),
                found.group(),
                table.sections[row.section]
            ));
            continue;
        };
        if own.hint() != row.hint.as_deref() {
            problems.push(format!(
                "{at}: {} hint {:?}, the table {:?}",
                own.name(),
                own.hint(),
                row.hint
            ));
        }
        let metadata = [
            ("endpoint", own.endpoint(), row.endpoint.as_deref()),
            ("scene", own.scene(), row.scene.as_deref()),
        ];
        for (what, spec, seed) in metadata {
            if seed.is_some() && spec != seed {
                problems.push(format!(
                    "{at}: {} {what} {spec:?}, the table {seed:?}",
                    own.name()
                ));
            }
        }
        if row.http_status.is_some() && own.http_status() != row.http_status {
            problems.push(format!(
                "{at}: {} HTTP status {:?}, the table {:?}",
                own.name(),
                own.http_status(),
                row.http_status
            ));
        }
        if let Some(first) = reached.insert(own.name(), row.line) {
            problems.push(format!(
                "{at}: reaches {}, as line {first} does: rows and entries must pair up",
                own.name()
            ));
        }
    }
    for (section, title) in table.sections.iter().enumerate() {
        let group = groups[section];
        let entries = E::ALL
            .iter()
            .filter(|entry| entry.group() == Some(group))
            .count();
        let rows = table
            .rows
            .iter()
            .filter(|row| row.section == section)
            .count();
        if entries != rows {
            problems.push(format!(
                "{file}: group `{group}` has {entries} entries, section {title:?} {rows} rows"
            ));
        }
    }
    problems
}

fn assert_matches<E: Catalog>(file: &str, parse: fn(&str) -> Table) {
    let problems = problems::<E>(file, &parse(&seed(file)));
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn wechat_shop_has_every_row_of_its_seed() {
    assert_matches::<WechatShopError>(WECHAT_SHOP, pipe_tables);
}

#[test]
fn wechat_transaction_has_every_row_of_its_seed() {
    assert_matches::<WechatTransactionError>(WECHAT_TRANSACTION, pipe_tables);
}

#[test]
fn wangdiantong_has_every_row_of_its_seed() {
    assert_matches::<WangdiantongError>(WANGDIANTONG, markdown_table);
}

#[test]
fn tiktok_local_services_has_every_row_of_its_seed() {
    assert_matches::<TiktokLocalServicesError>(TIKTOK, tiktok_blocks);
}

#[test]
fn aliexpress_has_every_row_of_its_seed() {
    assert_matches::<AliexpressError>(ALIEXPRESS, aliexpress_sections);
}

#[test]
fn a_reworded_missing_or_extra_row_is_caught() {
    let text = seed(WANGDIANTONG);
    let reworded = text.replace("| 1 | 验证失败 |", "| 1 | 校验失败 |");
    assert_ne!(reworded, text);
    let found = problems::<WangdiantongError>(WANGDIANTONG, &markdown_table(&reworded));
    assert!(
        found
            .iter()
            .any(|p| p.contains("InvalidParameter says \"参数错误\", the table \"校验失败\"")),
        "{found:?}"
    );

    let mut table = markdown_table(&text);
    table.rows.retain(|row| row.message != "数量不合法");
    let found = problems::<WangdiantongError>(WANGDIANTONG, &table);
    assert!(
        found
            .iter()
            .any(|p| p.contains("parsed 79 rows, the README says 80")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("group `general` has 80 entries, section \"错误码说明\" 79 rows")),
        "{found:?}"
    );

    // A template's literal text is checked too: only its fields may differ from the table.
    let changed = text.replace(
        "| Unparseable date: 2023/02/06",
        "| Unparseable  date: 2023/02/06",
    );
    let found = problems::<WangdiantongError>(WANGDIANTONG, &markdown_table(&changed));
    assert!(
        found
            .iter()
            .any(|p| p.contains("UnparseableDate: template")),
        "{found:?}"
    );

    let mut table = markdown_table(&text);
    let extra = table.rows[0].clone();
    table.rows.push(extra);
    let found = problems::<WangdiantongError>(WANGDIANTONG, &table);
    assert!(
        found
            .iter()
            .any(|p| p.contains("reaches InvalidParameter, as line 99 does")),
        "{found:?}"
    );
}

#[test]
fn the_parsers_read_each_format() {
    let shop = pipe_tables(&seed(WECHAT_SHOP));
    assert_eq!(shop.sections[0], "Common Error Code");
    assert_eq!(shop.rows[4].code, SeedCode::Ints(vec![300_000]));
    let transaction = pipe_tables(&seed(WECHAT_TRANSACTION));
    assert_eq!(transaction.sections[4], "Audit error code");
    let two = transaction
        .rows
        .iter()
        .find(|row| row.message == "OPEN ILLEGAL");
    assert_eq!(
        two.map(|row| &row.code),
        Some(&SeedCode::Ints(vec![990_001, 990_002]))
    );

    let wdt = markdown_table(&seed(WANGDIANTONG));
    assert_eq!(wdt.rows[9].message, "shop_no");
    assert!(wdt
        .rows
        .iter()
        .any(|row| row.message == "电话号码不能包含*"));

    let tiktok = tiktok_blocks(&seed(TIKTOK));
    let codeless: Vec<&Row> = tiktok
        .rows
        .iter()
        .filter(|row| row.code == SeedCode::None)
        .collect();
    assert_eq!(codeless.len(), 1);
    assert!(codeless[0].message.contains("fulfill_core"));
    assert_eq!(codeless[0].scene.as_deref(), Some("Write-off"));
    assert_eq!(codeless[0].http_status, Some(500));

    let ali = aliexpress_sections(&seed(ALIEXPRESS));
    assert_eq!(
        ali.rows
            .iter()
            .filter(|row| row.code == SeedCode::Ints(vec![-999]))
            .count(),
        7
    );
    let last = ali.rows.last().expect("rows");
    assert_eq!(last.code, SeedCode::Str("F00-00-10013-002".to_owned()));
    assert_eq!(
        last.message,
        "Order fulfill system error. Please try again later"
    );
    assert!(last
        .hint
        .as_deref()
        .is_some_and(|hint| hint.ends_with("seller support team.")));
}

/// The class TikTok's block advice gives: "retry will not succeed" or "Retry probability is
/// successful".
fn block_class(advice: &str) -> RetryClass {
    if advice.contains("retry will not succeed") {
        RetryClass::Permanent
    } else if advice.starts_with("Retry probability is successful") {
        RetryClass::Transient
    } else {
        panic!("unknown advice {advice:?}")
    }
}

#[test]
fn tiktok_rows_take_their_blocks_retry_advice_unless_their_meaning_overrides_it() {
    use RetryClass::{AlreadyApplied, Permanent};
    // Refunded, expired, out-of-time, not-applicable and empty results cannot succeed on
    // retry; "already used" after a retried write-off means the write-off happened.
    let overrides: HashMap<&str, RetryClass> = [
        ("NoVoucherInfoFound", Permanent),
        ("QrCodeScreenshotExpired", Permanent),
        ("SaasExpiredQrCodeOnlyFulfilledOrRefundedCodes", Permanent),
        ("VoucherRefunded", Permanent),
        ("VoucherOutsideValidUsageTime", Permanent),
        ("VoucherExpired", Permanent),
        ("VoucherAlreadyUsed", AlreadyApplied),
        ("ExecutionOrderRefunded", Permanent),
        ("ExecutionOrderOutsideValidUsageTime", Permanent),
        ("ExecutionOrderExpired", Permanent),
        ("ExecutionOrderAlreadyUsed", AlreadyApplied),
        ("SubFulfillmentNoApplicableStores", Permanent),
        ("SubFulfillmentOrderRefunded", Permanent),
        ("SubFulfillmentOrderRefundInProgress", Permanent),
        ("SubFulfillmentStoreNotApplicable", Permanent),
    ]
    .into();
    let table = tiktok_blocks(&seed(TIKTOK));
    let groups = groups::<TiktokLocalServicesError>();
    let mut used = 0;
    for row in &table.rows {
        let found = classify_row::<TiktokLocalServicesError>(row).expect("classified");
        let own = TiktokLocalServicesError::ALL
            .iter()
            .find(|e| e.group() == Some(groups[row.section]) && e.message() == found.message())
            .expect("the row's own entry");
        let advice = block_class(&table.sections[row.section]);
        let expected = match overrides.get(own.name()) {
            Some(&class) => {
                assert_ne!(class, advice, "{} is no override", own.name());
                used += 1;
                class
            }
            None => advice,
        };
        assert_eq!(
            own.retry_class(),
            expected,
            "line {}: {}",
            row.line,
            own.name()
        );
    }
    assert_eq!(used, overrides.len(), "every override names a row");
}
