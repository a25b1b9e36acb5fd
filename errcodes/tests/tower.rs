//! `RetryPolicy` under `tower::retry::Retry`, against a scripted platform on a paused clock:
//! waits take no real time, and `tokio::time::Instant` measures them exactly.

use std::collections::VecDeque;
use std::future::ready;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use errcodes::retry::tower::RetryPolicy;
use errcodes::retry::{HasRetryClass, Policy};
use errcodes::RetryClass;
use tokio::time::Instant;
use tower::retry::Retry;
use tower::{service_fn, ServiceExt};

const SEC: Duration = Duration::from_secs(1);

/// The wrapped service's error: a platform error, or the refresh hook's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Error {
    Platform(RetryClass),
    RefreshFailed,
    ScriptEnded,
}

impl HasRetryClass for Error {
    fn class(&self) -> RetryClass {
        match self {
            Error::Platform(class) => *class,
            Error::RefreshFailed | Error::ScriptEnded => RetryClass::Permanent,
        }
    }
}

type Reply = Result<&'static str, Error>;

fn fail(class: RetryClass) -> Reply {
    Err(Error::Platform(class))
}

fn throttled(wait: Duration) -> Reply {
    fail(RetryClass::Throttled { wait: Some(wait) })
}

/// A platform that answers from a script and logs every call and refresh, in order.
#[derive(Clone, Default)]
struct Platform {
    script: Arc<Mutex<VecDeque<Reply>>>,
    log: Arc<Mutex<Vec<&'static str>>>,
    latency: Duration,
}

impl Platform {
    fn new(script: impl IntoIterator<Item = Reply>) -> Self {
        Platform {
            script: Arc::new(Mutex::new(script.into_iter().collect())),
            ..Platform::default()
        }
    }

    fn log(&self) -> Vec<&'static str> {
        self.log.lock().unwrap().clone()
    }

    fn calls(&self) -> usize {
        self.log().iter().filter(|event| **event == "call").count()
    }

    fn refreshes(&self) -> usize {
        self.log()
            .iter()
            .filter(|event| **event == "refresh")
            .count()
    }

    /// A refresh hook that logs itself and ends with `outcome`.
    fn refresh(
        &self,
        outcome: Result<(), Error>,
    ) -> impl Fn() -> std::future::Ready<Result<(), Error>> + Send + Sync + 'static {
        let log = Arc::clone(&self.log);
        move || {
            log.lock().unwrap().push("refresh");
            ready(outcome)
        }
    }

    /// Sends one request through `Retry` with `policy`.
    async fn send(&self, policy: RetryPolicy<&'static str, Error>) -> Reply {
        let platform = self.clone();
        let service = service_fn(move |_request: &'static str| {
            platform.log.lock().unwrap().push("call");
            let reply = platform
                .script
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or(Err(Error::ScriptEnded));
            let latency = platform.latency;
            async move {
                tokio::time::sleep(latency).await;
                reply
            }
        });
        Retry::new(policy, service).oneshot("create order").await
    }
}

fn seeded() -> Policy {
    Policy::new().seed(5)
}

