//! The tables `platform_errors!` generates and the lookups over them.
//!
//! Generated code is data, not logic: one static [`Table`] per enum, made of flat arrays of
//! integers and one string holding all the spec's text, which the compiler checks and
//! lowers in time linear in the size of the spec (nested struct literals, one per entry,
//! took seconds and hundreds of megabytes at 10,000 entries).
//!
//! Codes are found with a perfect hash built at compile time (hash and displace: a key's
//! bucket gives a displacement, the displaced hash gives its slot), so a lookup is two
//! hashes, two array reads and one comparison whatever the size of the table.
//!
//! `classify` compares a message only with the patterns that can match it: those whose
//! first and last chars are the message's, found by a linear scan for a code with few
//! patterns, and in the bucket of the message's first char for a code with many.

use core::fmt;

use crate::fields::MAX_FIELDS;
use crate::text::{
    match_lits, match_pattern, match_whole, message_ends, strip_noise, trim_ends, Pattern, Strings,
};
use crate::{Code, Fields, RawCode, RetryClass};

/// Marks an absent string, code or status in the tables.
pub const NONE: u32 = u32::MAX;

/// The `u32`s of an entry in [`Table::entries`], at these offsets.
pub mod entry {
    /// Name of the variant (a string).
    pub const NAME: usize = 0;
    /// Message in its first language, templates shown as `{field}`.
    pub const MESSAGE: usize = 1;
    /// Message in Chinese, or [`NONE`](super::NONE).
    pub const MESSAGE_ZH: usize = 2;
    /// Message in English, or [`NONE`](super::NONE).
    pub const MESSAGE_EN: usize = 3;
    /// Remedy, or [`NONE`](super::NONE).
    pub const HINT: usize = 4;
    /// Endpoint, or [`NONE`](super::NONE).
    pub const ENDPOINT: usize = 5;
    /// Scene, or [`NONE`](super::NONE).
    pub const SCENE: usize = 6;
    /// Index of the group.
    pub const GROUP: usize = 7;
    /// HTTP status, or [`NONE`](super::NONE).
    pub const HTTP_STATUS: usize = 8;
    /// Index in [`Table::retries`](super::Table::retries).
    pub const RETRY: usize = 9;
    /// Start of the entry's codes in [`Table::entry_codes`](super::Table::entry_codes).
    pub const CODES: usize = 10;
    /// How many codes the entry has.
    pub const CODES_LEN: usize = 11;
    /// Start of the field names of the entry's first template in
    /// [`Table::field_names`](super::Table::field_names).
    pub const FIELDS: usize = 12;
    /// How many fields the entry's first template has.
    pub const FIELDS_LEN: usize = 13;
    /// `u32`s per entry.
    pub const LEN: usize = 14;
}

/// A perfect-hash map: `slots` holds, for each key, a record in the place the hash of the
/// key gives, the key first.
#[derive(Debug)]
pub struct Phf {
    /// Seed of the hash function, found at compile time.
    pub seed: u64,
    /// One displacement per bucket (`u32`s).
    pub displacements: &'static [u8],
    /// Integer codes: the code and `fallback << 32 | code index` (`i64`s). String codes: the
    /// code (a string), the fallback, the code index (`u32`s).
    pub slots: &'static [u8],
}

