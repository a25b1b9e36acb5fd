//! The writer: a table built section by section, then [`Writer::finish`]ed into
//! [`Encoded`]. [`View`](crate::View) reads what it writes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::build::{displace, multiply, Error};
use crate::folded::Folded;
use crate::hash::{hash_int, hash_str, str_key};
use crate::ints::{Design, IntIndex};
use crate::section::{self, COUNT};
use crate::{meta, record, Code, Encoded, Envelope, Path, Retry, NONE};

/// Saturates: a spec is checked to keep every count far below `u32::MAX`.
pub(crate) fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The words of an `i64`, low first: its little-endian bytes, as a reader takes them.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // the two halves
fn halves(long: i64) -> [u32; 2] {
    [long as u32, (long >> 32) as u32]
}

/// Why codes were not placed, naming the two that hash alike if two do.
fn failure(failed: displace::Failed, code: impl Fn(usize) -> Code, codes: usize) -> Error {
    match failed {
        Some((first, second)) => Error::Collision(code(first), code(second)),
        None => Error::Unplaced {
            codes,
            seeds: displace::SEEDS,
        },
    }
}

/// Most string codes [`Design::Auto`] tries to place by one multiply. Their hashes are
/// random, so a multiplier that parts `n` of them in a table of `8n` slots is found with
/// odds of about `e^(-n/16)` a try: past this many, the search's few thousand tries would
/// all fail.
const MULTIPLIED_STRS: usize = 192;

/// A table being written.
#[derive(Debug, Clone)]
pub struct Writer {
    text: String,
    sections: [Vec<u32>; COUNT],
    codes: Vec<Code>,
    names: Vec<String>,
    paths: Vec<Path>,
}

/// An integer code to place: the code, the entry `from_code` gives for it (or
/// [`NONE`]), and its index in section [`CODES`](section::CODES) (or [`NONE`]).
pub type IntCode = (i64, u32, u32);

/// A string code to place, as [`IntCode`].
pub type StrCode<'a> = (&'a str, u32, u32);

impl Writer {
    /// A table of `platform`, whose unknown codes have the retry class `unknown_retry`.
    #[must_use]
    pub fn new(platform: &str, unknown_retry: Retry) -> Writer {
        let mut writer = Writer {
            text: String::new(),
            sections: Default::default(),
            codes: Vec::new(),
            names: Vec::new(),
            paths: Vec::new(),
        };
        writer.sections[section::BOUNDS].push(0);
        let platform = writer.string(platform);
        let unknown_retry = writer.retry(unknown_retry);
        let mut words = [NONE; meta::LEN];
        words[meta::PLATFORM] = platform;
        words[meta::UNKNOWN_RETRY] = unknown_retry;
        writer.sections[section::META].extend(words);
        writer
    }

    /// Appends a string and gives its id.
    pub fn string(&mut self, text: &str) -> u32 {
        self.text.push_str(text);
        self.sections[section::BOUNDS].push(u32_of(self.text.len()));
        self.next_string() - 1
    }

