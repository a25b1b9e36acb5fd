//! Bytes and `serde_json::Value` read one way. proptest writes JSON text itself, so that its
//! objects keep their keys unsorted and repeated; keys are often the envelopes' own (some
//! written with escapes), or stand for a `*`; codes, messages, sub-codes and request ids of
//! every type, `null` included, sit at random places along the envelopes' paths. For every
//! shipped enum, and for a spec with more paths than the one-pass reader follows,
//! `from_response` of the bytes gives what it gives for the text parsed into a `Value`
//! first, and what it gives for a body holding only what this file's own reading of the
//! rule (`specs/README.md`, Responses) finds:
//!
//! - a repeated key: the last wins (as serde_json builds a `Value`);
//! - `*`: the least matching key, in byte order, whose value is not null;
//! - of a slot's paths, the first that leads to a value that is not null, else to null.
//!
//! serde_json's `preserve_order` changes the order of a `Value`'s keys; the rule does not
//! depend on it. CI runs this file with and without it.

use std::fmt::Write as _;
use std::sync::LazyLock;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_global::TiktokGlobalError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::top_gateway::TopGatewayError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_global::WechatGlobalError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::response::{ResponseError, ResponseErrorKind};
use errcodes::{ApiError, FromResponse};
use proptest::prelude::*;
use serde_json::{json, Value};

mod envelopes;

use envelopes::{envelope, envelope_in, put_at, Envelope, Keys};

errcodes::platform_errors!("tests/envelopes/wide.yaml");
errcodes::platform_errors!("tests/envelopes/status_led.yaml");
errcodes::platform_errors!("tests/envelopes/success_empty.yaml");
errcodes::platform_errors!("tests/envelopes/error_lists.yaml");
errcodes::platform_errors!("tests/envelopes/levels.yaml");
errcodes::platform_errors!("tests/envelopes/json_text.yaml");

/// The envelopes read here, in the order [`agree`] is called for them.
static ENVELOPES: LazyLock<Vec<Envelope>> = LazyLock::new(|| {
    vec![
        envelope::<AliexpressError>(),
        envelope::<TiktokGlobalError>(),
        envelope::<TiktokLocalServicesError>(),
        envelope::<TopGatewayError>(),
        envelope::<WangdiantongError>(),
        envelope::<WechatGlobalError>(),
        envelope::<WechatShopError>(),
        envelope::<WechatTransactionError>(),
        envelope_in("tests/envelopes/wide.yaml"),
        envelope_in("tests/envelopes/status_led.yaml"),
        envelope_in("tests/envelopes/success_empty.yaml"),
        envelope_in("tests/envelopes/error_lists.yaml"),
        envelope_in("tests/envelopes/levels.yaml"),
        envelope_in("tests/envelopes/json_text.yaml"),
    ]
});

/// The keys that stand for a `*`: a few, so that several objects match one.
const STARS: [&str; 3] = ["b_response", "a_response", "c_response"];

/// Every key of every envelope's paths, but `*`, and the keys that stand for it.
static KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut keys: Vec<String> = ENVELOPES
        .iter()
        .flat_map(Envelope::levels)
        .flat_map(|envelope| envelope.slots().into_iter().flatten().flatten().cloned())
        .filter(|key| key != "*" && key != "[]" && key != "@json")
        .chain(STARS.map(str::to_owned))
        .collect();
    keys.sort();
    keys.dedup();
    keys
});

