//! `from_response` and `from_http` on a table of bodies for each shipped envelope, built from
//! the envelope the spec declares: a success with a code and without one, an error for every
//! entry at every code path, statuses that are not 2xx, bodies without a code, not JSON, not
//! an object, with a code or message of the wrong type, of a megabyte, and 10,000 levels deep.
//! Each gives the result the envelope calls for, and none panics or overflows the stack.

use std::fmt::Write as _;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::response::{ResponseError, ResponseErrorKind};
use errcodes::{ApiError, Code, Query, RetryClass};
use serde_json::{json, Value};

mod envelopes;

use envelopes::{envelope, envelope_in, put, Envelope};

/// A body with `code` at the code path `alt` and `message` at the first message path.
fn body_with(envelope: &Envelope, alt: usize, code: Value, message: Value) -> Value {
    let mut body = json!({"data": {"orders": []}});
    put(&mut body, &envelope.code[alt], code);
    if let Some(path) = envelope.message.first() {
        put(&mut body, path, message);
    }
    body
}

fn path_text(path: &[String]) -> String {
    envelopes::text(path)
}

/// A named body, read with `from_response` or `from_http` and checked against what its case
/// calls for.
struct Reader<'b, E> {
    name: String,
    body: &'b [u8],
    marker: std::marker::PhantomData<E>,
}

impl<'b, E: FromResponse> Reader<'b, E> {
    fn new(name: impl Into<String>, body: &'b [u8]) -> Self {
        Reader {
            name: name.into(),
            body,
            marker: std::marker::PhantomData,
        }
    }

    fn read(&self, status: Option<u16>) -> Result<Option<ApiError<E>>, ResponseError> {
        match status {
            None => E::from_response(self.body),
            Some(status) => E::from_http(status, self.body),
        }
    }

    fn success(&self, status: Option<u16>) {
        let read = self.read(status);
        assert!(
            matches!(read, Ok(None)),
            "{}: {} with {status:?}: {read:?}",
            E::PLATFORM,
            self.name
        );
    }

    fn failure(&self, status: Option<u16>, kind: ResponseErrorKind) -> ResponseError {
        match self.read(status) {
            Err(error) if error.kind() == kind => {
                assert_eq!(error.status(), status, "{}", self.name);
                assert!(!error.to_string().is_empty());
                error
            }
            other => panic!(
                "{}: {} with {status:?}: {other:?}, not {kind:?}",
                E::PLATFORM,
                self.name
            ),
        }
    }

    /// An error of `code` and `message`, classified as `classify` does and kept as sent.
    fn error(&self, status: Option<u16>, code: Code<'_>, message: &str) -> ApiError<E> {
        match self.read(status) {
            Ok(Some(error)) => {
                let at = format!("{}: {} with {status:?}", E::PLATFORM, self.name);
                assert_eq!(*error.error(), E::classify(code, message), "{at}");
                assert_eq!(error.code(), code, "{at}");
                assert_eq!(error.message(), message, "{at}");
                assert_eq!(error.status(), status, "{at}");
                error
            }
            other => panic!("{}: {} with {status:?}: {other:?}", E::PLATFORM, self.name),
        }
    }

    /// A status that is not 2xx turns a success into an error whose class follows it.
    fn success_only_with_2xx(&self) {
        for status in [None, Some(200), Some(204), Some(299)] {
            self.success(status);
        }
        for (status, class) in [
            (502, RetryClass::Transient),
            (503, RetryClass::Transient),
            (429, RetryClass::Throttled { wait: None }),
            (404, RetryClass::Permanent),
        ] {
            let error = self.failure(Some(status), ResponseErrorKind::Status);
            assert_eq!(error.retry_class(), class, "{}: {status}", self.name);
        }
    }
}

fn bytes(body: &Value) -> Vec<u8> {
    serde_json::to_vec(body).expect("a body")
}

