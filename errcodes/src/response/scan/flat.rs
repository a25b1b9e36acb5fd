//! The scan of an envelope whose paths are each one key of the body's object, as WeChat's
//! (`errcode`, `errmsg`) and Wangdiantong's (`status`, `message`) are, for the bodies such
//! platforms send: keys that are ASCII without escapes, each path's key once, its value text
//! without escapes, a plain integer, a boolean or null. Only the top-level keys are compared,
//! each with the paths' keys directly, and the values no path takes are skipped. Anything
//! else (an escape, a nested value on a path, a key repeated) is left to the general scan,
//! which reads the body again from its start.

use std::borrow::Cow;

use super::{is_number_key, Found, Mask, Paths, Scan};

impl<'de> Scan<'de, '_> {
    /// The entries of the top-level object, whose `{` is behind; `None` where they are not
    /// all plain (see the module's docs), or not JSON.
    pub(super) fn flat(&mut self) -> Option<()> {
        self.space();
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut first = true;
        loop {
            self.space();
            let key = self.plain_key()?;
            // A number, where serde_json's `arbitrary_precision` makes this map one.
            if std::mem::take(&mut first) && is_number_key(key) {
                return None;
            }
            self.space();
            self.eat(b':')?;
            let next = self.paths.keyed(key);
            // A key that is a path's is ASCII, as every path's key is.
            if next == 0 && !key.is_ascii() {
                return None;
            }
            if next == 0 {
                self.skip()?;
            } else {
                if !next.is_power_of_two() || next & self.matched != 0 {
                    return None;
                }
                self.space();
                let found = self.plain_value()?;
                self.end(next, found)?;
            }
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A key without escapes.
    #[inline]
    fn plain_key(&mut self) -> Option<&'de [u8]> {
        let (start, end, escaped) = self.string()?;
        let key = self.bytes.get(start + 1..end - 1)?;
        (!escaped).then_some(key)
    }

    /// A value that is text without escapes, a plain integer, a boolean or null.
    #[inline]
    fn plain_value(&mut self) -> Option<Found<'de>> {
        Some(match self.peek()? {
            b'"' => {
                let (start, end, escaped) = self.long_string()?;
                if escaped {
                    return None;
                }
                let text = self.bytes.get(start + 1..end - 1)?;
                Found::Text(Cow::Borrowed(utf8(text)?))
            }
            b't' => self.word(b"true").map(|()| Found::Bool(true))?,
            b'f' => self.word(b"false").map(|()| Found::Bool(false))?,
            b'n' => self.word(b"null").map(|()| Found::Null)?,
            b'{' | b'[' => return None,
            _ => self.number_value()?,
        })
    }
}

impl Scan<'_, '_> {
    /// [`Scan::string`] out of line, for a value that may be long (a message): its loop then
    /// keeps its constants in registers.
    #[inline(never)]
    fn long_string(&mut self) -> Option<(usize, usize, bool)> {
        self.string()
    }
}

impl Paths {
    /// The paths whose one key is `key`.
    fn keyed(&self, key: &[u8]) -> Mask {
        let mut keyed = 0;
        for (bit, path) in self
            .list
            .iter()
            .take(self.all.count_ones() as usize)
            .enumerate()
        {
            let want = path.keys.first().map_or(&[][..], |want| want.as_bytes());
            // Most keys differ in length or first byte: no call to compare the rest.
            if want.len() == key.len() && want.first() == key.first() && want == key {
                keyed |= 1 << bit;
            }
        }
        keyed
    }
}

/// `bytes` as text if they are UTF-8, the check std makes. Text of 64 bytes or more that
/// is not ASCII at its ends (a Chinese message) is checked by `simdutf8`, in a few
/// instructions a byte where std takes about ten; std is faster on ASCII and short text.
/// Either way the check is whole: the ends only choose how. (The nested scan keeps std's:
/// a branch more in its loop costs its bodies more than this saves.)
#[allow(clippy::inline_always)]
#[inline(always)]
fn utf8(bytes: &[u8]) -> Option<&str> {
    if bytes.len() < 64 {
        std::str::from_utf8(bytes).ok()
    } else {
        long_utf8(bytes)
    }
}

/// [`utf8`] of 64 bytes or more, out of line.
#[inline(never)]
fn long_utf8(bytes: &[u8]) -> Option<&str> {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let ends = bytes.first_chunk::<8>().zip(bytes.last_chunk::<8>());
    if ends.is_some_and(|(first, last)| {
        (u64::from_ne_bytes(*first) | u64::from_ne_bytes(*last)) & HIGH != 0
    }) {
        simdutf8::basic::from_utf8(bytes).ok()
    } else {
        std::str::from_utf8(bytes).ok()
    }
}
