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
//! use errcodes::prelude::*;
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
//! use errcodes::prelude::*;
//!
//! // The code says little (100 has 63 meanings): the message decides.
//! let error = WangdiantongError::classify(100, "超过每分钟最大调用频率限制，请稍后重试");
//! assert_eq!(error, WangdiantongError::RateLimited);
//! // A template's fields come with `lookup`.
//! let found = WangdiantongError::lookup(
//!     &Query::new(100).message("商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"),
//! );
//! assert_eq!(found.error, WangdiantongError::SpecNoBelongsToDeletedGoods);
//! assert_eq!(found.fields.get("spec_no"), Some("A-1"));
//! // A code the table does not know keeps its value.
//! let unknown = WangdiantongError::from_code(31337);
//! assert!(unknown.is_unknown());
//! assert_eq!(unknown.code(), 31337);
//! assert_eq!(unknown.to_string(), "31337: unknown error code");
//! ```
//!
//! Every entry is a unit variant, whatever its codes (one, several, or none), and
//! `Unknown(UnknownCode<Self>)` is the only variant with data: a `match` needs no knowledge
//! of the table's rows, and a table update cannot change a variant's shape. Only lookups
//! build an [`UnknownCode`], and only for a code the table does not know, so a code has
//! one value: `from_code`, `classify`, serde and equality all agree on it. The enum is
//! allocation-free and `Copy`-cheap to clone. Methods on values come from the traits
//! [`PlatformError`] (what every error tells) and [`Catalog`] (the table: `ALL`, groups,
//! lookups), both in [`prelude`]; `from_code` and `classify` are also inherent, to be
//! called by path.
//!
//! ## Reading a response (feature `json`)
//!
//! A spec that declares its platform's `envelope` gets [`FromResponse`]: `from_response`
//! and `from_http` take the body (bytes, text or a `serde_json::Value`) and give `None`
//! for a success, else an [`ApiError`]: the variant, plus the code, message and request id
//! exactly as the platform sent them. An SDK calls `check_http`: one call from a status and
//! a body to `Result<(), errcodes::Error<E>>`, one error type for "the platform said no"
//! and "this was not the platform's answer".
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::platforms::wechat_transaction::WechatTransactionError;
//! use errcodes::prelude::*;
//!
//! let body = br#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6565d0a2-4b7c6f1e"}"#;
//! let error = WechatTransactionError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), WechatTransactionError::DailyQuotaExceeded);
//! assert_eq!(error.request_id(), Some("6565d0a2-4b7c6f1e"));
//! assert!(error.to_string().starts_with("45009: reach max api daily quota limit"));
//! assert_eq!(WechatTransactionError::from_response(r#"{"errcode":0,"errmsg":"ok"}"#)?, None);
//! // A proxy's error page is never a success: an error, transient by its status.
//! let failed = WechatTransactionError::check_http(502, "<html>Bad Gateway</html>");
//! assert_eq!(failed.unwrap_err().retry_class(), RetryClass::Transient);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## serde (feature `serde`)
//!
//! Every generated enum serializes as its code, the platform's wire format, and
//! deserializes from an integer or a string; unknown codes survive the round trip. A code
//! with several meanings reads back as its fallback: where the variant itself must
//! survive, use [`serde::by_name`].
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
//! runtime ([`retry::Attempts`]), as a `backon` backoff (feature `backon`) or as a
//! `tower::retry::Policy` (feature `tower`).
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
//! Every enum, and every [`ApiError`], implements [`PlatformError`], so logging and
//! retrying need not know which platform answered:
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
//! ## Specs at run time (feature `runtime`)
//!
//! A tool that is not a compiled Rust crate of one platform (a log pipeline, a gateway for
//! many platforms, a service that takes a table update without a redeploy) loads a spec
//! file, or a shipped platform by name, into a [`runtime::Table`]. It is read, composed and
//! checked by the front end the macro runs (a broken spec gets a build's diagnostics),
//! encoded into the same table format, and answers through the same matcher: the same
//! lookups as a generated enum, with the same answers.
//!
//! ```
//! # #[cfg(feature = "runtime")] {
//! use errcodes::prelude::*;
//! use errcodes::runtime::Table;
//!
//! let table = Table::shipped("wangdiantong")?; // or Table::load("specs/mine.yaml")?
//! let found = table.lookup(&Query::new(100).message("超过每分钟最大调用频率限制，请稍后重试"));
//! assert_eq!(found.error.name(), "RateLimited");
//! assert!(found.error.retry_class().is_retryable());
//! # }
//! # Ok::<(), errcodes::runtime::LoadError>(())
//! ```
//!
//! It is a feature of this crate rather than a crate of its own because it is the runtime
//! (`ApiError`, `Query`, `Found`, `PlatformError`, the response reader) over a table that
//! comes from a file: the feature adds only the spec front end (`errcodes-spec`, YAML).
//!
//! ## Codes the spec lacks, seen in production (feature `tracing`)
//!
//! Reading a response whose code, sub-code or message the spec does not know emits a
//! `WARN` event with target `errcodes::lacking` ([`trace`] lists its fields). Log those as
//! JSON lines and `errcodes scan` counts them and writes a spec layer that `extends:` yours
//! with an entry for each; [`Found::by`] tells the same for a single lookup.
//!
//! ## An SDK that re-exports errcodes
//!
//! `platform_errors!("specs/x.yaml", crate = my_sdk::errcodes)` writes every path of the
//! generated code through your re-export, so your users need not depend on errcodes.
//!
//! # Features
//!
//! - One per shipped platform, each gating its module of [`platforms`] (all on by
//!   default): `wechat_shop`, `wechat_transaction`, `wangdiantong`,
//!   `tiktok_local_services`, `aliexpress`, and the global tables `wechat_global`,
//!   `top_gateway`, `tiktok_global`; and, not on by default, `alipay`, `wechat_pay_v3`,
//!   `wechat_channels_store`, `tiktok_shop`, `shopee`,
//!   `lazada`, `amazon_sp_api` and `jd_daojia`.
//! - `serde`: `Serialize` and `Deserialize` for every generated enum (as its code; see
//!   [`serde::by_name`]) and for [`ApiError`] (a record).
//! - `json` (implies `serde`): [`FromResponse`] for enums whose spec has an `envelope`,
//!   [`Error`] and the [`response`] module.
//! - `xml` (implies `json`): XML response bodies, for specs whose envelope says
//!   `format: xml` or `auto` (WeChat Pay API v2), read in one pass by `quick-xml`; such a
//!   spec does not compile without it.
//! - `runtime`: [`runtime`], specs loaded at run time (a file or a shipped platform by
//!   name) with the lookups of a generated enum; with `json`, `from_response` and
//!   `from_http` too. Adds `errcodes-spec` and `serde_yaml`.
//! - `backon`: [`retry::backon`], the retry policy as a `backon` backoff.
//! - `tower`: [`retry::tower`], the retry policy as a `tower::retry::Policy`.
//! - `tracing`: [`trace`]: an event for each code, sub-code or message a spec lacks, read
//!   from a response (what `errcodes scan` turns into a spec patch); errors as span fields;
//!   an event per retry decision. Off, nothing of `tracing` is compiled.
//!
//! # Stability
//!
//! `CHANGELOG.md` in the repository says what each release changed, and which table
//! updates are patch, minor or major releases. The shipped enums are `#[non_exhaustive]`:
//! a new row is a minor release. Public runtime types are `#[non_exhaustive]` where they may
//! grow ([`Query`], [`Found`], [`Group`], [`Lang`], `ResponseErrorKind`, `Error`, `Http`), and exhaustive
//! where their shape is the point ([`Code`], [`RetryClass`]).

