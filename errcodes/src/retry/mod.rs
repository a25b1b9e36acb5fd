//! Turning an error's [`RetryClass`] into what to do next, within bounds.
//!
//! A [`Policy`] says how hard to try: at most so many attempts, within a total deadline,
//! with exponential backoff and jitter between transient failures. Each failure's class
//! then decides:
//!
//! | class | decision |
//! | --- | --- |
//! | `Transient` | wait (exponential backoff with jitter), then retry |
//! | `Throttled { wait }` | wait at least `wait` (the spec's), then retry |
//! | `Reauthenticate` | refresh the token, retry at once; a second one in the same run stops |
//! | `AlreadyApplied` | the effect exists: count it as a success |
//! | `Permanent` | stop |
//!
//! and no decision retries past the maximum number of attempts or sleeps past the deadline:
//! a `Throttled { wait: 1d }` under a one-minute deadline stops at once and says how long
//! the platform asked to wait.
//!
//! Four ways to use it:
//! - [`Policy::retry`]: a blocking loop (with [`Policy::retry_with`] for your own
//!   [`Clock`]).
//! - [`Attempts`]: the bare state machine. It never sleeps; you feed it each failure and
//!   the time elapsed and act on its [`Decision`], so it fits any async runtime.
//! - `backon::Backon` (feature `backon`): the policy as a `backon` backoff, for code that
//!   already retries with `backon`.
//! - `tower::RetryPolicy` (feature `tower`): the policy as a `tower::retry::Policy`, for
//!   services in a tower stack, with a hook that refreshes the token and one that turns an
//!   already-applied error into a success.
//!
//! ```
//! use std::time::Duration;
//! use errcodes::retry::{Decision, Policy, Stop};
//! use errcodes::RetryClass;
//!
//! let policy = Policy::new().max_attempts(3).deadline(Duration::from_secs(60));
//! let mut attempts = policy.start();
//! // The first call failed with a rate limit whose spec says "wait 30s".
//! let throttled = RetryClass::Throttled { wait: Some(Duration::from_secs(30)) };
//! let Decision::Retry { after } = attempts.next(throttled, Duration::ZERO) else { panic!() };
//! assert!(after >= Duration::from_secs(30));
//! // The second call needed a fresh token.
//! assert_eq!(attempts.next(RetryClass::Reauthenticate, after), Decision::Refresh);
//! // The third call failed again: that was the last attempt allowed.
//! assert_eq!(
//!     attempts.next(RetryClass::Transient, after),
//!     Decision::Stop(Stop::AttemptsExhausted { attempts: 3 })
//! );
//! ```

#[cfg(feature = "backon")]
pub mod backon;
#[cfg(feature = "tower")]
pub mod tower;

use core::fmt;
use std::time::{Duration, Instant};

use crate::{PlatformError, RetryClass};

/// How hard to try: attempts, deadline, backoff. Build it with the methods below; the
/// defaults suit an interactive API call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    max_attempts: u32,
    deadline: Duration,
    initial_backoff: Duration,
    max_backoff: Duration,
    throttled_wait: Duration,
    seed: Option<u64>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy::new()
    }
}

impl Policy {
    /// At most 5 attempts within 60 s; transient backoff from 200 ms doubling up to 10 s;
    /// 1 s at least for a `Throttled` error whose spec gives no wait.
    #[must_use]
    pub const fn new() -> Self {
        Policy {
            max_attempts: 5,
            deadline: Duration::from_secs(60),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            throttled_wait: Duration::from_secs(1),
            seed: None,
        }
    }

    /// The most calls in one run, the first included (at least 1).
    #[must_use]
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The total time one run may take: no wait is started that would end past it.
    #[must_use]
    pub const fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Transient backoff: the first wait is about `initial`, each next one doubles, none
    /// exceeds `max`. Each wait is drawn between half and all of that value (jitter), so
    /// that clients that failed together do not retry together.
    #[must_use]
    pub const fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// The least wait for a `Throttled` error whose spec gives none.
    #[must_use]
    pub const fn throttled_wait(mut self, wait: Duration) -> Self {
        self.throttled_wait = wait;
        self
    }

    /// Seeds the jitter, for reproducible waits (tests); by default each run draws a random
    /// seed.
    #[must_use]
    pub const fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// The state of one run: feed it each failure with [`Attempts::next`].
    #[must_use]
    pub fn start(&self) -> Attempts {
        let seed = self.seed.unwrap_or_else(|| {
            use std::hash::{BuildHasher, Hasher};
            std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish()
        });
        Attempts {
            policy: *self,
            calls: 0,
            backoffs: 0,
            refreshed: false,
            rng: seed,
        }
    }

