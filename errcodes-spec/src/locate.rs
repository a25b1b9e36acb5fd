//! Finds the line and column of a node of a YAML document.
//!
//! `serde_yaml::Value` keeps no positions, but `serde_yaml` stamps every error with the
//! position of the node being read. So to find a node, the document is read again with a
//! seed that walks down the path and fails on purpose when it reaches the node: the error's
//! location is the node's. Only problems are located, so the happy path never pays for it.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::ctxt::{Path, Seg};

/// A 1-based line and column (in chars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn of(error: &serde_yaml::Error) -> Option<Location> {
        error.location().map(|at| Location {
            line: at.line(),
            column: at.column(),
        })
    }
}

/// The position of the node at `path`, or of its nearest ancestor that exists.
pub fn locate(text: &str, path: &Path) -> Option<Location> {
    (0..=path.segs.len()).rev().find_map(|len| {
        let seed = Walk {
            path: &path.segs[..len],
        };
        match seed.deserialize(serde_yaml::Deserializer::from_str(text)) {
            Ok(()) => None,
            Err(error) => Location::of(&error),
        }
    })
}

struct Walk<'p> {
    path: &'p [Seg],
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.path.first() {
            None => deserializer.deserialize_any(Here),
            Some(Seg::Index(_)) => deserializer.deserialize_seq(self),
            Some(Seg::Key(_) | Seg::KeyName(_)) => deserializer.deserialize_map(self),
        }
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the node on the path")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(target), rest)) = self.path.split_first() else {
            return Ok(());
        };
        for _ in 0..*target {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Walk { path: rest })?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((seg, rest)) = self.path.split_first() else {
            return Ok(());
        };
        let (target, on_key) = match seg {
            Seg::Key(key) => (key.as_str(), false),
            Seg::KeyName(key) => (key.as_str(), true),
            Seg::Index(_) => return Ok(()),
        };
        while let Some(found) = map.next_key_seed(KeyIs {
            target,
            fail: on_key,
        })? {
            if found {
                map.next_value_seed(Walk { path: rest })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// Fails on whatever it is given: the error carries the node's position.
struct Here;

impl Visitor<'_> for Here {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("nothing (locating a node)")
    }
}

/// Reads a key and says whether it is `target`; with `fail`, fails on it instead.
struct KeyIs<'t> {
    target: &'t str,
    fail: bool,
}

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        if key == self.target && self.fail {
            return Err(E::custom("located"));
        }
        Ok(key == self.target)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
platform: demo
groups:
  - id: general
    errors:
      - code: 1
        name: First
      - code: 2
        mesage: typo
";

    fn at(path: Path) -> (usize, usize) {
        let at = locate(DOC, &path).expect("located");
        (at.line, at.column)
    }

    #[test]
    fn finds_values_keys_and_sequence_items() {
        let root = Path::default();
        assert_eq!(at(root.key("platform")), (1, 11));
        let errors = root.key("groups").index(0).key("errors");
        assert_eq!(at(errors.index(1)), (7, 9));
        assert_eq!(at(errors.index(0).key("name")), (6, 15));
        assert_eq!(at(errors.index(1).key_name("mesage")), (8, 9));
    }

    #[test]
    fn a_missing_node_falls_back_to_its_parent() {
        let root = Path::default();
        let errors = root.key("groups").index(0).key("errors");
        assert_eq!(at(errors.index(1).key("message")), (7, 9));
        assert_eq!(at(errors.index(9)), (5, 7));
    }
}
