//! Where a code's slot is: a perfect hash built at compile time (one multiply for integer
//! codes where a multiplier is found, else hash and displace: a key's bucket gives a
//! displacement, the displaced hash gives its slot), and the buckets probes are sorted into
//! by the lead of a message's first char.

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

/// Hash of a string code: eight bytes at a time, each word mixed in by one multiply (the
/// last word read so that it ends with the code, overlapping the one before), its length
/// first, then the integer finaliser. A byte at a time (FNV-1a) made a 20-byte code a
/// chain of 20 multiplies.
#[must_use]
#[inline]
pub fn hash_str(code: &str, seed: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = code.as_bytes();
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(31);
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    if bytes.len() >= 8 {
        let (body, _) = bytes.split_at(bytes.len() - 1);
        for word in body.chunks_exact(8) {
            h = mix(h, word_at(word, 0));
        }
        h = mix(h, word_at(bytes, bytes.len() - 8));
    } else if bytes.len() >= 4 {
        let (first, last) = (half_at(bytes, 0), half_at(bytes, bytes.len() - 4));
        h = mix(h, first | (last << 32));
    } else if let [first, .., last] = bytes {
        let middle = bytes[bytes.len() / 2];
        h = mix(
            h,
            u64::from(*first) | u64::from(middle) << 8 | u64::from(*last) << 16,
        );
    } else if let [only] = bytes {
        h = mix(h, u64::from(*only));
    }
    #[allow(clippy::cast_possible_wrap)]
    hash_int(h as i64, seed)
}

/// The eight bytes of `bytes` from `at`, little-endian; 0 past the end.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|word| word.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The four bytes of `bytes` from `at`, little-endian; 0 past the end.
#[inline]
fn half_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 4)
        .and_then(|half| half.try_into().ok())
        .map_or(0, |half| u64::from(u32::from_le_bytes(half)))
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
