//! A code to its entry: a perfect hash built at compile time (hash and displace: a key's
//! bucket gives a displacement, the displaced hash gives its slot), so a lookup is two
//! hashes, two array reads and one comparison whatever the size of the table.

use errcodes_layout::{hash_int, hash_str, long, place, record, NONE, UNKNOWN};

use super::Table;
use crate::{Code, RawCode};

/// A code as a lookup key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key<'a> {
    /// An integer code.
    Int(i64),
    /// A string code that is not an integer.
    Str(&'a str),
    /// No code.
    None,
}

impl<'a> Key<'a> {
    /// Reads a code as text: an integer if it parses as one (after trimming), else a string.
    #[must_use]
    #[inline]
    pub fn parse(text: &'a str) -> Self {
        let text = text.trim();
        text.parse().map_or(Key::Str(text), Key::Int)
    }

    /// The key of a code: numeric text is its integer.
    #[must_use]
    #[inline]
    pub fn of(code: Code<'a>) -> Self {
        match code {
            Code::Int(code) => Key::Int(code),
            Code::Str(text) => Key::parse(text),
            Code::None => Key::None,
        }
    }
}

/// A slot's contents: the entry `from_code` gives (or [`UNKNOWN`]) and the code's index in
/// [`Table::codes`] (or [`NONE`]).
pub(super) type Found = (usize, u32);

impl Table {
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn slot(&self, key: Key<'_>) -> Found {
        let missing = (UNKNOWN, NONE);
        match key {
            Key::Int(code) => {
                let slots = self.ints.slots;
                let hash = hash_int(code, self.ints.seed);
                let len = slots.len() / (8 * record::INT_SLOT);
                let at = record::INT_SLOT * place(hash, self.ints.displacements, len);
                match (long(slots, at), long(slots, at + 1)) {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    (Some(key), Some(value)) if key == code => {
                        ((value >> 32) as usize, value as u32)
                    }
                    _ => missing,
                }
            }
            Key::Str(code) => {
                let slots = self.strs.slots;
                let hash = hash_str(code, self.strs.seed);
                let len = slots.len() / (4 * record::STR_SLOT);
                let at = place(hash, self.strs.displacements, len);
                match errcodes_layout::record::<{ record::STR_SLOT }>(slots, at) {
                    Some([key, fallback, index]) if self.string(key) == code => {
                        (fallback as usize, index)
                    }
                    _ => missing,
                }
            }
            Key::None => missing,
        }
    }

    /// The code an error keeps for `key`, read from `text`: a known code as the spec writes
    /// it, and any other text exactly as received (only numeric text is read, as an
    /// integer), so that an unknown code keeps its raw value.
    #[must_use]
    pub fn received(&self, key: Key<'_>, code: Code<'_>) -> RawCode {
        match (key, code) {
            (Key::Str(_), Code::Str(text)) if self.slot(key).0 == UNKNOWN => RawCode::string(text),
            (Key::Int(code), _) => RawCode::int(code),
            (Key::Str(code), _) => RawCode::string(code),
            (Key::None, _) => RawCode::NONE,
        }
    }

    /// The entry `from_code` gives for `key`, or [`UNKNOWN`]: an integer code is compared
    /// with its slot's key without a branch, which a mix of known and unknown codes would
    /// mispredict.
    #[must_use]
    #[inline]
    pub fn lookup(&self, key: Key<'_>) -> usize {
        match key {
            Key::Int(code) => {
                let slots = self.ints.slots;
                let hash = hash_int(code, self.ints.seed);
                let len = slots.len() / (8 * record::INT_SLOT);
                let at = record::INT_SLOT * place(hash, self.ints.displacements, len);
                // A slot past the end reads as another code's: no branch on it either.
                let key = long(slots, at).unwrap_or(!code);
                let value = long(slots, at + 1).unwrap_or(0);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let fallback = (value >> 32) as usize;
                // All ones when the key differs: `fallback | !0` is `UNKNOWN`.
                fallback | usize::from(key != code).wrapping_neg()
            }
            Key::Str(_) | Key::None => self.slot(key).0,
        }
    }
}