/// A JSON document as written: objects keep their keys' order and repeats.
#[derive(Clone, Debug)]
enum Doc {
    Scalar(Value),
    /// Text written as it is: a token that may be no JSON.
    Raw(&'static str),
    List(Vec<Doc>),
    Object(Vec<(String, Doc)>),
    /// A document written as the text of a string (`data@json.code`).
    Text(Box<Doc>),
}

impl Doc {
    /// Sets `value` at `path` (`*` as `star`): through the last entry of a key, or, with
    /// `repeat`, a new entry of the same key after the others.
    fn put(&mut self, path: &[String], star: &str, repeat: bool, value: Doc) {
        let Some((key, rest)) = path.split_first() else {
            *self = value;
            return;
        };
        // JSON text: the rest of the path is put in the document the string holds.
        if key == "@json" {
            if !matches!(self, Doc::Text(_)) {
                *self = Doc::Text(Box::new(Doc::Object(Vec::new())));
            }
            if let Doc::Text(inner) = self {
                inner.put(rest, star, repeat, value);
            }
            return;
        }
        // A list's items: with `repeat`, a new one after the others.
        if key == "[]" {
            if !matches!(self, Doc::List(_)) {
                *self = Doc::List(Vec::new());
            }
            let Doc::List(items) = self else {
                return;
            };
            if repeat || items.is_empty() {
                items.push(Doc::Object(Vec::new()));
            }
            if let Some(last) = items.last_mut() {
                last.put(rest, star, repeat, value);
            }
            return;
        }
        let key = if key == "*" { star } else { key };
        if !matches!(self, Doc::Object(_)) {
            *self = Doc::Object(Vec::new());
        }
        let Doc::Object(entries) = self else {
            return;
        };
        let at = match entries.iter().rposition(|(k, _)| k == key) {
            Some(at) if !repeat => at,
            _ => {
                entries.push((key.to_owned(), Doc::Object(Vec::new())));
                entries.len() - 1
            }
        };
        entries[at].1.put(rest, star, repeat, value);
    }

    /// The document as JSON text; keys whose first char is a letter are written with a
    /// `\u` escape where `escape` says.
    fn write(&self, out: &mut String, escape: &mut impl FnMut() -> bool) {
        match self {
            Doc::Scalar(value) => out.push_str(&value.to_string()),
            Doc::Raw(raw) => out.push_str(raw),
            Doc::Text(inner) => {
                let mut text = String::new();
                inner.write(&mut text, escape);
                out.push_str(&json!(text).to_string());
            }
            Doc::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out, escape);
                }
                out.push(']');
            }
            Doc::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let quoted = json!(key).to_string();
                    match key.chars().next() {
                        Some(first) if first.is_ascii_alphabetic() && escape() => {
                            write!(out, "\"\\u{:04x}{}", u32::from(first), &quoted[2..])
                                .expect("write");
                        }
                        _ => out.push_str(&quoted),
                    }
                    out.push(':');
                    value.write(out, escape);
                }
                out.push('}');
            }
        }
    }
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS.as_slice()),
        1 => "[a-z_]{1,8}",
        1 => any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ok".to_owned()),
        Just(" ok ".to_owned()),
        Just(String::new()),
        Just("0".to_owned()),
        Just(" 45009 ".to_owned()),
        Just("-3000109".to_owned()),
        Just("F00-00-10013-002".to_owned()),
        Just("isp.top-remote-connection-timeout".to_owned()),
        Just("system error".to_owned()),
        Just("超过每分钟最大调用频率限制，请稍后重试".to_owned()),
        Just("reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea".to_owned()),
        any::<String>(),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        2 => prop::sample::select(vec![0i64, 1, 7, 15, 100, -999, 40001, 45009, -3_000_109])
            .prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        4 => text().prop_map(Value::from),
    ]
}

fn doc() -> impl Strategy<Value = Doc> {
    scalar()
        .prop_map(Doc::Scalar)
        .prop_recursive(4, 24, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Doc::List),
                prop::collection::vec((key(), inner), 0..5).prop_map(Doc::Object),
            ]
        })
}

