//! Reading the tables' little-endian arrays, never past their end. Offsets wrap rather
//! than overflow: a wrapped range is empty, so a bad index reads nothing instead of
//! panicking.

/// The `u32` at `index` of little-endian `bytes`; 0 past the end. `const`, so that a
/// generated table's header is read at compile time.
#[must_use]
#[inline]
pub const fn word(bytes: &[u8], index: usize) -> u32 {
    let at = index.wrapping_mul(4);
    let end = at.wrapping_add(4);
    if end < at || end > bytes.len() {
        return 0;
    }
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The `u64` at `index` (counted in `u32`s) of little-endian `bytes`, low word first; 0
/// past the end.
#[must_use]
#[inline]
pub const fn wide(bytes: &[u8], index: usize) -> u64 {
    (word(bytes, index.wrapping_add(1)) as u64) << 32 | word(bytes, index) as u64
}

/// The `N` `u32`s of record `index` of little-endian `bytes`, if there.
#[must_use]
#[inline]
pub fn record<const N: usize>(bytes: &[u8], index: usize) -> Option<[u32; N]> {
    let at = index.wrapping_mul(N * 4);
    let bytes = bytes.get(at..at.wrapping_add(N * 4))?;
    let mut words = [0; N];
    for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(4)) {
        *word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(words)
}

/// The two `i64`s at `index` of little-endian `bytes` (those at `2 × index` and after), if
/// there: one bounds check for both.
#[must_use]
#[inline]
pub fn longs(bytes: &[u8], index: usize) -> Option<(i64, i64)> {
    let at = index.wrapping_mul(16);
    let b: &[u8; 16] = bytes.get(at..at.wrapping_add(16))?.try_into().ok()?;
    let (first, second) = b.split_at(8);
    Some((
        i64::from_le_bytes(first.try_into().ok()?),
        i64::from_le_bytes(second.try_into().ok()?),
    ))
}