    /// [`string`](Self::string), or [`NONE`] for no string.
    pub fn optional(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE, |text| self.string(text))
    }

    /// The id the next string will have: consecutive strings are read as a run.
    #[must_use]
    pub fn next_string(&self) -> u32 {
        u32_of(self.sections[section::BOUNDS].len() - 1)
    }

    /// Where string `id` starts in the text (its end is where string `id + 1` starts).
    #[must_use]
    pub fn bound(&self, id: u32) -> u32 {
        self.sections[section::BOUNDS]
            .get(id as usize)
            .copied()
            .unwrap_or(NONE)
    }

    /// Appends `words` to a section. Sections with a writer of their own (the meta,
    /// bounds, retries, codes' slots and envelope) are written through it.
    pub fn push(&mut self, section: usize, words: impl IntoIterator<Item = u32>) {
        if let Some(section) = self.sections.get_mut(section) {
            section.extend(words);
        }
    }

    /// The words of a section so far.
    #[must_use]
    pub fn words(&self, section: usize) -> &[u32] {
        self.sections.get(section).map_or(&[], Vec::as_slice)
    }

    /// The index of `retry` in section [`RETRIES`](section::RETRIES), added if new.
    pub fn retry(&mut self, retry: Retry) -> u32 {
        let words = retry.words();
        let retries = &mut self.sections[section::RETRIES];
        let known = retries.chunks_exact(record::RETRY).position(|r| r == words);
        u32_of(known.unwrap_or_else(|| {
            retries.extend(words);
            retries.len() / record::RETRY - 1
        }))
    }

    /// Appends codes to the list of codes; gives the first one's index.
    pub fn codes(&mut self, codes: impl IntoIterator<Item = Code>) -> u32 {
        let start = u32_of(self.codes.len());
        self.codes.extend(codes);
        start
    }

    /// Appends names to the list of names; gives the first one's index.
    pub fn names(&mut self, names: impl IntoIterator<Item = String>) -> u32 {
        let start = u32_of(self.names.len());
        self.names.extend(names);
        start
    }

    /// Appends paths, each given by its keys, to the list of paths; gives their range.
    pub fn paths(&mut self, paths: impl IntoIterator<Item = Vec<String>>) -> (u32, u32) {
        let start = self.paths.len();
        self.paths.extend(paths.into_iter().map(|keys| Path {
            text: crate::envelope::path_text(&keys),
            keys,
        }));
        (u32_of(start), u32_of(self.paths.len() - start))
    }

    /// Writes a level of the table's envelope: the first call its first level, each
    /// further call the next.
    pub fn envelope(&mut self, envelope: &Envelope) {
        self.sections[section::ENVELOPE].extend(envelope.words());
    }

    /// Places the integer codes (distinct) with `design`.
    ///
    /// # Errors
    /// When the design is [`Design::Multiply`] and no multiplier is found, or no seed places
    /// the codes.
    pub fn int_codes(&mut self, codes: &[IntCode], design: Design) -> Result<(), Error> {
        let keys: Vec<i64> = codes.iter().map(|&(code, ..)| code).collect();
        let multiplied = match design {
            Design::Displace => None,
            Design::Auto | Design::Multiply => multiply::place(&keys, multiply::TRIES),
        };
        let (index, displacements, order) = match multiplied {
            Some(placed) => {
                let index = IntIndex::Multiply {
                    mult: placed.mult,
                    shift: placed.shift,
                };
                (index, Vec::new(), placed.slots)
            }
            None if design == Design::Multiply => {
                return Err(Error::Unplaced {
                    codes: codes.len(),
                    seeds: u64::from(multiply::TRIES),
                })
            }
            None => {
                let hash = |i: usize, seed| hash_int(keys[i], seed);
                let placed = displace::place(keys.len(), hash, displace::SEEDS)
                    .map_err(|failed| failure(failed, |i| Code::Int(keys[i]), keys.len()))?;
                let order = placed.order.into_iter().map(Some).collect();
                let index = IntIndex::Displace { seed: placed.seed };
                (index, placed.displacements, order)
            }
        };
        self.sections[section::INT_INDEX] = index.words().to_vec();
        self.sections[section::INT_DISPLACEMENTS] = displacements;
        let slots = &mut self.sections[section::INT_SLOTS];
        for slot in order {
            let (code, fallback, index) = slot.map_or((0, NONE, NONE), |i| codes[i]);
            let value = (i64::from(fallback) << 32) | i64::from(index);
            slots.extend([code, value].into_iter().flat_map(halves));
        }
        Ok(())
    }

    /// Places the string codes (distinct) with `design`: by one multiply of their key
    /// ([`str_key`]) where a multiplier is found (as integer codes are placed by one
    /// multiply of the code), else hashed and displaced.
    ///
    /// # Errors
    /// When two codes hash alike, the design is [`Design::Multiply`] and no multiplier is
    /// found (two codes with one key included), or no seed places them.
    pub fn str_codes(&mut self, codes: &[StrCode<'_>], design: Design) -> Result<(), Error> {
        let seed = displace::FIRST_SEED;
        #[allow(clippy::cast_possible_wrap)] // the bits are what is placed
        let keys: Vec<i64> = codes
            .iter()
            .map(|&(code, ..)| str_key(code, &Folded::of(code)) as i64)
            .collect();
        let multiplied = match design {
            Design::Displace => None,
            Design::Auto if codes.len() > MULTIPLIED_STRS => None,
            Design::Auto | Design::Multiply => multiply::place(&keys, multiply::TRIES),
        };
        let (index, seed, displacements, order) = match multiplied {
            Some(placed) => {
                let index = IntIndex::Multiply {
                    mult: placed.mult,
                    shift: placed.shift,
                };
                (index, seed, Vec::new(), placed.slots)
            }
            None if design == Design::Multiply => {
                return Err(Error::Unplaced {
                    codes: codes.len(),
                    seeds: u64::from(multiply::TRIES),
                })
            }
            None => {
                let hash = |i: usize, seed| hash_str(codes[i].0, seed);
                let placed =
                    displace::place(codes.len(), hash, displace::SEEDS).map_err(|failed| {
                        failure(failed, |i| Code::Str(codes[i].0.into()), codes.len())
                    })?;
                let order = placed.order.into_iter().map(Some).collect();
                let index = IntIndex::Displace { seed: placed.seed };
                (index, placed.seed, placed.displacements, order)
            }
        };
        #[allow(clippy::cast_possible_wrap)] // the bits are what is stored
        let seed = halves(seed as i64);
        let mut words = index.words().to_vec();
        words.extend(seed);
        self.sections[section::STR_INDEX] = words;
        self.sections[section::STR_DISPLACEMENTS] = displacements;
        for slot in order {
            // An empty slot holds the empty code with no entry: what it finds is unknown.
            let (code, fallback, index) = slot.map_or(("", NONE, NONE), |i| codes[i]);
            let folded = Folded::of(code);
            let text = if slot.is_some() {
                self.string(code)
            } else {
                NONE
            };
            #[allow(clippy::cast_possible_wrap)] // the bits are what is stored
            let words = folded
                .words
                .into_iter()
                .flat_map(|word| halves(word as i64));
            self.sections[section::STR_SLOTS].extend(words);
            self.sections[section::STR_SLOTS].extend([u32_of(code.len()), fallback, index, text]);
        }
        Ok(())
    }

    /// The table.
    #[must_use]
    pub fn finish(self) -> Encoded {
        Encoded {
            text: self.text,
            bytes: section::join(&self.sections),
            codes: self.codes,
            names: self.names,
            paths: self.paths,
        }
    }
}
