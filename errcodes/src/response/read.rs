//! Reads only what an envelope names from JSON bytes, in one pass and without building a
//! `serde_json::Value`: the body is walked along the paths, everything else is skipped as it
//! is parsed, and strings without escapes are borrowed from the body.
//!
//! The walk keeps the first value each path leads to. That is the value the rule of
//! [`super::values`] gives, unless a key on the way is repeated or a `*` matches twice (the
//! value would depend on which comes last, or on comparing keys): then the walk gives up,
//! and [`super::prune`] reads the body exactly.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::values::{is_number_key, number_of, Found, Values, SLOTS};
use crate::table::Path;

/// The most paths the walk follows: one bit of a [`Mask`] each.
pub(crate) const MAX_PATHS: usize = 16;

type Mask = u16;

/// Every path of an envelope, slot by slot; path `i` is bit `i` of a [`Mask`].
pub(crate) struct Paths {
    paths: [&'static Path; MAX_PATHS],
    /// How many paths each slot has.
    counts: [usize; SLOTS],
    len: usize,
}

static NO_PATH: Path = Path {
    text: "",
    keys: &[],
};

impl Paths {
    /// `None` when there are more than [`MAX_PATHS`].
    pub(crate) fn new(slots: &[&'static [Path]; SLOTS]) -> Option<Self> {
        let mut paths = Paths {
            paths: [&NO_PATH; MAX_PATHS],
            counts: [0; SLOTS],
            len: 0,
        };
        for (slot, alts) in slots.iter().enumerate() {
            for path in *alts {
                *paths.paths.get_mut(paths.len)? = path;
                paths.len += 1;
            }
            paths.counts[slot] = alts.len();
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
}

/// The walk gave up: the body needs the exact read.
pub(crate) struct Ambiguous;

/// Walks a body along `paths`: `Ok(Err(Ambiguous))` when it gives up, `Ok(Ok(None))` when
/// the body is JSON but not an object.
pub(crate) fn walk<'de, D: Deserializer<'de>>(
    body: D,
    paths: &Paths,
    slots: &[&'static [Path]; SLOTS],
) -> Result<Result<Option<Values<'de>>, Ambiguous>, D::Error> {
    let mut walk = Walk {
        paths,
        found: Default::default(),
        matched: 0,
        ambiguous: false,
    };
    let all = (0..paths.len).fold(0, |mask, bit| mask | 1 << bit);
    let node = Node {
        walk: &mut walk,
        active: all,
        depth: 0,
    };
    let is_object = match node.deserialize(body) {
        Err(_) if walk.ambiguous => return Ok(Err(Ambiguous)),
        read => read?,
    };
    if !is_object {
        return Ok(Ok(None));
    }
    let mut first = [0; SLOTS];
    for slot in 1..SLOTS {
        first[slot] = first[slot - 1] + paths.counts[slot - 1];
    }
    let found = &mut walk.found;
    let values = Values::choose(slots, |slot, alt| found[first[slot] + alt].take());
    Ok(Ok(Some(values)))
}

/// What the walk has found so far.
struct Walk<'p, 'de> {
    paths: &'p Paths,
    found: [Option<Found<'de>>; MAX_PATHS],
    /// The paths of `found` that are `Some`.
    matched: Mask,
    ambiguous: bool,
}

impl<'de> Walk<'_, 'de> {
    fn give_up<E: de::Error>(&mut self) -> E {
        self.ambiguous = true;
        E::custom("the body repeats a key on an envelope path")
    }

    /// The paths of `active` that end at `depth`.
    fn ending(&self, active: Mask, depth: usize) -> Mask {
        let mut mask = 0;
        for bit in Paths::bits(active) {
            if self.paths.paths[bit].keys.len() == depth {
                mask |= 1 << bit;
            }
        }
        mask
    }

    /// Keeps `found` for the paths of `ending`; a second value for one is ambiguous.
    fn end<E: de::Error>(&mut self, ending: Mask, found: &Found<'de>) -> Result<(), E> {
        if ending & self.matched != 0 {
            return Err(self.give_up());
        }
        for bit in Paths::bits(ending) {
            self.found[bit] = Some(found.clone());
        }
        self.matched |= ending;
        Ok(())
    }
}

/// One node of the body at `depth`, with the paths that lead to it. Gives whether it is an
/// object.
struct Node<'w, 'p, 'de> {
    walk: &'w mut Walk<'p, 'de>,
    active: Mask,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_, 'de> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Node<'_, '_, 'de> {
    fn scalar<E: de::Error>(self, found: &Found<'de>) -> Result<bool, E> {
        let ending = self.walk.ending(self.active, self.depth);
        self.walk.end(ending, found)?;
        Ok(false)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_, 'de> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.scalar(&Found::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.scalar(&Found::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.scalar(&Found::u64(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.scalar(&Found::f64(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.scalar(&Found::Text(Cow::Owned(v.to_owned())))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<bool, E> {
        self.scalar(&Found::Text(Cow::Borrowed(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<bool, E> {
        self.scalar(&Found::Text(Cow::Owned(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.scalar(&Found::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        self.scalar(&Found::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        self.scalar::<A::Error>(&Found::Array)?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Node {
            walk,
            active,
            depth,
        } = self;
        let ending = walk.ending(active, depth);
        let mut object = Object::new(walk.paths, active & !ending, depth);
        let paths = walk.paths;
        let Some(mut key) = map.next_key_seed(KeySeed::new(paths, &object, true))? else {
            walk.end::<A::Error>(ending, &Found::Object)?;
            return Ok(true);
        };
        if key.number {
            let text: String = map.next_value()?;
            walk.end::<A::Error>(ending, &Found::number(&number_of(&text)?))?;
            return Ok(false);
        }
        walk.end::<A::Error>(ending, &Found::Object)?;
        loop {
            object.entry(&mut map, walk, key)?;
            match map.next_key_seed(KeySeed::new(paths, &object, false))? {
                Some(next) => key = next,
                None => return Ok(true),
            }
        }
    }
}

/// An object that paths go through, and what tells whether one of its keys is repeated
/// where that matters.
struct Object<'de> {
    /// The paths that go on through a key of the object.
    through: Mask,
    depth: usize,
    /// The paths of `through` that take any key here (`*`).
    wild: Mask,
    /// The paths of `through` that have taken their key here.
    taken: Mask,
    /// The keys under which a path of `wild` found a value.
    found_under: [Option<Cow<'de, str>>; 2],
}

impl<'de> Object<'de> {
    fn new(paths: &Paths, through: Mask, depth: usize) -> Self {
        let mut wild = 0;
        for bit in Paths::bits(through) {
            if paths.paths[bit].keys.get(depth) == Some(&"*") {
                wild |= 1 << bit;
            }
        }
        Object {
            through,
            depth,
            wild,
            taken: 0,
            found_under: [None, None],
        }
    }

    /// Reads the value of `key`: skipped, unless a path goes on through it. A path that
    /// takes its key a second time, or a key repeated after a `*` found a value under it,
    /// is ambiguous.
    fn entry<A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        walk: &mut Walk<'_, 'de>,
        key: Key<'de>,
    ) -> Result<(), A::Error> {
        let taking = key.next & !self.wild;
        let repeated = taking & self.taken != 0
            || key.text.as_ref().is_some_and(|text| {
                self.found_under.iter().flatten().any(|under| under == text)
            });
        if repeated {
            return Err(walk.give_up());
        }
        self.taken |= taking;
        if key.next == 0 {
            map.next_value::<IgnoredAny>()?;
            return Ok(());
        }
        let before = walk.matched;
        map.next_value_seed(Node {
            walk: &mut *walk,
            active: key.next,
            depth: self.depth + 1,
        })?;
        // Remembers `key` if a path that takes any key found a value under it.
        if walk.matched & !before & self.wild == 0 {
            return Ok(());
        }
        match self.found_under.iter_mut().find(|under| under.is_none()) {
            Some(free) => {
                *free = key.text;
                Ok(())
            }
            None => Err(walk.give_up()),
        }
    }
}

/// A key of an object: the paths that go on through it, its text where a `*` takes it, and
/// whether it makes the object a number.
struct Key<'de> {
    next: Mask,
    text: Option<Cow<'de, str>>,
    number: bool,
}

struct KeySeed<'p, 'o, 'de> {
    paths: &'p Paths,
    object: &'o Object<'de>,
    /// Whether it is the object's first key.
    first: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_, '_, 'de> {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'p, 'o, 'de> KeySeed<'p, 'o, 'de> {
    fn new(paths: &'p Paths, object: &'o Object<'de>, first: bool) -> Self {
        KeySeed {
            paths,
            object,
            first,
        }
    }

    fn key(&self, text: &str) -> Mask {
        let mut next = 0;
        for bit in Paths::bits(self.object.through) {
            let want = self.paths.paths[bit].keys.get(self.object.depth);
            if want.is_some_and(|&want| want == "*" || want == text) {
                next |= 1 << bit;
            }
        }
        next
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, '_, 'de> {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Key<'de>, E> {
        Ok(Key {
            next: self.key(text),
            text: (self.object.wild != 0).then_some(Cow::Borrowed(text)),
            number: self.first && is_number_key(text),
        })
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key<'de>, E> {
        Ok(Key {
            next: self.key(text),
            text: (self.object.wild != 0).then(|| Cow::Owned(text.to_owned())),
            number: self.first && is_number_key(text),
        })
    }
}
