//! The retry policy as a `tower::retry::Policy` (feature `tower`), for services built with
//! `tower`.
//!
//! Wrap a service in `tower::retry::Retry` with a [`RetryPolicy`]; each request then runs the
//! [`Policy`] on its own:
//!
//! ```
//! use std::sync::atomic::{AtomicU32, Ordering};
//! use std::sync::Arc;
//! use errcodes::retry::Policy;
//! use errcodes::RetryClass;
//! use tower::retry::Retry;
//! use tower::{service_fn, ServiceExt};
//!
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! // A voucher redemption: the token has expired, then a hiccup, then the platform finds the
//! // voucher used, which means the hiccup's call went through.
//! let calls = Arc::new(AtomicU32::new(0));
//! let counter = Arc::clone(&calls);
//! let platform = service_fn(move |_voucher: &'static str| {
//!     let call = counter.fetch_add(1, Ordering::SeqCst);
//!     async move {
//!         match call {
//!             0 => Err::<&str, _>(RetryClass::Reauthenticate),
//!             1 => Err(RetryClass::Transient),
//!             _ => Err(RetryClass::AlreadyApplied),
//!         }
//!     }
//! });
//! let policy = Policy::new()
//!     .tower()
//!     .refresh(|| async { /* fetch a new access token */ Ok(()) })
//!     .already_applied(|_used: &RetryClass| "redeemed");
//! let redeemed = Retry::new(policy, platform).oneshot("V-1").await;
//! assert_eq!(redeemed, Ok("redeemed"));
//! assert_eq!(calls.load(Ordering::SeqCst), 3);
//! # }
//! ```
//!
//! After each call:
//! - An `Err` is read with [`HasRetryClass`]. An `Ok` is a success, unless
//!   [`RetryPolicy::classify_response`] finds a platform error in it (an HTTP 200 whose body
//!   says "busy", say).
//! - `Transient` and `Throttled` errors wait what [`Attempts::next`] decides (exponential
//!   backoff, or at least the spec's wait), then call again.
//! - `Reauthenticate` runs the [`refresh`](RetryPolicy::refresh) hook, then calls again; a
//!   second one in the same run stops.
//! - `AlreadyApplied` stops: the [`already_applied`](RetryPolicy::already_applied) hook turns
//!   the error into a response; without it, the error is returned.
//! - Any other stop (a `Permanent` error, the last attempt, a wait past the deadline) returns
//!   the last result as it came.
//!
//! # Runtime
//!
//! Waits use tokio's timer, and the deadline is measured with [`tokio::time::Instant`], so a
//! paused test clock (`#[tokio::test(start_paused = true)]`) runs the waits at once. The
//! service must run inside a tokio runtime with time enabled, as tower's own timeouts do:
//! outside one, tokio panics when a wait is created.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;

use super::{Attempts, Decision, HasRetryClass, Policy};
use crate::RetryClass;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
/// Where a refresh leaves its error for the policy to read after the next call.
type Slot<E> = Arc<Mutex<Option<E>>>;
type RefreshHook<E> = Arc<dyn Fn(Slot<E>) -> BoxFuture<()> + Send + Sync>;
type AlreadyAppliedHook<Res, E> = Arc<dyn Fn(&E) -> Res + Send + Sync>;
type ClassifyHook<Res> = Arc<dyn Fn(&Res) -> Option<RetryClass> + Send + Sync>;

/// A [`Policy`] for `tower::retry::Retry`, with hooks for what the policy alone cannot do:
/// refresh a token, make a response out of an `AlreadyApplied` error, find an error in a
/// successful response.
///
/// `Res` and `E` are the wrapped service's response and error types.
///
/// # Clone
///
/// tower's `Retry` clones the policy for each request and retries on the clone. A clone keeps
/// the configuration and the hooks (shared, not copied) and starts a fresh run: no attempt
/// made, no refresh used, and the deadline counted from the clone, that is from the moment
/// `Retry` sends the request.
pub struct RetryPolicy<Res, E> {
    policy: Policy,
    refresh: Option<RefreshHook<E>>,
    already_applied: Option<AlreadyAppliedHook<Res, E>>,
    classify_response: Option<ClassifyHook<Res>>,
    run: Run<E>,
}

/// One request's run.
struct Run<E> {
    attempts: Attempts,
    started: Instant,
    refresh_failure: Option<Slot<E>>,
}

impl<E> Run<E> {
    fn start(policy: &Policy) -> Self {
        Run {
            attempts: policy.start(),
            started: Instant::now(),
            refresh_failure: None,
        }
    }

    /// The error of the refresh run before the last call, if it failed.
    fn take_refresh_failure(&mut self) -> Option<E> {
        let slot = self.refresh_failure.take()?;
        let error = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
        error
    }
}

impl Policy {
    /// This policy as a `tower` retry policy, without hooks; same as [`RetryPolicy::new`].
    #[must_use]
    pub fn tower<Res, E>(&self) -> RetryPolicy<Res, E> {
        RetryPolicy::new(*self)
    }
}

