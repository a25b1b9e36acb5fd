//! The noise search for plain text: ASCII, no control char, no two spaces in a row. There
//! the normal form of a text is the text itself and no run of whitespace is longer than a
//! space, so a literal reads in a text exactly where its bytes are: the search looks for
//! bytes, anchored on the literal's rarest one, eight bytes at a time.

use super::{match_pattern, Pattern};

const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// Whether `text` is plain: eight bytes at a time, a byte that is not ASCII or below a
/// space, or a space after a space.
pub(super) fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the byte before the current word is a space.
    let mut space_before = false;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let spaces = zero(word ^ (ONES * u64::from(b' ')));
        let doubled = spaces & (spaces << 8 | u64::from(space_before) << 7);
        let control = word.wrapping_sub(ONES * 0x20) & !word;
        if (word | control | doubled) & HIGH != 0 {
            return false;
        }
        space_before = chunk[7] == b' ';
        at += 8;
    }
    let mut previous = if space_before { b' ' } else { 0 };
    for &b in bytes.get(at..).unwrap_or_default() {
        if !(0x20..0x80).contains(&b) || b == b' ' && previous == b' ' {
            return false;
        }
        previous = b;
    }
    true
}

/// A flag in the high bit of each byte of `word` that is zero, and of no other.
fn zero(word: u64) -> u64 {
    const LOW: u64 = !HIGH;
    !(((word & LOW) + LOW) | word | LOW)
}

/// [`super::noise_start`] for a plain `text`: where a tail that `pattern` matches starts
/// (not at the text's first char); with a field, only the first place the first literal
/// reads is tried.
pub(super) fn noise_start(
    text: &str,
    pattern: &Pattern<'_>,
    ranges: &mut [(usize, usize)],
) -> Option<usize> {
    let count = pattern.lits.len();
    let first = pattern.lits.get(0);
    if count == 0 || count > 1 && !text.ends_with(pattern.lits.get(count - 1)) {
        return None;
    }
    let mut from = 1;
    loop {
        let start = find(text.as_bytes(), from, first.as_bytes())?;
        if match_pattern(text.get(start..)?, pattern, ranges) {
            return Some(start);
        }
        if count > 1 {
            return None;
        }
        from = start + 1;
    }
}

/// The first place from `from` where `text` has the bytes of `lit` (not empty).
fn find(text: &[u8], from: usize, lit: &[u8]) -> Option<usize> {
    let (anchor, &byte) = lit.iter().enumerate().max_by_key(|&(_, &b)| rarity(b))?;
    let mut at = from.checked_add(anchor)?;
    loop {
        at = position(text, at, byte)?;
        let start = at - anchor;
        if text.get(start..start + lit.len()) == Some(lit) {
            return Some(start);
        }
        at += 1;
    }
}

/// How rarely `b` shows in a message: punctuation less often than digits and capitals,
/// those less often than small letters, and those less often than the space.
fn rarity(b: u8) -> u8 {
    match b {
        b' ' => 0,
        b'a'..=b'z' => 1,
        b'A'..=b'Z' | b'0'..=b'9' => 2,
        _ => 3,
    }
}

/// Where `byte` first is in `text` from `at`: eight bytes at a time, then one by one.
fn position(text: &[u8], mut at: usize, byte: u8) -> Option<usize> {
    let wanted = ONES * u64::from(byte);
    while let Some(chunk) = text.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // The lowest byte flagged is the first equal one.
        let flags = zero(u64::from_le_bytes(chunk) ^ wanted);
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    Some(at + text.get(at..)?.iter().position(|&b| b == byte)?)
}
