//! [`FromResponse`]: the enums of specs that declare an `envelope`.

use super::{read, Body, Error, Http, ResponseError};
use crate::{ApiError, Catalog};

/// The enum of a spec that declares its platform's `envelope` reads the platform's
/// responses (feature `json`). `platform_errors!` implements it for those enums only, so
/// reading a response with a spec that has no envelope is a compile error, not a run-time
/// one.
///
/// An SDK calls [`check_http`](Self::check_http): one call from a status and a body to
/// `Result<(), Error<E>>`, one error type for "the platform said no" and "this was not the
/// platform's answer".
///
/// ```
/// use errcodes::platforms::wechat_transaction::WechatTransactionError as WechatError;
/// use errcodes::prelude::*;
/// use errcodes::Error;
///
/// fn call(status: u16, body: &str) -> Result<(), Error<WechatError>> {
///     WechatError::check_http(status, body)?;
///     Ok(())
/// }
///
/// assert!(call(200, r#"{"errcode":0,"errmsg":"ok"}"#).is_ok());
/// let Err(Error::Api(error)) = call(200, r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#) else {
///     panic!("the platform said no");
/// };
/// assert_eq!(*error.error(), WechatError::DailyQuotaExceeded);
/// // A proxy's page is no answer of the platform's: an error too, transient by its status.
/// let error = call(502, "<html>Bad Gateway</html>").unwrap_err();
/// assert!(matches!(error, Error::Response(_)));
/// assert_eq!(error.retry_class(), RetryClass::Transient);
/// ```
pub trait FromResponse: Catalog {
    /// Reads a response body (bytes, text or a `serde_json::Value`) through the spec's
    /// `envelope`: `Ok(None)` when it reports success (a success code, or no code where the
    /// envelope allows it and the body carries no error message or sub-code), else the
    /// error, classified by its code, sub-code and message as [`lookup`](Catalog::lookup)
    /// does and kept as received.
    ///
    /// # Errors
    /// When the body is not a JSON object, has no code where the envelope needs one, or its
    /// code or message has the wrong type.
    fn from_response<B: Body + ?Sized>(body: &B) -> Result<Option<ApiError<Self>>, ResponseError> {
        read(body, None)
    }

    /// Like [`from_response`](Self::from_response), for a response whose HTTP status (and,
    /// where sent, `Retry-After`) is known: with a status that is not 2xx, the body is
    /// never a success, and an unknown code retries as the status says (a 503 is
    /// transient; see [`ApiError`]'s `retry_class`).
    ///
    /// # Errors
    /// As `from_response`; and a non-2xx response whose body has no error code is an error
    /// of kind `Status`, whose `retry_class` follows the status (a proxy's 502 is
    /// transient).
    fn from_http<B: Body + ?Sized>(
        http: impl Into<Http>,
        body: &B,
    ) -> Result<Option<ApiError<Self>>, ResponseError> {
        read(body, Some(http.into()))
    }

    /// [`from_response`](Self::from_response) as one `Result`: `Ok(())` for a success.
    ///
    /// # Errors
    /// The platform's error, or why the body is not the platform's answer.
    fn check_response<B: Body + ?Sized>(body: &B) -> Result<(), Error<Self>> {
        outcome(Self::from_response(body))
    }

    /// [`from_http`](Self::from_http) as one `Result`: `Ok(())` for a success.
    ///
    /// # Errors
    /// The platform's error, or why the response is not the platform's answer.
    fn check_http<B: Body + ?Sized>(http: impl Into<Http>, body: &B) -> Result<(), Error<Self>> {
        outcome(Self::from_http(http, body))
    }
}

/// A read as one `Result`: `Ok(())` for a success.
pub(crate) fn outcome<E>(read: Result<Option<ApiError<E>>, ResponseError>) -> Result<(), Error<E>> {
    match read {
        Ok(None) => Ok(()),
        Ok(Some(error)) => Err(Error::Api(error)),
        Err(error) => Err(Error::Response(error)),
    }
}
