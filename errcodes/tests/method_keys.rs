//! Keys named after the method called (Alipay's `alipay_trade_query_response`, beside its
//! `sign`; `error_response` for a gateway error): `*.code` reads them, whatever the method,
//! wherever the signature sits, as bytes and as a `Value`.
#![cfg(feature = "alipay")]

use errcodes::platforms::alipay::AlipayError;
use serde_json::Value;

/// Read as bytes and as a `Value`, which must agree.
fn read(body: &str) -> Option<errcodes::ApiError<AlipayError>> {
    let bytes = AlipayError::from_response(body).expect("read");
    let value: Value = serde_json::from_str(body).expect("json");
    assert_eq!(
        AlipayError::from_response(&value).expect("read"),
        bytes,
        "{body}"
    );
    bytes
}

#[test]
fn any_method_key_and_the_signature_on_either_side() {
    for body in [
        r#"{"alipay_trade_query_response":{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536"},"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}"#,
        r#"{"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE","alipay_trade_pay_response":{"code":"10000","msg":"Success"}}"#,
        r#"{"alipay_cert_sn":"50fa7bc5dc305a4fbdbe166689ddc827","alipay_trade_refund_response":{"code":"10000","msg":"Success"},"sign":"x"}"#,
    ] {
        assert!(read(body).is_none(), "{body}");
    }
    for body in [
        r#"{"sign":"x","alipay_user_info_share_response":{"code":"20001","msg":"Insufficient Token Permissions","sub_code":"aop.invalid-auth-token","sub_msg":"无效的访问令牌"}}"#,
        r#"{"error_response":{"code":"20001","msg":"Insufficient Token Permissions","sub_code":"aop.invalid-auth-token","sub_msg":"无效的访问令牌"},"sign":"x"}"#,
    ] {
        let error = read(body).expect("an error");
        assert_eq!(*error.error(), AlipayError::AopInvalidAuthToken, "{body}");
        assert_eq!(error.sub_message(), Some("无效的访问令牌"));
    }
}
