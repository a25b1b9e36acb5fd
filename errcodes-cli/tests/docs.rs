//! `errcodes docs`: the checked-in platform reference, `docs/platforms/`, is what the command
//! writes today (editing a spec without regenerating fails here), and each page has every
//! entry with its retry class.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use support::{errcodes, root, scratch_dir, status, stderr, stdout};

/// Every file of a directory: name → contents.
fn files(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, fs::read_to_string(&path).expect("a text file"))
        })
        .collect()
}

/// How many pages `docs/platforms/` holds: one per shipped platform, and the index.
fn checked_in_pages() -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/platforms");
    let pages = fs::read_dir(dir).expect("docs/platforms").count();
    assert!(pages >= 9, "{pages} pages");
    pages
}

/// What `errcodes docs` writes into a fresh directory of this name.
fn written(name: &str) -> BTreeMap<String, String> {
    let dir = scratch_dir(name);
    let out_dir = dir.join("platforms");
    let out = errcodes(&["docs", "--out", out_dir.to_str().expect("a UTF-8 path")]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out).matches("wrote ").count(),
        checked_in_pages(),
        "{}",
        stdout(&out)
    );
    files(&out_dir)
}

fn text(value: &serde_json::Value) -> &str {
    value.as_str().expect("text")
}

#[test]
fn checked_in_platform_docs_are_up_to_date() {
    let checked_in = files(&root().join("docs/platforms"));
    let written = written("cli_docs_fresh");
    let stale: BTreeSet<&String> = written
        .keys()
        .chain(checked_in.keys())
        .filter(|name| written.get(*name) != checked_in.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "docs/platforms/ is stale: {stale:?} differ; run `errcodes docs` (`cargo run -p errcodes-cli -- docs`) in the repository"
    );
}

#[test]
fn a_second_run_leaves_the_files_alone() {
    let dir = scratch_dir("cli_docs_twice");
    let out_dir = dir.to_str().expect("a UTF-8 path");
    assert_eq!(status(&errcodes(&["docs", "--out", out_dir])), 0);
    let again = errcodes(&["docs", "--out", out_dir]);
    assert_eq!(status(&again), 0);
    assert_eq!(
        stdout(&again).matches("unchanged ").count(),
        checked_in_pages(),
        "{}",
        stdout(&again)
    );
}

#[test]
fn each_page_has_every_entry_with_its_retry_class() {
    let files = written("cli_docs_pages");
    let page = |name: &str| files.get(name).unwrap_or_else(|| panic!("{name}"));
    // Row counts from the seed tables (tests/fixtures/seeds/README.md), not from the specs;
    // a page also lists the global codes its spec includes.
    for (platform, rows) in [
        ("wechat_shop", 101),
        ("wechat_transaction", 146),
        ("wangdiantong", 80),
        ("tiktok_local_services", 56),
        ("aliexpress", 14),
        // Not a seed: the rows of its official source (tests/platform_sources.rs).
        ("alipay", 19 + 13),
    ] {
        let listed = errcodes(&["list", platform, "--format", "json"]);
        let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("JSON");
        let classes: BTreeMap<&str, &str> = listed["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|entry| (text(&entry["name"]), text(&entry["retry"]["text"])))
            .collect();
        let text = page(&format!("{platform}.md"));
        let mut seen = Vec::new();
        for line in text.lines().filter(|line| {
            line.starts_with("| `")
                || line.starts_with("| (none")
                || line.starts_with("| (any code)")
        }) {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            let name = cells[1].trim_matches('`');
            let retry = cells[cells.len() - 1].trim();
            assert_eq!(Some(&retry), classes.get(name), "{platform} {name}");
            seen.push(name);
        }
        assert_eq!(seen.len(), classes.len(), "{platform}: a row per entry");
        assert!(seen.len() >= rows, "{platform}: every seed row");
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), classes.len(), "{platform}: each entry once");
    }
    let wangdiantong = page("wangdiantong.md");
    assert!(wangdiantong.contains(
        "| `100` | `RateLimited` | 超过每分钟最大调用频率限制，请稍后重试 | 接口调用频率超限"
    ));
    assert!(wangdiantong.contains("| throttled 5m |\n"));
    assert_eq!(
        page("wechat_shop.md").matches("\n## ").count(),
        7 + 3,
        "the seven groups of its table, and the three of WeChat's global codes"
    );
    assert!(
        page("tiktok_local_services.md").contains("| (none: by message) | `"),
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
        "| [`wechat_transaction`](wechat_transaction.md) | `WechatTransactionError` | 311 |"
    ));
    let alipay = page("alipay.md");
    assert!(
        alipay.contains("| `20001`, sub-code `aop.auth-token-time-out` | `AopAuthTokenTimeOut` |"),
        "a sub-code rule shows with its code"
    );
    assert!(alipay.contains("| `20001` | `InsufficientTokenPermissions` |"));
    assert!(
        page("top_gateway.md").contains("| (any code), sub-code `isp.*` | `IspServerError` |"),
        "a rule of any code"
    );
}
