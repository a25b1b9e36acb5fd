//! How a table finds an integer code's slot, chosen per table by the writer: one multiply
//! where a multiplier was found that gives every code a slot of its own, else hash and
//! displace. Section [`INT_INDEX`](crate::section::INT_INDEX) says which, and with what.
//! String codes are placed the same way, their 64-bit hash standing for the code
//! ([`STR_INDEX`](crate::section::STR_INDEX)).

use crate::hash::{hash_int, multiply_slot, place};
use crate::words::{wide, word};

/// How integer codes (or string codes' hashes) are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntIndex {
    /// The slot of `code` is `(code * mult) >> shift`: one multiply, one load, one compare.
    Multiply {
        /// An odd multiplier found at compile time.
        mult: u64,
        /// 64 less the bits of the slot count.
        shift: u32,
    },
    /// Hash and displace: the hash's bucket gives a displacement, the displaced hash the
    /// slot.
    Displace {
        /// Seed of the hash.
        seed: u64,
    },
}

/// Which placement a writer uses for integer codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Design {
    /// One multiply where a multiplier is found within the search's bound, else hash and
    /// displace: what every generated table uses.
    #[default]
    Auto,
    /// One multiply, or an error when no multiplier is found (to measure it).
    Multiply,
    /// Hash and displace (to measure it).
    Displace,
}

const DISPLACE: u32 = 0;
const MULTIPLY: u32 = 1;
/// `u32`s in the section: the kind, a 64-bit parameter (multiplier or seed), the shift.
pub(crate) const LEN: usize = 4;

impl IntIndex {
    #[allow(clippy::cast_possible_truncation)] // the two halves
    pub(crate) fn words(self) -> [u32; LEN] {
        let (kind, wide, shift) = match self {
            IntIndex::Multiply { mult, shift } => (MULTIPLY, mult, shift),
            IntIndex::Displace { seed } => (DISPLACE, seed, 0),
        };
        [kind, wide as u32, (wide >> 32) as u32, shift]
    }

    /// The placement section `words` describes. Total: anything but a multiply reads as
    /// hash and displace, which finds nothing in a table without displacements.
    #[must_use]
    pub const fn read(words: &[u8]) -> IntIndex {
        match word(words, 0) {
            MULTIPLY => IntIndex::Multiply {
                mult: wide(words, 1),
                shift: word(words, 3),
            },
            _ => IntIndex::Displace {
                seed: wide(words, 1),
            },
        }
    }

    /// The slot of `code` among `slots`, given the table's `displacements`; for a multiply,
    /// possibly past the end in a table that is not one (readers check).
    #[must_use]
    #[inline]
    pub fn slot(self, code: i64, displacements: &[u8], slots: usize) -> usize {
        match self {
            IntIndex::Multiply { mult, shift } => multiply_slot(code, mult, shift),
            IntIndex::Displace { seed } => place(hash_int(code, seed), displacements, slots),
        }
    }
}
