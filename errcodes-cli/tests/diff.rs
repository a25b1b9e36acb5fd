//! `errcodes diff` on pairs of specs, one or more for each verdict of `docs/SEMVER.md`.

mod support;

use std::path::PathBuf;

use serde_json::{json as value, Value};
use support::{errcodes, errcodes_in, json, scratch_dir, status, stderr, stdout};

const BASE: &str = r#"platform: acme
enum: AcmeError
title: Acme open API
source: https://acme.example/errors
unknown_retry: permanent
non_exhaustive: true
envelope: {code: code, message: msg, success: [0]}
groups:
  - id: general
    title: General
    retry: permanent
    errors:
      - code: 100
        name: ApplicationError
        message: application error
        hint: check the request
        fallback: true
      - code: 100
        name: RateLimited
        message: too many requests
        retry: {throttled: 5m}
      - code: 101
        name: OrderMissing
        message: "order {order_id} not found"
        http_status: 404
        endpoint: /orders
        scene: orders
        note: the source's own words
  - id: auth
    title: Authentication
    retry: reauthenticate
    errors:
      - code: [40001, 40014]
        name: TokenInvalid
        message: invalid access token
"#;

/// `diff` of `BASE` against `BASE` with each `(from, to)` replaced, as JSON.
fn diff(case: &str, edits: &[(&str, &str)]) -> Value {
    diff_of(case, BASE, edits)
}

fn diff_of(case: &str, old: &str, edits: &[(&str, &str)]) -> Value {
    let dir = pair(case, old, edits);
    let out = errcodes_in(&dir, &["diff", "old.yaml", "new.yaml", "--format", "json"]);
    assert_eq!(status(&out), 0, "{case}: {}", stderr(&out));
    json(&out)
}

/// A directory of its own with `old` as `old.yaml` and `old` edited as `new.yaml`.
fn pair(case: &str, old: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut new = old.to_owned();
    for (from, to) in edits {
        assert!(new.contains(from), "{case}: `{from}` is not in the spec");
        new = new.replacen(from, to, 1);
    }
    let dir = scratch_dir(&format!("cli_diff_{case}"));
    std::fs::write(dir.join("old.yaml"), old).expect("write old.yaml");
    std::fs::write(dir.join("new.yaml"), new).expect("write new.yaml");
    dir
}

/// `TokenInvalid` gone, and another entry in its place.
const REPLACED: (&str, &str) = (
    "      - code: [40001, 40014]\n        name: TokenInvalid\n        message: invalid access token\n",
    "      - code: 1\n        name: Other\n        message: other\n",
);

/// The `(kind, subject, level)` of every change.
fn changes(diff: &Value) -> Vec<(String, String, String)> {
    diff["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|change| {
            let text = |key: &str| change[key].as_str().unwrap_or_default().to_owned();
            (text("kind"), text("subject"), text("level"))
        })
        .collect()
}

fn change(kind: &str, subject: &str, level: &str) -> (String, String, String) {
    (kind.to_owned(), subject.to_owned(), level.to_owned())
}

#[test]
fn the_same_spec_is_no_release() {
    let diff = diff("same", &[("  - id: auth", "\n  - id: auth")]);
    assert_eq!(diff["verdict"], "none");
    assert_eq!(diff["changes"], value!([]));
}

#[test]
fn removing_or_renaming_an_entry_is_major() {
    let removed = diff("removed", &[REPLACED]);
    assert_eq!(removed["verdict"], "major");
    assert_eq!(removed["removed"], value!(["TokenInvalid"]));
    assert_eq!(removed["added"], value!(["Other"]));

    let renamed = diff("renamed", &[("name: RateLimited", "name: TooManyRequests")]);
    assert_eq!(renamed["verdict"], "major");
    assert_eq!(
        renamed["renamed"],
        value!([{"old": "RateLimited", "new": "TooManyRequests"}])
    );
    assert_eq!(renamed["added"], value!([]));
    assert_eq!(renamed["removed"], value!([]));
    assert_eq!(changes(&renamed), [change("entry_renamed", "", "major")]);
}

