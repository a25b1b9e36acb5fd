//! A string code folded into four words and its length, which a slot stores beside its
//! entry: the words cover every byte of a code of up to [`FOLDED`] bytes, so comparing
//! them and the length compares the codes in a few instructions, with no call and no loop.
//! The hash reads the same words, so a lookup reads the code's bytes once.

/// Longest code whose words hold all of it: first and last 16 bytes, overlapping. A longer
/// code is also compared as text.
pub const FOLDED: usize = 32;

/// A code's words and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Folded {
    /// Bytes `0..8`, `8..16`, `len - 16..len - 8` and `len - 8..len` (little-endian) of a
    /// code of 16 bytes or more; of a shorter one, the same four offsets brought inside it
    /// (8 bytes and more), or its bytes packed into the first word (fewer).
    pub words: [u64; 4],
    /// The code's length in bytes.
    pub len: u64,
}

impl Folded {
    /// The words of `code`. Equal for two codes of at most [`FOLDED`] bytes exactly when
    /// the codes are equal.
    #[must_use]
    #[inline]
    pub fn of(code: &str) -> Folded {
        let bytes = code.as_bytes();
        let n = bytes.len();
        let words = if n >= 8 {
            // Selects, not branches: codes of 8 to 15 bytes and longer ones mix in lookups.
            let second = if n >= 16 { 8 } else { n - 8 };
            let third = n.saturating_sub(16);
            [
                word_at(bytes, 0),
                word_at(bytes, second),
                word_at(bytes, third),
                word_at(bytes, n - 8),
            ]
        } else {
            [short(bytes), 0, 0, 0]
        };
        Folded {
            words,
            len: n as u64,
        }
    }
}

impl Folded {
    /// Whether `self` and `other` are equal: the words compared in registers, one branch
    /// for all. (The derived `==` compares them as two 16-byte vectors, which first waits
    /// for the 8-byte stores that wrote them.)
    #[must_use]
    #[inline]
    pub fn same(&self, other: &Folded) -> bool {
        let [a0, a1, a2, a3] = self.words;
        let [b0, b1, b2, b3] = other.words;
        ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3) | (self.len ^ other.len)) == 0
    }
}

/// The bytes of a code shorter than 8, packed: first and last four (overlapping) from 4
/// bytes, else first, middle and last.
#[inline]
fn short(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 4 {
        half_at(bytes, 0) | half_at(bytes, n - 4) << 32
    } else if let [first, .., last] = bytes {
        u64::from(*first) | u64::from(bytes[n / 2]) << 8 | u64::from(*last) << 16
    } else {
        bytes.first().map_or(0, |&only| u64::from(only))
    }
}

/// The eight bytes of `bytes` from `at`, little-endian; 0 past the end.
#[inline]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at.wrapping_add(8))
        .and_then(|word| word.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The four bytes of `bytes` from `at`, little-endian; 0 past the end.
#[inline]
fn half_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at.wrapping_add(4))
        .and_then(|half| half.try_into().ok())
        .map_or(0, |half| u64::from(u32::from_le_bytes(half)))
}

#[cfg(test)]
mod tests {
    use super::{Folded, FOLDED};

    #[test]
    fn folded_codes_are_equal_exactly_when_the_codes_are() {
        // Each byte of codes of 0 to 32 bytes, changed alone, changes the words; a code
        // and the code one byte shorter differ in length.
        let base = "abcdefghijklmnopqrstuvwxyz012345";
        assert_eq!(base.len(), FOLDED);
        for len in 0..=FOLDED {
            let code = &base[..len];
            let folded = Folded::of(code);
            assert_eq!(folded.len, len as u64);
            assert_eq!(Folded::of(code), folded, "{code:?}");
            for at in 0..len {
                let mut changed = code.as_bytes().to_vec();
                changed[at] = b'_';
                let changed = core::str::from_utf8(&changed).expect("ASCII");
                assert_ne!(Folded::of(changed), folded, "{code:?} at {at}");
            }
        }
    }
}
