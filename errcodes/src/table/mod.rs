//! The tables `platform_errors!` generates and the lookups over them.
//!
//! Generated code is data, not logic: one static [`Table`] per enum, made of flat arrays of
//! integers and one string holding all the spec's text, which the compiler checks and
//! lowers in time linear in the size of the spec. Where each value sits is defined once, in
//! `errcodes_layout`, for the macro that writes a table and for this module that reads it.
//!
//! Codes are found with a perfect hash built at compile time ([`lookup`]); messages are
//! compared only with the patterns that can match them ([`classify`]).

mod classify;
mod lookup;

use errcodes_layout::{entry, record, word, NONE};

pub use lookup::Key;

use crate::text::{Pattern, Strings};
use crate::{Code, Lang, RetryClass};

/// A perfect-hash map: `slots` holds, for each key, a record in the place the hash of the
/// key gives, the key first.
#[derive(Debug)]
pub struct Phf {
    /// Seed of the hash function, found at compile time.
    pub seed: u64,
    /// One displacement per bucket (`u32`s).
    pub displacements: &'static [u8],
    /// Integer codes: [`record::INT_SLOT`] `i64`s per slot. String codes:
    /// [`record::STR_SLOT`] `u32`s per slot.
    pub slots: &'static [u8],
}

/// Where a platform's JSON response keeps its code and message (see `specs/README.md`).
#[derive(Debug)]
pub struct Envelope {
    /// Paths to the code, tried in order.
    pub code: &'static [Path],
    /// Paths to the message, tried in order.
    pub message: &'static [Path],
    /// Paths to the sub-code, tried in order.
    pub sub_code: &'static [Path],
    /// Paths to the sub-message, tried in order.
    pub sub_message: &'static [Path],
    /// Paths to the request id, tried in order.
    pub request_id: &'static [Path],
    /// Codes that mean success.
    pub success: &'static [Code<'static>],
    /// Whether a body with no code at any path is a success.
    pub success_without_code: bool,
    /// Messages that a body without a code may carry and still be a success (WeChat's
    /// `ok`), compared after trimming.
    pub success_message: &'static [&'static str],
}

/// One path into a response: `error.code` is `["error", "code"]`; `*` is any key.
#[derive(Debug)]
pub struct Path {
    /// The path as the spec writes it, for error messages.
    pub text: &'static str,
    /// Its keys.
    pub keys: &'static [&'static str],
}

/// All the data behind one generated enum. The arrays of integers are little-endian byte
/// strings: one literal each, which the compiler reads as fast as text.
#[derive(Debug)]
pub struct Table {
    /// The spec's `platform`.
    pub platform: &'static str,
    /// Every string of the spec, back to back.
    pub text: &'static str,
    /// `u32`s: string `i` is `text[bounds[i]..bounds[i + 1]]`.
    pub bounds: &'static [u8],
    /// [`entry::LEN`] `u32`s per entry, in spec order.
    pub entries: &'static [u8],
    /// The codes of every entry, as the spec lists them.
    pub entry_codes: &'static [Code<'static>],
    /// The field names of every entry's first template.
    pub field_names: &'static [&'static str],
    /// The retry classes the entries use.
    pub retries: &'static [RetryClass],
    /// `u32`s: each group's id and title (strings).
    pub groups: &'static [u8],
    /// Integer codes.
    pub ints: Phf,
    /// String codes.
    pub strs: Phf,
    /// `u32`s: where each code's probes are ([`record::CODE`]); the last is that of the
    /// entries without a code, which are reachable by message only.
    pub codes: &'static [u8],
    /// `u32`s: the probes of every code, then those of the entries without a code
    /// ([`record::PROBE`]). A handful are scanned; of many, those that start with a field
    /// are, and the others are in buckets by the lead of their first char.
    pub probes: &'static [u8],
    /// `u32`s: bucket offsets into the probes; a code with `1 << bits` buckets has
    /// `(1 << bits) + 1`.
    pub buckets: &'static [u8],
    /// `u32`s: every pattern ([`record::PATTERN`]).
    pub patterns: &'static [u8],
    /// `u32`s: the patterns stripped from the end of a message before it is matched.
    pub noise: &'static [u8],
    /// Entries that share a code and a message but not an endpoint, both ways round.
    pub twins: &'static [(u32, u32)],
    /// `u32`s: the sub-code rules ([`record::SUB`]), most specific first.
    pub sub_codes: &'static [u8],
    /// Retry class of unknown codes.
    pub unknown_retry: RetryClass,
    /// Where a response keeps its code and message, if the spec says.
    pub envelope: Option<Envelope>,
}

