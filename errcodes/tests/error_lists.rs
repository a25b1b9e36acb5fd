//! Envelope paths through a list (`errors[].code`, Amazon SP-API's `{"errors": [...]}`): the
//! first item is the error, classified; the items after it are kept, each classified, and
//! reachable through `ApiError::others()`. Bytes and a `Value` read them one way.

use errcodes::prelude::*;
use errcodes::response::ResponseErrorKind;
use serde_json::{json, Value};

mod envelopes;

errcodes::platform_errors!("tests/envelopes/error_lists.yaml");

type E = ErrorListsError;

/// Read as bytes and as a `Value`, which must agree.
fn read(status: u16, body: &str) -> Option<errcodes::ApiError<E>> {
    let bytes = E::from_http(status, body).expect("read");
    let value: Value = serde_json::from_str(body).expect("json");
    assert_eq!(E::from_http(status, &value).expect("read"), bytes, "{body}");
    bytes
}

#[test]
fn the_first_error_is_classified_and_the_rest_are_kept() {
    let body = r#"{"errors": [
        {"code": "InvalidInput", "message": "Invalid input", "details": ""},
        {"code": "Unauthorized", "message": "Access to requested resource is denied."},
        {"code": "Surprise", "message": "an error no table lists"}
    ]}"#;
    for status in [400, 200] {
        let error = read(status, body).expect("an error");
        assert_eq!(*error.error(), E::InvalidInput);
        assert_eq!(error.message(), "Invalid input");
        let others = error.others();
        assert_eq!(others.len(), 2);
        assert_eq!(*others[0].error(), E::Unauthorized);
        assert_eq!(
            others[0].message(),
            "Access to requested resource is denied."
        );
        assert_eq!(others[0].retry_class(), RetryClass::Reauthenticate);
        assert!(others[1].error().is_unknown());
        assert_eq!(others[1].code(), "Surprise");
        assert!(others.iter().all(|other| other.others().is_empty()));
    }
}

#[test]
fn one_error_has_no_others() {
    let error = read(429, r#"{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}"#)
        .expect("an error");
    assert_eq!(*error.error(), E::QuotaExceeded);
    assert!(error.others().is_empty());
}

#[test]
fn items_that_are_no_error_are_not_kept() {
    let body = r#"{"errors":[{"code":"InternalFailure","message":"We encountered an internal error."},{},7,{"message":"   "},{"code":"InvalidInput","message":"Invalid input"}]}"#;
    let error = read(500, body).expect("an error");
    assert_eq!(*error.error(), E::InternalFailure);
    let others: Vec<_> = error.others().iter().map(|other| other.code()).collect();
    assert_eq!(others, ["InvalidInput"]);
}

#[test]
fn an_empty_list_or_none_is_a_success_where_the_status_says() {
    for body in [r#"{"errors":[]}"#, r#"{"payload":{"orders":[]}}"#] {
        assert!(read(200, body).is_none(), "{body}");
        let error = E::from_http(503, body).expect_err(body);
        assert_eq!(error.kind(), ResponseErrorKind::Status);
    }
}

#[test]
fn a_code_of_the_wrong_type_names_the_path() {
    let error = E::from_http(400, r#"{"errors":[{"code":{"n":1}}]}"#).expect_err("type");
    assert_eq!(error.kind(), ResponseErrorKind::CodeType);
    assert_eq!(error.path(), Some("errors[].code"));
    let error = E::from_http(400, &json!({"errors": [{"code": true}]})).expect_err("type");
    assert_eq!(error.path(), Some("errors[].code"));
}

#[test]
fn a_repeated_key_reads_as_its_last_in_bytes_and_in_a_value() {
    let body = r#"{"errors":[{"code":"InvalidInput"}],"errors":[{"code":"Unauthorized","code":"InternalFailure"},{"code":"QuotaExceeded"}]}"#;
    let error = read(400, body).expect("an error");
    assert_eq!(*error.error(), E::InternalFailure);
    assert_eq!(error.others().len(), 1);
    assert_eq!(*error.others()[0].error(), E::QuotaExceeded);
}

#[test]
fn the_sp_api_models_sandbox_responses() {
    envelopes::check_corpus::<E>("amazon_sp_api.jsonl");
}
