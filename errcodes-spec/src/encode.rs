//! [`Spec`] → [`Encoded`]: the table the runtime reads, written with the format's own
//! [`Writer`]. The macro writes the result out as literals; the CLI hands it to the runtime
//! as it is. Where each value sits, and how codes are hashed to their slots, is
//! `errcodes_layout`'s.

use std::collections::HashMap;

use std::collections::{BTreeMap, BTreeSet};

use errcodes_layout::{entry, lead, record, section, sub, Writer, NONE};
pub use errcodes_layout::{Design, Encoded, Error, Path};

use crate::ast::{Code, Envelope, Lang, Spec, SubCode, Template, Text};
use crate::check::{codeless, entries_by_code, skeleton, twins};

/// A code with more patterns than this finds them in the bucket of its message's first
/// char; one with fewer scans them all, which is faster for a handful.
const SCAN: usize = 8;

/// Encodes a checked spec, its integer codes placed as every generated table places them.
///
/// # Errors
/// When its codes cannot be placed in a perfect hash table (two string codes that hash
/// alike): the error names them.
pub fn encode(spec: &Spec) -> Result<Encoded, Error> {
    encode_with(spec, Design::Auto)
}

/// Encodes a checked spec, its integer codes placed with `design` (the benchmarks measure
/// each).
///
/// # Errors
/// As [`encode`]; and when `design` is [`Design::Multiply`] and no multiplier is found.
pub fn encode_with(spec: &Spec, design: Design) -> Result<Encoded, Error> {
    let mut data = Data::new(spec);
    for entry in &spec.entries {
        data.entry(entry);
    }
    for group in &spec.groups {
        let words = [data.out.string(&group.id), data.out.string(&group.title)];
        data.out.push(section::GROUPS, words);
    }
    let indices = data.codes(spec, design)?;
    let sub_codes = data.sub_rules(spec, &indices);
    data.out.push(section::SUB_CODES, sub_codes);
    let noise: Vec<u32> = spec.noise.iter().map(|t| data.pattern(t)).collect();
    data.out.push(section::NOISE, noise);
    let twins = twins(spec)
        .into_iter()
        .flat_map(|(a, b)| [u32_of(a), u32_of(b)]);
    data.out.push(section::TWINS, twins);
    if let Some(envelope) = &spec.envelope {
        for level in std::iter::once(envelope).chain(&envelope.next) {
            data.envelope(level);
        }
    }
    Ok(data.out.finish())
}

