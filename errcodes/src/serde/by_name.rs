//! A generated enum as its variant's name, for `#[serde(with = "errcodes::serde::by_name")]`:
//! every variant round-trips exactly, including entries that share a code. An unknown code
//! is written as its code (an integer, a string, or `null` for none) and read back as
//! `Unknown`.
//!
//! A string is read as a name first: an unknown string code that is exactly a variant's
//! name comes back as that variant.

use ::serde::de::{self, Deserializer};
use ::serde::ser::{Serialize, Serializer};

use super::code::CodeVisitor;
use crate::{Catalog, PlatformError, RawCode};

/// Writes the variant's name, or the code of `Unknown`.
///
/// # Errors
/// When the serializer fails.
pub fn serialize<E: Catalog, S: Serializer>(error: &E, serializer: S) -> Result<S::Ok, S::Error> {
    match error.__unknown_code() {
        Some(code) => code.serialize(serializer),
        None => serializer.serialize_str(error.name()),
    }
}

/// Reads a variant's name, or an unknown code.
///
/// # Errors
/// When the value is neither a string, an integer nor null.
pub fn deserialize<'de, E: Catalog, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    deserializer.deserialize_any(ByName(CodeVisitor(|text: &str| {
        E::from_name(text).unwrap_or_else(|| unknown(RawCode::string(text)))
    })))
}

fn unknown<E: Catalog>(code: RawCode) -> E {
    E::__from_index(errcodes_layout::UNKNOWN, code)
}

/// [`CodeVisitor`], with integers and null kept as unknown codes.
struct ByName<F>(CodeVisitor<F>);

impl<E: Catalog, F: FnOnce(&str) -> E> de::Visitor<'_> for ByName<F> {
    type Value = E;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a variant name, or an unknown error code")
    }

    fn visit_i64<X: de::Error>(self, code: i64) -> Result<E, X> {
        Ok(unknown(RawCode::int(code)))
    }

    fn visit_u64<X: de::Error>(self, code: u64) -> Result<E, X> {
        Ok(unknown(RawCode::from(code)))
    }

    fn visit_str<X: de::Error>(self, text: &str) -> Result<E, X> {
        self.0.visit_str(text)
    }

    fn visit_unit<X: de::Error>(self) -> Result<E, X> {
        Ok(unknown(RawCode::NONE))
    }

    fn visit_none<X: de::Error>(self) -> Result<E, X> {
        self.visit_unit()
    }
}
