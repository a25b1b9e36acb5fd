//! `from_response` (a typed read of the paths an envelope names, then the lookup) against
//! `serde_json::from_slice::<serde_json::Value>` of the same bodies: reading and
//! classifying a response should cost less than parsing it alone into a `Value`.
//!
//! `cargo bench -p errcodes-bench --bench from_response`; `BENCHMARKS.md` has the numbers.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;

/// A success with a payload, as the platforms answer most calls: the envelope's keys sit
/// among data the reader skips.
fn payload(items: usize) -> String {
    let items: Vec<String> = (0..items)
        .map(|i| {
            format!(
                r#"{{"sku_id":{i},"out_sku_id":"SKU-{i}","title":"商品标题 {i}","price":{},"stock":{},"attrs":[{{"key":"颜色","value":"红"}},{{"key":"尺码","value":"XL"}}]}}"#,
                1000 + i,
                i % 7
            )
        })
        .collect();
    format!(
        r#"{{"errcode":0,"errmsg":"ok","data":{{"skus":[{}]}}}}"#,
        items.join(",")
    )
}

/// A body's name, the body, and how it is read (whether it reads as expected).
type Case = (&'static str, String, fn(&[u8]) -> bool);

fn bodies() -> Vec<Case> {
    fn read<E: Catalog>(body: &[u8]) -> bool {
        matches!(E::from_response(body), Ok(Some(_)))
    }
    vec![
        (
            "wechat_error",
            r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea"}"#.to_owned(),
            read::<WechatTransactionError>,
        ),
        ("wechat_success_2kb", payload(12), |body| {
            matches!(WechatTransactionError::from_response(body), Ok(None))
        }),
        ("wechat_success_64kb", payload(400), |body| {
            matches!(WechatTransactionError::from_response(body), Ok(None))
        }),
        (
            "wangdiantong_template",
            r#"{"status":100,"message":"商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"}"#.to_owned(),
            read::<WangdiantongError>,
        ),
        (
            "tiktok_error",
            r#"{"data":{"code_list":[]},"error":{"code":"-3000109","message":"FulfillRedeemQRCodeExpired","log_id":"20240101120000ABCDEF"}}"#.to_owned(),
            read::<TiktokLocalServicesError>,
        ),
        (
            "top_gateway_sub_code",
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout","sub_msg":"timed out","request_id":"0ba2887315178178017221016"}}"#.to_owned(),
            read::<AliexpressError>,
        ),
    ]
}

fn from_response(c: &mut Criterion) {
    for (name, body, read) in bodies() {
        let bytes = body.as_bytes();
        assert!(read(bytes), "{name} reads as expected");
        let mut group = c.benchmark_group(format!("from_response/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("errcodes", |b| b.iter(|| read(black_box(bytes))));
        group.bench_function("serde_json_value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).is_ok())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = from_response
}
criterion_main!(benches);
