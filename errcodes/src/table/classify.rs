//! A code and a message to their entry: the message is compared only with the patterns that
//! can match it, those whose first and last chars are the message's, found by a linear scan
//! for a code with few patterns and in the bucket of the message's first char for a code
//! with many.

use errcodes_layout::{bucket, record, section, sub, word, MAX_FIELDS, NONE, UNKNOWN};

use super::{Key, Table};
use crate::catalog::By;
use crate::fields::{Later, Spans};
use crate::text::{
    match_lits, match_pattern, match_whole, message_ends, prepare_noise, strip_noise_with,
    trim_ends, Prepared, Strings,
};
use crate::Fields;

/// When [`Table::find`] matches a message that does not choose the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Match {
    /// At once: what `Catalog::lookup` returns says how the entry was chosen.
    Now,
    /// When it is asked for: an `ApiError` keeps the message, and the table.
    WhenAsked,
}

impl Table {
    /// The entry for `key` whose message matches `message`, or [`UNKNOWN`]. See `classify`
    /// on a generated enum.
    #[must_use]
    pub fn classify_index(&self, key: Key<'_>, message: &str) -> usize {
        let (fallback, code) = self.slot(key);
        let (text, ends) = self.stripped(message);
        match self.best(code, text, ends, &mut []) {
            (UNKNOWN, _) => fallback,
            (index, _) => index,
        }
    }