/// A random object with values put along the envelopes' paths, some of them again under a
/// repeated key; and which keys to write with an escape.
fn doc_and_escapes() -> impl Strategy<Value = (Doc, Vec<bool>)> {
    // Which envelope, slot (the code most often) and path, the key that stands for `*`,
    // whether to repeat the key, and the value.
    let star = || prop::sample::select(STARS.as_slice()).prop_map(str::to_owned);
    let placed = (
        any::<prop::sample::Index>(),
        prop_oneof![2 => Just(0), 1 => 0..5usize],
        any::<prop::sample::Index>(),
        prop_oneof![3 => star(), 1 => key()],
        prop::bool::weighted(0.25),
        prop_oneof![3 => scalar().prop_map(Doc::Scalar), 1 => doc()],
    );
    (
        prop::collection::vec((key(), doc()), 0..5),
        prop::collection::vec(placed, 0..10),
        prop::collection::vec((prop_oneof![star(), key()], doc()), 0..3),
        prop::collection::vec(any::<bool>(), 1..8),
        // A list of errors, each with a code and a message.
        prop::option::weighted(
            0.3,
            prop::collection::vec(
                (
                    prop_oneof![3 => text().prop_map(Value::from), 1 => scalar()],
                    scalar(),
                ),
                1..4,
            ),
        ),
    )
        .prop_map(|(entries, placed, after, escapes, errors)| {
            let mut body = Doc::Object(entries);
            for (envelope, slot, alt, star, repeat, value) in placed {
                let levels: Vec<_> = ENVELOPES[envelope.index(ENVELOPES.len())]
                    .levels()
                    .collect();
                let paths = levels[alt.index(levels.len())].slots()[slot];
                if !paths.is_empty() {
                    body.put(&paths[alt.index(paths.len())], &star, repeat, value);
                }
            }
            // Keys after the paths' values, which may repeat theirs with something else.
            if let Doc::Object(entries) = &mut body {
                entries.extend(after);
                let item = |(code, message)| {
                    Doc::Object(vec![
                        ("code".to_owned(), Doc::Scalar(code)),
                        ("message".to_owned(), Doc::Scalar(message)),
                    ])
                };
                if let Some(errors) = errors {
                    let items = errors.into_iter().map(item).collect();
                    entries.push(("errors".to_owned(), Doc::List(items)));
                }
            }
            (body, escapes)
        })
}

fn written((doc, escapes): &(Doc, Vec<bool>)) -> String {
    let mut escapes = escapes.iter().copied().cycle();
    let mut text = String::new();
    doc.write(&mut text, &mut || escapes.next().unwrap_or(false));
    text
}

fn body() -> impl Strategy<Value = String> {
    doc_and_escapes().prop_map(|(mut doc, escapes)| {
        whole_numbers_in_text(&mut doc, false);
        written(&(doc, escapes))
    })
}

/// Where `path` leads in `value`, by the rule, `[]` taking a list's item `item` and `@json`
/// the document a string's text is: the keys to it and what is there.
fn find(value: &Value, path: &[String], item: usize) -> Option<(Keys, Value)> {
    let Some((want, rest)) = path.split_first() else {
        return Some((Vec::new(), value.clone()));
    };
    if want == "[]" || want == "@json" {
        let inner = if want == "[]" {
            value.as_array()?.get(item)?.clone()
        } else {
            serde_json::from_str(value.as_str()?).ok()?
        };
        let (mut keys, found) = find(&inner, rest, item)?;
        keys.insert(0, want.clone());
        return Some((keys, found));
    }
    let object = value.as_object()?;
    let mut matches: Vec<(Keys, Value)> = object
        .iter()
        .filter(|(key, _)| want == "*" || want == *key)
        .filter_map(|(key, inner)| {
            let (mut keys, found) = find(inner, rest, item)?;
            keys.insert(0, key.clone());
            Some((keys, found))
        })
        .collect();
    // Not null before null, then the least key: whatever the map's order.
    matches.sort_by(|(a, x), (b, y)| (x.is_null(), a).cmp(&(y.is_null(), b)));
    matches.into_iter().next()
}

/// A body holding only what the envelope's paths find in `body`, each where it was found
/// (in each item of a list the paths go through).
fn found_by_paths(envelope: &Envelope, body: &Value) -> Value {
    let mut found_only = json!({});
    // More items than a generated list has.
    for (item, paths) in (0..16).flat_map(|item| {
        envelope
            .levels()
            .flat_map(move |level| level.slots().map(|paths| (item, paths)))
    }) {
        {
            let found: Vec<_> = paths
                .iter()
                .filter_map(|path| find(body, path, item))
                .collect();
            let chosen = found
                .iter()
                .find(|(_, value)| !value.is_null())
                .or(found.first());
            if let Some((keys, value)) = chosen {
                put_at(&mut found_only, keys, value.clone(), item);
            }
        }
    }
    found_only
}