// The shipped platforms are generated code: these keep it documented and pedantic-clean.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]

extern crate self as errcodes;

mod api_error;
mod catalog;
mod code;
mod fields;
mod joined;
mod platform_error;
pub mod platforms;
mod raw_code;
#[cfg(feature = "json")]
pub mod response;
pub mod retry;
mod retry_class;
#[cfg(feature = "runtime")]
pub mod runtime;
#[cfg(feature = "serde")]
pub mod serde;
mod table;
mod text;
#[cfg(feature = "tracing")]
pub mod trace;
mod unknown;

pub use api_error::ApiError;
pub use catalog::{By, Catalog, Found, Group, Lang, Query};
pub use code::Code;
pub use errcodes_macros::platform_errors;
pub use fields::Fields;
pub use platform_error::PlatformError;
#[cfg(feature = "json")]
pub use response::{Error, FromResponse};
pub use retry_class::RetryClass;
pub use unknown::UnknownCode;

/// The traits a user of a generated enum calls methods through: `use errcodes::prelude::*;`.
pub mod prelude {
    #[cfg(feature = "json")]
    pub use crate::FromResponse;
    pub use crate::{Catalog, PlatformError, Query, RetryClass};
}

/// Used by generated code; not a public API.
#[doc(hidden)]
pub mod __private {
    // `Key` too: the benchmarks and the spec round-trip test encode tables at run time
    // (each placement of integer codes, random specs) and look codes up in them with the
    // same `Table` methods. Tools use `errcodes::runtime`.
    pub use crate::table::{Cache, Envelope, Key, Path, Table};
    pub use errcodes_layout::UNKNOWN;