/// The `u32` at `index` of little-endian `bytes`; 0 past the end.
#[inline]
fn word(bytes: &[u8], index: usize) -> u32 {
    let at = index * 4;
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The `N` `u32`s of record `index` of little-endian `bytes`, if there.
#[inline]
fn record<const N: usize>(bytes: &[u8], index: usize) -> Option<[u32; N]> {
    let at = index * N * 4;
    let bytes = bytes.get(at..at + N * 4)?;
    let mut words = [0; N];
    for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(4)) {
        *word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(words)
}

/// The `i64` at `index` of little-endian `bytes`, if there.
#[inline]
fn long(bytes: &[u8], index: usize) -> Option<i64> {
    let at = index * 8;
    let b = bytes.get(at..at + 8)?;
    Some(i64::from_le_bytes([
        b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
    ]))
}

/// `u32`s per string-code slot.
const STR_SLOT: usize = 3;
/// `u32`s per code in [`Table::codes`]: start and end of the patterns scanned, start of the
/// bucket offsets, bits of the bucket count (0: no buckets).
const CODE: usize = 4;
/// `u32`s per probe in [`Table::probes`]: lead, tail, shortest match, preference (its place
/// among the code's patterns, most literal text first, then spec order), entry, pattern,
/// number of fields, then the bounds in [`Table::text`] of the first and of the last
/// literal. What the filter reads comes first, and a match reads the pattern's record only
/// for the literals between two fields.
const PROBE: usize = 11;
/// `u32`s per pattern in [`Table::patterns`]: first literal, first field name (strings;
/// the literals are one more than the fields), number of fields, shortest match.
const PATTERN: usize = 4;

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
    /// [`entry::LEN`] `u32`s per entry, in table order: the variants without a payload,
    /// then those that keep the code received, each in spec order.
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
    /// `u32`s: where each code's patterns are (see `CODE`); the last is that of the
    /// entries without a code, which are reachable by message only.
    pub codes: &'static [u8],
    /// `u32`s: the patterns of every code, then those of the entries without a code (see
    /// `PROBE`). A handful are scanned; of many, those that start with a field are, and the
    /// others are in buckets by the lead of their first char.
    pub probes: &'static [u8],
    /// `u32`s: bucket offsets into the probes; a code with `1 << bits` buckets has
    /// `(1 << bits) + 1`.
    pub buckets: &'static [u8],
    /// `u32`s: every pattern (see `PATTERN`).
    pub patterns: &'static [u8],
    /// `u32`s: the patterns stripped from the end of a message before it is matched.
    pub noise: &'static [u8],
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

/// The slot a hash lands in, given the table's shape: `buckets` displacements (`u32`s in
/// `displacements`) and `len` slots. Shared with the macro, which runs the same arithmetic
/// to place keys. Multiply-shift maps to a range without a division.
#[must_use]
#[inline]
pub fn place(hash: u64, displacements: &[u8], len: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)] // the high half selects the bucket
    let bucket = reduce((hash >> 32) as u32, displacements.len() / 4);
    let d = word(displacements, bucket);
    // The low half, displaced then mixed, selects the slot: mixing after the displacement
    // spreads keys whose low halves differ only in low bits, which multiply-shift would keep
    // together whatever the displacement.
    #[allow(clippy::cast_possible_truncation)]
    let low = (hash as u32 ^ d).wrapping_mul(0x9e37_79b9);
    reduce(low, len)
}

/// `x` scaled from `0..2^32` to `0..n`.
#[inline]
fn reduce(x: u32, n: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)] // < n
    {
        ((u64::from(x) * n as u64) >> 32) as usize
    }
}

/// The bucket of a lead among `1 << bits` (multiplicative hashing). Shared with the macro.
#[must_use]
#[inline]
pub fn bucket(lead: u32, bits: u32) -> usize {
    (lead.wrapping_mul(0x9e37_79b9) >> (32 - bits)) as usize
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
    #[inline]
    pub fn parse(text: &'a str) -> Self {
        let text = text.trim();
        text.parse().map_or(Key::Str(text), Key::Int)
    }

    /// The code, owned.
    #[must_use]
    #[inline]
    pub fn raw(self) -> RawCode {
        match self {
            Key::Int(code) => RawCode::int(code),
            Key::Str(code) => RawCode::string(code),
        }
    }
}

/// The index generated code gives `Unknown`: past every entry.
pub const UNKNOWN: usize = usize::MAX;

/// A lookup's result: the entry `from_code` gives (or [`UNKNOWN`]) and the code's index in
/// [`Table::codes`] (or [`NONE`]).
type Found = (usize, u32);

