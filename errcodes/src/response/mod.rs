//! Reading a platform's JSON response (feature `json`): where its code and message are,
//! and which codes mean success. A spec declares this as its `envelope`; the enum of a
//! spec with one implements [`FromResponse`], whose methods read it.

mod error;
mod failure;
mod from_response;
mod http;
mod prune;
mod scan;
mod value;
mod values;
#[cfg(feature = "xml")]
mod xml;

use core::marker::PhantomData;
use std::borrow::Cow;

use serde_json::Value;

pub use error::{ResponseError, ResponseErrorKind};
pub use failure::Error;
#[cfg(feature = "runtime")]
pub(crate) use from_response::outcome;
pub use from_response::FromResponse;
pub use http::Http;

use crate::api_error::Received;
use crate::catalog::{self, Catalog, Query};
use crate::table::{Envelope, Key, Match, Path, Table};
use crate::{ApiError, Code, PlatformError};
use errcodes_layout::Format;
use values::{Found, Values, CODE, MESSAGE, REQUEST_ID, SUB_CODE, SUB_MESSAGE};

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
/// With a status that is not 2xx, a body that reads as a success, or has no code, is an
/// error.
pub(crate) fn read<E: Catalog, B: Body + ?Sized>(
    body: &B,
    http: Option<Http>,
) -> Result<Option<ApiError<E>>, ResponseError> {
    read_with(&Compiled::<E>(PhantomData), body, http)
}

/// A table and the lookup that makes its errors: a generated enum's, or a run-time
/// table's. The one reader below serves both.
pub(crate) trait Lookup {
    /// What the lookup makes.
    type Error: PlatformError + 'static;
    /// The table, with its envelope.
    fn table(&self) -> &Table;
    /// What `query` finds, for an [`ApiError`]: what does not choose the entry is left
    /// until asked for ([`Match::WhenAsked`]).
    fn lookup<'m>(&self, query: &Query<'m>) -> catalog::Found<'m, Self::Error>;
}

/// The lookup of generated enum `E`.
struct Compiled<E>(PhantomData<fn() -> E>);

impl<E: Catalog> Lookup for Compiled<E> {
    type Error = E;

    fn table(&self) -> &Table {
        E::__table()
    }

    fn lookup<'m>(&self, query: &Query<'m>) -> catalog::Found<'m, E> {
        catalog::of_query(E::__table(), query, Match::WhenAsked, E::__from_index)
    }
}

/// [`read`] with `lookup`'s table and lookup.
pub(crate) fn read_with<L: Lookup, B: Body + ?Sized>(
    lookup: &L,
    body: &B,
    http: Option<Http>,
) -> Result<Option<ApiError<L::Error>>, ResponseError> {
    let table = lookup.table();
    let Some(reader) = table.reader() else {
        return Err(ResponseError::new(ResponseErrorKind::NoEnvelope).with_http(http));
    };
    let levels = table.levels();
    let response = Response {
        envelope: &reader.envelope,
        paths: reader.paths.as_ref(),
        http,
        lookup,
        last: levels <= 1,
    };
    if response.last {
        return response.read(body.__body());
    }
    // Each level is read where those before it read as a success.
    for index in 0..levels {
        let Some(envelope) = table.level(index) else {
            break;
        };
        let reader = Reader::new(envelope);
        let response = Response {
            envelope: &reader.envelope,
            paths: reader.paths.as_ref(),
            last: index + 1 == levels,
            ..response
        };
        if let Some(error) = response.read(body.__body())? {
            let level = u8::try_from(index).unwrap_or(u8::MAX);
            return Ok(Some(error.at_level(level)));
        }
    }
    Ok(None)
}

/// An envelope level and its paths as the scan reads them: a table keeps its first level's,
/// read at the first response, so that a read decodes neither.
#[derive(Debug)]
pub(crate) struct Reader {
    envelope: Envelope,
    /// `None` where the scan does not take the envelope (too many paths, or too long).
    paths: Option<scan::Paths>,
}

impl Reader {
    pub(crate) fn new(envelope: Envelope) -> Self {
        let slots = values::slots(&envelope);
        // The scan reads no JSON text inside a string: such an envelope is read exactly.
        let paths = if values::through_text(&slots) {
            None
        } else {
            scan::Paths::new(&slots)
        };
        Reader { envelope, paths }
    }
}

/// A response being read: its envelope, what the HTTP layer said, and the lookup that
/// classifies an error.
struct Response<'e, L> {
    envelope: &'e Envelope,
    paths: Option<&'e scan::Paths>,
    http: Option<Http>,
    lookup: &'e L,
    /// Whether this is the envelope's last level: only there does a status that is not
    /// 2xx make a success an error; a level before it that reads as a success hands the
    /// body on to the next.
    last: bool,
}

