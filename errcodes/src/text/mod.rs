//! Message matching without regex, without allocation and without a copy of the message.
//!
//! Both sides of a comparison are normalised: full-width ASCII forms (`，` `：` `（`) become
//! their half-width twins, every kind of whitespace becomes one space, and runs of whitespace
//! compare as one. Messages are trimmed first. A message matches a pattern when its normal
//! form does.
//!
//! The macro normalises the literal text of every pattern at compile time. The message is
//! read in place: literals are compared byte by byte, eight at a time, and chars are decoded
//! and normalised only where the bytes differ (a full-width form, a run of whitespace). So a
//! comparison costs about the length of the literal, whatever the length of the message, and
//! field values are ranges of the message as received.

mod plain;
mod strings;

pub use errcodes_layout::{lead, normalize};
pub(crate) use plain::{prepare as prepare_noise, Prepared};
pub use strings::{Pattern, Strings};

use errcodes_layout::MAX_FIELDS;

/// The leads of a trimmed message's first and last chars, normalised; 0 for an empty
/// message.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn message_ends(text: &str) -> (u32, u32) {
    if let Some((first, last)) = raw_ends(text.as_bytes()) {
        if !changes(first) && !changes(last) {
            return (first, last);
        }
    }
    normal_ends(text)
}

/// [`message_ends`] char by char.
#[inline(never)]
fn normal_ends(text: &str) -> (u32, u32) {
    match last_char_start(text.as_bytes()) {
        Some(last) => (normal_lead(text, 0), normal_lead(text, last)),
        None => (0, 0),
    }
}

/// The leads of the first and last chars of UTF-8 `bytes` as they are, read as two words
/// without a loop; `None` for fewer than four bytes.
#[inline]
fn raw_ends(bytes: &[u8]) -> Option<(u32, u32)> {
    let head = u32::from_be_bytes(*bytes.first_chunk::<4>()?);
    let tail = u32::from_be_bytes(*bytes.last_chunk::<4>()?);
    // The first char's length, from its first byte: keep that many bytes.
    #[allow(clippy::cast_possible_truncation)] // the top byte
    let first_len = char_len(&[(head >> 24) as u8], 0) as u32;
    let first = head & (u32::MAX << (32 - 8 * first_len));
    // The last char's length: one more than the continuation bytes (`10xxxxxx`, zero here)
    // that end the word.
    let marks = (tail & 0xC0C0_C0C0) ^ 0x8080_8080;
    let last_len = (marks.trailing_zeros() / 8 + 1).min(4);
    let last = tail << (32 - 8 * last_len);
    Some((first, last))
}

/// Whether normalisation may change a char of lead `lead`: whitespace and full-width forms
/// start with these bytes.
#[inline]
fn changes(lead: u32) -> bool {
    matches!(lead >> 24, 0x09..=0x0D | 0xC2 | 0xE1..=0xE3 | 0xEF)
}

/// The lead of the normal form of the char at `at`, read from its bytes: only whitespace
/// and full-width forms change, and only they start with the bytes that take the slow path.
#[inline]
fn normal_lead(text: &str, at: usize) -> u32 {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.get(at) else {
        return 0;
    };
    if changes(u32::from(first) << 24) {
        return char_at(text, at).map_or(0, |c| lead(normalize(c)));
    }
    let mut word = u32::from(first) << 24;
    for i in 1..char_len(bytes, at) {
        word |= u32::from(bytes.get(at + i).copied().unwrap_or(0)) << (24 - 8 * i);
    }
    word
}

/// The message trimmed, and [`message_ends`] of it: a message of four bytes or more whose
/// ends are neither whitespace nor changed by normalisation is read once.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn trim_ends(text: &str) -> (&str, (u32, u32)) {
    if let Some((first, last)) = raw_ends(text.as_bytes()) {
        if !changes(first)
            && !changes(last)
            && !may_be_space_lead(first)
            && !may_be_space_lead(last)
        {
            return (text, (first, last));
        }
    }
    let text = text.trim();
    (text, message_ends(text))
}

/// [`may_be_space`] of a lead's first byte.
#[inline]
fn may_be_space_lead(lead: u32) -> bool {
    #[allow(clippy::cast_possible_truncation)] // the top byte
    may_be_space((lead >> 24) as u8)
}

/// Whether a char that starts with byte `b` can be whitespace.
#[inline]
fn may_be_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3)
}

/// Matches a trimmed message against `pattern`; on success, writes the byte range of each
/// field's value in `text` to `out` (as far as it holds).
#[inline]
pub(crate) fn match_pattern(text: &str, pattern: &Pattern<'_>, out: &mut [(usize, usize)]) -> bool {
    let lits = pattern.lits;
    let count = lits.len();
    if text.len() < pattern.min_len as usize || count == 0 {
        return false;
    }
    match_lits(text, count - 1, lits.get(0), lits.get(count - 1), lits, out)
}

