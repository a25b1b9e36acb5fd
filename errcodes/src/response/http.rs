//! [`Http`]: what the HTTP layer said about a response, besides its body.

use core::time::Duration;
use std::time::SystemTime;

use errcodes_layout::MAX_WAIT;

/// The HTTP status of a response and, where the server sent one, its `Retry-After`: what
/// [`from_http`](crate::FromResponse::from_http) reads beside the body. A `u16` converts
/// into one, so `from_http(503, body)` reads as it should.
///
/// ```
/// use std::time::Duration;
/// use errcodes::response::Http;
///
/// let http = Http::new(429).retry_after_header("120");
/// assert_eq!(http.retry_after, Some(Duration::from_secs(120)));
/// assert!(!http.is_success());
/// // A date in the past, or text that is neither a number nor a date, asks for no wait.
/// assert_eq!(Http::new(503).retry_after_header("Wed, 21 Oct 2015 07:28:00 GMT").retry_after, Some(Duration::ZERO));
/// assert_eq!(Http::new(503).retry_after_header("soon").retry_after, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Http {
    /// The status code.
    pub status: u16,
    /// How long the server asked to wait before a retry (`Retry-After`), at most 30 days.
    pub retry_after: Option<Duration>,
}

impl Http {
    /// A response with status `status`.
    #[must_use]
    pub const fn new(status: u16) -> Self {
        Http {
            status,
            retry_after: None,
        }
    }

    /// With the value of the response's `Retry-After` header: delay-seconds (`120`) or an
    /// HTTP-date, read against the system clock. A value that is neither, or asks for more
    /// than 30 days (no retry then), is ignored; a date in the past is no wait.
    #[must_use]
    pub fn retry_after_header(self, value: &str) -> Self {
        let value = value.trim();
        let wait = match value.parse::<u64>() {
            Ok(secs) => Some(Duration::from_secs(secs)),
            Err(_) => httpdate::parse_http_date(value).ok().map(|date| {
                date.duration_since(SystemTime::now())
                    .unwrap_or(Duration::ZERO)
            }),
        };
        match wait {
            Some(wait) => self.retry_after(wait),
            None => self,
        }
    }

    /// With the wait the server asked for; more than 30 days is ignored.
    #[must_use]
    pub fn retry_after(mut self, wait: Duration) -> Self {
        self.retry_after = (wait.as_secs() <= MAX_WAIT).then_some(wait);
        self
    }

    /// Whether the status is 2xx.
    #[must_use]
    pub const fn is_success(&self) -> bool {
        self.status >= 200 && self.status < 300
    }
}

impl From<u16> for Http {
    fn from(status: u16) -> Self {
        Http::new(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates_and_ignores_the_rest() {
        let wait = |value| Http::new(429).retry_after_header(value).retry_after;
        assert_eq!(wait(" 30 "), Some(Duration::from_secs(30)));
        assert_eq!(wait("0"), Some(Duration::ZERO));
        assert_eq!(wait("2592000"), Some(Duration::from_secs(MAX_WAIT)));
        for ignored in [
            "2592001",
            "18446744073709551616",
            "-1",
            "1.5",
            "",
            "tomorrow",
        ] {
            assert_eq!(wait(ignored), None, "{ignored:?}");
        }
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(600));
        let read = wait(&later).expect("a date");
        assert!(
            read <= Duration::from_secs(600) && read >= Duration::from_secs(590),
            "{read:?}"
        );
        let far = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(MAX_WAIT * 2));
        assert_eq!(wait(&far), None);
    }
}
