//! Reads a `serde_json::Value` along an envelope's paths, by the rule of [`super::values`]:
//! the definition the one-pass reader of bytes is tested against.

use std::borrow::Cow;

use serde_json::Value;

use super::values::{slots, Found, Values, ITEMS, JSON_TEXT};
use crate::table::Envelope;

/// The values `body`'s paths lead to, a list's item `item` where a path goes through one
/// (`errors[].code`); `None` when `body` is not an object.
pub(crate) fn read<'v>(body: &'v Value, envelope: &Envelope, item: usize) -> Option<Values<'v>> {
    body.as_object()?;
    let slots = slots(envelope);
    Some(Values::choose(&slots, |slot, alt| {
        at(body, slots[slot][alt].keys, item).map(found)
    }))
}

/// How many items the longest list the envelope's paths go through has: 0 where none does.
pub(crate) fn items(body: &Value, envelope: &Envelope) -> usize {
    slots(envelope)
        .iter()
        .flat_map(|paths| paths.iter())
        .filter_map(|path| {
            let list = path.keys.iter().position(|&key| key == ITEMS)?;
            at(body, &path.keys[..list], 0)?.as_array().map(Vec::len)
        })
        .max()
        .unwrap_or(0)
}

/// Where `keys` lead from `value`: `*` takes the least key whose value is not null, else
/// a key whose value is null; `[]` takes item `item` of a list; `@json` reads a string as
/// the JSON document its text is ([`json_text`]). What a JSON text holds is owned.
fn at<'v>(value: &'v Value, keys: &[&str], item: usize) -> Option<Cow<'v, Value>> {
    let Some((&key, rest)) = keys.split_first() else {
        return Some(Cow::Borrowed(value));
    };
    if key == ITEMS {
        return at(value.as_array()?.get(item)?, rest, item);
    }
    if key == JSON_TEXT {
        let document = json_text(value.as_str()?)?;
        return at(&document, rest, item).map(|found| Cow::Owned(found.into_owned()));
    }
    let map = value.as_object()?;
    if key != "*" {
        return at(map.get(key)?, rest, item);
    }
    let mut best: Option<(&String, Cow<'v, Value>)> = None;
    for (key, inner) in map {
        let Some(leads) = at(inner, rest, item) else {
            continue;
        };
        let better = match &best {
            None => true,
            Some((best_key, best_value)) => {
                (leads.is_null(), key) < (best_value.is_null(), *best_key)
            }
        };
        if better {
            best = Some((key, leads));
        }
    }
    best.map(|(_, value)| value)
}

/// The document a string's text is, as `serde_json` reads it; `None` for text that is no
/// JSON (empty text included): a path through it leads to nothing.
pub(crate) fn json_text(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

fn found(value: Cow<'_, Value>) -> Found<'_> {
    match value {
        Cow::Borrowed(Value::String(text)) => Found::Text(Cow::Borrowed(text)),
        Cow::Owned(Value::String(text)) => Found::Text(Cow::Owned(text)),
        Cow::Borrowed(Value::Null) | Cow::Owned(Value::Null) => Found::Null,
        Cow::Borrowed(Value::Bool(b)) => Found::Bool(*b),
        Cow::Owned(Value::Bool(b)) => Found::Bool(b),
        Cow::Borrowed(Value::Number(n)) => Found::number(n),
        Cow::Owned(Value::Number(n)) => Found::number(&n),
        Cow::Borrowed(Value::Object(_)) | Cow::Owned(Value::Object(_)) => Found::Object,
        Cow::Borrowed(Value::Array(_)) | Cow::Owned(Value::Array(_)) => Found::Array,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn json_text_is_read_where_the_path_says_so_and_only_in_a_string() {
        let inner = json!({"code": "310", "result": json!({"code": 7}).to_string()});
        let body = json!({"data": inner.to_string(), "object": inner, "empty": "", "junk": "ok"});
        let found = |keys: &[&str]| at(&body, keys, 0).map(Cow::into_owned);
        assert_eq!(found(&["data", JSON_TEXT, "code"]), Some(json!("310")));
        assert_eq!(
            found(&["data", JSON_TEXT, "result", JSON_TEXT, "code"]),
            Some(json!(7))
        );
        assert_eq!(found(&["*", JSON_TEXT, "code"]), Some(json!("310")));
        assert_eq!(found(&["object", "code"]), Some(json!("310")));
        for keys in [
            &["object", JSON_TEXT, "code"][..],
            &["data", "code"],
            &["empty", JSON_TEXT, "code"],
            &["junk", JSON_TEXT, "code"],
            &["data", JSON_TEXT, "missing"],
        ] {
            assert_eq!(found(keys), None, "{keys:?}");
        }
        assert_eq!(json_text(" {\"a\":1} "), Some(json!({"a": 1})));
        for text in ["", " ", "ok", "{\"a\":1} x", "{"] {
            assert_eq!(json_text(text), None, "{text:?}");
        }
    }
}
