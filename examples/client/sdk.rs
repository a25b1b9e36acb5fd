//! A small SDK as a user of errcodes writes one: a client on `ureq` that reads each answer
//! with `check_http`, retries with `errcodes::retry`, refreshes its token when the platform
//! says so, and takes an already-applied write as a success. Its one error type is
//! errcodes' `Error<E>`: the platform's error, an answer that is not the platform's, or no
//! answer at all.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use errcodes::prelude::*;
use errcodes::response::ResponseError;
use errcodes::retry::{Clock, GaveUp, Policy, Success};
use errcodes::Error;

/// What a call did: the attempts it made, and how it ended.
pub struct Outcome<E> {
    pub attempts: Vec<String>,
    pub result: Result<Success<String, Error<E>>, GaveUp<Error<E>>>,
}

/// Time for the retry loop: the example only pretends to wait, and says how long.
#[derive(Default)]
pub struct PretendClock {
    waited: Duration,
    start: Option<Instant>,
}

impl Clock for PretendClock {
    fn now(&self) -> Instant {
        let start = self.start.unwrap_or_else(Instant::now);
        start + self.waited
    }

    fn sleep(&mut self, wait: Duration) {
        self.start.get_or_insert_with(Instant::now);
        self.waited += wait;
    }
}

/// A platform's API, as one client.
pub struct Client {
    base: String,
    agent: ureq::Agent,
    token: Mutex<String>,
    policy: Policy,
}

impl Client {
    /// A client of the platform at `base`, with a token that may be stale.
    pub fn new(base: &str, token: &str) -> Self {
        // The platform's errors come with 4xx/5xx statuses too: read them, do not fail.
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(5)))
            .build();
        Client {
            base: base.to_owned(),
            agent: config.into(),
            token: Mutex::new(token.to_owned()),
            policy: Policy::new()
                .max_attempts(4)
                .deadline(Duration::from_secs(600)),
        }
    }

    /// Calls `path` with `body` until the platform's answer is a success, or the error's
    /// retry class says to stop. `E` is the platform's error enum: its envelope reads the
    /// answers.
    pub fn call<E: FromResponse>(&self, path: &str, body: &str) -> Outcome<E> {
        let attempts = Mutex::new(Vec::new());
        let note = |line: String| {
            attempts
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(line)
        };
        let mut clock = PretendClock::default();
        let result = self.policy.retry_with(
            &mut clock,
            || {
                let answer = self.once::<E>(path, body);
                match &answer {
                    Ok(_) => note("ok".to_owned()),
                    Err(error) => {
                        note(format!(
                            "{} {error} -> {}",
                            error.name(),
                            error.retry_class()
                        ));
                    }
                }
                answer
            },
            || {
                note("refreshing the access token".to_owned());
                self.refresh::<E>()
            },
        );
        let mut attempts = attempts.into_inner().unwrap_or_else(|e| e.into_inner());
        if clock.waited > Duration::ZERO {
            let waited = clock.waited.as_secs_f64();
            attempts.push(format!("waited {waited:.1}s in all (pretended)"));
        }
        Outcome { attempts, result }
    }

    /// One call: the answer's body for a success.
    fn once<E: FromResponse>(&self, path: &str, body: &str) -> Result<String, Error<E>> {
        let token = self.token.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let url = format!("{}{path}", self.base);
        let mut response = self
            .agent
            .post(&url)
            .query("access_token", &token)
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(ResponseError::no_response)?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(ResponseError::no_response)?;
        E::check_http(status, &text)?;
        Ok(text)
    }

    /// Gets a new access token, as WeChat's `/cgi-bin/stable_token` gives one.
    fn refresh<E: FromResponse>(&self) -> Result<(), Error<E>> {
        let text = self.once::<E>("/cgi-bin/stable_token", "{}")?;
        // `once` read the body as JSON already: a success is an object.
        let reply: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let token = reply["access_token"].as_str().unwrap_or_default();
        *self.token.lock().unwrap_or_else(|e| e.into_inner()) = token.to_owned();
        Ok(())
    }
}