/// A code of each entry that is not a success code, with its message.
fn entry_codes<E: FromResponse>(envelope: &Envelope) -> Vec<(Code<'static>, &'static str)> {
    E::ALL
        .iter()
        .filter_map(|entry| Some((*entry.codes().first()?, entry.message())))
        .filter(|(code, _)| {
            let code = serde_json::to_value(code).expect("a code");
            !envelope.success.contains(&code)
        })
        .collect()
}

fn successes<E: FromResponse>(envelope: &Envelope) {
    for (alt, _) in envelope.code.iter().enumerate() {
        for success in &envelope.success {
            let body = bytes(&body_with(envelope, alt, success.clone(), json!("ok")));
            Reader::<E>::new(format!("success code {success}"), &body).success_only_with_2xx();
        }
    }
    // Without a code: the request id and the success messages say nothing of an error.
    let mut quiet = vec![(
        "no code".to_owned(),
        bytes(&json!({"data": {"orders": []}})),
    )];
    let mut messages = vec![json!(""), json!("  "), Value::Null];
    messages.extend(
        envelope
            .success_message
            .iter()
            .map(|message| json!(message)),
    );
    messages.extend(
        envelope
            .success_message
            .iter()
            .map(|message| json!(format!(" {message}\n"))),
    );
    for message in messages {
        let mut body = json!({"data": {"orders": []}});
        for path in envelope.message.iter().chain(&envelope.request_id) {
            put(&mut body, path, message.clone());
        }
        quiet.push((format!("no code, message {message}"), bytes(&body)));
    }
    for (name, body) in &quiet {
        let reader = Reader::<E>::new(name, body);
        if envelope.success_without_code || envelope.status_led {
            reader.success_only_with_2xx();
        } else {
            no_code(&reader);
        }
    }
    // A code that is null is never a success.
    for (alt, path) in envelope.code.iter().enumerate() {
        let mut messages = vec![json!(""), Value::Null];
        messages.extend(
            envelope
                .success_message
                .iter()
                .map(|message| json!(message)),
        );
        for message in messages {
            let body = bytes(&body_with(envelope, alt, Value::Null, message.clone()));
            let name = format!("a null code at {} with message {message}", path_text(path));
            no_code(&Reader::<E>::new(name, &body));
        }
    }
}

/// A body with no code and nothing else to say: an error whose class follows the status.
fn no_code<E: FromResponse>(reader: &Reader<'_, E>) {
    reader.failure(None, ResponseErrorKind::NoCode);
    reader.failure(Some(200), ResponseErrorKind::NoCode);
    let error = reader.failure(Some(502), ResponseErrorKind::Status);
    assert_eq!(error.retry_class(), RetryClass::Transient);
}

/// A body without a code (absent or null) that carries an error message, sub-code or
/// sub-message is an error of `Code::None`, classified by them as `lookup` does, for every
/// envelope, whatever its `success_without_code`.
fn codeless_errors<E: FromResponse>(envelope: &Envelope) {
    // No code at all, or null at each code path.
    let places = std::iter::once(None).chain(envelope.code.iter().map(Some));
    for place in places {
        let base = |message: Value| -> Value {
            let mut body = json!({"data": {}});
            if let Some(path) = place {
                put(&mut body, path, Value::Null);
            }
            if let Some(path) = envelope.message.first() {
                put(&mut body, path, message);
            }
            body
        };
        let with = place.map_or("no code".to_owned(), |path| {
            format!("null at {}", path_text(path))
        });
        if !envelope.message.is_empty() {
            for message in [
                "system error",
                "invalid credential, access_token is invalid",
                "ok!",
            ] {
                let body = bytes(&base(json!(message)));
                let name = format!("{with} and message {message:?}");
                let error = Reader::<E>::new(name, &body).error(None, Code::None, message);
                let lookup = E::lookup(&Query::new(Code::None).message(message));
                assert_eq!(*error.error(), lookup.error, "{message}");
            }
        }
        for path in &envelope.sub_code {
            let sub_code = "isp.top-remote-connection-timeout";
            let mut body = base(Value::Null);
            put(&mut body, path, json!(sub_code));
            let error = E::from_response(&bytes(&body))
                .expect("read")
                .expect("an error");
            let lookup = E::lookup(&Query::new(Code::None).sub_code(sub_code));
            assert_eq!(
                *error.error(),
                lookup.error,
                "{with} and {}",
                path_text(path)
            );
            assert_eq!(error.code(), Code::None);
            assert_eq!(error.sub_code(), Some(sub_code));
        }
        for path in &envelope.sub_message {
            let mut body = base(Value::Null);
            put(&mut body, path, json!("timed out"));
            // A 2xx without a code is a success where the status leads.
            let status = if envelope.status_led { 400 } else { 200 };
            let error = Reader::<E>::new(format!("{with} and a sub-message"), &bytes(&body)).error(
                Some(status),
                Code::None,
                "",
            );
            assert_eq!(error.sub_message(), Some("timed out"));
        }
    }
}