type Outcome<E> = Result<Option<ApiError<E>>, (ResponseErrorKind, Option<&'static str>)>;

fn outcome<E>(read: Result<Option<ApiError<E>>, ResponseError>) -> Outcome<E> {
    read.map_err(|error| (error.kind(), error.path()))
}

/// `E`'s read of `body` as bytes, as a `Value`, and of what the rule finds there.
fn agree<E: FromResponse>(envelope: &Envelope, body: &str) -> Result<(), TestCaseError> {
    let value: Value =
        serde_json::from_str(body).map_err(|error| TestCaseError::fail(error.to_string()))?;
    let bytes = outcome(E::from_response(body.as_bytes()));
    prop_assert_eq!(
        &bytes,
        &outcome(E::from_response(&value)),
        "{}: bytes and Value of {}",
        E::PLATFORM,
        body
    );
    let found = found_by_paths(envelope, &value);
    prop_assert_eq!(
        &bytes,
        &outcome(E::from_response(&found)),
        "{}: bytes of {} and the rule's {}",
        E::PLATFORM,
        body,
        found
    );
    Ok(())
}

proptest! {
    #[test]
    fn bytes_and_values_read_one_way(body in body()) {
        let envelopes = &*ENVELOPES;
        agree::<AliexpressError>(&envelopes[0], &body)?;
        agree::<TiktokGlobalError>(&envelopes[1], &body)?;
        agree::<TiktokLocalServicesError>(&envelopes[2], &body)?;
        agree::<TopGatewayError>(&envelopes[3], &body)?;
        agree::<WangdiantongError>(&envelopes[4], &body)?;
        agree::<WechatGlobalError>(&envelopes[5], &body)?;
        agree::<WechatShopError>(&envelopes[6], &body)?;
        agree::<WechatTransactionError>(&envelopes[7], &body)?;
        agree::<WideError>(&envelopes[8], &body)?;
        agree::<StatusLedError>(&envelopes[9], &body)?;
        agree::<SuccessEmptyError>(&envelopes[10], &body)?;
        agree::<ErrorListsError>(&envelopes[11], &body)?;
        agree::<LevelsError>(&envelopes[12], &body)?;
        agree::<JsonTextError>(&envelopes[13], &body)?;
    }
}

/// What a document's objects show: a repeated key, keys out of byte order, an escaped key,
/// a null, an object in an object.
fn shows(doc: &Doc, text: &str) -> [bool; 5] {
    fn objects<'d>(doc: &'d Doc, all: &mut Vec<&'d [(String, Doc)]>) {
        match doc {
            Doc::Scalar(_) | Doc::Raw(_) => {}
            Doc::Text(inner) => objects(inner, all),
            Doc::List(items) => items.iter().for_each(|item| objects(item, all)),
            Doc::Object(entries) => {
                all.push(entries);
                entries.iter().for_each(|(_, value)| objects(value, all));
            }
        }
    }
    let mut all = Vec::new();
    objects(doc, &mut all);
    let keys = |entries: &[(String, Doc)]| {
        entries
            .iter()
            .map(|(key, _)| key.clone())
            .collect::<Vec<_>>()
    };
    let repeated = all.iter().any(|entries| {
        let mut sorted = keys(entries);
        sorted.sort();
        sorted.windows(2).any(|pair| pair[0] == pair[1])
    });
    let unsorted = all
        .iter()
        .any(|entries| keys(entries).windows(2).any(|pair| pair[0] > pair[1]));
    [
        repeated,
        unsorted,
        text.contains("\\u00"),
        text.contains(":null"),
        all.len() > 2,
    ]
}

