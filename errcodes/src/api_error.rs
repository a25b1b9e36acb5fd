//! [`ApiError`]: an error as the platform sent it, classified.

use core::fmt;
use core::time::Duration;

use crate::catalog::{Catalog, Found, Query};
use crate::fields::{Later, Span, Spans};
use crate::joined::Joined;
use crate::raw_code::RawCode;
use crate::table::Key;
use crate::{By, Code, Fields, Lang, PlatformError, RetryClass};

/// An error response, classified and kept: the variant of the platform's enum, and the
/// code, message, sub-code and request id exactly as the platform sent them, so that logs
/// keep the platform's own words and the id its support asks for.
///
/// `Display` shows the received code and text; [`error`](Self::error) gives the variant to
/// `match` on. `from_response` and `from_http` on a generated enum return one.
///
/// ```
/// use errcodes::platforms::wechat_shop::WechatShopError;
/// use errcodes::{ApiError, Query};
/// use errcodes::prelude::*;
///
/// let error = ApiError::<WechatShopError>::new(
///     &Query::new(9401002).message("product not exist rid: 6565d0a2-4b7c6f1e"),
/// );
/// assert_eq!(*error.error(), WechatShopError::ProductNotFound);
/// assert_eq!(error.to_string(), "9401002: product not exist rid: 6565d0a2-4b7c6f1e");
/// assert_eq!(error.request_id(), Some("6565d0a2-4b7c6f1e"));
/// ```
#[derive(Clone)]
pub struct ApiError<E> {
    error: E,
    // Boxed, so that a `Result<T, ApiError<E>>` stays small.
    kept: Box<Kept<E>>,
}

/// What an error keeps of what was received.
#[derive(Clone)]
struct Kept<E> {
    code: RawCode,
    /// The message, then the sub-code, sub-message and request id received beside it, back
    /// to back: inline where short, else one allocation for all the text.
    text: Joined,
    /// Where the message ends in `text`.
    message: usize,
    /// Where the others are in `text`: those the envelope read beside the message. A
    /// request id in the message's noise is kept by `spans`.
    sub_code: Option<Span>,
    sub_message: Option<Span>,
    request_id: Option<Span>,
    spans: Spans,
    by: By,
    unknown_sub_code: bool,
    status: Option<u16>,
    retry_after: Option<Duration>,
    /// The errors after the first of a response that lists several (`errors[].code`).
    others: Vec<ApiError<E>>,
    /// The level of the envelope that read the error.
    level: u8,
}

/// What a response carried besides its code and message.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Received<'a> {
    pub(crate) sub_code: Option<&'a str>,
    pub(crate) sub_message: Option<&'a str>,
    pub(crate) request_id: Option<&'a str>,
    pub(crate) status: Option<u16>,
    /// The wait the response's `Retry-After` asked for.
    pub(crate) retry_after: Option<Duration>,
}

impl<E: Catalog> ApiError<E> {
    /// Classifies what was received, as [`Catalog::lookup`] does, and keeps it.
    #[must_use]
    pub fn new(query: &Query<'_>) -> Self {
        Self::with(query, Received::default())
    }

    pub(crate) fn with(query: &Query<'_>, received: Received<'_>) -> Self {
        Self::found(E::lookup(query), query, received)
    }
}

impl<E> ApiError<E> {
    /// What `found` says of `query` and the rest received, kept: for a generated enum and a
    /// run-time table alike.
    pub(crate) fn found(found: Found<'_, E>, query: &Query<'_>, received: Received<'_>) -> Self {
        let sub_code = received.sub_code.or(query.sub_code);
        let pieces = [sub_code, received.sub_message, received.request_id];
        let mut end = query.message.len();
        let [sub_code, sub_message, request_id] = pieces.map(|piece| {
            let start = end;
            end += piece?.len();
            Some(Span::new((start, end)))
        });
        let text = Joined::new(query.message, &pieces, end);
        let spans = found.fields.spans();
        ApiError {
            error: found.error,
            kept: Box::new(Kept {
                code: RawCode::received(query.code),
                text,
                message: query.message.len(),
                sub_code,
                sub_message,
                request_id,
                spans,
                by: found.by,
                unknown_sub_code: found.unknown_sub_code,
                status: received.status,
                retry_after: received.retry_after,
                others: Vec::new(),
                level: 0,
            }),
        }
    }

