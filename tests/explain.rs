//! `cargo run --example explain`: its logic, `errcodes_workspace::explain::run`, on the
//! invocations the README and the issue name.

use errcodes_workspace::explain::{run, Output};

fn explain(args: &[&str]) -> Output {
    run(&args.iter().map(|arg| (*arg).to_owned()).collect::<Vec<_>>())
}

/// The value printed after `label`, with continuation lines.
fn field<'a>(out: &'a Output, label: &str) -> &'a str {
    out.stdout
        .lines()
        .find_map(|line| {
            line.strip_prefix(label)
                .filter(|rest| rest.starts_with(' '))
        })
        .map(str::trim)
        .unwrap_or_else(|| panic!("no `{label}` in:\n{}", out.stdout))
}

#[test]
fn a_message_picks_the_entry_of_a_code_with_many() {
    let out = explain(&[
        "wangdiantong",
        "100",
        "超过每分钟最大调用频率限制，请稍后重试",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(field(&out, "variant"), "WangdiantongError::RateLimited");
    assert_eq!(field(&out, "code"), "100");
    assert_eq!(
        field(&out, "message"),
        "超过每分钟最大调用频率限制，请稍后重试"
    );
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
    assert!(
        field(&out, "also")
            .starts_with("code 100 has 62 other entries, told apart by message: ApplicationError,"),
        "{}",
        out.stdout
    );
}

#[test]
fn template_fields_show_their_values_or_their_names() {
    let message = "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9";
    let out = explain(&["wangdiantong", "100", message]);
    assert_eq!(
        field(&out, "variant"),
        "WangdiantongError::SpecNoBelongsToDeletedGoods"
    );
    assert_eq!(
        field(&out, "fields"),
        "spec_no = \"A-1\", goods_no = \"G-9\""
    );
    let out = explain(&["wangdiantong", "2"]);
    assert_eq!(field(&out, "fields"), "{parameter}");
}

#[test]
fn a_code_alone_gives_its_entry() {
    let out = explain(&["wechat_transaction", "45009"]);
    assert_eq!(out.status, 0);
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
        !out.stdout.contains("\nfields"),
        "a plain message has no fields"
    );
    assert!(!out.stdout.contains("\nalso"), "45009 has one entry");
}

#[test]
fn string_codes_and_multi_line_hints() {
    let out = explain(&["aliexpress", "F00-00-10013-002"]);
    assert_eq!(out.status, 0);
    assert_eq!(
        field(&out, "variant"),
        "AliexpressError::OrderFulfillSystemError"
    );
    assert_eq!(field(&out, "code"), "F00-00-10013-002");
    assert_eq!(field(&out, "retry"), "transient (retry with backoff)");
    assert!(
        out.stdout
            .contains("\n         The request may be retried later."),
        "the hint's second paragraph is indented under it:\n{}",
        out.stdout
    );
}

#[test]
fn an_entry_with_two_codes_shows_the_one_received_and_both() {
    let out = explain(&["wechat_transaction", "990002"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        field(&out, "code"),
        "990002 (this entry has codes 990001, 990002)"
    );
    assert!(!out.stdout.contains("\nalso"), "both codes are one entry");
}

#[test]
fn list_shows_every_entry_by_group() {
    let out = explain(&["--list", "wangdiantong"]);
    assert_eq!(out.status, 0);
    assert!(out.stdout.starts_with(
        "wangdiantong: Wangdiantong (旺店通) ERP open API (WangdiantongError), 80 entries\n"
    ));
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|line| line.starts_with("  "))
        .collect();
    assert_eq!(rows.len(), 80);
    let rate = rows
        .iter()
        .find(|row| row.contains(" RateLimited "))
        .expect("RateLimited listed");
    assert!(rate.trim_start().starts_with("100  RateLimited"), "{rate}");
    assert!(rate.contains("throttled 5m"), "{rate}");
    assert!(out.stdout.contains("\n[general] 错误码说明\n"));
    assert!(out
        .stdout
        .ends_with("any other code: Unknown, permanent (do not retry: fix the request)\n"));
}

#[test]
fn every_platform_lists_all_its_entries() {
    for (id, entries) in [
        ("wechat_shop", 101),
        ("wechat_transaction", 146),
        ("wangdiantong", 80),
        ("tiktok_local_services", 56),
        ("aliexpress", 14),
    ] {
        let out = explain(&["--list", id]);
        assert_eq!(out.status, 0, "{id}");
        assert!(
            out.stdout.contains(&format!(", {entries} entries\n")),
            "{id}"
        );
        assert_eq!(
            out.stdout.lines().filter(|l| l.starts_with("  ")).count(),
            entries,
            "{id}"
        );
    }
}

#[test]
fn unknown_codes_and_platforms_fail_clearly() {
    let out = explain(&["wangdiantong", "31337"]);
    assert_eq!(out.status, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.starts_with("wangdiantong has no code 31337: "),
        "{}",
        out.stderr
    );
    assert!(out
        .stderr
        .contains("WangdiantongError::Unknown(31337), retry class permanent"));

    let out = explain(&["wechat", "45009"]);
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "unknown platform `wechat`; the platforms are: wechat_shop, wechat_transaction, wangdiantong, tiktok_local_services, aliexpress\n"
    );
    let out = explain(&["--list", "tiktok"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.starts_with("unknown platform `tiktok`"));

    for args in [
        &[][..],
        &["wangdiantong"],
        &["--bogus", "x"],
        &["a", "b", "c", "d"],
    ] {
        let out = explain(args);
        assert_eq!(out.status, 2, "{args:?}");
        assert!(out.stderr.starts_with("usage: explain"), "{args:?}");
    }
}
