//! Reading a platform's JSON response (feature `json`): where its code and message are,
//! and which codes mean success. A spec declares this as its `envelope`;
//! [`Catalog::from_response`] and
//! [`Catalog::from_http`] read it.

mod error;
mod read;

use std::borrow::Cow;

use serde_json::Value;

pub use error::{ResponseError, ResponseErrorKind};

use crate::api_error::Received;
use crate::catalog::{Catalog, Query};
use crate::table::{Envelope, Key};
use crate::{ApiError, Code};
use read::{Found, CODE, MESSAGE, REQUEST_ID, SUB_CODE, SUB_MESSAGE};

/// A response body `from_response` accepts: JSON text as bytes or a string, or a parsed
/// [`serde_json::Value`].
pub trait Body {
    #[doc(hidden)]
    fn __body(&self) -> Source<'_>;
}

#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    Bytes(&'a [u8]),
    Value(&'a Value),
}

impl Body for Value {
    fn __body(&self) -> Source<'_> {
        Source::Value(self)
    }
}

impl Body for [u8] {
    fn __body(&self) -> Source<'_> {
        Source::Bytes(self)
    }
}

impl<const N: usize> Body for [u8; N] {
    fn __body(&self) -> Source<'_> {
        Source::Bytes(self)
    }
}

impl Body for Vec<u8> {
    fn __body(&self) -> Source<'_> {
        Source::Bytes(self)
    }
}

impl Body for str {
    fn __body(&self) -> Source<'_> {
        Source::Bytes(self.as_bytes())
    }
}

impl Body for String {
    fn __body(&self) -> Source<'_> {
        Source::Bytes(self.as_bytes())
    }
}

/// Reads `body` through `E`'s envelope: `None` for a success, else the classified error.
/// With a `status` that is not 2xx, a body that reads as a success, or has no code, is an
/// error.
pub(crate) fn read<E: Catalog, B: Body + ?Sized>(
    body: &B,
    status: Option<u16>,
) -> Result<Option<ApiError<E>>, ResponseError> {
    let failed = status.is_some_and(|status| !(200..300).contains(&status));
    let error = |error: ResponseError| error.with_status(status);
    let Some(envelope) = E::__table().envelope() else {
        return Err(error(ResponseError::new(ResponseErrorKind::NoEnvelope)));
    };
    let paths = [
        envelope.code,
        envelope.message,
        envelope.sub_code,
        envelope.sub_message,
        envelope.request_id,
    ];
    let walked = match body.__body() {
        Source::Bytes(bytes) => {
            let mut json = serde_json::Deserializer::from_slice(bytes);
            read::walk(&mut json, &paths).and_then(|values| json.end().map(|()| values))
        }
        Source::Value(value) => read::walk(value, &paths),
    };
    let mut values = walked
        .map_err(|json| error(ResponseError::json(json)))?
        .ok_or_else(|| error(ResponseError::new(ResponseErrorKind::NotAnObject)))?;
    let mut take = |slot| {
        values
            .take(slot)
            .as_ref()
            .and_then(text_of)
            .map(|text| Box::from(text.as_ref()))
    };
    let received = Received {
        sub_code: take(SUB_CODE),
        sub_message: take(SUB_MESSAGE),
        request_id: take(REQUEST_ID),
        status,
    };
    let text;
    let code = match values.get(CODE) {
        None if envelope.success_without_code && !failed => return Ok(None),
        None if failed => return Err(error(ResponseError::new(ResponseErrorKind::Status))),
        None => return Err(error(ResponseError::new(ResponseErrorKind::NoCode))),
        Some((_, Found::Int(code))) => Code::Int(*code),
        Some((_, Found::Text(code))) => Code::Str(code),
        Some((_, Found::Number(code))) => {
            text = code.clone();
            Code::Str(&text)
        }
        Some((path, found)) => {
            let kind = ResponseErrorKind::CodeType;
            return Err(error(ResponseError::at(kind, path.text, found.kind())));
        }
    };
    if is_success(&envelope, code) {
        return if failed {
            Err(error(ResponseError::new(ResponseErrorKind::Status)))
        } else {
            Ok(None)
        };
    }
    let message = match values.get(MESSAGE) {
        None => Cow::Borrowed(""),
        Some((path, found)) => text_of(found).ok_or_else(|| {
            let kind = ResponseErrorKind::MessageType;
            error(ResponseError::at(kind, path.text, found.kind()))
        })?,
    };
    let sub_code = received.sub_code.clone();
    let mut query = Query::new(code).message(&message);
    if let Some(sub_code) = sub_code.as_deref() {
        query = query.sub_code(sub_code);
    }
    Ok(Some(ApiError::with(&query, received)))
}

/// A scalar as text: a message or an id may come as a number. Text is borrowed where the
/// body holds it as it is.
fn text_of<'v>(found: &'v Found<'_>) -> Option<Cow<'v, str>> {
    match found {
        Found::Text(text) => Some(Cow::Borrowed(text)),
        Found::Int(n) => Some(Cow::Owned(n.to_string())),
        Found::Number(n) => Some(Cow::Borrowed(n)),
        Found::Bool(b) => Some(Cow::Owned(b.to_string())),
        Found::Object | Found::Array => None,
    }
}

fn is_success(envelope: &Envelope, code: Code<'_>) -> bool {
    let key = Key::of(code);
    envelope
        .success
        .iter()
        .any(|&success| Key::of(success) == key)
}
