//! The Alipay open platform's gateway errors (API 公共错误码): codes 20000, 20001 and
//! 40001, each with the sub-codes that say what failed; and the `ACQ.*` sub-codes of the
//! Face-to-Face Payment business error table, which choose their entry whatever the code
//! (Alipay sends them with 40004).
//!
//! Generated from `specs/alipay.yaml` by `errcodes::platform_errors!`; feature `alipay`,
//! not on by default. Alipay answers `{"alipay_trade_query_response": {"code", "msg",
//! "sub_code", "sub_msg"}, "sign": "..."}`, the object named after the method called; a
//! success is code `10000`. The sub-code chooses the entry; a code or sub-code the stored
//! official tables do not list (40004 without a listed sub-code, `ACQ.TRADE_NOT_EXIST`) is
//! `Unknown`, with both kept.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::alipay::AlipayError;
//!
//! let body = r#"{"alipay_trade_query_response":{"code":"20001","msg":"Insufficient Token Permissions",
//!     "sub_code":"aop.auth-token-time-out","sub_msg":"访问令牌已过期"},"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}"#;
//! let error = AlipayError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), AlipayError::AopAuthTokenTimeOut);
//! assert_eq!(error.retry_class(), RetryClass::Reauthenticate);
//! assert_eq!(error.sub_code(), Some("aop.auth-token-time-out"));
//!
//! let body = r#"{"alipay_trade_pay_response":{"code":"40004","msg":"Business Failed",
//!     "sub_code":"ACQ.TRADE_HAS_SUCCESS","sub_msg":"交易已被支付"},"sign":"x"}"#;
//! let error = AlipayError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), AlipayError::AcqTradeHasSuccess);
//! assert_eq!(error.retry_class(), RetryClass::AlreadyApplied);
//!
//! let success = r#"{"alipay_trade_query_response":{"code":"10000","msg":"Success"},"sign":"x"}"#;
//! assert!(AlipayError::from_response(success)?.is_none());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/alipay.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/alipay.rs");
