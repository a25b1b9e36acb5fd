//! Responses read through a run-time table's envelope (features `runtime` and `json`), by
//! the one reader generated enums use.

use super::{Table, Variant};
use crate::catalog::of_query;
use crate::response::{outcome, read_with, Body, Error, Http, Lookup, ResponseError};
use crate::table::Match;
use crate::{table, ApiError, Found, Query};

impl Lookup for Table {
    type Error = Variant;

    fn table(&self) -> &table::Table {
        Table::table(*self)
    }

    fn lookup<'m>(&self, query: &Query<'m>) -> Found<'m, Variant> {
        of_query(
            Table::table(*self),
            query,
            Match::WhenAsked,
            |index, unknown| self.variant(index, unknown),
        )
    }
}

impl Table {
    /// Reads a response body (bytes, text or a `serde_json::Value`) through the spec's
    /// `envelope`, as a generated enum's
    /// [`from_response`](crate::FromResponse::from_response): `Ok(None)` for a success,
    /// else the error, classified and kept as received (code, message, sub-code, request
    /// id).
    ///
    /// ```
    /// use errcodes::prelude::*;
    /// use errcodes::runtime::Table;
    ///
    /// let table = Table::shipped("wechat_transaction")?;
    /// let body = r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6565d0a2-4b7c6f1e"}"#;
    /// let error = table.from_response(body)?.expect("an error");
    /// assert_eq!(error.name(), "DailyQuotaExceeded");
    /// assert_eq!(error.request_id(), Some("6565d0a2-4b7c6f1e"));
    /// assert_eq!(table.from_response(r#"{"errcode":0,"errmsg":"ok"}"#)?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// When the spec has no envelope (kind `NoEnvelope`), the body is not a JSON object,
    /// has no code where the envelope needs one, or its code or message has the wrong
    /// type.
    pub fn from_response<B: Body + ?Sized>(
        &self,
        body: &B,
    ) -> Result<Option<ApiError<Variant>>, ResponseError> {
        read_with(self, body, None)
    }

    /// Like [`from_response`](Self::from_response), for a response whose HTTP status
    /// (and, where sent, `Retry-After`) is known, as a generated enum's
    /// [`from_http`](crate::FromResponse::from_http).
    ///
    /// # Errors
    /// As `from_response`; and a non-2xx response whose body has no error code.
    pub fn from_http<B: Body + ?Sized>(
        &self,
        http: impl Into<Http>,
        body: &B,
    ) -> Result<Option<ApiError<Variant>>, ResponseError> {
        read_with(self, body, Some(http.into()))
    }

    /// [`from_response`](Self::from_response) as one `Result`, as a generated enum's
    /// [`check_response`](crate::FromResponse::check_response): `Ok(())` for a success.
    ///
    /// ```
    /// use errcodes::runtime::Table;
    ///
    /// let table = Table::shipped("wechat_transaction")?;
    /// assert!(table.check_response(r#"{"errcode":0,"errmsg":"ok"}"#).is_ok());
    /// let error = table
    ///     .check_response(r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#)
    ///     .expect_err("an error");
    /// assert!(error.retry_class().is_retryable());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The platform's error, or why the body is not the platform's answer.
    pub fn check_response<B: Body + ?Sized>(&self, body: &B) -> Result<(), Error<Variant>> {
        outcome(self.from_response(body))
    }

    /// [`from_http`](Self::from_http) as one `Result`, as a generated enum's
    /// [`check_http`](crate::FromResponse::check_http): `Ok(())` for a success.
    ///
    /// # Errors
    /// The platform's error, or why the response is not the platform's answer (a proxy's
    /// 502 page).
    pub fn check_http<B: Body + ?Sized>(
        &self,
        http: impl Into<Http>,
        body: &B,
    ) -> Result<(), Error<Variant>> {
        outcome(self.from_http(http, body))
    }
}