impl Table {
    /// String `id`; empty for [`NONE`].
    #[inline]
    fn string(&self, id: u32) -> &'static str {
        let text: &'static str = self.text;
        let at = id as usize;
        if at + 1 >= self.bounds.len() / 4 {
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
        let [lits, fields, count, min_len] = record::<PATTERN>(self.patterns, index as usize)?;
        Some(Pattern {
            lits: self.strings(lits, count + 1),
            fields: self.strings(fields, count),
            min_len,
        })
    }

    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn slot(&self, key: Key<'_>) -> Found {
        let missing = (UNKNOWN, NONE);
        match key {
            Key::Int(code) => {
                let slots = self.ints.slots;
                let hash = hash_int(code, self.ints.seed);
                let at = 2 * place(hash, self.ints.displacements, slots.len() / 16);
                match (long(slots, at), long(slots, at + 1)) {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    (Some(key), Some(value)) if key == code => {
                        ((value >> 32) as usize, value as u32)
                    }
                    _ => missing,
                }
            }
            Key::Str(code) => {
                let slots = self.strs.slots;
                let hash = hash_str(code, self.strs.seed);
                let at = place(hash, self.strs.displacements, slots.len() / (4 * STR_SLOT));
                match record::<STR_SLOT>(slots, at) {
                    Some([key, fallback, index]) if self.string(key) == code => {
                        (fallback as usize, index)
                    }
                    _ => missing,
                }
            }
        }
    }

    /// The code a generated enum keeps for `key`, read from `text`: a known code as the spec
    /// writes it, and any other text exactly as received (only numeric text is read, as an
    /// integer), so that an unknown code keeps its raw value.
    #[must_use]
    pub fn received(&self, key: Key<'_>, text: &str) -> RawCode {
        match key {
            Key::Str(_) if self.slot(key).0 == UNKNOWN => RawCode::string(text),
            key => key.raw(),
        }
    }

    /// The entry `from_code` gives for `key`, or [`UNKNOWN`]: without a branch on whether
    /// an integer code is known, which a mix of known and unknown codes would mispredict.
    #[must_use]
    #[inline]
    pub fn lookup(&self, key: Key<'_>) -> usize {
        match key {
            Key::Int(code) => {
                let slots = self.ints.slots;
                let hash = hash_int(code, self.ints.seed);
                let at = 2 * place(hash, self.ints.displacements, slots.len() / 16);
                match (long(slots, at), long(slots, at + 1)) {
                    (Some(key), Some(value)) => {
                        // All ones when the key differs: `fallback | !0` is `UNKNOWN`.
                        let miss = usize::from(key != code).wrapping_neg();
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let fallback = (value >> 32) as usize;
                        // Opaque to the optimiser, which would otherwise trace the index back
                        // to the table's contents and branch on it.
                        core::hint::black_box(fallback | miss)
                    }
                    _ => UNKNOWN,
                }
            }
            Key::Str(_) => self.slot(key).0,
        }
    }

    /// The entry for `key` whose message matches `message`, or [`UNKNOWN`]. See `classify`
    /// on a generated enum.
    #[must_use]
    pub fn classify_index(&self, key: Key<'_>, message: &str) -> usize {
        let (fallback, code) = self.slot(key);
        let (text, ends) = self.stripped(message);
        match self.best(code, text, ends) {
            (UNKNOWN, _) => fallback,
            (index, _) => index,
        }
    }

