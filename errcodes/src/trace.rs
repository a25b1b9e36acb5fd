//! Structured events (feature `tracing`): what a spec lacks, seen in production; every
//! [`ApiError`] as fields; one event per retry decision.
//!
//! # What a spec lacks
//!
//! Reading a response (`from_response`, `from_http`, `check_http`) whose code the table does
//! not know, whose sub-code no sub-code rule matches, or whose message matched no entry of
//! a known code with several meanings (the code's fallback stood in) emits one `WARN` event
//! with target [`LACKING`] and these fields:
//!
//! | field | value |
//! |---|---|
//! | `kind` | `unknown_code`, `unknown_sub_code` or `unmatched_message` |
//! | `platform` | the spec's `platform` |
//! | `code` | the code as received |
//! | `sub_code` | the sub-code, where one came |
//! | `sub_message` | the sub-message, where one came (what a sub-code means: Alipay's `sub_msg`) |
//! | `variant` | the variant chosen (`Unknown` for an unknown code) |
//! | `retry` | its retry class: `permanent`, `transient`, `throttled`, `reauthenticate`, `already_applied` |
//! | `platform_message` | the platform's message, as received |
//! | `request_id` | the request id, where one came |
//! | `status` | the HTTP status, where one was given |
//!
//! A JSON subscriber (`tracing_subscriber::fmt().json()`) writes each as one line, which
//! `errcodes scan` reads back and turns into a spec patch.
//!
//! # Errors as fields
//!
//! [`record`] fills a span's fields from an error ([`FIELDS`] names them; declare them
//! `Empty` when the span is created) and [`emit`] writes one event with them, target
//! [`ERROR`].
//!
//! # Retry decisions
//!
//! [`Attempts::next`](crate::retry::Attempts::next), and so the retry loop, the `backon`
//! backoff and the `tower` policy, emit a `DEBUG` event with target [`RETRY`] per decision:
//! `attempt`, `class`, `decision` (`retry`, `refresh`, `succeeded`, `stop`), `wait_ms`
//! (for a retry) and `reason` (for a stop).
//!
//! # Metrics
//!
//! Label counters with `platform`, `variant` and `retry` only: each takes a bounded set of
//! values (a spec's entries, five classes). Never label with the message, the code of an
//! unknown error or the request id, which take unbounded values.
//!
//! With the feature off, nothing of `tracing` is compiled.

use tracing::{Level, Span};

use crate::retry::Decision;
use crate::{ApiError, PlatformError, RetryClass};
#[cfg(feature = "json")]
use crate::{By, Found};

/// The target of the events for what a spec lacks.
pub const LACKING: &str = "errcodes::lacking";
/// The target of [`emit`]'s events.
pub const ERROR: &str = "errcodes::error";
/// The target of the retry decisions' events.
pub const RETRY: &str = "errcodes::retry";

/// The fields [`record`] fills and [`emit`] writes.
pub const FIELDS: [&str; 8] = [
    "platform",
    "code",
    "sub_code",
    "variant",
    "retry",
    "platform_message",
    "request_id",
    "status",
];

/// The kind of lack `found` shows, if it shows one.
#[cfg(feature = "json")]
pub(crate) fn lack<E>(found: &Found<'_, E>) -> Option<&'static str> {
    match found.by {
        By::Unknown => Some("unknown_code"),
        _ if found.unknown_sub_code => Some("unknown_sub_code"),
        By::Fallback => Some("unmatched_message"),
        _ => None,
    }
}

/// One event with `error`'s [`FIELDS`], then `rest` (more fields and the message): the one
/// list of the fields for every event.
macro_rules! error_event {
    ($target:expr, $level:expr, $error:expr, $($rest:tt)*) => {
        tracing::event!(
            target: $target,
            $level,
            platform = $error.platform(),
            code = %$error.code(),
            sub_code = $error.sub_code(),
            variant = $error.error().name(),
            retry = $error.retry_class().as_str(),
            platform_message = $error.message(),
            request_id = $error.request_id(),
            status = $error.status(),
            $($rest)*
        )
    };
}

/// Emits the [`LACKING`] event for `error`, whose lookup showed lack `kind`.
#[cfg(feature = "json")]
pub(crate) fn lacking<E: PlatformError + 'static>(kind: &'static str, error: &ApiError<E>) {
    error_event!(
        LACKING,
        Level::WARN,
        error,
        kind,
        sub_message = error.sub_message(),
        "{} lacks {kind}: {error}",
        error.platform()
    );
}

/// Records `error` in `span`'s fields named in [`FIELDS`]; the span must have declared
/// them (as `tracing::field::Empty`), and records only those it declared.
///
/// ```
/// use errcodes::platforms::wechat_transaction::WechatTransactionError;
/// use errcodes::{ApiError, Query};
/// use tracing::field::Empty;
///
/// let span = tracing::info_span!("call", platform = Empty, code = Empty, variant = Empty, retry = Empty);
/// let error = ApiError::<WechatTransactionError>::new(&Query::new(45009));
/// errcodes::trace::record(&span, &error);
/// ```
pub fn record<E: PlatformError + 'static>(span: &Span, error: &ApiError<E>) {
    span.record("platform", error.platform());
    span.record("code", tracing::field::display(error.code()));
    span.record("variant", error.error().name());
    span.record("retry", error.retry_class().as_str());
    span.record("platform_message", error.message());
    if let Some(sub_code) = error.sub_code() {
        span.record("sub_code", sub_code);
    }
    if let Some(request_id) = error.request_id() {
        span.record("request_id", request_id);
    }
    if let Some(status) = error.status() {
        span.record("status", status);
    }
}

/// Emits one event at `level` with target [`ERROR`] and `error`'s [`FIELDS`].
pub fn emit<E: PlatformError + 'static>(error: &ApiError<E>, level: Level) {
    macro_rules! at {
        ($level:expr) => {
            error_event!(ERROR, $level, error, "{error}")
        };
    }
    match level {
        Level::ERROR => at!(Level::ERROR),
        Level::WARN => at!(Level::WARN),
        Level::INFO => at!(Level::INFO),
        Level::DEBUG => at!(Level::DEBUG),
        Level::TRACE => at!(Level::TRACE),
    }
}

/// Emits the [`RETRY`] event for `decision`, made after call `attempt` failed with `class`.
pub(crate) fn decision(attempt: u32, class: RetryClass, decision: Decision) {
    let (name, wait, reason) = match decision {
        Decision::Retry { after } => ("retry", Some(after), None),
        Decision::Refresh => ("refresh", None, None),
        Decision::Succeeded => ("succeeded", None, None),
        Decision::Stop(stop) => ("stop", None, Some(stop)),
    };
    let wait_ms = wait.map(|wait| u64::try_from(wait.as_millis()).unwrap_or(u64::MAX));
    tracing::debug!(
        target: RETRY,
        attempt,
        class = class.as_str(),
        decision = name,
        wait_ms,
        reason = reason.as_ref().map(tracing::field::display),
        "{decision}",
    );
}
