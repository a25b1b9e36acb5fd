//! The code form of a generated enum.

use core::fmt;

use ::serde::de::{self, Deserializer, Visitor};
use ::serde::ser::{Serialize, Serializer};

use crate::raw_code::RawCode;
use crate::{Catalog, Code, PlatformError, UnknownCode};

/// An integer code serializes as an integer, a string code as a string, no code as `null`.
impl Serialize for Code<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Code::Int(code) => serializer.serialize_i64(code),
            Code::Str(code) => serializer.serialize_str(code),
            Code::None => serializer.serialize_none(),
        }
    }
}

/// As its [`Code`], as received.
impl<E> Serialize for UnknownCode<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.code().serialize(serializer)
    }
}

/// A generated enum as its code; an entry without a code as its name.
///
/// # Errors
/// When the serializer fails.
pub fn serialize_code<E: Catalog, S: Serializer>(
    error: &E,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match error.code() {
        Code::None if !error.is_unknown() => serializer.serialize_str(error.name()),
        code => code.serialize(serializer),
    }
}

/// A generated enum from its code, an integer or a string, read as `from_code` reads it;
/// the name of an entry without a code gives that entry. Needs a self-describing format
/// (JSON, YAML, MessagePack...): the code's type says how to read it.
///
/// # Errors
/// When the value is neither an integer, a string nor null.
pub fn deserialize_code<'de, E: Catalog, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<E, D::Error> {
    deserializer.deserialize_any(CodeVisitor(|text: &str| {
        let error = E::from_code(text);
        let codeless = || E::from_name(text).filter(|entry| entry.codes().is_empty());
        if error.is_unknown() {
            codeless().unwrap_or(error)
        } else {
            error
        }
    }))
}

/// Reads an integer, a string (handed to the closure) or null.
pub(crate) struct CodeVisitor<F>(pub(crate) F);

/// Beyond `i64` no spec has the code: it stays, as text, in `Unknown`.
fn wide<E: Catalog>(code: impl TryInto<i64> + ToString + Copy) -> E {
    E::from_code(RawCode::wide(code).code())
}

impl<E: Catalog, F: FnOnce(&str) -> E> Visitor<'_> for CodeVisitor<F> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error code: an integer or a string")
    }

    fn visit_i64<X: de::Error>(self, code: i64) -> Result<E, X> {
        Ok(E::from_code(code))
    }

    fn visit_u64<X: de::Error>(self, code: u64) -> Result<E, X> {
        Ok(wide(code))
    }

    fn visit_i128<X: de::Error>(self, code: i128) -> Result<E, X> {
        Ok(wide(code))
    }

    fn visit_u128<X: de::Error>(self, code: u128) -> Result<E, X> {
        Ok(wide(code))
    }

    fn visit_str<X: de::Error>(self, code: &str) -> Result<E, X> {
        Ok((self.0)(code))
    }

    fn visit_unit<X: de::Error>(self) -> Result<E, X> {
        Ok(E::from_code(Code::None))
    }

    fn visit_none<X: de::Error>(self) -> Result<E, X> {
        self.visit_unit()
    }
}
