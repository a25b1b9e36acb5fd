//! Real responses, as the platforms send them (`tests/fixtures/responses/<platform>.jsonl`,
//! one body per line with its source): each reads as success, or as the variant and retry
//! class the line expects, through the shipped envelope. A line expects `Unknown` only for
//! a code no transcribed table lists, and says why in its note.

use std::path::Path;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::alipay::AlipayError;
use errcodes::platforms::amazon_sp_api::AmazonSpApiError;
use errcodes::platforms::jd_daojia::JdDaojiaError;
use errcodes::platforms::lazada::LazadaError;
use errcodes::platforms::shopee::ShopeeError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::tiktok_shop::TiktokShopError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_channels_store::WechatChannelsStoreError;
use errcodes::platforms::wechat_global::WechatGlobalError;
use errcodes::platforms::wechat_pay_v3::WechatPayV3Error;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use serde_json::Value;

/// One line of the corpus.
struct Line {
    number: usize,
    status: Option<u16>,
    body: String,
    /// `None`: a success.
    expect: Option<Value>,
    xml: bool,
}

fn lines(platform: &str) -> Vec<Line> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/responses/{platform}.jsonl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{platform}.jsonl:{}: {e}", i + 1));
            assert!(
                value["source"].as_str().is_some_and(|s| !s.is_empty()),
                "{platform}.jsonl:{}: every line cites its source",
                i + 1
            );
            Line {
                number: i + 1,
                status: value["status"].as_u64().and_then(|s| u16::try_from(s).ok()),
                body: value["body"].as_str().expect("a body").to_owned(),
                expect: (value["expect"] != "success").then(|| value["expect"].clone()),
                xml: value["format"] == "xml",
            }
        })
        .collect()
}

/// Every line of `platform`'s corpus against `E`: the problems, one per line.
fn check<E: FromResponse>(platform: &str) -> usize {
    let lines = lines(platform);
    let mut problems = Vec::new();
    for line in &lines {
        let at = format!("{platform}.jsonl:{}", line.number);
        let read = match line.status {
            Some(status) => E::from_http(status, &line.body),
            None => E::from_response(&line.body),
        };
        match (&line.expect, read) {
            (_, Err(error)) if line.xml => {
                assert_eq!(error.kind(), errcodes::response::ResponseErrorKind::NotJson);
            }
            (None, Ok(None)) => {}
            (Some(expect), Ok(Some(error))) => {
                if let Some(problem) = mismatch(expect, &error) {
                    problems.push(format!("{at}: {problem}"));
                }
            }
            (expect, read) => problems.push(format!("{at}: expected {expect:?}, read {read:?}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    lines.len()
}

/// How an error differs from what its line expects.
fn mismatch<E: Catalog>(expect: &Value, error: &errcodes::ApiError<E>) -> Option<String> {
    let code = match &expect["code"] {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        other => return Some(format!("bad expected code {other}")),
    };
    let wanted = expect["variant"].as_str();
    let retry = error.retry_class().to_string();
    let class = retry.split(' ').next().unwrap_or_default();
    if error.code().to_string() != code {
        Some(format!("code {} is not {code}", error.code()))
    } else if wanted != Some(error.name()) {
        Some(format!("{} is not {wanted:?}", error.name()))
    } else if expect["retry"].as_str() != Some(class) {
        Some(format!("retry {retry} is not {}", expect["retry"]))
    } else if expect["request_id"]
        .as_str()
        .is_some_and(|id| error.request_id() != Some(id))
    {
        Some(format!(
            "request id {:?} is not {}",
            error.request_id(),
            expect["request_id"]
        ))
    } else {
        None
    }
}

#[test]
fn wechat_shop_responses() {
    assert!(check::<WechatShopError>("wechat_shop") >= 8);
}

#[test]
fn wechat_transaction_responses() {
    assert!(check::<WechatTransactionError>("wechat_transaction") >= 8);
}

#[test]
fn wangdiantong_responses() {
    assert!(check::<WangdiantongError>("wangdiantong") >= 8);
}

#[test]
fn aliexpress_responses() {
    assert!(check::<AliexpressError>("aliexpress") >= 8);
}

#[test]
fn alipay_responses() {
    assert!(check::<AlipayError>("alipay") >= 10);
}

#[test]
fn tiktok_local_services_responses() {
    assert!(check::<TiktokLocalServicesError>("tiktok_local_services") >= 2);
}

#[test]
fn wechat_global_responses() {
    assert!(check::<WechatGlobalError>("wechat_global") >= 6);
}

#[test]
fn wechat_pay_v3_responses() {
    assert!(check::<WechatPayV3Error>("wechat_pay_v3") >= 6);
}

#[test]
fn wechat_channels_store_responses() {
    assert!(check::<WechatChannelsStoreError>("wechat_channels_store") >= 3);
}

#[test]
fn tiktok_shop_responses() {
    assert!(check::<TiktokShopError>("tiktok_shop") >= 7);
}

#[test]
fn shopee_responses() {
    assert!(check::<ShopeeError>("shopee") >= 7);
}

#[test]
fn lazada_responses() {
    assert!(check::<LazadaError>("lazada") >= 4);
}

#[test]
fn amazon_sp_api_responses() {
    assert!(check::<AmazonSpApiError>("amazon_sp_api") >= 6);
}

#[test]
fn jd_daojia_responses() {
    assert!(check::<JdDaojiaError>("jd_daojia") >= 1);
}
