//! `from_code` on a run-time table (`errcodes::runtime::Table`, the shipped spec loaded by
//! name) against the generated enum's, for every platform on by default, on the same shuffled
//! 50/50 mix of known and unknown codes `from_code.rs` uses (integer codes; a spec with
//! string codes only gets its string codes, the unknown ones a suffix away from known ones).
//!
//! `cargo bench -p errcodes-bench --bench runtime && python3 scripts/bench_table.py`;
//! `BENCHMARKS.md` has the numbers.

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use errcodes::platforms::{
    aliexpress::AliexpressError, tiktok_global::TiktokGlobalError,
    tiktok_local_services::TiktokLocalServicesError, top_gateway::TopGatewayError,
    wangdiantong::WangdiantongError, wechat_global::WechatGlobalError,
    wechat_shop::WechatShopError, wechat_transaction::WechatTransactionError,
};
use errcodes::prelude::*;
use errcodes::runtime::Table;
use errcodes::Code;

#[allow(dead_code)] // the spec generators are for build.rs
#[path = "support/synth.rs"]
mod synth;

/// Enough distinct queries that the branch predictor cannot learn the sequence.
const QUERIES: usize = 1 << 16;

/// Half known codes, half unknown codes near known ones, in a fixed shuffled order.
fn queries<E: Catalog>() -> Vec<Code<'static>> {
    let all: Vec<Code<'static>> = E::ALL
        .iter()
        .flat_map(PlatformError::codes)
        .copied()
        .collect();
    let ints: Vec<i64> = all.iter().filter_map(Code::as_i64).collect();
    let known: HashSet<i64> = ints.iter().copied().collect();
    let strs: Vec<&'static str> = all
        .iter()
        .filter_map(|code| match code {
            Code::Str(text) if code.as_i64().is_none() => Some(*text),
            _ => None,
        })
        .collect();
    let unknown_strs: Vec<&'static str> = strs
        .iter()
        .map(|text| &*format!("{text}_new").leak())
        .collect();
    let mut rng = synth::XorShift(0x2545_f491_4f6c_dd1d);
    let mut out: Vec<Code<'static>> = (0..QUERIES)
        .map(|i| {
            if ints.is_empty() {
                let at = rng.below(strs.len() as u64) as usize;
                let pick = if i % 2 == 0 { &strs } else { &unknown_strs };
                return Code::Str(pick[at]);
            }
            let base = ints[rng.below(ints.len() as u64) as usize];
            if i % 2 == 0 {
                return Code::Int(base);
            }
            loop {
                let code = base + rng.below(199) as i64 - 99;
                if !known.contains(&code) {
                    break Code::Int(code);
                }
            }
        })
        .collect();
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i as u64 + 1) as usize);
    }
    out
}

fn compare<E: Catalog>(c: &mut Criterion, name: &str) {
    let table = Table::shipped(name).expect("a shipped spec loads");
    let queries = queries::<E>();
    // The two answer alike, so they are measured doing the same job.
    for &code in &queries {
        let (compiled, run_time) = (E::from_code(code), table.from_code(code));
        assert_eq!(compiled.name(), run_time.name(), "{name} {code}");
        assert_eq!(compiled.code(), run_time.code(), "{name} {code}");
    }
    let mut group = c.benchmark_group(format!("runtime_from_code/{name}"));
    group.throughput(Throughput::Elements(QUERIES as u64));
    group.bench_function("enum", |b| {
        b.iter(|| {
            for &code in &queries {
                black_box(E::from_code(black_box(code)));
            }
        });
    });
    group.bench_function("runtime", |b| {
        b.iter(|| {
            for &code in &queries {
                black_box(table.from_code(black_box(code)));
            }
        });
    });
    group.finish();
}

fn runtime(c: &mut Criterion) {
    compare::<AliexpressError>(c, "aliexpress");
    compare::<TiktokGlobalError>(c, "tiktok_global");
    compare::<TiktokLocalServicesError>(c, "tiktok_local_services");
    compare::<TopGatewayError>(c, "top_gateway");
    compare::<WangdiantongError>(c, "wangdiantong");
    compare::<WechatGlobalError>(c, "wechat_global");
    compare::<WechatShopError>(c, "wechat_shop");
    compare::<WechatTransactionError>(c, "wechat_transaction");
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = runtime
}
criterion_main!(benches);
