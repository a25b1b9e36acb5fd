//! The sections of a table's bytes: a header of [`COUNT`] little-endian `u32`s, the length
//! of each section in `u32`s, then the sections back to back in this order. [`split`] is
//! the only reader of the header, the writer's `finish` its only writer.

use alloc::vec::Vec;

/// What there is one of per table ([`meta`](crate::meta)).
pub const META: usize = 0;
/// String `i` is `text[bounds[i]..bounds[i + 1]]`.
pub const BOUNDS: usize = 1;
/// [`entry::LEN`](crate::entry::LEN) `u32`s per entry, in spec order.
pub const ENTRIES: usize = 2;
/// Each group's id and title ([`record::GROUP`](crate::record::GROUP)).
pub const GROUPS: usize = 3;
/// The retry classes the entries use ([`record::RETRY`](crate::record::RETRY)).
pub const RETRIES: usize = 4;
/// How integer codes are placed ([`IntIndex`](crate::IntIndex)).
pub const INT_INDEX: usize = 5;
/// One displacement per bucket, when integer codes are hashed and displaced.
pub const INT_DISPLACEMENTS: usize = 6;
/// Integer-code slots ([`record::INT_SLOT`](crate::record::INT_SLOT) `i64`s each).
pub const INT_SLOTS: usize = 7;
/// How string codes' hashes are placed ([`IntIndex`](crate::IntIndex): by one multiply, or
/// hashed and displaced), then the seed of their hash (an `u64`).
pub const STR_INDEX: usize = 8;
/// One displacement per bucket, when string codes are hashed and displaced.
pub const STR_DISPLACEMENTS: usize = 9;
/// String-code slots ([`record::STR_SLOT`](crate::record::STR_SLOT)).
pub const STR_SLOTS: usize = 10;
/// Where each code's probes are ([`record::CODE`](crate::record::CODE)); the last is that
/// of the entries without a code, which are reachable by message only.
pub const CODES: usize = 11;
/// The probes of every code, then those of the entries without a code
/// ([`record::PROBE`](crate::record::PROBE)). A handful are scanned; of many, those that
/// start with a field are, and the others are in buckets by the lead of their first char.
pub const PROBES: usize = 12;
/// Bucket offsets into the probes; a code with `1 << bits` buckets has `(1 << bits) + 1`.
pub const BUCKETS: usize = 13;
/// Every pattern ([`record::PATTERN`](crate::record::PATTERN)).
pub const PATTERNS: usize = 14;
/// The patterns stripped from the end of a message before it is matched.
pub const NOISE: usize = 15;
/// Entries that share a code and a message but not an endpoint, both ways round
/// ([`record::TWIN`](crate::record::TWIN)).
pub const TWINS: usize = 16;
/// The sub-code rules ([`record::SUB`](crate::record::SUB)), most specific first.
pub const SUB_CODES: usize = 17;
/// Where a response keeps its code and message ([`Envelope`](crate::Envelope)); empty
/// when the spec has no envelope.
pub const ENVELOPE: usize = 18;
/// How many sections.
pub const COUNT: usize = 19;

/// The sections of `bytes`. Total: a header or section cut short leaves the sections from
/// there on empty, so a table that is not one reads as no entries rather than panicking.
/// `const`, so that a generated table is split once, at compile time.
#[must_use]
pub const fn split(bytes: &[u8]) -> [&[u8]; COUNT] {
    let mut sections: [&[u8]; COUNT] = [&[]; COUNT];
    if bytes.len() < COUNT * 4 {
        return sections;
    }
    let (header, mut rest) = bytes.split_at(COUNT * 4);
    let mut id = 0;
    while id < COUNT {
        let at = id * 4;
        let len = u32::from_le_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
        let Some(len) = (len as usize).checked_mul(4) else {
            return sections;
        };
        if len > rest.len() {
            return sections;
        }
        let (section, after) = rest.split_at(len);
        sections[id] = section;
        rest = after;
        id += 1;
    }
    sections
}

/// The header and the sections, as [`split`] reads them.
pub(crate) fn join(sections: &[Vec<u32>; COUNT]) -> Vec<u8> {
    let words = sections.iter().map(Vec::len).sum::<usize>() + COUNT;
    let mut bytes = Vec::with_capacity(words * 4);
    for section in sections {
        bytes.extend_from_slice(&crate::writer::u32_of(section.len()).to_le_bytes());
    }
    for word in sections.iter().flatten() {
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_cut_short_reads_as_empty_sections_from_the_cut_on() {
        let mut sections: [Vec<u32>; COUNT] = Default::default();
        sections[META] = alloc::vec![1, 2];
        sections[BOUNDS] = alloc::vec![3];
        let bytes = join(&sections);
        assert_eq!(split(&bytes)[META], &[1, 0, 0, 0, 2, 0, 0, 0]);
        let cut = split(&bytes[..bytes.len() - 1]);
        assert_eq!(cut[META].len(), 8);
        assert!(cut[BOUNDS].is_empty());
        assert!(split(&bytes[..7]).iter().all(|section| section.is_empty()));
        let mut huge = bytes.clone();
        huge[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(split(&huge).iter().all(|section| section.is_empty()));
    }
}
