use core::fmt;
use core::time::Duration;

/// What a client should do after an error: the retry class of every spec entry.
///
/// Exhaustive on purpose: a retry loop must decide for every class, so a new class is a
/// breaking change, made only in a major release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryClass {
    /// Retrying the same request cannot succeed; fix the request or give up.
    Permanent,
    /// Retrying may succeed: back off and try again.
    Transient,
    /// Rate limited: retry later, after at least `wait` when the platform says how long.
    Throttled {
        /// The shortest wait the platform's documentation gives, if it gives one.
        wait: Option<Duration>,
    },
    /// The credentials are stale: refresh the access token, then retry once.
    Reauthenticate,
    /// The requested effect already exists (say, an order already shipped): a retried
    /// write that gets this error has succeeded.
    AlreadyApplied,
}

impl RetryClass {
    /// Whether sending the request again can help: `Transient`, `Throttled` and
    /// `Reauthenticate` (after refreshing the token).
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        matches!(
            self,
            RetryClass::Transient | RetryClass::Throttled { .. } | RetryClass::Reauthenticate
        )
    }

    /// The shortest wait before a retry, when the platform states one.
    #[must_use]
    pub const fn retry_after(&self) -> Option<Duration> {
        match *self {
            RetryClass::Throttled { wait } => wait,
            _ => None,
        }
    }

    /// What an HTTP status says about retrying, by HTTP's own rules, where it says
    /// something: 429 is throttled (for `retry_after`, the server's `Retry-After`, where it
    /// sent one), so is a 503 that says how long to wait; 408 and other 5xx are transient;
    /// 401 asks to reauthenticate. `None` for any other status.
    ///
    /// ```
    /// use std::time::Duration;
    /// use errcodes::RetryClass;
    ///
    /// let wait = Some(Duration::from_secs(30));
    /// assert_eq!(RetryClass::from_http_status(429, wait), Some(RetryClass::Throttled { wait }));
    /// assert_eq!(RetryClass::from_http_status(502, None), Some(RetryClass::Transient));
    /// assert_eq!(RetryClass::from_http_status(404, None), None);
    /// ```
    #[must_use]
    pub const fn from_http_status(status: u16, retry_after: Option<Duration>) -> Option<Self> {
        match (status, retry_after) {
            (429, wait) | (503, wait @ Some(_)) => Some(RetryClass::Throttled { wait }),
            (408 | 500..=599, _) => Some(RetryClass::Transient),
            (401, _) => Some(RetryClass::Reauthenticate),
            _ => None,
        }
    }

    /// The class as the spec format writes it: `permanent`, `transient`, `throttled`,
    /// `reauthenticate` or `already_applied`.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        crate::table::retry(*self).as_str()
    }
}

/// Prints the spec syntax: `permanent`, `throttled`, `throttled 5m`.
impl fmt::Display for RetryClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&crate::table::retry(*self).short(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_retryable_classes_say_so() {
        let throttled = RetryClass::Throttled { wait: None };
        assert!(RetryClass::Transient.is_retryable());
        assert!(throttled.is_retryable());
        assert!(RetryClass::Reauthenticate.is_retryable());
        assert!(!RetryClass::Permanent.is_retryable());
        assert!(!RetryClass::AlreadyApplied.is_retryable());
    }

    #[test]
    fn throttled_waits_print_in_the_largest_whole_unit() {
        let wait = |secs| RetryClass::Throttled {
            wait: Some(Duration::from_secs(secs)),
        };
        assert_eq!(wait(300).to_string(), "throttled 5m");
        assert_eq!(wait(30).to_string(), "throttled 30s");
        assert_eq!(wait(90).to_string(), "throttled 90s");
        assert_eq!(wait(86_400).to_string(), "throttled 1d");
        assert_eq!(wait(7_200).retry_after(), Some(Duration::from_secs(7_200)));
        assert_eq!(RetryClass::Transient.retry_after(), None);
        assert_eq!(RetryClass::AlreadyApplied.to_string(), "already_applied");
    }
}