    #[cfg(feature = "json")]
    pub(crate) fn with_others(mut self, others: Vec<ApiError<E>>) -> Self {
        self.kept.others = others;
        self
    }

    #[cfg(feature = "json")]
    pub(crate) fn at_level(mut self, level: u8) -> Self {
        self.kept.level = level;
        for other in &mut self.kept.others {
            other.kept.level = level;
        }
        self
    }

    /// Which level of the spec's envelope read the error: 0 for the first, and for every
    /// error of an envelope with one level. Where a platform answers on two levels (WeChat
    /// Pay API v2: the call's `return_code`, then the business `result_code`), 0 is a call
    /// that failed and 1 a call that went through and whose business result is an error.
    #[must_use]
    pub fn level(&self) -> usize {
        usize::from(self.kept.level)
    }

    /// The errors the response listed after this one, each classified as this one is: a
    /// response whose envelope reads a list (`errors[].code`, Amazon SP-API's
    /// `{"errors": [{"code": ..., "message": ...}, ...]}`) is read as its first error, and
    /// keeps the rest here. Empty for a response that names one error.
    #[must_use]
    pub fn others(&self) -> &[ApiError<E>] {
        &self.kept.others
    }

    /// Takes `error` as the variant, with no template fields: a record read back names it.
    #[cfg(feature = "serde")]
    pub(crate) fn reclassify(&mut self, error: E) {
        self.error = error;
        self.kept.spans = Spans::none();
    }

    fn piece(&self, span: Option<Span>) -> Option<&str> {
        span?.of(self.kept.text.as_str())
    }

    /// The variant the error was classified as.
    #[must_use]
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The variant the error was classified as.
    #[must_use]
    pub fn into_error(self) -> E {
        self.error
    }

    /// The code as received: an integer, or text kept exactly (TikTok's `"-3000109"` is
    /// text that compares equal to the integer, as every [`Code`] does).
    #[must_use]
    pub fn code(&self) -> Code<'_> {
        self.kept.code.code()
    }

    /// The message exactly as received; empty when the response had none.
    #[must_use]
    pub fn message(&self) -> &str {
        self.kept
            .text
            .as_str()
            .get(..self.kept.message)
            .unwrap_or_default()
    }

    /// The values of the matched template's fields, read from the message.
    ///
    /// Where the code has one meaning, `from_response` knows the variant without matching
    /// the message, and leaves the match to this method, [`by`](Self::by) and
    /// [`request_id`](Self::request_id): each does it when called, and answers as
    /// [`Catalog::lookup`] does.
    #[must_use]
    pub fn fields(&self) -> Fields<'_> {
        match self.kept.spans.left() {
            Later::Match(table) => table.classify(Key::of(self.code()), self.message()).1,
            Later::Nothing | Later::Noise(_) => self.kept.spans.of(self.message()),
        }
    }

    /// How the lookup of what was received chose the variant ([`Found::by`]): `Unknown`
    /// and `Fallback` tell a code or a message the spec lacks. (See [`fields`](Self::fields)
    /// for when the message is matched.)
    #[must_use]
    pub fn by(&self) -> By {
        match self.kept.spans.left() {
            Later::Match(table) => table.classify(Key::of(self.code()), self.message()).2,
            Later::Nothing | Later::Noise(_) => self.kept.by,
        }
    }

    /// Whether a sub-code was received that none of the spec's sub-code rules matches
    /// ([`Found::unknown_sub_code`]).
    #[must_use]
    pub fn has_unknown_sub_code(&self) -> bool {
        self.kept.unknown_sub_code
    }

    /// The request id the platform sent: from the response's envelope, or from the noise
    /// the spec strips from messages (WeChat's `rid: ...`).
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.piece(self.kept.request_id)
            .or_else(|| self.kept.spans.request_id(self.message()))
    }

    /// The sub-code received, where the platform sends one (TOP's `sub_code`).
    #[must_use]
    pub fn sub_code(&self) -> Option<&str> {
        self.piece(self.kept.sub_code)
    }

    /// The sub-message received, where the platform sends one (TOP's `sub_msg`).
    #[must_use]
    pub fn sub_message(&self) -> Option<&str> {
        self.piece(self.kept.sub_message)
    }

    /// How long the response's `Retry-After` asked to wait, where the caller gave it
    /// (`from_http` with an [`Http`](crate::response::Http) that has one).
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.kept.retry_after
    }

    /// The HTTP status of the response, where the caller gave it (`from_http`).
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.kept.status
    }
}

