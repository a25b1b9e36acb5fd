//! `retry::Attempts::next` is total and keeps its bounds: for any policy (attempts from 0 to
//! `u32::MAX`, deadlines, backoffs and waits from zero to `Duration::MAX`), any sequence of
//! retry classes (a spec may write `{throttled: 18446744073709551615s}`) and any elapsed
//! times, it never panics, never retries past the policy's attempts, never waits past its
//! deadline, and each decision is the one its class calls for.

use std::time::Duration;

use errcodes::retry::{Decision, Policy, Stop};
use errcodes::RetryClass;
use proptest::prelude::*;

fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        Just(Duration::ZERO),
        Just(Duration::MAX),
        Just(Duration::from_secs(u64::MAX)),
        (0u64..120_000).prop_map(Duration::from_millis),
        (any::<u64>(), 0u32..1_000_000_000).prop_map(|(secs, nanos)| Duration::new(secs, nanos)),
    ]
}

fn class() -> impl Strategy<Value = RetryClass> {
    prop_oneof![
        Just(RetryClass::Permanent),
        Just(RetryClass::Transient),
        Just(RetryClass::Reauthenticate),
        Just(RetryClass::AlreadyApplied),
        prop::option::of(duration()).prop_map(|wait| RetryClass::Throttled { wait }),
    ]
}

/// A policy and the bounds it was built with: the maximum attempts as given (0 included)
/// and the deadline.
fn policy() -> impl Strategy<Value = (Policy, Bounds)> {
    let attempts = prop_oneof![0u32..8, any::<u32>(), Just(u32::MAX)];
    (
        attempts,
        duration(),
        duration(),
        duration(),
        duration(),
        any::<u64>(),
    )
        .prop_map(|(max_attempts, deadline, initial, max, throttled, seed)| {
            let policy = Policy::new()
                .max_attempts(max_attempts)
                .deadline(deadline)
                .backoff(initial, max)
                .throttled_wait(throttled)
                .seed(seed);
            let bounds = Bounds {
                max_attempts,
                deadline,
                max_backoff: max,
                throttled_wait: throttled,
            };
            (policy, bounds)
        })
}

#[derive(Clone, Copy, Debug)]
struct Bounds {
    max_attempts: u32,
    deadline: Duration,
    max_backoff: Duration,
    throttled_wait: Duration,
}

/// The wait `class` allows: at least what the platform asked, and at most the cap of its
/// kind (a tenth more, up to a second, for a stated wait).
fn allowed(class: RetryClass, bounds: Bounds, after: Duration) -> bool {
    match class {
        RetryClass::Transient => after <= bounds.max_backoff,
        RetryClass::Throttled { wait: Some(wait) } => {
            let spread = (wait / 10).min(Duration::from_secs(1));
            wait <= after && after <= wait.saturating_add(spread)
        }
        RetryClass::Throttled { wait: None } => {
            bounds.throttled_wait <= after && after <= bounds.max_backoff.max(bounds.throttled_wait)
        }
        _ => false,
    }
}

proptest! {
    #[test]
    fn next_keeps_the_policys_bounds_for_any_input(
        (policy, bounds) in policy(),
        steps in prop::collection::vec((class(), duration()), 1..40),
    ) {
        // `max_attempts(0)` is documented as 1: the first call is always made.
        let max_attempts = bounds.max_attempts.max(1);
        let mut attempts = policy.start();
        let mut refreshed = false;
        for (call, (class, elapsed)) in (1u32..).zip(steps) {
            let decision = attempts.next(class, elapsed);
            prop_assert!(!decision.to_string().is_empty());
            prop_assert_eq!(attempts.attempts(), call);
            let remaining = bounds.deadline.saturating_sub(elapsed);
            match decision {
                Decision::Retry { after } => {
                    prop_assert!(call < max_attempts, "call {} of {}", call, max_attempts);
                    prop_assert!(elapsed < bounds.deadline);
                    prop_assert!(after <= remaining, "{:?} passes the deadline", after);
                    prop_assert!(allowed(class, bounds, after), "{:?} after {:?}", after, class);
                }
                Decision::Refresh => {
                    prop_assert_eq!(class, RetryClass::Reauthenticate);
                    prop_assert!(!refreshed, "a second refresh in one run");
                    prop_assert!(call < max_attempts, "call {} of {}", call, max_attempts);
                    prop_assert!(elapsed < bounds.deadline);
                    refreshed = true;
                }
                Decision::Succeeded => prop_assert_eq!(class, RetryClass::AlreadyApplied),
                Decision::Stop(Stop::Permanent) => prop_assert_eq!(class, RetryClass::Permanent),
                Decision::Stop(Stop::RefreshDidNotHelp) => {
                    prop_assert_eq!(class, RetryClass::Reauthenticate);
                    prop_assert!(refreshed);
                }
                Decision::Stop(Stop::AttemptsExhausted { attempts: made }) => {
                    prop_assert!(class.is_retryable(), "{:?}", class);
                    prop_assert_eq!(made, call);
                    prop_assert!(call >= max_attempts);
                }
                Decision::Stop(Stop::Deadline { wait, remaining: left }) => {
                    prop_assert!(class.is_retryable(), "{:?}", class);
                    prop_assert_eq!(left, remaining);
                    prop_assert!(elapsed >= bounds.deadline || wait > remaining);
                    if class != RetryClass::Reauthenticate {
                        prop_assert!(allowed(class, bounds, wait), "{:?} for {:?}", wait, class);
                    }
                }
                Decision::Stop(stop) => prop_assert!(false, "{:?} for {:?}", stop, class),
            }
        }
    }
}

#[test]
fn the_longest_throttled_wait_stops_at_the_deadline_instead_of_overflowing() {
    let decision = Policy::new().start().next(
        RetryClass::Throttled {
            wait: Some(Duration::MAX),
        },
        Duration::ZERO,
    );
    assert!(
        matches!(
            decision,
            Decision::Stop(Stop::Deadline {
                wait: Duration::MAX,
                ..
            })
        ),
        "{decision:?}"
    );
    assert!(decision.to_string().starts_with("stop: waiting "));
}

#[test]
fn the_longest_waits_fit_a_deadline_without_end() {
    let policy = Policy::new().deadline(Duration::MAX);
    for wait in [Duration::MAX, Duration::from_secs(u64::MAX)] {
        let throttled = RetryClass::Throttled { wait: Some(wait) };
        let decision = policy.start().next(throttled, Duration::ZERO);
        let Decision::Retry { after } = decision else {
            panic!("{wait:?}: {decision:?}");
        };
        assert!(after >= wait, "{after:?} is shorter than {wait:?}");
    }
}

#[test]
fn a_refresh_the_deadline_refused_does_not_count_as_made() {
    // A run fed on after its deadline keeps giving the deadline as the reason, not "the
    // token was refreshed once already": no refresh was asked for.
    let mut attempts = Policy::new().deadline(Duration::from_secs(60)).start();
    for elapsed in [60, 61].map(Duration::from_secs) {
        let decision = attempts.next(RetryClass::Reauthenticate, elapsed);
        assert!(
            matches!(decision, Decision::Stop(Stop::Deadline { .. })),
            "{elapsed:?}: {decision:?}"
        );
    }
}
