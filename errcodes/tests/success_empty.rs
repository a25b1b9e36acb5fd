//! `success_empty: true`: a code that is empty text is no code (Shopee's `"error": ""` on a
//! success), so the key's presence is no failure; a `null` code is still never a success.

use errcodes::response::ResponseErrorKind;
use errcodes::Code;
use serde_json::json;

errcodes::platform_errors!("tests/envelopes/success_empty.yaml");

type E = SuccessEmptyError;

#[test]
fn an_empty_code_is_a_success() {
    for body in [
        r#"{"error":"","message":"","request_id":"b9a1","response":{"item_id":1}}"#,
        r#"{"error":"  ","message":"","response":{}}"#,
        r#"{"error":"","response":{}}"#,
    ] {
        assert!(matches!(E::from_response(body), Ok(None)), "{body}");
        assert!(matches!(E::from_http(200, body), Ok(None)), "{body}");
        let value: serde_json::Value = serde_json::from_str(body).expect("json");
        assert!(matches!(E::from_response(&value), Ok(None)), "{body}");
    }
}

#[test]
fn a_code_that_is_text_is_the_error() {
    let body = r#"{"error":"error_param","message":"Wrong parameters, detail: item_id is required.","request_id":"b9a1"}"#;
    let error = E::from_response(body).expect("read").expect("an error");
    assert_eq!(*error.error(), E::ErrorParam);
    assert_eq!(error.request_id(), Some("b9a1"));
}

#[test]
fn an_empty_code_with_an_error_message_is_an_error() {
    let error = E::from_response(&json!({"error": "", "message": "Invalid access_token."}))
        .expect("read")
        .expect("an error");
    assert_eq!(error.code(), Code::None);
    assert_eq!(error.message(), "Invalid access_token.");
}

#[test]
fn an_absent_or_null_code_is_still_no_success() {
    for body in [r#"{"response":{}}"#, r#"{"error":null,"message":""}"#] {
        let error = E::from_response(body).expect_err(body);
        assert_eq!(error.kind(), ResponseErrorKind::NoCode, "{body}");
    }
}

#[test]
fn an_empty_code_with_an_error_status_is_no_success() {
    let error = E::from_http(500, r#"{"error":"","message":""}"#).expect_err("status");
    assert_eq!(error.kind(), ResponseErrorKind::Status);
}
