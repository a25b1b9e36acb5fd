//! TikTok API v2 error codes, 7 rows: what every v2 endpoint can answer, the TTLS ones
//! included. `tiktok_local_services` includes them.
//!
//! Generated from `specs/tiktok_global.yaml` by `errcodes::platform_errors!`; feature
//! `tiktok_global`. The codes are strings (`access_token_invalid`).
//!
//! ```
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::tiktok_global::TiktokGlobalError;
//!
//! let error = TiktokGlobalError::from_code("access_token_invalid");
//! assert_eq!(error.retry_class(), RetryClass::Reauthenticate);
//! assert_eq!(error.http_status(), Some(401));
//! ```

// What `platform_errors!("specs/tiktok_global.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/tiktok_global.rs");
