//! Every value of every shipped enum survives serde, in both forms, in JSON and YAML: the
//! default form (the code) reads back as `from_code` of the code, so a code with several
//! meanings comes back as its fallback and everything else exactly; `by_name` gives every
//! variant back exactly; unknown codes (integers, text, none, past `i64`) come back as
//! themselves. An `ApiError` travels as a record and reads back equal.

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::{ApiError, Code};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// What a shipped enum is to serde.
trait Shipped: Catalog + Serialize + DeserializeOwned {}

impl<E: Catalog + Serialize + DeserializeOwned> Shipped for E {}

/// A struct field in the `by_name` form.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(bound = "E: Catalog")]
struct Logged<E> {
    #[serde(with = "errcodes::serde::by_name")]
    error: E,
}

/// `value` written and read back in JSON and in YAML, which must agree.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: &T,
) -> Result<T, TestCaseError> {
    let json = serde_json::to_string(value).map_err(fail)?;
    let from_json: T = serde_json::from_str(&json).map_err(fail)?;
    let yaml = serde_yaml::to_string(value).map_err(fail)?;
    let from_yaml: T = serde_yaml::from_str(&yaml).map_err(fail)?;
    prop_assert_eq!(&from_yaml, &from_json, "JSON {} and YAML {}", json, yaml);
    Ok(from_json)
}

fn fail(error: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

/// The entry without a code called `name`, if the spec has one.
fn codeless<E: Catalog>(name: &str) -> Option<E> {
    E::from_name(name).filter(|entry| entry.codes().is_empty())
}

/// The default form: what `error` is written as, and what it reads back as.
fn code_form<E: Shipped>(error: &E) -> Result<(), TestCaseError> {
    let written = serde_json::to_value(error).map_err(fail)?;
    let back = round_trip(error)?;
    match error.code() {
        Code::None if !error.is_unknown() => {
            // An entry without a code travels by name.
            prop_assert_eq!(written, json!(error.name()));
            prop_assert_eq!(&back, error);
        }
        code => {
            prop_assert_eq!(written, serde_json::to_value(code).map_err(fail)?);
            let expected = match code {
                // The one ambiguity of the form: text that is the name of an entry without
                // a code reads as that entry.
                Code::Str(text) if error.is_unknown() => codeless(text),
                _ => None,
            };
            prop_assert_eq!(&back, &expected.unwrap_or_else(|| E::from_code(code)));
        }
    }
    Ok(())
}

/// The `by_name` form: a variant by its name, an unknown code as itself.
fn name_form<E: Shipped>(error: &E) -> Result<(), TestCaseError> {
    let logged = Logged {
        error: error.clone(),
    };
    let written = serde_json::to_value(&logged).map_err(fail)?;
    let back = round_trip(&logged)?.error;
    if error.is_unknown() {
        prop_assert_eq!(written, json!({ "error": error.code() }));
        // A code that is exactly a variant's name reads as the variant, as documented.
        let named = match error.code() {
            Code::Str(text) => E::from_name(text),
            _ => None,
        };
        prop_assert_eq!(&back, named.as_ref().unwrap_or(error));
    } else {
        prop_assert_eq!(written, json!({ "error": error.name() }));
        prop_assert_eq!(&back, error);
    }
    Ok(())
}

/// `ApiError` as a record: its fields say what was received, and it reads back equal.
fn record<E: Shipped>(received: &ApiError<E>) -> Result<(), TestCaseError> {
    let written = serde_json::to_value(received).map_err(fail)?;
    let expected = json!({
        "platform": E::PLATFORM,
        "code": received.code(),
        "name": received.name(),
        "message": received.message(),
        "retry": received.retry_class().to_string(),
        "request_id": received.request_id(),
    });
    prop_assert_eq!(&written, &expected);
    prop_assert_eq!(&round_trip(received)?, received);
    Ok(())
}

/// Every variant of `E`, in both forms and, under each of its codes, as a record.
fn every_variant<E: Shipped>() -> Result<(), TestCaseError> {
    prop_assert!(!E::ALL.is_empty());
    for error in E::ALL {
        code_form(error)?;
        name_form(error)?;
        if error.codes().is_empty() {
            // An unknown code that is the name of an entry without a code: in the code
            // form it reads back as the entry, the one value that does not come back.
            let namesake = E::from_code(error.name());
            prop_assert!(namesake.is_unknown());
            code_form(&namesake)?;
            name_form(&namesake)?;
            prop_assert_eq!(&round_trip(&namesake)?, error);
        }
        for &code in error.codes() {
            // A record names its variant, so an entry that shares its code keeps its meaning.
            let mut written =
                serde_json::to_value(ApiError::<E>::new(&Query::new(code))).map_err(fail)?;
            written["name"] = json!(error.name());
            let back: ApiError<E> = serde_json::from_value(written).map_err(fail)?;
            prop_assert_eq!(back.error(), error);
            prop_assert_eq!(back.code(), code);
        }
    }
    Ok(())
}

#[test]
fn every_variant_of_every_shipped_enum_round_trips() -> Result<(), TestCaseError> {
    every_variant::<AliexpressError>()?;
    every_variant::<TiktokLocalServicesError>()?;
    every_variant::<WangdiantongError>()?;
    every_variant::<WechatShopError>()?;
    every_variant::<WechatTransactionError>()
}

/// A code as it may arrive.
#[derive(Clone, Debug)]
enum Arrived {
    Int(i64),
    Text(String),
    None,
    /// Past `i64`, as a JSON number.
    Wide(u64),
}

fn text_code() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = [
        AliexpressError::ALL
            .iter()
            .map(PlatformError::name)
            .collect::<Vec<_>>(),
        TiktokLocalServicesError::ALL
            .iter()
            .map(PlatformError::name)
            .collect(),
        WangdiantongError::ALL
            .iter()
            .map(PlatformError::name)
            .collect(),
    ]
    .concat();
    prop_oneof![
        any::<String>(),
        "[A-Z0-9 -]{0,40}",
        any::<i64>().prop_map(|n| format!(" {n}\t")),
        Just("F00-00-10013-002".to_owned()),
        prop::sample::select(names).prop_map(str::to_owned),
        Just("Unknown".to_owned()),
        Just("null".to_owned()),
    ]
}