/// Saturates: the spec checker keeps every count far below `u32::MAX`.
pub(crate) fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The table as it is written, and what writing it needs to remember.
struct Data<'s> {
    spec: &'s Spec,
    /// Rank of each entry's first template: templates are ranked in spec order, and the
    /// earliest wins a tie.
    ranks: Vec<usize>,
    /// The pattern of each (entry, template) made so far: an entry with several codes has
    /// its patterns under each.
    made: HashMap<(usize, usize), u32>,
    out: Writer,
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
            out: Writer::new(&spec.platform, spec.unknown_retry),
        }
    }

    /// Writes one entry's record, its codes and its field names.
    fn entry(&mut self, entry: &crate::ast::Entry) {
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
        let out = &mut self.out;
        let mut record = [NONE; entry::LEN];
        record[entry::NAME] = out.string(&entry.name);
        record[entry::MESSAGE] = out.string(&entry.templates[0].display());
        record[entry::MESSAGE_ZH] = out.optional(message(Lang::Zh).as_deref());
        record[entry::MESSAGE_EN] = out.optional(message(Lang::En).as_deref());
        record[entry::HINT] = out.optional(entry.hint.as_ref().map(Text::first));
        record[entry::HINT_ZH] = out.optional(hint(Lang::Zh));
        record[entry::HINT_EN] = out.optional(hint(Lang::En));
        record[entry::ENDPOINT] = out.optional(entry.endpoint.as_deref());
        record[entry::SCENE] = out.optional(entry.scene.as_deref());
        record[entry::GROUP] = u32_of(entry.group);
        record[entry::HTTP_STATUS] = entry.http_status.map_or(NONE, u32::from);
        record[entry::RETRY] = out.retry(entry.retry);
        record[entry::CODES] = out.codes(entry.codes.iter().cloned());
        record[entry::CODES_LEN] = u32_of(entry.codes.len());
        record[entry::FIELDS] = out.names(entry.templates[0].fields.iter().cloned());
        record[entry::FIELDS_LEN] = u32_of(entry.templates[0].fields.len());
        out.push(section::ENTRIES, record);
    }

    /// Writes a level of the envelope: its paths and success codes, and the ranges of each.
    fn envelope(&mut self, envelope: &Envelope) {
        let out = &mut self.out;
        let success = (
            out.codes(envelope.success.iter().cloned()),
            u32_of(envelope.success.len()),
        );
        let envelope = errcodes_layout::Envelope {
            code: out.paths(envelope.code.iter().cloned()),
            message: out.paths(envelope.message.iter().cloned()),
            sub_code: out.paths(envelope.sub_code.iter().cloned()),
            sub_message: out.paths(envelope.sub_message.iter().cloned()),
            request_id: out.paths(envelope.request_id.iter().cloned()),
            success,
            success_message: (
                out.names(envelope.success_message.iter().cloned()),
                u32_of(envelope.success_message.len()),
            ),
            success_without_code: envelope.success_without_code,
            status_led: envelope.status_led,
            success_empty: envelope.success_empty,
            lists: [
                &envelope.code,
                &envelope.message,
                &envelope.sub_code,
                &envelope.sub_message,
                &envelope.request_id,
            ]
            .into_iter()
            .flatten()
            .any(|keys| keys.iter().any(|key| key == errcodes_layout::ITEMS)),
            format: envelope.format,
        };
        out.envelope(&envelope);
    }

    /// Places the integer and string codes, each with the entry `from_code` gives and the
    /// index of its probes; then writes the probes of the entries without a code, last.
    fn codes(&mut self, spec: &Spec, design: Design) -> Result<BTreeMap<Code, u32>, Error> {
        let plain = entries_by_code(spec);
        let every: BTreeSet<&Code> = spec.entries.iter().flat_map(|e| &e.codes).collect();
        let mut ints = Vec::new();
        let mut strs = Vec::new();
        let mut indices = BTreeMap::new();
        for code in every {
            let entries = plain.get(code).map_or(&[][..], Vec::as_slice);
            let index = self.code(entries);
            indices.insert(code.clone(), index);
            let fallback = fallback(spec, code, entries).map_or(NONE, u32_of);
            match code {
                Code::Int(code) => ints.push((*code, fallback, index)),
                Code::Str(code) => strs.push((code.as_str(), fallback, index)),
            }
        }
        self.code(&codeless(spec));
        self.out.int_codes(&ints, design)?;
        self.out.str_codes(&strs, design)?;
        Ok(indices)
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
                SubCode::Exact(code) => (sub::EXACT, 0, self.out.string(code)),
                SubCode::Template(template) => (sub::TEMPLATE, 0, self.pattern(template)),
                SubCode::Prefix(prefix) => (sub::PREFIX, prefix.len(), self.out.string(prefix)),
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
        let first_lit = self.out.next_string();
        for lit in &lits {
            self.out.string(lit);
        }
        let first_field = self.out.next_string();
        for field in &template.fields {
            self.out.string(field);
        }
        let count = u32_of(template.fields.len());
        let patterns = [first_lit, first_field, count, min_len];
        self.out.push(section::PATTERNS, patterns);
        u32_of(self.out.words(section::PATTERNS).len() / record::PATTERN - 1)
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
        let start = self.out.words(section::PROBES).len() / record::PROBE;
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
            let at = self.out.words(section::BUCKETS).len();
            let offsets = sizes.into_iter().scan(start + scanned, |offset, size| {
                *offset += size;
                Some(u32_of(*offset))
            });
            let offsets: Vec<u32> = std::iter::once(u32_of(start + scanned))
                .chain(offsets)
                .collect();
            self.out.push(section::BUCKETS, offsets);
            (scanned, bits, u32_of(at))
        } else {
            (probes.len(), 0, 0)
        };
        for (probe, order) in probes {
            self.write_probe(probe, order);
        }
        let code = [u32_of(start), u32_of(start + scanned), buckets, bits];
        self.out.push(section::CODES, code);
        u32_of(self.out.words(section::CODES).len() / record::CODE - 1)
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
        let patterns = self.out.words(section::PATTERNS);
        let (lits, count, min_len) = (patterns[at], patterns[at + 2], patterns[at + 3]);
        let last = lits + count;
        let out = &mut self.out;
        let probe = [
            lead,
            tail,
            min_len,
            order,
            u32_of(entry),
            pattern,
            count,
            out.bound(lits),
            out.bound(lits + 1),
            out.bound(last),
            out.bound(last + 1),
        ];
        out.push(section::PROBES, probe);
    }
}

/// The entry `from_code` gives for `code`, of those it has (`entries`): the fallback, else
/// its one entry that is not a join; none where its fallback was left out (composition).
fn fallback(spec: &Spec, code: &Code, entries: &[usize]) -> Option<usize> {
    let marked = entries.iter().copied().find(|&i| spec.entries[i].fallback);
    if marked.is_some() || spec.fallbacks_left_out.contains_key(code) {
        return marked;
    }
    let plain = entries.iter().copied().find(|&i| !spec.entries[i].join);
    plain.or(entries.first().copied())
}
