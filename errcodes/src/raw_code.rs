//! [`RawCode`]: a received code, owned, as the platform sent it.

use core::fmt;

use crate::table::Key;
use crate::Code;

/// Longest string code kept without allocating.
const INLINE: usize = 22;

/// A received code, owned: what `Unknown` and an [`ApiError`](crate::ApiError) keep, so the
/// code the platform actually sent is never lost. Crate-private: the public face of an
/// unknown code is [`UnknownCode`](crate::UnknownCode), built only by lookups.
#[derive(Clone)]
pub(crate) struct RawCode(Repr);

#[derive(Clone)]
enum Repr {
    None,
    Int(i64),
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl RawCode {
    /// No code.
    pub(crate) const NONE: RawCode = RawCode(Repr::None);

    /// An integer code.
    pub(crate) const fn int(code: i64) -> Self {
        RawCode(Repr::Int(code))
    }

    /// A code as received: an integer, or text kept exactly, unless it is an integer's own
    /// decimal form (`"-3000109"`), which prints the same as the integer it is stored as.
    /// Other numeric text (`"0042"`, `" 7"`) keeps its form.
    #[inline]
    pub(crate) fn received(code: Code<'_>) -> Self {
        RawCode::keyed(code, Key::of(code))
    }

    /// [`received`](Self::received) of `code`, whose key is `key` (`Key::of(code)`), read
    /// once by the caller.
    #[allow(clippy::inline_always)] // called once per lookup; a call here costs a copy
    #[inline(always)]
    pub(crate) fn keyed(code: Code<'_>, key: Key<'_>) -> Self {
        match (code, key) {
            (Code::Int(code), _) => RawCode::int(code),
            (Code::Str(text), Key::Int(code)) if is_canonical(code, text) => RawCode::int(code),
            (Code::Str(text), _) => RawCode::string(text),
            (Code::None, _) => RawCode::NONE,
        }
    }

    /// Text exactly as received. Short text (up to 22 bytes) is stored inline.
    #[inline]
    pub(crate) fn string(code: &str) -> Self {
        if code.len() <= INLINE {
            #[allow(clippy::cast_possible_truncation)] // len <= INLINE < 256
            RawCode(Repr::Inline {
                len: code.len() as u8,
                bytes: inline(code.as_bytes()),
            })
        } else {
            RawCode(Repr::Heap(code.into()))
        }
    }

    /// An integer as received: beyond `i64` no spec has the code, so it stays as text.
    #[cfg(any(test, feature = "serde"))]
    pub(crate) fn wide(code: impl TryInto<i64> + ToString + Copy) -> Self {
        code.try_into()
            .map_or_else(|_| RawCode::string(&code.to_string()), RawCode::int)
    }

    /// The code.
    pub(crate) fn code(&self) -> Code<'_> {
        match &self.0 {
            Repr::None => Code::None,
            Repr::Int(code) => Code::Int(*code),
            Repr::Inline { len, bytes } => {
                Code::Str(core::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default())
            }
            Repr::Heap(code) => Code::Str(code),
        }
    }
}

/// `code` (at most [`INLINE`] bytes) at the start of a zeroed array, built from three
/// words read whole. A copy of a length known only at run time (`memcpy`, or moves at
/// offsets that depend on it) writes the array in pieces that the next read of it, at other
/// offsets, must wait for; words built in registers are stored once, where they belong.
#[inline]
fn inline(code: &[u8]) -> [u8; INLINE] {
    let [first, second, third] = inline_words(code);
    // Written in the pieces in which the enum holding it is moved (it starts at byte 2 of
    // `Repr`): 4, 2, 8 and 8 bytes. Only speed depends on it.
    #[allow(clippy::cast_possible_truncation)] // the pieces
    let (a, b) = (first as u32, (first >> 32) as u16);
    let c = first >> 48 | second << 16;
    let d = second >> 48 | third << 16;
    let mut bytes = [0; INLINE];
    bytes[..4].copy_from_slice(&a.to_le_bytes());
    bytes[4..6].copy_from_slice(&b.to_le_bytes());
    bytes[6..14].copy_from_slice(&c.to_le_bytes());
    bytes[14..].copy_from_slice(&d.to_le_bytes());
    bytes
}

