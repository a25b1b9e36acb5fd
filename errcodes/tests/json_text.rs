//! `data@json.code`: a path that goes through a string holding JSON text (JD Daojia's
//! `data`, JD JOS's result) reads the rest of the path in the document the text is. Bytes
//! and a `serde_json::Value` read it alike; text that is no JSON, or empty, leads nowhere.

use errcodes::prelude::*;
use errcodes::response::ResponseErrorKind;
use errcodes::Code;
use serde_json::{json, Value};

errcodes::platform_errors!("tests/envelopes/json_text.yaml");

type E = JsonTextError;

/// Read as bytes and as a `Value`, which must agree.
fn read(body: &Value) -> Option<errcodes::ApiError<E>> {
    let text = body.to_string();
    let bytes = E::from_response(&text).expect("read");
    assert_eq!(bytes, E::from_response(body).expect("read"), "{body}");
    bytes
}

/// A body whose `data` is `inner` written as JSON text.
fn wrapped(inner: &Value) -> Value {
    json!({"code": "0", "msg": "操作成功", "data": inner.to_string()})
}

#[test]
fn an_inner_failure_inside_a_platform_success_is_a_second_level_error() {
    let error = read(&wrapped(&json!({"code": "310", "msg": "业务失败"}))).expect("an error");
    assert_eq!(error.level(), 1);
    assert_eq!(*error.error(), E::InnerFailure);
    assert_eq!(error.code(), Code::Int(310));
    let error = read(&wrapped(&json!({"code": "7", "msg": "门店不存在"}))).expect("an error");
    assert_eq!(error.level(), 1);
    assert!(error.is_unknown());
    assert_eq!(error.code().to_string(), "7");
    assert_eq!(error.message(), "门店不存在");
}

#[test]
fn an_inner_success_is_a_success() {
    assert!(read(&wrapped(
        &json!({"code": "0", "msg": "成功", "result": [1]})
    ))
    .is_none());
    assert!(read(&wrapped(&json!({"code": 0}))).is_none());
}

#[test]
fn text_that_is_no_json_or_empty_leads_nowhere() {
    for data in [
        "",
        " ",
        "ok",
        "{\"code\":",
        "{\"code\":\"310\"} x",
        "\"{}\"",
        "[1]",
    ] {
        let body = json!({"code": "0", "msg": "success", "data": data});
        assert!(read(&body).is_none(), "{body}");
    }
    for data in [
        json!(null),
        json!(310),
        json!({"code": "310", "msg": "业务失败"}),
    ] {
        // An object is no text: the path reads strings only.
        let body = json!({"code": "0", "msg": "success", "data": data});
        assert!(read(&body).is_none(), "{body}");
    }
}

#[test]
fn escapes_in_the_text_are_read_before_the_text_is() {
    let body = r#"{"code":"0","msg":"ok","data":"{\"code\":\"\\u0033\\u0031\\u0030\",\"msg\":\"\u4e1a\u52a1\u5931\u8d25\"}"}"#;
    let error = E::from_response(body).expect("read").expect("an error");
    let value: Value = serde_json::from_str(body).expect("JSON");
    assert_eq!(
        Some(&error),
        E::from_response(&value).expect("read").as_ref()
    );
    assert_eq!(*error.error(), E::InnerFailure);
    assert_eq!(error.message(), "业务失败");
}

#[test]
fn a_repeated_inner_key_takes_the_last_and_text_nests() {
    let body = json!({"code": "0", "data": r#"{"code":"0","code":"310","msg":"x"}"#});
    assert_eq!(*read(&body).expect("an error").error(), E::InnerFailure);
    // `*@json.result@json.code`: a key named after the method, whose text holds a result
    // whose own text holds the code.
    let result = json!({"code": "310", "msg": "业务失败"}).to_string();
    let method = json!({"result": result}).to_string();
    let body = json!({"code": "0", "jingdong_order_response": method});
    let error = read(&body).expect("an error");
    assert_eq!(*error.error(), E::InnerFailure);
    assert_eq!(error.level(), 1);
}

#[test]
fn an_inner_message_without_a_code_is_an_error() {
    let error = read(&wrapped(&json!({"msg": "系统繁忙"}))).expect("an error");
    assert_eq!(error.code(), Code::None);
    assert_eq!(error.level(), 1);
}

#[test]
fn the_platform_level_is_read_first() {
    let body = json!({"code": "10014", "msg": "无效Sign签名", "data": r#"{"code":"310"}"#});
    let error = read(&body).expect("an error");
    assert_eq!(error.level(), 0);
    assert_eq!(*error.error(), E::InvalidSign);
    let error = E::from_response("{\"code\":\"0\",\"data\":\"{}\"").expect_err("no JSON");
    assert_eq!(error.kind(), ResponseErrorKind::NotJson);
}

#[cfg(feature = "jd_daojia")]
mod jd_daojia {
    use super::*;
    use errcodes::platforms::jd_daojia::JdDaojiaError as Jd;

    fn read(body: &Value) -> Option<errcodes::ApiError<Jd>> {
        let text = body.to_string();
        let bytes = Jd::from_response(&text).expect("read");
        assert_eq!(bytes, Jd::from_response(body).expect("read"), "{body}");
        bytes
    }

    #[test]
    fn an_inner_failure_is_an_unknown_second_level_error_keeping_code_and_message() {
        let body = wrapped(&json!({"code": "310", "msg": "订单不存在", "result": null}));
        let error = read(&body).expect("an error");
        assert_eq!(error.level(), 1);
        assert!(error.is_unknown());
        assert_eq!(error.code().to_string(), "310");
        assert_eq!(error.message(), "订单不存在");
        assert!(Jd::check_http(200, &body.to_string()).is_err());
    }

    #[test]
    fn the_official_success_example_is_a_success() {
        let body = r#"{"code":"0","msg":"success","data":""}"#;
        assert!(Jd::from_response(body).expect("read").is_none());
        assert!(Jd::from_http(200, body).expect("read").is_none());
        let ok = wrapped(&json!({"code": "0", "msg": "成功", "result": {"orderId": 1}}));
        assert!(read(&ok).is_none());
    }

    #[test]
    fn a_platform_error_is_a_first_level_error() {
        let body = json!({"code": "10014", "msg": "无效Sign签名", "data": ""});
        let error = read(&body).expect("an error");
        assert_eq!(error.level(), 0);
        assert_eq!(*error.error(), Jd::InvalidSign);
    }
}