    /// Like [`Table::classify_index`], with the values of the matched template's fields.
    #[must_use]
    pub fn classify<'m>(&self, key: Key<'_>, message: &'m str) -> (usize, Fields<'m>) {
        let (fallback, code) = self.slot(key);
        let (text, ends) = self.stripped(message);
        let (index, pattern) = self.best(code, text, ends);
        if index == UNKNOWN {
            return (fallback, Fields::none());
        }
        let mut ranges = [(0, 0); MAX_FIELDS];
        match self.pattern(pattern) {
            Some(pattern) if match_pattern(text, &pattern, &mut ranges) => {
                (index, Fields::new(text, pattern.fields, &ranges))
            }
            _ => (index, Fields::none()),
        }
    }

    /// The message as it is matched (trimmed, its noise stripped), and the leads of its
    /// ends.
    #[inline]
    fn stripped<'m>(&self, message: &'m str) -> (&'m str, (u32, u32)) {
        if self.noise.is_empty() {
            return trim_ends(message);
        }
        let noise = (0..self.noise.len() / 4).filter_map(|i| self.pattern(word(self.noise, i)));
        let text = strip_noise(message, &noise);
        (text, message_ends(text))
    }

    /// Among the patterns of code `code`, else of the entries without a code, the one
    /// matching `text` with the most literal text, the first in spec order on a tie: its
    /// entry and its pattern, or `(UNKNOWN, NONE)`. A pattern is tried only if the leads of
    /// its first and last chars are the message's.
    // Inlined, the pair comes back in registers rather than through the stack.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn best(&self, code: u32, text: &str, ends: (u32, u32)) -> (usize, u32) {
        let codeless = u32::try_from(self.codes.len() / (4 * CODE))
            .unwrap_or(NONE)
            .wrapping_sub(1);
        for code in [code, codeless] {
            let Some([start, end, first_bucket, bits]) = record::<CODE>(self.codes, code as usize)
            else {
                continue;
            };
            let keyed = if bits > 0 {
                let at = first_bucket as usize + bucket(ends.0, bits);
                (word(self.buckets, at), word(self.buckets, at + 1))
            } else {
                (0, 0)
            };
            // The patterns scanned, then those of the message's bucket.
            let found = self.best_in([(start, end), keyed], ends, text);
            if found.0 != UNKNOWN {
                return found;
            }
        }
        (UNKNOWN, NONE)
    }

    /// [`Table::best`] over two ranges of probes, each sorted by preference: the first match
    /// in a range is its best, and the better of the two wins.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn best_in(
        &self,
        ranges: [(u32, u32); 2],
        (lead, tail): (u32, u32),
        text: &str,
    ) -> (usize, u32) {
        let probes: &'static [u8] = self.probes;
        let size = PROBE * 4;
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        // Preference, entry and pattern of the best match so far.
        let mut best = (NONE, UNKNOWN, NONE);
        for (start, end) in ranges {
            // By index, not `chunks_exact`, which divides by the probe's size.
            for at in start as usize..end as usize {
                let Some(probe) = probes.get(at * size..(at + 1) * size) else {
                    break;
                };
                let Some([probe_lead, probe_tail, min_len, preference]) = record::<4>(probe, 0)
                else {
                    continue;
                };
                // One branch, not five: which probes pass is what a mix of messages varies.
                #[allow(clippy::needless_bitwise_bool)]
                let miss = (probe_lead != 0) & (probe_lead != lead)
                    | (probe_tail != 0) & (probe_tail != tail)
                    | (len < min_len);
                if miss {
                    continue;
                }
                if preference > best.0 {
                    break;
                }
                if self.matches(probe, text) {
                    best = (preference, word(probe, 4) as usize, word(probe, 5));
                    break;
                }
            }
        }
        (best.1, best.2)
    }

    /// Whether `text`, at least the probe's shortest match long, matches its pattern.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn matches(&self, probe: &[u8], text: &str) -> bool {
        let words = probe.get(5 * 4..).and_then(|words| record::<6>(words, 0));
        let Some([pattern, count, first, first_end, last, last_end]) = words else {
            return false;
        };
        let source: &'static str = self.text;
        let first = source
            .get(first as usize..first_end as usize)
            .unwrap_or_default();
        if count == 0 {
            return match_whole(text, first);
        }
        let last = source
            .get(last as usize..last_end as usize)
            .unwrap_or_default();
        // The literals between fields, read only when there are any.
        let lits = match count {
            1 => Strings::new("", &[]),
            _ => match self.pattern(pattern) {
                Some(pattern) => pattern.lits,
                None => return false,
            },
        };
        match_lits(text, count as usize, first, last, lits, &mut [])
    }

    /// Field `field` of entry `index`; `None` for [`UNKNOWN`].
    #[inline]
    fn field(&self, index: usize, field: usize) -> Option<u32> {
        if index >= self.entries.len() / (4 * entry::LEN) {
            return None;
        }
        Some(word(self.entries, index * entry::LEN + field))
    }

    /// Entry `index`, or its twin documented for `endpoint`: `twins` pairs entries that
    /// share a code and a message but not an endpoint. See `classify_at` on a generated enum.
    #[must_use]
    pub fn at_endpoint(&self, index: usize, twins: &[(u32, u32)], endpoint: &str) -> usize {
        let is_at = |i: usize| {
            self.endpoint(i)
                .is_some_and(|at| at.trim_end_matches('/') == endpoint.trim_end_matches('/'))
        };
        if is_at(index) {
            return index;
        }
        twins
            .iter()
            .filter(|&&(entry, _)| entry as usize == index)
            .map(|&(_, twin)| twin as usize)
            .find(|&twin| is_at(twin))
            .unwrap_or(index)
    }

    /// See `code` on a generated enum.
    #[must_use]
    pub fn code<'a>(&self, index: usize, payload: Option<&'a RawCode>) -> Code<'a> {
        if let Some(raw) = payload {
            return raw.code();
        }
        self.codes(index).first().copied().unwrap_or(Code::None)
    }

    /// See `codes` on a generated enum.
    #[must_use]
    pub fn codes(&self, index: usize) -> &'static [Code<'static>] {
        let codes: &'static [Code<'static>] = self.entry_codes;
        let (Some(start), Some(len)) = (
            self.field(index, entry::CODES),
            self.field(index, entry::CODES_LEN),
        ) else {
            return &[];
        };
        codes
            .get(start as usize..(start + len) as usize)
            .unwrap_or_default()
    }

    /// See `field_names` on a generated enum.
    #[must_use]
    pub fn field_names(&self, index: usize) -> &'static [&'static str] {
        let names: &'static [&'static str] = self.field_names;
        let (Some(start), Some(len)) = (
            self.field(index, entry::FIELDS),
            self.field(index, entry::FIELDS_LEN),
        ) else {
            return &[];
        };
        names
            .get(start as usize..(start + len) as usize)
            .unwrap_or_default()
    }

    /// See `name` on a generated enum.
    #[must_use]
    pub fn name(&self, index: usize) -> &'static str {
        self.field(index, entry::NAME)
            .map_or("Unknown", |id| self.string(id))
    }

    /// See `message` on a generated enum.
    #[must_use]
    pub fn message(&self, index: usize) -> &'static str {
        self.field(index, entry::MESSAGE)
            .map_or("unknown error code", |id| self.string(id))
    }

    /// The message in Chinese, where the spec gives one.
    #[must_use]
    pub fn message_zh(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::MESSAGE_ZH)?)
    }

    /// The message in English, where the spec gives one.
    #[must_use]
    pub fn message_en(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::MESSAGE_EN)?)
    }

    /// See `hint` on a generated enum.
    #[must_use]
    pub fn hint(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::HINT)?)
    }

    /// See `endpoint` on a generated enum.
    #[must_use]
    pub fn endpoint(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::ENDPOINT)?)
    }

    /// See `scene` on a generated enum.
    #[must_use]
    pub fn scene(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::SCENE)?)
    }

    /// See `http_status` on a generated enum.
    #[must_use]
    pub fn http_status(&self, index: usize) -> Option<u16> {
        u16::try_from(self.field(index, entry::HTTP_STATUS)?).ok()
    }

    /// See `retry_class` on a generated enum.
    #[must_use]
    pub fn retry_class(&self, index: usize) -> RetryClass {
        let retries: &'static [RetryClass] = self.retries;
        self.field(index, entry::RETRY)
            .and_then(|retry| retries.get(retry as usize).copied())
            .unwrap_or(self.unknown_retry)
    }

    /// See `group` on a generated enum.
    #[must_use]
    pub fn group(&self, index: usize) -> Option<&'static str> {
        let group = self.field(index, entry::GROUP)? as usize;
        (2 * group < self.groups.len() / 4).then(|| self.string(word(self.groups, 2 * group)))
    }
}

