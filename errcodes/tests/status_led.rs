//! `status_led: true`: the HTTP status leads (WeChat Pay API v3). A 2xx without a code is a
//! success whatever its body says, a 204's empty body too; a 4xx or 5xx is the error its body
//! describes; a 2xx with a code is an error all the same (202 `USERPAYING`).

use errcodes::prelude::*;
use errcodes::response::ResponseErrorKind;
use errcodes::Code;
use serde_json::json;

errcodes::platform_errors!("tests/envelopes/status_led.yaml");

type E = StatusLedError;

/// The error example of the API v3 rules page (错误信息, `wechatpay2_0.shtml`).
const PARAM_ERROR: &str = r#"{
  "code": "PARAM_ERROR",
  "message": "参数错误",
  "detail": {
    "field": "/amount/currency",
    "value": "XYZ",
    "issue": "Currency code is invalid",
    "location" :"body"
  }
}"#;

#[test]
fn a_2xx_without_a_code_is_a_success_whatever_its_body_says() {
    for body in [
        r#"{"prepay_id": "wx201410272009395522657a690389285100"}"#,
        r#"{"message": "a field of the resource, not an error"}"#,
        r#"{"code_url": "weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}"#,
        "",
        " \n",
        "[]",
        r#"[{"id": 1}]"#,
        "\"text\"",
    ] {
        for status in [200, 204] {
            let read = E::from_http(status, body);
            assert!(matches!(read, Ok(None)), "{status} {body:?}: {read:?}");
        }
        let value: Option<serde_json::Value> = serde_json::from_str(body).ok();
        if let Some(value) = value {
            assert!(matches!(E::from_http(200, &value), Ok(None)), "{body:?}");
        }
    }
}

#[test]
fn an_error_status_with_a_body_is_the_error_it_describes() {
    let error = E::from_http(400, PARAM_ERROR)
        .expect("read")
        .expect("an error");
    assert_eq!(*error.error(), E::ParamError);
    assert_eq!(error.code(), "PARAM_ERROR");
    assert_eq!(error.message(), "参数错误");
    assert_eq!(error.status(), Some(400));
    let error = E::from_http(500, r#"{"code":"SYSTEM_ERROR","message":"系统错误"}"#)
        .expect("read")
        .expect("an error");
    assert_eq!(*error.error(), E::SystemError);
    assert_eq!(error.retry_class(), RetryClass::Transient);
    // A code the spec does not know retries as the status says.
    let error = E::from_http(429, r#"{"code":"FREQUENCY_LIMITED","message":"频率超限"}"#)
        .expect("read")
        .expect("an error");
    assert!(error.error().is_unknown());
    assert!(matches!(error.retry_class(), RetryClass::Throttled { .. }));
    // A message without a code is an error too, of no code.
    let error = E::from_http(403, r#"{"message":"forbidden"}"#)
        .expect("read")
        .expect("an error");
    assert_eq!(error.code(), Code::None);
}

#[test]
fn a_2xx_with_a_code_is_an_error() {
    let error = E::from_http(
        202,
        r#"{"code":"USERPAYING","message":"用户支付中，需要输入密码"}"#,
    )
    .expect("read")
    .expect("an error");
    assert_eq!(*error.error(), E::UserPaying);
    assert_eq!(error.retry_class(), RetryClass::Transient);
}

#[test]
fn an_error_status_without_an_error_in_its_body_is_never_a_success() {
    for body in [
        "",
        "{}",
        r#"{"code": null}"#,
        r#"{"prepay_id": "wx2014"}"#,
        "[]",
    ] {
        for status in [400, 404, 500, 502] {
            let error = E::from_http(status, body).expect_err(body);
            let kind = if body == "[]" {
                ResponseErrorKind::NotAnObject
            } else {
                ResponseErrorKind::Status
            };
            assert_eq!(error.kind(), kind, "{status} {body:?}");
        }
    }
    let error = E::from_http(502, "<html>Bad Gateway</html>").expect_err("not json");
    assert_eq!(error.kind(), ResponseErrorKind::NotJson);
    assert_eq!(error.retry_class(), RetryClass::Transient);
}

#[test]
fn a_2xx_body_that_is_not_json_is_no_answer() {
    let error = E::from_http(200, "<html>portal</html>").expect_err("not json");
    assert_eq!(error.kind(), ResponseErrorKind::NotJson);
}

#[test]
fn without_a_status_the_body_alone_says() {
    let error = E::from_response(PARAM_ERROR)
        .expect("read")
        .expect("an error");
    assert_eq!(*error.error(), E::ParamError);
    assert!(matches!(
        E::from_response(r#"{"prepay_id":"wx2014"}"#),
        Ok(None)
    ));
    assert!(matches!(
        E::from_response(&json!({"prepay_id": "wx2014"})),
        Ok(None)
    ));
    assert!(matches!(E::from_response(""), Ok(None)));
    // Without a status nothing says a list is a success.
    let error = E::from_response("[]").expect_err("no object");
    assert_eq!(error.kind(), ResponseErrorKind::NotAnObject);
    // Nor that a message without a code is one.
    let error = E::from_response(r#"{"message":"系统错误"}"#)
        .expect("read")
        .expect("an error");
    assert_eq!(error.code(), Code::None);
}

#[test]
fn check_http_gives_one_result() {
    assert!(E::check_http(204, "").is_ok());
    let error = E::check_http(400, PARAM_ERROR).expect_err("an error");
    assert_eq!(error.error(), Some(&E::ParamError));
}
