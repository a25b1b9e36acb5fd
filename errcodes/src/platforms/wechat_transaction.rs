//! WeChat Mini Program transaction component (自定义交易组件): the error codes of its
//! product, order, after-sales, access, audit, upload, coupon and sharing interfaces,
//! 146 rows in 8 groups.
//!
//! Generated from `specs/wechat_transaction.yaml` by `errcodes::platform_errors!`; feature
//! `wechat_transaction`. The messages are the English rendering WeChat publishes.
//!
//! ```
//! use std::time::Duration;
//! use errcodes::prelude::*;
//! use errcodes::platforms::wechat_transaction::WechatTransactionError;
//!
//! // 45009: the daily quota is spent; wait for the reset (or reset it in the console).
//! let error = WechatTransactionError::from_code(45009);
//! assert_eq!(error, WechatTransactionError::DailyQuotaExceeded);
//! assert_eq!(error.retry_class().retry_after(), Some(Duration::from_secs(86_400)));
//!
//! // One row of the table names two codes: both give its variant, which lists them.
//! let error = WechatTransactionError::from_code(990002);
//! assert_eq!(error, WechatTransactionError::from_code(990001));
//! assert_eq!(error, WechatTransactionError::InvalidOpenid);
//! assert_eq!(error.codes(), [990001, 990002]);
//! assert_eq!(error.to_string(), "990001: OPEN ILLEGAL");
//! ```

// What `platform_errors!("specs/wechat_transaction.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/wechat_transaction.rs");
