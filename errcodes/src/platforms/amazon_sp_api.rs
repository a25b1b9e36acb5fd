//! Amazon Selling Partner API errors: the error responses an API model gives for each HTTP
//! status (400 `InvalidInput` to 503 `ServiceUnavailable`), 6 entries for 7 statuses.
//!
//! Generated from `specs/amazon_sp_api.yaml` by `errcodes::platform_errors!`; feature
//! `amazon_sp_api`, not on by default. The SP-API answers an error with a 4xx or 5xx status
//! and `{"errors": [{"code", "message", "details"}]}`; a success is the resource, with no
//! `errors`. The envelope is led by the status and reads the list: read a response with
//! `from_http`, and the first error is classified, the others kept (`ApiError::others`); a code
//! the table lacks retries as its status says.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::amazon_sp_api::AmazonSpApiError;
//!
//! let body = r#"{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource.","details":""}]}"#;
//! let error = AmazonSpApiError::from_http(429, body)?.expect("an error");
//! assert_eq!(*error.error(), AmazonSpApiError::QuotaExceeded);
//! assert!(matches!(error.retry_class(), RetryClass::Throttled { .. }));
//!
//! let other = r#"{"errors":[{"code":"TooManyRequests","message":"The total number of requests exceeded your allowed limit."}]}"#;
//! assert!(AmazonSpApiError::from_http(429, other)?.expect("an error").is_unknown());
//! assert!(AmazonSpApiError::from_http(200, r#"{"payload":{}}"#)?.is_none());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/amazon_sp_api.yaml")` expands to, kept so that a build does
// not run the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/amazon_sp_api.rs");
