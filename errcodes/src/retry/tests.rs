use std::time::{Duration, Instant};

use super::*;

const MS: Duration = Duration::from_millis(1);
const SEC: Duration = Duration::from_secs(1);

fn roomy() -> Policy {
    Policy::new()
        .max_attempts(100)
        .deadline(Duration::from_secs(86_400 * 7))
        .seed(7)
}

fn wait(decision: Decision) -> Duration {
    match decision {
        Decision::Retry { after } => after,
        other => panic!("expected a retry, got {other:?}"),
    }
}

#[test]
fn transient_backoff_doubles_with_jitter_up_to_the_cap() {
    let policy = roomy().backoff(200 * MS, 3 * SEC);
    let mut attempts = policy.start();
    let mut full = 200 * MS;
    let mut waits = Vec::new();
    for _ in 0..8 {
        let after = wait(attempts.next(RetryClass::Transient, Duration::ZERO));
        assert!(
            after >= full / 2 && after <= full,
            "{after:?} not in [{:?}, {full:?}]",
            full / 2
        );
        waits.push(after);
        full = (full * 2).min(3 * SEC);
    }
    let distinct: std::collections::BTreeSet<_> = waits[4..].iter().collect();
    assert!(
        distinct.len() > 1,
        "jitter varies the capped waits: {waits:?}"
    );
}

#[test]
fn jitter_is_seeded() {
    let draw = |seed| {
        let mut attempts = roomy().seed(seed).start();
        (0..6)
            .map(|_| wait(attempts.next(RetryClass::Transient, Duration::ZERO)))
            .collect::<Vec<_>>()
    };
    assert_eq!(draw(1), draw(1), "same seed, same waits");
    assert_ne!(draw(1), draw(2), "the waits are jittered");
    let unseeded = || {
        let mut attempts = Policy::new().max_attempts(100).start();
        (0..6)
            .map(|_| wait(attempts.next(RetryClass::Transient, Duration::ZERO)))
            .collect::<Vec<_>>()
    };
    assert_ne!(unseeded(), unseeded(), "each run draws its own seed");
}

#[test]
fn throttled_waits_at_least_what_the_spec_says() {
    for secs in [30, 300, 3_600] {
        let spec_wait = Duration::from_secs(secs);
        let class = RetryClass::Throttled {
            wait: Some(spec_wait),
        };
        let mut attempts = roomy().start();
        for _ in 0..5 {
            let after = wait(attempts.next(class, Duration::ZERO));
            assert!(after >= spec_wait, "{after:?} < {spec_wait:?}");
            assert!(
                after <= spec_wait + SEC,
                "{after:?}: jitter adds at most 1 s"
            );
        }
    }
    let mut attempts = roomy().throttled_wait(2 * SEC).start();
    let after = wait(attempts.next(RetryClass::Throttled { wait: None }, Duration::ZERO));
    assert!(
        after >= 2 * SEC,
        "no spec wait: at least the policy's, {after:?}"
    );
}

#[test]
fn a_wait_past_the_deadline_stops_and_says_how_long() {
    let policy = Policy::new().deadline(60 * SEC);
    let mut attempts = policy.start();
    let daily = RetryClass::Throttled {
        wait: Some(Duration::from_secs(86_400)),
    };
    match attempts.next(daily, 10 * SEC) {
        Decision::Stop(Stop::Deadline { wait, remaining }) => {
            assert!(wait >= Duration::from_secs(86_400));
            assert_eq!(remaining, 50 * SEC);
        }
        other => panic!("{other:?}"),
    }
    let mut attempts = policy.start();
    assert!(matches!(
        attempts.next(RetryClass::Transient, 60 * SEC),
        Decision::Stop(Stop::Deadline { .. })
    ));
    let mut attempts = policy.start();
    assert!(matches!(
        attempts.next(RetryClass::Reauthenticate, 61 * SEC),
        Decision::Stop(Stop::Deadline { .. })
    ));
}

#[test]
fn reauthenticate_refreshes_exactly_once() {
    let mut attempts = roomy().start();
    assert_eq!(
        attempts.next(RetryClass::Reauthenticate, Duration::ZERO),
        Decision::Refresh
    );
    assert!(matches!(
        attempts.next(RetryClass::Transient, Duration::ZERO),
        Decision::Retry { .. }
    ));
    assert_eq!(
        attempts.next(RetryClass::Reauthenticate, Duration::ZERO),
        Decision::Stop(Stop::RefreshDidNotHelp)
    );
}

#[test]
fn already_applied_succeeds_and_permanent_stops_at_once() {
    let mut attempts = roomy().start();
    assert_eq!(
        attempts.next(RetryClass::AlreadyApplied, Duration::ZERO),
        Decision::Succeeded
    );
    let mut attempts = roomy().start();
    assert_eq!(
        attempts.next(RetryClass::Permanent, Duration::ZERO),
        Decision::Stop(Stop::Permanent)
    );
    assert_eq!(attempts.attempts(), 1);
}

