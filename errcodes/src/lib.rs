//! Typed Rust enums for e-commerce platforms' error codes, generated at compile time from
//! YAML tables.
//!
//! ```ignore
//! errcodes::platform_errors!("specs/wechat_shop.yaml");
//! ```

extern crate self as errcodes;

mod code;
mod fields;
mod retry_class;
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
}