/// The index in its table of the entry of a generated enum's variant, [`UNKNOWN`] for
/// `Unknown`. Variants are declared as the table orders entries, except that `Unknown`
/// comes right after the first `units` of them: an implicit discriminant is the variant's
/// place in the declaration.
#[must_use]
#[inline]
pub fn entry_index<T>(discriminant: core::mem::Discriminant<T>, units: usize) -> usize {
    let mut read = ReadDiscriminant(0);
    core::hash::Hash::hash(&discriminant, &mut read);
    #[allow(clippy::cast_possible_truncation)] // a variant's place fits in usize
    let place = read.0 as usize;
    match place.cmp(&units) {
        core::cmp::Ordering::Less => place,
        core::cmp::Ordering::Equal => UNKNOWN,
        core::cmp::Ordering::Greater => place - 1,
    }
}

/// A `Hasher` that keeps the integer hashed into it: a `Discriminant` hashes its value.
struct ReadDiscriminant(u64);

impl core::hash::Hasher for ReadDiscriminant {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut word = [0; 8];
        let n = bytes.len().min(8);
        word[..n].copy_from_slice(&bytes[..n]);
        self.0 = u64::from_le_bytes(word);
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = u64::from(i);
    }

    fn write_u16(&mut self, i: u16) {
        self.0 = u64::from(i);
    }

    fn write_u32(&mut self, i: u32) {
        self.0 = u64::from(i);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = i as u64;
    }

    #[allow(clippy::cast_sign_loss)] // discriminants here are not negative
    fn write_isize(&mut self, i: isize) {
        self.0 = i as u64;
    }

    #[allow(clippy::cast_sign_loss)]
    fn write_i64(&mut self, i: i64) {
        self.0 = i as u64;
    }

    #[allow(clippy::cast_sign_loss)]
    fn write_i32(&mut self, i: i32) {
        self.0 = i as u64;
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

    fn words(values: &[u32]) -> Vec<u8> {
        values.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// One entry with the string code `F00-1`: a one-slot table needs no real hash.
    fn table() -> &'static Table {
        let leak = |bytes: Vec<u8>| -> &'static [u8] { Box::leak(bytes.into_boxed_slice()) };
        // Strings: 0 "Known", 1 "known", 2 "general", 3 "General", 4 "F00-1".
        let text = "KnownknowngeneralGeneralF00-1";
        let mut entry = [NONE; entry::LEN];
        entry[entry::NAME] = 0;
        entry[entry::MESSAGE] = 1;
        entry[entry::GROUP] = 0;
        entry[entry::RETRY] = 0;
        entry[entry::CODES] = 0;
        entry[entry::CODES_LEN] = 1;
        entry[entry::FIELDS] = 0;
        entry[entry::FIELDS_LEN] = 0;
        Box::leak(Box::new(Table {
            platform: "demo",
            text,
            bounds: leak(words(&[0, 5, 10, 17, 24, 29])),
            entries: leak(words(&entry)),
            entry_codes: &[Code::Str("F00-1")],
            field_names: &[],
            retries: &[RetryClass::Permanent],
            groups: leak(words(&[2, 3])),
            ints: Phf {
                seed: 0,
                displacements: &[],
                slots: &[],
            },
            strs: Phf {
                seed: 0,
                displacements: leak(words(&[0])),
                slots: leak(words(&[4, 0, 0])),
            },
            codes: leak(words(&[0, 0, 0, 0, 0, 0, 0, 0])),
            probes: &[],
            buckets: &[],
            patterns: &[],
            noise: &[],
            unknown_retry: RetryClass::Permanent,
        }))
    }

    #[test]
    fn unknown_text_codes_are_kept_exactly_as_received() {
        let long = "\u{3000}a-code-past-the-22-bytes-kept-inline\t";
        for text in [" X-1 ", "", " ", "\n", long, " F00-1x"] {
            let key = Key::parse(text);
            assert_eq!(table().lookup(key), UNKNOWN, "{text:?}");
            assert_eq!(table().received(key, text).code(), Code::Str(text));
        }
    }

    #[test]
    fn known_and_numeric_codes_are_read_without_surrounding_whitespace() {
        let key = Key::parse(" F00-1\n");
        assert_eq!(table().lookup(key), 0);
        assert_eq!(table().received(key, " F00-1\n").code(), Code::Str("F00-1"));
        let key = Key::parse(" -7 ");
        assert_eq!(table().lookup(key), UNKNOWN);
        assert_eq!(table().received(key, " -7 ").code(), Code::Int(-7));
    }
}