impl<L> Clone for Response<'_, L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L> Copy for Response<'_, L> {}

impl<L: Lookup> Response<'_, L> {
    fn fail(&self, error: ResponseError) -> ResponseError {
        error.with_http(self.http)
    }

    fn failed(&self) -> bool {
        self.last && self.http.is_some_and(|http| !http.is_success())
    }

    /// Reads a body, as bytes or as a `Value`.
    fn read(&self, body: Source<'_>) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        match body {
            Source::Value(value) => self.value(value),
            Source::Bytes(bytes) => self.bytes(bytes),
        }
    }

    /// Whether the envelope is led by the status and the status is a success (2xx).
    fn status_says_success(&self) -> bool {
        self.envelope.status_led && self.http.is_some_and(|http| http.is_success())
    }

    /// Reads `bytes` in one pass, or, where that is not sure, exactly.
    fn bytes(&self, bytes: &[u8]) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        // A 204 has no body: where the status leads, it alone says.
        if self.envelope.status_led && bytes.iter().all(u8::is_ascii_whitespace) {
            return self.success();
        }
        if self.envelope.format != Format::Json && is_xml(self.envelope.format, bytes) {
            return self.xml(bytes);
        }
        // The scan follows no list: an envelope whose paths go through one is read exactly.
        if !self.envelope.lists {
            let mut values = Values::default();
            if let Some(()) = self
                .paths
                .and_then(|paths| scan::scan(bytes, paths, &mut values))
            {
                return self.decide(Some(&values));
            }
        }
        let slots = values::slots(self.envelope);
        let not_json = |error| self.fail(ResponseError::json(error));
        let all: Vec<&'static Path> = slots.iter().flat_map(|paths| paths.iter()).collect();
        let mut json = serde_json::Deserializer::from_slice(bytes);
        let pruned = prune::prune(&mut json, &all).map_err(not_json)?;
        json.end().map_err(not_json)?;
        self.value(&pruned)
    }

    /// Reads an XML body (feature `xml`) as the `Value` of what its paths lead through.
    fn xml(&self, bytes: &[u8]) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        #[cfg(feature = "xml")]
        {
            let slots = values::slots(self.envelope);
            let all: Vec<&'static Path> = slots.iter().flat_map(|paths| paths.iter()).collect();
            let body =
                xml::read(bytes, &all).map_err(|error| self.fail(ResponseError::xml(error)))?;
            self.value(&body)
        }
        #[cfg(not(feature = "xml"))]
        {
            let _ = bytes;
            let missing = "errcodes was built without its feature `xml`, which reads XML bodies";
            Err(self.fail(ResponseError::xml(missing)))
        }
    }

    /// Reads a `Value`: where the paths go through a list, its first item is the error,
    /// and the items after it that read as errors are its [`others`](ApiError::others).
    fn value(&self, body: &Value) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        let first = self.decide(value::read(body, self.envelope, 0).as_ref())?;
        match first {
            Some(error) if self.envelope.lists => {
                let others = (1..value::items(body, self.envelope))
                    .filter_map(|item| {
                        let values = value::read(body, self.envelope, item);
                        self.decide(values.as_ref()).ok().flatten()
                    })
                    .collect();
                Ok(Some(error.with_others(others)))
            }
            first => Ok(first),
        }
    }

    /// What the values an object's paths lead to say; `None` for a body that is no object
    /// (with `status_led`, a 2xx one is a success: the status leads).
    fn decide(
        &self,
        values: Option<&Values<'_>>,
    ) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        let Some(values) = values else {
            if self.status_says_success() {
                return Ok(None);
            }
            return Err(self.fail(ResponseError::new(ResponseErrorKind::NotAnObject)));
        };
        let code = match values.get(CODE) {
            None => None,
            Some((_, Found::Null)) => Some(Code::None),
            Some((_, Found::Int(code))) => Some(Code::Int(*code)),
            Some((_, Found::Text(code))) => Some(Code::Str(code)),
            Some((_, Found::Number(code))) => Some(Code::Str(code)),
            Some((path, found)) => {
                let kind = ResponseErrorKind::CodeType;
                return Err(self.fail(ResponseError::at(kind, path.text, found.kind())));
            }
        };
        match code {
            None => self.codeless(values, Codeless::Absent),
            Some(Code::None) => self.codeless(values, Codeless::Null),
            Some(Code::Str(text)) if self.envelope.success_empty && text.trim().is_empty() => {
                self.codeless(values, Codeless::Empty)
            }
            Some(code) if self.is_success(code) => self.success(),
            Some(code) => self.error(code, values).map(Some),
        }
    }

    /// A body without a code is a success where the status leads and says so; else an
    /// error if it carries an error message, sub-code or sub-message; else a success where
    /// the envelope allows it and the code is absent (or empty, with `success_empty`), not
    /// `null`.
    fn codeless(
        &self,
        values: &Values<'_>,
        how: Codeless,
    ) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        if how != Codeless::Null && self.status_says_success() {
            return Ok(None);
        }
        let message = self.message(values)?;
        let says = |text: &str| !text.trim().is_empty();
        let is_error = message
            .as_deref()
            .is_some_and(|text| says(text) && !self.is_success_message(text))
            || [SUB_CODE, SUB_MESSAGE]
                .into_iter()
                .any(|slot| text(values, slot).as_deref().is_some_and(says));
        if is_error {
            self.error(Code::None, values).map(Some)
        } else if self.failed() {
            Err(self.fail(ResponseError::new(ResponseErrorKind::Status)))
        } else if match how {
            Codeless::Absent => self.envelope.success_without_code || self.envelope.status_led,
            Codeless::Empty => true,
            Codeless::Null => false,
        } {
            Ok(None)
        } else {
            Err(self.fail(ResponseError::new(ResponseErrorKind::NoCode)))
        }
    }

    fn success(&self) -> Result<Option<ApiError<L::Error>>, ResponseError> {
        if self.failed() {
            Err(self.fail(ResponseError::new(ResponseErrorKind::Status)))
        } else {
            Ok(None)
        }
    }

    /// The error `code` and the rest of `values` make, classified as `lookup` does.
    fn error(
        &self,
        code: Code<'_>,
        values: &Values<'_>,
    ) -> Result<ApiError<L::Error>, ResponseError> {
        let message = self.message(values)?.unwrap_or_default();
        let sub_code = text(values, SUB_CODE);
        let sub_message = text(values, SUB_MESSAGE);
        let request_id = text(values, REQUEST_ID);
        let received = Received {
            sub_code: sub_code.as_deref(),
            sub_message: sub_message.as_deref(),
            request_id: request_id.as_deref(),
            status: self.http.map(|http| http.status),
            retry_after: self.http.and_then(|http| http.retry_after),
        };
        let mut query = Query::new(code).message(&message);
        if let Some(sub_code) = received.sub_code {
            query = query.sub_code(sub_code);
        }
        let found = self.lookup.lookup(&query);
        #[cfg(feature = "tracing")]
        let lack = crate::trace::lack(&found);
        let error = ApiError::found(found, &query, received);
        #[cfg(feature = "tracing")]
        if let Some(kind) = lack {
            crate::trace::lacking(kind, &error);
        }
        Ok(error)
    }

    /// The message, if the body has one; text of another type is an error.
    fn message<'v>(&self, values: &'v Values<'_>) -> Result<Option<Cow<'v, str>>, ResponseError> {
        match values.get(MESSAGE) {
            None | Some((_, Found::Null)) => Ok(None),
            Some((path, found)) => text_of(found).map(Some).ok_or_else(|| {
                let kind = ResponseErrorKind::MessageType;
                self.fail(ResponseError::at(kind, path.text, found.kind()))
            }),
        }
    }

    fn is_success(&self, code: Code<'_>) -> bool {
        let key = Key::of(code);
        self.envelope
            .success
            .iter()
            .any(|&success| Key::of(success) == key)
    }

    fn is_success_message(&self, message: &str) -> bool {
        let message = message.trim();
        self.envelope
            .success_message
            .iter()
            .any(|&success| success.trim() == message)
    }
}

/// Whether a body of an envelope whose format is not JSON is read as XML: always for
/// `xml`; for `auto`, where its first byte that is no space (after a UTF-8 byte order mark)
/// is `<`.
fn is_xml(format: Format, body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    format == Format::Xml || body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// How a body has no code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codeless {
    /// No code path leads to a value.
    Absent,
    /// The code is `null`.
    Null,
    /// The code is empty text, and the envelope says `success_empty`.
    Empty,
}

/// The text of slot `slot`, if it holds a scalar.
#[inline]
fn text<'v>(values: &'v Values<'_>, slot: usize) -> Option<Cow<'v, str>> {
    values.get(slot).and_then(|(_, found)| text_of(found))
}

/// A scalar as text: a message or an id may come as a number. Text is borrowed where the
/// body holds it as it is.
#[inline]
fn text_of<'v>(found: &'v Found<'_>) -> Option<Cow<'v, str>> {
    match found {
        Found::Text(text) => Some(Cow::Borrowed(text)),
        Found::Int(n) => Some(Cow::Owned(n.to_string())),
        Found::Number(n) => Some(Cow::Borrowed(n)),
        Found::Bool(b) => Some(Cow::Owned(b.to_string())),
        Found::Null | Found::Object | Found::Array => None,
    }
}
