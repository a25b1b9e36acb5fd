//! The bodies `from_response` is measured on: real ones, and successes with a payload. The
//! criterion benchmark (`benches/from_response.rs`) and the instruction count
//! (`examples/read_loop.rs`) read the same.

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

/// A body to read: its name, the body, and how it is read (whether it reads as expected).
pub struct Case {
    pub name: &'static str,
    pub body: String,
    pub read: fn(&[u8]) -> bool,
}

fn error<E: FromResponse>(body: &[u8]) -> bool {
    matches!(E::from_response(body), Ok(Some(_)))
}

fn success<E: FromResponse>(body: &[u8]) -> bool {
    matches!(E::from_response(body), Ok(None))
}

/// Every body measured.
#[must_use]
pub fn cases() -> Vec<Case> {
    let case = |name, body: &str, read| Case {
        name,
        body: body.to_owned(),
        read,
    };
    vec![
        case(
            "wechat_error",
            r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea"}"#,
            error::<WechatTransactionError>,
        ),
        case(
            "wechat_success_2kb",
            &payload(12),
            success::<WechatTransactionError>,
        ),
        case(
            "wechat_success_64kb",
            &payload(400),
            success::<WechatTransactionError>,
        ),
        case(
            "wangdiantong_template",
            r#"{"status":100,"message":"商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"}"#,
            error::<WangdiantongError>,
        ),
        case(
            "tiktok_error",
            r#"{"data":{"code_list":[]},"error":{"code":"-3000109","message":"FulfillRedeemQRCodeExpired","log_id":"20240101120000ABCDEF"}}"#,
            error::<TiktokLocalServicesError>,
        ),
        case(
            "top_gateway_sub_code",
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout","sub_msg":"timed out","request_id":"0ba2887315178178017221016"}}"#,
            error::<AliexpressError>,
        ),
    ]
}

/// The baseline: parsing the body into a `serde_json::Value`, which only parses.
#[must_use]
pub fn parse_value(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok()
}
