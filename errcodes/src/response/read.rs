//! Reads only what an envelope names from a JSON body, in one pass and without building a
//! `serde_json::Value` of it: the body is walked along the spec's paths, everything else is
//! skipped as it is parsed, and strings without escapes are borrowed from the body.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::table::Path;

/// The values an envelope names, in this order.
pub(crate) const CODE: usize = 0;
pub(crate) const MESSAGE: usize = 1;
pub(crate) const SUB_CODE: usize = 2;
pub(crate) const SUB_MESSAGE: usize = 3;
pub(crate) const REQUEST_ID: usize = 4;
const SLOTS: usize = 5;

/// A value found at the end of a path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Found<'de> {
    Bool(bool),
    Int(i64),
    /// A number that is no `i64` (a fraction, or beyond its range), as JSON writes it.
    Number(String),
    Text(Cow<'de, str>),
    Object,
    Array,
}

impl Found<'_> {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Found::Bool(_) => "a boolean",
            Found::Int(_) | Found::Number(_) => "a number",
            Found::Text(_) => "text",
            Found::Object => "an object",
            Found::Array => "a list",
        }
    }
}

/// What the walk found: for each slot, the value of the first of its paths that leads to
/// one (not `null`), and that path.
#[derive(Debug, Default)]
pub(crate) struct Values<'de> {
    pub(crate) slots: [Option<(usize, &'static Path, Found<'de>)>; SLOTS],
}

impl<'de> Values<'de> {
    pub(crate) fn get(&self, slot: usize) -> Option<(&'static Path, &Found<'de>)> {
        let (_, path, found) = self.slots.get(slot)?.as_ref()?;
        Some((path, found))
    }

    pub(crate) fn take(&mut self, slot: usize) -> Option<Found<'de>> {
        self.slots.get_mut(slot)?.take().map(|(_, _, found)| found)
    }

    fn record(&mut self, paths: &Paths, at: &[Active], found: &Found<'de>) {
        for &Active { slot, alt, depth } in at {
            let path = &paths[slot][alt];
            let better = self.slots[slot]
                .as_ref()
                .is_none_or(|&(best, _, _)| alt < best);
            if depth == path.keys.len() && better {
                self.slots[slot] = Some((alt, path, found.clone()));
            }
        }
    }
}

/// The paths of each slot, in the order they are tried.
pub(crate) type Paths = [&'static [Path]; SLOTS];

/// A path still being followed: how many of its keys are behind.
#[derive(Clone, Copy, Debug)]
struct Active {
    slot: usize,
    alt: usize,
    depth: usize,
}

/// Walks a body along `paths`. `Ok(None)` when the body is JSON but not an object.
pub(crate) fn walk<'de, D: Deserializer<'de>>(
    body: D,
    paths: &Paths,
) -> Result<Option<Values<'de>>, D::Error> {
    let active: Vec<Active> = (0..SLOTS)
        .flat_map(|slot| {
            (0..paths[slot].len()).map(move |alt| Active {
                slot,
                alt,
                depth: 0,
            })
        })
        .collect();
    let mut values = Values::default();
    let is_object = Node {
        paths,
        active: &active,
        values: &mut values,
        root: true,
    }
    .deserialize(body)?;
    Ok(is_object.then_some(values))
}

/// One node of the body, with the paths that lead through it. Gives whether it is an
/// object.
struct Node<'p, 'v, 'de> {
    paths: &'p Paths,
    active: &'p [Active],
    values: &'v mut Values<'de>,
    root: bool,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_, 'de> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Node<'_, '_, 'de> {
    fn scalar(self, found: &Found<'de>) -> bool {
        if !self.root {
            self.values.record(self.paths, self.active, found);
        }
        false
    }
}

impl<'de> Visitor<'de> for Node<'_, '_, 'de> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(self.scalar(&Found::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        Ok(self.scalar(&Found::Int(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        let found = i64::try_from(v).map_or_else(|_| Found::Number(v.to_string()), Found::Int);
        Ok(self.scalar(&found))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        Ok(self.scalar(&Found::Number(v.to_string())))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(self.scalar(&Found::Text(Cow::Owned(v.to_owned()))))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<bool, E> {
        Ok(self.scalar(&Found::Text(Cow::Borrowed(v))))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<bool, E> {
        Ok(self.scalar(&Found::Text(Cow::Owned(v))))
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        if !self.root {
            self.values.record(self.paths, self.active, &Found::Array);
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        if !self.root {
            self.values.record(self.paths, self.active, &Found::Object);
        }
        let mut next = Vec::new();
        while let Some(()) = map.next_key_seed(Key {
            paths: self.paths,
            active: self.active,
            next: &mut next,
        })? {
            if next.is_empty() {
                map.next_value::<IgnoredAny>()?;
            } else {
                map.next_value_seed(Node {
                    paths: self.paths,
                    active: &next,
                    values: &mut *self.values,
                    root: false,
                })?;
            }
        }
        Ok(true)
    }
}

/// A key of an object: which of the paths through the object go on through it.
struct Key<'p, 'n> {
    paths: &'p Paths,
    active: &'p [Active],
    next: &'n mut Vec<Active>,
}

impl<'de> DeserializeSeed<'de> for Key<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Key<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<(), E> {
        self.next.clear();
        for &Active { slot, alt, depth } in self.active {
            let keys = self.paths[slot][alt].keys;
            if keys
                .get(depth)
                .is_some_and(|&want| want == "*" || want == key)
            {
                self.next.push(Active {
                    slot,
                    alt,
                    depth: depth + 1,
                });
            }
        }
        Ok(())
    }
}