impl<E: PlatformError> fmt::Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = if self.message().trim().is_empty() {
            self.error.message()
        } else {
            self.message()
        };
        write!(f, "{}: {message}", self.kept.code)
    }
}

/// Shows what was received; the fields as their values, and only what is there.
#[allow(clippy::missing_fields_in_debug)]
impl<E: fmt::Debug> fmt::Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("ApiError");
        debug
            .field("error", &self.error)
            .field("code", &self.kept.code)
            .field("message", &self.message());
        if !self.fields().is_empty() {
            debug.field("fields", &self.fields());
        }
        for (name, value) in [
            ("sub_code", self.sub_code()),
            ("sub_message", self.sub_message()),
            ("request_id", self.request_id()),
        ] {
            if let Some(value) = value {
                debug.field(name, &value);
            }
        }
        if let Some(status) = self.status() {
            debug.field("status", &status);
        }
        if let Some(wait) = self.retry_after() {
            debug.field("retry_after", &wait);
        }
        if !self.others().is_empty() {
            debug.field("others", &self.others());
        }
        if self.level() > 0 {
            debug.field("level", &self.level());
        }
        debug.finish()
    }
}

/// Equal when the variant and everything received are.
impl<E: PartialEq> PartialEq for ApiError<E> {
    fn eq(&self, other: &Self) -> bool {
        self.error == other.error
            && self.kept.code == other.kept.code
            && self.message() == other.message()
            && self.sub_code() == other.sub_code()
            && self.sub_message() == other.sub_message()
            && self.request_id() == other.request_id()
            && self.status() == other.status()
            && self.retry_after() == other.retry_after()
            && self.others() == other.others()
            && self.level() == other.level()
    }
}

impl<E: Eq> Eq for ApiError<E> {}

/// No source: the variant is what the error is, not what caused it, and `Display` already
/// shows the code, so a chain printer (anyhow's `{:#}`) shows it once.
impl<E: PlatformError + 'static> std::error::Error for ApiError<E> {}

impl<E: PlatformError + 'static> PlatformError for ApiError<E> {
    fn platform(&self) -> &'static str {
        self.error.platform()
    }

    fn code(&self) -> Code<'_> {
        self.kept.code.code()
    }

    fn codes(&self) -> &'static [Code<'static>] {
        self.error.codes()
    }

    fn name(&self) -> &'static str {
        self.error.name()
    }

    fn message(&self) -> &str {
        ApiError::message(self)
    }

    fn message_in(&self, lang: Lang) -> Option<&'static str> {
        self.error.message_in(lang)
    }

    fn hint(&self) -> Option<&'static str> {
        self.error.hint()
    }

    fn hint_in(&self, lang: Lang) -> Option<&'static str> {
        self.error.hint_in(lang)
    }

    /// The entry's class; for a code the spec does not know, the HTTP status's where it
    /// says one ([`RetryClass::from_http_status`]: a 503 is transient); and a throttled
    /// class waits at least as long as the response's `Retry-After` asked.
    fn retry_class(&self) -> RetryClass {
        let status = self
            .kept
            .status
            .and_then(|status| RetryClass::from_http_status(status, self.kept.retry_after));
        match (self.error.retry_class(), status) {
            (_, Some(status)) if self.error.is_unknown() => status,
            (RetryClass::Throttled { wait }, _) => RetryClass::Throttled {
                wait: wait.max(self.kept.retry_after),
            },
            (class, _) => class,
        }
    }

    fn group(&self) -> Option<&'static str> {
        self.error.group()
    }

    fn http_status(&self) -> Option<u16> {
        self.error.http_status()
    }

    fn endpoint(&self) -> Option<&'static str> {
        self.error.endpoint()
    }

    fn scene(&self) -> Option<&'static str> {
        self.error.scene()
    }

    fn field_names(&self) -> &'static [&'static str] {
        self.error.field_names()
    }

    fn is_unknown(&self) -> bool {
        self.error.is_unknown()
    }

    fn request_id(&self) -> Option<&str> {
        ApiError::request_id(self)
    }
}
