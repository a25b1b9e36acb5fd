//! The tables `platform_errors!` generates and the lookups over them.
//!
//! Generated code is data, not logic: one static [`Table`] per enum. Codes are found with a
//! perfect hash built at compile time (hash and displace: a key's bucket gives a
//! displacement, the displaced hash gives its slot), so a lookup is two hashes, two array
//! reads and one comparison whatever the size of the table.

use core::fmt;

use crate::text::{match_pattern, strip_noise, Pattern};
use crate::{Code, Fields, RawCode, RetryClass};

/// One spec entry, as the generated enum's accessors read it.
#[derive(Debug)]
pub struct Entry {
    /// The variant's name.
    pub name: &'static str,
    /// The entry's codes in spec order; empty for a code-less entry.
    pub codes: &'static [Code<'static>],
    /// The message in its first language, templates shown as `{field}`.
    pub message: &'static str,
    /// The message in Chinese and English, where the spec gives them.
    pub message_zh: Option<&'static str>,
    /// See `message_zh`.
    pub message_en: Option<&'static str>,
    /// The remedy, in its first language.
    pub hint: Option<&'static str>,
    /// The retry class.
    pub retry: RetryClass,
    /// Index into [`Table::groups`].
    pub group: u32,
    /// HTTP status, when the spec gives one.
    pub http_status: Option<u16>,
    /// Endpoint, when the spec gives one.
    pub endpoint: Option<&'static str>,
    /// Scene, when the spec gives one.
    pub scene: Option<&'static str>,
    /// One pattern per language of the message.
    pub patterns: &'static [Pattern],
}

/// A spec group.
#[derive(Debug)]
pub struct Group {
    /// The `snake_case` id.
    pub id: &'static str,
    /// The title as the source writes it.
    pub title: &'static str,
}

/// A perfect-hash map from codes of type `K` to slots.
#[derive(Debug)]
pub struct Phf<K: 'static> {
    /// Seed of the hash function, found at compile time.
    pub seed: u64,
    /// One displacement per bucket.
    pub displacements: &'static [u32],
    /// The key of each slot.
    pub keys: &'static [K],
    /// What each slot holds, parallel to `keys`.
    pub slots: &'static [Slot],
}

/// Everything about one code: the entry `from_code` gives and the entries `classify`
/// chooses among.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// The entry `from_code` returns: the code's only entry or its fallback.
    pub fallback: u32,
    /// Start of the code's entries in [`Table::candidates`].
    pub start: u32,
    /// End (exclusive) of the code's entries in [`Table::candidates`].
    pub end: u32,
}

/// All the data behind one generated enum.
#[derive(Debug)]
pub struct Table {
    /// The spec's `platform`.
    pub platform: &'static str,
    /// Entries in spec order; index `i` is the `i`th variant.
    pub entries: &'static [Entry],
    /// Groups in spec order.
    pub groups: &'static [Group],
    /// Integer codes.
    pub ints: Phf<i64>,
    /// String codes.
    pub strs: Phf<&'static str>,
    /// Entry indices by code: each [`Slot`] owns a range.
    pub candidates: &'static [u32],
    /// Entries without a code, reachable by message only.
    pub codeless: &'static [u32],
    /// Patterns stripped from the end of a message before it is matched.
    pub noise: &'static [Pattern],
    /// Retry class of unknown codes.
    pub unknown_retry: RetryClass,
}

