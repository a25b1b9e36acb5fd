//! The table format that `errcodes::platform_errors!` writes and the `errcodes` runtime
//! reads, defined once for both sides (as `phf_shared` serves `phf_generator` and `phf`):
//! the [`Writer`] that builds a table and the [`View`] that reads one sit side by side, and
//! a property test writes with one and reads with the other.
//!
//! A table is [`Encoded`]: one string holding all the spec's text, one byte string of
//! little-endian `u32` sections ([`section`]), and three short lists of the values the
//! runtime lends out as slices of its own types (codes, field names, response paths).
//! Generated code writes those five out as literals; the `errcodes` command hands them to
//! the runtime as they are. Neither knows what a section holds.
//!
//! This crate says where each value sits ([`entry`], [`record`], [`meta`]), how a code is
//! hashed to its slot ([`IntIndex`], [`hash_str`], [`place`]) and compared there
//! ([`Folded`]), how a message char is
//! normalised before it is compared ([`normalize`]), how probes are bucketed by the first
//! char of a message ([`lead`], [`bucket`]), and how retry classes ([`Retry`]) and a
//! response envelope ([`Envelope`]) are stored.
//!
//! It has no dependencies and no `unsafe`; it is an implementation detail of errcodes,
//! versioned in lockstep with it.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::pedantic)]
#![cfg_attr(test, allow(clippy::cast_possible_wrap))]

extern crate alloc;

mod build;
mod encoded;
mod envelope;
mod folded;
mod hash;
mod ints;
mod retry;
pub mod section;
mod text;
mod view;
mod words;
mod writer;

pub use build::Error;
pub use encoded::{Code, Encoded, Path};
pub use envelope::{path_text, Envelope, Format, ITEMS, JSON_TEXT};
pub use folded::{Folded, FOLDED};
pub use hash::{
    bucket, bucket_of, hash_folded, hash_int, hash_str, place, reduce, slot_of, str_key,
};
pub use ints::{Design, IntIndex};
pub use retry::{Retry, Short};
pub use text::{lead, normalize};
pub use view::View;
pub use words::{record, word};
pub use writer::Writer;

/// Longest wait a retry class may ask for, in seconds: 30 days. A platform that asks for
/// longer is not asking for a retry. The spec format and the runtime's `Retry-After` both
/// hold to it.
pub const MAX_WAIT: u64 = 30 * 86_400;

/// Marks an absent string, code or status in the tables.
pub const NONE: u32 = u32::MAX;

/// The index of `Unknown` where an entry index is expected: past every entry.
pub const UNKNOWN: usize = usize::MAX;

/// Most fields one template may have.
pub const MAX_FIELDS: usize = 8;

/// The `u32`s of section [`META`](section::META): what there is one of per table.
pub mod meta {
    /// The spec's `platform` (a string).
    pub const PLATFORM: usize = 0;
    /// The retry class of unknown codes: an index in [`RETRIES`](crate::section::RETRIES).
    pub const UNKNOWN_RETRY: usize = 1;
    /// `u32`s in the section.
    pub const LEN: usize = 2;
}

/// The `u32`s of one entry in section [`ENTRIES`](section::ENTRIES), at these offsets.
pub mod entry {
    /// Name of the variant (a string).
    pub const NAME: usize = 0;
    /// Message in its first language, templates shown as `{field}`.
    pub const MESSAGE: usize = 1;
    /// Message in Chinese, or [`NONE`](super::NONE).
    pub const MESSAGE_ZH: usize = 2;
    /// Message in English, or [`NONE`](super::NONE).
    pub const MESSAGE_EN: usize = 3;
    /// Remedy in its first language, or [`NONE`](super::NONE).
    pub const HINT: usize = 4;
    /// Remedy in Chinese, or [`NONE`](super::NONE).
    pub const HINT_ZH: usize = 5;
    /// Remedy in English, or [`NONE`](super::NONE).
    pub const HINT_EN: usize = 6;
    /// Endpoint, or [`NONE`](super::NONE).
    pub const ENDPOINT: usize = 7;
    /// Scene, or [`NONE`](super::NONE).
    pub const SCENE: usize = 8;
    /// Index of the group.
    pub const GROUP: usize = 9;
    /// HTTP status, or [`NONE`](super::NONE).
    pub const HTTP_STATUS: usize = 10;
    /// Index in section [`RETRIES`](crate::section::RETRIES).
    pub const RETRY: usize = 11;
    /// Start of the entry's codes in the table's list of codes.
    pub const CODES: usize = 12;
    /// How many codes the entry has.
    pub const CODES_LEN: usize = 13;
    /// Start of the field names of the entry's first template in the table's list of
    /// names.
    pub const FIELDS: usize = 14;
    /// How many fields the entry's first template has.
    pub const FIELDS_LEN: usize = 15;
    /// `u32`s per entry.
    pub const LEN: usize = 16;
}

/// Sizes, in `u32`s, of the records of the table's other sections.
pub mod record {
    /// A string-code slot: the code's [`Folded`](crate::Folded) words (four `u64`s, low
    /// half first) and length, the entry `from_code` gives, the code's index in section
    /// [`CODES`](crate::section::CODES), and the code (a string).
    pub const STR_SLOT: usize = 12;
    /// An integer-code slot, in `i64`s: the code, then `fallback << 32 | code index`.
    pub const INT_SLOT: usize = 2;
    /// A code in section [`CODES`](crate::section::CODES): start and end of the probes
    /// scanned, start of the bucket offsets, bits of the bucket count (0: no buckets).
    pub const CODE: usize = 4;
    /// A probe: lead, tail, shortest match, preference (its place among the code's
    /// patterns, most literal text first, then spec order), entry, pattern, number of
    /// fields, then the bounds in the text of the first and of the last literal. What the
    /// filter reads comes first; a match reads the pattern's record only for the literals
    /// between two fields.
    pub const PROBE: usize = 11;
    /// A pattern: first literal, first field name (strings; the literals are one more than
    /// the fields), number of fields, shortest match.
    pub const PATTERN: usize = 4;
    /// A sub-code rule: the code's index in section [`CODES`](crate::section::CODES)
    /// ([`NONE`](super::NONE) for a rule of any code), its kind ([`sub`](super::sub)), the
    /// entry, and a string (exact, prefix) or a pattern (template). Rules are sorted most
    /// specific first.
    pub const SUB: usize = 4;
    /// A retry class ([`Retry::words`](crate::Retry::words)).
    pub const RETRY: usize = 3;
    /// A pair of twins: entries that share a code and a message but not an endpoint.
    pub const TWIN: usize = 2;
    /// A group: its id and title (strings).
    pub const GROUP: usize = 2;
}

/// The kinds of sub-code rule, in the order they are tried.
pub mod sub {
    /// Exactly this sub-code.
    pub const EXACT: u32 = 0;
    /// Sub-codes that fill a template.
    pub const TEMPLATE: u32 = 1;
    /// Sub-codes that start with a prefix; longer prefixes first.
    pub const PREFIX: u32 = 2;
}