fn errors<E: FromResponse>(envelope: &Envelope) {
    let entries = entry_codes::<E>(envelope);
    assert!(!entries.is_empty(), "{}", E::PLATFORM);
    for (alt, path) in envelope.code.iter().enumerate() {
        for &(code, message) in &entries {
            let mut forms = vec![serde_json::to_value(code).expect("a code")];
            if let Code::Int(n) = code {
                forms.push(json!(n.to_string()));
            }
            for form in forms {
                let body = bytes(&body_with(envelope, alt, form, json!(message)));
                let name = format!("code {code} at {}", path_text(path));
                let reader = Reader::<E>::new(name, &body);
                for status in [None, Some(200), Some(400), Some(500), Some(502)] {
                    reader.error(status, code, message);
                }
            }
        }
        let unknown = bytes(&body_with(envelope, alt, json!(-31_337), json!("new")));
        let error =
            Reader::<E>::new("an unknown code", &unknown).error(None, Code::Int(-31_337), "new");
        assert!(error.is_unknown());
    }
}

fn request_ids<E: FromResponse>(envelope: &Envelope) {
    let (code, message) = entry_codes::<E>(envelope)[0];
    for path in &envelope.request_id {
        for (id, text) in [
            (
                json!("0ba2887315178178017221014"),
                "0ba2887315178178017221014",
            ),
            (json!(20_240_101), "20240101"),
        ] {
            let mut body = body_with(envelope, 0, json!(code), json!(message));
            put(&mut body, path, id);
            let name = format!("request id {text} at {}", path_text(path));
            let error = Reader::<E>::new(name, &bytes(&body)).error(None, code, message);
            assert_eq!(error.request_id(), Some(text), "{}", path_text(path));
        }
    }
}

