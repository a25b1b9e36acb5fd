//! `errcodes list`: every entry of a platform or spec, and the shipped platforms.

mod support;

use support::{errcodes, json, status, stderr, stdout};

/// Entry counts: the seed tables' rows (`tests/fixtures/seeds/README.md`), with the global
/// tables the specs include (WeChat's 172, less the 7 codes the transaction table lists too;
/// TikTok's 7; TOP's 32), then those global tables on their own, then the platforms added
/// since (Alipay: its 3 codes and 16 sub-code rows, and the 13 ACQ.* rows of its Face-to-Face
/// business error table; WeChat Pay v3: 16 rows; TikTok Shop: 25 rows; Shopee: 20 rows;
/// Lazada: 13 entries for its pages' 29 rows, a repeated row counted once; Amazon SP-API: 6
/// entries for 7 statuses; JD Daojia: the 17 error rows of its stored status code table).
const PLATFORMS: [(&str, &str, usize); 16] = [
    ("wechat_shop", "WechatShopError", 101 + 172),
    (
        "wechat_transaction",
        "WechatTransactionError",
        146 + 172 - 7,
    ),
    ("wangdiantong", "WangdiantongError", 80),
    ("tiktok_local_services", "TiktokLocalServicesError", 56 + 7),
    ("aliexpress", "AliexpressError", 14 + 32),
    ("wechat_global", "WechatGlobalError", 172),
    ("top_gateway", "TopGatewayError", 32),
    ("tiktok_global", "TiktokGlobalError", 7),
    ("alipay", "AlipayError", 19 + 13),
    ("wechat_pay_v3", "WechatPayV3Error", 16),
    // The store's 22 rows and WeChat's 172, less the 21 codes both list.
    (
        "wechat_channels_store",
        "WechatChannelsStoreError",
        22 + 172 - 21,
    ),
    ("tiktok_shop", "TiktokShopError", 25),
    ("shopee", "ShopeeError", 20),
    ("lazada", "LazadaError", 13),
    ("amazon_sp_api", "AmazonSpApiError", 6),
    ("jd_daojia", "JdDaojiaError", 17),
];

fn rows(text: &str) -> Vec<&str> {
    text.lines().filter(|line| line.starts_with("  ")).collect()
}

#[test]
fn list_shows_every_entry_by_group() {
    let out = errcodes(&["list", "wangdiantong"]);
    assert_eq!(status(&out), 0);
    let text = stdout(&out);
    assert!(text.starts_with(
        "wangdiantong: Wangdiantong (旺店通) ERP open API (WangdiantongError), 80 entries\n"
    ));
    let rows = rows(&text);
    assert_eq!(rows.len(), 80);
    let rate = rows
        .iter()
        .find(|row| row.contains(" RateLimited "))
        .expect("RateLimited listed");
    assert!(rate.trim_start().starts_with("100  RateLimited"), "{rate}");
    assert!(rate.contains("throttled 5m"), "{rate}");
    assert!(text.contains("\n[general] 错误码说明\n"));
    assert!(text.ends_with("any other code: Unknown, permanent (do not retry: fix the request)\n"));
}

#[test]
fn every_platform_lists_all_its_entries_and_a_spec_file_lists_the_same() {
    for (id, _, entries) in PLATFORMS {
        let out = errcodes(&["list", id]);
        assert_eq!(status(&out), 0, "{id}");
        let text = stdout(&out);
        assert!(text.contains(&format!(", {entries} entries\n")), "{id}");
        assert_eq!(rows(&text).len(), entries, "{id}");
        let spec = format!("specs/{id}.yaml");
        let from_spec = errcodes(&["list", &spec]);
        assert_eq!(stdout(&from_spec), text, "{spec} reads as the shipped enum");
    }
}

#[test]
fn without_a_platform_it_lists_the_shipped_ones() {
    let out = errcodes(&["list"]);
    assert_eq!(status(&out), 0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), PLATFORMS.len());
    for ((id, enum_name, entries), line) in PLATFORMS.iter().zip(text.lines()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            &words[..4],
            [*id, *enum_name, &entries.to_string(), "entries"]
        );
    }
    let listed = json(&errcodes(&["list", "--format", "json"]));
    let platforms = listed["platforms"].as_array().expect("platforms");
    for ((id, enum_name, entries), platform) in PLATFORMS.iter().zip(platforms) {
        assert_eq!(platform["id"], *id);
        assert_eq!(platform["enum"], *enum_name);
        assert_eq!(platform["entries"], *entries);
        assert_eq!(platform["spec"], format!("specs/{id}.yaml"));
    }
}

#[test]
fn json_lists_every_entry_with_its_data() {
    let out = errcodes(&["list", "wechat_transaction", "--format", "json"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let listed = json(&out);
    assert_eq!(listed["platform"]["id"], "wechat_transaction");
    assert_eq!(listed["unknown_retry"]["class"], "permanent");
    let entries = listed["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 146 + 172 - 7);
    let quota = entries
        .iter()
        .find(|entry| entry["name"] == "DailyQuotaExceeded")
        .expect("DailyQuotaExceeded");
    assert_eq!(quota["codes"], serde_json::json!([45009]));
    assert_eq!(quota["retry"]["wait_secs"], 86_400);
    let openid = entries
        .iter()
        .find(|entry| entry["name"] == "InvalidOpenid")
        .expect("InvalidOpenid");
    assert_eq!(openid["codes"], serde_json::json!([990001, 990002]));
    let groups = listed["platform"]["groups"].as_array().expect("groups");
    assert!(entries
        .iter()
        .all(|entry| groups.iter().any(|group| group["id"] == entry["group"])));

    let codeless = json(&errcodes(&[
        "list",
        "tiktok_local_services",
        "--format",
        "json",
    ]));
    let codeless = codeless["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|entry| entry["codes"] == serde_json::json!([]))
        .count();
    assert_eq!(codeless, 1, "one TikTok entry has no code");
}

#[test]
fn a_spec_with_problems_is_reported_as_a_build_reports_it() {
    let spec = "tests/ui/specs/fallback-missing.yaml";
    let out = errcodes(&["list", spec]);
    assert_eq!(status(&out), 1);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with(&format!("error: {spec}:11:15: code 100 has 2 entries")),
        "{}",
        stderr(&out)
    );
}
