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

pub use errcodes_layout::{lead, normalize};

/// Consecutive strings of a table: string `k` is `text[bounds[k]..bounds[k + 1]]`, the
/// bounds being little-endian `u32`s.
#[derive(Debug, Clone, Copy)]
pub struct Strings<'t> {
    text: &'t str,
    bounds: &'t [u8],
}

impl<'t> Strings<'t> {
    /// The strings that `bounds` delimit in `text`.
    #[must_use]
    pub fn new(text: &'t str, bounds: &'t [u8]) -> Self {
        Strings { text, bounds }
    }

    /// How many strings.
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        (self.bounds.len() / 4).saturating_sub(1)
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// String `k`; empty past the end.
    #[must_use]
    #[inline]
    pub fn get(&self, k: usize) -> &'t str {
        // Both bounds with one check.
        let Some(b) = self.bounds.get(4 * k..4 * k + 8) else {
            return "";
        };
        let start = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let end = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
        self.text.get(start..end).unwrap_or_default()
    }

    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }
}

/// A message pattern: literal pieces with a field between each pair, so
/// `lits.len() == fields.len() + 1`. A plain message is one literal and no field.
#[derive(Debug, Clone, Copy)]
pub struct Pattern<'t> {
    /// The literal text around the fields, unescaped (`{{` is already `{`), normalised, the
    /// first trimmed at its start and the last at its end.
    pub lits: Strings<'t>,
    /// The field names, in order.
    pub fields: Strings<'t>,
    /// The literals' length in bytes plus one per field: no shorter message can match, as
    /// normalisation never lengthens text.
    pub min_len: u32,
}

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

/// Strips `noise` patterns from the end of `text`, again and again, then trims. A noise
/// pattern must match a whole tail of the message, such as WeChat's ` rid: {rid}`, that
/// starts after its first char: a message that is all noise is kept.
/// `stripped` sees each tail stripped, with the pattern that matched it.
pub(crate) fn strip_noise<'m, 'p>(
    text: &'m str,
    noise: &(impl Iterator<Item = Pattern<'p>> + Clone),
    mut stripped: impl FnMut(&Pattern<'p>, &'m str),
) -> &'m str {
    let mut text = text.trim();
    while let Some((start, pattern)) = noise
        .clone()
        .find_map(|pattern| noise_start(text, &pattern).map(|start| (start, pattern)))
    {
        stripped(&pattern, &text[start..]);
        text = text[..start].trim_end();
    }
    text
}

