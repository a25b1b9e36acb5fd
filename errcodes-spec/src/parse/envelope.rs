//! The `envelope`: where a platform's JSON response keeps its code and message.

use serde_yaml::Value;

use super::map::{Map, Need};
use super::values::{code, kind};
use crate::ast::Envelope;
use crate::ctxt::{Ctxt, Path};
use errcodes_layout::{Format, ITEMS, JSON_TEXT};

/// The keys of one level: where its code and message are, and what success is.
const LEVEL_KEYS: [&str; 9] = [
    "code",
    "message",
    "success",
    "success_without_code",
    "success_message",
    "sub_code",
    "sub_message",
    "request_id",
    "success_empty",
];

/// The keys only the envelope as a whole has.
const WHOLE_KEYS: [&str; 3] = ["status_led", "format", "levels"];

/// The envelope's keys: a level's, then its own.
pub(super) const ENVELOPE_KEYS: [&str; LEVEL_KEYS.len() + WHOLE_KEYS.len()] = {
    let mut all = [""; LEVEL_KEYS.len() + WHOLE_KEYS.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < LEVEL_KEYS.len() {
            LEVEL_KEYS[i]
        } else {
            WHOLE_KEYS[i - LEVEL_KEYS.len()]
        };
        i += 1;
    }
    all
};

/// The most levels an envelope has.
const MAX_LEVELS: usize = 3;

