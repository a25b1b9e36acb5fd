//! A variant's position in `Catalog::ALL`, without a `match` of an arm per entry in
//! the generated code: such a match cost rustc about 120,000 instructions an entry, in
//! errcodes and again in every crate that inlines it (BENCHMARKS.md, "An opt-in platform's
//! feature").
//!
//! A generated enum declares its entries in spec order with no explicit discriminants, so
//! entry `i`'s discriminant is `i`. Safe Rust cannot read a discriminant as an integer where
//! a variant has fields (`Unknown` does), but `mem::discriminant`'s `Hash` writes it: that
//! gives a guess, which is checked against the entry of that index (one comparison).
//! Should std ever hash a discriminant differently, the check fails and a scan of the
//! entries answers instead: always right, fast while std stays as it is.

use core::hash::{Hash, Hasher};
use core::mem::discriminant;

use crate::raw_code::RawCode;
use crate::{Catalog, UnknownCode};

/// Keeps the integer a `Hash` impl writes; `write_isize` is what std uses for a
/// discriminant of an enum without `repr`.
struct Written(u64);

impl Hasher for Written {
    fn write(&mut self, bytes: &[u8]) {
        let mut wide = [0; 8];
        let n = bytes.len().min(8);
        if cfg!(target_endian = "little") {
            wide[..n].copy_from_slice(&bytes[..n]);
        } else {
            wide[8 - n..].copy_from_slice(&bytes[bytes.len() - n..]);
        }
        self.0 = u64::from_ne_bytes(wide);
    }

    #[allow(clippy::cast_sign_loss)] // a discriminant is never negative here
    fn write_isize(&mut self, value: isize) {
        self.0 = value as u64;
    }

    fn write_usize(&mut self, value: usize) {
        self.0 = value as u64;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The position of `known` in `E::ALL`; `UNKNOWN` for `Unknown`.
#[inline]
pub fn variant_index<E: Catalog>(known: &E) -> usize {
    let mut written = Written(u64::MAX);
    discriminant(known).hash(&mut written);
    place(known, usize::try_from(written.0).unwrap_or(usize::MAX))
}

/// `guess` if entry `guess` is `known`, else wherever it is. Entries are made with
/// `__from_index`, not read from `ALL`: a crate that reads `ALL` evaluates it, which costs
/// rustc an expression an entry.
#[inline]
fn place<E: Catalog>(known: &E, guess: usize) -> usize {
    if known.__unknown_code().is_some() {
        return errcodes_layout::UNKNOWN;
    }
    let wanted = discriminant(known);
    if discriminant(&entry::<E>(guess)) == wanted {
        return guess;
    }
    let mut index = 0;
    loop {
        let entry = entry::<E>(index);
        if entry.__unknown_code().is_some() {
            return errcodes_layout::UNKNOWN;
        }
        if discriminant(&entry) == wanted {
            return index;
        }
        index += 1;
    }
}

/// Entry `index`, or `Unknown` past the last.
#[inline]
fn entry<E: Catalog>(index: usize) -> E {
    E::__from_index(index, UnknownCode::new(RawCode::NONE))
}

#[cfg(all(test, feature = "wechat_global", feature = "alipay"))]
mod tests {
    use super::*;
    use crate::platforms::alipay::AlipayError;
    use crate::platforms::wechat_global::WechatGlobalError;
    use crate::PlatformError;

    fn every_entry_is_at_its_place<E: Catalog + PlatformError>() {
        for (i, entry) in E::ALL.iter().enumerate() {
            assert_eq!(variant_index(entry), i, "{}", entry.name());
            assert_eq!(entry.__index(), i, "{}", entry.name());
        }
    }

    #[test]
    fn every_entry_of_a_shipped_enum_is_at_its_place() {
        every_entry_is_at_its_place::<WechatGlobalError>();
        every_entry_is_at_its_place::<AlipayError>();
    }

    #[test]
    fn unknown_is_nowhere() {
        let unknown = WechatGlobalError::from_code(123_456_789);
        assert!(unknown.is_unknown());
        assert_eq!(variant_index(&unknown), errcodes_layout::UNKNOWN);
        assert_eq!(unknown.__index(), errcodes_layout::UNKNOWN);
    }

    /// A hasher that writes the discriminant some other way only slows the lookup.
    #[test]
    fn a_wrong_guess_falls_back_to_the_search() {
        for guess in [0, 3, usize::MAX] {
            for (i, entry) in WechatGlobalError::ALL.iter().enumerate() {
                assert_eq!(place(entry, guess), i);
            }
        }
        let unknown = WechatGlobalError::from_code(123_456_789);
        assert_eq!(place(&unknown, 0), errcodes_layout::UNKNOWN);
    }
}