#[tokio::test(start_paused = true)]
async fn transient_errors_back_off_then_succeed() {
    let platform = Platform::new([
        fail(RetryClass::Transient),
        fail(RetryClass::Transient),
        Ok("created"),
    ]);
    let started = Instant::now();
    assert_eq!(platform.send(seeded().tower()).await, Ok("created"));
    assert_eq!(platform.calls(), 3);
    let waited = started.elapsed();
    // 200 ms doubling, each wait drawn from half to all of it: [100, 200] + [200, 400] ms.
    assert!(
        waited >= 300 * Duration::from_millis(1) && waited <= 600 * Duration::from_millis(1),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn throttled_waits_the_spec_wait() {
    let platform = Platform::new([throttled(30 * SEC), Ok("created")]);
    let started = Instant::now();
    assert_eq!(platform.send(seeded().tower()).await, Ok("created"));
    assert_eq!(platform.calls(), 2);
    let waited = started.elapsed();
    assert!(
        waited >= 30 * SEC && waited <= 31 * SEC,
        "at least 30 s, jitter adds at most 1 s: {waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn reauthenticate_refreshes_once_before_the_retry() {
    let platform = Platform::new([fail(RetryClass::Reauthenticate), Ok("created")]);
    let policy = seeded().tower().refresh(platform.refresh(Ok(())));
    let started = Instant::now();
    assert_eq!(platform.send(policy).await, Ok("created"));
    assert_eq!(platform.log(), ["call", "refresh", "call"]);
    assert_eq!(started.elapsed(), Duration::ZERO, "no wait after a refresh");
}

#[tokio::test(start_paused = true)]
async fn a_second_reauthenticate_stops() {
    let platform = Platform::new([
        fail(RetryClass::Reauthenticate),
        fail(RetryClass::Reauthenticate),
        Ok("created"),
    ]);
    let policy = seeded().tower().refresh(platform.refresh(Ok(())));
    assert_eq!(
        platform.send(policy).await,
        fail(RetryClass::Reauthenticate)
    );
    assert_eq!(platform.log(), ["call", "refresh", "call"]);
}

#[tokio::test(start_paused = true)]
async fn a_failing_refresh_ends_the_run_after_the_call_tower_makes() {
    let platform = Platform::new([
        fail(RetryClass::Reauthenticate),
        fail(RetryClass::Reauthenticate),
        Ok("created"),
    ]);
    let policy = seeded()
        .tower()
        .refresh(platform.refresh(Err(Error::RefreshFailed)));
    assert_eq!(
        platform.send(policy).await,
        Err(Error::RefreshFailed),
        "the refresh's error replaces the call's"
    );
    assert_eq!(platform.log(), ["call", "refresh", "call"]);

    let platform = Platform::new([
        fail(RetryClass::Reauthenticate),
        fail(RetryClass::Transient),
        Ok("created"),
    ]);
    let policy = seeded()
        .tower()
        .refresh(platform.refresh(Err(Error::RefreshFailed)));
    assert_eq!(
        platform.send(policy).await,
        Err(Error::RefreshFailed),
        "even a retryable error is not retried"
    );
    assert_eq!(platform.calls(), 2);

    let platform = Platform::new([fail(RetryClass::Reauthenticate), Ok("created")]);
    let policy = seeded()
        .tower()
        .refresh(platform.refresh(Err(Error::RefreshFailed)));
    assert_eq!(
        platform.send(policy).await,
        Ok("created"),
        "a success stays one"
    );
    assert_eq!(platform.calls(), 2);
}

#[tokio::test(start_paused = true)]
async fn without_a_refresh_hook_reauthenticate_retries_at_once_once() {
    let platform = Platform::new([
        fail(RetryClass::Reauthenticate),
        fail(RetryClass::Reauthenticate),
        Ok("created"),
    ]);
    let started = Instant::now();
    assert_eq!(
        platform.send(seeded().tower()).await,
        fail(RetryClass::Reauthenticate)
    );
    assert_eq!(platform.calls(), 2);
    assert_eq!(started.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn already_applied_becomes_a_success_through_the_hook() {
    let platform = Platform::new([
        fail(RetryClass::Transient),
        fail(RetryClass::AlreadyApplied),
        Ok("created twice"),
    ]);
    let policy = seeded().tower().already_applied(|error: &Error| {
        assert_eq!(*error, Error::Platform(RetryClass::AlreadyApplied));
        "created"
    });
    assert_eq!(platform.send(policy).await, Ok("created"));
    assert_eq!(platform.calls(), 2);
}

#[tokio::test(start_paused = true)]
async fn already_applied_without_the_hook_stops_with_the_error() {
    let platform = Platform::new([fail(RetryClass::AlreadyApplied), Ok("created twice")]);
    assert_eq!(
        platform.send(seeded().tower()).await,
        fail(RetryClass::AlreadyApplied)
    );
    assert_eq!(platform.calls(), 1);
}

#[tokio::test(start_paused = true)]
async fn permanent_stops_at_once() {
    let platform = Platform::new([fail(RetryClass::Permanent), Ok("created")]);
    let started = Instant::now();
    assert_eq!(
        platform.send(seeded().tower()).await,
        fail(RetryClass::Permanent)
    );
    assert_eq!(platform.calls(), 1);
    assert_eq!(started.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn max_attempts_bounds_the_calls() {
    let platform = Platform::new([
        fail(RetryClass::Transient),
        throttled(SEC),
        fail(RetryClass::Transient),
        Ok("created"),
    ]);
    assert_eq!(
        platform.send(seeded().max_attempts(3).tower()).await,
        fail(RetryClass::Transient)
    );
    assert_eq!(platform.calls(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_throttled_wait_past_the_deadline_stops_at_once() {
    let platform = Platform::new([throttled(86_400 * SEC), Ok("created")]);
    let policy = seeded().deadline(60 * SEC).tower();
    let started = Instant::now();
    assert_eq!(platform.send(policy).await, throttled(86_400 * SEC));
    assert_eq!(platform.calls(), 1);
    assert_eq!(started.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn slow_calls_count_against_the_deadline() {
    let platform = Platform {
        latency: 40 * SEC,
        ..Platform::new([
            fail(RetryClass::Transient),
            fail(RetryClass::Transient),
            Ok("created"),
        ])
    };
    let policy = seeded().deadline(60 * SEC).tower();
    assert_eq!(platform.send(policy).await, fail(RetryClass::Transient));
    assert_eq!(platform.calls(), 2, "the second call ended 80 s in");
}

#[tokio::test(start_paused = true)]
async fn an_ok_response_the_classifier_flags_is_retried() {
    let busy = |body: &&'static str| (*body == "busy").then_some(RetryClass::Transient);
    let platform = Platform::new([Ok("busy"), Ok("created")]);
    let policy = seeded().tower().classify_response(busy);
    assert_eq!(platform.send(policy).await, Ok("created"));
    assert_eq!(platform.calls(), 2);

    let platform = Platform::new([Ok("busy"), Ok("created")]);
    assert_eq!(
        platform.send(seeded().tower()).await,
        Ok("busy"),
        "without a classifier, Ok is a success"
    );
    assert_eq!(platform.calls(), 1);

    let platform = Platform::new([Ok("busy"), Ok("busy"), Ok("created")]);
    let policy = seeded().max_attempts(2).tower().classify_response(busy);
    assert_eq!(
        platform.send(policy).await,
        Ok("busy"),
        "the last response is returned as it came"
    );
    assert_eq!(platform.calls(), 2);
}

#[tokio::test(start_paused = true)]
async fn each_request_runs_the_policy_afresh() {
    let platform = Platform::new([
        fail(RetryClass::Reauthenticate),
        fail(RetryClass::Transient),
        fail(RetryClass::Transient),
        // the second request
        fail(RetryClass::Reauthenticate),
        fail(RetryClass::Transient),
        Ok("created"),
    ]);
    let policy = seeded()
        .max_attempts(3)
        .tower()
        .refresh(platform.refresh(Ok(())));
    let service = {
        let platform = platform.clone();
        service_fn(move |_request: &'static str| {
            platform.log.lock().unwrap().push("call");
            let reply = platform.script.lock().unwrap().pop_front();
            ready(reply.unwrap_or(Err(Error::ScriptEnded)))
        })
    };
    let mut retry = Retry::new(policy, service);
    let first = (&mut retry).oneshot("first").await;
    let second = retry.oneshot("second").await;
    assert_eq!(first, fail(RetryClass::Transient), "three attempts allowed");
    assert_eq!(
        second,
        Ok("created"),
        "a fresh count, and a fresh refresh allowed"
    );
    assert_eq!(platform.calls(), 6);
    assert_eq!(platform.refreshes(), 2);
}

#[tokio::test(start_paused = true)]
async fn the_deadline_counts_from_each_request() {
    let platform = Platform::new([throttled(30 * SEC), Ok("created")]);
    let policy = seeded().deadline(60 * SEC).tower();
    tokio::time::sleep(120 * SEC).await;
    assert_eq!(
        platform.send(policy).await,
        Ok("created"),
        "not from when the policy was made"
    );
    assert_eq!(platform.calls(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_clone_starts_a_fresh_run() {
    use tower::retry::Policy as _;

    let mut policy = seeded().tower::<&'static str, Error>();
    let reauthenticate = || fail(RetryClass::Reauthenticate);
    assert!(policy.retry(&mut (), &mut reauthenticate()).is_some());
    let mut clone = policy.clone();
    assert!(
        policy.retry(&mut (), &mut reauthenticate()).is_none(),
        "the original's refresh is used"
    );
    assert!(
        clone.retry(&mut (), &mut reauthenticate()).is_some(),
        "the clone's is not"
    );
}

#[test]
fn a_retried_request_can_move_between_threads() {
    fn assert_send<T: Send>(_: &T) {}
    let policy = Policy::new()
        .tower()
        .refresh(|| ready(Ok(())))
        .already_applied(|_: &Error| String::from("created"))
        .classify_response(|_: &String| None);
    assert_send(&policy);
    let service = service_fn(|_order: u64| ready(Err(Error::ScriptEnded)));
    assert_send(&Retry::new(policy, service).oneshot(7));
}
