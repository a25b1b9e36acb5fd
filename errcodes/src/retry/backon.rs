//! The retry policy as a `backon` backoff (feature `backon`), for code that
//! already retries with `backon`.
//!
//! `backon` asks two questions after a failure: may this error be retried (`when`), and how
//! long to wait (the backoff's next value). A [`Backon`] answers both from one
//! [`Attempts`] run, so pass it to both:
//!
//! ```
//! use std::time::Duration;
//! use backon::BlockingRetryable;
//! use errcodes::retry::{Policy, Success};
//! use errcodes::RetryClass;
//!
//! let policy = Policy::new().max_attempts(4);
//! let retry = policy.backon();
//! let mut calls = 0;
//! let result = (|| {
//!         calls += 1;
//!         if calls < 3 { Err(RetryClass::Transient) } else { Ok("shipped") }
//!     })
//!     .retry(retry.clone())
//!     .when(retry.when())
//!     .sleep(|_wait: Duration| {}) // a real program keeps backon's default sleeper
//!     .call();
//! assert_eq!(retry.finish(result), Ok(Success::Done("shipped")));
//! ```
//!
//! When an error asks to reauthenticate, `when` allows one immediate retry and
//! [`Backon::take_refresh`] turns true once: the operation checks it first thing and
//! refreshes its token. An `AlreadyApplied` error ends backon's loop with that error;
//! [`Backon::finish`] turns it into [`Success::AlreadyApplied`].

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{Attempts, Decision, GaveUp, HasRetryClass, Policy, Stop, Success};

/// One retry run shared between backon's `when` and its backoff. Clones share the run; make
/// a new one (with [`Policy::backon`]) for each operation.
#[derive(Clone)]
pub struct Backon {
    shared: Arc<Mutex<Shared>>,
}

struct Shared {
    attempts: Attempts,
    now: Arc<dyn Fn() -> Instant + Send + Sync>,
    started: Instant,
    next: Option<Duration>,
    refresh_due: bool,
    last: Option<Decision>,
}

impl std::fmt::Debug for Backon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shared = self.lock();
        f.debug_struct("Backon")
            .field("attempts", &shared.attempts)
            .field("last", &shared.last)
            .finish_non_exhaustive()
    }
}

impl Policy {
    /// This policy as a `backon` backoff; time is measured from now.
    #[must_use]
    pub fn backon(&self) -> Backon {
        Backon::with_clock(self, Instant::now)
    }
}

impl Backon {
    /// Like [`Policy::backon`] with a clock of your own (tests pass a fake one).
    pub fn with_clock(policy: &Policy, now: impl Fn() -> Instant + Send + Sync + 'static) -> Self {
        let started = now();
        Backon {
            shared: Arc::new(Mutex::new(Shared {
                attempts: policy.start(),
                now: Arc::new(now),
                started,
                next: None,
                refresh_due: false,
                last: None,
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// backon's `when`: decides on each failure, and tells the backoff how long to wait.
    pub fn when<E: HasRetryClass + ?Sized>(
        &self,
    ) -> impl FnMut(&E) -> bool + Send + Sync + 'static {
        let this = self.clone();
        move |error: &E| {
            let mut shared = this.lock();
            let elapsed = (shared.now)().saturating_duration_since(shared.started);
            let decision = shared.attempts.next(error.class(), elapsed);
            shared.last = Some(decision);
            shared.next = match decision {
                Decision::Retry { after } => Some(after),
                Decision::Refresh => {
                    shared.refresh_due = true;
                    Some(Duration::ZERO)
                }
                Decision::Succeeded | Decision::Stop(_) => None,
            };
            shared.next.is_some()
        }
    }

    /// Whether the operation must refresh its token before this call; true once after an
    /// error that asked to reauthenticate.
    #[must_use]
    pub fn take_refresh(&self) -> bool {
        std::mem::take(&mut self.lock().refresh_due)
    }

    /// The last decision taken, if a call has failed.
    #[must_use]
    pub fn last(&self) -> Option<Decision> {
        self.lock().last
    }

    /// backon's result, read with the decisions taken: an `AlreadyApplied` error is a
    /// success, and a failure says why the run stopped.
    ///
    /// # Errors
    /// [`GaveUp`] when the run stopped without success.
    pub fn finish<T, E>(&self, result: Result<T, E>) -> Result<Success<T, E>, GaveUp<E>> {
        let shared = self.lock();
        match (result, shared.last) {
            (Ok(value), _) => Ok(Success::Done(value)),
            (Err(error), Some(Decision::Succeeded)) => Ok(Success::AlreadyApplied(error)),
            (Err(error), last) => Err(GaveUp {
                error,
                stop: match last {
                    Some(Decision::Stop(stop)) => stop,
                    // backon stopped on its own (no `when`, or a `when` of its own said no).
                    _ => Stop::Permanent,
                },
                attempts: shared.attempts.attempts(),
            }),
        }
    }
}

/// The waits `when` decided, one per failure.
#[derive(Debug)]
pub struct Delays {
    backon: Backon,
}

impl Iterator for Delays {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        self.backon.lock().next.take()
    }
}

impl ::backon::BackoffBuilder for Backon {
    type Backoff = Delays;

    fn build(self) -> Delays {
        Delays { backon: self }
    }
}