    /// Calls `call` until it succeeds or the policy stops, sleeping on this thread between
    /// attempts. `refresh` runs when an error asks to reauthenticate (once per run).
    ///
    /// # Errors
    /// [`GaveUp`] with the last error and why the run stopped.
    pub fn retry<T, E: HasRetryClass>(
        &self,
        call: impl FnMut() -> Result<T, E>,
        refresh: impl FnMut() -> Result<(), E>,
    ) -> Result<Success<T, E>, GaveUp<E>> {
        self.retry_with(&mut SystemClock, call, refresh)
    }

    /// [`retry`](Self::retry) with a clock of your own: tests pass one that only pretends
    /// to sleep.
    ///
    /// # Errors
    /// [`GaveUp`] with the last error and why the run stopped.
    pub fn retry_with<T, E: HasRetryClass, C: Clock + ?Sized>(
        &self,
        clock: &mut C,
        mut call: impl FnMut() -> Result<T, E>,
        mut refresh: impl FnMut() -> Result<(), E>,
    ) -> Result<Success<T, E>, GaveUp<E>> {
        let started = clock.now();
        let mut attempts = self.start();
        loop {
            let error = match call() {
                Ok(value) => return Ok(Success::Done(value)),
                Err(error) => error,
            };
            let elapsed = clock.now().saturating_duration_since(started);
            match attempts.next(error.class(), elapsed) {
                Decision::Retry { after } => clock.sleep(after),
                Decision::Refresh => {
                    if let Err(error) = refresh() {
                        return Err(GaveUp {
                            error,
                            stop: Stop::RefreshFailed,
                            attempts: attempts.attempts(),
                        });
                    }
                }
                Decision::Succeeded => return Ok(Success::AlreadyApplied(error)),
                Decision::Stop(stop) => {
                    return Err(GaveUp {
                        error,
                        stop,
                        attempts: attempts.attempts(),
                    })
                }
            }
        }
    }
}

/// What to do after a failed call.
///
/// Exhaustive on purpose: a loop that drives [`Attempts`] must act on every decision, so a
/// new kind of decision is a breaking change, made only in a major release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Wait `after`, then call again.
    Retry {
        /// How long to wait.
        after: Duration,
    },
    /// Refresh the access token, then call again at once.
    Refresh,
    /// The requested effect already exists: the run has succeeded.
    Succeeded,
    /// Stop and report the error.
    Stop(Stop),
}

/// Why a run stopped. Non-exhaustive: a later release may tell more reasons apart, and
/// code that reports a stop needs no new arm for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stop {
    /// The error is permanent: the same call cannot succeed.
    Permanent,
    /// The token was refreshed once already in this run, and the platform still refuses it.
    RefreshDidNotHelp,
    /// The refresh itself failed.
    RefreshFailed,
    /// The policy's maximum number of attempts was reached.
    AttemptsExhausted {
        /// Calls made.
        attempts: u32,
    },
    /// The next wait would end past the deadline.
    Deadline {
        /// The wait the error called for: for a `Throttled` error, when to try again.
        wait: Duration,
        /// Time left before the deadline.
        remaining: Duration,
    },
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Retry { after } => write!(f, "retry after {}", Short(*after)),
            Decision::Refresh => f.write_str("refresh the token, then retry"),
            Decision::Succeeded => f.write_str("already applied: count it as a success"),
            Decision::Stop(stop) => write!(f, "stop: {stop}"),
        }
    }
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Permanent => f.write_str("the error is permanent"),
            Stop::RefreshDidNotHelp => f.write_str("the token was refreshed once already"),
            Stop::RefreshFailed => f.write_str("refreshing the token failed"),
            Stop::AttemptsExhausted { attempts } => write!(f, "{attempts} attempts made"),
            Stop::Deadline { wait, remaining } => write!(
                f,
                "waiting {} would pass the deadline ({} left)",
                Short(*wait),
                Short(*remaining)
            ),
        }
    }
}

/// A duration for people: `250ms`, `30.4s`, `5m 0.9s`, `1d 0h 0m`.
struct Short(Duration);

impl fmt::Display for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.as_secs();
        let tenths = self.0.subsec_millis() / 100;
        match secs {
            0 => write!(f, "{}ms", self.0.subsec_millis()),
            1..=59 => write!(f, "{secs}.{tenths}s"),
            60..=86_399 => write!(f, "{}m {}.{tenths}s", secs / 60, secs % 60),
            _ => write!(
                f,
                "{}d {}h {}m",
                secs / 86_400,
                secs % 86_400 / 3_600,
                secs % 3_600 / 60
            ),
        }
    }
}

/// One run of a [`Policy`]: counts attempts, remembers the refresh, draws the jitter.
/// It holds no clock: the caller says how much time has elapsed, so it never sleeps and
/// works under any runtime.
#[derive(Clone, Debug)]
pub struct Attempts {
    policy: Policy,
    calls: u32,
    backoffs: u32,
    refreshed: bool,
    rng: u64,
}

impl Attempts {
    /// The decision after a failed call whose error has retry class `class`, `elapsed`
    /// after the run started.
    pub fn next(&mut self, class: RetryClass, elapsed: Duration) -> Decision {
        let decision = self.decide(class, elapsed);
        #[cfg(feature = "tracing")]
        crate::trace::decision(self.calls, class, decision);
        decision
    }

