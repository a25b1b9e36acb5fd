//! [`Spec`] → [`Encoded`]: the table the runtime reads, as plain arrays. The macro writes
//! them out as literals; the CLI hands them to the runtime as they are. Where each value
//! sits, and how codes are hashed to their slots, is `errcodes_layout`'s.

use std::collections::HashMap;

use std::collections::{BTreeMap, BTreeSet};

use errcodes_layout::{entry, lead, record, sub, NONE};

use crate::ast::{Code, Lang, Retry, Spec, SubCode, Template, Text};
use crate::check::{codeless, entries_by_code, skeleton, twins};
use crate::phf;

/// A code with more patterns than this finds them in the bucket of its message's first
/// char; one with fewer scans them all, which is faster for a handful.
const SCAN: usize = 8;

/// The table of one spec, entries in spec order. Arrays of `u32`s are written out as
/// little-endian bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// Every string of the spec, back to back.
    pub text: String,
    /// String `i` is `text[bounds[i]..bounds[i + 1]]`.
    pub bounds: Vec<u32>,
    /// [`entry::LEN`] `u32`s per entry.
    pub entries: Vec<u32>,
    /// The codes of every entry, as the spec lists them.
    pub entry_codes: Vec<Code>,
    /// The field names of every entry's first template.
    pub field_names: Vec<String>,
    /// The retry classes the entries use.
    pub retries: Vec<Retry>,
    /// Each group's id and title (strings).
    pub groups: Vec<u32>,
    /// Integer codes: [`record::INT_SLOT`] `i64`s per slot.
    pub ints: Hashed<i64>,
    /// String codes: [`record::STR_SLOT`] `u32`s per slot.
    pub strs: Hashed<u32>,
    /// Where each code's probes are ([`record::CODE`] per code); the last is that of the
    /// entries without a code.
    pub codes: Vec<u32>,
    /// [`record::PROBE`] `u32`s per probe.
    pub probes: Vec<u32>,
    /// Bucket offsets into the probes.
    pub buckets: Vec<u32>,
    /// [`record::PATTERN`] `u32`s per pattern.
    pub patterns: Vec<u32>,
    /// The patterns stripped from the end of a message before it is matched.
    pub noise: Vec<u32>,
    /// Entries that share a code and a message but not an endpoint, both ways round.
    pub twins: Vec<(u32, u32)>,
    /// [`record::SUB`] `u32`s per sub-code rule, most specific first.
    pub sub_codes: Vec<u32>,
}

/// A perfect-hash table: slots in the order the hash places them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed<V> {
    /// Seed of the hash.
    pub seed: u64,
    /// One displacement per bucket.
    pub displacements: Vec<u32>,
    /// The records of the keys, each key first.
    pub slots: Vec<V>,
}

