//! Reads a `serde_json::Value` along an envelope's paths, by the rule of [`super::values`]:
//! the definition the one-pass reader of bytes is tested against.

use std::borrow::Cow;

use serde_json::Value;

use super::values::{slots, Found, Values};
use crate::table::Envelope;

/// The values `body`'s paths lead to; `None` when `body` is not an object.
pub(crate) fn read<'v>(body: &'v Value, envelope: &Envelope) -> Option<Values<'v>> {
    body.as_object()?;
    let slots = slots(envelope);
    Some(Values::choose(&slots, |slot, alt| {
        at(body, slots[slot][alt].keys).map(found)
    }))
}

/// Where `keys` lead from `value`: `*` takes the least key whose value is not null, else
/// a key whose value is null.
fn at<'v>(value: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    let Some((&key, rest)) = keys.split_first() else {
        return Some(value);
    };
    let map = value.as_object()?;
    if key != "*" {
        return at(map.get(key)?, rest);
    }
    let mut best: Option<(&String, &Value)> = None;
    for (key, inner) in map {
        let Some(leads) = at(inner, rest) else {
            continue;
        };
        let better = match best {
            None => true,
            Some((best_key, best_value)) => {
                (leads.is_null(), key) < (best_value.is_null(), best_key)
            }
        };
        if better {
            best = Some((key, leads));
        }
    }
    best.map(|(_, value)| value)
}

fn found(value: &Value) -> Found<'_> {
    match value {
        Value::Null => Found::Null,
        Value::Bool(b) => Found::Bool(*b),
        Value::Number(n) => Found::number(n),
        Value::String(text) => Found::Text(Cow::Borrowed(text)),
        Value::Object(_) => Found::Object,
        Value::Array(_) => Found::Array,
    }
}
