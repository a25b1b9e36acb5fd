//! A line judged by the platform's table: a success, an error counted by variant and retry
//! class, and what the spec lacks (an unknown code or sub-code, a message no entry of its
//! code matches), found by the same lookups a generated enum runs.

use errcodes::runtime::Table;
use errcodes::{By, Code, PlatformError, Query, RetryClass};

use super::line::{Body, Received, Shape};
use super::tally::{Place, Sighting, Tally};

/// Counts `shape`, read from the line at `place`, in `tally`.
pub fn observe(table: Table, shape: &Shape<'_>, place: impl Fn() -> Place, tally: &mut Tally) {
    match shape {
        Shape::Body { status, body } => {
            let bytes = match body {
                Body::Bytes(bytes) => bytes,
                Body::Text(text) => text.as_bytes(),
            };
            let read = match status {
                Some(status) => table.from_http(*status, bytes),
                None => table.from_response(bytes),
            };
            match read {
                Ok(None) => tally.successes += 1,
                Ok(Some(error)) => {
                    let seen = Seen {
                        code: error.code(),
                        message: error.message(),
                        sub_code: error.sub_code(),
                        sub_message: error.sub_message(),
                        time: None,
                    };
                    // The class as the response gives it: an unknown code's follows the
                    // HTTP status (503: transient).
                    let judged = Judged {
                        variant: error.error().name(),
                        retry: error.retry_class().as_str(),
                        by: error.by(),
                        unknown_sub_code: error.has_unknown_sub_code(),
                    };
                    count(table, &seen, &judged, place, tally);
                }
                Err(error) => tally.malformed(place, || error.to_string()),
            }
        }
        Shape::Error(received) => observe_received(table, received, place, tally),
        Shape::OtherEvent => tally.other_events += 1,
    }
}

/// A record or an event, judged again by the table (which may be newer than the log).
fn observe_received(
    table: Table,
    received: &Received,
    place: impl Fn() -> Place,
    tally: &mut Tally,
) {
    if received
        .platform
        .as_deref()
        .is_some_and(|platform| platform != table.platform())
    {
        tally.other_platforms += 1;
        return;
    }
    let seen = Seen {
        code: received.code.as_deref().map_or(Code::None, Code::Str),
        message: received.message.as_deref().unwrap_or_default(),
        sub_code: received.sub_code.as_deref(),
        sub_message: received.sub_message.as_deref(),
        time: received.timestamp.as_deref(),
    };
    let mut query = Query::new(seen.code).message(seen.message);
    if let Some(sub_code) = seen.sub_code {
        query = query.sub_code(sub_code);
    }
    let found = table.lookup(&query);
    // As for a body: an unknown code's class follows the HTTP status the record or event
    // gives (502: transient), as `ApiError::retry_class` has it.
    let status = received
        .status
        .as_deref()
        .and_then(|status| status.trim().parse().ok())
        .filter(|_| found.error.is_unknown())
        .and_then(|status| RetryClass::from_http_status(status, None));
    let judged = Judged {
        variant: found.error.name(),
        retry: status.unwrap_or_else(|| found.error.retry_class()).as_str(),
        by: found.by,
        unknown_sub_code: found.unknown_sub_code,
    };
    count(table, &seen, &judged, place, tally);
}

/// An error as received.
struct Seen<'a> {
    code: Code<'a>,
    message: &'a str,
    sub_code: Option<&'a str>,
    sub_message: Option<&'a str>,
    time: Option<&'a str>,
}

/// What the table made of it.
struct Judged {
    variant: &'static str,
    retry: &'static str,
    by: By,
    unknown_sub_code: bool,
}

fn count(
    table: Table,
    seen: &Seen<'_>,
    judged: &Judged,
    place: impl Fn() -> Place,
    tally: &mut Tally,
) {
    tally.error(judged.variant, judged.retry);
    let lacks = judged.by == By::Unknown || judged.unknown_sub_code || judged.by == By::Fallback;
    if !lacks {
        return;
    }
    let code = canonical(seen.code);
    let message = table.matched_text(seen.message);
    // What a sub-code means is its sub-message (Alipay's `sub_msg`); the message is the
    // gateway's, the same for every sub-code of the code.
    let sub_message = seen
        .sub_message
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .unwrap_or(message);
    let sub_code = seen.sub_code.map(str::trim).filter(|sub| !sub.is_empty());
    // A sub-code's sighting carries the sub-message.
    let sighting = |key: String, of_sub_code: bool| Sighting {
        key,
        code: &code,
        sub_code: seen.sub_code,
        message: if of_sub_code { sub_message } else { message },
        variant: judged.variant,
        time: seen.time,
    };
    // An unknown code's sub-code is unknown too (no rule of any code matched it): both are
    // told at once, so that one `--write` gives both entries.
    if let Some(sub_code) = sub_code.filter(|_| judged.by == By::Unknown || judged.unknown_sub_code)
    {
        let key = format!("{code} {sub_code}");
        tally
            .unknown_sub_codes
            .add(&sighting(key, true), &place, false);
    }
    if judged.by == By::Unknown {
        tally
            .unknown_codes
            .add(&sighting(code.clone(), false), place, false);
    } else if !judged.unknown_sub_code {
        let key = format!("{code} {message}");
        tally
            .unmatched_messages
            .add(&sighting(key, false), place, true);
    }
}

/// A code as one text for every spelling of it: numeric text is its integer.
pub fn canonical(code: Code<'_>) -> String {
    match code {
        Code::Int(code) => code.to_string(),
        Code::Str(text) => {
            let text = text.trim();
            text.parse::<i64>()
                .map_or_else(|_| text.to_owned(), |code| code.to_string())
        }
        Code::None => String::new(),
    }
}