impl<Res, E> RetryPolicy<Res, E> {
    /// `policy` for `tower`, without hooks: a `Reauthenticate` error retries at once (for
    /// services that refresh their own token), an `AlreadyApplied` error is returned as it
    /// came, and every `Ok` response is a success.
    #[must_use]
    pub fn new(policy: Policy) -> Self {
        RetryPolicy {
            policy,
            refresh: None,
            already_applied: None,
            classify_response: None,
            run: Run::start(&policy),
        }
    }

    /// Runs `refresh` (say, fetching a new access token) after a `Reauthenticate` error,
    /// before the call is retried; at most once per request.
    ///
    /// When the refresh fails, the run ends after the next call: tower sends the request
    /// again once the policy's wait is over, and a policy cannot cancel that. That call's
    /// result is returned, an error replaced by the refresh's own.
    #[must_use]
    pub fn refresh<F, Fut>(mut self, refresh: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
        E: Send + 'static,
    {
        self.refresh = Some(Arc::new(move |failure: Slot<E>| {
            let refreshing = refresh();
            Box::pin(async move {
                if let Err(error) = refreshing.await {
                    *failure.lock().unwrap_or_else(PoisonError::into_inner) = Some(error);
                }
            })
        }));
        self
    }

    /// Turns an `AlreadyApplied` error into the response the request would have had: the
    /// effect exists, so the caller gets a success.
    #[must_use]
    pub fn already_applied(mut self, respond: impl Fn(&E) -> Res + Send + Sync + 'static) -> Self {
        self.already_applied = Some(Arc::new(respond));
        self
    }

    /// Reads a platform error out of an `Ok` response (an HTTP 200 whose body carries an
    /// error code): `Some(class)` is handled like an error of that class, `None` is a success.
    /// A response that ends the run is returned as it came.
    #[must_use]
    pub fn classify_response(
        mut self,
        classify: impl Fn(&Res) -> Option<RetryClass> + Send + Sync + 'static,
    ) -> Self {
        self.classify_response = Some(Arc::new(classify));
        self
    }

    /// The wait before calling again after a `Reauthenticate` error: the refresh, if any.
    fn refresh_wait(&mut self) -> Wait {
        let Some(refresh) = &self.refresh else {
            return Wait(Box::pin(std::future::ready(())));
        };
        let failure = Slot::default();
        self.run.refresh_failure = Some(Arc::clone(&failure));
        Wait(refresh(failure))
    }

    /// Turns an `AlreadyApplied` error into a response, when there is a hook for it.
    fn succeed(&self, result: &mut Result<Res, E>) {
        if let (Err(error), Some(respond)) = (&*result, &self.already_applied) {
            *result = Ok(respond(error));
        }
    }
}

impl<Res, E> Clone for RetryPolicy<Res, E> {
    fn clone(&self) -> Self {
        RetryPolicy {
            policy: self.policy,
            refresh: self.refresh.clone(),
            already_applied: self.already_applied.clone(),
            classify_response: self.classify_response.clone(),
            run: Run::start(&self.policy),
        }
    }
}

impl<Res, E> fmt::Debug for RetryPolicy<Res, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("policy", &self.policy)
            .field("refresh", &self.refresh.is_some())
            .field("already_applied", &self.already_applied.is_some())
            .field("classify_response", &self.classify_response.is_some())
            .field("attempts", &self.run.attempts)
            .finish_non_exhaustive()
    }
}

impl<Req: Clone, Res, E: HasRetryClass> ::tower::retry::Policy<Req, Res, E>
    for RetryPolicy<Res, E>
{
    type Future = Wait;

    fn retry(&mut self, _request: &mut Req, result: &mut Result<Res, E>) -> Option<Wait> {
        if let Some(error) = self.run.take_refresh_failure() {
            if result.is_err() {
                *result = Err(error);
            }
            return None;
        }
        let class = match result {
            Ok(response) => (self.classify_response.as_deref()?)(response)?,
            Err(error) => error.class(),
        };
        let elapsed = Instant::now().saturating_duration_since(self.run.started);
        match self.run.attempts.next(class, elapsed) {
            Decision::Retry { after } => Some(Wait::sleep(after)),
            Decision::Refresh => Some(self.refresh_wait()),
            Decision::Succeeded => {
                self.succeed(result);
                None
            }
            Decision::Stop(_) => None,
        }
    }

    fn clone_request(&mut self, request: &Req) -> Option<Req> {
        Some(request.clone())
    }
}

/// What a [`RetryPolicy`] has tower wait on before calling again: a sleep, or a refresh.
#[must_use = "futures do nothing unless polled"]
pub struct Wait(BoxFuture<()>);

impl Wait {
    fn sleep(wait: Duration) -> Self {
        Wait(Box::pin(tokio::time::sleep(wait)))
    }
}

impl Future for Wait {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.0.as_mut().poll(cx)
    }
}

impl fmt::Debug for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wait").finish_non_exhaustive()
    }
}
