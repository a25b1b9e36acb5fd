//! TikTok Shop Open API errors (Partner Center): the gateway's common errors, which every
//! endpoint can answer, and the internal error the endpoint pages list, 25 rows.
//!
//! Generated from `specs/tiktok_shop.yaml` by `errcodes::platform_errors!`; feature
//! `tiktok_shop`, not on by default. TikTok Shop answers `{"code": ..., "message": ...,
//! "request_id": ..., "data": ...}`; a success is code `0`. The code 36009004 stands for
//! eleven errors, told apart by the message; the link the gateway appends to a message
//! (" For more details: ...") is noise.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::tiktok_shop::TiktokShopError;
//!
//! let body = r#"{"code":36009004,"data":null,"message":"Invalid credentials. Invalid 'app_key' query parameter. For more details: https://m.tiktok.shop/s/AIu6dbFhs2XW","request_id":"20260812140352F100F0A36CB8D305CA56"}"#;
//! let error = TiktokShopError::from_http(400, body)?.expect("an error");
//! assert_eq!(*error.error(), TiktokShopError::InvalidAppKey);
//! assert_eq!(error.retry_class(), RetryClass::Permanent);
//!
//! assert_eq!(TiktokShopError::from_code(105002).retry_class(), RetryClass::Reauthenticate);
//! let success = r#"{"code":0,"data":{"shops":[]},"message":"Success","request_id":"x"}"#;
//! assert!(TiktokShopError::from_response(success)?.is_none());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/tiktok_shop.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/tiktok_shop.rs");
