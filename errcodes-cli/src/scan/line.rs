//! What one log line holds: a response body, a status with a body, an error record
//! (`errcodes::ApiError` serialized), or an event of errcodes' `tracing` feature as a JSON
//! subscriber writes it (its fields nested under `fields`, or flattened). The subscriber's
//! other events (the application's own, errcodes' retry decisions) are none of these.

use serde::Deserialize;
use serde_json::value::RawValue;

/// A line, as far as it can be read without the platform's table.
#[derive(Debug, PartialEq, Eq)]
pub enum Shape<'a> {
    /// A response body, with the HTTP status where the line gives one.
    Body { status: Option<u16>, body: Body<'a> },
    /// An error already read: a record or an event.
    Error(Received),
    /// A JSON subscriber's event that tells no platform's error: the same log holds the
    /// application's own events and errcodes' retry decisions, which are no malformed line.
    OtherEvent,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Body<'a> {
    Bytes(&'a [u8]),
    /// A body logged as a JSON string.
    Text(String),
}

/// An error as a record or an event tells it.
#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Received {
    pub platform: Option<String>,
    #[serde(deserialize_with = "text")]
    pub code: Option<String>,
    /// The platform's message: a record's `message`, an event's `platform_message` (an
    /// event's `message` is its own text).
    pub message: Option<String>,
    platform_message: Option<String>,
    #[serde(deserialize_with = "text")]
    pub sub_code: Option<String>,
    #[serde(deserialize_with = "text")]
    pub sub_message: Option<String>,
    #[serde(deserialize_with = "text")]
    pub request_id: Option<String>,
    #[serde(deserialize_with = "text")]
    pub status: Option<String>,
    /// An event's time, where the subscriber writes one.
    #[serde(skip)]
    pub timestamp: Option<String>,
}

/// The keys that tell a wrapper, a record or an event from a body; found by text first, so
/// that a plain body is parsed once, by the table's reader.
const MARKERS: [&str; 4] = [
    "\"body\"",
    "\"platform\"",
    "\"platform_message\"",
    "\"level\"",
];

/// The top-level keys that tell the kinds apart.
#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow)]
    body: Option<&'a RawValue>,
    status: Option<&'a RawValue>,
    fields: Option<&'a RawValue>,
    platform: Option<&'a RawValue>,
    name: Option<&'a RawValue>,
    platform_message: Option<&'a RawValue>,
    timestamp: Option<&'a RawValue>,
    level: Option<&'a RawValue>,
    target: Option<&'a RawValue>,
}

/// Reads `line`; `Err` says why it is no line errcodes reads. A body is checked only by
/// the table's reader, later.
pub fn read(line: &[u8]) -> Result<Shape<'_>, String> {
    let text = std::str::from_utf8(line).map_err(|_| "not UTF-8".to_owned())?;
    let body = Shape::Body {
        status: None,
        body: Body::Bytes(line),
    };
    if !MARKERS.iter().any(|marker| text.contains(marker)) {
        return Ok(body);
    }
    // Not an object of these keys (a body with a repeated key, say): the reader decides.
    let Ok(probe) = serde_json::from_str::<Probe<'_>>(text) else {
        return Ok(body);
    };
    if let Some(fields) = probe
        .fields
        .filter(|fields| fields.get().contains("platform_message"))
    {
        return event(fields.get(), probe.timestamp);
    }
    if probe.platform_message.is_some() {
        return event(text, probe.timestamp);
    }
    if probe.platform.is_some() && probe.name.is_some() {
        let record: Received =
            serde_json::from_str(text).map_err(|error| format!("an error record, but {error}"))?;
        return Ok(Shape::Error(record));
    }
    match probe.body {
        Some(inner) => wrapped(probe.status, inner),
        // What a JSON subscriber writes for every event: its level and its target, or its
        // fields.
        None if probe.level.is_some() && (probe.target.is_some() || probe.fields.is_some()) => {
            Ok(Shape::OtherEvent)
        }
        None => Ok(body),
    }
}

fn event(fields: &str, timestamp: Option<&RawValue>) -> Result<Shape<'static>, String> {
    let mut received: Received =
        serde_json::from_str(fields).map_err(|error| format!("an errcodes event, but {error}"))?;
    received.message = received.platform_message.take();
    received.timestamp = timestamp.and_then(|time| serde_json::from_str(time.get()).ok());
    Ok(Shape::Error(received))
}

/// `{"status": 400, "body": …}`: the body as an object, or as text holding one.
fn wrapped<'a>(status: Option<&RawValue>, body: &'a RawValue) -> Result<Shape<'a>, String> {
    let status = match status {
        None => None,
        Some(status) => match serde_json::from_str::<Option<u16>>(status.get()) {
            Ok(status) => status,
            Err(_) => return Err(format!("`status` is {}, not an HTTP status", status.get())),
        },
    };
    let body = match serde_json::from_str::<String>(body.get()) {
        Ok(text) => Body::Text(text),
        Err(_) => Body::Bytes(body.get().as_bytes()),
    };
    Ok(Shape::Body { status, body })
}