/// Hash of an integer code (the `fmix64` finaliser of `MurmurHash3`, seeded).
#[must_use]
#[inline]
pub fn hash_int(code: i64, seed: u64) -> u64 {
    #[allow(clippy::cast_sign_loss)] // the bits are what is hashed
    let mut h = (code as u64) ^ seed;
    h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a string code (FNV-1a, then the integer finaliser).
#[must_use]
#[inline]
pub fn hash_str(code: &str, seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in code.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    #[allow(clippy::cast_possible_wrap)]
    hash_int(h as i64, seed)
}

/// The `fmix64` finaliser of `MurmurHash3`.
#[must_use]
#[inline]
fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The slot a hash lands in, given the table's shape. Shared with the macro, which runs the
/// same arithmetic to place keys.
#[must_use]
#[inline]
pub fn place(hash: u64, displacements: &[u32], len: usize) -> usize {
    let buckets = displacements.len() as u64;
    let bucket = (hash >> 32) % buckets;
    #[allow(clippy::cast_possible_truncation)] // bucket < buckets, a usize
    let d = u64::from(displacements[bucket as usize]);
    // Mixed, so that a displacement moves each key of a bucket its own way: a plain XOR moved
    // them all alike in a table of 2^k slots, where keys sharing low bits never parted.
    let slot = mix((hash & 0xffff_ffff) ^ d.wrapping_mul(0x9e37_79b9)) % len as u64;
    #[allow(clippy::cast_possible_truncation)]
    {
        slot as usize
    }
}

impl<K> Phf<K> {
    /// The slot of the key whose hash under `self.seed` is given by `hash`, if `is_key`
    /// confirms the key there is the one wanted.
    #[inline]
    fn get(&self, hash: impl FnOnce(u64) -> u64, is_key: impl FnOnce(&K) -> bool) -> Option<&Slot> {
        if self.keys.is_empty() {
            return None;
        }
        let slot = place(hash(self.seed), self.displacements, self.keys.len());
        is_key(&self.keys[slot]).then(|| &self.slots[slot])
    }
}

/// A code as a lookup key.
#[derive(Clone, Copy, Debug)]
pub enum Key<'a> {
    /// An integer code.
    Int(i64),
    /// A string code that is not an integer.
    Str(&'a str),
}

impl<'a> Key<'a> {
    /// Reads a code as text: an integer if it parses as one (after trimming), else a string.
    #[must_use]
    pub fn parse(text: &'a str) -> Self {
        let text = text.trim();
        text.parse().map_or(Key::Str(text), Key::Int)
    }

    /// The code, owned.
    #[must_use]
    pub fn raw(self) -> RawCode {
        match self {
            Key::Int(code) => RawCode::int(code),
            Key::Str(code) => RawCode::string(code),
        }
    }
}

/// The index generated code gives `Unknown`: past every entry.
pub const UNKNOWN: usize = usize::MAX;

impl Table {
    fn slot(&self, key: Key<'_>) -> Option<&Slot> {
        match key {
            Key::Int(code) => self.ints.get(|seed| hash_int(code, seed), |&k| k == code),
            Key::Str(code) => self.strs.get(|seed| hash_str(code, seed), |&k| k == code),
        }
    }

    /// The code a generated enum keeps for `key`, read from `text`: a known code as the spec
    /// writes it, and any other text exactly as received (only numeric text is read, as an
    /// integer), so that an unknown code keeps its raw value.
    #[must_use]
    pub fn received(&self, key: Key<'_>, text: &str) -> RawCode {
        match key {
            Key::Str(_) if self.slot(key).is_none() => RawCode::string(text),
            key => key.raw(),
        }
    }

    /// The entry `from_code` gives for `key`, or [`UNKNOWN`].
    #[must_use]
    #[inline]
    pub fn lookup(&self, key: Key<'_>) -> usize {
        self.slot(key)
            .map_or(UNKNOWN, |slot| slot.fallback as usize)
    }

    /// The entry for `key` whose message matches `message`, or [`UNKNOWN`], with the values
    /// of the matched template's fields. See `classify` on a generated enum.
    #[must_use]
    pub fn classify<'m>(&self, key: Key<'_>, message: &'m str) -> (usize, Fields<'m>) {
        let message = strip_noise(message, self.noise);
        let slot = self.slot(key);
        let candidates = slot.map_or(&[][..], |slot| {
            &self.candidates[slot.start as usize..slot.end as usize]
        });
        if let Some(found) = self
            .best(candidates, message)
            .or_else(|| self.best(self.codeless, message))
        {
            return found;
        }
        let index = slot.map_or(UNKNOWN, |slot| slot.fallback as usize);
        (index, Fields::none())
    }

    /// The matching entry with the most literal text; the first in spec order on a tie.
    fn best<'m>(&self, candidates: &[u32], message: &'m str) -> Option<(usize, Fields<'m>)> {
        let entries: &'static [Entry] = self.entries;
        let mut best: Option<(usize, &'static Pattern)> = None;
        for &index in candidates {
            for pattern in entries[index as usize].patterns {
                if best.is_some_and(|(_, found)| found.weight >= pattern.weight) {
                    continue;
                }
                if match_pattern(message, pattern, &mut []) {
                    best = Some((index as usize, pattern));
                }
            }
        }
        let (index, pattern) = best?;
        Some((index, Fields::matched(message, pattern)))
    }

    /// The entry at `index`; `None` for [`UNKNOWN`].
    #[must_use]
    #[inline]
    pub fn entry(&self, index: usize) -> Option<&'static Entry> {
        let entries: &'static [Entry] = self.entries;
        entries.get(index)
    }

    /// See `code` on a generated enum.
    #[must_use]
    pub fn code<'a>(&self, index: usize, payload: Option<&'a RawCode>) -> Code<'a> {
        match (payload, self.entry(index)) {
            (Some(raw), _) => raw.code(),
            (None, Some(entry)) => entry.codes.first().copied().unwrap_or(Code::None),
            (None, None) => Code::None,
        }
    }

    /// See `name` on a generated enum.
    #[must_use]
    pub fn name(&self, index: usize) -> &'static str {
        self.entry(index).map_or("Unknown", |entry| entry.name)
    }

    /// See `message` on a generated enum.
    #[must_use]
    pub fn message(&self, index: usize) -> &'static str {
        self.entry(index)
            .map_or("unknown error code", |entry| entry.message)
    }

    /// See `retry_class` on a generated enum.
    #[must_use]
    pub fn retry_class(&self, index: usize) -> RetryClass {
        self.entry(index)
            .map_or(self.unknown_retry, |entry| entry.retry)
    }

    /// See `group` on a generated enum.
    #[must_use]
    pub fn group(&self, index: usize) -> Option<&'static str> {
        let groups: &'static [Group] = self.groups;
        let entry = self.entry(index)?;
        groups.get(entry.group as usize).map(|group| group.id)
    }
}

