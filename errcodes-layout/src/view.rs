//! The reader: a table read in place, without a copy, from any storage that lends its text
//! and bytes (a generated `static`, or a table loaded at run time). Every read is total: a
//! table that is not one reads as empty strings, absent values and unknown codes, never as
//! a panic.

use crate::folded::{Folded, FOLDED};
use crate::hash::{bucket_of, hash_folded, multiply_slot, slot_of, str_key};
use crate::ints;
use crate::section::{self, COUNT};
use crate::words::{longs, record as read, wide, word};
use crate::{entry, envelope, meta, record, Envelope, IntIndex, Retry, NONE, UNKNOWN};

/// A table's text and sections, and how its codes are placed, read once.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    text: &'a str,
    sections: [&'a [u8]; COUNT],
    ints: IntIndex,
    str_index: IntIndex,
    str_seed: u64,
    str_slots: usize,
    str_buckets: usize,
}

impl<'a> View<'a> {
    /// The table whose text and bytes ([`Encoded`](crate::Encoded)) these are. `const`, so
    /// that a generated table is read at compile time.
    #[must_use]
    pub const fn new(text: &'a str, bytes: &'a [u8]) -> View<'a> {
        let sections = section::split(bytes);
        View {
            text,
            sections,
            ints: IntIndex::read(sections[section::INT_INDEX]),
            str_index: IntIndex::read(sections[section::STR_INDEX]),
            str_seed: wide(sections[section::STR_INDEX], ints::LEN),
            str_slots: sections[section::STR_SLOTS].len() / (4 * record::STR_SLOT),
            str_buckets: sections[section::STR_DISPLACEMENTS].len() / 4,
        }
    }

    /// Every string, back to back.
    #[must_use]
    #[inline]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Section `id` ([`section`]); empty past the last.
    #[must_use]
    #[inline]
    pub fn section(&self, id: usize) -> &'a [u8] {
        self.sections.get(id).copied().unwrap_or_default()
    }

    /// How integer codes are placed.
    #[must_use]
    pub fn int_index(&self) -> IntIndex {
        self.ints
    }

    /// How string codes are placed: by one multiply of their key, or hashed and displaced.
    #[must_use]
    pub fn str_index(&self) -> IntIndex {
        self.str_index
    }

    /// String `id`; empty for [`NONE`].
    #[must_use]
    #[inline]
    pub fn string(&self, id: u32) -> &'a str {
        let bounds = self.sections[section::BOUNDS];
        let at = id as usize;
        let (start, end) = (word(bounds, at), word(bounds, at.wrapping_add(1)));
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// String `id`, or `None` for [`NONE`].
    #[must_use]
    pub fn optional(&self, id: u32) -> Option<&'a str> {
        (id != NONE).then(|| self.string(id))
    }

    /// The bounds of strings `first..first + len`, little-endian `u32`s: `len + 1` of them
    /// where there are that many strings, else none.
    #[must_use]
    pub fn bounds(&self, first: u32, len: u32) -> &'a [u8] {
        let (first, len) = (first as usize, len as usize);
        let end = first
            .saturating_add(len)
            .saturating_add(1)
            .saturating_mul(4);
        self.sections[section::BOUNDS]
            .get(first.saturating_mul(4)..end)
            .unwrap_or_default()
    }

    /// How many entries.
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        self.sections[section::ENTRIES].len() / (4 * entry::LEN)
    }

    /// Whether the table has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value `field` ([`entry`]) of entry `index`; `None` past the entries.
    #[must_use]
    #[inline]
    pub fn field(&self, index: usize, field: usize) -> Option<u32> {
        if index >= self.len() || field >= entry::LEN {
            return None;
        }
        Some(word(
            self.sections[section::ENTRIES],
            index * entry::LEN + field,
        ))
    }

    /// The spec's `platform`.
    #[must_use]
    pub fn platform(&self) -> &'a str {
        self.string(word(self.sections[section::META], meta::PLATFORM))
    }

    /// Retry class `index` of section [`RETRIES`](section::RETRIES).
    #[must_use]
    pub fn retry(&self, index: u32) -> Option<Retry> {
        read(self.sections[section::RETRIES], index as usize).and_then(Retry::from_words)
    }

    /// The retry class of unknown codes.
    #[must_use]
    pub fn unknown_retry(&self) -> Option<Retry> {
        self.retry(word(self.sections[section::META], meta::UNKNOWN_RETRY))
    }

    /// Group `index`: its id and title.
    #[must_use]
    pub fn group(&self, index: u32) -> Option<(&'a str, &'a str)> {
        let [id, title] = read(self.sections[section::GROUPS], index as usize)?;
        Some((self.string(id), self.string(title)))
    }

    /// The twins of entry `index`: entries that share its code and message but not its
    /// endpoint.
    pub fn twins(&self, index: usize) -> impl Iterator<Item = usize> + 'a {
        self.sections[section::TWINS]
            .chunks_exact(4 * record::TWIN)
            .filter_map(move |pair| {
                let [entry, twin] = read(pair, 0)?;
                (entry as usize == index).then_some(twin as usize)
            })
    }

    /// Where a response keeps its code and message, if the spec says: the envelope's
    /// first level.
    #[must_use]
    pub fn envelope(&self) -> Option<Envelope> {
        self.level(0)
    }

    /// Level `index` of the envelope.
    #[must_use]
    pub fn level(&self, index: usize) -> Option<Envelope> {
        read::<{ envelope::LEN }>(self.sections[section::ENVELOPE], index).map(Envelope::from_words)
    }

    /// How many levels the envelope has; 0 without one.
    #[must_use]
    pub fn levels(&self) -> usize {
        self.sections[section::ENVELOPE].len() / (4 * envelope::LEN)
    }

    /// The slot of integer `code`: its code and value, if the slot is in the table.
    #[inline]
    fn int_pair(&self, code: i64) -> Option<(i64, i64)> {
        let slots = self.sections[section::INT_SLOTS];
        let displacements = self.sections[section::INT_DISPLACEMENTS];
        let slot = self
            .ints
            .slot(code, displacements, slots.len() / (8 * record::INT_SLOT));
        // A slot is two `i64`s (`record::INT_SLOT`).
        longs(slots, slot)
    }

    /// The entry `from_code` gives for integer `code`, or [`UNKNOWN`]: the code is compared
    /// with its slot's without a branch, which a mix of known and unknown codes would
    /// mispredict.
    #[must_use]
    #[inline]
    pub fn int_entry(&self, code: i64) -> usize {
        // A slot past the end reads as another code's: no branch on it either.
        let (key, value) = self.int_pair(code).unwrap_or((!code, 0));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let fallback = (value >> 32) as usize;
        // All ones when the key differs: `fallback | !0` is `UNKNOWN`.
        fallback | usize::from(key != code).wrapping_neg()
    }

    /// The slot of integer `code`: the entry `from_code` gives (or [`UNKNOWN`]) and the
    /// code's index in section [`CODES`](section::CODES) (or [`NONE`]).
    #[must_use]
    #[inline]
    pub fn int_slot(&self, code: i64) -> (usize, u32) {
        match self.int_pair(code) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some((key, value)) if key == code => (entry_of((value >> 32) as u32), value as u32),
            _ => (UNKNOWN, NONE),
        }
    }

    /// The slot of string `code`, as [`int_slot`](Self::int_slot): its words are hashed
    /// and compared with the slot's, a long code's text too.
    #[must_use]
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn str_slot(&self, code: &str) -> (usize, u32) {
        let folded = Folded::of(code);
        let at = match self.str_index {
            #[allow(clippy::cast_possible_wrap)] // the bits are what is placed
            IntIndex::Multiply { mult, shift } => {
                multiply_slot(str_key(code, &folded) as i64, mult, shift)
            }
            IntIndex::Displace { .. } => {
                let hash = hash_folded(code, &folded, self.str_seed);
                let bucket = bucket_of(hash, self.str_buckets);
                let displacement = word(self.sections[section::STR_DISPLACEMENTS], bucket);
                slot_of(hash, displacement, self.str_slots)
            }
        };
        match str_record(self.sections[section::STR_SLOTS], at) {
            Some((stored, [fallback, index, key]))
                if stored.same(&folded) && (code.len() <= FOLDED || self.is_string(key, code)) =>
            {
                (entry_of(fallback), index)
            }
            _ => (UNKNOWN, NONE),
        }
    }

    /// Whether string `id` is `code`. Out of line: only codes longer than a slot's words
    /// are compared as text.
    #[cold]
    #[inline(never)]
    fn is_string(&self, id: u32, code: &str) -> bool {
        self.string(id) == code
    }
}

/// String slot `index` of `slots` ([`record::STR_SLOT`]): the code's words and length, and
/// the three `u32`s after them. One bounds check for the whole slot.
#[inline]
fn str_record(slots: &[u8], index: usize) -> Option<(Folded, [u32; 3])> {
    const LEN: usize = 4 * record::STR_SLOT;
    let at = index.wrapping_mul(LEN);
    let slot: &[u8; LEN] = slots.get(at..at.wrapping_add(LEN))?.try_into().ok()?;
    let long = |i: usize| {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(&slot[8 * i..8 * i + 8]);
        u64::from_le_bytes(bytes)
    };
    let short = |i: usize| {
        let mut bytes = [0; 4];
        bytes.copy_from_slice(&slot[32 + 4 * i..36 + 4 * i]);
        u32::from_le_bytes(bytes)
    };
    let folded = Folded {
        words: [long(0), long(1), long(2), long(3)],
        len: u64::from(short(0)),
    };
    Some((folded, [short(1), short(2), short(3)]))
}

/// An entry index as stored: [`NONE`] is [`UNKNOWN`].
fn entry_of(stored: u32) -> usize {
    if stored == NONE {
        UNKNOWN
    } else {
        stored as usize
    }
}
