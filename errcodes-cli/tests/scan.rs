//! `errcodes scan`, run as a user runs it: the built binary over logs of real responses
//! (the corpus of `tests/fixtures/responses/`), with codes and messages the specs lack,
//! records, tracing events, malformed lines, gzip and standard input; its exit statuses,
//! its JSON report, and the patch it writes, checked and compiled in a fresh crate.

#[path = "../../tests/scratch/mod.rs"]
mod scratch;
mod support;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use support::{errcodes, json, root, scratch_dir, status, stderr, stdout};

/// What the corpus says a platform's lines must give.
#[derive(Debug, Default)]
struct Expected {
    lines: u64,
    successes: u64,
    errors: u64,
    malformed: u64,
    /// Variant → (count, retry class), for lines whose expectation names one.
    variants: BTreeMap<String, (u64, String)>,
}

fn corpus(platform: &str) -> PathBuf {
    root().join(format!("tests/fixtures/responses/{platform}.jsonl"))
}

fn expected(platform: &str) -> Expected {
    let text = fs::read_to_string(corpus(platform)).expect("read the corpus");
    let mut expected = Expected::default();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let line: Value = serde_json::from_str(line).expect("a corpus line");
        expected.lines += 1;
        if line["format"] == "xml" {
            expected.malformed += 1;
        } else if line["expect"] == "success" {
            expected.successes += 1;
        } else {
            expected.errors += 1;
            if let Some(variant) = line["expect"]["variant"].as_str() {
                let retry = line["expect"]["retry"].as_str().expect("a retry class");
                let entry = expected
                    .variants
                    .entry(variant.to_owned())
                    .or_insert((0, retry.to_owned()));
                entry.0 += 1;
            }
        }
    }
    expected
}

fn scan(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["scan"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    let out = errcodes(&all);
    (status(&out), json(&out))
}

/// `scan <platform> <log> --write <dir>/seen.yaml`: the status, the report, the patch's
/// text and its path.
fn scan_writing(platform: &str, dir: &Path, log: &Path) -> (i32, Value, String, PathBuf) {
    let patch = dir.join("seen.yaml");
    let (code, report) = scan(&[
        platform,
        log.to_str().unwrap(),
        "--write",
        patch.to_str().unwrap(),
    ]);
    let text = fs::read_to_string(&patch).unwrap_or_else(|_| panic!("no patch: {report}"));
    (code, report, text, patch)
}

#[test]
fn every_corpus_line_counts_as_the_corpus_expects() {
    // Every platform with a corpus, so that a new platform's lines are scanned too.
    let mut platforms: Vec<String> = fs::read_dir(root().join("tests/fixtures/responses"))
        .expect("the corpus directory")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "jsonl").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    platforms.sort();
    assert!(platforms.len() >= 8, "{platforms:?}");
    for platform in &platforms {
        let platform = platform.as_str();
        let path = corpus(platform);
        let expected = expected(platform);
        let (_, report) = scan(&[platform, path.to_str().unwrap()]);
        assert_eq!(report["lines"], expected.lines, "{platform}");
        assert_eq!(report["successes"], expected.successes, "{platform}");
        assert_eq!(report["errors"], expected.errors, "{platform}");
        assert_eq!(
            report["malformed"]["count"], expected.malformed,
            "{platform}"
        );
        for (variant, (count, retry)) in &expected.variants {
            let seen = &report["by_variant"][variant];
            assert_eq!(seen["count"], *count, "{platform} {variant}");
            assert_eq!(seen["retry"], retry.as_str(), "{platform} {variant}");
        }
    }
}

/// Lines a Wangdiantong log may hold besides the corpus: codes and messages the spec
/// lacks, a record of another platform, records and events of this one, malformed lines.
const EXTRA: &[&str] = &[
    r#"{"status":31337,"message":"全新的错误 A"}"#,
    r#"{"status":31337,"message":"全新的错误 B"}"#,
    r#"{"status":100,"message":"一条规格表里还没有的消息"}"#,
    r#"{"platform":"aliexpress","code":"F00-00-10013-002","name":"OrderFulfillSystemError","message":"m","retry":"transient","request_id":null}"#,
    r#"{"platform":"wangdiantong","code":31338,"name":"Unknown","message":"记录里的新码","retry":"permanent","request_id":null}"#,
    r#"{"timestamp":"2026-12-01T08:00:00.000000Z","level":"WARN","fields":{"message":"wangdiantong lacks unknown_code","kind":"unknown_code","platform":"wangdiantong","code":"31339","variant":"Unknown","retry":"permanent","platform_message":"事件里的新码"},"target":"errcodes::lacking"}"#,
    r#"{"timestamp":"2026-12-02T08:00:00.000000Z","level":"WARN","kind":"unknown_code","platform":"wangdiantong","code":"31339","platform_message":"事件里的新码","target":"errcodes::lacking"}"#,
    "this line is not JSON",
    r#"{"status":"soon","body":{"status":0}}"#,
    "",
];