#[test]
fn attempts_are_bounded() {
    let mut attempts = roomy().max_attempts(3).start();
    assert!(matches!(
        attempts.next(RetryClass::Transient, Duration::ZERO),
        Decision::Retry { .. }
    ));
    assert!(matches!(
        attempts.next(RetryClass::Throttled { wait: None }, Duration::ZERO),
        Decision::Retry { .. }
    ));
    assert_eq!(
        attempts.next(RetryClass::Transient, Duration::ZERO),
        Decision::Stop(Stop::AttemptsExhausted { attempts: 3 })
    );
    let mut once = roomy().max_attempts(0).start();
    assert_eq!(
        once.next(RetryClass::Reauthenticate, Duration::ZERO),
        Decision::Stop(Stop::AttemptsExhausted { attempts: 1 }),
        "max_attempts(0) means one call"
    );
}

/// A clock that only pretends: sleeping moves it forward and is recorded.
struct FakeClock {
    start: Instant,
    elapsed: Duration,
    sleeps: Vec<Duration>,
}

impl FakeClock {
    fn new() -> Self {
        FakeClock {
            start: Instant::now(),
            elapsed: Duration::ZERO,
            sleeps: Vec::new(),
        }
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Instant {
        self.start + self.elapsed
    }

    fn sleep(&mut self, wait: Duration) {
        self.sleeps.push(wait);
        self.elapsed += wait;
    }
}

#[test]
fn blocking_retry_follows_each_class_without_sleeping() {
    let mut clock = FakeClock::new();
    let mut script = vec![
        Err(RetryClass::Throttled {
            wait: Some(30 * SEC),
        }),
        Err(RetryClass::Reauthenticate),
        Err(RetryClass::Transient),
        Ok("done"),
    ]
    .into_iter();
    let mut refreshes = 0;
    let result = Policy::new().seed(3).retry_with(
        &mut clock,
        || script.next().expect("no call past the script"),
        || {
            refreshes += 1;
            Ok(())
        },
    );
    assert_eq!(result, Ok(Success::Done("done")));
    assert_eq!(refreshes, 1);
    assert_eq!(clock.sleeps.len(), 2, "{:?}", clock.sleeps);
    assert!(clock.sleeps[0] >= 30 * SEC);
    assert!(clock.sleeps[1] >= 100 * MS && clock.sleeps[1] <= 200 * MS);
}

#[test]
fn blocking_retry_reports_why_it_gave_up() {
    let mut clock = FakeClock::new();
    let result: Result<Success<(), _>, _> = Policy::new().max_attempts(3).retry_with(
        &mut clock,
        || Err(RetryClass::Transient),
        || Ok(()),
    );
    let gave_up = result.unwrap_err();
    assert_eq!(gave_up.stop, Stop::AttemptsExhausted { attempts: 3 });
    assert_eq!(gave_up.attempts, 3);
    assert_eq!(clock.sleeps.len(), 2);

    let result: Result<Success<(), _>, _> = Policy::new().retry_with(
        &mut FakeClock::new(),
        || Err(RetryClass::AlreadyApplied),
        || Ok(()),
    );
    assert_eq!(
        result,
        Ok(Success::AlreadyApplied(RetryClass::AlreadyApplied))
    );

    let result: Result<Success<(), _>, _> = Policy::new().retry_with(
        &mut FakeClock::new(),
        || Err(RetryClass::Reauthenticate),
        || Err(RetryClass::Permanent),
    );
    let gave_up = result.unwrap_err();
    assert_eq!(gave_up.stop, Stop::RefreshFailed);
    assert_eq!(gave_up.error, RetryClass::Permanent, "the refresh's error");

    let mut clock = FakeClock::new();
    let result: Result<Success<(), _>, _> = Policy::new().deadline(10 * SEC).retry_with(
        &mut clock,
        || {
            Err(RetryClass::Throttled {
                wait: Some(4 * SEC),
            })
        },
        || Ok(()),
    );
    let gave_up = result.unwrap_err();
    assert!(matches!(gave_up.stop, Stop::Deadline { .. }), "{gave_up:?}");
    assert!(clock.elapsed <= 10 * SEC, "never sleeps past the deadline");
    assert_eq!(clock.sleeps.len(), 2);
    assert!(gave_up
        .to_string()
        .starts_with("gave up after 3 attempts (waiting"));
}

#[test]
fn decisions_print_short_durations() {
    let retry = |millis| Decision::Retry {
        after: Duration::from_millis(millis),
    };
    assert_eq!(retry(157).to_string(), "retry after 157ms");
    assert_eq!(retry(30_912).to_string(), "retry after 30.9s");
    assert_eq!(retry(300_949).to_string(), "retry after 5m 0.9s");
    let stop = Decision::Stop(Stop::Deadline {
        wait: Duration::from_secs(86_400 + 4_000),
        remaining: 120 * SEC,
    });
    assert_eq!(
        stop.to_string(),
        "stop: waiting 1d 1h 6m would pass the deadline (2m 0.0s left)"
    );
}