/// Whether the whole of a trimmed message reads as `lit`: a pattern without fields.
#[inline]
pub(crate) fn match_whole(text: &str, lit: &str) -> bool {
    prefix(text, 0, lit) == Some(text.len())
}

/// [`match_pattern`] for a pattern of `fields` fields whose first and last literals are
/// `first` and `last`; `lits` are all its literals, read only for those between two fields
/// (so they may be empty for fewer than two fields).
#[inline]
pub(crate) fn match_lits(
    text: &str,
    fields: usize,
    first: &str,
    last: &str,
    lits: Strings<'_>,
    out: &mut [(usize, usize)],
) -> bool {
    if fields == 0 {
        return match_whole(text, first);
    }
    // The end first: it rejects most messages after a byte or two.
    let Some(end) = suffix(text, last) else {
        return false;
    };
    let Some(mut pos) = prefix(text, 0, first) else {
        return false;
    };
    for i in 1..fields {
        // A field is not empty: the literal starts after at least one char.
        let from = pos + char_len(text.as_bytes(), pos);
        let Some((start, after)) = find(text, from, lits.get(i)) else {
            return false;
        };
        if let Some(slot) = out.get_mut(i - 1) {
            *slot = (pos, start);
        }
        pos = after;
    }
    let end = if end > pos {
        end
    } else {
        // The last literal starts with a run of whitespace that began before the field: the
        // rest of the run still reads as its space, from the field's second char on.
        let from = pos + char_len(text.as_bytes(), pos);
        if !last.starts_with(' ') || from >= skip_spaces(text, end) {
            return false;
        }
        from
    };
    if let Some(slot) = out.get_mut(fields - 1) {
        *slot = (pos, end);
    }
    true
}

/// [`strip_noise_with`], the patterns read for this text alone.
#[cfg(test)]
pub(crate) fn strip_noise<'m, 'p>(
    text: &'m str,
    noise: &(impl Iterator<Item = Pattern<'p>> + Clone),
    stripped: impl FnMut(&Pattern<'p>, &'m str, &[(usize, usize)], Option<usize>),
) -> &'m str {
    strip_noise_with(
        text,
        plain::prepare(noise.clone()).as_ref(),
        noise,
        stripped,
    )
}

/// Strips `noise` patterns from the end of `text`, again and again, then trims. A noise
/// pattern must match a whole tail of the message, such as WeChat's ` rid: {rid}`, that
/// starts after its first char: a message that is all noise is kept.
/// `stripped` sees each tail stripped, with the pattern that matched it, the ranges of its
/// fields in the tail, and which of them holds a request id ([`request_id_field`]).
/// `prepared` is `noise` as the plain search reads it, where it can ([`prepare_noise`]): a
/// table reads it once.
pub(crate) fn strip_noise_with<'m, 'p>(
    text: &'m str,
    prepared: Option<&Prepared<'p>>,
    noise: &(impl Iterator<Item = Pattern<'p>> + Clone),
    mut stripped: impl FnMut(&Pattern<'p>, &'m str, &[(usize, usize)], Option<usize>),
) -> &'m str {
    let mut ranges = [(0, 0); MAX_FIELDS];
    if let Some(prepared) = prepared {
        // A plain text trimmed is plain; so is what is left of it as noise is stripped.
        let plain = if plain::is_plain(text) {
            Some(plain::trim(text))
        } else {
            let trimmed = text.trim();
            (trimmed.len() < text.len() && plain::is_plain(trimmed)).then_some(trimmed)
        };
        if let Some(text) = plain {
            return plain::strip_prepared(
                text,
                prepared,
                &mut ranges,
                |pattern, tail, ranges, request_id| {
                    stripped(pattern, tail, ranges, request_id);
                },
            );
        }
    }
    let mut text = text.trim();
    while let Some((start, pattern)) = noise
        .clone()
        .find_map(|pattern| noise_start(text, &pattern, &mut ranges).map(|start| (start, pattern)))
    {
        stripped(
            &pattern,
            &text[start..],
            &ranges,
            request_id_field(pattern.fields),
        );
        text = text[..start].trim_end();
    }
    text
}

/// Which field of a noise pattern holds a request id: the first called `request_id`, else
/// the first called `rid` (WeChat appends ` rid: <id>` to its messages).
pub(crate) fn request_id_field(fields: Strings<'_>) -> Option<usize> {
    let field = |name| (0..fields.len().min(MAX_FIELDS)).find(|&i| fields.get(i) == name);
    field("request_id").or_else(|| field("rid"))
}

