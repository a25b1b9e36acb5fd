//! `from_code` against a std `HashMap` and a generated `match` built from the same spec, on
//! a shuffled 50/50 mix of known and unknown codes: for every spec in `specs/` and for
//! synthetic specs of 150, 1,000 and 10,000 entries (all written by `build.rs`); for a
//! spec's text codes, against a `HashMap<&str, _>` (groups `from_code_text/<spec>`). The two
//! placements of integer codes (one multiply, hash and displace) are measured side by side
//! on tables encoded at run time with each (`Table::lookup`, the code to its entry index),
//! where the generated enum uses the one its table was given.
//!
//! `cargo bench --bench from_code`; `BENCHMARKS.md` has the numbers.

use errcodes::__private::{Key, Table};
use errcodes::prelude::*;
use errcodes_spec::encode::Design;

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

include!(concat!(env!("OUT_DIR"), "/bench_specs.rs"));

#[allow(dead_code)] // the spec generators are for build.rs
#[path = "support/synth.rs"]
mod synth;

#[path = "support/queries.rs"]
mod queries;

use queries::{queries, text_queries, QUERIES};

/// The spec at `path` encoded with `design`, as the runtime reads it; `None` when the
/// design cannot place its codes (no multiplier found).
fn table(path: &str, design: Design) -> Option<&'static Table> {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = match errcodes_spec::load(base, path) {
        Ok(loaded) => loaded.spec,
        Err(failure) => panic!("{}", failure.reports.join("\n")),
    };
    errcodes_spec::encode_with(&spec, design)
        .ok()
        .map(Table::leak)
}

macro_rules! bench_spec {
    ($spec:ident) => {{
        fn run(c: &mut Criterion) {
            use $spec::Error;
            bench_text::<Error>(c, $spec::NAME);
            if $spec::CODES.is_empty() {
                return; // a spec with string codes only
            }
            let queries = queries($spec::CODES);
            let map: HashMap<i64, Error> = $spec::CODES
                .iter()
                .filter_map(|&code| Some((code, $spec::by_match(code)?)))
                .collect();
            // The three answer alike, so they are measured doing the same job.
            for &code in &queries {
                let expected = $spec::by_match(code);
                let found = Error::from_code(code);
                assert_eq!(found.is_unknown(), expected.is_none(), "code {code}");
                assert!(
                    expected.as_ref().is_none_or(|expected| *expected == found),
                    "code {code}"
                );
                assert_eq!(map.get(&code).is_some(), expected.is_some(), "code {code}");
            }

            let mut group = c.benchmark_group(format!("from_code/{}", $spec::NAME));
            group.throughput(Throughput::Elements(QUERIES as u64));
            group.bench_function("errcodes", |b| {
                b.iter(|| {
                    for &code in &queries {
                        black_box(Error::from_code(black_box(code)));
                    }
                })
            });
            group.bench_function("match", |b| {
                b.iter(|| {
                    for &code in &queries {
                        black_box($spec::by_match(black_box(code)));
                    }
                })
            });
            for (label, design) in [
                ("multiply", Design::Multiply),
                ("displace", Design::Displace),
            ] {
                let Some(table) = table($spec::PATH, design) else {
                    continue;
                };
                for &code in &queries {
                    let index = table.lookup(Key::Int(code));
                    assert_eq!(
                        index < table.len(),
                        map.contains_key(&code),
                        "{label} {code}"
                    );
                }
                group.bench_function(label, |b| {
                    b.iter(|| {
                        for &code in &queries {
                            black_box(table.lookup(Key::Int(black_box(code))));
                        }
                    })
                });
            }
            // Only the lookup: no clone, no `Unknown` built for a miss. The strictest baseline.
            group.bench_function("hashmap", |b| {
                b.iter(|| {
                    for &code in &queries {
                        black_box(map.get(&black_box(code)));
                    }
                })
            });
            group.finish();
        }
        run as fn(&mut Criterion)
    }};
}

/// `from_code` on a spec's text codes against a `HashMap<&str, _>` of them: group
/// `from_code_text/<spec>`, for specs that have text codes.
fn bench_text<E: Catalog + PlatformError + PartialEq + std::fmt::Debug>(
    c: &mut Criterion,
    name: &str,
) {
    let codes: Vec<String> = E::ALL
        .iter()
        .flat_map(PlatformError::codes)
        .filter_map(|code| match code {
            errcodes::Code::Str(text) => Some((*text).to_owned()),
            _ => None,
        })
        .collect();
    if codes.is_empty() {
        return;
    }
    let queries = text_queries(&codes);
    let map: HashMap<&str, E> = codes
        .iter()
        .map(|code| (code.as_str(), E::from_code(code.as_str())))
        .collect();
    // Both answer alike, so they are measured doing the same job.
    for query in &queries {
        let found = E::from_code(query.as_str());
        match map.get(query.as_str()) {
            Some(expected) => assert_eq!(&found, expected, "{query}"),
            None => assert!(found.is_unknown(), "{query}"),
        }
    }
    let mut group = c.benchmark_group(format!("from_code_text/{name}"));
    group.throughput(Throughput::Elements(QUERIES as u64));
    group.bench_function("errcodes", |b| {
        b.iter(|| {
            for query in &queries {
                black_box(E::from_code(black_box(query.as_str())));
            }
        })
    });
    group.bench_function("hashmap", |b| {
        b.iter(|| {
            for query in &queries {
                black_box(map.get(black_box(query.as_str())));
            }
        })
    });
    group.finish();
}

fn from_code(c: &mut Criterion) {
    for run in for_each_spec!(bench_spec) {
        run(c);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = from_code
}
criterion_main!(benches);
