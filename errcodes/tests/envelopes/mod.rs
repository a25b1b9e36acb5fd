//! The shipped specs' envelopes, read from their YAML without the macro, and bodies built
//! along their paths: the oracle of the response tests.

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::Path;

use errcodes::Catalog;
use serde_json::{Map, Value};

/// A path as its keys; `*` is any key.
pub type Keys = Vec<String>;

/// An envelope as the spec declares it.
pub struct Envelope {
    pub code: Vec<Keys>,
    pub message: Vec<Keys>,
    pub sub_code: Vec<Keys>,
    pub sub_message: Vec<Keys>,
    pub request_id: Vec<Keys>,
    pub success: Vec<Value>,
    pub success_without_code: bool,
    pub success_message: Vec<String>,
    pub status_led: bool,
    pub success_empty: bool,
    /// The levels after this one.
    pub next: Vec<Envelope>,
}

impl Envelope {
    /// This level and those after it.
    pub fn levels(&self) -> impl Iterator<Item = &Envelope> {
        std::iter::once(self).chain(&self.next)
    }

    /// The paths of each value the envelope names.
    pub fn slots(&self) -> [&[Keys]; 5] {
        [
            &self.code,
            &self.message,
            &self.sub_code,
            &self.sub_message,
            &self.request_id,
        ]
    }
}

/// The envelope of `E`'s spec, `specs/<platform>.yaml`.
pub fn envelope<E: Catalog>() -> Envelope {
    envelope_in(&format!("specs/{}.yaml", E::PLATFORM))
}

/// The envelope of the spec at `file`, relative to this crate.
pub fn envelope_in(file: &str) -> Envelope {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&file).expect("read the spec");
    let spec: serde_yaml::Value = serde_yaml::from_str(&text).expect("the spec is YAML");
    let envelope = &spec["envelope"];
    let Some(levels) = envelope["levels"].as_sequence() else {
        return level(envelope);
    };
    let mut levels: Vec<Envelope> = levels.iter().map(level).collect();
    let mut first = levels.remove(0);
    first.status_led = envelope["status_led"].as_bool() == Some(true);
    first.next = levels;
    first
}

/// One level of an envelope: the whole envelope, or an item of its `levels`.
fn level(envelope: &serde_yaml::Value) -> Envelope {
    let list = |key: &str| -> Vec<serde_yaml::Value> {
        match &envelope[key] {
            serde_yaml::Value::Null => Vec::new(),
            serde_yaml::Value::Sequence(items) => items.clone(),
            single => vec![single.clone()],
        }
    };
    let paths = |key: &str| -> Vec<Keys> {
        list(key)
            .iter()
            .map(|path| keys(path.as_str().expect("a path is text")))
            .collect()
    };
    Envelope {
        code: paths("code"),
        message: paths("message"),
        sub_code: paths("sub_code"),
        sub_message: paths("sub_message"),
        request_id: paths("request_id"),
        success: list("success")
            .iter()
            .map(|code| serde_json::to_value(code).expect("a code"))
            .collect(),
        success_without_code: envelope["success_without_code"].as_bool() == Some(true),
        success_message: list("success_message")
            .iter()
            .map(|message| message.as_str().expect("a message is text").to_owned())
            .collect(),
        status_led: envelope["status_led"].as_bool() == Some(true),
        success_empty: envelope["success_empty"].as_bool() == Some(true),
        next: Vec::new(),
    }
}

/// A path's keys: `errors[].code` is `errors`, `[]`, `code`; `data@json.code` is `data`,
/// `@json`, `code`.
pub fn keys(path: &str) -> Keys {
    let mut keys = Vec::new();
    for key in path.split('.') {
        let (key, json) = match key.strip_suffix("@json") {
            Some(key) => (key, true),
            None => (key, false),
        };
        push_key(&mut keys, key);
        if json {
            keys.push("@json".to_owned());
        }
    }
    keys
}

fn push_key(keys: &mut Keys, key: &str) {
    match key.strip_suffix("[]") {
        Some(list) if !list.is_empty() => keys.extend([list.to_owned(), "[]".to_owned()]),
        _ => keys.push(key.to_owned()),
    }
}

/// A path as the spec writes it.
pub fn text(path: &[String]) -> String {
    path.join(".")
        .replace(".[]", "[]")
        .replace(".@json", "@json")
}

/// The key a platform puts where a path says `*`: AliExpress names the object after the
/// method called.
pub const METHOD: &str = "aliexpress_solution_order_fulfill_response";

