use core::fmt;

/// An error code as a platform sends it: an integer such as `45009`, or a string
/// such as `"F00-00-10013-002"`.
///
/// `Code` is what `code()` returns. It prints as the code and compares with `i64` and
/// `&str`, so `err.code() == 45009` reads as it should. Exhaustive on purpose: a code is an
/// integer, text, or none, and code that matches on it handles each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code<'a> {
    /// An integer code.
    Int(i64),
    /// A code that is not an integer.
    Str(&'a str),
    /// No code: the code of an entry whose source table gives none, and of a response that
    /// carries none.
    None,
}

impl From<i64> for Code<'_> {
    fn from(code: i64) -> Self {
        Code::Int(code)
    }
}

/// Text as received: lookups read numeric text (`"45009"`, ` -1 `) as the integer code.
impl<'a> From<&'a str> for Code<'a> {
    fn from(code: &'a str) -> Self {
        Code::Str(code)
    }
}

impl<'a> From<&'a String> for Code<'a> {
    fn from(code: &'a String) -> Self {
        Code::Str(code)
    }
}

impl<'a> From<&'a RawCode> for Code<'a> {
    fn from(code: &'a RawCode) -> Self {
        code.code()
    }
}

impl Code<'_> {
    /// The code as an integer, if it is one.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Code::Int(code) => Some(code),
            Code::Str(_) | Code::None => None,
        }
    }
}

impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Int(code) => fmt::Display::fmt(code, f),
            Code::Str(code) => f.write_str(code),
            Code::None => f.write_str("(no code)"),
        }
    }
}

impl PartialEq<i64> for Code<'_> {
    fn eq(&self, other: &i64) -> bool {
        *self == Code::Int(*other)
    }
}

impl PartialEq<Code<'_>> for i64 {
    fn eq(&self, other: &Code<'_>) -> bool {
        other == self
    }
}

impl PartialEq<str> for Code<'_> {
    fn eq(&self, other: &str) -> bool {
        match *self {
            Code::Str(code) => code == other,
            Code::Int(_) | Code::None => false,
        }
    }
}

impl PartialEq<&str> for Code<'_> {
    fn eq(&self, other: &&str) -> bool {
        PartialEq::<str>::eq(self, other)
    }
}

/// Longest string code kept without allocating.
const INLINE: usize = 22;

/// A received code, owned: the payload of `Unknown`, and the code an [`ApiError`](crate::ApiError)
/// keeps, so the code the platform actually sent is never lost.
///
/// It is opaque on purpose. A `match` cannot name a particular unknown code, so a later
/// spec that adds the code cannot silently change which arm runs. Read it with
/// [`RawCode::code`], which gives a [`Code`].
#[derive(Clone)]
pub struct RawCode(Repr);

#[derive(Clone)]
enum Repr {
    None,
    Int(i64),
    Static(&'static str),
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl RawCode {
    /// No code.
    pub const NONE: RawCode = RawCode(Repr::None);

    /// An integer code.
    #[must_use]
    pub const fn int(code: i64) -> Self {
        RawCode(Repr::Int(code))
    }

    /// A string code that lives as long as the program, such as one from a spec.
    #[must_use]
    pub const fn static_str(code: &'static str) -> Self {
        RawCode(Repr::Static(code))
    }

    /// A string code exactly as received. Short codes (up to 22 bytes) are stored inline
    /// without allocating. Numeric text is not converted: lookups such as
    /// `from_code` read it as the integer.
    #[must_use]
    pub fn string(code: &str) -> Self {
        if code.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..code.len()].copy_from_slice(code.as_bytes());
            #[allow(clippy::cast_possible_truncation)] // len <= INLINE < 256
            RawCode(Repr::Inline {
                len: code.len() as u8,
                bytes,
            })
        } else {
            RawCode(Repr::Heap(code.into()))
        }
    }

    /// The code.
    #[must_use]
    pub fn code(&self) -> Code<'_> {
        match &self.0 {
            Repr::None => Code::None,
            Repr::Int(code) => Code::Int(*code),
            Repr::Static(code) => Code::Str(code),
            Repr::Inline { len, bytes } => {
                Code::Str(core::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default())
            }
            Repr::Heap(code) => Code::Str(code),
        }
    }
}

// Equality is by text, whatever the storage: an inline copy equals the spec's static string.
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

impl PartialEq<i64> for RawCode {
    fn eq(&self, other: &i64) -> bool {
        self.code() == *other
    }
}

impl PartialEq<&str> for RawCode {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

impl From<Code<'_>> for RawCode {
    fn from(code: Code<'_>) -> Self {
        match code {
            Code::Int(code) => RawCode::int(code),
            Code::Str(code) => RawCode::string(code),
            Code::None => RawCode::NONE,
        }
    }
}

/// An integer as received: beyond `i64` no spec has the code, so it stays as text.
impl From<u64> for RawCode {
    fn from(code: u64) -> Self {
        i64::try_from(code).map_or_else(|_| RawCode::string(&code.to_string()), RawCode::int)
    }
}

impl From<i64> for RawCode {
    fn from(code: i64) -> Self {
        RawCode::int(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_inline_and_on_the_heap() {
        for text in [
            "",
            "F00-00-10013-002",
            &"x".repeat(INLINE),
            &"长".repeat(40),
        ] {
            assert_eq!(RawCode::string(text).code(), Code::Str(text));
        }
        assert!(matches!(RawCode::string("abc").0, Repr::Inline { .. }));
        assert!(matches!(
            RawCode::string(&"y".repeat(INLINE + 1)).0,
            Repr::Heap(_)
        ));
    }

    #[test]
    fn inline_and_static_strings_compare_by_text() {
        assert_eq!(RawCode::string("A-1"), RawCode::static_str("A-1"));
        assert_eq!(RawCode::string("A-1"), "A-1");
        assert_ne!(RawCode::string("A-1"), "A-2");
    }

    #[test]
    fn codes_print_and_compare_as_numbers() {
        let code = RawCode::int(-30000);
        assert_eq!(code.to_string(), "-30000");
        assert_eq!(code, -30000);
        assert_eq!(-30000, code.code());
        assert_ne!(code.code(), -30001);
        assert_eq!(code.code().as_i64(), Some(-30000));
        assert_eq!(RawCode::NONE.code(), Code::None);
        assert_eq!(format!("{:?}", RawCode::string("F00")), "\"F00\"");
    }
}
