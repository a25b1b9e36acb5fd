use super::values::{closest, duration, MAX_WAIT, TOO_LONG};
use super::*;
use crate::ast::{Code, Envelope};
use crate::ctxt::Ctxt;
use crate::source::FileId;

#[test]
fn durations_need_a_positive_number_and_a_unit() {
    assert_eq!(duration("30s"), Ok(30));
    assert_eq!(duration("5m"), Ok(300));
    assert_eq!(duration("1d"), Ok(86_400));
    assert_eq!(duration("30d"), Ok(MAX_WAIT));
    assert_eq!(duration("2592001s"), Err(TOO_LONG));
    assert_eq!(duration("18446744073709551615s"), Err(TOO_LONG));
    for bad in [
        "5 minutes",
        "-1s",
        "0s",
        "5",
        "m",
        "",
        "99999999999999999999d",
    ] {
        assert!(duration(bad).is_err(), "{bad}");
    }
}

#[test]
fn entries_inherit_the_group_defaults_and_may_override_them() {
    let spec = "\
platform: demo
enum: DemoError
title: Demo
source: https://example.com
unknown_retry: permanent
groups:
  - id: block
    title: Retry may succeed.
    retry: transient
    hint: Retry in place; if it still fails, contact support.
    http_status: 500
    endpoint: /v2/redeem/
    scene: Write-off
    errors:
      - code: 1
        name: Inherits
        message: first
      - code: 2
        name: Overrides
        message: second
        retry: permanent
        hint: {zh: 换一个码, en: Use another code}
        http_status: 400
        endpoint: /v2/query/
        scene: Scan
";
    let mut cx = Ctxt::default();
    let spec = parse(spec, FileId(0), &mut cx).expect("parsed");
    assert!(cx.is_empty(), "{:?}", cx.into_problems());
    let [inherits, overrides] = &spec.entries[..] else {
        panic!("two entries expected, got {}", spec.entries.len());
    };
    assert_eq!(inherits.retry, Retry::Transient);
    assert_eq!(
        inherits.hint.as_ref().map(Text::first),
        Some("Retry in place; if it still fails, contact support.")
    );
    assert_eq!(inherits.http_status, Some(500));
    assert_eq!(inherits.endpoint.as_deref(), Some("/v2/redeem/"));
    assert_eq!(inherits.scene.as_deref(), Some("Write-off"));
    assert_eq!(overrides.retry, Retry::Permanent);
    assert_eq!(
        overrides.hint.as_ref().map(|hint| hint.langs.clone()),
        Some(vec![
            (Lang::Zh, "换一个码".to_owned()),
            (Lang::En, "Use another code".to_owned())
        ])
    );
    assert_eq!(overrides.http_status, Some(400));
    assert_eq!(overrides.endpoint.as_deref(), Some("/v2/query/"));
    assert_eq!(overrides.scene.as_deref(), Some("Scan"));
}

/// A spec of one entry whose envelope is `envelope` (a YAML mapping), parsed: the envelope,
/// or the problems.
fn parse_envelope(envelope: &str) -> Result<Envelope, Vec<String>> {
    let spec = format!(
        "\
platform: demo
enum: DemoError
title: Demo
source: https://example.com
unknown_retry: permanent
envelope: {envelope}
groups:
  - id: general
    title: General
    retry: permanent
    errors:
      - code: 1
        name: First
        message: first
"
    );
    let mut cx = Ctxt::default();
    let parsed = parse(&spec, FileId(0), &mut cx);
    if !cx.is_empty() {
        let problems = cx.into_problems().into_iter();
        return Err(problems.map(|problem| problem.message).collect());
    }
    Ok(parsed
        .and_then(|spec| spec.head.envelope)
        .expect("an envelope"))
}

