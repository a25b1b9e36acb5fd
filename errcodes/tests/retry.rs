//! The retry helper driven by real platform errors: the async-agnostic state machine under a
//! hand-rolled executor, and the `backon` adapter in its blocking and async forms. Every
//! clock is fake: nothing sleeps.

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use errcodes::retry::backon::Backon;
use errcodes::retry::{Decision, Policy, Stop, Success};
use errcodes::{PlatformError, RetryClass};

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::wangdiantong::WangdiantongError;

const SEC: Duration = Duration::from_secs(1);

/// Polls a future to completion on this thread: the futures below never wait for real.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Noop));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    for _ in 0..10_000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
    panic!("the future did not finish");
}

/// Virtual time shared by a fake sleeper and a fake `now`.
#[derive(Clone, Default)]
struct FakeTime {
    elapsed: Arc<Mutex<Duration>>,
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl FakeTime {
    fn advance(&self, wait: Duration) {
        *self.elapsed.lock().unwrap() += wait;
        self.sleeps.lock().unwrap().push(wait);
    }

    fn elapsed(&self) -> Duration {
        *self.elapsed.lock().unwrap()
    }

    fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().unwrap().clone()
    }

    fn now_fn(&self) -> impl Fn() -> Instant + Send + Sync + 'static {
        let start = Instant::now();
        let elapsed = self.elapsed.clone();
        move || start + *elapsed.lock().unwrap()
    }
}

/// A sleep future that is ready at once, after moving the fake clock.
async fn fake_sleep(time: &FakeTime, wait: Duration) {
    time.advance(wait);
}

#[test]
fn attempts_drive_an_async_call_through_a_rate_limit() {
    let time = FakeTime::default();
    let responses = Mutex::new(vec![
        (100, "超过每分钟最大调用频率限制，请稍后重试"),
        (100, "超过每分钟最大调用频率限制,请稍后重试"),
        (0, ""),
    ]);
    let call = || async {
        let (code, message) = responses.lock().unwrap().remove(0);
        match code {
            0 => Ok("orders"),
            code => Err(WangdiantongError::classify(code, message)),
        }
    };
    let policy = Policy::new().deadline(Duration::from_secs(15 * 60));
    let outcome = block_on(async {
        let mut attempts = policy.start();
        loop {
            let error = match call().await {
                Ok(value) => break Ok(value),
                Err(error) => error,
            };
            match attempts.next(error.retry_class(), time.elapsed()) {
                Decision::Retry { after } => fake_sleep(&time, after).await,
                decision => break Err((error, decision)),
            }
        }
    });
    assert_eq!(outcome, Ok("orders"));
    let sleeps = time.sleeps();
    assert_eq!(sleeps.len(), 2);
    assert!(
        sleeps.iter().all(|&wait| wait >= 5 * 60 * SEC),
        "RateLimited says rest 5 minutes: {sleeps:?}"
    );
}

#[test]
fn backon_blocking_retries_per_class_and_refreshes_once() {
    let time = FakeTime::default();
    let retry = Backon::with_clock(&Policy::new().seed(9), time.now_fn());
    let mut script = vec![
        Err(RetryClass::Transient),
        Err(RetryClass::Reauthenticate),
        Err(RetryClass::Throttled {
            wait: Some(20 * SEC),
        }),
        Ok(42),
    ]
    .into_iter();
    let mut refreshed = 0;
    let sleeper = time.clone();
    let result = backon::BlockingRetryable::retry(
        || {
            if retry.take_refresh() {
                refreshed += 1;
            }
            script.next().unwrap()
        },
        retry.clone(),
    )
    .when(retry.when())
    .sleep(move |wait| sleeper.advance(wait))
    .call();
    assert_eq!(retry.finish(result), Ok(Success::Done(42)));
    assert_eq!(refreshed, 1, "the token is refreshed exactly once");
    let sleeps = time.sleeps();
    assert_eq!(sleeps.len(), 3, "{sleeps:?}");
    assert!(sleeps[0] > Duration::ZERO && sleeps[0] <= 200 * Duration::from_millis(1));
    assert_eq!(sleeps[1], Duration::ZERO, "retry at once after a refresh");
    assert!(sleeps[2] >= 20 * SEC);
}

#[test]
fn backon_stops_on_a_second_reauthenticate_and_on_permanent_errors() {
    let retry = Policy::new().backon();
    let result: Result<(), _> =
        backon::BlockingRetryable::retry(|| Err(RetryClass::Reauthenticate), retry.clone())
            .when(retry.when())
            .sleep(|_| {})
            .call();
    let gave_up = retry.finish(result).unwrap_err();
    assert_eq!(gave_up.stop, Stop::RefreshDidNotHelp);
    assert_eq!(gave_up.attempts, 2);

    let retry = Policy::new().backon();
    let result: Result<(), _> = backon::BlockingRetryable::retry(
        || Err(WangdiantongError::classify(100, "应用错误")),
        retry.clone(),
    )
    .when(retry.when())
    .sleep(|_| panic!("a permanent error is not retried"))
    .call();
    let gave_up = retry.finish(result).unwrap_err();
    assert_eq!(gave_up.stop, Stop::Permanent);
    assert_eq!(gave_up.error, WangdiantongError::ApplicationError);
}

#[test]
fn backon_async_counts_already_applied_as_success() {
    let time = FakeTime::default();
    let retry = Backon::with_clock(&Policy::new(), time.now_fn());
    let responses = Mutex::new(vec![
        AliexpressError::classify(
            "F00-00-10013-002",
            "Order fulfill system error. Please try again later",
        ),
        AliexpressError::classify(-999, "该交易订单已填写发货通知,无需重复操作。"),
    ]);
    let fulfil = || async { Err::<(), _>(responses.lock().unwrap().remove(0)) };
    let sleeper = time.clone();
    let result = block_on(
        backon::Retryable::retry(fulfil, retry.clone())
            .when(retry.when())
            .sleep(move |wait| {
                sleeper.advance(wait);
                std::future::ready(())
            }),
    );
    let success = retry.finish(result).unwrap();
    assert_eq!(
        success,
        Success::AlreadyApplied(AliexpressError::ShipmentNoticeAlreadySubmitted),
        "the first try's shipment notice went through"
    );
    assert_eq!(time.sleeps().len(), 1, "one transient retry");
    assert_eq!(retry.last(), Some(Decision::Succeeded));
}

#[test]
fn backon_respects_the_deadline() {
    let time = FakeTime::default();
    let retry = Backon::with_clock(&Policy::new().deadline(60 * SEC), time.now_fn());
    let result: Result<(), _> = backon::BlockingRetryable::retry(
        || {
            Err(WangdiantongError::classify(
                100,
                "超过每分钟最大调用频率限制，请稍后重试",
            ))
        },
        retry.clone(),
    )
    .when(retry.when())
    .sleep(|_| panic!("five minutes do not fit in a one-minute deadline"))
    .call();
    let gave_up = retry.finish(result).unwrap_err();
    match gave_up.stop {
        Stop::Deadline { wait, remaining } => {
            assert!(wait >= 300 * SEC);
            assert_eq!(remaining, 60 * SEC);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(gave_up.error.code(), 100);
    assert!(PlatformError::retry_class(&gave_up.error).is_retryable());
}
