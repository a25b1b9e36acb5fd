//! The exact read of bytes, for the bodies the one-pass reader gives up on (a key repeated
//! on a path, or a `*` that matches twice): a `serde_json::Value` of only the keys the
//! paths go through, built as `serde_json` builds one (a repeated key: the last wins), then
//! read as any `Value` is. Everything else is skipped as it is parsed, so the `Value` is
//! no deeper than the longest path.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::values::{is_number_key, number_of, ITEMS, JSON_TEXT};
use crate::table::Path;

/// `body`, keeping only what `paths` lead through.
pub(crate) fn prune<'de, D: Deserializer<'de>>(
    body: D,
    paths: &[&'static Path],
) -> Result<Value, D::Error> {
    Node { paths, depth: 0 }.deserialize(body)
}

/// A node at `depth`, with the paths that lead through it.
struct Node<'p> {
    paths: &'p [&'static Path],
    depth: usize,
}

impl Node<'_> {
    /// The paths whose key at this depth `takes`.
    fn next(&self, takes: impl Fn(&str) -> bool) -> Vec<&'static Path> {
        self.paths
            .iter()
            .copied()
            .filter(|path| path.keys.get(self.depth).is_some_and(|&want| takes(want)))
            .collect()
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    /// Only whether it is a list counts, but for the paths that go through its items
    /// (`errors[].code`): those are kept.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.depth;
        let next = self.next(|want| want == ITEMS);
        let mut items = Vec::new();
        if next.is_empty() {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
        } else {
            while let Some(item) = seq.next_element_seed(Node {
                paths: &next,
                depth: depth + 1,
            })? {
                items.push(item);
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        let mut first = true;
        while let Some(key) = map.next_key::<String>()? {
            if std::mem::take(&mut first) && is_number_key(key.as_bytes()) {
                let text: String = map.next_value()?;
                return Ok(Value::Number(number_of(&text)?));
            }
            let depth = self.depth;
            let next = self
                .next(|want| want != ITEMS && want != JSON_TEXT && (want == "*" || want == key));
            if next.is_empty() {
                map.next_value::<IgnoredAny>()?;
            } else {
                let value = map.next_value_seed(Node {
                    paths: &next,
                    depth: depth + 1,
                })?;
                object.insert(key, value);
            }
        }
        Ok(Value::Object(object))
    }
}
