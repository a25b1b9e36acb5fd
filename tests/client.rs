//! The `client` example's SDK, against its own mock of the platforms: each scenario makes the
//! decision the platform's error calls for, on the platform's real envelope.

#[path = "../examples/client/mock.rs"]
mod mock;
#[path = "../examples/client/sdk.rs"]
#[allow(dead_code)]
mod sdk;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::retry::{Stop, Success};

fn client() -> (mock::Mock, sdk::Client) {
    let mock = mock::Mock::start(mock::script()).expect("the mock starts");
    let client = sdk::Client::new(&mock.base, "STALE");
    (mock, client)
}

#[test]
fn a_stale_token_is_refreshed_once_on_42001() {
    let (_mock, client) = client();
    let outcome = client.call::<WechatTransactionError>("/shop/spu/add", "{}");
    assert!(
        matches!(outcome.result, Ok(Success::Done(_))),
        "{:?}",
        outcome.attempts
    );
    assert_eq!(outcome.attempts.len(), 3, "{:?}", outcome.attempts);
    assert!(outcome.attempts[0].starts_with("AccessTokenExpired 42001"));
    assert!(outcome.attempts[0].ends_with("-> reauthenticate"));
    assert_eq!(outcome.attempts[1], "refreshing the access token");
    // The fresh token holds: the next call needs no refresh.
    let again = client.call::<WechatTransactionError>("/shop/spu/add", "{}");
    assert_eq!(again.attempts, ["ok"]);
}

#[test]
fn a_rate_limit_waits_what_the_spec_says() {
    let (_mock, client) = client();
    let outcome = client.call::<WangdiantongError>("/openapi/goods.Goods.search", "{}");
    assert!(matches!(outcome.result, Ok(Success::Done(_))));
    assert!(
        outcome.attempts[0].starts_with("RateLimited 100"),
        "{:?}",
        outcome.attempts
    );
    assert!(outcome.attempts[0].ends_with("-> throttled 5m"));
    let waited = outcome.attempts.last().expect("a wait");
    let secs: f64 = waited
        .strip_prefix("waited ")
        .and_then(|rest| rest.split('s').next())
        .and_then(|secs| secs.parse().ok())
        .expect("seconds");
    assert!((300.0..=301.0).contains(&secs), "{waited}");
}

#[test]
fn a_gateway_error_with_an_isp_sub_code_is_retried() {
    let (_mock, client) = client();
    let outcome = client.call::<AliexpressError>("/sync/aliexpress.solution.order.info.get", "{}");
    assert!(
        matches!(outcome.result, Ok(Success::Done(_))),
        "{:?}",
        outcome.attempts
    );
    assert!(outcome.attempts[0].starts_with("IspServerError 15"));
    assert!(outcome.attempts[0].ends_with("-> transient"));
}

#[test]
fn a_proxy_error_page_is_retried_and_an_already_applied_write_is_a_success() {
    let (_mock, client) = client();
    let outcome = client.call::<AliexpressError>("/sync/aliexpress.solution.order.fulfill", "{}");
    assert!(
        outcome.attempts[0].contains("HTTP status 502"),
        "{:?}",
        outcome.attempts
    );
    assert!(outcome.attempts[0].ends_with("-> transient"));
    match outcome.result {
        Ok(Success::AlreadyApplied(errcodes::Error::Api(error))) => {
            assert_eq!(
                *error.error(),
                AliexpressError::ShipmentNoticeAlreadySubmitted
            );
            assert_eq!(error.request_id(), Some("0ba2887315178178017221018"));
        }
        other => panic!("{:?}: {other:?}", outcome.attempts),
    }
}

#[test]
fn a_permanent_error_stops_at_once() {
    let (_mock, client) = client();
    let outcome =
        client.call::<TiktokLocalServicesError>("/v2/localservice/saas/fulfill/redeem_code/", "{}");
    let gave_up = outcome.result.expect_err("a permanent error");
    assert_eq!(gave_up.stop, Stop::Permanent);
    assert_eq!(gave_up.attempts, 1);
    match gave_up.error {
        errcodes::Error::Api(error) => {
            assert_eq!(error.name(), "NoCouponAvailableAtStore");
            assert_eq!(error.request_id(), Some("202406051200000A1B2C3D4E5F"));
        }
        other => panic!("{other:?}"),
    }
}
