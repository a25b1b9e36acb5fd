//! The noise search for plain text: ASCII, no control char, no two spaces in a row. There
//! the normal form of a text is the text itself and no run of whitespace is longer than a
//! space, so a literal reads in a text exactly where its bytes are: the search looks for
//! bytes, anchored on one that is rarely in a message, eight bytes at a time.

use super::Pattern;

const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// Whether `text` is plain: eight bytes at a time (the last eight overlapping those
/// before), a byte that is not ASCII or below a space, or a space after a space.
pub(super) fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&last) = bytes.last_chunk::<8>() else {
        let mut previous = 0;
        return bytes.iter().all(|&b| {
            let plain = (0x20..0x80).contains(&b) && !(b == b' ' && previous == b' ');
            previous = b;
            plain
        });
    };
    // The flags of what is not plain, gathered: a text is rarely not plain.
    let mut flags = 0;
    // The flag of a space ending the word before, where the word's first byte's would be.
    let mut space_before = 0;
    let mut flag = |word: u64, space_before: u64| {
        let spaces = zero(word ^ (ONES * u64::from(b' ')));
        flags |=
            word | word.wrapping_sub(ONES * 0x20) & !word | spaces & (spaces << 8 | space_before);
        spaces >> 56
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        space_before = flag(word, space_before);
    }
    if !chunks.remainder().is_empty() {
        let before = bytes.len() - 9;
        let space_before = if bytes.get(before) == Some(&b' ') {
            0x80
        } else {
            0
        };
        flag(u64::from_le_bytes(last), space_before);
    }
    flags & HIGH == 0
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
    /// The last byte of `last`, if it has one: most texts are ruled out by it alone.
    last_byte: Option<u8>,
    /// The field that holds a request id ([`super::request_id_field`]).
    request_id: Option<usize>,
    /// The byte of `first` the search looks for, and where it is in it.
    anchor: (usize, u8),
}

/// A table's noise patterns read for the plain search, once per table rather than once
/// per message.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Prepared<'p> {
    noise: [Option<Noise<'p>>; MAX_NOISE],
    /// How many of `noise` there are: the search loops over those only.
    count: usize,
}

/// `noise` read for the plain search; `None` where the general way must be taken (too
/// many patterns, or one that starts with a field).
pub(crate) fn prepare<'p>(noise: impl Iterator<Item = Pattern<'p>>) -> Option<Prepared<'p>> {
    let mut read: [Option<Noise<'p>>; MAX_NOISE] = [None; MAX_NOISE];
    let mut prepared = 0;
    for (slot, pattern) in noise.enumerate() {
        let count = pattern.lits.len();
        let first = pattern.lits.get(0).as_bytes();
        let anchor = anchor(first)?;
        *read.get_mut(slot)? = Some(Noise {
            pattern,
            first,
            last: pattern.lits.get(count.saturating_sub(1)),
            last_byte: pattern.lits.get(count.saturating_sub(1)).bytes().last(),
            request_id: super::request_id_field(pattern.fields),
            anchor,
        });
        prepared = slot + 1;
    }
    Some(Prepared {
        noise: read,
        count: prepared,
    })
}

/// [`super::strip_noise`] for a plain `text` (trimmed); `None` where the general way must
/// be taken (see [`prepare`]).
#[cfg(test)]
pub(super) fn strip<'m, 'p>(
    text: &'m str,
    noise: impl Iterator<Item = Pattern<'p>>,
    ranges: &mut [(usize, usize)],
    stripped: impl FnMut(&Pattern<'p>, &'m str, &mut [(usize, usize)], Option<usize>),
) -> Option<&'m str> {
    Some(strip_prepared(text, &prepare(noise)?, ranges, stripped))
}

/// [`super::strip_noise`] for a plain `text` (trimmed), with its patterns read.
pub(super) fn strip_prepared<'m, 'p>(
    mut text: &'m str,
    prepared: &Prepared<'p>,
    ranges: &mut [(usize, usize)],
    mut stripped: impl FnMut(&Pattern<'p>, &'m str, &mut [(usize, usize)], Option<usize>),
) -> &'m str {
    let mut firsts = [Searched::No; MAX_NOISE];
    let mut at = 0;
    // Each round tries the patterns in order from the first; a tail stripped starts the
    // next round.
    while at < prepared.count.min(MAX_NOISE) {
        let (Some(noise), Some(first)) = (&prepared.noise[at], firsts.get_mut(at)) else {
            break;
        };
        at += 1;
        if noise.rules_out(text.as_bytes(), *first) {
            continue;
        }
        if let Some(start) = noise_start(text, noise, first, ranges) {
            stripped(
                &noise.pattern,
                text.get(start..).unwrap_or_default(),
                ranges,
                noise.request_id,
            );
            text = trim_end(text.get(..start).unwrap_or_default());
            at = 0;
        }
    }
    text
}

