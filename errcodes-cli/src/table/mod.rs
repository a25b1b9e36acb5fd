//! A spec file's table as the runtime reads it. `errcodes_spec::encode` gives the arrays that
//! `platform_errors!` writes out as literals; here they become the same
//! `errcodes::__private::Table`, so one runtime lookup serves a spec file and a shipped enum.
//!
//! The arrays are leaked: a generated table is a `static`, and a command reads one or two
//! specs once per process.

#[cfg(test)]
mod roundtrip;

use std::time::Duration;

use errcodes::__private::{Envelope, Path, Phf, Table};
use errcodes::{Code, RetryClass};
use errcodes_spec::ast::{self, Spec};
use errcodes_spec::encode::{Encoded, Hashed};

/// The runtime table of a checked spec.
pub fn table(spec: &Spec) -> &'static Table {
    // Destructured whole, so that a new array of the layout fails to build here.
    let Encoded {
        text,
        bounds,
        entries,
        entry_codes,
        field_names,
        retries,
        groups,
        ints,
        strs,
        codes,
        probes,
        buckets,
        patterns,
        noise,
        twins,
        sub_codes,
    } = errcodes_spec::encode(spec);
    Box::leak(Box::new(Table {
        platform: text_of(spec.platform.clone()),
        text: text_of(text),
        bounds: words(&bounds),
        entries: words(&entries),
        entry_codes: entry_codes.into_iter().map(code).collect::<Vec<_>>().leak(),
        field_names: field_names
            .into_iter()
            .map(text_of)
            .collect::<Vec<_>>()
            .leak(),
        retries: retries
            .into_iter()
            .map(retry_class)
            .collect::<Vec<_>>()
            .leak(),
        groups: words(&groups),
        ints: phf(&ints, |slot| slot.to_le_bytes().to_vec()),
        strs: phf(&strs, |slot| slot.to_le_bytes().to_vec()),
        codes: words(&codes),
        probes: words(&probes),
        buckets: words(&buckets),
        patterns: words(&patterns),
        noise: words(&noise),
        twins: twins.leak(),
        sub_codes: words(&sub_codes),
        unknown_retry: retry_class(spec.unknown_retry),
        envelope: spec.envelope.as_ref().map(envelope),
    }))
}

/// A spec's retry class as the runtime's type.
pub fn retry_class(retry: ast::Retry) -> RetryClass {
    match retry {
        ast::Retry::Permanent => RetryClass::Permanent,
        ast::Retry::Transient => RetryClass::Transient,
        ast::Retry::Throttled(wait) => RetryClass::Throttled {
            wait: wait.map(Duration::from_secs),
        },
        ast::Retry::Reauthenticate => RetryClass::Reauthenticate,
        ast::Retry::AlreadyApplied => RetryClass::AlreadyApplied,
    }
}

fn code(code: ast::Code) -> Code<'static> {
    match code {
        ast::Code::Int(code) => Code::Int(code),
        ast::Code::Str(code) => Code::Str(text_of(code)),
    }
}

fn envelope(envelope: &ast::Envelope) -> Envelope {
    let paths = |paths: &[Vec<String>]| -> &'static [Path] {
        paths
            .iter()
            .map(|keys| Path {
                text: text_of(keys.join(".")),
                keys: keys.iter().cloned().map(text_of).collect::<Vec<_>>().leak(),
            })
            .collect::<Vec<_>>()
            .leak()
    };
    Envelope {
        code: paths(&envelope.code),
        message: paths(&envelope.message),
        sub_code: paths(&envelope.sub_code),
        sub_message: paths(&envelope.sub_message),
        request_id: paths(&envelope.request_id),
        success: envelope
            .success
            .iter()
            .cloned()
            .map(code)
            .collect::<Vec<_>>()
            .leak(),
        success_without_code: envelope.success_without_code,
        success_message: envelope
            .success_message
            .iter()
            .cloned()
            .map(text_of)
            .collect::<Vec<_>>()
            .leak(),
    }
}

fn phf<V: Copy>(hashed: &Hashed<V>, bytes: fn(V) -> Vec<u8>) -> Phf {
    Phf {
        seed: hashed.seed,
        displacements: words(&hashed.displacements),
        slots: hashed
            .slots
            .iter()
            .flat_map(|&slot| bytes(slot))
            .collect::<Vec<_>>()
            .leak(),
    }
}

/// `u32`s as the little-endian bytes a generated table holds.
fn words(values: &[u32]) -> &'static [u8] {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect::<Vec<_>>()
        .leak()
}

fn text_of(text: String) -> &'static str {
    text.leak()
}