/// Sets `value` at `path` in `body`, with `*` as [`METHOD`] and `[]` as a list's first
/// item, making objects and lists on the way.
pub fn put(body: &mut Value, path: &[String], value: Value) {
    put_at(body, path, value, 0);
}

/// [`put`], with `[]` as a list's item `item` (the list grown with nulls to have it).
pub fn put_at(body: &mut Value, path: &[String], value: Value, item: usize) {
    let mut at = body;
    for (depth, key) in path.iter().enumerate() {
        // JSON text: the rest is put in the document the string holds (an empty object
        // where it holds none), written back as text; a text that already says so is kept
        // as written, since another path may lead to the string itself.
        if key == "@json" {
            let before: Option<Value> = at
                .as_str()
                .and_then(|text| serde_json::from_str(text).ok())
                .filter(Value::is_object);
            let mut inner = before.clone().unwrap_or_else(|| Value::Object(Map::new()));
            put_at(&mut inner, &path[depth + 1..], value, item);
            if before.as_ref() != Some(&inner) {
                *at = Value::String(inner.to_string());
            }
            return;
        }
        if key == "[]" {
            if !at.is_array() {
                *at = Value::Array(Vec::new());
            }
            let items = at.as_array_mut().expect("a list");
            if items.len() <= item {
                items.resize(item + 1, Value::Null);
            }
            at = &mut items[item];
            continue;
        }
        let key = if key == "*" { METHOD } else { key };
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        at = at
            .as_object_mut()
            .expect("an object")
            .entry(key)
            .or_insert(Value::Null);
    }
    *at = value;
}

/// A line of `tests/fixtures/responses/kinds/<file>.jsonl`: real bodies of the envelope
/// kinds, each with its source and what it reads as.
pub struct Line {
    pub at: String,
    pub status: Option<u16>,
    pub body: String,
    /// `"success"`, or `{code, variant (a name, or null for Unknown), level}`, or
    /// `{kind}` for a body that is no answer.
    pub expect: Value,
}

/// The lines of corpus `file`, each citing its source.
pub fn corpus(file: &str) -> Vec<Line> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/responses/kinds")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("read the corpus");
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let at = format!("{file}:{}", i + 1);
            let value: Value = serde_json::from_str(line).expect("a JSON line");
            assert!(
                value["source"].as_str().is_some_and(|s| !s.is_empty()),
                "{at}: a source"
            );
            Line {
                status: value["status"].as_u64().and_then(|s| u16::try_from(s).ok()),
                body: value["body"].as_str().expect("a body").to_owned(),
                expect: value["expect"].clone(),
                at,
            }
        })
        .collect()
}

/// Checks each line of corpus `file` against `E`.
pub fn check_corpus<E: errcodes::FromResponse>(file: &str) {
    use errcodes::PlatformError;
    let lines = corpus(file);
    assert!(!lines.is_empty(), "{file}");
    for line in lines {
        let read = match line.status {
            Some(status) => E::from_http(status, &line.body),
            None => E::from_response(&line.body),
        };
        let at = &line.at;
        match (&line.expect, read) {
            (Value::String(success), Ok(None)) if success == "success" => {}
            (expect, Ok(Some(error)))
                if expect["code"].is_null() && expect.get("code").is_some() =>
            {
                assert_eq!(error.code(), errcodes::Code::None, "{at}");
                assert!(expect["variant"].is_null(), "{at}");
                assert_eq!(
                    error.level() as u64,
                    expect["level"].as_u64().unwrap_or(0),
                    "{at}"
                );
            }
            (expect, Ok(Some(error))) if expect.get("code").is_some() => {
                assert_eq!(
                    error.code().to_string(),
                    expect["code"].as_str().unwrap_or_default(),
                    "{at}"
                );
                let name = expect["variant"].as_str().unwrap_or("Unknown");
                assert_eq!(PlatformError::name(&error), name, "{at}");
                let level = expect["level"].as_u64().unwrap_or(0);
                assert_eq!(error.level() as u64, level, "{at}");
            }
            (expect, Err(error)) if expect.get("kind").is_some() => {
                assert_eq!(
                    format!("{:?}", error.kind()),
                    expect["kind"].as_str().unwrap_or_default(),
                    "{at}"
                );
            }
            (expect, read) => panic!("{at}: expected {expect}, read {read:?}"),
        }
    }
}