fn noise_start(text: &str, pattern: &Pattern<'_>, ranges: &mut [(usize, usize)]) -> Option<usize> {
    let count = pattern.lits.len();
    // With a field, a tail matches only if it ends with the last literal, and so does the
    // text: one comparison at the end rules out a pattern without a search.
    if pattern.lits.is_empty() || count > 1 && !may_end_with(text, pattern.lits.get(count - 1)) {
        return None;
    }
    let first = pattern.lits.get(0);
    let mut from = char_len(text.as_bytes(), 0);
    while from < text.len() {
        let start = if first.is_empty() {
            from
        } else {
            find(text, from, first)?.0
        };
        let run =
            is_space_at(text, start) && char_before(text, start).is_some_and(char::is_whitespace);
        if !run {
            if match_pattern(&text[start..], pattern, ranges) {
                return Some(start);
            }
            // With a field, the last literal is held at the end of the text: a later start
            // only leaves less room for the rest, so it fails too. Trying every start would
            // make patterns of two fields quadratic.
            if pattern.lits.len() > 1 {
                return None;
            }
        }
        from = start + char_len(text.as_bytes(), start);
    }
    None
}

/// If the normal form of `text` from `at` starts with `lit`, the offset just past the chars
/// that give it; a run of whitespace that gives the literal's last space is taken whole.
#[inline]
fn prefix(text: &str, at: usize, lit: &str) -> Option<usize> {
    let (t, l) = (text.as_bytes(), lit.as_bytes());
    let (mut i, mut j) = (at, 0);
    loop {
        let same = common_prefix(t.get(i..)?, &l[j..]);
        i += same;
        j += same;
        if j == l.len() {
            break;
        }
        // The literal's printable ASCII char as its full-width form: no decoding.
        if let Some(&want) = l.get(j) {
            if t.get(i..i + 3) == Some(&wide(want)) {
                i += 3;
                j += 1;
                continue;
            }
        }
        // They differ inside a char: compare the whole chars.
        while j > 0 && is_continuation(l[j]) {
            i -= 1;
            j -= 1;
        }
        let got = char_at(text, i)?;
        if j > 0 && l[j - 1] == b' ' && got.is_whitespace() {
            i = skip_spaces(text, i);
            continue;
        }
        let want = char_at(lit, j)?;
        if normalize(got) != want {
            return None;
        }
        i += got.len_utf8();
        j += want.len_utf8();
    }
    if l.last() == Some(&b' ') {
        i = skip_spaces(text, i);
    }
    Some(i)
}

/// Where the chars start whose normal form is `lit` and which end `text`; a run of
/// whitespace that gives the literal's first space is taken whole. `text.len()` for an
/// empty literal.
#[inline]
fn suffix(text: &str, lit: &str) -> Option<usize> {
    let (t, l) = (text.as_bytes(), lit.as_bytes());
    let (mut i, mut j) = (t.len(), l.len());
    loop {
        let same = common_suffix(&t[..i], &l[..j]);
        i -= same;
        j -= same;
        if j == 0 {
            break;
        }
        // The literal's printable ASCII char as its full-width form: no decoding.
        if let Some(&want) = l.get(j - 1) {
            if i >= 3 && t.get(i - 3..i) == Some(&wide(want)) {
                i -= 3;
                j -= 1;
                continue;
            }
        }
        // They differ inside a char: compare the whole chars.
        while j < l.len() && is_continuation(l[j]) {
            i += 1;
            j += 1;
        }
        let got = char_before(text, i)?;
        if j < l.len() && l[j] == b' ' && got.is_whitespace() {
            i = skip_spaces_back(text, i);
            continue;
        }
        let want = char_before(lit, j)?;
        if normalize(got) != want {
            return None;
        }
        i -= got.len_utf8();
        j -= want.len_utf8();
    }
    if l.first() == Some(&b' ') {
        i = skip_spaces_back(text, i);
    }
    Some(i)
}

/// The first place from `from` (a char boundary) from which `text` reads as `lit` (not
/// empty) goes on, and the offset just past it.
#[inline]
fn find(text: &str, from: usize, lit: &str) -> Option<(usize, usize)> {
    let t = text.as_bytes();
    let first = *lit.as_bytes().first()?;
    let start = from;
    let mut from = from;
    loop {
        // Bytes that can begin a char whose normal form begins `lit`.
        let skip = t.get(from..)?.iter().position(|&b| match first {
            b' ' => may_be_space(b),
            b'!'..=b'~' => b == first || b == 0xEF,
            _ => b == first,
        })?;
        let at = from + skip;
        // Inside a run of whitespace, a space reads the same from each char: only the run's
        // first, or the first place allowed, is tried, so that long runs stay linear.
        let inside_run =
            first == b' ' && at > start && char_before(text, at).is_some_and(char::is_whitespace);
        if !inside_run && !differs_next(t, at, lit) {
            if let Some(end) = prefix(text, at, lit) {
                return Some((at, end));
            }
        }
        from = at + char_len(t, at);
    }
}

