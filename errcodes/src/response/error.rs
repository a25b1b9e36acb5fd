//! [`ResponseError`]: why a response body could not be read as a platform's envelope.

use core::fmt;

use crate::RetryClass;

/// Why a response could not be read. The body is the caller's: nothing is lost.
///
/// Like [`std::io::Error`], it is a [`kind`](Self::kind) to match on, plus what is known:
/// the HTTP status where the caller gave one, and where in the body the problem is.
#[derive(Debug)]
pub struct ResponseError {
    kind: ResponseErrorKind,
    status: Option<u16>,
    path: Option<&'static str>,
    found: Option<&'static str>,
    json: Option<serde_json::Error>,
}

/// What kind of [`ResponseError`] happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseErrorKind {
    /// The body is not JSON (a proxy's HTML error page, a truncated body), or is nested
    /// deeper than the JSON reader allows.
    NotJson,
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
    /// The spec declares no `envelope`, so responses cannot be read.
    NoEnvelope,
}

impl ResponseError {
    pub(crate) fn new(kind: ResponseErrorKind) -> Self {
        ResponseError {
            kind,
            status: None,
            path: None,
            found: None,
            json: None,
        }
    }

    pub(crate) fn json(error: serde_json::Error) -> Self {
        ResponseError {
            json: Some(error),
            ..ResponseError::new(ResponseErrorKind::NotJson)
        }
    }

    pub(crate) fn at(kind: ResponseErrorKind, path: &'static str, found: &'static str) -> Self {
        ResponseError {
            path: Some(path),
            found: Some(found),
            ..ResponseError::new(kind)
        }
    }

    pub(crate) fn with_status(mut self, status: Option<u16>) -> Self {
        self.status = status;
        self
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> ResponseErrorKind {
        self.kind
    }

    /// The HTTP status of the response, where the caller gave it (`from_http`).
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Where in the body the problem is, as the spec writes the path (`error.code`).
    #[must_use]
    pub fn path(&self) -> Option<&'static str> {
        self.path
    }

    /// What to do about it, from the HTTP status: 429 is throttled, 408 and 5xx are
    /// transient (a gateway's or proxy's error page), 401 asks to reauthenticate; anything
    /// else, or no status, is permanent.
    #[must_use]
    pub fn retry_class(&self) -> RetryClass {
        match self.status {
            Some(429) => RetryClass::Throttled { wait: None },
            Some(408 | 500..=599) => RetryClass::Transient,
            Some(401) => RetryClass::Reauthenticate,
            _ => RetryClass::Permanent,
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.unwrap_or_default();
        let found = self.found.unwrap_or_default();
        match self.kind {
            ResponseErrorKind::NotJson => match &self.json {
                Some(error) => write!(f, "the response is not JSON: {error}"),
                None => f.write_str("the response is not JSON"),
            },
            ResponseErrorKind::NotAnObject => {
                f.write_str("the response is JSON but not an object, so it has no envelope")
            }
            ResponseErrorKind::NoCode => {
                f.write_str("the response has no code where the platform's envelope keeps it")
            }
            ResponseErrorKind::Status => {
                f.write_str("the HTTP status is an error but the body reads as a success")
            }
            ResponseErrorKind::CodeType => write!(
                f,
                "the response's code at `{path}` is {found}, not an integer or a string"
            ),
            ResponseErrorKind::MessageType => {
                write!(f, "the response's message at `{path}` is {found}, not text")
            }
            ResponseErrorKind::NoEnvelope => {
                f.write_str("the spec declares no `envelope`, so responses cannot be read")
            }
        }?;
        match self.status {
            Some(status) => write!(f, " (HTTP status {status})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.json
            .as_ref()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}