#[test]
fn envelopes_give_paths_split_at_dots_and_success_codes() {
    let envelope = parse_envelope(
        r#"{code: [error_response.code, "*.result.result_error_code"], message: errmsg, success: [0, ok, "7"]}"#,
    )
    .expect("parsed");
    let keys = |paths: &[Vec<String>]| -> Vec<String> {
        paths.iter().map(|keys| keys.join("|")).collect()
    };
    assert_eq!(
        keys(&envelope.code),
        ["error_response|code", "*|result|result_error_code"]
    );
    assert_eq!(keys(&envelope.message), ["errmsg"]);
    assert_eq!(
        envelope.success,
        [Code::Int(0), Code::Str("ok".to_owned()), Code::Int(7)]
    );
}

/// The success messages of an envelope `{code: errcode, <envelope>}`, or the problems.
fn success_messages(envelope: &str) -> Result<Vec<String>, Vec<String>> {
    parse_envelope(&format!("{{code: errcode, {envelope}}}"))
        .map(|envelope| envelope.success_message)
}

#[test]
fn success_messages_are_text_or_a_list_of_texts() {
    assert_eq!(
        success_messages("success_without_code: true, success_message: ok"),
        Ok(vec!["ok".to_owned()])
    );
    assert_eq!(
        success_messages("success_without_code: true, success_message: [ok, success]"),
        Ok(vec!["ok".to_owned(), "success".to_owned()])
    );
    assert_eq!(success_messages("success_without_code: true"), Ok(vec![]));
}

#[test]
fn success_messages_must_be_text_not_empty_and_need_success_without_code() {
    let problems = |envelope: &str| success_messages(envelope).expect_err("problems").join("\n");
    let problems_of = [
        (
            "success_without_code: true, success_message: [0]",
            "must be text, found the number 0",
        ),
        (
            "success_without_code: true, success_message: ['  ']",
            "cannot be empty",
        ),
        (
            "success_without_code: true, success_message: [' ok']",
            "has spaces around it",
        ),
        (
            "success_message: [ok]",
            "no effect without `success_without_code: true`",
        ),
    ];
    for (envelope, problem) in problems_of {
        let found = problems(envelope);
        assert!(found.contains(problem), "{envelope}: {found}");
    }
}

#[test]
fn typos_suggest_the_nearest_key() {
    assert_eq!(closest("mesage", ENTRY_KEYS), Some("message"));
    assert_eq!(closest("fallbak", ENTRY_KEYS), Some("fallback"));
    assert_eq!(closest("zzzzzzzz", ENTRY_KEYS), None);
}

#[test]
fn status_led_and_success_empty_are_flags_off_by_default() {
    let plain = parse_envelope("{code: code}").expect("parsed");
    assert!(!plain.status_led && !plain.success_empty);
    let led = parse_envelope("{code: code, message: message, status_led: true}").expect("parsed");
    assert!(led.status_led && !led.success_empty);
    let empty = parse_envelope("{code: error, success_empty: true}").expect("parsed");
    assert!(empty.success_empty && !empty.status_led);
    for (envelope, problem) in [
        (
            "{code: code, status_led: yes}",
            "`status_led` must be `true` or `false`, found the text \"yes\"",
        ),
        (
            "{code: error, success_empty: 1}",
            "`success_empty` must be `true` or `false`, found",
        ),
    ] {
        let found = parse_envelope(envelope).expect_err("problems").join("\n");
        assert!(found.contains(problem), "{envelope}: {found}");
    }
}

