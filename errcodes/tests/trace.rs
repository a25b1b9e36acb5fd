//! The `tracing` feature's events, captured by a subscriber of the test's own: what a spec
//! lacks, read from responses; errors as span fields and events; retry decisions.

#![cfg(all(
    feature = "wangdiantong",
    feature = "wechat_transaction",
    feature = "top_gateway"
))]

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use errcodes::platforms::top_gateway::TopGatewayError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::response::Http;
use errcodes::retry::Policy;
use errcodes::{trace, ApiError};
use tracing::field::{Empty, Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// An event or span as the test sees it: target, level and fields as text.
#[derive(Debug, Clone)]
struct Seen {
    target: String,
    level: Level,
    fields: BTreeMap<String, String>,
}

impl Seen {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

#[derive(Default, Clone)]
struct Capture {
    events: Arc<Mutex<Vec<Seen>>>,
    spans: Arc<Mutex<BTreeMap<u64, Seen>>>,
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let meta = event.metadata();
        self.events.lock().unwrap().push(Seen {
            target: meta.target().to_owned(),
            level: *meta.level(),
            fields,
        });
    }
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        let meta = attrs.metadata();
        let seen = Seen {
            target: meta.target().to_owned(),
            level: *meta.level(),
            fields,
        };
        self.spans.lock().unwrap().insert(id.into_u64(), seen);
    }
    fn on_record(&self, id: &Id, values: &Record<'_>, _: Context<'_, S>) {
        if let Some(span) = self.spans.lock().unwrap().get_mut(&id.into_u64()) {
            values.record(&mut Fields(&mut span.fields));
        }
    }
}

/// The events `run` emits.
fn events(run: impl FnOnce()) -> Vec<Seen> {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    tracing::subscriber::with_default(subscriber, run);
    let events = capture.events.lock().unwrap().clone();
    events
}

fn lacking(events: &[Seen]) -> Vec<&Seen> {
    events
        .iter()
        .filter(|e| e.target == trace::LACKING)
        .collect()
}

#[test]
fn an_unknown_code_read_from_a_response_emits_one_warning_with_every_field() {
    let body = r#"{"errcode":48999,"errmsg":"a code nobody wrote down rid: 65a1-77"}"#;
    let events = events(|| {
        let error = WechatTransactionError::from_http(Http::new(400), body).unwrap();
        assert!(error.unwrap().error().is_unknown());
    });
    let lacking = lacking(&events);
    assert_eq!(lacking.len(), 1, "{events:?}");
    let event = lacking[0];
    assert_eq!(event.level, Level::WARN);
    assert_eq!(event.get("kind"), Some("unknown_code"));
    assert_eq!(event.get("platform"), Some("wechat_transaction"));
    assert_eq!(event.get("code"), Some("48999"));
    assert_eq!(event.get("variant"), Some("Unknown"));
    assert_eq!(
        event.get("retry"),
        Some(WechatTransactionError::unknown_retry().as_str())
    );
    assert_eq!(
        event.get("platform_message"),
        Some("a code nobody wrote down rid: 65a1-77")
    );
    assert_eq!(event.get("request_id"), Some("65a1-77"));
    assert_eq!(event.get("status"), Some("400"));
    assert_eq!(event.get("sub_code"), None);
}

#[test]
fn a_message_no_entry_of_a_known_code_has_emits_unmatched_message() {
    let body = r#"{"status":100,"message":"一条规格表里还没有的消息"}"#;
    let events = events(|| {
        let error = WangdiantongError::from_response(body).unwrap().unwrap();
        assert!(!error.error().is_unknown());
    });
    let lacking = lacking(&events);
    assert_eq!(lacking.len(), 1, "{events:?}");
    assert_eq!(lacking[0].get("kind"), Some("unmatched_message"));
    assert_eq!(
        lacking[0].get("variant"),
        Some(WangdiantongError::from_code(100).name())
    );
    assert_eq!(lacking[0].get("status"), None);
}

