//! AliExpress open platform, solution order fulfilment: the errors of filling in a
//! shipment notice (`aliexpress.solution.order.fulfill`), 14 rows.
//!
//! Generated from `specs/aliexpress.yaml` by `errcodes::platform_errors!`; feature
//! `aliexpress`. Code -999 carries 7 messages: use `classify`. One code is a string,
//! `F00-00-10013-002`: `from_code` and `classify` take it as text, as does
//! `str::parse`.
//!
//! ```
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::aliexpress::AliexpressError;
//!
//! // The shipment notice is already filled in: a retried fulfil has had its effect.
//! let error = AliexpressError::classify(-999, "该交易订单已填写发货通知,无需重复操作。");
//! assert_eq!(error, AliexpressError::ShipmentNoticeAlreadySubmitted);
//! assert_eq!(error.retry_class(), RetryClass::AlreadyApplied);
//!
//! let error: AliexpressError = "F00-00-10013-002".parse().unwrap();
//! assert_eq!(error, AliexpressError::OrderFulfillSystemError);
//! assert!(error.retry_class().is_retryable());
//! ```

// What `platform_errors!("specs/aliexpress.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/aliexpress.rs");