#[test]
fn renaming_the_enum_or_platform_or_changing_non_exhaustive_is_major() {
    for (case, from, to, kind) in [
        ("enum", "enum: AcmeError", "enum: AcmeApiError", "enum"),
        (
            "platform",
            "platform: acme",
            "platform: acme_api",
            "platform",
        ),
        ("exhaustive", "non_exhaustive: true\n", "", "non_exhaustive"),
        (
            "non_exhaustive",
            "non_exhaustive: true",
            "non_exhaustive: false",
            "non_exhaustive",
        ),
    ] {
        let diff = diff(case, &[(from, to)]);
        assert_eq!(diff["verdict"], "major", "{case}");
        assert_eq!(changes(&diff), [change(kind, "", "major")], "{case}");
    }
    let exhaustive = BASE.replace("non_exhaustive: true\n", "");
    let diff = diff_of(
        "now_non_exhaustive",
        &exhaustive,
        &[(
            "unknown_retry: permanent\n",
            "unknown_retry: permanent\nnon_exhaustive: true\n",
        )],
    );
    assert_eq!(
        diff["verdict"], "major",
        "users' exhaustive matches need a wildcard arm"
    );
}

#[test]
fn adding_an_entry_is_minor_only_when_the_enum_is_non_exhaustive() {
    let added = "        message: invalid access token\n      - code: 40002\n        name: TokenExpired\n        message: access token expired\n";
    let edit = [("        message: invalid access token\n", added)];
    let diff_non_exhaustive = diff("added", &edit);
    assert_eq!(diff_non_exhaustive["verdict"], "minor");
    assert_eq!(diff_non_exhaustive["added"], value!(["TokenExpired"]));
    let exhaustive = BASE.replace("non_exhaustive: true\n", "");
    let diff = diff_of("added_exhaustive", &exhaustive, &edit);
    assert_eq!(diff["verdict"], "major");
    assert_eq!(
        changes(&diff),
        [change("entry_added", "TokenExpired", "major")]
    );
}

#[test]
fn codes_fallbacks_retry_classes_fields_and_the_envelope_are_minor() {
    for (case, edits, kind, subject) in [
        (
            "code_added",
            &[("code: [40001, 40014]", "code: [40001, 40014, 40015]")][..],
            "codes",
            "TokenInvalid",
        ),
        (
            "code_removed",
            &[("code: [40001, 40014]", "code: 40001")][..],
            "codes",
            "TokenInvalid",
        ),
        (
            "retry",
            &[("retry: {throttled: 5m}", "retry: {throttled: 1m}")][..],
            "retry",
            "RateLimited",
        ),
        (
            "envelope",
            &[("success: [0]", "success: [0, 200]")][..],
            "envelope",
            "",
        ),
        (
            "unknown_retry",
            &[("unknown_retry: permanent", "unknown_retry: transient")][..],
            "unknown_retry",
            "",
        ),
    ] {
        let diff = diff(case, edits);
        assert_eq!(diff["verdict"], "minor", "{case}");
        assert_eq!(changes(&diff), [change(kind, subject, "minor")], "{case}");
    }
    // A field renamed changes the message too; `fields().get("order_id")` finds nothing.
    let fields = diff(
        "fields",
        &[("order {order_id} not found", "order {id} not found")],
    );
    assert_eq!(fields["verdict"], "minor");
    assert_eq!(
        changes(&fields),
        [
            change("fields", "OrderMissing", "minor"),
            change("message", "OrderMissing", "patch")
        ]
    );
    assert_eq!(fields["changes"][0]["old"], "order_id");
    assert_eq!(fields["changes"][0]["new"], "id");

    // A code moved from one entry to another: both entries' codes change.
    let moved = diff(
        "code_moved",
        &[
            ("code: [40001, 40014]", "code: 40001"),
            ("      - code: 101\n", "      - code: [101, 40014]\n"),
        ],
    );
    assert_eq!(moved["verdict"], "minor");
    assert_eq!(
        changes(&moved),
        [
            change("codes", "OrderMissing", "minor"),
            change("codes", "TokenInvalid", "minor")
        ]
    );

    let fallback = diff(
        "fallback",
        &[
            ("        fallback: true\n", ""),
            (
                "        retry: {throttled: 5m}\n",
                "        retry: {throttled: 5m}\n        fallback: true\n",
            ),
        ],
    );
    assert_eq!(
        changes(&fallback),
        [
            change("fallback", "ApplicationError", "minor"),
            change("fallback", "RateLimited", "minor")
        ]
    );
}

