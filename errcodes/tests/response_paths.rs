//! The typed read of a response agrees with `serde_json::Value`: proptest writes random JSON
//! objects whose keys are often the envelopes' own, with codes, messages and request ids at
//! random places and of every type, and each shipped enum's `from_response` of the bytes
//! gives what it gives for a body holding only the values a `Value` lookup finds by the
//! envelope's paths (the first path that leads to a value that is not null, in document
//! order), and what it gives for the parsed `Value` itself.

use std::sync::LazyLock;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::response::{ResponseError, ResponseErrorKind};
use errcodes::{ApiError, Catalog};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

mod envelopes;

use envelopes::{envelope, put, Envelope};

/// The shipped envelopes, in the order [`agrees`] is called for them.
static ENVELOPES: LazyLock<[Envelope; 5]> = LazyLock::new(|| {
    [
        envelope::<AliexpressError>(),
        envelope::<TiktokLocalServicesError>(),
        envelope::<WangdiantongError>(),
        envelope::<WechatShopError>(),
        envelope::<WechatTransactionError>(),
    ]
});

/// Every key of every shipped envelope's paths, but `*`.
static PATH_KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut keys: Vec<String> = ENVELOPES
        .iter()
        .flat_map(|envelope| envelope.slots().into_iter().flatten().flatten().cloned())
        .filter(|key| key != "*")
        .collect();
    keys.sort();
    keys.dedup();
    keys
});

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PATH_KEYS.as_slice()),
        1 => "[a-z_]{1,8}",
        1 => any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ok".to_owned()),
        Just("0".to_owned()),
        Just(" 45009 ".to_owned()),
        Just("-3000109".to_owned()),
        Just("F00-00-10013-002".to_owned()),
        Just("超过每分钟最大调用频率限制，请稍后重试".to_owned()),
        Just("reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea".to_owned()),
        any::<String>(),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        prop::sample::select(vec![0i64, 1, 100, -999, 45009, 300_000, -3_000_109])
            .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..5)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A random object with values put at the envelopes' paths, written compact or pretty.
fn body() -> impl Strategy<Value = String> {
    // Which envelope, slot (the code most often) and path, the key that stands for `*` (a
    // few, so that several objects match it), and the value.
    let placed = (
        0..5usize,
        prop_oneof![2 => Just(0), 1 => 0..5usize],
        any::<prop::sample::Index>(),
        prop_oneof!["[a-c]_response", key()],
        prop_oneof![scalar(), value()],
    );
    (
        prop::collection::vec((key(), value()), 0..6),
        prop::collection::vec(placed, 0..12),
        any::<bool>(),
    )
        .prop_map(|(entries, placed, pretty)| {
            let mut body = Value::Object(entries.into_iter().collect());
            for (envelope, slot, alt, star, value) in placed {
                let paths = ENVELOPES[envelope].slots()[slot];
                if paths.is_empty() {
                    continue;
                }
                let path: Vec<String> = paths[alt.index(paths.len())]
                    .iter()
                    .map(|key| {
                        if key == "*" {
                            star.clone()
                        } else {
                            key.clone()
                        }
                    })
                    .collect();
                put(&mut body, &path, value);
            }
            let written = if pretty {
                serde_json::to_string_pretty(&body)
            } else {
                serde_json::to_string(&body)
            };
            written.expect("a JSON value")
        })
}

/// The first value at `path` that is not null, in document order, and the keys to it.
fn find<'v>(value: &'v Value, path: &[String]) -> Option<(Vec<String>, &'v Value)> {
    let Some((want, rest)) = path.split_first() else {
        return (!value.is_null()).then(|| (Vec::new(), value));
    };
    value.as_object()?.iter().find_map(|(key, inner)| {
        if want != "*" && want != key {
            return None;
        }
        let (mut keys, found) = find(inner, rest)?;
        keys.insert(0, key.clone());
        Some((keys, found))
    })
}

/// A body holding only what the envelope's paths find in `body`, each where it was found.
fn found_by_paths(envelope: &Envelope, body: &Value) -> Value {
    let mut canonical = json!({});
    for paths in envelope.slots() {
        if let Some((keys, found)) = paths.iter().find_map(|path| find(body, path)) {
            put(&mut canonical, &keys, found.clone());
        }
    }
    canonical
}

type Outcome<E> = Result<Option<ApiError<E>>, (ResponseErrorKind, Option<&'static str>)>;

fn outcome<E>(read: Result<Option<ApiError<E>>, ResponseError>) -> Outcome<E> {
    read.map_err(|error| (error.kind(), error.path()))
}

/// `E`'s typed read of `body` against its read of what a `Value` lookup finds there, and
/// against its read of the `Value`.
fn agrees<E: Catalog>(envelope: &Envelope, body: &str) -> Result<(), TestCaseError> {
    let value: Value =
        serde_json::from_str(body).map_err(|error| TestCaseError::fail(error.to_string()))?;
    let typed = outcome(E::from_response(body.as_bytes()));
    let expected = outcome(E::from_response(&found_by_paths(envelope, &value)));
    prop_assert_eq!(&typed, &expected, "{}", body);
    prop_assert_eq!(&outcome(E::from_response(&value)), &expected, "as a Value");
    Ok(())
}

proptest! {
    #[test]
    fn the_typed_read_agrees_with_a_value_read_by_the_paths(body in body()) {
        let [aliexpress, tiktok, wangdiantong, wechat_shop, wechat_transaction] = &*ENVELOPES;
        agrees::<AliexpressError>(aliexpress, &body)?;
        agrees::<TiktokLocalServicesError>(tiktok, &body)?;
        agrees::<WangdiantongError>(wangdiantong, &body)?;
        agrees::<WechatShopError>(wechat_shop, &body)?;
        agrees::<WechatTransactionError>(wechat_transaction, &body)?;
    }
}
