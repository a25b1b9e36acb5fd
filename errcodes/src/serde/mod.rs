//! serde support (feature `serde`).
//!
//! A generated enum serializes as its code, the platform's wire format: `45009`, or
//! `"F00-00-10013-002"`; an entry whose source gives no code, as its name; an unknown code,
//! as itself. It deserializes from an integer or a string as `from_code` reads them, so a
//! code with several meanings comes back as its `fallback` entry (`WangdiantongError::
//! RateLimited` is `100`, which reads back as `ApplicationError`). Text that is not a code
//! of the spec but is the name of an entry without a code reads back as that entry, so an
//! unknown code spelled like that name does not come back as itself.
//!
//! Where the variant itself must survive, use [`by_name`]:
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::platforms::wangdiantong::WangdiantongError;
//!
//! #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
//! struct Logged {
//!     #[serde(with = "errcodes::serde::by_name")]
//!     error: WangdiantongError,
//! }
//!
//! let logged = Logged { error: WangdiantongError::RateLimited };
//! let json = serde_json::to_string(&logged).unwrap();
//! assert_eq!(json, r#"{"error":"RateLimited"}"#);
//! assert_eq!(serde_json::from_str::<Logged>(&json).unwrap(), logged);
//! # }
//! ```
//!
//! [`ApiError`](crate::ApiError) serializes as a record: platform, code, name, message,
//! retry class and request id (and sub-code, sub-message and HTTP status where received).

pub mod by_name;
mod code;
mod record;

#[doc(hidden)]
pub use code::{deserialize_code, serialize_code};

/// `Serialize` and `Deserialize` for a generated enum, as its code.
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_serde_impls {
    ($ty:ident) => {
        /// Serializes as the code: an integer, or a string for a string code; an entry
        /// without a code as its name (see `errcodes::serde`).
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::serde::serialize_code(self, serializer)
            }
        }

        /// Deserializes from a code, an integer or a string (`"45009"` is 45009), as
        /// `from_code` reads it: an unknown code gives `Unknown`, which keeps it.
        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::serde::deserialize_code(deserializer)
            }
        }
    };
}