/// Where a pattern's first literal first reads in a text, from its second byte, once
/// searched. Each text searched after it is a start of it, which has the literal there if
/// it is long enough, or nowhere: one search serves every round of stripping.
#[derive(Clone, Copy)]
enum Searched {
    No,
    At(Option<usize>),
}

impl Noise<'_> {
    /// Whether the pattern cannot match a tail of `text` by a look at its last byte, or at
    /// where its first literal was found before.
    #[inline]
    fn rules_out(&self, text: &[u8], first: Searched) -> bool {
        self.last_byte
            .is_some_and(|want| text.last() != Some(&want))
            || match first {
                Searched::No => false,
                Searched::At(None) => true,
                Searched::At(Some(start)) => start + self.first.len() > text.len(),
            }
    }
}

/// [`super::noise_start`] for a plain `text`: where a tail that the pattern matches starts
/// (not at the text's first char); with a field, only the first place the first literal
/// reads is tried, found once in `first`.
fn noise_start(
    text: &str,
    noise: &Noise<'_>,
    first: &mut Searched,
    ranges: &mut [(usize, usize)],
) -> Option<usize> {
    let count = noise.pattern.lits.len();
    if count == 1 {
        // No field: the literal is the whole tail.
        let start = text.len().checked_sub(noise.first.len())?;
        return (start >= 1 && match_plain(text.get(start..)?, &noise.pattern, ranges))
            .then_some(start);
    }
    if !ends_with(text.as_bytes(), noise.last.as_bytes()) {
        return None;
    }
    let start = match *first {
        Searched::At(start) => start?,
        Searched::No => {
            let found = find(text.as_bytes(), 1, noise.first, noise.anchor);
            *first = Searched::At(found);
            found?
        }
    };
    let tail = text.get(start..)?;
    if tail.len() < noise.pattern.min_len as usize {
        return None;
    }
    // One field to the end, as WeChat's ` rid: {rid}`: the rest of the tail, if any.
    if count == 2 && noise.last.is_empty() {
        let field = (noise.first.len(), tail.len());
        if field.1 <= field.0 {
            return None;
        }
        if let Some(range) = ranges.first_mut() {
            *range = field;
        }
        return Some(start);
    }
    match_fields(tail, &noise.pattern, ranges).then_some(start)
}

/// A plain text trimmed at its end: its one space there, if any (it has no other
/// whitespace, and no two spaces in a row).
fn trim_end(text: &str) -> &str {
    text.strip_suffix(' ').unwrap_or(text)
}

/// A plain text trimmed: [`trim_end`] at both ends.
pub(super) fn trim(text: &str) -> &str {
    let text = text.strip_prefix(' ').unwrap_or(text);
    trim_end(text)
}

/// Whether `a` and `b` hold the same bytes, compared eight at a time: the literals are
/// short, and a call to `memcmp` costs more than comparing them.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && super::common_prefix(a, b) == a.len()
}

fn starts_with(text: &[u8], lit: &[u8]) -> bool {
    text.get(..lit.len()).is_some_and(|head| same(head, lit))
}

fn ends_with(text: &[u8], lit: &[u8]) -> bool {
    text.len()
        .checked_sub(lit.len())
        .and_then(|start| text.get(start..))
        .is_some_and(|tail| same(tail, lit))
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
        return same(text.as_bytes(), first.as_bytes());
    }
    if !starts_with(text.as_bytes(), first.as_bytes())
        || !ends_with(text.as_bytes(), last.as_bytes())
    {
        return false;
    }
    match_fields(text, pattern, ranges)
}

/// [`match_plain`] for a `text` that starts with the first literal and ends with the last
/// one, as long as the pattern's shortest match, of a pattern with fields.
fn match_fields(text: &str, pattern: &Pattern<'_>, ranges: &mut [(usize, usize)]) -> bool {
    let count = pattern.lits.len();
    if count < 2 {
        return false;
    }
    let (first, last) = (
        pattern.lits.get(0),
        pattern.lits.get(count.saturating_sub(1)),
    );
    let Some(end) = text.len().checked_sub(last.len()) else {
        return false;
    };
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
        if text.get(start..).is_some_and(|rest| starts_with(rest, lit)) {
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
