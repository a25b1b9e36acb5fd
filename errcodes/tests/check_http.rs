//! One call, one error type for an SDK: `check_http` from a status and a body to
//! `Result<(), errcodes::Error<E>>`, whose retry class is sensible for both the platform's
//! error and an answer that is not the platform's; an unknown code retries as its HTTP
//! status says, with the `Retry-After` the server sent; the record keeps it, and rejects
//! another platform's.

use std::time::Duration;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::wechat_global::WechatGlobalError;
use errcodes::platforms::wechat_transaction::WechatTransactionError as Wechat;
use errcodes::prelude::*;
use errcodes::response::{Http, ResponseError, ResponseErrorKind};
use errcodes::{ApiError, Error};

const UNKNOWN: &str = r#"{"errcode":987654,"errmsg":"new"}"#;
const QUOTA: &str = r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#;

fn api(error: Error<Wechat>) -> ApiError<Wechat> {
    match error {
        Error::Api(error) => error,
        other => panic!("not the platform's error: {other:?}"),
    }
}

#[test]
fn check_http_gives_one_result() {
    assert!(Wechat::check_http(200, r#"{"errcode":0,"errmsg":"ok"}"#).is_ok());
    let error = api(Wechat::check_http(200, QUOTA).expect_err("an error"));
    assert_eq!(*error.error(), Wechat::DailyQuotaExceeded);
    assert!(Wechat::check_response(QUOTA).is_err());

    let page = Wechat::check_http(502, "<html>Bad Gateway</html>").expect_err("no answer");
    let Error::Response(response) = &page else {
        panic!("{page:?}");
    };
    assert_eq!(response.kind(), ResponseErrorKind::NotJson);
    assert_eq!(page.retry_class(), RetryClass::Transient);
    assert_eq!(page.status(), Some(502));
    assert_eq!(page.name(), "Unknown");
    assert!(page.is_unknown());
    assert_eq!(page.platform(), "wechat_transaction");
    assert_eq!(page.code(), errcodes::Code::None);
    assert_eq!(page.message(), "the response is not JSON");
}

#[test]
fn an_unknown_code_retries_as_its_status_says() {
    let by =
        |status: u16| api(Wechat::check_http(status, UNKNOWN).expect_err("error")).retry_class();
    assert_eq!(by(503), RetryClass::Transient);
    assert_eq!(by(500), RetryClass::Transient);
    assert_eq!(by(429), RetryClass::Throttled { wait: None });
    assert_eq!(by(401), RetryClass::Reauthenticate);
    assert_eq!(by(200), Wechat::unknown_retry());
    assert_eq!(by(404), Wechat::unknown_retry());
    let without = ApiError::<Wechat>::new(&Query::new(987_654));
    assert_eq!(without.retry_class(), Wechat::unknown_retry());

    let http = Http::new(429).retry_after_header("120");
    let error = api(Wechat::check_http(http, UNKNOWN).expect_err("error"));
    let wait = Some(Duration::from_secs(120));
    assert_eq!(error.retry_class(), RetryClass::Throttled { wait });
    assert_eq!(error.retry_after(), wait);
    // A 503 that says when to come back is a wait, not a blind retry.
    let http = Http::new(503).retry_after(Duration::from_secs(30));
    let error = api(Wechat::check_http(http, UNKNOWN).expect_err("error"));
    let wait = Some(Duration::from_secs(30));
    assert_eq!(error.retry_class(), RetryClass::Throttled { wait });
}

#[test]
fn a_known_code_keeps_its_class_and_waits_at_least_as_asked() {
    // The spec's class wins over the status: 45009 is a daily quota, not a server error.
    let error = api(Wechat::check_http(503, QUOTA).expect_err("error"));
    assert_eq!(
        error.retry_class(),
        Wechat::DailyQuotaExceeded.retry_class()
    );
    // A longer Retry-After than the spec's wait is the wait.
    let global = WechatGlobalError::from_code(45009);
    let spec_wait = global
        .retry_class()
        .retry_after()
        .expect("a throttled entry");
    let longer = spec_wait + Duration::from_secs(60);
    let http = Http::new(429).retry_after(longer);
    let error = WechatGlobalError::from_http(http, QUOTA)
        .expect("read")
        .expect("error");
    assert_eq!(
        error.retry_class(),
        RetryClass::Throttled { wait: Some(longer) }
    );
    let shorter = Http::new(429).retry_after(Duration::from_secs(1));
    let error = WechatGlobalError::from_http(shorter, QUOTA)
        .expect("read")
        .expect("error");
    assert_eq!(error.retry_class(), global.retry_class());
    // A permanent error stays permanent whatever the header says.
    let body = r#"{"errcode":40013,"errmsg":"invalid appid"}"#;
    let http = Http::new(429).retry_after(Duration::from_secs(5));
    let error = WechatGlobalError::from_http(http, body)
        .expect("read")
        .expect("error");
    assert_eq!(error.retry_class(), RetryClass::Permanent);
}

#[test]
fn no_response_is_an_error_of_the_same_type() {
    let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    let error: Error<Wechat> = ResponseError::no_response(refused).into();
    assert_eq!(error.retry_class(), RetryClass::Transient);
    assert_eq!(error.to_string(), "the request got no response");
    let source = std::error::Error::source(&error).expect("the transport's error");
    assert!(source.downcast_ref::<std::io::Error>().is_some());
}

#[test]
fn a_chain_printer_shows_each_thing_once() {
    let error = Wechat::check_http(502, "<html>").expect_err("not JSON");
    let source = std::error::Error::source(&error).expect("the parser's error");
    assert!(!error.to_string().contains(&source.to_string()), "{error}");
    let error = Wechat::check_http(200, UNKNOWN).expect_err("unknown");
    assert!(std::error::Error::source(&error).is_none());
    assert_eq!(error.to_string(), "987654: new");
}

#[test]
fn the_error_is_what_sdks_need() {
    fn bounds<T: std::error::Error + Send + Sync + 'static>() {}
    bounds::<Error<Wechat>>();
    bounds::<Error<AliexpressError>>();
    // Under clippy's `result_large_err` threshold (128 bytes).
    assert!(std::mem::size_of::<Result<(), Error<Wechat>>>() <= 128);
    let boxed: Box<dyn PlatformError> = Box::new(api(Wechat::check_http(200, QUOTA).unwrap_err()));
    assert!(boxed.retry_class().is_retryable());
}

#[test]
fn the_record_keeps_the_wait_and_rejects_another_platform() {
    let http = Http::new(429).retry_after(Duration::from_secs(90));
    let error = api(Wechat::check_http(http, UNKNOWN).expect_err("error"));
    let json = serde_json::to_string(&error).expect("record");
    assert!(json.contains(r#""retry_after":90"#), "{json}");
    let back: ApiError<Wechat> = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, error);
    assert_eq!(back.retry_class(), error.retry_class());

    let other = serde_json::from_str::<ApiError<AliexpressError>>(&json)
        .expect_err("a record of wechat_transaction is no AliExpress error");
    assert!(other.to_string().contains("wechat_transaction"), "{other}");
}
