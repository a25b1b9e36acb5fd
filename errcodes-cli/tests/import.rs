//! `errcodes import` run as a user runs it: exit statuses, help, each table format, and the
//! seed pages. `import/seeds.rs` compiles the seeds' specs in a scratch crate that
//! classifies every row of their tables back to the row's own entry; `import/fuzz.rs` feeds
//! the binary arbitrary input.

use std::fs;
use std::path::Path;

use serde_yaml::Value;

#[path = "import/fuzz.rs"]
mod fuzz;
#[path = "../../tests/scratch/mod.rs"]
mod scratch;
#[path = "import/seeds.rs"]
mod seeds;
mod support;

pub use support::{errcodes, status, stderr, stdout};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const SEED_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/seeds");

/// The spec `import` writes for `path`, parsed; the import must succeed.
fn import(path: &str, args: &[&str]) -> Value {
    let output = errcodes(&[&["import", path][..], args].concat());
    assert_eq!(status(&output), 0, "{path}: {}", stderr(&output));
    serde_yaml::from_str(&stdout(&output)).expect("the spec is YAML")
}

pub fn entries(spec: &Value) -> Vec<&Value> {
    spec["groups"]
        .as_sequence()
        .expect("groups")
        .iter()
        .flat_map(|group| group["errors"].as_sequence().expect("errors"))
        .collect()
}

fn entry<'a>(spec: &'a Value, name: &str) -> &'a Value {
    entries(spec)
        .into_iter()
        .find(|entry| entry["name"] == name)
        .unwrap_or_else(|| panic!("no entry {name}"))
}

fn texts(values: &Value, key: &str) -> Vec<String> {
    values
        .as_sequence()
        .expect("a list")
        .iter()
        .map(|value| value[key].as_str().expect("text").to_owned())
        .collect()
}

pub fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn seed(prefix: &str) -> String {
    let name = fs::read_dir(SEED_DIR)
        .expect("the seeds")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with(prefix))
        .expect("a seed");
    format!("{SEED_DIR}/{name}")
}