#[test]
fn a_sub_code_no_rule_matches_emits_unknown_sub_code() {
    let body = r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.item-not-exist","sub_msg":"商品不存在","request_id":"r1"}}"#;
    let events = events(|| {
        TopGatewayError::from_response(body).unwrap().unwrap();
    });
    let lacking = lacking(&events);
    assert_eq!(lacking.len(), 1, "{events:?}");
    assert_eq!(lacking[0].get("kind"), Some("unknown_sub_code"));
    assert_eq!(lacking[0].get("sub_code"), Some("isv.item-not-exist"));
    // What the sub-code means, for `errcodes scan` to write as the entry's message.
    assert_eq!(lacking[0].get("sub_message"), Some("商品不存在"));
    assert_eq!(lacking[0].get("request_id"), Some("r1"));
}

#[test]
fn known_errors_and_successes_emit_nothing() {
    let events = events(|| {
        let known = r#"{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}"#;
        assert!(WangdiantongError::from_response(known).unwrap().is_some());
        let one_meaning = r#"{"errcode":45009,"errmsg":"reworded"}"#;
        assert!(WechatTransactionError::from_response(one_meaning)
            .unwrap()
            .is_some());
        let rule = r#"{"error_response":{"code":15,"msg":"x","sub_code":"isp.timeout"}}"#;
        assert!(TopGatewayError::from_response(rule).unwrap().is_some());
        let ok = r#"{"errcode":0,"errmsg":"ok"}"#;
        assert!(WechatTransactionError::from_response(ok).unwrap().is_none());
    });
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn lookups_outside_responses_emit_nothing() {
    let events = events(|| {
        let _ = WechatTransactionError::from_code(48999);
        let _ = WangdiantongError::classify(100, "新消息");
    });
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn record_fills_the_fields_a_span_declared() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    tracing::subscriber::with_default(subscriber, || {
        let span = tracing::info_span!(
            "call",
            platform = Empty,
            code = Empty,
            variant = Empty,
            retry = Empty,
            request_id = Empty,
            status = Empty
        );
        let body = r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 9-9"}"#;
        let error = WechatTransactionError::from_http(Http::new(200), body)
            .unwrap()
            .unwrap();
        trace::record(&span, &error);
    });
    let spans = capture.spans.lock().unwrap();
    let span = spans.values().next().expect("the span");
    assert_eq!(span.get("platform"), Some("wechat_transaction"));
    assert_eq!(span.get("code"), Some("45009"));
    assert_eq!(span.get("variant"), Some("DailyQuotaExceeded"));
    assert_eq!(span.get("retry"), Some("throttled"));
    assert_eq!(span.get("request_id"), Some("9-9"));
    assert_eq!(span.get("status"), Some("200"));
}

#[test]
fn emit_writes_one_event_at_the_level_asked() {
    let error = ApiError::<WangdiantongError>::new(
        &Query::new(100).message("超过每分钟最大调用频率限制，请稍后重试"),
    );
    let events = events(|| trace::emit(&error, Level::ERROR));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].target, trace::ERROR);
    assert_eq!(events[0].level, Level::ERROR);
    assert_eq!(events[0].get("variant"), Some("RateLimited"));
    assert_eq!(events[0].get("platform"), Some("wangdiantong"));
    assert_eq!(events[0].get("code"), Some("100"));
    let fields: Vec<&str> = trace::FIELDS
        .iter()
        .copied()
        .filter(|field| events[0].get(field).is_some())
        .collect();
    assert_eq!(
        fields,
        ["platform", "code", "variant", "retry", "platform_message"]
    );
}