#[test]
fn corrected_text_and_metadata_are_patch() {
    for (case, from, to, kind, subject) in [
        (
            "message",
            "message: too many requests",
            "message: too many requests, slow down",
            "message",
            "RateLimited",
        ),
        (
            "hint",
            "hint: check the request",
            "hint: check the request's fields",
            "hint",
            "ApplicationError",
        ),
        (
            "note",
            "note: the source's own words",
            "note: as the source says",
            "entry_note",
            "OrderMissing",
        ),
        (
            "title",
            "title: Acme open API",
            "title: Acme Open API",
            "title",
            "",
        ),
        (
            "source",
            "source: https://acme.example/errors",
            "source: https://acme.example/v2/errors",
            "source",
            "",
        ),
        (
            "http_status",
            "http_status: 404",
            "http_status: 410",
            "http_status",
            "OrderMissing",
        ),
        (
            "endpoint",
            "endpoint: /orders",
            "endpoint: /v2/orders",
            "endpoint",
            "OrderMissing",
        ),
        (
            "scene",
            "scene: orders",
            "scene: order lookup",
            "scene",
            "OrderMissing",
        ),
        (
            "group_title",
            "title: Authentication",
            "title: Auth",
            "group_title",
            "auth",
        ),
    ] {
        let diff = diff(case, &[(from, to)]);
        assert_eq!(diff["verdict"], "patch", "{case}");
        assert_eq!(changes(&diff), [change(kind, subject, "patch")], "{case}");
    }
    let message = diff(
        "message_values",
        &[("message: too many requests", "message: slow down")],
    );
    assert_eq!(message["changes"][0]["old"], "too many requests");
    assert_eq!(message["changes"][0]["new"], "slow down");
}

#[test]
fn the_verdict_is_the_highest_change() {
    let diff = diff(
        "mixed",
        &[
            ("hint: check the request", "hint: see the docs"),
            ("retry: {throttled: 5m}", "retry: transient"),
            ("name: OrderMissing", "name: NoSuchOrder"),
            (
                "order {order_id} not found",
                "order {order_id} does not exist",
            ),
        ],
    );
    assert_eq!(diff["verdict"], "major");
    assert_eq!(
        diff["removed"],
        value!(["OrderMissing"]),
        "a new message too: not a rename"
    );
    assert_eq!(diff["added"], value!(["NoSuchOrder"]));
}

