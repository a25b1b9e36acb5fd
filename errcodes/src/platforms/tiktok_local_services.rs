//! TikTok local services (TTLS) fulfilment API: the errors of querying a voucher code
//! (`get_code_item_list`, scanning or entering it) and redeeming it (`redeem_code`, the
//! write-off), 56 rows.
//!
//! Generated from `specs/tiktok_local_services.yaml` by `errcodes::platform_errors!`;
//! feature `tiktok_local_services`. The source gives its retry advice per block of rows
//! (retry will not succeed / retry may succeed): each block is a group whose retry class is
//! the default, overridden where a row's meaning says otherwise, and whose advice is the
//! `hint` of its rows. Every entry carries the endpoint, scene and HTTP status the table
//! gives. Many codes carry several meanings
//! (-9990202 has 15): use `classify`.
//!
//! ```
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
//!
//! let error = TiktokLocalServicesError::classify(
//!     -3000102,
//!     "Voucher: redemption code has already been used.",
//! );
//! assert_eq!(error, TiktokLocalServicesError::VoucherAlreadyUsed);
//! // After a retried write-off, "already used" means the first attempt went through.
//! assert_eq!(error.retry_class(), RetryClass::AlreadyApplied);
//! assert_eq!(error.endpoint(), Some("/v2/localservice/saas/fulfill/redeem_code/"));
//! assert_eq!(error.scene(), Some("Write-off"));
//! assert_eq!(error.http_status(), Some(500));
//! assert!(error.hint().is_some_and(|hint| hint.starts_with("Retry probability is successful.")));
//! ```

// What `platform_errors!("specs/tiktok_local_services.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/tiktok_local_services.rs");