fn write_log(dir: &Path, name: &str, lines: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut text = lines.join("\n");
    text.push('\n');
    fs::write(&path, text).expect("write a log");
    path
}

fn gzip(path: &Path) -> PathBuf {
    let status = Command::new("gzip")
        .args(["-kf"])
        .arg(path)
        .status()
        .expect("run gzip");
    assert!(status.success());
    let gz = path.with_extension("jsonl.gz");
    // Named .log: gzip is told by its bytes, not its name.
    let renamed = path.with_extension("gz.log");
    fs::rename(gz, &renamed).expect("rename");
    renamed
}

#[test]
fn a_mixed_log_in_files_globs_gzip_and_stdin_gives_every_count() {
    let dir = scratch_dir("scan_mixed");
    let corpus_text = fs::read_to_string(corpus("wangdiantong")).unwrap();
    let corpus_lines: Vec<&str> = corpus_text.lines().collect();
    let mut all = corpus_lines.clone();
    all.extend_from_slice(EXTRA);
    let plain = write_log(&dir, "a.jsonl", &all);
    assert!(gzip(&plain).is_file());
    let expected = expected("wangdiantong");

    let out = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args([
            "scan",
            "wangdiantong",
            plain.to_str().unwrap(),
            &format!("{}/*.gz.log", dir.display()),
            "-",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(EXTRA[0].as_bytes())?;
            child.wait_with_output()
        })
        .expect("run errcodes scan");
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    // A progress bar only on a terminal: nothing on a pipe.
    assert_eq!(stderr(&out), "");
    let report = json(&out);

    let extra_lines = (EXTRA.len() - 1) as u64;
    // Two copies (plain and gzip) and the line from standard input.
    assert_eq!(report["lines"], 2 * (expected.lines + extra_lines) + 1);
    assert_eq!(report["successes"], 2 * expected.successes);
    // Per copy: the corpus's errors, 31337 twice, the message, 31338, 31339 twice.
    assert_eq!(report["errors"], 2 * (expected.errors + 6) + 1);
    assert_eq!(report["other_platforms"], 2);
    assert_eq!(report["malformed"]["count"], 2 * (expected.malformed + 2));
    let bad: Vec<String> = report["malformed"]["first"]
        .as_array()
        .unwrap()
        .iter()
        .map(|bad| {
            format!(
                "{}:{}",
                Path::new(bad["file"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_str()
                    .unwrap(),
                bad["line"]
            )
        })
        .collect();
    let first_bad = corpus_lines.len() + 8;
    assert_eq!(
        bad[..2],
        [
            format!("a.jsonl:{first_bad}"),
            format!("a.jsonl:{}", first_bad + 1)
        ]
    );

    let unknown = &report["unknown_codes"]["seen"];
    assert_eq!(unknown["31337"]["count"], 5);
    assert_eq!(
        unknown["31337"]["samples"],
        serde_json::json!(["全新的错误 A", "全新的错误 B"])
    );
    assert!(unknown["31337"]["first"]["file"]
        .as_str()
        .unwrap()
        .ends_with("a.jsonl"));
    assert_eq!(unknown["31337"]["last"]["file"], "<stdin>");
    assert_eq!(unknown["31338"]["count"], 2);
    assert_eq!(unknown["31339"]["count"], 4);
    assert_eq!(unknown["31339"]["since"], "2026-12-01T08:00:00.000000Z");
    assert_eq!(unknown["31339"]["until"], "2026-12-02T08:00:00.000000Z");
    let unmatched = &report["unmatched_messages"]["seen"]["100 一条规格表里还没有的消息"];
    assert_eq!(unmatched["count"], 2);
    assert_eq!(unmatched["variant"], "ApplicationError");
    let variants = &report["by_variant"];
    assert_eq!(variants["Unknown"]["count"], 2 * 5 + 1);
}

#[test]
fn a_subscribers_other_events_are_counted_apart_not_as_malformed() {
    // What a JSON subscriber writes for an application that uses the tracing feature:
    // its own events and the retry decisions between the errors' events.
    let dir = scratch_dir("scan_other_events");
    let log = write_log(
        &dir,
        "app.jsonl",
        &[
            r#"{"timestamp":"2026-12-06T20:14:31.7Z","level":"INFO","fields":{"message":"calling"},"target":"app","span":{"code":"100","platform":"wangdiantong","platform_message":"m","name":"call"}}"#,
            r#"{"timestamp":"2026-12-06T20:14:31.8Z","level":"DEBUG","fields":{"message":"retry after 147ms","attempt":1,"class":"transient","decision":"retry","wait_ms":147},"target":"errcodes::retry"}"#,
            r#"{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}"#,
        ],
    );
    let (code, report) = scan(&["wangdiantong", log.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["malformed"]["count"], 0);
    assert_eq!(report["other_events"], 2);
    assert_eq!(report["errors"], 1);
}

#[test]
fn exit_status_is_0_when_nothing_lacks_1_when_something_does_2_for_usage() {
    let dir = scratch_dir("scan_status");
    let known = write_log(
        &dir,
        "known.jsonl",
        &[
            r#"{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}"#,
            r#"{"status":0}"#,
        ],
    );
    let out = errcodes(&["scan", "wangdiantong", known.to_str().unwrap()]);
    assert_eq!(status(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).starts_with("2 lines from 1 source: 1 errors, 1 successes, 0 malformed"));

    let lacking = write_log(&dir, "lacking.jsonl", &[EXTRA[0]]);
    let out = errcodes(&["scan", "wangdiantong", lacking.to_str().unwrap()]);
    assert_eq!(status(&out), 1);
    assert!(
        stdout(&out).contains("unknown codes: 1"),
        "{}",
        stdout(&out)
    );

    let out = errcodes(&["scan", "wangdiantong", "no/such.log"]);
    assert_eq!(status(&out), 1);
    assert_eq!(stderr(&out), "error: no such log file `no/such.log`\n");
    assert_eq!(status(&errcodes(&["scan"])), 2);
    assert_eq!(
        status(&errcodes(&["scan", "wangdiantong", "--no-such-flag"])),
        2
    );
    assert_eq!(
        status(&errcodes(&[
            "scan",
            "no_such_platform",
            known.to_str().unwrap()
        ])),
        2
    );
    // An enum name the spec format refuses is a usage error, before anything is written.
    let patch = dir.join("bad.yaml");
    let bad = errcodes(&[
        "scan",
        "wangdiantong",
        lacking.to_str().unwrap(),
        "--write",
        patch.to_str().unwrap(),
        "--enum",
        "bad_name",
    ]);
    assert_eq!(status(&bad), 2);
    assert!(
        stderr(&bad).contains("enum name `bad_name` is not UpperCamelCase"),
        "{}",
        stderr(&bad)
    );
    assert!(!patch.exists());
    // --force without --write is a usage error.
    assert_eq!(status(&errcodes(&["scan", "wangdiantong", "--force"])), 2);
}

#[test]
fn an_unknown_code_retries_as_its_status_says_in_a_body_and_in_its_event() {
    // The same 502 answer, as a body with its status and as the event reading it emitted.
    let dir = scratch_dir("scan_status_retry");
    let log = write_log(
        &dir,
        "gateway.jsonl",
        &[
            r#"{"status":502,"body":{"status":4242,"message":"gateway thing"}}"#,
            r#"{"timestamp":"2026-12-06T20:14:31.736050Z","level":"WARN","fields":{"message":"wangdiantong lacks unknown_code: 4242: gateway thing","kind":"unknown_code","platform":"wangdiantong","code":"4242","variant":"Unknown","retry":"transient","platform_message":"gateway thing","status":502},"target":"errcodes::lacking"}"#,
            r#"{"platform":"wangdiantong","code":4242,"name":"Unknown","message":"gateway thing","retry":"transient","request_id":null,"status":502}"#,
        ],
    );
    let (code, report) = scan(&["wangdiantong", log.to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        report["by_retry"],
        serde_json::json!({"transient": 3}),
        "{report}"
    );
}

#[test]
fn an_unknown_sub_code_is_told_and_written_by_its_sub_message() {
    // Alipay's gateway message is the same for every sub-code of a code; the sub-message
    // says what the sub-code means, in a body and in an `errcodes::lacking` event alike.
    let dir = scratch_dir("scan_sub_message");
    let log = write_log(
        &dir,
        "alipay.jsonl",
        &[
            r#"{"alipay_trade_refund_response":{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.brand-new","sub_msg":"全新的子错误"},"sign":"x"}"#,
            r#"{"timestamp":"2026-12-06T08:00:00Z","level":"WARN","fields":{"message":"alipay lacks unknown_sub_code","kind":"unknown_sub_code","platform":"alipay","code":"20000","sub_code":"isp.brand-new","sub_message":"全新的子错误","variant":"ServiceUnavailable","retry":"transient","platform_message":"Service Currently Unavailable"},"target":"errcodes::lacking"}"#,
        ],
    );
    let (code, report, text, _) = scan_writing("alipay", &dir, &log);
    assert_eq!(code, 1, "{report}");
    let lack = &report["unknown_sub_codes"]["seen"]["20000 isp.brand-new"];
    assert_eq!(lack["count"], 2, "{report}");
    assert_eq!(lack["samples"], serde_json::json!(["全新的子错误"]));
    assert!(
        text.contains("sub_code: \"isp.brand-new\"\n        name: \"IspBrandNew\"\n        message: \"全新的子错误\"\n"),
        "{text}"
    );
}

#[test]
fn an_unknown_codes_sub_code_is_told_and_written_in_the_same_pass() {
    // Alipay's 40004 (Business Failed) is no code of the shipped table, nor is this
    // sub-code: one scan writes both entries, and a second scan of the log finds nothing.
    let dir = scratch_dir("scan_unknown_code_sub_code");
    let log = write_log(
        &dir,
        "alipay.jsonl",
        &[
            r#"{"alipay_trade_query_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"},"sign":"x"}"#,
        ],
    );
    let (code, report, text, patch) = scan_writing("alipay", &dir, &log);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        report["unknown_codes"]["seen"]["40004"]["count"], 1,
        "{report}"
    );
    let lack = &report["unknown_sub_codes"]["seen"]["40004 ACQ.TRADE_NOT_EXIST"];
    assert_eq!(
        lack["samples"],
        serde_json::json!(["交易不存在"]),
        "{report}"
    );
    assert!(text.contains("- code: 40004\n"), "{text}");
    assert!(
        text.contains("sub_code: \"ACQ.TRADE_NOT_EXIST\"\n        name: \"AcqTradeNotExist\"\n        message: \"交易不存在\"\n"),
        "{text}"
    );
    let (again, report) = scan(&[patch.to_str().unwrap(), log.to_str().unwrap()]);
    assert_eq!(again, 0, "{report}");
}

#[test]
fn a_spec_that_reads_xml_has_its_xml_bodies_read() {
    // WeChat Pay API v2's two levels, in XML: a body, and a body with its status.
    let dir = scratch_dir("scan_xml");
    let spec = dir.join("pay_v2.yaml");
    fs::write(
        &spec,
        r"platform: pay_v2
enum: PayV2Error
title: a WeChat Pay API v2 model
source: https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_2
unknown_retry: permanent
envelope:
  format: xml
  levels:
    - {code: return_code, message: return_msg, success: [SUCCESS]}
    - {code: [err_code, result_code], message: err_code_des, success: [SUCCESS]}
groups:
  - id: business
    title: business
    retry: permanent
    errors:
      - code: ORDERPAID
        name: OrderPaid
        message: 商户订单已支付
        retry: already_applied
",
    )
    .unwrap();
    let log = write_log(
        &dir,
        "pay.jsonl",
        &[
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><result_code><![CDATA[FAIL]]></result_code><err_code><![CDATA[ORDERPAID]]></err_code><err_code_des><![CDATA[商户订单已支付]]></err_code_des></xml>",
            r#"{"status":200,"body":"<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code></xml>"}"#,
            r#"{"status":200,"body":"<xml><return_code>SUCCESS</return_code><result_code>FAIL</result_code><err_code>NEWCODE</err_code><err_code_des>新的</err_code_des></xml>"}"#,
        ],
    );
    let (code, report) = scan(&[spec.to_str().unwrap(), log.to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["malformed"]["count"], 0, "{report}");
    assert_eq!(report["successes"], 1);
    assert_eq!(report["by_variant"]["OrderPaid"]["count"], 1);
    assert_eq!(
        report["unknown_codes"]["seen"]["NEWCODE"]["samples"],
        serde_json::json!(["新的"])
    );
}

#[test]
fn the_patch_is_checked_rescanned_and_never_overwritten_unasked() {
    let dir = scratch_dir("scan_patch");
    let log = write_log(&dir, "traffic.jsonl", EXTRA);
    let patch = dir.join("seen.yaml");
    let patch_arg = patch.to_str().unwrap();
    let out = errcodes(&[
        "scan",
        "wangdiantong",
        log.to_str().unwrap(),
        "--write",
        patch_arg,
    ]);
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    let text = fs::read_to_string(&patch).expect("the patch");
    assert!(text.contains("extends: \"wangdiantong\"\n"), "{text}");
    assert!(text.contains("join: true"), "{text}");
    assert!(text.contains("seen 2 times in traffic (first "), "{text}");
    assert!(
        text.contains("from 2026-12-01T08:00:00.000000Z to 2026-12-02T08:00:00.000000Z"),
        "{text}"
    );

    let check = errcodes(&["check", patch_arg]);
    assert_eq!(status(&check), 0, "{}{}", stdout(&check), stderr(&check));

    let (code, report) = scan(&[patch_arg, log.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["by_variant"].get("Unknown"), None, "{report}");
    assert_eq!(report["errors"], 6);

    fs::write(&patch, "reviewed").unwrap();
    let again = errcodes(&[
        "scan",
        "wangdiantong",
        log.to_str().unwrap(),
        "--write",
        patch_arg,
    ]);
    assert_eq!(status(&again), 1);
    assert!(
        stderr(&again).contains("pass --force to overwrite it"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&patch).unwrap(), "reviewed");
    let forced = errcodes(&[
        "scan",
        "wangdiantong",
        log.to_str().unwrap(),
        "--write",
        patch_arg,
        "--force",
    ]);
    assert_eq!(status(&forced), 1);
    assert_eq!(fs::read_to_string(&patch).unwrap(), text);
}

#[test]
fn the_patch_compiles_in_a_fresh_crate_that_then_knows_the_codes() {
    let dir = scratch_dir("scan_compile");
    let log = write_log(&dir, "traffic.jsonl", EXTRA);
    let patch = dir.join("seen.yaml");
    let out = errcodes(&[
        "scan",
        "wangdiantong",
        log.to_str().unwrap(),
        "--write",
        patch.to_str().unwrap(),
        "--enum",
        "SeenError",
    ]);
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    let yaml = fs::read(&patch).unwrap();
    let main = r#"//! A user crate built with the patch `errcodes scan` wrote.
#![deny(warnings, missing_docs)]

errcodes::platform_errors!("seen.yaml");

fn main() {
    use errcodes::prelude::*;
    for code in [31337, 31338, 31339, 31340] {
        let error = SeenError::from_code(code);
        println!("{code}: {} {}", error.name(), error.is_unknown());
    }
    println!("join: {}", SeenError::classify(100, "一条规格表里还没有的消息").name());
    println!("fallback: {}", SeenError::from_code(100).name());
    println!("kept: {}", SeenError::classify(100, "超过每分钟最大调用频率限制，请稍后重试").name());
}
"#;
    let krate = scratch::crate_with(
        "scan_patch",
        &[("seen.yaml", &yaml), ("src/main.rs", main.as_bytes())],
    );
    let printed = scratch::run(scratch::cargo(&krate, &["run", "--quiet"]));
    let lines: Vec<&str> = printed.lines().collect();
    assert!(lines[0].starts_with("31337: Code31337 false"), "{printed}");
    assert!(lines[1].ends_with(" false"), "{printed}");
    assert!(lines[2].ends_with(" false"), "{printed}");
    assert_eq!(lines[3], "31340: Unknown true");
    assert!(!lines[4].ends_with("ApplicationError"), "{printed}");
    assert_eq!(lines[5], "fallback: ApplicationError");
    assert_eq!(lines[6], "kept: RateLimited");
}
