//! How message text is compared: both sides are normalised char by char.

/// The same char after normalisation: full-width forms to ASCII, all whitespace to `' '`.
/// The writer normalises a template's literals with it, the reader each message.
#[must_use]
#[inline]
pub fn normalize(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// The UTF-8 bytes of `c`, big-endian in a `u32`: the key probes are sorted by; 0 stands
/// for no char.
#[must_use]
#[inline]
pub fn lead(c: char) -> u32 {
    let mut bytes = [0; 4];
    c.encode_utf8(&mut bytes);
    u32::from_be_bytes(bytes)
}