#[test]
fn the_generated_bodies_repeat_keys_unsorted_escaped_null_and_nested() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let mut counts = [0; 5];
    for _ in 0..200 {
        let doc = doc_and_escapes()
            .new_tree(&mut runner)
            .expect("a body")
            .current();
        for (count, shown) in counts.iter_mut().zip(shows(&doc.0, &written(&doc))) {
            *count += usize::from(shown);
        }
    }
    assert!(counts.iter().all(|&count| count > 20), "{counts:?}");
}

/// The bodies reach lists of errors: some read as an error with others after it.
#[test]
fn the_generated_bodies_list_several_errors() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let mut several = 0;
    for _ in 0..400 {
        let doc = doc_and_escapes()
            .new_tree(&mut runner)
            .expect("a body")
            .current();
        let read = ErrorListsError::from_response(written(&doc).as_bytes());
        several +=
            usize::from(read.is_ok_and(|error| error.is_some_and(|e| !e.others().is_empty())));
    }
    assert!(several > 5, "{several}");
}

/// `doc` with its top-level `code` the platform's success, `"0"`, so that the level inside
/// JSON text is read.
fn platform_success((mut doc, escapes): (Doc, Vec<bool>)) -> (Doc, Vec<bool>) {
    if let Doc::Object(entries) = &mut doc {
        entries.retain(|(key, _)| key != "code");
        entries.push(("code".to_owned(), Doc::Scalar(json!("0"))));
    }
    whole_numbers_in_text(&mut doc, false);
    (doc, escapes)
}

/// Inside JSON text, a fraction becomes its whole part. Without its `float_roundtrip`
/// feature serde_json may read a float's digits one ulp off; the rule parses JSON text and
/// writes it again before the reader parses it, so a float there could differ by that ulp
/// between the rule's document and the body, which is no difference of the readers.
fn whole_numbers_in_text(doc: &mut Doc, in_text: bool) {
    match doc {
        Doc::Scalar(value) if in_text && value.is_f64() => {
            #[allow(clippy::cast_possible_truncation)] // saturates, which is what a test wants
            let whole = value.as_f64().map_or(0, |float| float as i64);
            *value = json!(whole);
        }
        Doc::Scalar(_) | Doc::Raw(_) => {}
        Doc::Text(inner) => whole_numbers_in_text(inner, true),
        Doc::List(items) => items
            .iter_mut()
            .for_each(|item| whole_numbers_in_text(item, in_text)),
        Doc::Object(entries) => entries
            .iter_mut()
            .for_each(|(_, value)| whole_numbers_in_text(value, in_text)),
    }
}

proptest! {
    #[test]
    fn bytes_and_values_read_json_text_one_way(doc in doc_and_escapes().prop_map(platform_success)) {
        agree::<JsonTextError>(&ENVELOPES[13], &written(&doc))?;
    }
}

/// The generated bodies reach into JSON text: some read as an error of the level inside
/// the text of `data` (or a `*`'s), some as a success there.
#[test]
fn the_generated_bodies_hold_codes_inside_json_text() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let (mut inner_errors, mut successes) = (0, 0);
    for _ in 0..400 {
        let doc = doc_and_escapes()
            .new_tree(&mut runner)
            .expect("a body")
            .current();
        match JsonTextError::from_response(written(&platform_success(doc)).as_bytes()) {
            Ok(Some(error)) if error.level() == 1 => inner_errors += 1,
            Ok(None) => successes += 1,
            _ => {}
        }
    }
    assert!(inner_errors > 5, "{inner_errors}");
    assert!(successes > 0, "{successes}");
}

