//! Reads only what an envelope names from JSON bytes, in one pass and without allocating:
//! the body is scanned along the paths, everything else is skipped as it is checked, and
//! strings without escapes are borrowed from the body.
//!
//! The scan gives an answer only where it is sure, and hands the body to the exact read of
//! [`super::prune`] (`serde_json`'s parser) otherwise: on anything `serde_json` would reject,
//! on a body that is no object, on a map on a path that `serde_json` reads as a number (with
//! its `arbitrary_precision`), and where the rule of [`super::values`] needs more than one
//! pass (a key on a path repeated, a `*` that matches twice). Every value it gives is the
//! one `serde_json` gives: text with escapes and numbers that are no plain integer are read by
//! `serde_json` itself.

mod flat;

use std::borrow::Cow;

use serde_json::Number;

use super::values::{is_number_key, Found, Values, SLOTS};
use crate::table::Path;

/// The most paths the scan follows: one bit of a [`Mask`] each.
pub(crate) const MAX_PATHS: usize = 16;

/// The most keys a path the scan follows has.
const MAX_KEYS: usize = 8;

type Mask = u16;

/// Every path of an envelope, slot by slot; path `i` is bit `i` of a [`Mask`]. For each
/// depth, which paths end or take any key there. Read once per table
/// ([`super::Reader`]).
#[derive(Debug)]
pub(crate) struct Paths {
    list: [&'static Path; MAX_PATHS],
    /// The slot of each path, and its place among the slot's paths.
    places: [(u8, u8); MAX_PATHS],
    /// For each depth, the paths that end there, and those that take any key (`*`).
    ending: [Mask; MAX_KEYS + 1],
    wild: [Mask; MAX_KEYS],
    all: Mask,
    /// How many paths there are.
    count: usize,
    /// Whether every path is one key that is no `*`: the scan then reads the top-level
    /// object alone ([`flat`]).
    flat: bool,
}

static NO_PATH: Path = Path {
    text: "",
    keys: &[],
};

impl Paths {
    /// `None` when there are more than [`MAX_PATHS`], or one has more than [`MAX_KEYS`].
    pub(crate) fn new(slots: &[&'static [Path]; SLOTS]) -> Option<Self> {
        let mut paths = Paths {
            list: [&NO_PATH; MAX_PATHS],
            places: [(0, 0); MAX_PATHS],
            ending: [0; MAX_KEYS + 1],
            wild: [0; MAX_KEYS],
            all: 0,
            count: 0,
            flat: true,
        };
        let mut bit = 0;
        for (slot, alts) in (0u8..).zip(slots) {
            for (alt, path) in (0u8..).zip(*alts) {
                *paths.list.get_mut(bit)? = path;
                paths.places[bit] = (slot, alt);
                *paths.ending.get_mut(path.keys.len())? |= 1 << bit;
                for (depth, key) in path.keys.iter().enumerate() {
                    if *key == "*" {
                        paths.wild[depth] |= 1 << bit;
                    }
                }
                paths.all |= 1 << bit;
                paths.flat &= matches!(path.keys, [key] if *key != "*");
                bit += 1;
                paths.count = bit;
            }
        }
        Some(paths)
    }

    /// The bits set in `mask`, lowest first.
    fn bits(mut mask: Mask) -> impl Iterator<Item = usize> {
        std::iter::from_fn(move || {
            let bit = mask.trailing_zeros() as usize;
            mask &= mask.wrapping_sub(1);
            (bit < MAX_PATHS).then_some(bit)
        })
    }

    /// The paths of `active` that end at `depth`, and those that take `*` there.
    fn at(&self, active: Mask, depth: usize) -> (Mask, Mask) {
        let ending = self.ending.get(depth).copied().unwrap_or(0);
        let wild = self.wild.get(depth).copied().unwrap_or(0);
        (active & ending, active & wild)
    }

    /// The paths of `through` that go on through `key` at `depth`.
    fn through(&self, through: Mask, depth: usize, key: &[u8]) -> Mask {
        let mut next = through & self.wild.get(depth).copied().unwrap_or(0);
        for bit in Paths::bits(through & !next) {
            let want = self.list[bit]
                .keys
                .get(depth)
                .map_or(&[][..], |want| want.as_bytes());
            // Most keys differ in length or first byte: no call to compare the rest.
            if want.len() == key.len() && want.first() == key.first() && want == key {
                next |= 1 << bit;
            }
        }
        next
    }
}

/// The values `paths` lead to in `body`, written to `values`; `None` where the scan is not
/// sure (`values` then hold nothing to read).
pub(crate) fn scan<'de>(body: &'de [u8], paths: &Paths, values: &mut Values<'de>) -> Option<()> {
    let mut scan = Scan {
        bytes: body,
        at: 0,
        paths,
        values,
        alts: [0; SLOTS],
        matched: 0,
    };
    scan.space();
    scan.eat(b'{')?;
    let open = scan.at;
    if !(paths.flat && scan.flat().is_some()) {
        // What the flat scan does not take is read the general way, from the top.
        scan.at = open;
        *scan.values = Values::default();
        scan.alts = [0; SLOTS];
        scan.matched = 0;
        scan.object(paths.all, 0)?;
    }
    scan.space();
    (scan.at == body.len()).then_some(())
}

struct Scan<'de, 'p> {
    bytes: &'de [u8],
    at: usize,
    paths: &'p Paths,
    /// For each slot, the path chosen and its value, and that path's place among the
    /// slot's paths.
    values: &'p mut Values<'de>,
    alts: [u8; SLOTS],
    /// The paths that have led to a value.
    matched: Mask,
}

/// An object that paths go through, and what tells whether one of its keys is repeated
/// where that matters.
struct Object<'de> {
    /// The paths that go on through a key of the object.
    through: Mask,
    /// The paths of `through` that take any key here (`*`).
    wild: Mask,
    /// The paths of `through` that have taken their key here.
    taken: Mask,
    /// The keys under which a path of `wild` found a value.
    found_under: [Option<Cow<'de, [u8]>>; 2],
}

impl<'de> Scan<'de, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// The entries of an object at `depth` whose `{` is behind, with the paths `active`
    /// that lead to it.
    fn object(&mut self, active: Mask, depth: usize) -> Option<()> {
        let (ending, wild) = self.paths.at(active, depth);
        self.end(ending, Found::Object)?;
        let mut object = Object {
            through: active & !ending,
            wild,
            taken: 0,
            found_under: [None, None],
        };
        self.space();
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut first = true;
        loop {
            self.space();
            let key = self.key()?;
            // A number, where serde_json's `arbitrary_precision` makes this map one.
            if std::mem::take(&mut first) && is_number_key(&key) {
                return None;
            }
            self.space();
            self.eat(b':')?;
            let next = self.paths.through(object.through, depth, &key);
            let taking = next & !object.wild;
            let repeated = taking & object.taken != 0
                || object
                    .found_under
                    .iter()
                    .flatten()
                    .any(|under| *under == key);
            if repeated {
                return None;
            }
            object.taken |= taking;
            if next == 0 {
                self.skip()?;
            } else {
                let before = self.matched;
                self.value(next, depth + 1)?;
                if self.matched & !before & object.wild != 0 {
                    let free = object
                        .found_under
                        .iter_mut()
                        .find(|under| under.is_none())?;
                    *free = Some(key);
                }
            }
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A key, as `serde_json` reads it: text with escapes by `serde_json` itself.
    // Inlined into both object loops, as it was into the one before the flat scan.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn key(&mut self) -> Option<Cow<'de, [u8]>> {
        let (start, end, escaped) = self.string()?;
        let inner = self.bytes.get(start + 1..end - 1)?;
        if escaped {
            let key: String = serde_json::from_slice(self.bytes.get(start..end)?).ok()?;
            return Some(Cow::Owned(key.into_bytes()));
        }
        if !inner.is_ascii() {
            std::str::from_utf8(inner).ok()?;
        }
        Some(Cow::Borrowed(inner))
    }

    /// The value at `depth` that the paths `active` lead to.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn value(&mut self, active: Mask, depth: usize) -> Option<()> {
        self.space();
        let (ending, _) = self.paths.at(active, depth);
        let found = match self.peek()? {
            b'{' => {
                self.at += 1;
                return self.object(active, depth);
            }
            b'[' => {
                self.skip()?;
                Found::Array
            }
            b'"' => {
                let (start, end, escaped) = self.string()?;
                let token = self.bytes.get(start..end)?;
                if escaped {
                    Found::Text(Cow::Owned(serde_json::from_slice(token).ok()?))
                } else {
                    let inner = token.get(1..token.len() - 1)?;
                    Found::Text(Cow::Borrowed(std::str::from_utf8(inner).ok()?))
                }
            }
            b't' => self.word(b"true").map(|()| Found::Bool(true))?,
            b'f' => self.word(b"false").map(|()| Found::Bool(false))?,
            b'n' => self.word(b"null").map(|()| Found::Null)?,
            _ => self.number_value()?,
        };
        self.end(ending, found)
    }