#[test]
fn import_help_states_its_rules_and_the_version() {
    let help = errcodes(&["--help"]);
    assert_eq!(status(&help), 0);
    assert!(stdout(&help).contains("import"), "{}", stdout(&help));
    let help = errcodes(&["import", "--help"]);
    assert_eq!(status(&help), 0);
    for rule in [
        "Code100Case2",
        "fallback: true",
        "%s",
        "{field1}",
        "retry: permanent",
        "--from <FORMAT>",
        "--force",
    ] {
        assert!(
            stdout(&help).contains(rule),
            "{rule} in:\n{}",
            stdout(&help)
        );
    }
    for args in [&["--version"][..], &["import", "--version"]] {
        let version = errcodes(args);
        assert_eq!(status(&version), 0);
        assert!(
            stdout(&version).contains(env!("CARGO_PKG_VERSION")),
            "{}",
            stdout(&version)
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let table = fixture("small.md");
    for (args, says) in [
        (&[][..], "Usage"),
        (&["import"][..], "<TABLE>"),
        (&["frobnicate"][..], "unrecognized subcommand"),
        (&["import", &table, "--bogus"][..], "--bogus"),
        (
            &["import", &table, "--from", "xls"][..],
            "possible values: markdown, tsv, csv, html",
        ),
        (
            &["import", &table, "--format", "json"][..],
            "unexpected argument '--format'",
        ),
        (
            &["import", &table, "--force"][..],
            "the following required arguments were not provided:\n  --output <OUT>",
        ),
        (
            &["import", &table, "--platform", "WeChat"][..],
            "lowercase ASCII letters",
        ),
        (
            &["import", &table, "--enum", "wechat_error"][..],
            "starting with a capital",
        ),
        (
            &["import", &table, "--enum", "Self"][..],
            "enum name `Self` is a Rust keyword",
        ),
    ] {
        let output = errcodes(args);
        assert_eq!(status(&output), 2, "{args:?}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn pages_that_are_not_tables_fail_with_their_file_and_line() {
    for (prefix, line, cell) in [("003_", 28, "500"), ("004_", 7, "-999")] {
        let path = seed(prefix);
        let output = errcodes(&["import", &path]);
        assert_eq!(status(&output), 1, "{}", stderr(&output));
        assert!(
            stderr(&output).starts_with(&format!(
                "error: {path}:{line}: no table here: `{cell}` stands alone on its line, so the rows are written one cell per line, not as a table;"
            )),
            "{}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty());
    }
}

#[test]
fn other_problems_exit_1_naming_what_is_wrong() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_import_problems");
    fs::create_dir_all(&dir).expect("a scratch directory");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write a table");
        path.display().to_string()
    };
    let missing = dir.join("missing.md").display().to_string();
    let cases = [
        (missing.clone(), format!("error: cannot read {missing}: ")),
        (
            write(
                "bad_code.md",
                "| 错误码 | 错误信息 |\n| --- | --- |\n| 1 | a |\n| 一百 | b |\n".as_bytes(),
            ),
            ":4: `一百` in column `错误码` is not an error code".to_owned(),
        ),
        (
            write("gbk.csv", b"code,message\n1,\xB4\xED\xCE\xF3\n"),
            ":2: the file is not UTF-8".to_owned(),
        ),
        (
            write("nav.md", b"| Home | Docs |\n| --- | --- |\n| a | b |\n"),
            ":1: no column of error codes and messages in this table".to_owned(),
        ),
        (
            write("header_only.csv", b"code,message\n,\n"),
            ":1: no table here".to_owned(),
        ),
    ];
    for (path, says) in cases {
        let output = errcodes(&["import", &path]);
        assert_eq!(status(&output), 1, "{path}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(&says),
            "{path}: {}",
            stderr(&output)
        );
    }
}

/// `(entry name, key, text)`: the text of each named entry's key.
fn assert_texts(spec: &Value, expected: &[(&str, &str, &str)]) {
    for &(name, key, text) in expected {
        assert_eq!(entry(spec, name)[key], text, "{name}.{key}");
    }
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("YAML")
}

#[test]
fn markdown_inside_a_saved_page() {
    let spec = import(&fixture("small.md"), &["--platform", "example"]);
    assert_eq!(spec["platform"], "example");
    assert_eq!(spec["enum"], "ExampleError");
    assert_eq!(
        spec["title"], "示例开放平台 错误码",
        "the front matter's title"
    );
    assert_eq!(spec["source"], fixture("small.md"));
    assert_eq!(spec["unknown_retry"], "permanent");
    let note = spec["note"].as_str().expect("a note");
    assert!(note.contains("a default: the source does not state them, so review each"));
    assert_eq!(texts(&spec["groups"], "id"), ["table_1", "order_errors"]);
    assert_eq!(
        texts(&spec["groups"], "title"),
        ["通用错误码", "Order errors"]
    );
    assert_eq!(texts(&spec["groups"], "retry"), ["permanent", "permanent"]);
    assert_eq!(
        texts(&spec["groups"][0]["errors"], "name"),
        ["Code100", "Code100Case2", "RateLimitExceeded", "Code990001"]
    );
    assert_eq!(entry(&spec, "Code100")["fallback"], true);
    assert!(entry(&spec, "RateLimitExceeded").get("fallback").is_none());
    assert_eq!(entry(&spec, "Code990001")["code"], yaml("[990001, 990002]"));
    assert_texts(
        &spec,
        &[
            (
                "Code100Case2",
                "message",
                "商家编码(spec_no):{spec_no} 不存在",
            ),
            ("Code100Case2", "hint", "核对 spec_no"),
            (
                "Code100Case2",
                "note",
                "placeholders in the source became template fields: `xxx` → `{spec_no}`",
            ),
            ("OrderNotFound", "message", "Order {order} not found"),
            ("OrderWasClosed", "message", "Order {order_id} was closed"),
            ("Code2003", "message", "金额{field1}超出上限"),
        ],
    );
}

#[test]
fn tsv_with_http_status_string_codes_and_extra_columns() {
    let spec = import(&fixture("small.tsv"), &[]);
    assert_eq!(
        (&spec["platform"], &spec["enum"]),
        (&yaml("small"), &yaml("SmallError"))
    );
    let busy = entry(&spec, "SystemBusy");
    assert_eq!(
        (&busy["code"], &busy["http_status"]),
        (&yaml("-1"), &yaml("500"))
    );
    assert_eq!(entry(&spec, "InvalidAccessTokenAbc")["fallback"], true);
    assert_eq!(
        entry(&spec, "OrderFulfillSystemError")["code"],
        "F00-00-10013-002"
    );
    assert_texts(
        &spec,
        &[
            ("SystemBusy", "hint", "retry later"),
            ("SystemBusy", "note", "level: high"),
            (
                "InvalidAccessTokenAbc",
                "message",
                "Invalid access_token \"abc\"",
            ),
            ("Code40001Case2", "message", "令牌已过期"),
        ],
    );
}

#[test]
fn csv_with_quoted_cells() {
    let options = [
        "--title",
        "Example",
        "--source",
        "https://example.com/codes",
        "--enum",
        "ExampleErrors",
    ];
    let spec = import(&fixture("small.csv"), &options);
    assert_eq!(spec["title"], "Example");
    assert_eq!(spec["source"], "https://example.com/codes");
    assert_eq!(spec["enum"], "ExampleErrors");
    assert_eq!(texts(&spec["groups"], "id"), ["example"]);
    assert_texts(
        &spec,
        &[
            (
                "ReachMaxApiDailyQuotaLimit",
                "message",
                "Reach max api daily quota limit, try tomorrow",
            ),
            (
                "ApiMinuteQuotaReached",
                "message",
                "API minute-quota reached: limit is \"10/min\"",
            ),
            (
                "DataFormatError",
                "message",
                "Data format error\n(multi-line cell)",
            ),
            ("DataFormatError", "hint", "检查 JSON"),
        ],
    );
}

#[test]
fn html_tables_of_a_saved_page() {
    let spec = import(&fixture("small.html"), &[]);
    assert_eq!(spec["title"], "Example Open Platform — Error codes");
    assert_eq!(texts(&spec["groups"], "id"), ["item_errors", "table_2"]);
    assert_eq!(
        texts(&spec["groups"], "title"),
        ["Item errors", "物流错误码"]
    );
    let locked = entry(&spec, "GoodsIsLocked");
    assert_eq!(locked["code"], 9401001, "rowspan carries the code down");
    assert_eq!(locked["http_status"], 409);
    assert_eq!(entry(&spec, "GoodsAlreadyExist")["fallback"], true);
    assert_texts(
        &spec,
        &[
            ("GoodsIsLocked", "message", "Goods <{field1}> is locked"),
            (
                "SkuSpuDoNotMatch",
                "message",
                "SKU & SPU do not match\ncheck both",
            ),
            ("ShipmentFailed", "hint", "Retry the shipment"),
        ],
    );
}

#[test]
fn the_format_comes_from_from_then_the_extension_then_the_content() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_import_formats");
    fs::create_dir_all(&dir).expect("a scratch directory");
    let csv = fs::read_to_string(fixture("small.csv")).expect("the fixture");
    let txt = dir.join("saved.txt");
    fs::write(&txt, &csv).expect("write");
    let txt = txt.display().to_string();
    assert_eq!(entries(&import(&txt, &[])).len(), 3, "CSV found in a .txt");
    for from in ["markdown", "md"] {
        let output = errcodes(&["import", &txt, "--from", from]);
        assert_eq!(status(&output), 1);
        assert!(
            stderr(&output).contains("no table here (read as Markdown)"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn output_goes_to_a_file_with_o() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_import_out.yaml");
    let _ = fs::remove_file(&out);
    let output = errcodes(&[
        "import",
        &fixture("small.md"),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let written: Value =
        serde_yaml::from_str(&fs::read_to_string(&out).expect("the spec")).expect("YAML");
    assert_eq!(entries(&written).len(), 7);
}

#[test]
fn o_leaves_a_file_that_exists_alone_unless_forced() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_import_reviewed.yaml");
    let reviewed = "# reviewed by hand\n";
    fs::write(&out, reviewed).expect("write a reviewed spec");
    let path = out.display().to_string();
    let table = fixture("small.md");
    let output = errcodes(&["import", &table, "-o", &path]);
    assert_eq!(status(&output), 1, "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!("error: {path} exists; errcodes does not overwrite a spec, which may have been reviewed: name another file, or pass --force to overwrite it\n")
    );
    assert!(stdout(&output).is_empty());
    assert_eq!(fs::read_to_string(&out).expect("the spec"), reviewed);
    let output = errcodes(&["import", &table, "-o", &path, "--force"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let written: Value =
        serde_yaml::from_str(&fs::read_to_string(&out).expect("the spec")).expect("YAML");
    assert_eq!(entries(&written).len(), 7);
}

#[test]
fn seed_specs_keep_what_the_tables_say() {
    let shop = import(&seed("000_"), &["--platform", "wechat_shop"]);
    assert_eq!(entries(&shop).len(), 101);
    assert_eq!(shop["groups"].as_sequence().map(Vec::len), Some(7));
    assert_eq!(texts(&shop["groups"], "title")[6], "Other Error Codes");
    let update: Vec<&Value> = entries(&shop)
        .into_iter()
        .filter(|entry| entry["code"] == 100003)
        .collect();
    assert_eq!(update.len(), 2, "100003 in two groups");
    assert_eq!(
        (update[0]["fallback"].as_bool(), update[1].get("fallback")),
        (Some(true), None)
    );

    let transaction = import(&seed("001_"), &["--platform", "wechat_transaction"]);
    assert_eq!(entries(&transaction).len(), 146);
    assert_eq!(
        texts(&transaction["groups"], "title")[4],
        "Audit error code",
        "the line above, not the header"
    );
    let illegal = entry(&transaction, "OpenIllegal");
    assert_eq!(
        illegal["code"],
        serde_yaml::from_str::<Value>("[990001, 990002]").expect("codes")
    );
    assert_eq!(
        entry(&transaction, "CouponCallbackTestResultsFail1090021")["code"].as_i64(),
        Some(1090021)
    );

    let wdt = import(&seed("002_"), &["--platform", "wangdiantong"]);
    assert_eq!(entries(&wdt).len(), 80);
    let code_100: Vec<&Value> = entries(&wdt)
        .into_iter()
        .filter(|entry| entry["code"] == 100)
        .collect();
    assert_eq!(code_100.len(), 63);
    let fallbacks: Vec<&str> = code_100
        .iter()
        .filter(|entry| entry.get("fallback").is_some())
        .map(|entry| entry["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(fallbacks, ["Code100"], "the first row of the code");
    assert_eq!(code_100[1]["name"], "Code100Case2");
    let both = entry(&wdt, "Code100Case13");
    assert_eq!(
        both["message"],
        "商家编码{field1}已存在,但货品不存在或已删除,货品编号: {field2}"
    );
    assert_eq!(
        both["note"],
        "placeholders in the source became template fields: `xxx` → `{field1}`, `xxx` → `{field2}`"
    );
    assert_eq!(
        entry(&wdt, "Code100Case55")["message"],
        "下单时间非法,原始单号为：{field1}"
    );
    assert_eq!(
        entry(&wdt, "DataTruncation")["message"],
        "Data truncation: Data too long for column {column}"
    );
    assert_eq!(
        entry(&wdt, "ShopNo")["message"],
        "shop_no",
        "Markdown escapes are undone"
    );
}
