//! Lazada Open Platform errors: the authorization errors of the System API pages, the invalid
//! access token and the API-level QPS limit as the API pages list them, and one product API's
//! table, 13 entries.
//!
//! Generated from `specs/lazada.yaml` by `errcodes::platform_errors!`; feature `lazada`, not
//! on by default. Lazada answers `{"code": "0", "data": {...}, "request_id": ...}` on a
//! success and `{"type": "ISV", "code": "IllegalAccessToken", "message": ..., "request_id":
//! ...}` on an error, both with HTTP 200.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use std::time::Duration;
//!
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::lazada::LazadaError;
//!
//! let body = r#"{"type":"ISV","code":"IllegalAccessToken","message":"The specified access token is invalid or expired","request_id":"0b8fda7c15382754292091841"}"#;
//! let error = LazadaError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), LazadaError::IllegalAccessToken);
//! assert_eq!(error.retry_class(), RetryClass::Reauthenticate);
//!
//! let limited = LazadaError::from_code(901).retry_class();
//! assert_eq!(limited.retry_after(), Some(Duration::from_secs(1)));
//! assert!(LazadaError::from_response(r#"{"code":"0","data":{},"request_id":"x"}"#)?.is_none());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/lazada.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/lazada.rs");