fn malformed<E: FromResponse>(envelope: &Envelope) {
    let html = "<html><head><title>502 Bad Gateway</title></head>\
                <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    let (code, message) = entry_codes::<E>(envelope)[0];
    let valid = body_with(
        envelope,
        0,
        serde_json::to_value(code).expect("a code"),
        json!(message),
    );
    let trailing = format!("{valid} <html>");
    let whole = bytes(&valid);
    // The message "café" in Latin-1, as a misconfigured server sends it.
    let utf8 = bytes(&body_with(envelope, 0, json!(code), json!("caf\u{e9}")));
    let at = utf8
        .windows(2)
        .position(|pair| pair == [0xc3, 0xa9])
        .expect("é");
    let latin1 = [&utf8[..at], &[0xe9], &utf8[at + 2..]].concat();
    // The same byte inside messages of 64 bytes and more, which are checked another way:
    // one that is Chinese at its ends, and one that is ASCII there.
    let long = |around: &str| {
        let message = format!("{}caf\u{e9}{}", around.repeat(12), around.repeat(12));
        let body = bytes(&body_with(envelope, 0, json!(code), json!(message)));
        let at = body
            .windows(2)
            .position(|pair| pair == [0xc3, 0xa9])
            .expect("é");
        [&body[..at], &[0xe9], &body[at + 2..]].concat()
    };
    let (long_chinese, long_ascii) = (long("商品"), long("item "));
    if envelope.status_led {
        // A 204 has no body: the status alone says.
        Reader::<E>::new("an empty body", b"").success_only_with_2xx();
    }
    let empty = (!envelope.status_led).then_some(("an empty body", b"".as_slice()));
    for (name, body) in [
        ("an HTML proxy page", html.as_bytes()),
        ("a truncated body", &whole[..whole.len() / 2]),
        ("text after the object", trailing.as_bytes()),
        ("a message that is not UTF-8", &latin1),
        ("a long Chinese message that is not UTF-8", &long_chinese),
        ("a long ASCII message that is not UTF-8", &long_ascii),
    ]
    .into_iter()
    .chain(empty)
    {
        let reader = Reader::<E>::new(name, body);
        reader.failure(None, ResponseErrorKind::NotJson);
        let error = reader.failure(Some(502), ResponseErrorKind::NotJson);
        assert_eq!(error.retry_class(), RetryClass::Transient, "{name}");
    }
    let array = bytes(&json!([valid]));
    for (name, body) in [
        ("a JSON array", array.as_slice()),
        ("a string", br#""ok""#.as_slice()),
        ("a number", b"0".as_slice()),
        ("null", b"null".as_slice()),
    ] {
        let reader = Reader::<E>::new(name, body);
        reader.failure(None, ResponseErrorKind::NotAnObject);
        reader.failure(Some(429), ResponseErrorKind::NotAnObject);
    }
}

fn wrong_types<E: FromResponse>(envelope: &Envelope) {
    for (alt, path) in envelope.code.iter().enumerate() {
        for code in [json!({"n": 1}), json!([1]), json!(true)] {
            let body = bytes(&body_with(envelope, alt, code.clone(), json!("m")));
            let error = Reader::<E>::new(format!("code {code}"), &body)
                .failure(None, ResponseErrorKind::CodeType);
            assert_eq!(error.path(), Some(path_text(path).as_str()));
        }
    }
    let (code, _) = entry_codes::<E>(envelope)[0];
    let code_value = serde_json::to_value(code).expect("a code");
    if let Some(path) = envelope.message.first() {
        for message in [json!(["m"]), json!({"text": "m"})] {
            let body = bytes(&body_with(envelope, 0, code_value.clone(), message.clone()));
            let error = Reader::<E>::new(format!("message {message}"), &body)
                .failure(None, ResponseErrorKind::MessageType);
            assert_eq!(error.path(), Some(path_text(path).as_str()));
        }
        // A scalar that is not text is read as its text.
        for (message, text) in [(json!(42), "42"), (json!(false), "false")] {
            let body = bytes(&body_with(envelope, 0, code_value.clone(), message));
            Reader::<E>::new(format!("message {text}"), &body).error(None, code, text);
        }
    }
}

const MB: usize = 1 << 20;

/// `body` as text, with the value `"{PLACEHOLDER}"` replaced by `text`.
const PLACEHOLDER: &str = "\u{0}placeholder";

fn splice(body: &Value, text: &str) -> String {
    let placeholder = serde_json::to_string(PLACEHOLDER).expect("a string");
    let written = body.to_string();
    assert!(written.contains(&placeholder), "{written}");
    written.replacen(&placeholder, text, 1)
}

fn megabyte<E: FromResponse>(envelope: &Envelope) {
    let (code, message) = entry_codes::<E>(envelope)[0];
    let long = format!("{message}{}", " x".repeat(MB / 2));
    let body = bytes(&body_with(envelope, 0, json!(code), json!(long)));
    assert!(body.len() > MB);
    Reader::<E>::new("a megabyte message", &body).error(None, code, &long);

    // A megabyte of other keys, and one long list, before the code.
    let mut keys = String::new();
    for i in 0..MB / 32 {
        write!(keys, r#""key{i}":{{"list":[1,2.5,"{}"]}},"#, "v".repeat(32)).expect("write");
    }
    let list = format!(r#""padding":[{}],"#, ["{}"; MB / 3].join(","));
    let valid = body_with(envelope, 0, json!(code), json!(message)).to_string();
    for (name, padding) in [("a megabyte of keys", keys), ("a megabyte list", list)] {
        let padded = format!("{{{padding}{}", &valid[1..]);
        assert!(padded.len() > MB, "{name}");
        let error = Reader::<E>::new(name, padded.as_bytes()).error(None, code, message);
        let value: Value = serde_json::from_str(&padded).expect("JSON");
        assert_eq!(
            E::from_response(&value).ok().flatten(),
            Some(error),
            "{name} as a Value"
        );
    }
}

const DEPTH: usize = 10_000;

/// `{"key":{"key":...{}...}}` and `[[...[]...]]`, `depth` levels deep, written as text: a
/// `Value` that deep would overflow the stack when dropped.
fn nested(key: &str, depth: usize) -> [(&'static str, String); 2] {
    let objects = format!(
        "{}{{}}{}",
        format!(r#"{{"{key}":"#).repeat(depth),
        "}".repeat(depth)
    );
    let lists = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    [("objects", objects), ("lists", lists)]
}

/// A read, comparable: the error, or the kind and path of the failure.
type Outcome<E> = Result<Option<ApiError<E>>, (ResponseErrorKind, Option<&'static str>)>;

fn outcome<E: FromResponse>(body: &str) -> Outcome<E> {
    E::from_response(body).map_err(|error| (error.kind(), error.path()))
}

fn deep<E: FromResponse>(envelope: &Envelope) {
    let (code, message) = entry_codes::<E>(envelope)[0];
    let path = &envelope.code[0];
    let last = &path[path.len() - 1];
    for ((kind, nested), (_, shallow)) in nested(last, DEPTH).into_iter().zip(nested(last, 4)) {
        // The whole body: read as the same body four levels deep is, since no path goes
        // deeper; lists are no object.
        let read = outcome::<E>(&nested);
        assert_eq!(read, outcome::<E>(&shallow), "{DEPTH} {kind}");
        if kind == "lists" {
            assert_eq!(read, Err((ResponseErrorKind::NotAnObject, None)));
        }

        // Under a key no path takes, and beside the code in its own object: the code is
        // still found.
        let mut beside = path.clone();
        *beside.last_mut().expect("a key") = "deep".to_owned();
        for (place, at) in [
            ("unrelated", vec!["unrelated".to_owned()]),
            ("beside", beside),
        ] {
            let mut body = body_with(envelope, 0, json!(code), json!(message));
            put(&mut body, &at, json!(PLACEHOLDER));
            let body = splice(&body, &nested);
            Reader::<E>::new(format!("{DEPTH} {kind} {place}"), body.as_bytes())
                .error(None, code, message);
        }

        // Where the code should be.
        let body = splice(
            &body_with(envelope, 0, json!(PLACEHOLDER), json!(message)),
            &nested,
        );
        let error = Reader::<E>::new(format!("{DEPTH} {kind} at the code"), body.as_bytes())
            .failure(None, ResponseErrorKind::CodeType);
        assert_eq!(error.path(), Some(path_text(path).as_str()));
    }
}

fn table<E: FromResponse>() {
    table_of::<E>(&envelope::<E>());
}

fn table_of<E: FromResponse>(envelope: &Envelope) {
    assert!(!envelope.code.is_empty(), "{}: an envelope", E::PLATFORM);
    successes::<E>(envelope);
    codeless_errors::<E>(envelope);
    errors::<E>(envelope);
    request_ids::<E>(envelope);
    malformed::<E>(envelope);
    wrong_types::<E>(envelope);
    megabyte::<E>(envelope);
    deep::<E>(envelope);
}

errcodes::platform_errors!("tests/envelopes/status_led.yaml");
errcodes::platform_errors!("tests/envelopes/success_empty.yaml");
errcodes::platform_errors!("tests/envelopes/error_lists.yaml");

#[test]
fn status_led_bodies() {
    table_of::<StatusLedError>(&envelope_in("tests/envelopes/status_led.yaml"));
}

#[test]
fn error_lists_bodies() {
    table_of::<ErrorListsError>(&envelope_in("tests/envelopes/error_lists.yaml"));
}

#[test]
fn success_empty_bodies() {
    table_of::<SuccessEmptyError>(&envelope_in("tests/envelopes/success_empty.yaml"));
}

#[test]
fn wechat_shop_bodies() {
    table::<WechatShopError>();
}

#[test]
fn wechat_transaction_bodies() {
    table::<WechatTransactionError>();
}

#[test]
fn wangdiantong_bodies() {
    table::<WangdiantongError>();
}

#[test]
fn tiktok_local_services_bodies() {
    table::<TiktokLocalServicesError>();
}

#[test]
fn aliexpress_bodies() {
    table::<AliexpressError>();
}

/// `body` read as bytes and as a `Value`, which must agree.
fn both<E: FromResponse>(body: &str) -> Outcome<E> {
    let value: Value = serde_json::from_str(body).expect("JSON");
    let read = outcome::<E>(body);
    let from_value = E::from_response(&value).map_err(|error| (error.kind(), error.path()));
    assert_eq!(read, from_value, "{body}: bytes and Value");
    read
}

fn error_of<E: FromResponse>(body: &str) -> ApiError<E> {
    match both::<E>(body) {
        Ok(Some(error)) => error,
        other => panic!("{body}: {other:?}"),
    }
}

#[test]
fn a_null_code_with_a_message_is_an_error_without_a_code() {
    let error = error_of::<WechatShopError>(r#"{"errcode":null,"errmsg":"system error"}"#);
    assert_eq!(error.code(), Code::None);
    assert_eq!(error.message(), "system error");
    let lookup = WechatShopError::lookup(&Query::new(Code::None).message("system error"));
    assert_eq!(*error.error(), lookup.error);
}

#[test]
fn a_message_without_a_code_is_an_error_without_a_code() {
    let body = r#"{"errmsg":"invalid credential, access_token is invalid"}"#;
    let error = error_of::<WechatShopError>(body);
    assert_eq!(error.code(), Code::None);
    assert_eq!(
        error.message(),
        "invalid credential, access_token is invalid"
    );
    // The same for an envelope that does not take a missing code for success.
    let error = error_of::<WangdiantongError>(r#"{"message":"参数中必须包含起止时间"}"#);
    assert_eq!(error.code(), Code::None);
}

#[test]
fn a_sub_code_without_a_code_is_an_error_classified_by_it() {
    let body = r#"{"error_response":{"sub_code":"isp.top-remote-connection-timeout"}}"#;
    let error = error_of::<AliexpressError>(body);
    assert_eq!(error.code(), Code::None);
    assert_eq!(error.sub_code(), Some("isp.top-remote-connection-timeout"));
    assert_eq!(error.retry_class(), RetryClass::Transient, "{error:?}");
}

#[test]
fn a_null_code_alone_is_no_success() {
    for body in [
        r#"{"errcode":null}"#,
        r#"{"errcode":null,"errmsg":"ok"}"#,
        r#"{"errcode":null,"errmsg":""}"#,
    ] {
        assert_eq!(
            both::<WechatShopError>(body),
            Err((ResponseErrorKind::NoCode, None)),
            "{body}"
        );
    }
}

#[test]
fn the_success_message_is_no_error_message() {
    for body in [
        r#"{"errmsg":"ok"}"#,
        r#"{"errmsg":" ok\n"}"#,
        r#"{"errmsg":""}"#,
        r#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#,
    ] {
        assert_eq!(both::<WechatShopError>(body), Ok(None), "{body}");
    }
    // Only the envelope's own success message: AliExpress's has none.
    let body = r#"{"error_response":{"msg":"ok"}}"#;
    assert_eq!(error_of::<AliexpressError>(body).message(), "ok");
}

#[test]
fn a_repeated_key_reads_as_its_last_in_bytes_and_in_a_value() {
    let body = r#"{"errcode":0,"errcode":40001,"errmsg":"invalid credential"}"#;
    let error = error_of::<WechatShopError>(body);
    assert_eq!(error.code(), 40001);
    assert_eq!(error.retry_class(), RetryClass::Reauthenticate);
    let body = r#"{"errcode":40001,"errmsg":"invalid credential","errcode":0}"#;
    assert_eq!(both::<WechatShopError>(body), Ok(None));
    // A repeated object replaces the first whole: its code is gone with it.
    let body = r#"{"error":{"code":"-3000109"},"error":{"message":"expired"}}"#;
    let error = error_of::<TiktokLocalServicesError>(body);
    assert_eq!(error.code(), Code::None);
    assert_eq!(error.message(), "expired");
}

#[test]
fn a_wildcard_takes_the_least_key_whatever_the_order() {
    let a = r#""a_response":{"result":{"result_error_code":-999,"result_error_desc":"a"}}"#;
    let b = r#""b_response":{"result":{"result_error_code":"F00-00-10013-002"}}"#;
    for body in [format!("{{{a},{b}}}"), format!("{{{b},{a}}}")] {
        let error = error_of::<AliexpressError>(&body);
        assert_eq!(
            (error.code(), error.message()),
            (Code::Int(-999), "a"),
            "{body}"
        );
    }
    // A key whose value is null yields to one whose value is not.
    let a = r#""a_response":{"result":{"result_error_code":null}}"#;
    for body in [format!("{{{a},{b}}}"), format!("{{{b},{a}}}")] {
        let error = error_of::<AliexpressError>(&body);
        assert_eq!(error.code(), Code::Str("F00-00-10013-002"), "{body}");
    }
    // A repeated key, whose last value has no code: the other key's code.
    let body = format!(
        r#"{{"a_response":{{"result":{{"result_error_code":-999}}}},{b},"a_response":{{}}}}"#
    );
    let error = error_of::<AliexpressError>(&body);
    assert_eq!(error.code(), Code::Str("F00-00-10013-002"));
}

/// With serde_json's `arbitrary_precision` (which any crate can switch on), serde_json hands
/// numbers over as a map with this key; without it, such a map is an object. Either way,
/// bytes read as a `Value` does. (CI runs this file with the feature too.)
#[test]
fn numbers_read_as_serde_json_reads_them_with_or_without_arbitrary_precision() {
    let error = error_of::<WechatShopError>(r#"{"errcode":40001.0,"errmsg":"invalid credential"}"#);
    assert_eq!(error.message(), "invalid credential");
    let error = error_of::<WechatShopError>(r#"{"errcode":40001,"errmsg":12.5}"#);
    assert_eq!((error.code(), error.message()), (Code::Int(40001), "12.5"));
    let body = r#"{"errcode":{"$serde_json::private::Number":"45009"},"errmsg":"x"}"#;
    let read = both::<WechatShopError>(body);
    let value: Value = serde_json::from_str(body).expect("JSON");
    if value["errcode"].is_number() {
        assert_eq!(read.expect("read").expect("an error").code(), 45009);
    } else {
        assert_eq!(read, Err((ResponseErrorKind::CodeType, Some("errcode"))));
    }
}