#[test]
fn a_key_followed_by_brackets_goes_through_a_list() {
    let envelope =
        parse_envelope(r#"{code: ["errors[].code", "*[].code"], message: "errors[].message"}"#)
            .expect("parsed");
    assert_eq!(
        envelope.code,
        [vec!["errors", "[]", "code"], vec!["*", "[]", "code"]]
    );
    assert_eq!(crate::path_text(&envelope.code[0]), "errors[].code");
    for (path, problem) in [
        ("[].code", "`[]` in `[].code` follows no key"),
        ("errors.[].code", "`[]` in `errors.[].code` follows no key"),
        (
            "errors[0].code",
            "`errors[0]` in `errors[0].code` is no key",
        ),
        (
            "errors[][].code",
            "`errors[][]` in `errors[][].code` is no key",
        ),
        ("err]ors.code", "`err]ors` in `err]ors.code` is no key"),
    ] {
        let found = parse_envelope(&format!("{{code: {path:?}}}"))
            .expect_err("problems")
            .join("\n");
        assert!(found.contains(problem), "{path}: {found}");
    }
}

#[test]
fn levels_are_read_in_order_with_the_envelope_flags_on_the_first() {
    let envelope = parse_envelope(
        "{status_led: true, format: auto, levels: [{code: return_code, success: [SUCCESS]}, {code: [err_code, result_code], message: err_code_des, success: SUCCESS}]}",
    )
    .expect("parsed");
    assert_eq!(envelope.code, [vec!["return_code"]]);
    assert!(envelope.status_led);
    assert_eq!(envelope.format, crate::Format::Auto);
    assert_eq!(envelope.next.len(), 1);
    assert_eq!(
        envelope.next[0].code,
        [vec!["err_code"], vec!["result_code"]]
    );
    assert_eq!(envelope.next[0].success, [Code::Str("SUCCESS".to_owned())]);
    assert!(envelope.next[0].next.is_empty());
    for (envelope, problem) in [
        (
            "{code: errcode, levels: [{code: a}]}",
            "`code` belongs to a level of an envelope that has `levels`",
        ),
        (
            "{levels: []}",
            "an envelope has one to three levels, found 0",
        ),
        (
            "{levels: [{code: a}, {code: b}, {code: c}, {code: d}]}",
            "an envelope has one to three levels, found 4",
        ),
        (
            "{levels: {code: a}}",
            "`levels` must be a list, found a mapping",
        ),
        ("{levels: [{code: a}, {message: b}]}", "missing `code`"),
        (
            "{levels: [{code: a, status_led: true}]}",
            "unknown key `status_led` in a level of the envelope",
        ),
        (
            "{code: a, format: yaml}",
            "the format must be `json`, `xml` or `auto`",
        ),
    ] {
        let found = parse_envelope(envelope).expect_err("problems").join("\n");
        assert!(found.contains(problem), "{envelope}: {found}");
    }
}

#[test]
fn a_key_followed_by_at_json_reads_its_text_as_json() {
    let envelope = parse_envelope(
        r#"{code: ["data@json.code", "*@json.result@json.code", "errors[]@json.code"], message: "data@json.msg"}"#,
    )
    .expect("parsed");
    assert_eq!(
        envelope.code,
        [
            vec!["data", "@json", "code"],
            vec!["*", "@json", "result", "@json", "code"],
            vec!["errors", "[]", "@json", "code"],
        ]
    );
    assert_eq!(envelope.message, [vec!["data", "@json", "msg"]]);
    for (at, text) in [
        "data@json.code",
        "*@json.result@json.code",
        "errors[]@json.code",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(crate::path_text(&envelope.code[at]), *text);
    }
    for (path, problem) in [
        ("@json.code", "`@json` in `@json.code` follows no key"),
        (
            "data.@json.code",
            "`@json` in `data.@json.code` follows no key",
        ),
        ("data@json", "`data@json` ends in `@json`"),
        ("data.code@json", "`data.code@json` ends in `@json`"),
        ("data@jsn.code", "`data@jsn` in `data@jsn.code` is no key"),
        (
            "data@JSON.code",
            "`data@JSON` in `data@JSON.code` is no key",
        ),
        (
            "data@json@json.code",
            "`data@json@json` in `data@json@json.code` is no key",
        ),
        (
            "data@json[].code",
            "`data@json[]` in `data@json[].code` is no key",
        ),
        ("da@ta.code", "`da@ta` in `da@ta.code` is no key"),
    ] {
        let found = parse_envelope(&format!("{{code: {path:?}}}"))
            .expect_err("problems")
            .join("\n");
        assert!(found.contains(problem), "{path}: {found}");
    }
}