/// `Debug` of a generated enum: the variant's name, with its payload if it has one.
///
/// # Errors
/// When the formatter fails.
pub fn debug(f: &mut fmt::Formatter<'_>, name: &str, payload: Option<&RawCode>) -> fmt::Result {
    match payload {
        Some(code) => f.debug_tuple(name).field(code).finish(),
        None => f.write_str(name),
    }
}

/// `Display` of a generated enum: `<code>: <message>`.
///
/// # Errors
/// When the formatter fails.
pub fn display(f: &mut fmt::Formatter<'_>, code: Code<'_>, message: &str) -> fmt::Result {
    write!(f, "{code}: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One entry with the string code `F00-1`; a one-slot table needs no real hash.
    static TABLE: Table = Table {
        platform: "demo",
        entries: &[Entry {
            name: "Known",
            codes: &[Code::Str("F00-1")],
            message: "known",
            message_zh: None,
            message_en: None,
            hint: None,
            retry: RetryClass::Permanent,
            group: 0,
            http_status: None,
            endpoint: None,
            scene: None,
            patterns: &[],
        }],
        groups: &[Group {
            id: "general",
            title: "General",
        }],
        ints: Phf {
            seed: 0,
            displacements: &[],
            keys: &[],
            slots: &[],
        },
        strs: Phf {
            seed: 0,
            displacements: &[0],
            keys: &["F00-1"],
            slots: &[Slot {
                fallback: 0,
                start: 0,
                end: 1,
            }],
        },
        candidates: &[0],
        codeless: &[],
        noise: &[],
        unknown_retry: RetryClass::Permanent,
    };

    #[test]
    fn unknown_text_codes_are_kept_exactly_as_received() {
        let long = "\u{3000}a-code-past-the-22-bytes-kept-inline\t";
        for text in [" X-1 ", "", " ", "\n", long, " F00-1x"] {
            let key = Key::parse(text);
            assert_eq!(TABLE.lookup(key), UNKNOWN, "{text:?}");
            assert_eq!(TABLE.received(key, text).code(), Code::Str(text));
        }
    }

    #[test]
    fn known_and_numeric_codes_are_read_without_surrounding_whitespace() {
        let key = Key::parse(" F00-1\n");
        assert_eq!(TABLE.lookup(key), 0);
        assert_eq!(TABLE.received(key, " F00-1\n").code(), Code::Str("F00-1"));
        let key = Key::parse(" -7 ");
        assert_eq!(TABLE.lookup(key), UNKNOWN);
        assert_eq!(TABLE.received(key, " -7 ").code(), Code::Int(-7));
    }
}