/// A scalar as text: tracing writes a code as text, a record as a number.
fn text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(match value {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(text),
        Some(other) => Some(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(line: &str) -> Shape<'_> {
        Shape::Body {
            status: None,
            body: Body::Bytes(line.as_bytes()),
        }
    }

    #[test]
    fn a_plain_body_is_left_to_the_table() {
        let line = r#"{"errcode":40001,"errmsg":"invalid credential"}"#;
        assert_eq!(read(line.as_bytes()), Ok(body(line)));
        // A key `status` is a body's (Wangdiantong's code is there), not a wrapper's.
        let line = r#"{"status":100,"message":"x"}"#;
        assert_eq!(read(line.as_bytes()), Ok(body(line)));
    }

    #[test]
    fn a_wrapper_gives_its_status_and_body_as_object_or_text() {
        let line = r#"{"status":503,"body":{"errcode":-1}}"#;
        assert_eq!(
            read(line.as_bytes()),
            Ok(Shape::Body {
                status: Some(503),
                body: Body::Bytes(br#"{"errcode":-1}"#)
            })
        );
        let line = r#"{"status":200,"body":"{\"errcode\":-1}"}"#;
        assert_eq!(
            read(line.as_bytes()),
            Ok(Shape::Body {
                status: Some(200),
                body: Body::Text(r#"{"errcode":-1}"#.into())
            })
        );
        assert!(read(br#"{"status":"x","body":{}}"#).is_err());
    }

    #[test]
    fn records_and_events_nested_or_flat() {
        let record = r#"{"platform":"wangdiantong","code":100,"name":"RateLimited","message":"m","retry":"throttled 5m","request_id":null}"#;
        let Ok(Shape::Error(record)) = read(record.as_bytes()) else {
            panic!()
        };
        assert_eq!(record.code.as_deref(), Some("100"));
        assert_eq!(record.message.as_deref(), Some("m"));
        let event = r#"{"timestamp":"2026-12-06T10:00:00Z","level":"WARN","fields":{"message":"x","kind":"unknown_code","platform":"wechat_shop","code":"48999","platform_message":"new"},"target":"errcodes::lacking"}"#;
        let Ok(Shape::Error(event)) = read(event.as_bytes()) else {
            panic!()
        };
        assert_eq!(event.platform.as_deref(), Some("wechat_shop"));
        assert_eq!(event.code.as_deref(), Some("48999"));
        assert_eq!(event.message.as_deref(), Some("new"));
        assert_eq!(event.timestamp.as_deref(), Some("2026-12-06T10:00:00Z"));
        let event = r#"{"level":"WARN","fields":{"kind":"unknown_sub_code","platform":"alipay","code":"20000","sub_code":"isp.x","sub_message":"子错误","platform_message":"m"},"target":"errcodes::lacking"}"#;
        let Ok(Shape::Error(event)) = read(event.as_bytes()) else {
            panic!()
        };
        assert_eq!(event.sub_message.as_deref(), Some("子错误"));
        let flat = r#"{"level":"WARN","kind":"unknown_code","platform":"wechat_shop","code":"1","platform_message":"m","target":"errcodes::lacking"}"#;
        let Ok(Shape::Error(flat)) = read(flat.as_bytes()) else {
            panic!()
        };
        assert_eq!(flat.code.as_deref(), Some("1"));
    }

    #[test]
    fn a_subscribers_other_events_are_neither_errors_nor_bodies() {
        let retry = r#"{"timestamp":"2026-12-06T20:14:31.736361Z","level":"DEBUG","fields":{"message":"retry after 147ms","attempt":1,"class":"transient","decision":"retry","wait_ms":147},"target":"errcodes::retry"}"#;
        assert_eq!(read(retry.as_bytes()), Ok(Shape::OtherEvent));
        // An event in a span that `errcodes::trace::record` filled: the span is no error
        // of its own (the `errcodes::lacking` event already told it).
        let in_span = r#"{"timestamp":"2026-12-06T20:14:31.7Z","level":"INFO","fields":{"message":"inside"},"target":"app","span":{"code":"100","platform":"wangdiantong","platform_message":"m","name":"call"}}"#;
        assert_eq!(read(in_span.as_bytes()), Ok(Shape::OtherEvent));
        let flat = r#"{"level":"INFO","message":"started","target":"app"}"#;
        assert_eq!(read(flat.as_bytes()), Ok(Shape::OtherEvent));
        // A body with a key `level` is still a body.
        let line = r#"{"errcode":0,"level":3}"#;
        assert_eq!(read(line.as_bytes()), Ok(body(line)));
    }

    #[test]
    fn bytes_that_are_not_text_are_no_line() {
        assert!(read(b"\xff\xfe").is_err());
    }
}