fn noise_start(text: &str, pattern: &Pattern<'_>) -> Option<usize> {
    if pattern.lits.is_empty() {
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
            if match_pattern(&text[start..], pattern, &mut []) {
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
        if !inside_run {
            if let Some(end) = prefix(text, at, lit) {
                return Some((at, end));
            }
        }
        from = at + char_len(t, at);
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
mod tests {
    use super::*;

    /// The matcher as first written: every char boundary is a candidate start, and both
    /// sides are normalised char by char. Quadratic, but plainly right; the fast one must
    /// agree with it.
    mod reference {
        use super::super::normalize;

        pub struct Pattern {
            pub lits: Vec<&'static str>,
        }

        impl Pattern {
            pub fn of(pattern: &super::Pattern<'static>) -> Self {
                Pattern {
                    lits: pattern.lits.iter().collect(),
                }
            }
        }

        fn chars_from(text: &str, at: usize) -> impl Iterator<Item = (char, usize)> + '_ {
            let mut iter = text[at..].char_indices().peekable();
            core::iter::from_fn(move || {
                let (offset, c) = iter.next()?;
                let c = normalize(c);
                let mut end =
                    at + offset + text[at + offset..].chars().next().map_or(0, char::len_utf8);
                if c == ' ' {
                    while let Some(&(next, d)) = iter.peek() {
                        if !d.is_whitespace() {
                            break;
                        }
                        end = at + next + d.len_utf8();
                        iter.next();
                    }
                }
                Some((c, end))
            })
        }

        fn match_at(text: &str, at: usize, lit: &str) -> Option<usize> {
            let mut end = at;
            let mut hay = chars_from(text, at);
            for (want, _) in chars_from(lit, 0) {
                let (got, next) = hay.next()?;
                if got != want {
                    return None;
                }
                end = next;
            }
            Some(end)
        }

        fn boundaries(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
            text[from..]
                .char_indices()
                .map(move |(i, _)| from + i)
                .chain(core::iter::once(text.len()))
        }

        pub fn match_pattern(text: &str, pattern: &Pattern, out: &mut [(usize, usize)]) -> bool {
            let Some((first, rest)) = pattern.lits.split_first() else {
                return false;
            };
            let Some(mut pos) = match_at(text, 0, first) else {
                return false;
            };
            let Some((last, middle)) = rest.split_last() else {
                return pos == text.len();
            };
            for (i, lit) in middle.iter().enumerate() {
                let field_start = pos;
                let Some((start, end)) = boundaries(text, field_start)
                    .skip(1)
                    .find_map(|start| match_at(text, start, lit).map(|end| (start, end)))
                else {
                    return false;
                };
                out[i] = (field_start, start);
                pos = end;
            }
            let field_start = pos;
            let Some(start) = boundaries(text, field_start)
                .skip(1)
                .find(|&start| match_at(text, start, last) == Some(text.len()))
            else {
                return false;
            };
            out[middle.len()] = (field_start, start);
            true
        }

        pub fn strip_noise<'m>(text: &'m str, noise: &[Pattern]) -> &'m str {
            let mut text = text.trim();
            while let Some(start) = noise.iter().find_map(|pattern| {
                boundaries(text, 0)
                    .skip(1)
                    .take_while(|&start| start < text.len())
                    .find(|&start| match_pattern(&text[start..], pattern, &mut [(0, 0); 8]))
            }) {
                text = text[..start].trim_end();
            }
            text
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::{match_pattern, pattern as make, reference, strip_noise, Pattern};

        /// Few chars, so that literals occur in messages, and every kind the matcher
        /// treats specially: whitespace runs, full-width forms, multi-byte chars.
        const ALPHABET: &[char] = &[
            'a', 'b', ' ', '\t', '\n', '\u{3000}', '\u{A0}', 'ａ', '，', ',', '字', '\u{301}',
        ];

        fn text(max: usize) -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
                .prop_map(|chars| chars.into_iter().collect())
        }

        /// Literals as a spec may write them: non-empty between fields; `make` trims the
        /// ends and normalises them, as the macro does.
        fn lits() -> impl Strategy<Value = Vec<String>> {
            (text(4), prop::collection::vec(text(4), 0..3)).prop_map(|(first, rest)| {
                let mut lits = vec![first];
                for lit in rest {
                    let lit = if normal(&lit).is_empty() || normal(&lit) == " " {
                        "b".to_owned()
                    } else {
                        lit
                    };
                    lits.push(lit);
                }
                lits
            })
        }

        fn normal(text: &str) -> String {
            super::normal_string(text)
        }

        fn pattern_of(lits: &[String]) -> Pattern<'static> {
            let lits: Vec<&str> = lits.iter().map(String::as_str).collect();
            let fields: Vec<String> = (1..lits.len()).map(|i| format!("f{i}")).collect();
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            make(&lits, &fields)
        }

        /// A message built from the literals with random values between them, so that most
        /// cases match or nearly match; or a random message.
        fn case() -> impl Strategy<Value = (Vec<String>, String)> {
            lits().prop_flat_map(|lits| {
                let n = lits.len();
                let built = (prop::collection::vec(text(4), n), text(3), text(3)).prop_map({
                    let lits = lits.clone();
                    move |(values, head, tail)| {
                        let mut out = head;
                        for (lit, value) in lits.iter().zip(&values) {
                            out.push_str(lit);
                            out.push_str(value);
                        }
                        out.push_str(&tail);
                        out
                    }
                });
                let message = prop_oneof![3 => built, 1 => text(24)];
                (Just(lits), message)
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]

            #[test]
            fn match_pattern_agrees((lits, text) in case()) {
                let pattern = pattern_of(&lits);
                let text = text.trim();
                let mut fast = [(0, 0); 8];
                let mut slow = [(0, 0); 8];
                let matched = match_pattern(text, &pattern, &mut fast);
                let oracle = reference::Pattern::of(&pattern);
                prop_assert_eq!(matched, reference::match_pattern(text, &oracle, &mut slow));
                if matched {
                    prop_assert_eq!(fast, slow);
                }
            }

            #[test]
            fn strip_noise_agrees((lits, text) in case(), other in lits()) {
                let noise: Vec<Pattern<'static>> = [pattern_of(&lits), pattern_of(&other)]
                    .into_iter()
                    .filter(|p| !p.lits.get(0).trim().is_empty() && p.lits.len() > 1)
                    .collect();
                let oracle: Vec<reference::Pattern> = noise.iter().map(reference::Pattern::of).collect();
                prop_assert_eq!(
                    strip_noise(&text, &noise.iter().copied(), |_, _| {}),
                    reference::strip_noise(&text, &oracle)
                );
            }
        }
    }

    #[test]
    fn long_whitespace_runs_match_and_strip() {
        // Megabyte runs: a quadratic matcher would hang here for hours (speed itself is
        // measured in benches/, not asserted in tests).
        let run = " \u{3000}\t".repeat(200_000);
        let p = pattern(&["a", " b", "!"], &["x", "y"]);
        let text = format!("a1{run}c{run}b2{run}");
        assert!(!match_pattern(text.trim(), &p, &mut [(0, 0); 2]));
        let text = format!("a1{run}b2{run}!");
        let text = text.trim();
        let mut out = [(0, 0); 2];
        assert!(match_pattern(text, &p, &mut out));
        assert_eq!(out.map(|(start, end)| end - start), [1, 1 + run.len()]);
        let noise = [pattern(&[" rid: ", ""], &["rid"])];
        assert_eq!(
            strip_noise(
                &format!("x{run}y rid: {run}z"),
                &noise.iter().copied(),
                |_, _| {}
            ),
            format!("x{run}y")
        );
    }

    #[test]
    fn noise_of_two_fields_is_tried_at_its_first_start_only() {
        // Every " rid: " could start the noise. A matcher that tried each one, searching the
        // rest for " at ", would be quadratic on this megabyte message.
        let noise = [pattern(&[" rid: ", " at ", ""], &["rid", "at"])];
        let many = " rid: 1".repeat(150_000);
        let text = format!("x{many}");
        assert_eq!(strip_noise(&text, &noise.iter().copied(), |_, _| {}), text);
        let text = format!("x{many} at 2");
        assert_eq!(strip_noise(&text, &noise.iter().copied(), |_, _| {}), "x");
        assert_eq!(stripped("x rid: 1 y rid: 2 at 3", &noise), "x");
        assert_eq!(stripped("x rid: 1 at", &noise), "x rid: 1 at");
    }

    /// Strings as a table holds them, leaked: tests may.
    fn strings(items: &[&str]) -> Strings<'static> {
        let mut text = String::new();
        let mut bounds = vec![0; 4];
        for item in items {
            text.push_str(item);
            bounds.extend(u32::try_from(text.len()).expect("short").to_le_bytes());
        }
        Strings::new(
            Box::leak(text.into_boxed_str()),
            Box::leak(bounds.into_boxed_slice()),
        )
    }

    /// A pattern as the macro writes it: literals trimmed at the ends and normalised.
    fn pattern(lits: &[&str], fields: &[&str]) -> Pattern<'static> {
        let last = lits.len() - 1;
        let lits: Vec<String> = lits
            .iter()
            .enumerate()
            .map(|(i, lit)| {
                let lit = if i == 0 { lit.trim_start() } else { lit };
                let lit = if i == last { lit.trim_end() } else { lit };
                normal_string(lit)
            })
            .collect();
        let min_len = lits.iter().map(String::len).sum::<usize>() + fields.len();
        let lits: Vec<&str> = lits.iter().map(String::as_str).collect();
        Pattern {
            lits: strings(&lits),
            fields: strings(fields),
            min_len: u32::try_from(min_len).expect("short"),
        }
    }

    fn normal_string(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars().map(normalize) {
            if !(c == ' ' && out.ends_with(' ')) {
                out.push(c);
            }
        }
        out
    }

    /// The field values both matchers find, which must agree.
    fn fields<'t>(text: &'t str, pattern: &Pattern<'static>) -> Option<Vec<&'t str>> {
        let text = text.trim();
        let values =
            |out: Vec<(usize, usize)>| out.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>();
        let mut out = vec![(0, 0); pattern.fields.len()];
        let oracle = reference::match_pattern(text, &reference::Pattern::of(pattern), &mut out)
            .then(|| values(out));
        let mut out = vec![(0, 0); pattern.fields.len()];
        let found = match_pattern(text, pattern, &mut out).then(|| values(out));
        assert_eq!(found, oracle, "{text:?} against {pattern:?}");
        found
    }

    /// What is left of a message once noise is stripped, checked against the oracle.
    fn stripped<'t>(text: &'t str, noise: &[Pattern<'static>]) -> &'t str {
        let found = strip_noise(text, &noise.iter().copied(), |_, _| {});
        let noise: Vec<reference::Pattern> = noise.iter().map(reference::Pattern::of).collect();
        assert_eq!(found, reference::strip_noise(text, &noise), "{text:?}");
        found
    }

    #[test]
    fn literals_match_whole_messages_only() {
        let p = pattern(&["应用错误"], &[]);
        assert_eq!(fields("应用错误", &p), Some(vec![]));
        assert_eq!(fields("应用错误!", &p), None);
        assert_eq!(fields("应用", &p), None);
    }

    #[test]
    fn templates_capture_field_values() {
        let p = pattern(
            &["商家编码", "已存在,货品编号: ", ""],
            &["spec_no", "goods_no"],
        );
        assert_eq!(
            fields("商家编码A-1已存在,货品编号: G9", &p),
            Some(vec!["A-1", "G9"])
        );
        assert_eq!(
            fields("商家编码已存在,货品编号: G9", &p),
            None,
            "fields are non-empty"
        );
        let p = pattern(&["", "不能为空"], &["field"]);
        assert_eq!(fields("shop_no不能为空", &p), Some(vec!["shop_no"]));
        assert_eq!(fields("不能为空", &p), None);
    }

    #[test]
    fn full_width_punctuation_and_spaces_compare_equal() {
        let p = pattern(&["超过每分钟最大调用频率限制，请稍后重试"], &[]);
        assert_eq!(
            fields("超过每分钟最大调用频率限制,请稍后重试", &p),
            Some(vec![])
        );
        let p = pattern(&["Unparseable date: ", ""], &["date"]);
        assert_eq!(
            fields("Unparseable date：\u{3000} 2024/01/01  10:00", &p),
            Some(vec!["2024/01/01  10:00"])
        );
        assert_eq!(fields("Unparseable  date:", &p), None);
    }

    #[test]
    fn suffix_is_anchored_at_the_end() {
        let p = pattern(&["a", "b"], &["x"]);
        assert_eq!(fields("a1b2b", &p), Some(vec!["1b2"]));
        assert_eq!(fields("a1b2", &p), None);
    }

    #[test]
    fn noise_is_stripped_from_the_tail() {
        let noise = [
            pattern(&[" rid: ", ""], &["rid"]),
            pattern(&[" hint: [", "]"], &["hint"]),
        ];
        assert_eq!(
            stripped("invalid appid hint: [Ab12] rid: 6412-aa", &noise),
            "invalid appid"
        );
        assert_eq!(
            stripped(
                "invalid appid hint：\t[Ab12]\u{3000} rid：  6412-aa",
                &noise
            ),
            "invalid appid"
        );
        assert_eq!(stripped("  plain message ", &noise), "plain message");
        assert_eq!(
            stripped("rid: 5", &noise),
            "rid: 5",
            "a noise-only message stays"
        );
    }

    #[test]
    fn every_char_matches_its_normal_form() {
        for c in (0..=0x3_0000).filter_map(char::from_u32) {
            let n = normalize(c);
            let (lit, wide) = (format!("a{n}b"), format!("a{c}b"));
            assert!(
                match_pattern(&wide, &pattern(&[&lit], &[]), &mut []),
                "{c:?}"
            );
            let p = pattern(&["a", &format!("{n}b")], &["x"]);
            // A whitespace field may merge into the literal's space: the run reads as one.
            assert!(fields(&format!("a{c}{c}b"), &p).is_some(), "{c:?}");
            assert_eq!(
                message_ends(&format!("{c}x{c}")),
                (lead(n), lead(n)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn trim_ends_agrees_with_str_trim_and_the_ends_char_by_char() {
        for c in (0..=0x3_0000).filter_map(char::from_u32) {
            for text in [
                format!("{c}x{c}"),
                format!("{c}"),
                format!("x{c}"),
                format!("{c}x"),
                format!("{c}xyzw{c}"),
            ] {
                let trimmed = text.trim();
                assert_eq!(trim_ends(&text), (trimmed, normal_ends(trimmed)), "{c:?}");
            }
        }
        assert_eq!(trim_ends(""), ("", (0, 0)));
    }

    #[test]
    fn leads_are_the_chars_bytes() {
        assert_eq!(message_ends(""), (0, 0));
        assert_eq!(lead('a'), u32::from(b'a') << 24);
        assert_eq!(lead('商'), 0xE5_95_86_00);
        assert_eq!(lead('😀'), 0xF0_9F_98_80);
        assert_eq!(message_ends("（x！"), (lead('('), lead('!')));
    }

    #[test]
    fn long_messages_match_like_short_ones() {
        let p = pattern(&["长", "，完"], &["x"]);
        let long = format!("长{}，完", "度".repeat(10_000));
        assert_eq!(fields(&long, &p).map(|v| v[0].len()), Some(30_000));
    }

    #[test]
    fn the_fast_matcher_agrees_with_the_reference_on_varied_messages() {
        let templates: &[(&[&str], &[&str])] = &[
            (&["应用错误"], &[]),
            (&["此方法仅支持分页查询：", ""], &["method"]),
            (
                &["商家编码", "已存在,但货品不存在或已删除,货品编号: ", ""],
                &["spec", "goods"],
            ),
            (&["", "不能为空"], &["field"]),
            (&["", "must not be null"], &["field"]),
            (&["货品 ", " 重复!"], &["spec"]),
            (&["标记", "\u{a0} 不存在/已停用/类型错误"], &["tag"]),
            (&["不存在的", "原因:", ""], &["kind", "reason"]),
            (&["a", "b", "b"], &["x", "y"]),
            (&["", " - ", ""], &["x", "y"]),
            (&["（", "）"], &["x"]),
        ];
        let patterns: Vec<Pattern<'_>> = templates
            .iter()
            .map(|(lits, fields)| pattern(lits, fields))
            .collect();
        let values = [
            "A-1",
            "x",
            "b",
            "bb",
            " - ",
            "不能为空",
            "重复!",
            "(1)",
            "原因:",
            "，",
            "  ",
            "\t",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).expect("below n")
        };
        let noise = [
            pattern(&[" rid: ", ""], &["rid"]),
            pattern(&[" hint: [", "]"], &["hint"]),
        ];
        let mut matched = 0;
        for round in 0..6_000 {
            let (lits, _) = templates[next(templates.len())];
            let mut message = String::from(lits[0]);
            for lit in &lits[1..] {
                message.push_str(values[next(values.len())]);
                message.push_str(lit);
            }
            // Perturb the way platforms do: other widths, other spaces, extra spaces.
            let message: String = message
                .chars()
                .flat_map(|c| {
                    let twin = match c {
                        '!'..='~' if next(4) == 0 => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                        ' ' => [' ', '\u{3000}', '\t', '\u{a0}'][next(4)],
                        c => c,
                    };
                    let extra = (twin.is_whitespace() && next(3) == 0).then_some(' ');
                    core::iter::once(twin).chain(extra)
                })
                .collect();
            let message = match round % 5 {
                0 => format!("  {message}\u{3000}"),
                1 => message.chars().skip(1).collect(),
                _ => message,
            };
            for pattern in &patterns {
                matched += usize::from(fields(&message, pattern).is_some());
            }
            let tail = [" rid: 64a-1", " hint: [x] rid：  7", "rid: 5", " rid:"][next(4)];
            stripped(&format!("{message}{tail}"), &noise);
        }
        assert!(
            matched > 3_000,
            "the corpus exercises matches too: {matched}"
        );
    }
}