fn arrived() -> impl Strategy<Value = Arrived> {
    prop_oneof![
        any::<i64>().prop_map(Arrived::Int),
        (-1_000i64..1_000).prop_map(Arrived::Int),
        (-10_000_000i64..1_000_000).prop_map(Arrived::Int),
        text_code().prop_map(Arrived::Text),
        Just(Arrived::None),
        (i64::MAX.unsigned_abs() + 1..=u64::MAX).prop_map(Arrived::Wide),
    ]
}

fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        "[a-z ]{0,20}( rid: [0-9a-f-]{8,30})?",
        Just("超过每分钟最大调用频率限制，请稍后重试".to_owned()),
        Just("商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9".to_owned()),
    ]
}

/// The value `E` reads for the code, by `from_code`, or by serde for a code past `i64`.
fn value_of<E: Shipped>(code: &Arrived) -> Result<E, TestCaseError> {
    Ok(match code {
        Arrived::Int(n) => E::from_code(*n),
        Arrived::Text(text) => E::from_code(text),
        Arrived::None => E::from_code(Code::None),
        Arrived::Wide(n) => serde_json::from_value(json!(n)).map_err(fail)?,
    })
}

fn any_code<E: Shipped>(code: &Arrived, message: &str) -> Result<(), TestCaseError> {
    let error = value_of::<E>(code)?;
    code_form(&error)?;
    name_form(&error)?;
    let received = match code {
        Arrived::Int(n) => ApiError::<E>::new(&Query::new(*n).message(message)),
        Arrived::Text(text) => ApiError::new(&Query::new(text).message(message)),
        Arrived::None => ApiError::new(&Query::new(Code::None).message(message)),
        Arrived::Wide(n) => ApiError::new(&Query::new(&n.to_string()).message(message)),
    };
    record(&received)
}

proptest! {
    #[test]
    fn any_code_round_trips_in_both_forms_and_as_a_record(
        code in arrived(),
        message in message(),
    ) {
        any_code::<AliexpressError>(&code, &message)?;
        any_code::<TiktokLocalServicesError>(&code, &message)?;
        any_code::<WangdiantongError>(&code, &message)?;
        any_code::<WechatShopError>(&code, &message)?;
        any_code::<WechatTransactionError>(&code, &message)?;
    }
}

#[test]
fn a_record_keeps_the_sub_code_the_request_id_and_the_status() -> Result<(), TestCaseError> {
    let body = json!({"error_response": {
        "code": 15, "msg": "Remote service error",
        "sub_code": "isv.invalid-parameter", "sub_msg": "非法参数",
        "request_id": "0ba2887315178178017221014"}});
    let received = AliexpressError::from_http(400, &body)
        .map_err(fail)?
        .ok_or_else(|| fail("a gateway error is no success"))?;
    let written = serde_json::to_value(&received).map_err(fail)?;
    let sent = &body["error_response"];
    prop_assert_eq!(&written["code"], &sent["code"]);
    prop_assert_eq!(&written["message"], &sent["msg"]);
    prop_assert_eq!(&written["sub_code"], &sent["sub_code"]);
    prop_assert_eq!(&written["sub_message"], &sent["sub_msg"]);
    prop_assert_eq!(&written["request_id"], &sent["request_id"]);
    prop_assert_eq!(&written["status"], &json!(400));
    prop_assert_eq!(&round_trip(&received)?, &received);
    Ok(())
}
