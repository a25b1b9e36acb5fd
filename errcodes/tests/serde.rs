//! Generated enums with errcodes' `serde` and `json` features: they travel as their code, and
//! `from_response` reads each platform's real response envelope.

use errcodes::prelude::*;

use errcodes::ApiError;
use serde_json::json;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;

#[test]
fn enums_serialize_as_their_code() {
    let quota = WechatTransactionError::from_code(45009);
    assert_eq!(serde_json::to_string(&quota).unwrap(), "45009");
    let string = AliexpressError::from_code("F00-00-10013-002");
    assert_eq!(
        serde_json::to_value(&string).unwrap(),
        json!("F00-00-10013-002")
    );
    let two_codes = WechatTransactionError::from_code(990_002);
    assert_eq!(serde_json::to_value(&two_codes).unwrap(), json!(990_001));
    assert_eq!(
        serde_json::to_value(WangdiantongError::from_code(-77)).unwrap(),
        json!(-77)
    );
}

#[test]
fn enums_deserialize_from_integers_and_strings() {
    let from_int: WechatTransactionError = serde_json::from_str("45009").unwrap();
    assert_eq!(from_int, WechatTransactionError::DailyQuotaExceeded);
    let from_numeric_text: WechatTransactionError = serde_json::from_str("\"45009\"").unwrap();
    assert_eq!(
        from_numeric_text,
        WechatTransactionError::DailyQuotaExceeded
    );
    let from_string: AliexpressError = serde_json::from_str("\"F00-00-10013-002\"").unwrap();
    assert_eq!(from_string, AliexpressError::OrderFulfillSystemError);
    // A code with several entries deserializes to its fallback, as from_code does.
    let fallback: WangdiantongError = serde_json::from_value(json!(100)).unwrap();
    assert_eq!(fallback, WangdiantongError::from_code(100));
    let error = serde_json::from_str::<WangdiantongError>("true").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("an error code: an integer or a string"),
        "{error}"
    );
}

#[test]
fn unknown_codes_survive_a_round_trip() {
    for text in ["31337", "\"X-404\"", "-1", "18446744073709551615"] {
        let error: WangdiantongError = serde_json::from_str(text).unwrap();
        assert!(error.is_unknown(), "{text}");
        let back = serde_json::to_string(&error).unwrap();
        let again: WangdiantongError = serde_json::from_str(&back).unwrap();
        assert_eq!(again, error, "{text}");
        assert_eq!(again.code().to_string(), error.code().to_string());
    }
    let error: WangdiantongError = serde_json::from_str("\"X-404\"").unwrap();
    assert_eq!(serde_json::to_string(&error).unwrap(), "\"X-404\"");
    // Beyond i64 the code is kept as text.
    let huge: WangdiantongError = serde_json::from_str("18446744073709551615").unwrap();
    assert_eq!(huge.code().to_string(), "18446744073709551615");
}