/// The envelope; `None` when it is not a mapping. A part that is missing or invalid is left
/// empty: the spec has a problem already, and the rest is still checked.
pub(super) fn envelope(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Envelope> {
    let map = Map::new(cx, value, path, &ENVELOPE_KEYS, "the envelope")?;
    let status_led = map.bool(cx, "status_led").unwrap_or(false);
    let format = map
        .get("format")
        .and_then(|value| format(cx, &path.key("format"), value));
    let mut levels = match map.get("levels") {
        None => vec![level(cx, &map)?],
        Some(value) => {
            for key in LEVEL_KEYS.iter().filter(|key| map.get(key).is_some()) {
                cx.error(
                    &path.key(key),
                    format!("`{key}` belongs to a level of an envelope that has `levels`"),
                )
                .help(format!(
                    "move `{key}` into the level it describes, under `levels`"
                ));
            }
            levels(cx, &path.key("levels"), value)?
        }
    };
    let mut first = levels.remove(0);
    first.status_led = status_led;
    first.format = format.unwrap_or_default();
    first.next = levels;
    Some(first)
}

/// `levels: [{code: ...}, ...]`: one to three levels, each read where those before it read
/// as a success.
fn levels(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Vec<Envelope>> {
    const HELP: &str = "write one to three levels, each a mapping with its own `code`, as in `levels: [{code: return_code, success: [SUCCESS]}, {code: err_code, success_without_code: true}]`; the first is read first, the next where it reads as a success";
    let items = match value {
        Value::Sequence(items) if (1..=MAX_LEVELS).contains(&items.len()) => items,
        Value::Sequence(items) => {
            cx.error(
                path,
                format!("an envelope has one to three levels, found {}", items.len()),
            )
            .help(HELP);
            return None;
        }
        other => {
            cx.error(
                path,
                format!("`levels` must be a list, found {}", kind(other)),
            )
            .help(HELP);
            return None;
        }
    };
    let mut levels = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        if let Some(map) = Map::new(cx, item, &at, &LEVEL_KEYS, "a level of the envelope") {
            levels.extend(level(cx, &map));
        }
    }
    (levels.len() == items.len()).then_some(levels)
}

/// `json`, `xml` or `auto`.
fn format(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Format> {
    match value.as_str() {
        Some("json") => Some(Format::Json),
        Some("xml") => Some(Format::Xml),
        Some("auto") => Some(Format::Auto),
        _ => {
            cx.error(path, format!("the format must be `json`, `xml` or `auto`, found {}", kind(value)))
                .help("write `format: xml` for a platform that answers in XML (errcodes feature `xml`), `format: auto` for one that answers in either (a body that starts with `<` is read as XML)");
            None
        }
    }
}

/// One level of the envelope, from `map`: the whole envelope, or an item of its `levels`.
fn level(cx: &mut Ctxt, map: &Map<'_>) -> Option<Envelope> {
    let path = map.path().clone();
    let code_paths = map
        .value(cx, "code", Need::Required)
        .and_then(|value| response_paths(cx, &path.key("code"), value, "code"));
    let mut optional = |key: &str, what: &str| {
        map.get(key)
            .and_then(|value| response_paths(cx, &path.key(key), value, what))
            .unwrap_or_default()
    };
    let message = optional("message", "message");
    let sub_code = optional("sub_code", "sub-code");
    let sub_message = optional("sub_message", "sub-message");
    let request_id = optional("request_id", "request id");
    let success_without_code = map.bool(cx, "success_without_code").unwrap_or(false);
    let success_empty = map.bool(cx, "success_empty").unwrap_or(false);
    let success_message = match map.get("success_message") {
        None => Some(Vec::new()),
        Some(value) => success_messages(cx, &path.key("success_message"), value),
    };
    if map.get("success_message").is_some() && !success_without_code {
        cx.error(
            &path.key("success_message"),
            "`success_message` has no effect without `success_without_code: true`",
        )
        .help("a response without a code is a success only where the envelope says `success_without_code: true`: add it, or remove `success_message`");
    }
    let success = match map.get("success") {
        None => Vec::new(),
        Some(Value::Sequence(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| code(cx, &path.key("success").index(i), item))
            .collect(),
        Some(other) => code(cx, &path.key("success"), other).into_iter().collect(),
    };
    Some(Envelope {
        code: code_paths.unwrap_or_default(),
        message,
        sub_code,
        sub_message,
        request_id,
        success,
        success_without_code,
        success_message: success_message?,
        status_led: false,
        success_empty,
        format: Format::Json,
        next: Vec::new(),
        path,
    })
}

/// `error.code`, or a list of such paths tried in order.
pub(super) fn response_paths(
    cx: &mut Ctxt,
    path: &Path,
    value: &Value,
    what: &str,
) -> Option<Vec<Vec<String>>> {
    const HELP: &str = "write the keys that lead to the value, joined by `.`: `errcode`, `error.code`, `*.result.error_code` (`*` is any key), `errors[].code` (`[]` after a key: the items of a list), `data@json.code` (`@json` after a key: its string value read as JSON text); or a list of such paths, tried in order";
    if matches!(value, Value::Sequence(items) if items.is_empty()) {
        cx.error(path, format!("the list of {what} paths is empty"))
            .help(HELP);
        return None;
    }
    let items = items(path, value);
    let mut ok = true;
    let mut paths = Vec::new();
    for (at, item) in items {
        let Value::String(text) = item else {
            cx.error(
                &at,
                format!("a {what} path must be text, found {}", kind(item)),
            )
            .help(HELP);
            ok = false;
            continue;
        };
        let keys = split_keys(text);
        let problem = match &keys {
            Err(problem) => Some(problem.clone()),
            Ok(keys) => key_problem(what, text, keys),
        };
        match (problem, keys) {
            (None, Ok(keys)) => paths.push(keys),
            (problem, _) => {
                cx.error(&at, problem.unwrap_or_default()).help(HELP);
                ok = false;
            }
        }
    }
    ok.then_some(paths)
}

/// What is wrong with a path's keys, if anything.
fn key_problem(what: &str, text: &str, keys: &[String]) -> Option<String> {
    if keys.iter().any(String::is_empty) {
        Some(format!("the {what} path `{text}` has an empty key"))
    } else if let Some(key) = keys.iter().find(|key| key.trim() != key.as_str()) {
        Some(format!("the key `{key}` in `{text}` has spaces around it"))
    } else {
        keys.iter()
            .find(|key| key.contains('*') && key.as_str() != "*")
            .map(|key| format!("`*` stands for a whole key, but `{text}` has `{key}`"))
    }
}

/// A path's keys: split at `.`, a key that ends in `[]` (`errors[]`) followed by
/// [`ITEMS`], the key of a list's items, one that ends in `@json` (`data@json`) by
/// [`JSON_TEXT`], the key of the document a string holds as text; or what is wrong with a
/// `[`, `]` or `@` in it.
fn split_keys(text: &str) -> Result<Vec<String>, String> {
    let mut keys = Vec::new();
    for key in text.split('.') {
        let (rest, json) = match key.strip_suffix(JSON_TEXT) {
            Some(rest) => (rest, true),
            None => (key, false),
        };
        let (name, list) = match rest.strip_suffix(ITEMS) {
            Some(name) => (name, true),
            None => (rest, false),
        };
        if list && name.is_empty() {
            return Err(format!(
                "`[]` in `{text}` follows no key: write it after the key of the list, as in `errors[].code`"
            ));
        }
        if name.contains(['[', ']']) {
            return Err(format!(
                "`{key}` in `{text}` is no key: `[]` after a key stands for each item of a list (`errors[].code`); an index such as `[0]` is not supported, the first item is the one classified"
            ));
        }
        if name.contains('@') {
            return Err(format!(
                "`{key}` in `{text}` is no key: `@` starts a suffix, and the only one is `@json`, written right after a key (or its `[]`) whose value is a string holding JSON text, as in `data@json.code`"
            ));
        }
        if json && name.is_empty() {
            return Err(format!(
                "`@json` in `{text}` follows no key: write it after the key whose value is a string holding JSON text, as in `data@json.code`"
            ));
        }
        keys.push(name.to_owned());
        keys.extend(list.then(|| ITEMS.to_owned()));
        keys.extend(json.then(|| JSON_TEXT.to_owned()));
    }
    if keys.last().is_some_and(|key| key == JSON_TEXT) {
        return Err(format!(
            "`{text}` ends in `@json`: the path must go on to a key of the document the text holds, as in `data@json.code`"
        ));
    }
    Ok(keys)
}

/// `ok`, or a list of such texts: the messages a response without a code may carry and still
/// be a success.
fn success_messages(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Vec<String>> {
    const HELP: &str = "write the message the platform's successful responses carry, as text: `success_message: [ok]`; a response without a code and with any other message is an error";
    let mut ok = true;
    let mut messages = Vec::new();
    for (at, item) in items(path, value) {
        let (problem, help) = match item {
            Value::String(text) if text.trim().is_empty() => (
                "a success message cannot be empty: an empty message counts as none".to_owned(),
                HELP,
            ),
            Value::String(text) if text.trim() != text => (
                format!("the success message `{text}` has spaces around it; messages are compared trimmed"),
                HELP,
            ),
            Value::String(text) => {
                messages.push(text.clone());
                continue;
            }
            other => (
                format!("a success message must be text, found {}", kind(other)),
                "put the message in quotes",
            ),
        };
        cx.error(&at, problem).help(help);
        ok = false;
    }
    ok.then_some(messages)
}

/// The items of a list, or a single value as a list of one, each with where it is.
fn items<'v>(path: &Path, value: &'v Value) -> Vec<(Path, &'v Value)> {
    match value {
        Value::Sequence(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (path.index(i), item))
            .collect(),
        other => vec![(path.clone(), other)],
    }
}
