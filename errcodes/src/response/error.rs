//! [`ResponseError`]: why a response body could not be read as a platform's envelope.

use core::fmt;

use super::Http;
use crate::RetryClass;

/// Why a response could not be read. The body is the caller's: nothing is lost.
///
/// Like [`std::io::Error`], it is a [`kind`](Self::kind) to match on, plus what is known:
/// the HTTP status where the caller gave one, and where in the body the problem is. The
/// JSON parser's own error, for a body that is not JSON, is its
/// [`source`](std::error::Error::source), not part of its `Display`, so that a chain printer
/// shows it once.
#[derive(Debug)]
pub struct ResponseError {
    kind: ResponseErrorKind,
    http: Option<Http>,
    path: Option<&'static str>,
    found: Option<&'static str>,
    /// The JSON parser's error, or the transport's.
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// What kind of [`ResponseError`] happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseErrorKind {
    /// The body is not JSON (a proxy's HTML error page, a truncated body), or is nested
    /// deeper than the JSON reader allows.
    NotJson,
    /// The envelope says the body is XML (`format: xml`, or `auto` and the body starts
    /// with `<`), and it is not: not well-formed, not UTF-8, or the build of errcodes lacks
    /// feature `xml`. The reason is the error's [`source`](std::error::Error::source).
    NotXml,
    /// The body is JSON but not an object, so it has no envelope.
    NotAnObject,
    /// The body has no code where the envelope says (or the code is `null`), carries no
    /// error message or sub-code either, and the spec does not count that as a success.
    NoCode,
    /// The HTTP status is not a success (2xx) but the body reads as one.
    Status,
    /// The code is there but is neither an integer nor a string.
    CodeType,
    /// The message is there but is not text.
    MessageType,
    /// The spec declares no `envelope`, so responses cannot be read. Generated enums only
    /// read responses where their spec has one: this comes of a table loaded at run time.
    NoEnvelope,
    /// The request got no response ([`ResponseError::no_response`]).
    NoResponse,
}

impl ResponseError {
    pub(crate) fn new(kind: ResponseErrorKind) -> Self {
        ResponseError {
            kind,
            http: None,
            path: None,
            found: None,
            source: None,
        }
    }

    pub(crate) fn json(error: serde_json::Error) -> Self {
        ResponseError {
            source: Some(Box::new(error)),
            ..ResponseError::new(ResponseErrorKind::NotJson)
        }
    }

    pub(crate) fn xml(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        ResponseError {
            source: Some(error.into()),
            ..ResponseError::new(ResponseErrorKind::NotXml)
        }
    }

    pub(crate) fn at(kind: ResponseErrorKind, path: &'static str, found: &'static str) -> Self {
        ResponseError {
            path: Some(path),
            found: Some(found),
            ..ResponseError::new(kind)
        }
    }

    pub(crate) fn with_http(mut self, http: Option<Http>) -> Self {
        self.http = http;
        self
    }

    /// A request that got no response at all (the connection failed, or timed out), with
    /// the transport's error as its [`source`](std::error::Error::source): so that an SDK's
    /// one error type, [`Error`](crate::Error), covers every way a call can fail. Its retry
    /// class is transient.
    ///
    /// ```
    /// use errcodes::response::{ResponseError, ResponseErrorKind};
    /// use errcodes::RetryClass;
    ///
    /// let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    /// let error = ResponseError::no_response(refused);
    /// assert_eq!(error.kind(), ResponseErrorKind::NoResponse);
    /// assert_eq!(error.retry_class(), RetryClass::Transient);
    /// ```
    #[must_use]
    pub fn no_response(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        ResponseError {
            source: Some(error.into()),
            ..ResponseError::new(ResponseErrorKind::NoResponse)
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> ResponseErrorKind {
        self.kind
    }

    /// The HTTP status of the response, where the caller gave it (`from_http`).
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.http.map(|http| http.status)
    }

    /// Where in the body the problem is, as the spec writes the path (`error.code`).
    #[must_use]
    pub fn path(&self) -> Option<&'static str> {
        self.path
    }

    /// What to do about it: no response is transient; else the HTTP status says, as
    /// [`RetryClass::from_http_status`] reads it (a gateway's or proxy's 502 page is
    /// transient, a 429 throttled for its `Retry-After`); anything else, or no status, is
    /// permanent.
    #[must_use]
    pub fn retry_class(&self) -> RetryClass {
        if self.kind == ResponseErrorKind::NoResponse {
            return RetryClass::Transient;
        }
        self.http
            .and_then(|http| RetryClass::from_http_status(http.status, http.retry_after))
            .unwrap_or(RetryClass::Permanent)
    }

    /// What went wrong, in a few words and without what the body held: the same for every
    /// error of a kind.
    #[must_use]
    pub fn summary(&self) -> &'static str {
        match self.kind {
            ResponseErrorKind::NotJson => "the response is not JSON",
            ResponseErrorKind::NotXml => "the response is not XML",
            ResponseErrorKind::NotAnObject => {
                "the response is JSON but not an object, so it has no envelope"
            }
            ResponseErrorKind::NoCode => {
                "the response has no code where the platform's envelope keeps it"
            }
            ResponseErrorKind::Status => {
                "the HTTP status is an error but the body reads as a success"
            }
            ResponseErrorKind::CodeType => "the response's code is neither an integer nor a string",
            ResponseErrorKind::MessageType => "the response's message is not text",
            ResponseErrorKind::NoEnvelope => {
                "the spec declares no `envelope`, so responses cannot be read"
            }
            ResponseErrorKind::NoResponse => "the request got no response",
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.unwrap_or_default();
        let found = self.found.unwrap_or_default();
        match self.kind {
            ResponseErrorKind::CodeType => write!(
                f,
                "the response's code at `{path}` is {found}, not an integer or a string"
            ),
            ResponseErrorKind::MessageType => {
                write!(f, "the response's message at `{path}` is {found}, not text")
            }
            _ => f.write_str(self.summary()),
        }?;
        match self.status() {
            Some(status) => write!(f, " (HTTP status {status})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}
