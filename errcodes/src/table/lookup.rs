//! A code to its entry: a perfect hash built at compile time (for integer codes, one
//! multiply where the writer found a multiplier, else hash and displace; see
//! `errcodes_layout`), so a lookup is a hash, one or two array reads and one comparison
//! whatever the size of the table.

use errcodes_layout::{NONE, UNKNOWN};

use super::Table;
use crate::Code;

/// A code as a lookup key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key<'a> {
    /// An integer code.
    Int(i64),
    /// A string code that is not an integer.
    Str(&'a str),
    /// No code.
    None,
}

impl<'a> Key<'a> {
    /// Reads a code as text: an integer if it parses as one (after trimming), else a string.
    #[must_use]
    #[inline]
    pub fn parse(text: &'a str) -> Self {
        // Most text codes are words (`access_token_invalid`): a letter first and a visible
        // ASCII char last is text with nothing to trim, which no integer parses from.
        let bytes = text.as_bytes();
        if let (Some(first), Some(last)) = (bytes.first(), bytes.last()) {
            if first.is_ascii_alphabetic() && last.is_ascii_graphic() {
                return Key::Str(text);
            }
        }
        Key::trimmed(text)
    }

    /// [`parse`](Self::parse) of text that may be an integer or need trimming. Out of line:
    /// inlined, the parse would crowd the integer path of every lookup.
    #[inline(never)]
    fn trimmed(text: &'a str) -> Self {
        let text = text.trim();
        text.parse().map_or(Key::Str(text), Key::Int)
    }

    /// The key of a code: numeric text is its integer.
    #[must_use]
    #[allow(clippy::inline_always)] // an integer code's key is the integer, at no cost
    #[inline(always)]
    pub fn of(code: Code<'a>) -> Self {
        match code {
            Code::Int(code) => Key::Int(code),
            Code::Str(text) => Key::parse(text),
            Code::None => Key::None,
        }
    }
}

/// A slot's contents: the entry `from_code` gives (or [`UNKNOWN`]) and the code's index in
/// [`Table::codes`] (or [`NONE`]).
pub(super) type Found = (usize, u32);

impl Table {
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn slot(&self, key: Key<'_>) -> Found {
        match key {
            Key::Int(code) => self.view.int_slot(code),
            Key::Str(code) => self.view.str_slot(code),
            Key::None => (UNKNOWN, NONE),
        }
    }

    /// The entry `from_code` gives for `key`, or [`UNKNOWN`]. Inline for text too: the
    /// generated table's numbers are then constants, and the words of the code stay in
    /// registers from the hash to the comparison.
    #[must_use]
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn lookup(&self, key: Key<'_>) -> usize {
        match key {
            Key::Int(code) => self.view.int_entry(code),
            Key::Str(_) | Key::None => self.slot(key).0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn text_reads_as_its_trimmed_integer_or_its_trimmed_text() {
        for (text, key) in [
            ("access_token_invalid", Key::Str("access_token_invalid")),
            ("InvalidInput", Key::Str("InvalidInput")),
            (" error_param ", Key::Str("error_param")),
            (
                "isv.item-not-exist:invalid-numIid",
                Key::Str("isv.item-not-exist:invalid-numIid"),
            ),
            ("a\u{3000}", Key::Str("a")),
            ("45009", Key::Int(45009)),
            (" -1 ", Key::Int(-1)),
            ("+7", Key::Int(7)),
            ("0042", Key::Int(42)),
            ("F00-00-10013-002", Key::Str("F00-00-10013-002")),
            ("", Key::Str("")),
        ] {
            assert_eq!(Key::parse(text), key, "{text:?}");
        }
    }
}
