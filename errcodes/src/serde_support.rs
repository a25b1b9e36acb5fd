//! Generated enums travel as their code: `45009`, or `"F00-00-10013-002"`.
//!
//! The impls must live in the user's crate (they are for the user's type), but whether they
//! exist must follow *this* crate's `serde` feature, not the user's. So generated code calls
//! [`serde_impls!`](crate::__private::serde_impls), which this crate defines twice: as the
//! impls with the feature, as nothing without it.

#[cfg(feature = "serde")]
mod enabled {
    use core::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{Serialize, Serializer};

    use crate::{Code, RawCode};

    /// An integer code serializes as an integer, a string code as a string; the code of a
    /// code-less entry taken from `ALL` as `null`.
    impl Serialize for Code<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match *self {
                Code::Int(code) => serializer.serialize_i64(code),
                Code::Str(code) => serializer.serialize_str(code),
                Code::None => serializer.serialize_none(),
            }
        }
    }

    /// As its [`Code`].
    impl Serialize for RawCode {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.code().serialize(serializer)
        }
    }

    /// Deserializes a code the way platforms send it, an integer or a string (numeric text
    /// such as `"45009"` is the integer), and hands it to the generated enum's constructors.
    /// Needs a self-describing format (JSON, YAML, MessagePack...): the code's type says
    /// which constructor to call.
    ///
    /// # Errors
    /// When the value is neither an integer nor a string.
    pub fn deserialize_code<'de, D, T>(
        deserializer: D,
        from_int: fn(i64) -> T,
        from_str: fn(&str) -> T,
    ) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_any(CodeVisitor { from_int, from_str })
    }

    struct CodeVisitor<T> {
        from_int: fn(i64) -> T,
        from_str: fn(&str) -> T,
    }

    impl<T> Visitor<'_> for CodeVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an error code: an integer or a string")
        }

        fn visit_i64<E: de::Error>(self, code: i64) -> Result<T, E> {
            Ok((self.from_int)(code))
        }

        // Beyond i64 no spec has the code: it stays, as text, in `Unknown`.
        fn visit_u64<E: de::Error>(self, code: u64) -> Result<T, E> {
            Ok(i64::try_from(code).map_or_else(
                |_| (self.from_str)(&code.to_string()),
                |code| (self.from_int)(code),
            ))
        }

        fn visit_i128<E: de::Error>(self, code: i128) -> Result<T, E> {
            Ok(i64::try_from(code).map_or_else(
                |_| (self.from_str)(&code.to_string()),
                |code| (self.from_int)(code),
            ))
        }

        fn visit_u128<E: de::Error>(self, code: u128) -> Result<T, E> {
            Ok(i64::try_from(code).map_or_else(
                |_| (self.from_str)(&code.to_string()),
                |code| (self.from_int)(code),
            ))
        }

        fn visit_str<E: de::Error>(self, code: &str) -> Result<T, E> {
            Ok((self.from_str)(code))
        }
    }
}

#[cfg(feature = "serde")]
pub use enabled::deserialize_code;

/// `Serialize` and `Deserialize` for a generated enum, with feature `serde`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_serde_impls {
    ($ty:ident) => {
        /// Serializes as the code received: an integer, or a string for a string code.
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::__private::serde::Serialize::serialize(&$ty::code(self), serializer)
            }
        }

        /// Deserializes from a code, an integer or a string (`"45009"` is 45009), as
        /// `from_code` and `from_code_str` do: an unknown code gives `Unknown`, which keeps
        /// it, so a round trip loses nothing.
        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::__private::deserialize_code(
                    deserializer,
                    $ty::from_code,
                    $ty::from_code_str,
                )
            }
        }
    };
}

/// Without feature `serde`: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_serde_impls {
    ($($tokens:tt)*) => {};
}
