//! Reading a platform's JSON response: where its code and message are, and which codes mean
//! success. A spec declares this as its `envelope`; `from_response` on the generated enum
//! reads it (feature `json`).

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

use crate::table::Key;
use crate::Code;

/// A response body `from_response` accepts: JSON text as bytes or a string, or a parsed
/// [`serde_json::Value`].
pub trait Body {
    /// The body as a JSON value.
    ///
    /// # Errors
    /// When the body is not JSON.
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error>;
}

impl Body for Value {
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error> {
        Ok(Cow::Borrowed(self))
    }
}

impl Body for [u8] {
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error> {
        serde_json::from_slice(self).map(Cow::Owned)
    }
}

impl<const N: usize> Body for [u8; N] {
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error> {
        self[..].json()
    }
}

impl Body for Vec<u8> {
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error> {
        self[..].json()
    }
}

impl Body for str {
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error> {
        self.as_bytes().json()
    }
}

impl Body for String {
    fn json(&self) -> Result<Cow<'_, Value>, serde_json::Error> {
        self.as_bytes().json()
    }
}

/// Why a response could not be read. The body is the caller's: nothing is lost.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResponseError {
    /// The body is not JSON.
    Json(serde_json::Error),
    /// The body is JSON but not an object, so it has no envelope.
    NotAnObject,
    /// The code is there but is neither an integer nor a string.
    Code {
        /// Where the code was found, as the spec writes it (`error.code`).
        path: &'static str,
        /// What was found instead: `a boolean`, `an object`...
        found: &'static str,
    },
    /// The message is there but is not text.
    Message {
        /// Where the message was found, as the spec writes it.
        path: &'static str,
        /// What was found instead.
        found: &'static str,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Json(error) => write!(f, "the response is not JSON: {error}"),
            ResponseError::NotAnObject => {
                f.write_str("the response is JSON but not an object, so it has no envelope")
            }
            ResponseError::Code { path, found } => write!(
                f,
                "the response's code at `{path}` is {found}, not an integer or a string"
            ),
            ResponseError::Message { path, found } => {
                write!(f, "the response's message at `{path}` is {found}, not text")
            }
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ResponseError::Json(error) => Some(error),
            _ => None,
        }
    }
}

/// A spec's `envelope`: where a response keeps its code and message.
#[derive(Debug)]
pub struct Envelope {
    /// Paths to the code, tried in order; each as the spec writes it and split at `.`.
    pub code: &'static [Path],
    /// Paths to the message, tried in order.
    pub message: &'static [Path],
    /// Codes that mean success. A response with no code at any path is a success too.
    pub success: &'static [Code<'static>],
}

/// One path into a response: `error.code` is `["error", "code"]`; `*` is any key.
#[derive(Debug)]
pub struct Path {
    /// The path as the spec writes it, for error messages.
    pub text: &'static str,
    /// Its keys.
    pub keys: &'static [&'static str],
}

/// Reads `body` through `envelope`: `None` for a success, else what `classify` makes of the
/// code and message found.
///
/// # Errors
/// When the body is not a JSON object, or its code or message has the wrong type.
pub fn from_response<B, T>(
    envelope: &Envelope,
    body: &B,
    classify: impl FnOnce(Key<'_>, &str) -> T,
) -> Result<Option<T>, ResponseError>
where
    B: Body + ?Sized,
{
    let root = body.json().map_err(ResponseError::Json)?;
    if !root.is_object() {
        return Err(ResponseError::NotAnObject);
    }
    let Some((path, code)) = find(&root, envelope.code) else {
        return Ok(None);
    };
    let text;
    let key = match code {
        Value::Number(number) => {
            if let Some(code) = number.as_i64() {
                Key::Int(code)
            } else {
                // Beyond i64 (or a fraction): kept as received, as text.
                text = number.to_string();
                Key::Str(&text)
            }
        }
        Value::String(code) => Key::parse(code),
        other => {
            return Err(ResponseError::Code {
                path: path.text,
                found: kind(other),
            })
        }
    };
    let is_success = envelope.success.iter().any(|success| match (success, key) {
        (Code::Int(a), Key::Int(b)) => *a == b,
        (Code::Str(a), Key::Str(b)) => *a == b,
        _ => false,
    });
    if is_success {
        return Ok(None);
    }
    let scalar;
    let message = match find(&root, envelope.message) {
        None => "",
        Some((_, Value::String(message))) => message,
        Some((_, value @ (Value::Number(_) | Value::Bool(_)))) => {
            scalar = value.to_string();
            &scalar
        }
        Some((path, other)) => {
            return Err(ResponseError::Message {
                path: path.text,
                found: kind(other),
            })
        }
    };
    Ok(Some(classify(key, message)))
}

/// The first path that leads to a value other than `null`, and that value.
fn find<'v>(root: &'v Value, paths: &'static [Path]) -> Option<(&'static Path, &'v Value)> {
    paths
        .iter()
        .find_map(|path| resolve(root, path.keys).map(|value| (path, value)))
}

fn resolve<'v>(value: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    let Some((first, rest)) = keys.split_first() else {
        return (!value.is_null()).then_some(value);
    };
    let Value::Object(map) = value else {
        return None;
    };
    if *first == "*" {
        map.values().find_map(|value| resolve(value, rest))
    } else {
        map.get(*first).and_then(|value| resolve(value, rest))
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `from_response` on a generated enum whose spec has an `envelope`, with feature `json`.
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_response_impls {
    ($ty:ident, $envelope:expr, $classify:expr) => {
        // A crate uses only part of the API; the rest must not warn in a binary crate.
        #[allow(dead_code)]
        impl $ty {
            /// Reads a response body (bytes, text or a `serde_json::Value`) through the
            /// spec's envelope: `Ok(None)` when it reports success (a success code, or no
            /// code at all), else the error, classified by its code and message as
            /// [`classify`](Self::classify) does.
            ///
            /// # Errors
            /// When the body is not a JSON object, or its code is neither an integer nor
            /// a string.
            pub fn from_response<B>(
                body: &B,
            ) -> ::core::result::Result<::core::option::Option<Self>, $crate::response::ResponseError>
            where
                B: $crate::response::Body + ?::core::marker::Sized,
            {
                static ENVELOPE: $crate::__private::Envelope = $envelope;
                $crate::__private::from_response(&ENVELOPE, body, $classify)
            }
        }
    };
}
