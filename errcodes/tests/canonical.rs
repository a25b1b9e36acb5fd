//! One value per code: an `Unknown` never holds a code its table knows, every way to reach
//! a code (`from_code` with an integer or any numeric text, both serde forms, a record)
//! gives the same value, and `Code`'s equality, hash and order agree with the lookups'.
//! Numeric text keeps its received form where it is not the integer's own.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::prelude::*;
use errcodes::{ApiError, Code};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct ByName<E: Catalog> {
    #[serde(with = "errcodes::serde::by_name", bound = "")]
    e: E,
}

#[test]
fn a_known_code_is_never_unknown_whatever_the_road() {
    let canonical = WechatShopError::from_code(42001);
    assert_eq!(canonical.name(), "AccessTokenExpired");
    assert_eq!(canonical.retry_class(), RetryClass::Reauthenticate);
    for text in ["42001", " 42001 ", "042001", "+42001"] {
        assert_eq!(WechatShopError::from_code(text), canonical, "{text:?}");
    }
    let read: WechatShopError = serde_json::from_str("42001").expect("code form");
    assert_eq!(read, canonical);
    let read: WechatShopError = serde_json::from_str(r#""042001""#).expect("code form");
    assert_eq!(read, canonical);
    // A record written before a table update added a code: by_name reads it as the entry.
    let read: ByName<WechatShopError> = serde_json::from_str(r#"{"e":45009}"#).expect("by_name");
    assert_eq!(read.e, WechatShopError::from_code(45009));
    assert!(!read.e.is_unknown());
}

#[test]
fn an_unknown_code_keeps_its_received_form() {
    let error = WangdiantongError::from_code("0042");
    let WangdiantongError::Unknown(code) = &error else {
        panic!("42 is no Wangdiantong code: {error:?}");
    };
    assert_eq!(code.to_string(), "0042");
    assert_eq!(error.code().to_string(), "0042");
    assert_eq!(error.to_string(), "0042: unknown error code");
    assert_eq!(*code, 42, "yet it is the code 42");
    assert_eq!(
        error,
        WangdiantongError::from_code(42),
        "and the same unknown code"
    );
    assert_eq!(
        WangdiantongError::from_code("-3000109").code().to_string(),
        "-3000109"
    );
    let json = serde_json::to_string(&error).expect("serialize");
    assert_eq!(json, r#""0042""#);
    let kept = ApiError::<WangdiantongError>::new(&Query::new("0042").message("?"));
    assert_eq!(kept.to_string(), "0042: ?");
}

fn hash(code: Code<'_>) -> u64 {
    let mut hasher = DefaultHasher::new();
    code.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn code_equality_is_lookup_equality() {
    assert_eq!(Code::Str("45009"), Code::Int(45009));
    assert_eq!(Code::Str("45009"), 45009);
    assert_eq!(45009, Code::Str(" 45009"));
    assert_eq!(Code::Str("F00-00-10013-002"), "F00-00-10013-002");
    assert_ne!(Code::Str("45009"), Code::Str("45008"));
    assert_ne!(Code::None, Code::Str(""));
    assert_eq!(hash(Code::Str("0042")), hash(Code::Int(42)));
    let set: HashSet<Code<'_>> = [Code::Int(42), Code::Str("42"), Code::Str("042")].into();
    assert_eq!(set.len(), 1);
    assert!(Code::Int(i64::MAX) < Code::Str("A"));
    assert!(Code::Str("A") < Code::None);
}

/// Numeric text for `code`, in forms a platform might send.
fn spelled(code: i64) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(code.to_string()),
        Just(format!(" {code}")),
        Just(format!("{code}\t")),
        (1usize..4).prop_map(move |zeros| if code < 0 {
            format!("-{}{}", "0".repeat(zeros), code.unsigned_abs())
        } else {
            format!("{}{code}", "0".repeat(zeros))
        }),
    ]
}

/// A code each spec knows or not: the shipped tables' codes, their neighbours, anything.
fn code() -> impl Strategy<Value = i64> {
    prop_oneof![
        prop::sample::select(vec![42001, 45009, -1, 100, 1, -999, -3000102, 9401002, 0]),
        -5i64..5,
        40000i64..48000,
        any::<i64>(),
    ]
}

fn one_value<E: Catalog + Serialize + for<'de> Deserialize<'de>>(
    code: i64,
    text: &str,
) -> Result<(), TestCaseError> {
    let canonical = E::from_code(code);
    let by_text = E::from_code(text);
    prop_assert_eq!(&by_text, &canonical, "{:?}", text);
    prop_assert_eq!(by_text.is_unknown(), canonical.is_unknown());
    prop_assert_eq!(by_text.retry_class(), canonical.retry_class());
    if !canonical.is_unknown() {
        prop_assert!(E::ALL.contains(&by_text));
    }
    for json in [
        code.to_string(),
        serde_json::to_string(text).unwrap_or_default(),
    ] {
        let read: E =
            serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read, &canonical, "code form {}", json);
        let record = format!(r#"{{"e":{json}}}"#);
        let read: ByName<E> =
            serde_json::from_str(&record).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read.e, &canonical, "by_name {}", record);
    }
    // Whatever the road, serializing and reading back gives the value again.
    let json = serde_json::to_string(&ByName { e: by_text.clone() })
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: ByName<E> =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back.e, by_text);
    Ok(())
}

proptest! {
    #[test]
    fn every_road_to_a_code_gives_one_value((code, text) in code().prop_flat_map(|code| (Just(code), spelled(code)))) {
        one_value::<WechatShopError>(code, &text)?;
        one_value::<WangdiantongError>(code, &text)?;
        one_value::<TiktokLocalServicesError>(code, &text)?;
        one_value::<AliexpressError>(code, &text)?;
        prop_assert_eq!(Code::Str(&text), Code::Int(code));
        prop_assert_eq!(hash(Code::Str(&text)), hash(Code::Int(code)));
    }
}