/// Tokens at the edges of JSON's grammar, valid and not, as serde_json has them.
const EDGES: &[&str] = &[
    "01",
    "-01",
    "1.",
    ".5",
    "-",
    "+1",
    "1e",
    "1e+",
    "1E400",
    "-0",
    "0.0",
    "1e-7",
    "-1.5E+3",
    "123456789012345678",
    "1234567890123456789",
    "99999999999999999999",
    "-9223372036854775808",
    "tru",
    "nul",
    "True",
    "NaN",
    "Infinity",
    r#""\x""#,
    r#""\u12G4""#,
    r#""\u00e9""#,
    r#""\uD800""#,
    r#""\ud83d\ude00""#,
    r#""\/\b\f\n\r\t\"\\""#,
    "\"a\u{1}b\"",
    "\"a\tb\"",
    "\"\u{7f}\"",
    "[1,]",
    "[,1]",
    "[]",
    "{}",
    r#"{"a":1,}"#,
    r#"{"a" 1}"#,
    "{,}",
    r#"{"a":}"#,
    "1 2",
    "[1 2]",
    r#"{"\u0065rrcode":1}"#,
    "\"",
    "[",
    "{",
    "]",
    "}",
];

/// A body with mistakes of the kind a truncated, mangled or non-JSON response has: tokens
/// at the edges of the grammar in its values, something after it, and one byte cut short,
/// dropped, or put in or over another (one of JSON's own, a control char, or a byte no
/// UTF-8 text has).
fn mangled() -> impl Strategy<Value = Vec<u8>> {
    let edge = prop::sample::select(EDGES).prop_map(Doc::Raw);
    let byte = prop::sample::select(
        b"{}[]\":,\\ \t\n0123456789-+.eEtrufalsn/u\x00\x1f\x7f\xff\xc3".to_vec(),
    );
    let edges = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            edge,
        ),
        0..4,
    );
    let after =
        prop_oneof![4 => Just(""), 1 => prop::sample::select(vec![" ", "x", "}", " {}", "\u{0}"])];
    (
        doc_and_escapes(),
        edges,
        after,
        any::<prop::sample::Index>(),
        0..5u8,
        byte,
    )
        .prop_map(|((mut doc, escapes), edges, after, at, how, byte)| {
            for (envelope, slot, alt, token) in edges {
                let paths = ENVELOPES[envelope.index(ENVELOPES.len())].slots()[slot.index(5)];
                if !paths.is_empty() {
                    doc.put(&paths[alt.index(paths.len())], STARS[0], false, token);
                }
            }
            let mut bytes = written(&(doc, escapes)).into_bytes();
            bytes.extend_from_slice(after.as_bytes());
            let at = at.index(bytes.len() + 1);
            match how {
                0 => bytes.truncate(at),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 if at < bytes.len() => bytes[at] = byte,
                3 => bytes.insert(at, byte),
                _ => {}
            }
            bytes
        })
}

/// What serde_json rejects is no response, and what it reads as a `Value` reads as that
/// `Value` does; the one-pass scan neither accepts nor reads anything else. Bytes that no
/// `Value` holds but serde_json skips (text that is not UTF-8 where no path goes) read as
/// their paths say, as serde_json's own `IgnoredAny` reads them.
fn mangled_reads_as_serde_json_does<E: FromResponse>(bytes: &[u8]) -> Result<(), TestCaseError> {
    let read = outcome(E::from_response(bytes));
    if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_err() {
        prop_assert_eq!(
            read.as_ref().err(),
            Some(&(ResponseErrorKind::NotJson, None))
        );
    }
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        prop_assert_eq!(&read, &outcome(E::from_response(&value)), "{}", E::PLATFORM);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn what_serde_json_rejects_is_not_json(bytes in mangled()) {
        mangled_reads_as_serde_json_does::<AliexpressError>(&bytes)?;
        mangled_reads_as_serde_json_does::<TiktokGlobalError>(&bytes)?;
        mangled_reads_as_serde_json_does::<TiktokLocalServicesError>(&bytes)?;
        mangled_reads_as_serde_json_does::<TopGatewayError>(&bytes)?;
        mangled_reads_as_serde_json_does::<WangdiantongError>(&bytes)?;
        mangled_reads_as_serde_json_does::<WechatGlobalError>(&bytes)?;
        mangled_reads_as_serde_json_does::<WechatShopError>(&bytes)?;
        mangled_reads_as_serde_json_does::<WechatTransactionError>(&bytes)?;
        mangled_reads_as_serde_json_does::<WideError>(&bytes)?;
    }
}
