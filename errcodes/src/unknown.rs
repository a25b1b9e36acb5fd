//! [`UnknownCode`]: the payload of a generated enum's `Unknown`.

// Its methods are a field access each, `#[inline(always)]` so that they are compiled with
// the enum's code that calls them, not apart, which would repeat the enum's debug info.
#![allow(clippy::inline_always)]

use core::fmt;
use core::marker::PhantomData;

use crate::raw_code::RawCode;
use crate::Code;

/// A code the table of `E` does not know, kept as received: the payload of `E::Unknown`.
///
/// Only `E`'s lookups make one (`from_code`, `classify`, `lookup`, deserialization), and
/// they make one only for a code that `E::from_code` gives no entry for (a code the table
/// does not know, or, in a composed spec, one left without a fallback: see
/// `specs/README.md`, Composition), so an `Unknown` never holds a code that has an entry of
/// its own: `E::from_code(c)` is the one value of `E` for the code `c`, and equality,
/// hashing, retry classes and serde all agree with it.
///
/// It is opaque on purpose. A `match` cannot name a particular unknown code, so a later
/// spec that adds the code cannot silently change which arm runs. Read it with
/// [`code`](Self::code).
///
/// ```
/// use errcodes::platforms::wechat_shop::WechatShopError;
/// use errcodes::prelude::*;
///
/// let error = WechatShopError::from_code("0031337");
/// let WechatShopError::Unknown(code) = &error else { panic!("a known code") };
/// assert_eq!(code.code(), 31337);
/// assert_eq!(code.to_string(), "0031337"); // as received
/// ```
pub struct UnknownCode<E> {
    code: RawCode,
    // `fn() -> E`: no ownership of an `E`, and `Send`, `Sync`, `Unpin` whatever `E` is.
    of: PhantomData<fn() -> E>,
}

impl<E> UnknownCode<E> {
    /// Only lookups call it, with a code `E`'s table does not know.
    #[inline(always)]
    pub(crate) const fn new(code: RawCode) -> Self {
        UnknownCode {
            code,
            of: PhantomData,
        }
    }

    /// Drops it, field by field: a generated enum's lookup that finds an entry has no use
    /// for it.
    #[doc(hidden)]
    #[inline(always)]
    pub fn __discard(self) {
        let UnknownCode { code, of: _ } = self;
        drop(code);
    }

    /// The code as received: an integer, or text kept exactly (numeric text too, where it
    /// is not the integer's own form: `"0042"`), or [`Code::None`].
    #[must_use]
    #[inline(always)]
    pub fn code(&self) -> Code<'_> {
        self.code.code()
    }
}

impl<E> Clone for UnknownCode<E> {
    #[inline(always)]
    fn clone(&self) -> Self {
        UnknownCode::new(self.code.clone())
    }
}

impl<E> PartialEq for UnknownCode<E> {
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl<E> Eq for UnknownCode<E> {}

impl<E> core::hash::Hash for UnknownCode<E> {
    #[inline(always)]
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl<E> PartialOrd for UnknownCode<E> {
    #[inline(always)]
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<E> Ord for UnknownCode<E> {
    #[inline(always)]
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.code.cmp(&other.code)
    }
}

/// As the code.
impl<E> fmt::Debug for UnknownCode<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.code, f)
    }
}

/// As the code, as received.
impl<E> fmt::Display for UnknownCode<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code, f)
    }
}

impl<E> PartialEq<i64> for UnknownCode<E> {
    fn eq(&self, other: &i64) -> bool {
        self.code() == *other
    }
}

impl<E> PartialEq<&str> for UnknownCode<E> {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

impl<'a, E> From<&'a UnknownCode<E>> for Code<'a> {
    fn from(code: &'a UnknownCode<E>) -> Self {
        code.code()
    }
}