/// Bytes `0..8`, `8..16` and `16..24` of `code` (at most [`INLINE`] bytes), little-endian,
/// zero past its end: each a word of `code` read whole, shifted into place.
#[inline]
fn inline_words(code: &[u8]) -> [u64; 3] {
    let n = code.len().min(INLINE);
    let at = |from: usize, len: usize| -> u64 {
        code.get(from..from + len).map_or(0, |bytes| {
            bytes
                .iter()
                .rev()
                .fold(0, |word, &byte| word << 8 | u64::from(byte))
        })
    };
    // `word >> bits`, 0 when all its bits are shifted out.
    let shifted = |word: u64, bits: usize| {
        u32::try_from(bits)
            .ok()
            .and_then(|bits| word.checked_shr(bits))
            .unwrap_or(0)
    };
    if n >= 8 {
        // The last eight bytes, moved down to where bytes 8.. and 16.. start.
        let last = at(n - 8, 8);
        let second = if n >= 16 {
            at(8, 8)
        } else {
            shifted(last, 8 * (16 - n))
        };
        [at(0, 8), second, shifted(last, 8 * (24 - n))]
    } else if n >= 4 {
        [at(0, 4) | at(n - 4, 4) << (8 * (n - 4)), 0, 0]
    } else if n > 0 {
        let middle = at(n / 2, 1) << (8 * (n / 2));
        [at(0, 1) | middle | at(n - 1, 1) << (8 * (n - 1)), 0, 0]
    } else {
        [0; 3]
    }
}

/// Whether `text` is exactly how `code` prints.
fn is_canonical(code: i64, text: &str) -> bool {
    let mut buffer = [0u8; 20];
    let mut at = buffer.len();
    let mut rest = code.unsigned_abs();
    loop {
        at -= 1;
        #[allow(clippy::cast_possible_truncation)] // a digit
        {
            buffer[at] = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = &buffer[at..];
    match text.as_bytes().split_first() {
        Some((b'-', rest)) => code < 0 && rest == digits,
        _ => code >= 0 && text.as_bytes() == digits,
    }
}

/// Equal, hashed and ordered as the codes are ([`Code`]): by what lookups read.
impl PartialEq for RawCode {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for RawCode {}

impl core::hash::Hash for RawCode {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

impl PartialOrd for RawCode {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RawCode {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.code().cmp(&other.code())
    }
}

impl fmt::Debug for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Code::Int(code) => fmt::Debug::fmt(&code, f),
            Code::Str(code) => fmt::Debug::fmt(code, f),
            Code::None => f.write_str("None"),
        }
    }
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_inline_and_on_the_heap() {
        // Every inline length, each byte distinct: the overlapping moves copy each one.
        let distinct = "abcdefghijklmnopqrstuvwxyz";
        let inline = (0..=INLINE).map(|len| &distinct[..len]);
        for text in inline.chain(["F00-00-10013-002", "长", &"长".repeat(40)]) {
            assert!(matches!(RawCode::string(text).code(), Code::Str(kept) if kept == text));
        }
        assert!(matches!(RawCode::string("abc").0, Repr::Inline { .. }));
        assert!(matches!(
            RawCode::string(&"y".repeat(INLINE + 1)).0,
            Repr::Heap(_)
        ));
    }

    #[test]
    fn numeric_text_keeps_its_form_unless_it_is_the_integers_own() {
        let kept = |text| RawCode::received(Code::Str(text)).to_string();
        for text in ["0042", " 7", "+5", "-0", "00", "9223372036854775808"] {
            assert_eq!(kept(text), text);
        }
        for text in [
            "42",
            "-3000109",
            "0",
            "-9223372036854775808",
            "9223372036854775807",
        ] {
            assert!(
                matches!(RawCode::received(Code::Str(text)).0, Repr::Int(_)),
                "{text}"
            );
            assert_eq!(kept(text), text);
        }
        assert_eq!(RawCode::received(Code::Str("0042")), RawCode::int(42));
    }

    #[test]
    fn codes_print_and_compare_as_numbers() {
        let code = RawCode::int(-30000);
        assert_eq!(code.to_string(), "-30000");
        assert_eq!(code.code(), -30000);
        assert_ne!(code.code(), -30001);
        assert_eq!(RawCode::NONE.code(), Code::None);
        assert_eq!(format!("{:?}", RawCode::string("F00")), "\"F00\"");
        assert_eq!(RawCode::wide(u64::MAX).to_string(), u64::MAX.to_string());
        assert_eq!(RawCode::wide(7u64), RawCode::int(7));
    }
}