    fn decide(&mut self, class: RetryClass, elapsed: Duration) -> Decision {
        self.calls = self.calls.saturating_add(1);
        let policy = self.policy;
        let wait = match class {
            RetryClass::AlreadyApplied => return Decision::Succeeded,
            RetryClass::Permanent => return Decision::Stop(Stop::Permanent),
            RetryClass::Reauthenticate if self.refreshed => {
                return Decision::Stop(Stop::RefreshDidNotHelp)
            }
            _ if self.calls >= policy.max_attempts => {
                return Decision::Stop(Stop::AttemptsExhausted {
                    attempts: self.calls,
                })
            }
            RetryClass::Reauthenticate => Duration::ZERO,
            RetryClass::Transient => self.backoff(),
            RetryClass::Throttled { wait: Some(wait) } => {
                // Up to a tenth more (at most 1 s), never less than the platform asked.
                let spread = (wait / 10).min(Duration::from_secs(1));
                wait.saturating_add(self.uniform(spread))
            }
            RetryClass::Throttled { wait: None } => self.backoff().max(policy.throttled_wait),
        };
        let remaining = policy.deadline.saturating_sub(elapsed);
        if elapsed >= policy.deadline || wait > remaining {
            return Decision::Stop(Stop::Deadline { wait, remaining });
        }
        if class == RetryClass::Reauthenticate {
            // Only a refresh the caller was told to make counts: one the deadline refused
            // did not happen.
            self.refreshed = true;
            Decision::Refresh
        } else {
            Decision::Retry { after: wait }
        }
    }

    /// Failed calls so far.
    #[must_use]
    pub fn attempts(&self) -> u32 {
        self.calls
    }

    /// The next transient wait: between half and all of `initial * 2^n`, capped at `max`.
    fn backoff(&mut self) -> Duration {
        let policy = self.policy;
        let factor = 1u32.checked_shl(self.backoffs).unwrap_or(u32::MAX);
        self.backoffs = self.backoffs.saturating_add(1);
        let full = policy
            .initial_backoff
            .checked_mul(factor)
            .unwrap_or(policy.max_backoff)
            .min(policy.max_backoff);
        let half = full / 2;
        half.saturating_add(self.uniform(full.saturating_sub(half)))
    }

    /// A duration drawn evenly from `0..=max`.
    fn uniform(&mut self, max: Duration) -> Duration {
        let nanos = u64::try_from(max.as_nanos()).unwrap_or(u64::MAX);
        if nanos == 0 {
            return Duration::ZERO;
        }
        let random = self.random();
        Duration::from_nanos(nanos.checked_add(1).map_or(random, |span| random % span))
    }

    /// splitmix64: enough for jitter, no dependency.
    fn random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// An error that knows its retry class. Every generated enum has it through
/// [`PlatformError`]; implement it for an SDK's own error type that wraps them (say,
/// network errors as `Transient`).
pub trait HasRetryClass {
    /// The retry class.
    fn class(&self) -> RetryClass;
}

impl<E: PlatformError + ?Sized> HasRetryClass for E {
    fn class(&self) -> RetryClass {
        self.retry_class()
    }
}

/// From the HTTP status: see [`ResponseError::retry_class`](crate::response::ResponseError::retry_class).
#[cfg(feature = "json")]
impl HasRetryClass for crate::response::ResponseError {
    fn class(&self) -> RetryClass {
        self.retry_class()
    }
}

impl HasRetryClass for RetryClass {
    fn class(&self) -> RetryClass {
        *self
    }
}

/// A successful run. Exhaustive: a call either succeeded or found its effect in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Success<T, E> {
    /// A call succeeded and returned this.
    Done(T),
    /// A call failed with an `AlreadyApplied` error: what it asked for was already done
    /// (by an earlier attempt whose response was lost, say).
    AlreadyApplied(E),
}

/// A run that stopped without success. Non-exhaustive: a later release may say more about
/// the run; read its fields, the policy builds it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GaveUp<E> {
    /// The last error.
    pub error: E,
    /// Why the run stopped.
    pub stop: Stop,
    /// Failed calls made.
    pub attempts: u32,
}

impl<E: fmt::Display> fmt::Display for GaveUp<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "gave up after {} attempts ({}): {}",
            self.attempts, self.stop, self.error
        )
    }
}

impl<E: std::error::Error + 'static> std::error::Error for GaveUp<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Time for the blocking [`Policy::retry_with`].
pub trait Clock {
    /// The current instant.
    fn now(&self) -> Instant;
    /// Waits `wait`.
    fn sleep(&mut self, wait: Duration);
}

/// The real clock: [`Instant::now`] and [`std::thread::sleep`].
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&mut self, wait: Duration) {
        std::thread::sleep(wait);
    }
}

#[cfg(test)]
mod tests;