impl Table {
    /// How many entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len() / (4 * entry::LEN)
    }

    /// Whether the table has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// String `id`; empty for [`NONE`].
    #[inline]
    fn string(&self, id: u32) -> &'static str {
        let text: &'static str = self.text;
        let at = id as usize;
        if at.saturating_add(1) >= self.bounds.len() / 4 {
            return "";
        }
        let (start, end) = (word(self.bounds, at), word(self.bounds, at + 1));
        text.get(start as usize..end as usize).unwrap_or_default()
    }

    fn optional(&self, id: u32) -> Option<&'static str> {
        (id != NONE).then(|| self.string(id))
    }

    /// Strings `first..first + len`.
    fn strings(&self, first: u32, len: u32) -> Strings<'static> {
        let bounds: &'static [u8] = self.bounds;
        let (first, len) = (first as usize, len as usize);
        Strings::new(
            self.text,
            bounds
                .get(first * 4..(first + len + 1) * 4)
                .unwrap_or_default(),
        )
    }

    fn pattern(&self, index: u32) -> Option<Pattern<'static>> {
        let [lits, fields, count, min_len] =
            errcodes_layout::record::<{ record::PATTERN }>(self.patterns, index as usize)?;
        Some(Pattern {
            lits: self.strings(lits, count + 1),
            fields: self.strings(fields, count),
            min_len,
        })
    }

    /// Value `field` of entry `index`; `None` for [`UNKNOWN`](errcodes_layout::UNKNOWN).
    #[inline]
    fn field(&self, index: usize, field: usize) -> Option<u32> {
        if index >= self.len() {
            return None;
        }
        Some(word(self.entries, index * entry::LEN + field))
    }

    fn slice<T>(&self, all: &'static [T], index: usize, start: usize, len: usize) -> &'static [T] {
        let (Some(start), Some(len)) = (self.field(index, start), self.field(index, len)) else {
            return &[];
        };
        all.get(start as usize..(start as usize).saturating_add(len as usize))
            .unwrap_or_default()
    }

    /// Every code of entry `index`, as the spec lists them.
    #[must_use]
    pub fn codes_of(&self, index: usize) -> &'static [Code<'static>] {
        self.slice(self.entry_codes, index, entry::CODES, entry::CODES_LEN)
    }

    /// The field names of entry `index`'s first template.
    #[must_use]
    pub fn field_names(&self, index: usize) -> &'static [&'static str] {
        self.slice(self.field_names, index, entry::FIELDS, entry::FIELDS_LEN)
    }

    /// The variant name of entry `index`; `"Unknown"` past the entries.
    #[must_use]
    pub fn name(&self, index: usize) -> &'static str {
        self.field(index, entry::NAME)
            .map_or("Unknown", |id| self.string(id))
    }

    /// The message of entry `index` in its first language; `"unknown error code"` past the
    /// entries.
    #[must_use]
    pub fn message(&self, index: usize) -> &'static str {
        self.field(index, entry::MESSAGE)
            .map_or("unknown error code", |id| self.string(id))
    }

    /// The message of entry `index` in `lang`, where the spec gives one.
    #[must_use]
    pub fn message_in(&self, index: usize, lang: Lang) -> Option<&'static str> {
        let at = match lang {
            Lang::Zh => entry::MESSAGE_ZH,
            Lang::En => entry::MESSAGE_EN,
        };
        self.optional(self.field(index, at)?)
    }

    /// The remedy of entry `index` in its first language.
    #[must_use]
    pub fn hint(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::HINT)?)
    }

    /// The remedy of entry `index` in `lang`, where the spec gives one.
    #[must_use]
    pub fn hint_in(&self, index: usize, lang: Lang) -> Option<&'static str> {
        let at = match lang {
            Lang::Zh => entry::HINT_ZH,
            Lang::En => entry::HINT_EN,
        };
        self.optional(self.field(index, at)?)
    }

    /// The endpoint of entry `index`.
    #[must_use]
    pub fn endpoint(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::ENDPOINT)?)
    }

    /// The scene of entry `index`.
    #[must_use]
    pub fn scene(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::SCENE)?)
    }

    /// The HTTP status of entry `index`.
    #[must_use]
    pub fn http_status(&self, index: usize) -> Option<u16> {
        u16::try_from(self.field(index, entry::HTTP_STATUS)?).ok()
    }

    /// The retry class of entry `index`; the spec's `unknown_retry` past the entries.
    #[must_use]
    pub fn retry_class(&self, index: usize) -> RetryClass {
        let retries: &'static [RetryClass] = self.retries;
        self.field(index, entry::RETRY)
            .and_then(|retry| retries.get(retry as usize).copied())
            .unwrap_or(self.unknown_retry)
    }

    /// The group id of entry `index`.
    #[must_use]
    pub fn group(&self, index: usize) -> Option<&'static str> {
        let group = self.field(index, entry::GROUP)? as usize;
        (2 * group < self.groups.len() / 4).then(|| self.string(word(self.groups, 2 * group)))
    }

    /// The entry named `name`, if any.
    #[must_use]
    pub fn index_of_name(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&index| self.name(index) == name)
    }
}
