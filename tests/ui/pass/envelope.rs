use errcodes::prelude::*;

errcodes::platform_errors!("tests/ui/specs/envelope.yaml");

fn main() {
    // Every path form: a gateway error, a nested result under any key, a top-level code.
    let gateway = br#"{"error_response": {"code": 1, "msg": "busy"}}"#;
    let error = |body: &str| DemoError::from_response(body).unwrap().map(errcodes::ApiError::into_error);
    assert_eq!(error(std::str::from_utf8(gateway).unwrap()), Some(DemoError::Busy));
    let nested = r#"{"some_method_response": {"result": {"error_code": "E-2", "error_message": "broken"}}}"#;
    assert_eq!(error(nested), Some(DemoError::Broken));
    let top = serde_json::json!({"errcode": 7, "errmsg": "new rid: 42"});
    let unknown = DemoError::from_response(&top).unwrap().unwrap();
    assert!(unknown.is_unknown());
    assert_eq!(unknown.code(), 7);
    // Success codes of both kinds, and no code at all.
    for ok in [r#"{"errcode": 0}"#, r#"{"errcode": "ok"}"#, r#"{"data": []}"#, r#"{"errmsg": " success"}"#] {
        assert_eq!(DemoError::from_response(ok).unwrap(), None, "{ok}");
    }
    // No code, and a message that is not a success message: an error without a code.
    let codeless = DemoError::from_response(r#"{"errmsg": "new"}"#).unwrap().unwrap();
    assert_eq!(codeless.code(), errcodes::Code::None);
    let round_trip: DemoError = serde_json::from_str(&serde_json::to_string(unknown.error()).unwrap()).unwrap();
    assert_eq!(&round_trip, unknown.error());
    assert_eq!(unknown.request_id(), Some("42"));
}
