//! `envelope: {levels: [...]}`: a platform that answers on two levels (WeChat Pay API v2:
//! the call's `return_code`, then the business `result_code` and `err_code`). Each level is
//! read where those before it read as a success; an error says which level read it
//! (`ApiError::level()`).

use errcodes::prelude::*;
use errcodes::response::ResponseErrorKind;
use errcodes::Code;
use serde_json::{json, Value};

errcodes::platform_errors!("tests/envelopes/levels.yaml");

type E = LevelsError;

/// Read as bytes and as a `Value`, which must agree.
fn read(status: Option<u16>, body: &Value) -> Option<errcodes::ApiError<E>> {
    let text = body.to_string();
    let (bytes, value) = match status {
        None => (E::from_response(&text), E::from_response(body)),
        Some(status) => (E::from_http(status, &text), E::from_http(status, body)),
    };
    let bytes = bytes.expect("read");
    assert_eq!(bytes, value.expect("read"), "{body}");
    bytes
}

#[test]
fn both_levels_a_success_is_a_success() {
    let body = json!({
        "return_code": "SUCCESS", "return_msg": "OK",
        "result_code": "SUCCESS", "prepay_id": "wx201410272009395522657a690389285100"
    });
    assert!(read(None, &body).is_none());
    assert!(read(Some(200), &body).is_none());
    let error = E::from_http(500, &body).expect_err("status");
    assert_eq!(error.kind(), ResponseErrorKind::Status);
}

#[test]
fn a_call_that_failed_is_a_first_level_error() {
    let error = read(
        Some(200),
        &json!({"return_code": "FAIL", "return_msg": "签名失败"}),
    )
    .expect("an error");
    assert_eq!(error.level(), 0);
    assert_eq!(*error.error(), E::SignatureFailed);
    let error = read(
        None,
        &json!({"return_code": "FAIL", "return_msg": "appid不存在"}),
    )
    .expect("an error");
    assert_eq!((error.level(), error.error()), (0, &E::CallFailed));
}

#[test]
fn a_business_failure_is_a_second_level_error() {
    let body = json!({
        "return_code": "SUCCESS", "return_msg": "OK",
        "result_code": "FAIL", "err_code": "ORDERNOTEXIST", "err_code_des": "此交易订单号不存在"
    });
    let error = read(Some(200), &body).expect("an error");
    assert_eq!(error.level(), 1);
    assert_eq!(*error.error(), E::OrderNotExist);
    assert_eq!(error.message(), "此交易订单号不存在");
    let body = json!({"return_code": "SUCCESS", "result_code": "FAIL", "err_code": "SYSTEMERROR", "err_code_des": "系统错误"});
    let error = read(None, &body).expect("an error");
    assert_eq!(
        (error.level(), error.retry_class()),
        (1, RetryClass::Transient)
    );
    // A failure without an err_code: the result_code is the code.
    let error = read(
        None,
        &json!({"return_code": "SUCCESS", "result_code": "FAIL"}),
    )
    .expect("an error");
    assert_eq!((error.level(), error.code()), (1, Code::Str("FAIL")));
}

#[test]
fn a_level_without_its_code_is_no_answer() {
    for body in [
        json!({"result_code": "SUCCESS"}),
        json!({"return_code": "SUCCESS"}),
    ] {
        let error = E::from_response(&body).expect_err("no code");
        assert_eq!(error.kind(), ResponseErrorKind::NoCode, "{body}");
    }
}

#[test]
fn a_first_level_error_wins_over_the_second() {
    let body = json!({"return_code": "FAIL", "return_msg": "参数格式校验错误", "result_code": "FAIL", "err_code": "SYSTEMERROR"});
    let error = read(Some(200), &body).expect("an error");
    assert_eq!((error.level(), error.error()), (0, &E::ParameterFormat));
}