    /// Keeps `found` for the paths of `ending`, where it beats what their slots hold: a
    /// value that is not null over null, then the path listed first. A second value for one
    /// path needs the exact read.
    #[inline]
    fn end(&mut self, ending: Mask, found: Found<'de>) -> Option<()> {
        if ending == 0 {
            return Some(());
        }
        if ending & self.matched != 0 {
            return None;
        }
        self.matched |= ending;
        // One path, to a slot that holds nothing yet: most values.
        if ending.is_power_of_two() {
            let bit = ending.trailing_zeros() as usize;
            let (slot, alt) = *self.paths.places.get(bit)?;
            let slot = usize::from(slot);
            if self.values.get(slot).is_none() {
                self.values.set(slot, self.paths.list.get(bit)?, found);
                *self.alts.get_mut(slot)? = alt;
                return Some(());
            }
        }
        self.keep(ending, found)
    }

    /// [`Scan::end`] for paths that may share a value or meet a slot's value.
    #[inline(never)]
    fn keep(&mut self, ending: Mask, found: Found<'de>) -> Option<()> {
        let null = matches!(found, Found::Null);
        let mut found = Some(found);
        for bit in Paths::bits(ending) {
            let (slot, alt) = self.paths.places[bit];
            let slot = usize::from(slot);
            let better = match self.values.get(slot) {
                None => true,
                Some((_, kept)) => (null, alt) < (matches!(kept, Found::Null), self.alts[slot]),
            };
            if better {
                // The last path takes the value; any before it, a copy.
                let value = if ending >> bit == 1 {
                    found.take()?
                } else {
                    found.clone()?
                };
                self.values.set(slot, self.paths.list[bit], value);
                self.alts[slot] = alt;
            }
        }
        Some(())
    }

