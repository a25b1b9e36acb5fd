//! Shopee Open Platform API v2 errors: the gateway's checks that every v2 API page lists
//! (a missing or wrong signature, token, partner or timestamp; a server error), as the
//! Error codes table of `v2.shop.get_shop_info` gives them, 20 rows.
//!
//! Generated from `specs/shopee.yaml` by `errcodes::platform_errors!`; feature `shopee`, not
//! on by default. Shopee answers `{"error": "...", "message": "...", "request_id": "..."}`:
//! a success carries `"error": ""` (`success_empty`), an error a string code that several
//! rows share (`error_param`, `error_auth`), told apart by the message.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::shopee::ShopeeError;
//!
//! let body = r#"{"request_id":"b9a1","error":"error_auth","message":"Invalid access_token."}"#;
//! let error = ShopeeError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), ShopeeError::InvalidAccessToken);
//! assert_eq!(error.retry_class(), RetryClass::Reauthenticate);
//!
//! let success = r#"{"error":"","message":"","request_id":"e3e3","shop_name":"mysipuat"}"#;
//! assert!(ShopeeError::from_response(success)?.is_none());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/shopee.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/shopee.rs");
