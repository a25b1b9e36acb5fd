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

/// `code` (at most [`INLINE`] bytes) copied into the start of an array, in at most three
/// overlapping moves of up to eight bytes. A `copy_from_slice` of a length known only at run
/// time is a call to `memcpy`, whose narrow stores the next read of the array (16 bytes at
/// a time) waits for.
#[inline]
fn inline(code: &[u8]) -> [u8; INLINE] {
    let mut bytes = [0; INLINE];
    let n = code.len().min(INLINE);
    let mut copy = |at: usize, len: usize| {
        if let (Some(to), Some(from)) = (bytes.get_mut(at..at + len), code.get(at..at + len)) {
            to.copy_from_slice(from);
        }
    };
    if n >= 8 {
        copy(0, 8);
        copy(if n >= 16 { 8 } else { n - 8 }, 8);
        copy(n - 8, 8);
    } else if n >= 4 {
        copy(0, 4);
        copy(n - 4, 4);
    } else if n > 0 {
        copy(0, 1);
        copy(n / 2, 1);
        copy(n - 1, 1);
    }
    bytes
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
