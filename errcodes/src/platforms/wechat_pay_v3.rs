//! WeChat Pay API v3 errors (微信支付 API v3 错误码): the public codes every v3 API can answer,
//! the business codes of the payment APIs and the HTTP status table's examples, 16 rows.
//!
//! Generated from `specs/wechat_pay_v3.yaml` by `errcodes::platform_errors!`; feature
//! `wechat_pay_v3`. The codes are strings (`PARAM_ERROR`). An error comes as a 4xx or 5xx
//! status with `{"code": ..., "message": ..., "detail": {...}}`; a success has no `code`.
//! The envelope is led by the status (`status_led`): read a response with `from_http`, and a
//! 2xx without a code (a 204 without a body too) is a success, while a code the table lacks
//! retries as its status says.
//!
//! ```
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::wechat_pay_v3::WechatPayV3Error;
//!
//! let error = WechatPayV3Error::from_code("SYSTEM_ERROR");
//! assert_eq!(error.retry_class(), RetryClass::Transient);
//! assert_eq!(error.http_status(), Some(500));
//! assert_eq!(WechatPayV3Error::from_code("ORDER_CLOSED").retry_class(), RetryClass::Permanent);
//! ```

// What `platform_errors!("specs/wechat_pay_v3.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/wechat_pay_v3.rs");
