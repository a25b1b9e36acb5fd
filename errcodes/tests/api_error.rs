//! `ApiError` keeps what the platform sent: `Display` shows the received code and text (not
//! the spec's template), WeChat's `rid` comes back as `request_id()`, a template's fields are
//! read from the received message, a chain printer shows the code once, and all of it reads the same
//! through `dyn PlatformError`.

use std::error::Error;

use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::ApiError;

/// A real WeChat error body, from
/// <https://developers.weixin.qq.com/doc/offiaccount/openApi/get_rid_info.html>.
const WECHAT_QUOTA: &str = r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea"}"#;
const WECHAT_QUOTA_MESSAGE: &str =
    "reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea";
const RID: &str = "617682e0-09059ac5-34a8e2ea";

const SPEC_NO_MESSAGE: &str = "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9";

/// Reads a body that must be an error of `E`.
fn error_of<E: FromResponse>(body: &str) -> ApiError<E> {
    match E::from_response(body) {
        Ok(Some(error)) => error,
        other => panic!("{body}: {other:?}"),
    }
}

fn spec_no_error() -> ApiError<WangdiantongError> {
    let body = serde_json::json!({"status": 100, "message": SPEC_NO_MESSAGE}).to_string();
    error_of(&body)
}

#[test]
fn display_shows_the_received_text_not_the_spec_template() {
    let error = spec_no_error();
    assert_eq!(
        *error.error(),
        WangdiantongError::SpecNoBelongsToDeletedGoods
    );
    assert_eq!(error.to_string(), format!("100: {SPEC_NO_MESSAGE}"));
    let template = error.error().to_string();
    assert!(template.contains("{spec_no}"), "{template}");
    assert_ne!(error.to_string(), template);

    let unknown = ApiError::<WangdiantongError>::new(&Query::new(31337).message("新的错误"));
    assert!(unknown.is_unknown());
    assert_eq!(unknown.to_string(), "31337: 新的错误");
}

#[test]
fn display_falls_back_to_the_spec_message_when_none_was_received() {
    let error = ApiError::<WechatTransactionError>::new(&Query::new(45009).message(" "));
    let spec = WechatTransactionError::DailyQuotaExceeded.message();
    assert_eq!(error.to_string(), format!("45009: {spec}"));
    assert_eq!(error.message(), " ", "the message itself stays as received");
}

#[test]
fn wechat_rid_comes_back_as_the_request_id() {
    let error = error_of::<WechatTransactionError>(WECHAT_QUOTA);
    assert_eq!(*error.error(), WechatTransactionError::DailyQuotaExceeded);
    assert_eq!(error.request_id(), Some(RID));
    assert_eq!(error.code(), 45009);
    assert_eq!(error.message(), WECHAT_QUOTA_MESSAGE);
    assert_eq!(error.to_string(), format!("45009: {WECHAT_QUOTA_MESSAGE}"));
    assert_eq!(error.status(), None);

    // The Mini Shop table does not list 45009: WeChat's global codes, which it includes, do.
    let shop = error_of::<WechatShopError>(WECHAT_QUOTA);
    assert_eq!(shop.name(), "DailyQuotaReached");
    assert_eq!(shop.group(), Some("global"));
    assert_eq!(shop.request_id(), Some(RID));
    assert_eq!(shop.code(), 45009);
}

#[test]
fn template_fields_are_read_from_the_received_message() {
    let error = spec_no_error();
    let fields = error.fields();
    assert_eq!(
        fields.iter().collect::<Vec<_>>(),
        [("spec_no", "A-1"), ("goods_no", "G-9")]
    );
    assert_eq!(
        error.field_names(),
        ["spec_no", "goods_no"],
        "the names the spec gives, in order"
    );
    assert_eq!(fields.get("missing"), None);
    let unfilled = ApiError::<WangdiantongError>::new(&Query::new(100).message("应用错误"));
    assert!(unfilled.fields().is_empty());
}

/// What a chain printer (anyhow's `{:#}`, eyre) shows: each error's `Display`, then its
/// sources'.
fn chain(error: &dyn Error) -> String {
    let mut shown = error.to_string();
    let mut next = error.source();
    while let Some(source) = next {
        shown = format!("{shown}: {source}");
        next = source.source();
    }
    shown
}

#[test]
fn a_chain_printer_shows_the_code_once() {
    let unknown = ApiError::<WechatShopError>::new(&Query::new(987_654).message("new"));
    assert_eq!(chain(&unknown), "987654: new");
    let error = spec_no_error();
    assert_eq!(chain(&error), format!("100: {SPEC_NO_MESSAGE}"));
    assert!(
        error.source().is_none(),
        "the variant is what it is, not its cause"
    );
}

#[test]
fn platform_error_through_dyn_reads_the_received_error() {
    let quota = error_of::<WechatTransactionError>(WECHAT_QUOTA);
    let spec_no = spec_no_error();
    let errors: [(&dyn PlatformError, &dyn PlatformError, &str); 2] = [
        (&quota, quota.error(), WECHAT_QUOTA_MESSAGE),
        (&spec_no, spec_no.error(), SPEC_NO_MESSAGE),
    ];
    for (received, variant, message) in errors {
        // What was received.
        assert_eq!(received.message(), message);
        assert_eq!(
            received.to_string(),
            format!("{}: {message}", received.code())
        );
        // What the spec says about the entry.
        assert_eq!(received.platform(), variant.platform());
        assert_eq!(received.name(), variant.name());
        assert_eq!(received.codes(), variant.codes());
        assert_eq!(received.retry_class(), variant.retry_class());
        assert_eq!(received.hint(), variant.hint());
        assert_eq!(received.group(), variant.group());
        assert_eq!(received.field_names(), variant.field_names());
        assert_eq!(received.is_unknown(), variant.is_unknown());
        assert_eq!(
            variant.request_id(),
            None,
            "a bare variant keeps nothing received"
        );
    }
    assert_eq!(errors[0].0.request_id(), Some(RID));
    assert_eq!(errors[0].0.code(), 45009);
    assert_eq!(errors[1].0.code(), 100);
    assert_ne!(errors[1].0.message(), errors[1].1.message());

    let boxed: Vec<Box<dyn PlatformError>> = vec![Box::new(quota), Box::new(spec_no)];
    let platforms: Vec<&str> = boxed.iter().map(|error| error.platform()).collect();
    assert_eq!(
        platforms,
        [
            WechatTransactionError::PLATFORM,
            WangdiantongError::PLATFORM
        ]
    );
}

#[test]
fn an_api_error_is_small_enough_to_return() {
    // Clippy's `result_large_err` starts at 128 bytes: an SDK returning
    // `Result<T, ApiError<E>>` must not trip it.
    let size = std::mem::size_of::<ApiError<WechatTransactionError>>();
    assert!(size <= 64, "{size} bytes");
}
