//! The noise search for plain text: ASCII, no control char, no two spaces in a row. There
//! the normal form of a text is the text itself and no run of whitespace is longer than a
//! space, so a literal reads in a text exactly where its bytes are: the search looks for
//! bytes, anchored on one that is rarely in a message, eight bytes at a time.

use super::Pattern;

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

/// The most noise patterns the plain search takes; a spec with more goes the general way.
const MAX_NOISE: usize = 8;

/// A noise pattern as the plain search reads it: its first and last literals, and the
/// byte of the first that the search looks for.
#[derive(Clone, Copy, Debug)]
struct Noise<'p> {
    pattern: Pattern<'p>,
    first: &'p [u8],
    last: &'p str,
    /// The byte of `first` the search looks for, and where it is in it.
    anchor: (usize, u8),
}

/// A table's noise patterns read for the plain search, once per table rather than once
/// per message.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Prepared<'p> {
    noise: [Option<Noise<'p>>; MAX_NOISE],
}

/// `noise` read for the plain search; `None` where the general way must be taken (too
/// many patterns, or one that starts with a field).
pub(crate) fn prepare<'p>(noise: impl Iterator<Item = Pattern<'p>>) -> Option<Prepared<'p>> {
    let mut read: [Option<Noise<'p>>; MAX_NOISE] = [None; MAX_NOISE];
    for (slot, pattern) in noise.enumerate() {
        let count = pattern.lits.len();
        let first = pattern.lits.get(0).as_bytes();
        let anchor = anchor(first)?;
        *read.get_mut(slot)? = Some(Noise {
            pattern,
            first,
            last: pattern.lits.get(count.saturating_sub(1)),
            anchor,
        });
    }
    Some(Prepared { noise: read })
}

/// [`super::strip_noise`] for a plain `text` (trimmed); `None` where the general way must
/// be taken (see [`prepare`]).
#[cfg(test)]
pub(super) fn strip<'m, 'p>(
    text: &'m str,
    noise: impl Iterator<Item = Pattern<'p>>,
    ranges: &mut [(usize, usize)],
    stripped: impl FnMut(&Pattern<'p>, &'m str, &mut [(usize, usize)]),
) -> Option<&'m str> {
    Some(strip_prepared(text, &prepare(noise)?, ranges, stripped))
}

/// [`super::strip_noise`] for a plain `text` (trimmed), with its patterns read.
pub(super) fn strip_prepared<'m, 'p>(
    mut text: &'m str,
    prepared: &Prepared<'p>,
    ranges: &mut [(usize, usize)],
    mut stripped: impl FnMut(&Pattern<'p>, &'m str, &mut [(usize, usize)]),
) -> &'m str {
    while let Some((start, noise)) = prepared
        .noise
        .iter()
        .flatten()
        .find_map(|noise| noise_start(text, noise, ranges).map(|start| (start, noise)))
    {
        stripped(
            &noise.pattern,
            text.get(start..).unwrap_or_default(),
            ranges,
        );
        text = text.get(..start).unwrap_or_default().trim_end();
    }
    text
}

/// [`super::noise_start`] for a plain `text`: where a tail that the pattern matches starts
/// (not at the text's first char); with a field, only the first place the first literal
/// reads is tried.
fn noise_start(text: &str, noise: &Noise<'_>, ranges: &mut [(usize, usize)]) -> Option<usize> {
    let count = noise.pattern.lits.len();
    if count > 1 && !text.ends_with(noise.last) {
        return None;
    }
    let mut from = 1;
    loop {
        let start = find(text.as_bytes(), from, noise.first, noise.anchor)?;
        if match_plain(text.get(start..)?, &noise.pattern, ranges) {
            return Some(start);
        }
        if count > 1 {
            return None;
        }
        from = start + 1;
    }
}

/// [`super::match_pattern`] for a plain `text`: the literals by their bytes, each field
/// not empty.
pub(super) fn match_plain(
    text: &str,
    pattern: &Pattern<'_>,
    ranges: &mut [(usize, usize)],
) -> bool {
    let count = pattern.lits.len();
    let (first, last) = (
        pattern.lits.get(0),
        pattern.lits.get(count.saturating_sub(1)),
    );
    if count == 0 || text.len() < pattern.min_len as usize {
        return false;
    }
    if count == 1 {
        return text == first;
    }
    if !text.starts_with(first) || !text.ends_with(last) {
        return false;
    }
    let end = text.len() - last.len();
    let mut pos = first.len();
    for i in 1..count - 1 {
        let lit = pattern.lits.get(i).as_bytes();
        let Some(anchor) = lit.first().map(|&b| (0, b)) else {
            return false;
        };
        let Some(start) = find(text.as_bytes(), pos + 1, lit, anchor) else {
            return false;
        };
        if let Some(range) = ranges.get_mut(i - 1) {
            *range = (pos, start);
        }
        pos = start + lit.len();
    }
    if end <= pos {
        return false;
    }
    if let Some(range) = ranges.get_mut(count - 2) {
        *range = (pos, end);
    }
    true
}

/// The first place from `from` where `text` has the bytes of `lit`, found by looking for
/// its byte `byte` at `anchor`.
fn find(text: &[u8], from: usize, lit: &[u8], (anchor, byte): (usize, u8)) -> Option<usize> {
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

/// The byte of `lit` (not empty) to look for: its first that is neither a space nor a
/// small letter, which show in most messages again and again; else its first.
fn anchor(lit: &[u8]) -> Option<(usize, u8)> {
    let at = lit
        .iter()
        .position(|b| !matches!(b, b' ' | b'a'..=b'z'))
        .unwrap_or(0);
    Some((at, *lit.get(at)?))
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
