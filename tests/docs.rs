//! The checked-in platform reference, `docs/platforms/`, is what `cargo run --example
//! gen_docs` writes today: editing a spec without regenerating fails here.

use errcodes::Catalog;
use std::path::Path;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::PlatformError;
use errcodes_workspace::docs;

/// Each entry's name and retry class as the enum gives them.
fn classes<E: PlatformError>(all: &[E]) -> Vec<(&'static str, String)> {
    all.iter()
        .map(|error| (error.name(), error.retry_class().to_string()))
        .collect()
}

#[test]
fn checked_in_platform_docs_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(docs::DIR);
    let mut stale = Vec::new();
    for (name, expected) in docs::files() {
        let actual = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        if actual != expected {
            stale.push(name);
        }
    }
    let mut extra: Vec<String> = std::fs::read_dir(&dir)
        .expect("docs/platforms/ exists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !docs::files().iter().any(|(file, _)| file == name))
        .collect();
    extra.sort();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "docs/platforms/ is stale: {stale:?} differ, {extra:?} are no platform's; run `cargo run --example gen_docs`"
    );
}

#[test]
fn each_page_has_every_entry_with_its_retry_class() {
    let files = docs::files();
    let page = |name: &str| {
        &files
            .iter()
            .find(|(file, _)| file == name)
            .unwrap_or_else(|| panic!("{name}"))
            .1
    };
    // Row counts from the seed tables (tests/fixtures/seeds/README.md), not from the specs.
    let platforms = [
        ("wechat_shop", 101, classes(WechatShopError::ALL)),
        (
            "wechat_transaction",
            146,
            classes(WechatTransactionError::ALL),
        ),
        ("wangdiantong", 80, classes(WangdiantongError::ALL)),
        (
            "tiktok_local_services",
            56,
            classes(TiktokLocalServicesError::ALL),
        ),
        ("aliexpress", 14, classes(AliexpressError::ALL)),
    ];
    for (platform, rows, entries) in platforms {
        let text = page(&format!("{platform}.md"));
        let mut seen = Vec::new();
        for line in text
            .lines()
            .filter(|line| line.starts_with("| `") || line.starts_with("| (none"))
        {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            let name = cells[1].trim_matches('`');
            let retry = cells[cells.len() - 1].trim();
            let (_, class) = entries
                .iter()
                .find(|(known, _)| *known == name)
                .unwrap_or_else(|| panic!("{platform}: no entry {name}"));
            assert_eq!(retry, class, "{platform} {name}");
            seen.push(name);
        }
        assert_eq!(seen.len(), rows, "{platform}: a row per seed row");
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), rows, "{platform}: each entry once");
    }
    let wangdiantong = page("wangdiantong.md");
    assert!(wangdiantong.contains(
        "| `100` | `RateLimited` | 超过每分钟最大调用频率限制，请稍后重试 | 接口调用频率超限"
    ));
    assert!(wangdiantong.contains("| throttled 5m |\n"));
    let shop = page("wechat_shop.md");
    assert_eq!(shop.matches("\n## ").count(), 7, "seven groups");
    let tiktok = page("tiktok_local_services.md");
    assert!(
        tiktok.contains("| (none: by message) | `"),
        "the code-less row"
    );
    let aliexpress = page("aliexpress.md");
    assert!(aliexpress.contains("| `F00-00-10013-002` | `OrderFulfillSystemError` |"));
    assert!(
        aliexpress.contains("fulfillment.<br><br>The request may be retried later."),
        "paragraphs stay in their cell"
    );
    assert!(
        page("wechat_transaction.md").contains("| `990001`, `990002` | `"),
        "an entry with two codes lists both"
    );
    assert!(page("README.md").contains(
        "| [`wechat_transaction`](wechat_transaction.md) | `WechatTransactionError` | 146 |"
    ));
}
