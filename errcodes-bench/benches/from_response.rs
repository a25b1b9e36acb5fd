//! `from_response` (a typed read of the paths an envelope names, then the lookup) against
//! `serde_json::from_slice::<serde_json::Value>` of the same bodies: reading and
//! classifying a response should cost less than parsing it alone into a `Value`.
//!
//! `cargo bench -p errcodes-bench --bench from_response`; `BENCHMARKS.md` has the numbers.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use errcodes_bench::responses::{cases, parse_value};

fn from_response(c: &mut Criterion) {
    for case in cases() {
        let bytes = case.body.as_bytes();
        let read = case.read;
        assert!(read(bytes), "{} reads as expected", case.name);
        let mut group = c.benchmark_group(format!("from_response/{}", case.name));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("errcodes", |b| b.iter(|| read(black_box(bytes))));
        group.bench_function("serde_json_value", |b| {
            b.iter(|| parse_value(black_box(bytes)))
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = from_response
}
criterion_main!(benches);
