//! [`Error`]: one error type for an SDK's calls.

use core::fmt;

use super::ResponseError;
use crate::{ApiError, Catalog, Code, Lang, PlatformError, RetryClass};

/// Why a call to the platform failed: the platform said no ([`Api`](Error::Api)), or the
/// response was not the platform's answer ([`Response`](Error::Response): a proxy's 502
/// page, a body that is not JSON, an error status with no code). What
/// [`FromResponse::check_http`](super::FromResponse::check_http) returns, so that an SDK
/// needs no wrapper of its own to use `?`.
///
/// It implements [`PlatformError`], so one retry loop serves both: the platform's error
/// retries as its entry says, an unreadable response as its HTTP status says
/// ([`ResponseError::retry_class`]). `Display` and `source` are the inner error's.
/// Non-exhaustive: a later release may tell more kinds of failure apart.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// The platform answered with an error.
    Api(ApiError<E>),
    /// The response was not the platform's answer.
    Response(ResponseError),
}

impl<E> Error<E> {
    /// The platform's error, if the platform answered.
    #[must_use]
    pub fn api_error(&self) -> Option<&ApiError<E>> {
        match self {
            Error::Api(error) => Some(error),
            Error::Response(_) => None,
        }
    }

    /// The variant of the platform's error, if the platform answered.
    #[must_use]
    pub fn error(&self) -> Option<&E> {
        self.api_error().map(ApiError::error)
    }

    /// The HTTP status, where the caller gave it.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(error) => error.status(),
            Error::Response(error) => error.status(),
        }
    }
}

impl<E: PlatformError + 'static> Error<E> {
    /// The retry class: the platform error's, or the one the failure's status calls for
    /// (a proxy's 502 page is transient). What [`PlatformError::retry_class`] gives for a
    /// generated enum's errors, here for a run-time table's too.
    #[must_use]
    pub fn retry_class(&self) -> RetryClass {
        match self {
            Error::Api(error) => error.retry_class(),
            Error::Response(error) => error.retry_class(),
        }
    }
}

impl<E> From<ApiError<E>> for Error<E> {
    fn from(error: ApiError<E>) -> Self {
        Error::Api(error)
    }
}

impl<E> From<ResponseError> for Error<E> {
    fn from(error: ResponseError) -> Self {
        Error::Response(error)
    }
}

impl<E: PlatformError> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(error) => fmt::Display::fmt(error, f),
            Error::Response(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<E: PlatformError + fmt::Debug + 'static> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Api(error) => error.source(),
            Error::Response(error) => error.source(),
        }
    }
}

/// For [`Response`](Error::Response): the platform's id, no code, the name `"Unknown"`
/// (what it is to the spec), [`ResponseError::summary`] as the message, and the retry class
/// of its status.
impl<E: Catalog> PlatformError for Error<E> {
    fn platform(&self) -> &'static str {
        E::PLATFORM
    }

    fn code(&self) -> Code<'_> {
        self.api_error().map_or(Code::None, PlatformError::code)
    }

    fn codes(&self) -> &'static [Code<'static>] {
        self.api_error().map_or(&[], PlatformError::codes)
    }

    fn name(&self) -> &'static str {
        self.api_error().map_or("Unknown", PlatformError::name)
    }

    fn message(&self) -> &str {
        match self {
            Error::Api(error) => PlatformError::message(error),
            Error::Response(error) => error.summary(),
        }
    }

    fn message_in(&self, lang: Lang) -> Option<&'static str> {
        self.api_error()?.message_in(lang)
    }

    fn hint(&self) -> Option<&'static str> {
        self.api_error()?.hint()
    }

    fn hint_in(&self, lang: Lang) -> Option<&'static str> {
        self.api_error()?.hint_in(lang)
    }

    fn retry_class(&self) -> RetryClass {
        Error::retry_class(self)
    }

    fn group(&self) -> Option<&'static str> {
        self.api_error()?.group()
    }

    fn http_status(&self) -> Option<u16> {
        self.api_error()?.http_status()
    }

    fn endpoint(&self) -> Option<&'static str> {
        self.api_error()?.endpoint()
    }

    fn scene(&self) -> Option<&'static str> {
        self.api_error()?.scene()
    }

    fn field_names(&self) -> &'static [&'static str] {
        self.api_error().map_or(&[], PlatformError::field_names)
    }

    fn is_unknown(&self) -> bool {
        self.api_error().is_none_or(PlatformError::is_unknown)
    }

    fn request_id(&self) -> Option<&str> {
        self.api_error()?.request_id()
    }
}
