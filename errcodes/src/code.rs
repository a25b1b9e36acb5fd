use core::fmt;

use crate::table::Key;

/// An error code as a platform sends it: an integer such as `45009`, or a string
/// such as `"F00-00-10013-002"`.
///
/// `Code` is what `code()` returns. It prints as the code and compares with `i64` and
/// `&str`, so `err.code() == 45009` reads as it should. Exhaustive on purpose: a code is an
/// integer, text, or none, and code that matches on it handles each.
///
/// Two codes are equal when every lookup treats them as one code: numeric text is its
/// integer, around any whitespace, so `Code::Str("45009") == Code::Int(45009)`. `Hash` and
/// `Ord` agree with that equality (integers first, then text, then none).
///
/// ```
/// use errcodes::Code;
///
/// assert_eq!(Code::Str("45009"), Code::Int(45009));
/// assert_eq!(Code::Str("0042"), 42);
/// assert_eq!(Code::Str("0042").as_i64(), Some(42));
/// assert_ne!(Code::Str("F00-00-10013-002"), Code::Str("f00-00-10013-002"));
/// ```
#[derive(Clone, Copy, Debug)]
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

impl Code<'_> {
    /// The code as an integer, if it is one: an integer, or numeric text (`"0042"` is 42),
    /// as lookups read it.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match Key::of(*self) {
            Key::Int(code) => Some(code),
            Key::Str(_) | Key::None => None,
        }
    }
}

/// As lookups compare codes: by their [`Key`].
impl PartialEq for Code<'_> {
    fn eq(&self, other: &Self) -> bool {
        Key::of(*self) == Key::of(*other)
    }
}

impl Eq for Code<'_> {}

impl core::hash::Hash for Code<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        Key::of(*self).hash(state);
    }
}

impl PartialOrd for Code<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code<'_> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        Key::of(*self).cmp(&Key::of(*other))
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
        *self == Code::Str(other)
    }
}

impl PartialEq<&str> for Code<'_> {
    fn eq(&self, other: &&str) -> bool {
        PartialEq::<str>::eq(self, other)
    }
}
