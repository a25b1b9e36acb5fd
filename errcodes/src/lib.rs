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
    pub use crate::table::{debug, display, Entry, Group, Key, Phf, Slot, Table, UNKNOWN};
    pub use crate::text::{normalize, Pattern};

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