#[test]
fn a_struct_field_holds_the_enum() {
    #[derive(serde::Deserialize)]
    struct Reply {
        errcode: WechatTransactionError,
    }
    let reply: Reply = serde_json::from_str(r#"{"errcode": "47001"}"#).unwrap();
    assert_eq!(reply.errcode, WechatTransactionError::NonJsonRequest);
}

#[test]
fn wechat_responses_are_classified_and_stripped_of_noise() {
    let body = br#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6565d0a2-4b7c6f1e-2a9e4f3d"}"#;
    let error = WechatTransactionError::from_response(body).unwrap();
    assert_eq!(
        error.map(ApiError::into_error),
        Some(WechatTransactionError::DailyQuotaExceeded)
    );
    // Success: errcode 0, or no errcode at all.
    let ok = WechatTransactionError::from_response(&json!({"errcode": 0, "errmsg": "ok"}));
    assert_eq!(ok.unwrap(), None);
    let ok = WechatTransactionError::from_response(
        r#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#,
    );
    assert_eq!(ok.unwrap(), None);
    // 100003 means two things in the Mini Shop table: the message, minus WeChat's noise, decides.
    let body = json!({"errcode": 100003, "errmsg": "Categories already exist hint: [Ab12cD34] rid: 64a1b2c3-0f0e0d0c-1a2b3c4d"});
    let error = WechatShopError::from_response(&body).unwrap().unwrap();
    assert_eq!(error.group(), Some("item"), "{error:?}");
    let without_noise = WechatShopError::classify(100003, "Categories already exist");
    assert_eq!(*error.error(), without_noise);
}

#[test]
fn wangdiantong_responses_are_classified_by_message() {
    let body = r#"{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}"#;
    let error = WangdiantongError::from_response(body).unwrap().unwrap();
    assert_eq!(*error.error(), WangdiantongError::RateLimited);
    assert_eq!(
        WangdiantongError::from_response(r#"{"status":0,"message":"","data":[]}"#).unwrap(),
        None
    );
    let unknown = WangdiantongError::from_response(r#"{"status":"4242","message":"new"}"#)
        .unwrap()
        .unwrap();
    assert!(unknown.is_unknown());
    assert_eq!(unknown.code(), 4242);
}

#[test]
fn tiktok_responses_nest_the_error() {
    let body = json!({
        "data": {"code_list": []},
        "error": {"code": "-3000109", "message": "FulfillRedeemQRCodeExpired", "log_id": "20240101"}
    });
    let error = TiktokLocalServicesError::from_response(&body)
        .unwrap()
        .unwrap();
    assert_eq!(error.code(), -3_000_109);
    assert!(!error.is_unknown());
    let ok = json!({"data": {}, "error": {"code": "ok", "message": "", "log_id": "1"}});
    assert_eq!(TiktokLocalServicesError::from_response(&ok).unwrap(), None);
}

#[test]
fn aliexpress_responses_under_any_method_name_and_gateway_errors() {
    let body = json!({"aliexpress_solution_order_fulfill_response": {
        "result": {"result_success": false, "result_error_code": "-999",
                   "result_error_desc": "该交易订单已填写发货通知,无需重复操作。"},
        "request_id": "0ba2887315178178017221014"}});
    let error = AliexpressError::from_response(&body).unwrap().unwrap();
    assert_eq!(
        *error.error(),
        AliexpressError::ShipmentNoticeAlreadySubmitted
    );
    assert_eq!(error.retry_class(), errcodes::RetryClass::AlreadyApplied);
    let success = json!({"aliexpress_solution_order_fulfill_response": {
        "result": {"result_success": true}, "request_id": "1"}});
    assert_eq!(AliexpressError::from_response(&success).unwrap(), None);
    // A gateway error is no success: the TOP gateway's table, which the spec includes,
    // knows its code, and its `isv.` sub-code is the caller's to fix.
    let gateway = json!({"error_response": {"code": 15, "msg": "Remote service error",
        "sub_code": "isv.invalid-parameter", "sub_msg": "非法参数"}});
    let error = AliexpressError::from_response(&gateway).unwrap().unwrap();
    assert_eq!(error.name(), "RemoteServiceError");
    assert_eq!(error.code(), 15);
    assert_eq!(error.sub_code(), Some("isv.invalid-parameter"));
    assert_eq!(error.sub_message(), Some("非法参数"));
    assert_eq!(error.retry_class(), errcodes::RetryClass::Permanent);
    // An `isp.` sub-code is server-side: retry later.
    let server = json!({"error_response": {"code": 15, "msg": "Remote service error",
        "sub_code": "isp.top-remote-connection-timeout"}});
    let error = AliexpressError::from_response(&server).unwrap().unwrap();
    assert_eq!(error.name(), "IspServerError");
    assert_eq!(error.retry_class(), errcodes::RetryClass::Transient);
}

#[test]
fn malformed_responses_are_errors_not_successes() {
    use errcodes::response::ResponseErrorKind;
    let not_json = WangdiantongError::from_response("<html>502 Bad Gateway</html>");
    assert!(
        matches!(&not_json, Err(error) if error.kind() == ResponseErrorKind::NotJson),
        "{not_json:?}"
    );
    let not_object = WangdiantongError::from_response("[1, 2]");
    assert!(matches!(&not_object, Err(error) if error.kind() == ResponseErrorKind::NotAnObject));
    let bad_code = WangdiantongError::from_response(&json!({"status": {"n": 1}}));
    let error = bad_code.unwrap_err();
    assert_eq!(
        error.to_string(),
        "the response's code at `status` is an object, not an integer or a string"
    );
    let bad_message = WangdiantongError::from_response(&json!({"status": 1, "message": [1]}));
    let error = bad_message.unwrap_err();
    assert_eq!(error.kind(), ResponseErrorKind::MessageType);
    assert_eq!(error.path(), Some("message"));
}