    pub use crate::__errcodes_response_impls as response_impls;
    pub use crate::__errcodes_serde_impls as serde_impls;
    pub use crate::__errcodes_xml_bodies as xml_bodies;
    #[cfg(feature = "serde")]
    pub use ::serde;

    use crate::{Catalog, PlatformError};

    /// The codes of a generated table whose codes are all integers: a literal a code costs
    /// rustc less than a `Code::Int(..)` expression a code.
    #[must_use]
    pub const fn int_codes<const N: usize>(ints: [i64; N]) -> [crate::Code<'static>; N] {
        let mut codes = [crate::Code::None; N];
        let mut i = 0;
        while i < N {
            codes[i] = crate::Code::Int(ints[i]);
            i += 1;
        }
        codes
    }

    /// `Clone` of a generated enum.
    #[must_use]
    pub fn clone<E: Catalog>(error: &E) -> E {
        let code = error
            .__unknown_code()
            .cloned()
            .unwrap_or(crate::UnknownCode::new(crate::raw_code::RawCode::NONE));
        E::__from_index(error.__index(), code)
    }

    /// `Debug` of a generated enum: the variant's name, with the code of `Unknown`.
    ///
    /// # Errors
    /// When the formatter fails.
    pub fn debug<E: Catalog>(error: &E, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match error.__unknown_code() {
            Some(code) => f.debug_tuple("Unknown").field(code).finish(),
            None => f.write_str(error.name()),
        }
    }
}

/// Without feature `serde`: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_serde_impls {
    ($($tokens:tt)*) => {};
}

/// [`FromResponse`] for a generated enum whose spec has an `envelope`, with feature `json`,
/// and its methods as inherent ones, so that they need no import.
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_response_impls {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::FromResponse for $ty {}

        // A crate uses only part of the API; the rest must not warn in a binary crate.
        #[allow(dead_code)]
        impl $ty {
            /// Reads a response body (bytes, text or a `serde_json::Value`) through the
            /// spec's envelope: `Ok(None)` when it reports success, else the error,
            /// classified and kept as received. See `errcodes::FromResponse::from_response`.
            ///
            /// # Errors
            /// When the body is not a JSON object, has no code where the envelope needs
            /// one, or its code or message has the wrong type.
            pub fn from_response<B>(
                body: &B,
            ) -> ::core::result::Result<
                ::core::option::Option<$crate::ApiError<Self>>,
                $crate::response::ResponseError,
            >
            where
                B: $crate::response::Body + ?::core::marker::Sized,
            {
                <Self as $crate::FromResponse>::from_response(body)
            }

            /// Like `from_response`, for a response whose HTTP status (a `u16`, or an
            /// `errcodes::response::Http` with its `Retry-After`) is known: with a status
            /// that is not 2xx, the body is never a success. See
            /// `errcodes::FromResponse::from_http`.
            ///
            /// # Errors
            /// As `from_response`; and a non-2xx response whose body has no error code.
            pub fn from_http<B>(
                http: impl ::core::convert::Into<$crate::response::Http>,
                body: &B,
            ) -> ::core::result::Result<
                ::core::option::Option<$crate::ApiError<Self>>,
                $crate::response::ResponseError,
            >
            where
                B: $crate::response::Body + ?::core::marker::Sized,
            {
                <Self as $crate::FromResponse>::from_http(http, body)
            }

            /// `from_http` as one `Result`: `Ok(())` for a success, else the platform's
            /// error or why the response is not the platform's answer, as one
            /// `errcodes::Error`. See `errcodes::FromResponse::check_http`.
            ///
            /// # Errors
            /// The platform's error, or why the response is not the platform's answer.
            pub fn check_http<B>(
                http: impl ::core::convert::Into<$crate::response::Http>,
                body: &B,
            ) -> ::core::result::Result<(), $crate::Error<Self>>
            where
                B: $crate::response::Body + ?::core::marker::Sized,
            {
                <Self as $crate::FromResponse>::check_http(http, body)
            }
        }
    };
}

/// Without feature `json`: nothing.
#[cfg(not(feature = "json"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_response_impls {
    ($($tokens:tt)*) => {};
}

/// A spec whose envelope reads XML (`format: xml` or `auto`) needs feature `xml`: with it,
/// nothing.
#[cfg(feature = "xml")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_xml_bodies {
    ($report:literal) => {};
}

/// Without feature `xml`, a spec whose envelope reads XML is a compile error: the report,
/// `path:line:column` of the spec's `format` and how to enable the feature.
#[cfg(not(feature = "xml"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_xml_bodies {
    ($report:literal) => {
        ::core::compile_error!($report);
    };
}
