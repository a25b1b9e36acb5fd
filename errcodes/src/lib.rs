//! Typed Rust enums for e-commerce platforms' error codes, generated at compile time from
//! YAML tables.
//!
//! ```ignore
//! errcodes::platform_errors!("specs/wechat_shop.yaml");
//! ```
//!
//! Five platforms ship ready to use in [`platforms`], each generated from its spec in
//! `specs/` and behind a cargo feature of the same name (all on by default):
//! `wechat_shop`, `wechat_transaction`, `wangdiantong`, `tiktok_local_services` and
//! `aliexpress`.
//!
//! ```
//! use errcodes::platforms::wangdiantong::WangdiantongError;
//!
//! let error = WangdiantongError::classify(1, "sid is not exists");
//! assert_eq!(error, WangdiantongError::SidNotExists);
//! assert!(!error.retry_class().is_retryable());
//! ```
//!
//! # Guide
//!
//! ## Your own table
//!
//! Write a YAML spec (the format is in `specs/README.md`; `specs/schema.json` gives editors
//! completion and typo checks) and call the macro with its path, relative to your
//! `Cargo.toml`. The enum is regenerated whenever the file changes. Here, the crate's own
//! copy of a shipped spec stands in for yours:
//!
//! ```
//! errcodes::platform_errors!("specs/wangdiantong.yaml");
//!
//! // The code says little (100 has 63 meanings): the message decides.
//! let (error, fields) = WangdiantongError::classify_fields(
//!     100,
//!     "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9",
//! );
//! assert_eq!(error, WangdiantongError::SpecNoBelongsToDeletedGoods);
//! assert_eq!(fields.get("spec_no"), Some("A-1"));
//! // A code the table does not know keeps its value.
//! let unknown = WangdiantongError::from_code(31337);
//! assert!(unknown.is_unknown());
//! assert_eq!(unknown.code(), 31337);
//! assert_eq!(unknown.to_string(), "31337: unknown error code");
//! ```
//!
//! ## Reading a response (feature `json`)
//!
//! A spec that declares its platform's `envelope` gets `from_response`, which takes the
//! body (bytes, text or a `serde_json::Value`) and gives `None` for a success:
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::platforms::wechat_transaction::WechatTransactionError;
//!
//! let body = br#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6565d0a2-4b7c6f1e"}"#;
//! let error = WechatTransactionError::from_response(body)?;
//! assert_eq!(error, Some(WechatTransactionError::DailyQuotaExceeded));
//! assert_eq!(WechatTransactionError::from_response(r#"{"errcode":0,"errmsg":"ok"}"#)?, None);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## serde (feature `serde`)
//!
//! Every generated enum serializes as its code and deserializes from an integer or a string,
//! so it can sit in your own response types; unknown codes survive the round trip:
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::platforms::aliexpress::AliexpressError;
//!
//! let error: AliexpressError = serde_json::from_str(r#""F00-00-10013-002""#).unwrap();
//! assert_eq!(error, AliexpressError::OrderFulfillSystemError);
//! let unknown: AliexpressError = serde_json::from_str("-4040").unwrap();
//! assert_eq!(serde_json::to_string(&unknown).unwrap(), "-4040");
//! # }
//! ```
//!
//! ## Retrying
//!
//! [`retry::Policy`] turns each error's [`RetryClass`] into a decision, bounded by a number
//! of attempts and a deadline; use it as a blocking loop, as a state machine under any async
//! runtime ([`retry::Attempts`]), or as a `backon` backoff (feature `backon`).
//!
//! ```
//! use std::time::Duration;
//! use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError as Error;
//! use errcodes::retry::{Policy, Success};
//!
//! // A voucher redemption: a database hiccup, then the retry finds the voucher used, which
//! // means the first attempt went through.
//! let mut responses = vec![
//!     Error::classify(-3000102, "Voucher: redemption code has already been used."),
//!     Error::classify(-9990400, "Voucher: failed to read voucher record from database."),
//! ];
//! let policy = Policy::new().backoff(Duration::from_millis(1), Duration::from_millis(5));
//! let outcome = policy.retry(|| Err::<(), _>(responses.pop().unwrap()), || Ok(()));
//! assert_eq!(outcome, Ok(Success::AlreadyApplied(Error::VoucherAlreadyUsed)));
//! ```
//!
//! ## One loop for every platform
//!
//! Every enum implements [`PlatformError`], so logging and retrying need not know which
//! platform answered:
//!
//! ```
//! use errcodes::platforms::{wangdiantong::WangdiantongError, wechat_shop::WechatShopError};
//! use errcodes::PlatformError;
//!
//! let errors: [Box<dyn PlatformError>; 2] = [
//!     Box::new(WechatShopError::from_code(300000)),
//!     Box::new(WangdiantongError::classify(100, "超过每分钟最大调用频率限制，请稍后重试")),
//! ];
//! for error in &errors {
//!     assert!(error.retry_class().retry_after().is_some(), "{}: {error}", error.platform());
//! }
//! ```
//!
//! ## Tools
//!
//! In the repository: `cargo run --example explain -- <platform> <code> [message]` says
//! what a code means and what to do; `docs/platforms/` is a Markdown reference of every
//! shipped code (`cargo run --example gen_docs`); `cargo run --example client` shows an
//! SDK-shaped client retrying against a local mock of each platform.

// The shipped platforms are generated code: these keep it documented and pedantic-clean.
#![deny(missing_docs)]
#![warn(clippy::pedantic)]

extern crate self as errcodes;

mod code;
mod fields;
pub mod platforms;
#[cfg(feature = "json")]
pub mod response;
pub mod retry;
mod retry_class;
mod serde_support;
mod table;
mod text;

pub use code::{Code, RawCode};
pub use errcodes_macros::platform_errors;
pub use fields::Fields;
pub use retry_class::RetryClass;

/// What every generated error enum offers, so that one retry loop or one logger serves
/// every platform.
pub trait PlatformError: std::error::Error {
    /// The platform id of the spec, such as `"wechat_shop"`.
    fn platform(&self) -> &'static str;
    /// The code received.
    fn code(&self) -> Code<'_>;
    /// The variant's name; `"Unknown"` for a code the spec does not know.
    fn name(&self) -> &'static str;
    /// The message from the spec.
    fn message(&self) -> &'static str;
    /// The remedy from the spec, if it gives one.
    fn hint(&self) -> Option<&'static str>;
    /// What a client should do about the error.
    fn retry_class(&self) -> RetryClass;
    /// Whether the code is unknown to the spec.
    fn is_unknown(&self) -> bool;
}

/// Used by generated code; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::table::{
        bucket, debug, display, entry, entry_index, Key, Phf, Table, NONE, UNKNOWN,
    };
    pub use crate::text::{lead, normalize};

    pub use crate::__errcodes_response_impls as response_impls;
    pub use crate::__errcodes_serde_impls as serde_impls;
    #[cfg(feature = "json")]
    pub use crate::response::{from_response, Envelope, Path};
    #[cfg(feature = "serde")]
    pub use crate::serde_support::deserialize_code;
    #[cfg(feature = "serde")]
    pub use ::serde;
}

/// Without feature `json`: nothing.
#[cfg(not(feature = "json"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_response_impls {
    ($($tokens:tt)*) => {};
}