/// Encodes a checked spec.
#[must_use]
pub fn encode(spec: &Spec) -> Encoded {
    let mut data = Data::new(spec);
    let mut retries: Vec<Retry> = Vec::new();
    let mut entries = Vec::with_capacity(spec.entries.len() * entry::LEN);
    let mut entry_codes = Vec::new();
    let mut field_names = Vec::new();
    for entry in &spec.entries {
        let message = |lang| {
            let at = entry.message.langs.iter().position(|(l, _)| *l == lang)?;
            Some(entry.templates[at].display())
        };
        let hint = |lang| {
            let hint = entry.hint.as_ref()?;
            hint.langs
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, text)| text.as_str())
        };
        let retry = retries.iter().position(|&known| known == entry.retry);
        let retry = retry.unwrap_or_else(|| {
            retries.push(entry.retry);
            retries.len() - 1
        });
        let mut record = [NONE; entry::LEN];
        record[entry::NAME] = data.string(&entry.name);
        record[entry::MESSAGE] = data.string(&entry.templates[0].display());
        record[entry::MESSAGE_ZH] = data.optional(message(Lang::Zh).as_deref());
        record[entry::MESSAGE_EN] = data.optional(message(Lang::En).as_deref());
        record[entry::HINT] = data.optional(entry.hint.as_ref().map(Text::first));
        record[entry::HINT_ZH] = data.optional(hint(Lang::Zh));
        record[entry::HINT_EN] = data.optional(hint(Lang::En));
        record[entry::ENDPOINT] = data.optional(entry.endpoint.as_deref());
        record[entry::SCENE] = data.optional(entry.scene.as_deref());
        record[entry::GROUP] = u32_of(entry.group);
        record[entry::HTTP_STATUS] = entry.http_status.map_or(NONE, u32::from);
        record[entry::RETRY] = u32_of(retry);
        record[entry::CODES] = u32_of(entry_codes.len());
        record[entry::CODES_LEN] = u32_of(entry.codes.len());
        record[entry::FIELDS] = u32_of(field_names.len());
        record[entry::FIELDS_LEN] = u32_of(entry.templates[0].fields.len());
        entries.extend(record);
        entry_codes.extend(entry.codes.iter().cloned());
        field_names.extend(entry.templates[0].fields.iter().cloned());
    }
    let groups = spec
        .groups
        .iter()
        .flat_map(|group| [data.string(&group.id), data.string(&group.title)])
        .collect();
    let (ints, strs, indices) = data.codes(spec);
    let sub_codes = data.sub_rules(spec, &indices);
    let noise = spec.noise.iter().map(|t| data.pattern(t)).collect();
    let twins = twins(spec)
        .into_iter()
        .map(|(a, b)| (u32_of(a), u32_of(b)))
        .collect();
    Encoded {
        text: data.text,
        bounds: data.bounds,
        entries,
        entry_codes,
        field_names,
        retries,
        groups,
        ints,
        strs,
        codes: data.code_records,
        probes: data.probes,
        buckets: data.buckets,
        patterns: data.patterns,
        noise,
        twins,
        sub_codes,
    }
}

/// The entry `from_code` gives for a code that has none by itself: the runtime's `UNKNOWN`,
/// as the high half of a slot's value.
const UNKNOWN_ENTRY: u32 = u32::MAX;

/// Saturates: the spec checker keeps every count far below `u32::MAX`.
pub(crate) fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The arrays of the table, as they are built.
struct Data<'s> {
    spec: &'s Spec,
    /// Rank of each entry's first template: templates are ranked in spec order, and the
    /// earliest wins a tie.
    ranks: Vec<usize>,
    /// The pattern of each (entry, template) made so far: an entry with several codes has
    /// its patterns under each.
    made: HashMap<(usize, usize), u32>,
    text: String,
    bounds: Vec<u32>,
    patterns: Vec<u32>,
    probes: Vec<u32>,
    code_records: Vec<u32>,
    buckets: Vec<u32>,
}

/// A probe before it is written: the leads of its ends, its entry and template.
type Probe = (u32, u32, usize, usize);

impl<'s> Data<'s> {
    fn new(spec: &'s Spec) -> Self {
        let ranks = spec
            .entries
            .iter()
            .scan(0, |next, entry| {
                let rank = *next;
                *next += entry.templates.len();
                Some(rank)
            })
            .collect();
        Data {
            spec,
            ranks,
            made: HashMap::new(),
            text: String::new(),
            bounds: vec![0],
            patterns: Vec::new(),
            probes: Vec::new(),
            code_records: Vec::new(),
            buckets: Vec::new(),
        }
    }

    /// Appends a string and gives its id.
    fn string(&mut self, text: &str) -> u32 {
        self.text.push_str(text);
        self.bounds.push(u32_of(self.text.len()));
        u32_of(self.bounds.len() - 2)
    }

