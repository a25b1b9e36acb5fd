//! Where a code's slot is: a perfect hash built at compile time (one multiply for integer
//! codes where a multiplier is found, else hash and displace: a key's bucket gives a
//! displacement, the displaced hash gives its slot), and the buckets probes are sorted into
//! by the lead of a message's first char.

use crate::folded::{word_at, Folded, FOLDED};

/// The slot of an integer code in a table of `1 << (64 - shift)` slots: the top bits of
/// `code * mult` (wrapping). Total: any shift is taken modulo 64.
#[must_use]
#[inline]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // the bits are hashed; < 2^bits
pub const fn multiply_slot(code: i64, mult: u64, shift: u32) -> usize {
    (code as u64).wrapping_mul(mult).wrapping_shr(shift) as usize
}

/// Hash of an integer code (the `fmix64` finaliser of `MurmurHash3`, seeded).
#[must_use]
#[inline]
pub fn hash_int(code: i64, seed: u64) -> u64 {
    #[allow(clippy::cast_sign_loss)] // the bits are what is hashed
    let mut h = (code as u64) ^ seed;
    h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a string code: its [`Folded`] words multiplied in pairs, each 64 × 64-bit
/// product folded to 64 bits (high half xor low half, as wyhash does), then the two
/// results so; the bytes between the first and last 16 of a longer code are mixed into the
/// first. [`hash_folded`] of the code's own words.
#[must_use]
#[inline]
pub fn hash_str(code: &str, seed: u64) -> u64 {
    hash_folded(code, &Folded::of(code), seed)
}

/// [`hash_str`] of `code`, whose words (`Folded::of(code)`) the caller has read. Three
/// multiplies, two of them side by side: the lookup waits on two.
#[must_use]
#[inline]
pub fn hash_folded(code: &str, folded: &Folded, seed: u64) -> u64 {
    let [w0, w1, w2, w3] = folded.words;
    let mut a = fold(w0 ^ seed ^ P[0], w1 ^ P[1]);
    let b = fold(w2 ^ P[2], w3 ^ folded.len ^ P[3]);
    if code.len() > FOLDED {
        a = middle(a, code);
    }
    fold(a ^ P[4], b ^ seed ^ P[5])
}

/// The key a string code is placed by where its table found a multiplier: its words
/// rotated apart and xored, and its length, with no multiply of its own (the multiplier
/// the table was given is the one multiply). Distinct codes can give one key; the writer
/// then hashes and displaces them instead. A long code's middle is mixed in, out of line.
#[must_use]
#[inline]
pub fn str_key(code: &str, folded: &Folded) -> u64 {
    let [w0, w1, w2, w3] = folded.words;
    let key = w0 ^ w1.rotate_left(19) ^ w2.rotate_left(37) ^ w3.rotate_left(53) ^ folded.len;
    if code.len() > FOLDED {
        middle(key, code)
    } else {
        key
    }
}

/// wyhash's secret constants (odd, half their bits set). The words a code's bytes make
/// cannot cancel the second, third or fourth: each holds a byte pair that no UTF-8 text
/// has (`db 28`, `e3 c6`, `c3 4c`).
const P: [u64; 6] = [
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
    0x5899_65cc_7537_4cc3,
    0x1d8e_4e27_c47d_124f,
    0x9e37_79b9_7f4a_7c15,
];

/// The product of `a` and `b`, its high half xor its low half.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    #[allow(clippy::cast_possible_truncation)] // the two halves
    {
        (product as u64) ^ ((product >> 64) as u64)
    }
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn mix(h: u64, word: u64) -> u64 {
    (h ^ word).wrapping_mul(K).rotate_left(31)
}

/// `a` with the bytes of a long code that its words leave out mixed in. Out of line: codes
/// longer than [`FOLDED`] are rare, and the loop would crowd the lookup of the others.
#[cold]
#[inline(never)]
fn middle(mut a: u64, code: &str) -> u64 {
    let middle = code.as_bytes().get(16..code.len() - 16).unwrap_or_default();
    for at in (0..middle.len()).step_by(8) {
        a = mix(a, word_at(middle, at) | tail(middle, at));
    }
    a
}

/// The bytes of `bytes` from `at` to its end, when fewer than eight (zero-padded); 0 when
/// there are eight or more, which [`word_at`] reads.
fn tail(bytes: &[u8], at: usize) -> u64 {
    let rest = bytes.get(at..).unwrap_or_default();
    if rest.len() >= 8 {
        return 0;
    }
    rest.iter()
        .rev()
        .fold(0, |word, &byte| word << 8 | u64::from(byte))
}

/// `x` scaled from `0..2^32` to `0..n`: multiply-shift maps to a range without a division.
#[must_use]
#[inline]
pub fn reduce(x: u32, n: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)] // < n
    {
        ((u64::from(x) * n as u64) >> 32) as usize
    }
}

/// The bucket of a hash among `buckets`: its high half selects it.
#[must_use]
#[inline]
pub fn bucket_of(hash: u64, buckets: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    reduce((hash >> 32) as u32, buckets)
}

/// The slot of a hash among `len`, given its bucket's displacement.
#[must_use]
#[inline]
pub fn slot_of(hash: u64, displacement: u32, len: usize) -> usize {
    // The low half, displaced then mixed: mixing after the displacement spreads keys whose
    // low halves differ only in low bits, which multiply-shift would keep together whatever
    // the displacement.
    #[allow(clippy::cast_possible_truncation)]
    let low = (hash as u32 ^ displacement).wrapping_mul(0x9e37_79b9);
    reduce(low, len)
}

/// The slot a hash lands in, given the table's `displacements` (little-endian `u32`s, one
/// per bucket) and `len` slots.
#[must_use]
#[inline]
pub fn place(hash: u64, displacements: &[u8], len: usize) -> usize {
    let bucket = bucket_of(hash, displacements.len() / 4);
    slot_of(hash, crate::word(displacements, bucket), len)
}

/// The bucket of a lead among `1 << bits` (multiplicative hashing); `bits` is 1 to 32.
#[must_use]
#[inline]
pub fn bucket(lead: u32, bits: u32) -> usize {
    (lead.wrapping_mul(0x9e37_79b9) >> (32 - bits.clamp(1, 32))) as usize
}

#[cfg(test)]
mod tests {
    use super::hash_str;

    #[test]
    fn a_string_hash_reads_every_byte_of_every_length() {
        // Each byte of codes of 0 to 40 bytes, changed alone, changes the hash: the words,
        // the overlapping last word and the short forms all read it.
        let base = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        for len in 0..=base.len() {
            let code = &base[..len];
            let hash = hash_str(code, 7);
            for at in 0..len {
                let mut changed = code.as_bytes().to_vec();
                changed[at] = b'_';
                let changed = core::str::from_utf8(&changed).expect("ASCII");
                assert_ne!(hash_str(changed, 7), hash, "{code:?} at {at}");
            }
            // A code and the code with one more byte differ too.
            if let Some(shorter) = len.checked_sub(1) {
                assert_ne!(hash_str(&base[..shorter], 7), hash, "{code:?}");
            }
        }
    }
}