    fn word(&mut self, word: &[u8]) -> Option<()> {
        let after = self.at + word.len();
        (self.bytes.get(self.at..after)? == word).then(|| self.at = after)
    }

    /// A string from its `"`: where it starts and ends (its quotes included), and whether
    /// it has escapes. Checked as `serde_json` checks a string it skips: no control char,
    /// escapes that exist; the bytes are not decoded.
    #[inline]
    fn string(&mut self) -> Option<(usize, usize, bool)> {
        let start = self.at;
        self.eat(b'"')?;
        self.at = special(self.bytes, self.at)?;
        if self.peek()? == b'"' {
            self.at += 1;
            return Some((start, self.at, false));
        }
        self.string_rest(start)
    }

    /// [`Scan::string`] from its first escape (or control char, which ends it).
    #[inline(never)]
    fn string_rest(&mut self, start: usize) -> Option<(usize, usize, bool)> {
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some((start, self.at, escaped));
                }
                b'\\' => {
                    escaped = true;
                    self.at += 1;
                    match self.peek()? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
                        b'u' => {
                            let hex = self.bytes.get(self.at + 1..self.at + 5)?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return None;
                            }
                            self.at += 5;
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
            self.at = special(self.bytes, self.at)?;
        }
    }

    /// A number, as `serde_json`'s grammar has it: `-`, one `0` or digits not led by `0`, a
    /// fraction, an exponent.
    fn number(&mut self) -> Option<()> {
        let _ = self.eat(b'-');
        match self.peek()? {
            b'0' => {
                self.at += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return None;
                }
            }
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.').is_some() {
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        Some(())
    }

    /// A number as [`number`] reads it: a plain integer as its digits are checked, anything
    /// else checked by [`Scan::number`] and read by `serde_json`.
    fn number_value(&mut self) -> Option<Found<'de>> {
        let start = self.at;
        let negative = self.eat(b'-').is_some();
        let digits = self.at;
        let mut magnitude = 0i64;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            magnitude = magnitude
                .wrapping_mul(10)
                .wrapping_add(i64::from(digit - b'0'));
            self.at += 1;
        }
        let len = self.at - digits;
        let plain = (1..=18).contains(&len)
            && (len == 1 || self.bytes.get(digits) != Some(&b'0'))
            && !matches!(self.peek(), Some(b'.' | b'e' | b'E'))
            // `serde_json` reads `-0` as a float.
            && !(negative && magnitude == 0);
        if plain {
            return Some(Found::Int(if negative { -magnitude } else { magnitude }));
        }
        self.at = start;
        self.number()?;
        number(self.bytes.get(start..self.at)?)
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    /// Skips a value, checked as `serde_json` checks what it skips; a stack of bits tells
    /// objects (1) from lists (0), so that depth costs no recursion.
    fn skip(&mut self) -> Option<()> {
        let mut stack: u128 = 0;
        let mut depth = 0u32;
        loop {
            // A value.
            self.space();
            match self.peek()? {
                open @ (b'{' | b'[') => {
                    self.at += 1;
                    self.space();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.eat(close).is_none() {
                        if depth == u128::BITS {
                            return None;
                        }
                        stack = stack << 1 | u128::from(open == b'{');
                        depth += 1;
                        if open == b'{' {
                            self.entry_key()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' => self.word(b"true")?,
                b'f' => self.word(b"false")?,
                b'n' => self.word(b"null")?,
                _ => self.number()?,
            }
            // What follows it: the next entry, or the ends of the lists and objects it
            // closes.
            loop {
                if depth == 0 {
                    return Some(());
                }
                self.space();
                let in_object = stack & 1 == 1;
                match (self.peek()?, in_object) {
                    (b',', _) => {
                        self.at += 1;
                        if in_object {
                            self.entry_key()?;
                        }
                        break;
                    }
                    (b'}', true) | (b']', false) => {
                        self.at += 1;
                        stack >>= 1;
                        depth -= 1;
                    }
                    _ => return None,
                }
            }
        }
    }

    /// The key of an entry of an object being skipped, and its `:`.
    fn entry_key(&mut self) -> Option<()> {
        self.space();
        self.string()?;
        self.space();
        self.eat(b':')
    }
}

/// Where the first `"`, `\` or control char of `bytes` from `at` is: eight bytes at a
/// time, then one by one.
#[inline]
fn special(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let quote = word ^ (ONES * u64::from(b'"'));
        let slash = word ^ (ONES * u64::from(b'\\'));
        let zero = |x: u64| x.wrapping_sub(ONES) & !x;
        // The lowest byte flagged is the first that is one of them (a flag above a true
        // one may be false, never one below).
        let flags = (zero(quote) | zero(slash) | word.wrapping_sub(ONES * 0x20) & !word) & HIGH;
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// A number token as `serde_json` reads it: a plain integer directly, anything else by
/// `serde_json`.
fn number(token: &[u8]) -> Option<Found<'static>> {
    let (negative, digits) = match token.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, token),
    };
    if digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
        let magnitude = digits
            .iter()
            .fold(0i64, |n, &d| n * 10 + i64::from(d - b'0'));
        // `serde_json` reads `-0` as a float.
        if !(negative && magnitude == 0) {
            return Some(Found::Int(if negative { -magnitude } else { magnitude }));
        }
    }
    let number: Number = std::str::from_utf8(token).ok()?.parse().ok()?;
    Some(Found::number(&number))
}