    fn optional(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE, |text| self.string(text))
    }

    /// The hashed integer and string codes, each with the entry `from_code` gives and the
    /// index of its probes; then the probes of the entries without a code, last.
    fn codes(&mut self, spec: &Spec) -> (Hashed<i64>, Hashed<u32>, BTreeMap<Code, u32>) {
        let plain = entries_by_code(spec);
        let every: BTreeSet<&Code> = spec.entries.iter().flat_map(|e| &e.codes).collect();
        let mut ints: Vec<(i64, i64)> = Vec::new();
        let mut strs: Vec<(String, [u32; 2])> = Vec::new();
        let mut indices = BTreeMap::new();
        for code in every {
            let entries = plain.get(code).map_or(&[][..], Vec::as_slice);
            let index = self.code(entries);
            indices.insert(code.clone(), index);
            let fallback = entries
                .iter()
                .copied()
                .find(|&i| spec.entries[i].fallback)
                .or(entries.first().copied())
                .map_or(UNKNOWN_ENTRY, u32_of);
            match code {
                Code::Int(code) => {
                    ints.push((*code, (i64::from(fallback) << 32) | i64::from(index)));
                }
                Code::Str(code) => strs.push((code.clone(), [fallback, index])),
            }
        }
        self.code(&codeless(spec));
        let ints = hashed(
            ints.len(),
            |i, seed| phf::hash_int(ints[i].0, seed),
            |i| [ints[i].0, ints[i].1],
        );
        let ids: Vec<u32> = strs.iter().map(|(code, _)| self.string(code)).collect();
        let strs = hashed(
            strs.len(),
            |i, seed| phf::hash_str(&strs[i].0, seed),
            |i| [ids[i], strs[i].1[0], strs[i].1[1]],
        );
        (ints, strs, indices)
    }

    /// The sub-code rules, most specific first: by code (rules of any code last), kind,
    /// longest prefix, then spec order.
    fn sub_rules(&mut self, spec: &Spec, indices: &BTreeMap<Code, u32>) -> Vec<u32> {
        let mut rules = Vec::new();
        for (entry, item) in spec.entries.iter().enumerate() {
            let Some(rule) = &item.sub_code else {
                continue;
            };
            let (kind, text_len, value) = match rule {
                SubCode::Exact(code) => (sub::EXACT, 0, self.string(code)),
                SubCode::Template(template) => (sub::TEMPLATE, 0, self.pattern(template)),
                SubCode::Prefix(prefix) => (sub::PREFIX, prefix.len(), self.string(prefix)),
            };
            let codes: Vec<u32> = if item.codes.is_empty() {
                vec![NONE]
            } else {
                item.codes
                    .iter()
                    .filter_map(|code| indices.get(code).copied())
                    .collect()
            };
            for code in codes {
                let order = (code, kind, std::cmp::Reverse(text_len), entry);
                rules.push((order, [code, kind, u32_of(entry), value]));
            }
        }
        rules.sort_by_key(|&(order, _)| order);
        rules.into_iter().flat_map(|(_, record)| record).collect()
    }

    /// A template as the matcher reads it: literals trimmed at the ends (messages are) and
    /// normalised, each literal and each field name a string, in a row.
    fn pattern(&mut self, template: &Template) -> u32 {
        let lits = skeleton(template);
        let min_len = u32_of(lits.iter().map(String::len).sum::<usize>() + template.fields.len());
        let first_lit = u32_of(self.bounds.len() - 1);
        for lit in &lits {
            self.string(lit);
        }
        let first_field = u32_of(self.bounds.len() - 1);
        for field in &template.fields {
            self.string(field);
        }
        let count = u32_of(template.fields.len());
        self.patterns
            .extend([first_lit, first_field, count, min_len]);
        u32_of(self.patterns.len() / record::PATTERN - 1)
    }

    /// The probes of `entries`' templates, best first: most literal text, then spec order.
    fn probes_of(&self, entries: &[usize]) -> Vec<Probe> {
        let spec = self.spec;
        let mut probes: Vec<Probe> = entries
            .iter()
            .flat_map(|&entry| {
                spec.entries[entry]
                    .templates
                    .iter()
                    .enumerate()
                    .map(move |(i, template)| {
                        let lits = skeleton(template);
                        let first = lits.first().and_then(|lit| lit.chars().next());
                        let last = lits.last().and_then(|lit| lit.chars().next_back());
                        (first.map_or(0, lead), last.map_or(0, lead), entry, i)
                    })
            })
            .collect();
        let ranks = &self.ranks;
        probes.sort_by_key(|&(_, _, entry, template)| {
            let weight = spec.entries[entry].templates[template].weight();
            (std::cmp::Reverse(weight), ranks[entry] + template)
        });
        probes
    }

    /// Appends the probes of `entries` (one code's, or those without a code) and gives the
    /// code's index. A handful are kept in order of preference, to be scanned; of many,
    /// those that start with a field come first, to be scanned, and the others go in buckets
    /// by the lead of their first char, in order of preference within a bucket.
    fn code(&mut self, entries: &[usize]) -> u32 {
        let mut probes: Vec<(Probe, u32)> = self
            .probes_of(entries)
            .into_iter()
            .enumerate()
            .map(|(order, probe)| (probe, u32_of(order)))
            .collect();
        let start = self.probes.len() / record::PROBE;
        let (scanned, bits, buckets) = if probes.len() > SCAN {
            let bits = (2 * probes.len()).next_power_of_two().trailing_zeros();
            let bucket = |lead| errcodes_layout::bucket(lead, bits);
            probes.sort_by_key(|&((lead, ..), order)| {
                (lead != 0, (lead != 0).then(|| bucket(lead)), order)
            });
            let scanned = probes
                .iter()
                .take_while(|((lead, ..), _)| *lead == 0)
                .count();
            let mut sizes = vec![0; 1 << bits];
            for ((lead, ..), _) in &probes[scanned..] {
                sizes[bucket(*lead)] += 1;
            }
            let at = self.buckets.len();
            let mut offset = start + scanned;
            self.buckets.push(u32_of(offset));
            for size in sizes {
                offset += size;
                self.buckets.push(u32_of(offset));
            }
            (scanned, bits, u32_of(at))
        } else {
            (probes.len(), 0, 0)
        };
        for (probe, order) in probes {
            self.write_probe(probe, order);
        }
        self.code_records
            .extend([u32_of(start), u32_of(start + scanned), buckets, bits]);
        u32_of(self.code_records.len() / record::CODE - 1)
    }

    /// Writes one probe: what the matcher needs first (its length, its field count, its end
    /// literals' bounds) is read from the probe rather than through the pattern.
    fn write_probe(&mut self, (lead, tail, entry, template): Probe, order: u32) {
        let pattern = if let Some(&pattern) = self.made.get(&(entry, template)) {
            pattern
        } else {
            let pattern = self.pattern(&self.spec.entries[entry].templates[template]);
            self.made.insert((entry, template), pattern);
            pattern
        };
        let at = record::PATTERN * pattern as usize;
        let (lits, count, min_len) = (
            self.patterns[at] as usize,
            self.patterns[at + 2],
            self.patterns[at + 3],
        );
        let last = lits + count as usize;
        self.probes.extend([
            lead,
            tail,
            min_len,
            order,
            u32_of(entry),
            pattern,
            count,
            self.bounds[lits],
            self.bounds[lits + 1],
            self.bounds[last],
            self.bounds[last + 1],
        ]);
    }
}

/// Places `len` keys with a perfect hash; `record(i)` is key `i`'s slot.
fn hashed<V: Copy, const N: usize>(
    len: usize,
    hash: impl Fn(usize, u64) -> u64,
    record: impl Fn(usize) -> [V; N],
) -> Hashed<V> {
    let built = phf::build(len, hash);
    Hashed {
        seed: built.seed,
        displacements: built.displacements,
        slots: built.order.iter().flat_map(|&i| record(i)).collect(),
    }
}
