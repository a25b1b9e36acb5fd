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

/// Hash of a string code (FNV-1a, then the integer finaliser).
#[must_use]
#[inline]
pub fn hash_str(code: &str, seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in code.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    #[allow(clippy::cast_possible_wrap)]
    hash_int(h as i64, seed)
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