/// Whether `text` may end with chars that read as `lit`: [`suffix`], after a look at the last
/// byte of each, which settles it when both are ASCII and `lit`'s is no space.
#[inline]
fn may_end_with(text: &str, lit: &str) -> bool {
    match (text.as_bytes().last(), lit.as_bytes().last()) {
        (Some(&got), Some(&want)) if got.is_ascii() && want.is_ascii() && want != b' ' => {
            got == want && suffix(text, lit).is_some()
        }
        _ => suffix(text, lit).is_some(),
    }
}

/// Whether the byte after `at`, where `text` has `lit`'s first byte, rules `lit` out with no
/// more work: an ASCII char that is no whitespace (so no run goes on) and not `lit`'s next
/// byte. Most candidates of a search fail so, at a space between two words.
#[inline]
fn differs_next(text: &[u8], at: usize, lit: &str) -> bool {
    let lit = lit.as_bytes();
    match (text.get(at), text.get(at + 1), lit.get(1)) {
        (Some(&here), Some(&next), Some(&want)) => {
            here == lit[0] && next.is_ascii() && !char::from(next).is_whitespace() && next != want
        }
        _ => false,
    }
}

/// The UTF-8 bytes of the full-width form of `b` if it is printable ASCII (`!` to `~`,
/// U+FF01 to U+FF5E), which normalises to `b`; else bytes no text holds.
#[inline]
fn wide(b: u8) -> [u8; 3] {
    match b {
        b'!'..=b'_' => [0xEF, 0xBC, b + 0x60],
        b'`'..=b'~' => [0xEF, 0xBD, b + 0x20],
        _ => [0xFF; 3],
    }
}

/// Length of the common prefix of `left` and `right`, compared eight bytes at a time.
#[inline]
fn common_prefix(left: &[u8], right: &[u8]) -> usize {
    let len = left.len().min(right.len());
    let mut at = 0;
    while at + 8 <= len {
        let differ = word(&left[at..]) ^ word(&right[at..]);
        if differ != 0 {
            return at + (differ.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    if at == len {
        return len;
    }
    if len >= 8 {
        // The last eight bytes, overlapping those known equal: no loop over the rest.
        let from = len - 8;
        let differ = word(&left[from..]) ^ word(&right[from..]);
        return if differ == 0 {
            len
        } else {
            from + (differ.trailing_zeros() / 8) as usize
        };
    }
    while at < len && left[at] == right[at] {
        at += 1;
    }
    at
}

/// Length of the common suffix of `left` and `right`, compared eight bytes at a time.
#[inline]
fn common_suffix(left: &[u8], right: &[u8]) -> usize {
    let len = left.len().min(right.len());
    let (left, right) = (&left[left.len() - len..], &right[right.len() - len..]);
    let mut done = 0;
    while done + 8 <= len {
        let differ = word(&left[len - done - 8..]) ^ word(&right[len - done - 8..]);
        if differ != 0 {
            return done + (differ.leading_zeros() / 8) as usize;
        }
        done += 8;
    }
    if done == len {
        return len;
    }
    if len >= 8 {
        let differ = word(left) ^ word(right);
        return if differ == 0 {
            len
        } else {
            len - 8 + (differ.leading_zeros() / 8) as usize
        };
    }
    while done < len && left[len - 1 - done] == right[len - 1 - done] {
        done += 1;
    }
    done
}

/// The first eight bytes of `bytes` (which has at least eight), little-endian.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}

#[inline]
fn is_continuation(b: u8) -> bool {
    (0x80..0xC0).contains(&b)
}

/// Where the last char of UTF-8 `bytes` starts; `None` when they are empty.
#[inline]
fn last_char_start(bytes: &[u8]) -> Option<usize> {
    let mut last = bytes.len().checked_sub(1)?;
    while last > 0 && is_continuation(bytes[last]) {
        last -= 1;
    }
    Some(last)
}

/// Length of the char at `at`; 1 past the end, so that a scan steps past it.
#[inline]
fn char_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(&b) if b >= 0xF0 => 4,
        Some(&b) if b >= 0xE0 => 3,
        Some(&b) if b >= 0xC0 => 2,
        _ => 1,
    }
}

#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

#[inline]
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn is_space_at(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(char::is_whitespace)
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at).filter(|c| c.is_whitespace()) {
        at += c.len_utf8();
    }
    at
}

fn skip_spaces_back(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_before(text, at).filter(|c| c.is_whitespace()) {
        at -= c.len_utf8();
    }
    at
}

#[cfg(test)]
mod tests;