#[test]
fn every_retry_decision_is_an_event() {
    let events = events(|| {
        let mut attempts = Policy::new().max_attempts(3).start();
        attempts.next(RetryClass::Transient, Duration::ZERO);
        attempts.next(RetryClass::Reauthenticate, Duration::ZERO);
        attempts.next(RetryClass::Permanent, Duration::ZERO);
    });
    let retry: Vec<&Seen> = events.iter().filter(|e| e.target == trace::RETRY).collect();
    assert_eq!(retry.len(), 3, "{events:?}");
    assert!(retry.iter().all(|e| e.level == Level::DEBUG));
    assert_eq!(retry[0].get("attempt"), Some("1"));
    assert_eq!(retry[0].get("class"), Some("transient"));
    assert_eq!(retry[0].get("decision"), Some("retry"));
    assert!(retry[0]
        .get("wait_ms")
        .is_some_and(|ms| ms.parse::<u64>().is_ok()));
    assert_eq!(retry[1].get("decision"), Some("refresh"));
    assert_eq!(retry[2].get("attempt"), Some("3"));
    assert_eq!(retry[2].get("decision"), Some("stop"));
    assert!(retry[2].get("reason").is_some());
    assert_eq!(retry[2].get("wait_ms"), None);
}

#[test]
fn the_blocking_retry_loop_emits_an_event_per_failed_call() {
    let events = events(|| {
        let mut replies = vec![
            Ok("done"),
            Err(RetryClass::Transient),
            Err(RetryClass::Transient),
        ];
        let policy = Policy::new().backoff(Duration::from_millis(1), Duration::from_millis(2));
        let outcome = policy.retry(|| replies.pop().unwrap().map_err(Class), || Ok(()));
        assert!(outcome.is_ok());
    });
    let decisions: Vec<&str> = events
        .iter()
        .filter(|e| e.target == trace::RETRY)
        .filter_map(|e| e.get("decision"))
        .collect();
    assert_eq!(decisions, ["retry", "retry"]);
}

/// An error of a given class, for the loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Class(RetryClass);

impl errcodes::retry::HasRetryClass for Class {
    fn class(&self) -> RetryClass {
        self.0
    }
}

#[cfg(feature = "tower")]
#[tokio::test(start_paused = true)]
async fn the_tower_policy_emits_an_event_per_decision() {
    use errcodes::retry::tower::RetryPolicy;
    use tower::{retry::Retry, service_fn, ServiceExt};

    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let _default = tracing::subscriber::set_default(subscriber);
    let replies = Arc::new(Mutex::new(vec![
        Ok("done"),
        Err(Class(RetryClass::Throttled {
            wait: Some(Duration::from_secs(2)),
        })),
        Err(Class(RetryClass::Transient)),
    ]));
    let service = service_fn(move |_: &'static str| {
        let reply = replies.lock().unwrap().pop().unwrap();
        async move { reply }
    });
    let policy = RetryPolicy::<&'static str, Class>::new(Policy::new());
    let reply = Retry::new(policy, service).oneshot("call").await;
    assert_eq!(reply, Ok("done"));
    let events = capture.events.lock().unwrap();
    let retry: Vec<&Seen> = events.iter().filter(|e| e.target == trace::RETRY).collect();
    assert_eq!(retry.len(), 2, "{events:?}");
    assert_eq!(retry[0].get("class"), Some("transient"));
    assert_eq!(retry[1].get("class"), Some("throttled"));
    let wait: u64 = retry[1].get("wait_ms").unwrap().parse().unwrap();
    assert!(wait >= 2000, "{wait}");
}

/// A run-time table reads responses with the same reader, so it emits the same event.
#[cfg(feature = "runtime")]
#[test]
fn a_run_time_table_emits_the_same_lacking_events() {
    let table = errcodes::runtime::Table::shipped("wechat_transaction").unwrap();
    for body in [
        r#"{"errcode":48999,"errmsg":"a code nobody wrote down rid: 65a1-77"}"#,
        r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#,
    ] {
        let compiled = events(|| {
            let _ = WechatTransactionError::from_http(Http::new(400), body);
        });
        let run_time = events(|| {
            let _ = table.from_http(Http::new(400), body);
        });
        let fields = |events: &[Seen]| -> Vec<BTreeMap<String, String>> {
            lacking(events).iter().map(|e| e.fields.clone()).collect()
        };
        assert_eq!(fields(&compiled), fields(&run_time), "{body}");
    }
    let unknown = events(|| {
        let _ = table.from_response(r#"{"errcode":48999,"errmsg":"new"}"#);
    });
    assert_eq!(lacking(&unknown).len(), 1, "{unknown:?}");
}