#[test]
fn text_names_each_change_and_the_verdict_and_asks_for_deprecation_first() {
    let dir = pair(
        "text",
        BASE,
        &[("retry: {throttled: 5m}", "retry: transient"), REPLACED],
    );
    let out = errcodes_in(&dir, &["diff", "old.yaml", "new.yaml"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("old.yaml -> new.yaml (AcmeError)\n"),
        "{text}"
    );
    for line in [
        "  minor  retry class changed: RateLimited: throttled 5m -> transient",
        "  major  removed: TokenInvalid (40001, 40014: invalid access token)",
        "  minor  added: Other (1: other)",
        "verdict: major (removed: TokenInvalid (40001, 40014: invalid access token))",
        "note: deprecate an entry in a release before removing it (docs/SEMVER.md)",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\nin:\n{text}");
    }
}

#[test]
fn specs_with_problems_are_reported_and_exit_1() {
    let out = errcodes(&[
        "diff",
        "specs/aliexpress.yaml",
        "tests/ui/specs/fallback-missing.yaml",
    ]);
    assert_eq!(status(&out), 1);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with("error: tests/ui/specs/fallback-missing.yaml:11:15: "),
        "{}",
        stderr(&out)
    );
    let out = errcodes(&[
        "diff",
        "tests/ui/specs/fallback-missing.yaml",
        "tests/ui/specs/fallback-missing.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(status(&out), 1);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let problems = json(&out)["problems"].clone();
    assert_eq!(problems.as_array().map(Vec::len), Some(2), "both sides'");
    assert_eq!(problems[0], problems[1]);
    let out = errcodes(&["diff", "specs/aliexpress.yaml"]);
    assert_eq!(status(&out), 2, "a usage error");
    let out = errcodes(&[
        "diff",
        "specs/aliexpress.yaml",
        "specs/aliexpress.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(json(&out)["verdict"], "none");
}

/// A name the new spec defines that a spec it extends has too: the extended spec's entry is
/// left out, which the diff lists at level none beside the changes it makes.
#[test]
fn a_new_shadowing_is_listed_without_raising_the_verdict() {
    let old = "extends: wechat_transaction\nenum: MyWechatError\ngroups:\n  - id: ours\n    title: Ours\n\
               \x20   retry: reauthenticate\n    errors:\n      - code: 88002\n        name: SessionExpired\n\
               \x20       message: our session expired\n";
    let diff = diff_of(
        "shadowing",
        old,
        &[("name: SessionExpired", "name: AccessTokenExpired")],
    );
    let shadowed: Vec<&Value> = diff["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|change| change["kind"] == "shadowed")
        .collect();
    assert_eq!(shadowed.len(), 1, "{diff:#}");
    assert_eq!(shadowed[0]["subject"], "AccessTokenExpired");
    assert_eq!(shadowed[0]["level"], "none");
    assert_eq!(
        shadowed[0]["new"],
        "name, by AccessTokenExpired of new.yaml over AccessTokenExpired of <errcodes>/specs/wechat_global.yaml"
    );
    // Its effect is counted: the shipped entry's code is gone from the variant.
    assert!(changes(&diff).contains(&change("codes", "AccessTokenExpired", "minor")));

    // A shadowing both specs have is no change.
    let same = diff_of(
        "shadowing_same",
        old,
        &[("our session expired", "our session ended")],
    );
    assert!(!changes(&same).iter().any(|(kind, ..)| kind == "shadowed"));
}

/// A shadowing raises no verdict of its own: redefining a shipped row exactly as it is
/// changes nothing but the variant's place in the spec order, which is the verdict's one
/// reason.
#[test]
fn a_shadowing_alone_raises_only_the_order_it_changes() {
    // The new spec defines the shipped row, and its group, exactly as wechat_global does.
    let old = "extends: wechat_transaction\nenum: MyWechatError\n";
    let row = "groups:\n  - id: global\n    title: 公众平台全局返回码\n    retry: reauthenticate\n\
               \x20   note: \"WxJava WxMpErrorMsgEnum, transcribing https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html; en texts from the open platform 公共错误码 page\"\n    errors:\n\
               \x20     - code: 42001\n        name: AccessTokenExpired\n\
               \x20       message: {zh: \"access_token 超时，请检查 access_token 的有效期，请参考基础支持 - 获取 access_token 中，对 access_token 的详细机制说明\", en: \"access_token expired\"}\n\
               \x20       note: \"access_token 超时 (expired): get a new one\"\n";
    let dir = pair(
        "shadowing_alone",
        old,
        &[(
            "enum: MyWechatError\n",
            &format!("enum: MyWechatError\n{row}"),
        )],
    );
    let out = errcodes_in(&dir, &["diff", "old.yaml", "new.yaml"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("  none   newly shadowed: AccessTokenExpired (code 42001, by AccessTokenExpired of new.yaml over"), "{text}");
    assert!(
        text.contains("  minor  moved in spec order: AccessTokenExpired: "),
        "{text}"
    );
    assert!(
        text.ends_with("verdict: minor (moved in spec order: AccessTokenExpired: after MissingOpenid -> after InvalidSessionSignature)\n"),
        "{text}"
    );
}

const APPLICATION_ERROR: &str = "      - code: 100\n        name: ApplicationError\n        message: application error\n        hint: check the request\n        fallback: true\n";
const RATE_LIMITED: &str = "      - code: 100\n        name: RateLimited\n        message: too many requests\n        retry: {throttled: 5m}\n";

#[test]
fn a_change_of_order_is_minor_and_names_the_entries_moved() {
    let swapped = format!("{RATE_LIMITED}{APPLICATION_ERROR}");
    let swap = diff(
        "order",
        &[(&format!("{APPLICATION_ERROR}{RATE_LIMITED}"), &swapped)],
    );
    assert_eq!(swap["verdict"], "minor");
    assert_eq!(swap["moved"], value!(["ApplicationError"]));
    assert_eq!(
        swap["changes"],
        value!([{
            "kind": "order",
            "subject": "ApplicationError",
            "old": "first",
            "new": "after RateLimited",
            "level": "minor",
        }])
    );
    let groups = "  - id: general\n";
    let auth = &BASE[BASE.find("  - id: auth\n").expect("the auth group")..];
    let group_moved = diff(
        "group_order",
        &[(auth, ""), (groups, &format!("{auth}{groups}"))],
    );
    assert_eq!(
        changes(&group_moved),
        [change("order", "TokenInvalid", "minor")],
        "a group moved moves its entries"
    );
}

#[test]
fn entries_added_removed_or_renamed_are_no_change_of_order() {
    let renamed = diff(
        "order_renamed",
        &[("name: RateLimited", "name: TooManyRequests"), REPLACED],
    );
    assert!(
        changes(&renamed).iter().all(|(kind, ..)| kind != "order"),
        "{renamed}"
    );
    let swapped = format!("{RATE_LIMITED}{APPLICATION_ERROR}").replace("RateLimited", "Slow");
    let moved = diff(
        "order_renamed_and_moved",
        &[(&format!("{APPLICATION_ERROR}{RATE_LIMITED}"), &swapped)],
    );
    assert!(
        changes(&moved).contains(&change("order", "ApplicationError", "minor")),
        "a renamed entry keeps its place: {moved}"
    );
}

#[test]
fn text_shows_a_move_and_where_the_entry_went() {
    let swapped = format!("{RATE_LIMITED}{APPLICATION_ERROR}");
    let dir = pair(
        "order_text",
        BASE,
        &[(&format!("{APPLICATION_ERROR}{RATE_LIMITED}"), &swapped)],
    );
    let out = errcodes_in(&dir, &["diff", "old.yaml", "new.yaml"]);
    let text = stdout(&out);
    for line in [
        "  minor  moved in spec order: ApplicationError: first -> after RateLimited",
        "verdict: minor (moved in spec order: ApplicationError: first -> after RateLimited)",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\nin:\n{text}");
    }
}

#[test]
fn fail_on_exits_1_when_the_verdict_reaches_its_level() {
    let cases = [
        ("none", pair("fail_on_none", BASE, &[])),
        (
            "patch",
            pair(
                "fail_on_patch",
                BASE,
                &[("hint: check the request", "hint: see the docs")],
            ),
        ),
        (
            "minor",
            pair(
                "fail_on_minor",
                BASE,
                &[("retry: {throttled: 5m}", "retry: transient")],
            ),
        ),
        ("major", pair("fail_on_major", BASE, &[REPLACED])),
    ];
    let levels = ["none", "patch", "minor", "major"];
    for (verdict, dir) in &cases {
        for fail_on in &levels[1..] {
            let fails = levels.iter().position(|l| l == verdict)
                >= levels.iter().position(|l| l == fail_on);
            let out = errcodes_in(dir, &["diff", "old.yaml", "new.yaml", "--fail-on", fail_on]);
            assert_eq!(
                status(&out),
                i32::from(fails),
                "{verdict} --fail-on {fail_on}"
            );
            assert!(
                stdout(&out).contains(&format!("verdict: {verdict} (")),
                "{}",
                stdout(&out)
            );
            if fails {
                assert_eq!(
                    stderr(&out),
                    format!("error: the verdict is {verdict}, which --fail-on {fail_on} does not allow\n")
                );
            } else {
                assert!(stderr(&out).is_empty(), "{}", stderr(&out));
            }
            let out = errcodes_in(
                dir,
                &[
                    "diff",
                    "old.yaml",
                    "new.yaml",
                    "--fail-on",
                    fail_on,
                    "--format",
                    "json",
                ],
            );
            assert_eq!(
                status(&out),
                i32::from(fails),
                "{verdict} --fail-on {fail_on}, json"
            );
            assert_eq!(json(&out)["verdict"], *verdict);
        }
    }
}
