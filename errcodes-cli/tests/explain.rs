//! `errcodes explain` as a user runs it: the invocations the README names, on shipped
//! platforms and on spec files, as text and as JSON.

mod support;

use std::process::Output;

use support::{errcodes, json, scratch_dir, status, stderr, stdout};

/// The value printed after `label`, with continuation lines.
fn field(out: &Output, label: &str) -> String {
    let text = stdout(out);
    text.lines()
        .find_map(|line| {
            line.strip_prefix(label)
                .filter(|rest| rest.starts_with(' '))
        })
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("no `{label}` in:\n{text}{}", stderr(out)))
}

const RATE_LIMITED: &str = "超过每分钟最大调用频率限制，请稍后重试";

#[test]
fn a_message_picks_the_entry_of_a_code_with_many() {
    let out = errcodes(&["explain", "wangdiantong", "100", RATE_LIMITED]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(field(&out, "variant"), "WangdiantongError::RateLimited");
    assert_eq!(field(&out, "code"), "100");
    assert_eq!(field(&out, "message"), RATE_LIMITED);
    assert!(field(&out, "hint").starts_with("接口调用频率超限，请静置接口5-10分钟后重试"));
    assert_eq!(
        field(&out, "retry"),
        "throttled 5m (rate limited: wait at least 5m, then retry)"
    );
    assert_eq!(field(&out, "group"), "general (错误码说明)");
    assert_eq!(
        field(&out, "source"),
        "https://open.wangdian.cn/qjb/open/guide?path=qjbguide_cwmsm"
    );
    let also = field(&out, "also");
    assert!(
        also.starts_with(
            "code 100 has 62 other entries, told apart by message or sub-code: ApplicationError,"
        ),
        "{also}"
    );
    assert!(
        also.ends_with("and 56 more (errcodes list wangdiantong)"),
        "{also}"
    );
}

#[test]
fn template_fields_show_their_values_or_their_names() {
    let message = "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9";
    let out = errcodes(&["explain", "wangdiantong", "100", message]);
    assert_eq!(
        field(&out, "variant"),
        "WangdiantongError::SpecNoBelongsToDeletedGoods"
    );
    assert_eq!(
        field(&out, "fields"),
        "spec_no = \"A-1\", goods_no = \"G-9\""
    );
    let out = errcodes(&["explain", "wangdiantong", "2"]);
    assert_eq!(field(&out, "fields"), "{parameter}");
}

#[test]
fn a_code_alone_gives_its_entry() {
    let out = errcodes(&["explain", "wechat_transaction", "45009"]);
    assert_eq!(status(&out), 0);
    assert_eq!(
        field(&out, "variant"),
        "WechatTransactionError::DailyQuotaExceeded"
    );
    assert_eq!(
        field(&out, "retry"),
        "throttled 1d (rate limited: wait at least 1d, then retry)"
    );
    assert_eq!(field(&out, "hint"), "(the source gives none)");
    assert!(
        !stdout(&out).contains("\nfields"),
        "a plain message has no fields"
    );
    assert!(!stdout(&out).contains("\nalso"), "45009 has one entry");
}

#[test]
fn string_codes_and_multi_line_hints() {
    let out = errcodes(&["explain", "aliexpress", "F00-00-10013-002"]);
    assert_eq!(status(&out), 0);
    assert_eq!(
        field(&out, "variant"),
        "AliexpressError::OrderFulfillSystemError"
    );
    assert_eq!(field(&out, "code"), "F00-00-10013-002");
    assert_eq!(field(&out, "retry"), "transient (retry with backoff)");
    assert!(
        stdout(&out).contains("\n         The request may be retried later."),
        "the hint's second paragraph is indented under it:\n{}",
        stdout(&out)
    );
}

#[test]
fn an_entry_with_two_codes_shows_the_one_received_and_both() {
    let out = errcodes(&["explain", "wechat_transaction", "990002"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(
        field(&out, "code"),
        "990002 (this entry has codes 990001, 990002)"
    );
    assert!(!stdout(&out).contains("\nalso"), "both codes are one entry");
}

#[test]
fn an_entry_without_a_code_is_found_by_its_message() {
    let message = "Redemption interface failed (error in fulfill_core layer logic execution).";
    let out = errcodes(&["explain", "tiktok_local_services", "", message]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(
        field(&out, "variant"),
        "TiktokLocalServicesError::FulfillCoreLogicFailed"
    );
    assert_eq!(field(&out, "code"), "(none: found by message)");
}

#[test]
fn unknown_codes_fail_with_status_1_and_say_what_the_enum_gives() {
    let out = errcodes(&["explain", "wangdiantong", "31337"]);
    assert_eq!(status(&out), 1);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with("wangdiantong has no code 31337: "),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains(
        "WangdiantongError::Unknown(31337), retry class permanent (do not retry: fix the request)"
    ));
}

#[test]
fn unknown_platforms_are_usage_errors_that_name_the_platforms() {
    let out = errcodes(&["explain", "wechat", "45009"]);
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains(
            "no shipped platform is called `wechat`; the platforms are wechat_shop, wechat_transaction, wangdiantong, tiktok_local_services, aliexpress"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_gives_the_entry_the_fields_and_the_other_entries() {
    let message = "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9";
    let out = errcodes(&[
        "explain",
        "wangdiantong",
        "100",
        message,
        "--format",
        "json",
    ]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let found = json(&out);
    assert_eq!(found["platform"]["id"], "wangdiantong");
    assert_eq!(found["platform"]["enum"], "WangdiantongError");
    assert_eq!(found["platform"]["shipped"], true);
    assert_eq!(found["received"]["code"], 100);
    assert_eq!(found["received"]["message"], message);
    assert_eq!(found["known"], true);
    assert_eq!(
        found["variant"],
        "WangdiantongError::SpecNoBelongsToDeletedGoods"
    );
    assert_eq!(found["entry"]["codes"], serde_json::json!([100]));
    assert_eq!(
        found["entry"]["fields"],
        serde_json::json!(["spec_no", "goods_no"])
    );
    assert_eq!(
        found["fields"],
        serde_json::json!([{"name": "spec_no", "value": "A-1"}, {"name": "goods_no", "value": "G-9"}])
    );
    assert_eq!(found["retry"]["class"], "permanent");
    assert_eq!(found["others"].as_array().map(Vec::len), Some(62));

    let out = errcodes(&[
        "explain",
        "wangdiantong",
        "100",
        RATE_LIMITED,
        "--format",
        "json",
    ]);
    let found = json(&out);
    assert_eq!(
        found["retry"],
        serde_json::json!({"class": "throttled", "wait_secs": 300, "text": "throttled 5m"})
    );
    assert_eq!(
        found["entry"]["hint"]
            .as_str()
            .map(|hint| hint.starts_with("接口调用频率超限")),
        Some(true)
    );
}

#[test]
fn json_of_an_unknown_code_says_so_with_status_1() {
    let out = errcodes(&["explain", "aliexpress", "NOPE-1", "--format", "json"]);
    assert_eq!(status(&out), 1);
    let found = json(&out);
    assert_eq!(found["known"], false);
    assert_eq!(found["variant"], "AliexpressError::Unknown");
    assert_eq!(found["received"]["code"], "NOPE-1");
    assert_eq!(found["entry"], serde_json::Value::Null);
    assert_eq!(found["retry"]["class"], "permanent");
}

const ENDPOINTS: &str = r"
platform: acme
enum: AcmeError
title: Acme
source: https://acme.example/errors
unknown_retry: transient
groups:
  - id: orders
    title: Orders
    retry: permanent
    errors:
      - code: 7
        name: OrderMissing
        message: not found
        endpoint: /orders
        http_status: 404
      - code: 7
        name: ShipmentMissing
        message: not found
        endpoint: /shipments
        fallback: true
        scene: shipping
";

#[test]
fn a_spec_file_is_explained_by_the_same_lookup_with_its_endpoint() {
    let dir = scratch_dir("cli_explain_spec");
    std::fs::write(dir.join("acme.yaml"), ENDPOINTS).expect("write the spec");
    let spec = dir.join("acme.yaml");
    let spec = spec.to_str().expect("a UTF-8 path");
    let out = errcodes(&["explain", spec, "7", "not found"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(field(&out, "variant"), "AcmeError::OrderMissing");
    assert_eq!(field(&out, "http"), "404");
    let out = errcodes(&[
        "explain",
        spec,
        "7",
        "not found",
        "--endpoint",
        "/shipments/",
    ]);
    assert_eq!(field(&out, "variant"), "AcmeError::ShipmentMissing");
    assert_eq!(field(&out, "endpoint"), "/shipments");
    assert_eq!(field(&out, "scene"), "shipping");
    let out = errcodes(&["explain", spec, "7"]);
    assert_eq!(
        field(&out, "variant"),
        "AcmeError::ShipmentMissing",
        "the fallback"
    );
    let out = errcodes(&[
        "explain",
        spec,
        "7",
        "--sub-code",
        "isv.x",
        "--format",
        "json",
    ]);
    assert_eq!(json(&out)["received"]["sub_code"], "isv.x");
    assert_eq!(json(&out)["platform"]["shipped"], false);
    let out = errcodes(&["explain", spec, "8"]);
    assert_eq!(status(&out), 1);
    assert!(
        stderr(&out).contains("AcmeError::Unknown(8), retry class transient"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_spec_with_problems_is_reported_as_a_build_reports_it() {
    let out = errcodes(&["explain", "tests/ui/specs/fallback-missing.yaml", "100"]);
    assert_eq!(status(&out), 1);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with(
            "error: tests/ui/specs/fallback-missing.yaml:11:15: code 100 has 2 entries"
        ),
        "{}",
        stderr(&out)
    );
    let out = errcodes(&["explain", "no/such/spec.yaml", "100"]);
    assert_eq!(status(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: no such spec file `no/such/spec.yaml`; give a spec file's path, relative to the current directory, or a shipped platform's name (`errcodes list` names them)\n\n"
    );
}

#[test]
fn negative_codes_are_written_as_they_are() {
    for (platform, code, variant) in [
        ("wechat_global", "-1", "WechatGlobalError::PlatformBusy"),
        ("aliexpress", "-999", "AliexpressError::SystemError"),
        (
            "tiktok_local_services",
            "-3000102",
            "TiktokLocalServicesError::VoucherAlreadyUsed",
        ),
    ] {
        let out = errcodes(&["explain", platform, code]);
        assert_eq!(status(&out), 0, "{code}: {}", stderr(&out));
        assert_eq!(field(&out, "variant"), variant);
        assert_eq!(field(&out, "code"), code);
    }
    let out = errcodes(&["explain", "wangdiantong", "-7"]);
    assert_eq!(status(&out), 1, "an unknown negative code");
    assert!(stderr(&out).starts_with("wangdiantong has no code -7: "));
}

#[test]
fn flags_stay_flags_around_a_negative_code() {
    for args in [
        &["explain", "wechat_global", "-1", "--format", "json"][..],
        &["explain", "--format", "json", "wechat_global", "-1"],
        &["explain", "wechat_global", "-1", "-2", "--format=json"],
    ] {
        let out = errcodes(args);
        assert_eq!(status(&out), 0, "{args:?}: {}", stderr(&out));
        assert_eq!(json(&out)["variant"], "WechatGlobalError::PlatformBusy");
    }
    let out = errcodes(&["explain", "wechat_global", "-1", "-2", "--format=json"]);
    assert_eq!(
        json(&out)["received"]["message"],
        "-2",
        "a negative message"
    );
    let out = errcodes(&["explain", "wechat_global", "-1", "--sub-code", "-5"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(field(&out, "sub-code"), "-5");
    let out = errcodes(&["explain", "wechat_global", "-1", "-h"]);
    assert_eq!(status(&out), 0);
    assert!(stdout(&out).starts_with("Explains a received error"));
    let out = errcodes(&["explain", "wechat_global", "-1", "--bogus"]);
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).contains("unexpected argument '--bogus'"));
}

#[test]
fn a_sub_code_chooses_before_the_message() {
    let isp = errcodes(&[
        "explain",
        "aliexpress",
        "15",
        "Remote service error",
        "--sub-code",
        "isp.top-remote-connection-timeout",
    ]);
    assert_eq!(status(&isp), 0);
    assert_eq!(field(&isp, "variant"), "AliexpressError::IspServerError");
    assert!(field(&isp, "retry").starts_with("transient"));
    assert_eq!(field(&isp, "sub-code"), "isp.top-remote-connection-timeout");
    let isv = errcodes(&[
        "explain",
        "aliexpress",
        "15",
        "--sub-code",
        "isv.invalid-parameter",
    ]);
    assert_eq!(
        field(&isv, "variant"),
        "AliexpressError::RemoteServiceError"
    );
    assert!(field(&isv, "retry").starts_with("permanent"));
}

/// A row of an included spec shows that spec's source, not the platform's.
#[test]
fn a_row_of_an_included_spec_shows_its_own_source() {
    let out = errcodes(&["explain", "wechat_shop", "42001"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(
        field(&out, "variant"),
        "WechatShopError::AccessTokenExpired"
    );
    assert!(
        field(&out, "source").starts_with(
            "https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        field(&out, "from"),
        "WeChat global return codes (全局返回码): <errcodes>/specs/wechat_global.yaml"
    );
    let json = json(&errcodes(&[
        "explain",
        "wechat_shop",
        "42001",
        "--format",
        "json",
    ]));
    assert_eq!(json["origin"]["platform"], "wechat_global");
    assert_eq!(json["origin"]["own"], false);
    assert_ne!(json["origin"]["source"], json["platform"]["source"]);

    // A row of the platform's own table: its source, and no `from`.
    let own = errcodes(&["explain", "wechat_shop", "100003"]);
    assert_eq!(
        field(&own, "source"),
        "https://developers.weixin.qq.com/miniprogram/dev/framework/ministore/minishopopencomponent/API/return/errcode.html"
    );
    assert!(!stdout(&own).contains("\nfrom "), "{}", stdout(&own));
}

#[test]
fn it_says_how_the_entry_was_chosen_and_what_the_spec_lacks() {
    let out = errcodes(&["explain", "wangdiantong", "100", RATE_LIMITED]);
    assert_eq!(field(&out, "by"), "its message");

    // A message no entry of code 100 has: the fallback stands in, and explain says so.
    let out = errcodes(&["explain", "wangdiantong", "100", "一条规格表里还没有的消息"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(
        field(&out, "variant"),
        "WangdiantongError::ApplicationError"
    );
    assert_eq!(
        field(&out, "by"),
        "the code's fallback: no entry of code 100 has this message (the spec lacks it)"
    );
    let out = errcodes(&[
        "explain",
        "wangdiantong",
        "100",
        "一条规格表里还没有的消息",
        "--format",
        "json",
    ]);
    assert_eq!(json(&out)["by"], "fallback");

    // A sub-code no rule matches.
    let out = errcodes(&["explain", "alipay", "20000", "--sub-code", "isp.brand-new"]);
    assert_eq!(field(&out, "variant"), "AlipayError::ServiceUnavailable");
    assert_eq!(
        field(&out, "by"),
        "its code; no sub-code rule matches isp.brand-new (the spec lacks it)"
    );
    let out = errcodes(&[
        "explain",
        "alipay",
        "20000",
        "--sub-code",
        "isp.unknow-error",
        "--format",
        "json",
    ]);
    let found = json(&out);
    assert_eq!(found["by"], "sub_code");
    assert_eq!(found["unknown_sub_code"], false);
}
