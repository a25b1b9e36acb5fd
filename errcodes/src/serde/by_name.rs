//! A generated enum as its variant's name, for `#[serde(with = "errcodes::serde::by_name")]`:
//! every variant round-trips exactly, including entries that share a code. An unknown code
//! is written as its code (an integer, a string, or `null` for none) and read back as
//! `from_code` reads it: as `Unknown`, or, should the table know the code (a record written
//! before a table update added it), as the entry `from_code` gives.
//!
//! A string is read as a name first: an unknown string code that is exactly a variant's
//! name comes back as that variant.

use ::serde::de::Deserializer;
use ::serde::ser::{Serialize, Serializer};

use super::code::CodeVisitor;
use crate::{Catalog, PlatformError};

/// Writes the variant's name, or the code of `Unknown`.
///
/// # Errors
/// When the serializer fails.
pub fn serialize<E: Catalog, S: Serializer>(error: &E, serializer: S) -> Result<S::Ok, S::Error> {
    match error.__unknown_code() {
        Some(code) => code.code().serialize(serializer),
        None => serializer.serialize_str(error.name()),
    }
}

/// Reads a variant's name, or an unknown code.
///
/// # Errors
/// When the value is neither a string, an integer nor null.
pub fn deserialize<'de, E: Catalog, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    deserializer.deserialize_any(CodeVisitor(|text: &str| {
        E::from_name(text).unwrap_or_else(|| E::from_code(text))
    }))
}