    /// The entry for `key` and `sub_code` whose message matches `message`: the most
    /// specific sub-code rule that `sub_code` matches (of the code, then of any code), else
    /// as [`Table::classify`]. A sub-code rule's entry comes with no fields.
    ///
    /// With [`Match::WhenAsked`], what does not choose the entry is left to do (its
    /// fields say what, [`Later`]): the noise a sub-code rule's entry was found without,
    /// and the match of a message whose code has one meaning. `by` is then a stand-in.
    #[must_use]
    #[inline]
    pub(crate) fn find<'m>(
        &'static self,
        key: Key<'_>,
        sub_code: Option<&str>,
        message: &'m str,
        when: Match,
    ) -> (usize, Fields<'m>, By) {
        let later = when == Match::WhenAsked;
        match self.by_sub_code(key, sub_code) {
            Some(entry) if later => {
                let later = if self.section(section::NOISE).is_empty() {
                    Later::Nothing
                } else {
                    Later::Noise(self)
                };
                (entry, Spans::later(later).of(message), By::SubCode)
            }
            Some(entry) => {
                let (_, _, request_id) = self.stripped_noting(message);
                let fields = Spans::none().with_request_id(request_id).of(message);
                (entry, fields, By::SubCode)
            }
            None => {
                let (fallback, code) = self.slot(key);
                if later && self.one_meaning(fallback, code) {
                    let fields = Spans::later(Later::Match(self)).of(message);
                    return (fallback, fields, By::Code);
                }
                self.classify_slot(fallback, code, message)
            }
        }
    }

    /// Whether code `code` (a slot) is entry `fallback` whatever the message says: a known
    /// code, whose patterns are all the fallback's, and no entry without a code has one.
    #[inline]
    fn one_meaning(&self, fallback: usize, code: u32) -> bool {
        let codes = self.section(section::CODES);
        let Some([start, end, _, 0]) =
            errcodes_layout::record::<{ record::CODE }>(codes, code as usize)
        else {
            return false;
        };
        let codeless = u32::try_from(codes.len() / (4 * record::CODE))
            .unwrap_or(NONE)
            .wrapping_sub(1);
        let probes = self.section(section::PROBES);
        let size = record::PROBE * 4;
        fallback < self.len()
            && errcodes_layout::record::<{ record::CODE }>(codes, codeless as usize)
                .is_none_or(|[start, end, _, bits]| start == end && bits == 0)
            && (start as usize..end as usize).all(|at| {
                probes
                    .get(at * size..(at + 1) * size)
                    .is_some_and(|probe| word(probe, 4) as usize == fallback)
            })
    }

    /// Whether `sub_code`, which [`Table::find`] found no sub-code rule for, is one the spec
    /// lacks: one was received, and the spec has sub-code rules. The rules are not searched
    /// again.
    #[must_use]
    pub fn lacks_sub_code(&self, sub_code: Option<&str>) -> bool {
        sub_code.is_some_and(|sub| !sub.trim().is_empty())
            && !self.section(section::SUB_CODES).is_empty()
    }

    /// Like [`Table::find`], without the fields: what `classify` on a generated enum needs.
    #[must_use]
    pub fn find_index(&self, key: Key<'_>, sub_code: Option<&str>, message: &str) -> usize {
        match self.by_sub_code(key, sub_code) {
            Some(entry) => entry,
            None => self.classify_index(key, message),
        }
    }

    /// The entry a sub-code rule chooses, if a sub-code was received and a rule matches it.
    #[inline]
    fn by_sub_code(&self, key: Key<'_>, sub_code: Option<&str>) -> Option<usize> {
        let sub_code = sub_code.filter(|_| !self.section(section::SUB_CODES).is_empty())?;
        let (_, code) = self.slot(key);
        self.sub_rule(code, sub_code.trim())
    }

    /// The entry of the first rule of code `code`, then of any code, that `sub_code`
    /// matches.
    fn sub_rule(&self, code: u32, sub_code: &str) -> Option<usize> {
        let rules = self.section(section::SUB_CODES);
        let rules = (0..rules.len() / (4 * record::SUB))
            .filter_map(|i| errcodes_layout::record::<{ record::SUB }>(rules, i));
        let matching = |wanted: u32| {
            rules
                .clone()
                .find_map(move |[rule_code, kind, entry, value]| {
                    let hit = rule_code == wanted
                        && match kind {
                            sub::EXACT => self.string(value) == sub_code,
                            sub::PREFIX => sub_code.starts_with(self.string(value)),
                            _ => self
                                .pattern(value)
                                .is_some_and(|pattern| match_pattern(sub_code, &pattern, &mut [])),
                        };
                    hit.then_some(entry as usize)
                })
        };
        let own = if code == NONE { None } else { matching(code) };
        own.or_else(|| matching(NONE))
    }

    /// Like [`Table::classify_index`], with the values of the matched template's fields.
    #[must_use]
    pub fn classify<'m>(&self, key: Key<'_>, message: &'m str) -> (usize, Fields<'m>, By) {
        let (fallback, code) = self.slot(key);
        self.classify_slot(fallback, code, message)
    }

    /// [`Table::classify`] of the code at slot `code`, whose fallback is `fallback`.
    fn classify_slot<'m>(
        &self,
        fallback: usize,
        code: u32,
        message: &'m str,
    ) -> (usize, Fields<'m>, By) {
        let (text, ends, request_id) = self.stripped_noting(message);
        let mut ranges = [(0, 0); MAX_FIELDS];
        let (index, pattern) = self.best(code, text, ends, &mut ranges);
        let none = Spans::none().with_request_id(request_id).of(message);
        if index == UNKNOWN {
            return (fallback, none, self.unmatched(fallback, code));
        }
        match self.pattern(pattern) {
            Some(pattern) => {
                let spans = Spans::new(pattern.fields, &ranges, offset(message, text));
                (
                    index,
                    spans.with_request_id(request_id).of(message),
                    By::Message,
                )
            }
            _ => (index, none, By::Message),
        }
    }

    /// How entry `fallback` was chosen for code `code` when no message matched: the code
    /// is unknown, or it has one meaning, or the fallback stood in for the meaning of a
    /// message the spec lacks (the code has entries of other messages).
    #[cold]
    fn unmatched(&self, fallback: usize, code: u32) -> By {
        if fallback >= self.len() {
            return By::Unknown;
        }
        let codes = self.section(section::CODES);
        let Some([start, end, _, bits]) =
            errcodes_layout::record::<{ record::CODE }>(codes, code as usize)
        else {
            return By::Code;
        };
        let probes = self.section(section::PROBES);
        let size = record::PROBE * 4;
        let other = (start as usize..end as usize).any(|at| {
            probes
                .get(at * size..(at + 1) * size)
                .is_some_and(|probe| word(probe, 4) as usize != fallback)
        });
        if bits > 0 || other {
            By::Fallback
        } else {
            By::Code
        }
    }

    /// The message as it is matched (trimmed, its noise stripped), and the leads of its
    /// ends.
    #[inline]
    fn stripped<'m>(&self, message: &'m str) -> (&'m str, (u32, u32)) {
        if self.section(section::NOISE).is_empty() {
            return trim_ends(message);
        }
        let text = strip_noise_with(
            message,
            self.prepared_noise(),
            &self.noise_patterns(),
            |_, _, _, _| {},
        );
        (text, message_ends(text))
    }

    /// Like [`Table::stripped`], with where the request id is in `message`: the value of
    /// the first field called `request_id` or `rid` in the noise stripped (WeChat appends
    /// ` rid: <id>` to its messages). The noise is searched once for both.
    #[inline]
    fn stripped_noting<'m>(
        &self,
        message: &'m str,
    ) -> (&'m str, (u32, u32), Option<(usize, usize)>) {
        if self.section(section::NOISE).is_empty() {
            let (text, ends) = trim_ends(message);
            return (text, ends, None);
        }
        let mut found: Option<&str> = None;
        let prepared = self.prepared_noise();
        let text = strip_noise_with(
            message,
            prepared,
            &self.noise_patterns(),
            |_, tail, ranges, request_id| {
                if found.is_none() {
                    let range = request_id.and_then(|i| ranges.get(i));
                    found = range.and_then(|&(start, end)| tail.get(start..end));
                }
            },
        );
        let span = found.map(|id| {
            let start = offset(message, id);
            (start, start + id.len())
        });
        (text, message_ends(text), span)
    }

    /// The noise patterns as the plain search reads them, read once per table.
    fn prepared_noise(&self) -> Option<&Prepared<'static>> {
        self.cache
            .noise
            .get_or_init(|| prepare_noise(self.noise_patterns()))
            .as_ref()
    }

    fn noise_patterns(&self) -> impl Iterator<Item = crate::text::Pattern<'static>> + Clone + '_ {
        let noise = self.section(section::NOISE);
        (0..noise.len() / 4).filter_map(move |i| self.pattern(word(noise, i)))
    }

    /// `message` as entries' messages are matched against it: trimmed, the spec's `noise`
    /// (WeChat's ` rid: <id>`) stripped.
    #[must_use]
    pub fn matched_text<'m>(&self, message: &'m str) -> &'m str {
        self.stripped(message).0
    }

    /// The value of the first field called `request_id` or `rid` in the noise stripped from
    /// `message` (WeChat appends ` rid: <id>` to its messages).
    #[must_use]
    pub fn request_id<'m>(&self, message: &'m str) -> Option<&'m str> {
        let (_, _, span) = self.stripped_noting(message);
        span.and_then(|(start, end)| message.get(start..end))
    }

    /// Among the patterns of code `code`, else of the entries without a code, the one
    /// matching `text` with the most literal text, the first in spec order on a tie: its
    /// entry and its pattern, or `(UNKNOWN, NONE)`; the ranges of its fields' values in
    /// `out` (as far as it holds). A pattern is tried only if the leads of its first and
    /// last chars are the message's.
    // Inlined, the pair comes back in registers rather than through the stack.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn best(
        &self,
        code: u32,
        text: &str,
        ends: (u32, u32),
        out: &mut [(usize, usize)],
    ) -> (usize, u32) {
        let codes = self.section(section::CODES);
        let buckets = self.section(section::BUCKETS);
        let codeless = u32::try_from(codes.len() / (4 * record::CODE))
            .unwrap_or(NONE)
            .wrapping_sub(1);
        for code in [code, codeless] {
            let Some([start, end, first_bucket, bits]) =
                errcodes_layout::record::<{ record::CODE }>(codes, code as usize)
            else {
                continue;
            };
            let keyed = if bits > 0 {
                let at = first_bucket as usize + bucket(ends.0, bits);
                (word(buckets, at), word(buckets, at + 1))
            } else {
                (0, 0)
            };
            // The patterns scanned, then those of the message's bucket.
            let found = self.best_in([(start, end), keyed], ends, text, out);
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
        out: &mut [(usize, usize)],
    ) -> (usize, u32) {
        let probes = self.section(section::PROBES);
        let size = record::PROBE * 4;
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        // Preference, entry and pattern of the best match so far.
        let mut best = (NONE, UNKNOWN, NONE);
        for (start, end) in ranges {
            // By index, not `chunks_exact`, which divides by the probe's size.
            for at in start as usize..end as usize {
                let Some(probe) = probes.get(at * size..(at + 1) * size) else {
                    break;
                };
                let Some([probe_lead, probe_tail, min_len, preference]) =
                    errcodes_layout::record::<4>(probe, 0)
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
                // A match that fails may have written some of its ranges: after a match, the
                // next is tried aside.
                let matched = if best.1 == UNKNOWN {
                    self.matches(probe, text, out)
                } else {
                    self.matches_aside(probe, text, out)
                };
                if matched {
                    best = (preference, word(probe, 4) as usize, word(probe, 5));
                    break;
                }
            }
        }
        (best.1, best.2)
    }

    /// Whether `text`, at least the probe's shortest match long, matches its pattern; the
    /// ranges of its fields' values in `out` (as far as it holds).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn matches(&self, probe: &[u8], text: &str, out: &mut [(usize, usize)]) -> bool {
        let words = probe
            .get(5 * 4..)
            .and_then(|words| errcodes_layout::record::<6>(words, 0));
        let Some([pattern, count, first, first_end, last, last_end]) = words else {
            return false;
        };
        let source = self.view.text();
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
        match_lits(text, count as usize, first, last, lits, out)
    }

    /// [`Table::matches`], the ranges written to `out` only on a match.
    #[cold]
    #[inline(never)]
    fn matches_aside(&self, probe: &[u8], text: &str, out: &mut [(usize, usize)]) -> bool {
        let mut aside = [(0, 0); MAX_FIELDS];
        let aside = &mut aside[..out.len().min(MAX_FIELDS)];
        let matched = self.matches(probe, text, aside);
        if matched {
            for (kept, &range) in out.iter_mut().zip(aside.iter()) {
                *kept = range;
            }
        }
        matched
    }

    /// Entry `index`, or its twin documented for `endpoint`: twins are entries that share a
    /// code and a message but not an endpoint.
    #[must_use]
    pub fn at_endpoint(&self, index: usize, endpoint: &str) -> usize {
        let is_at = |i: usize| {
            self.endpoint(i)
                .is_some_and(|at| at.trim_end_matches('/') == endpoint.trim_end_matches('/'))
        };
        if is_at(index) {
            return index;
        }
        self.view
            .twins(index)
            .find(|&twin| is_at(twin))
            .unwrap_or(index)
    }
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize)
}
