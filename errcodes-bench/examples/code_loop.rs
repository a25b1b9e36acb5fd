//! `from_code` on one shipped spec (its enum in `errcodes::platforms`, or `local_<spec>`
//! expanded here), or a `HashMap<i64, E>` of the same codes, on the queries of
//! `benches/from_code.rs` (a shuffled 50/50 mix of known and unknown codes): a loop for
//! `valgrind --tool=callgrind`, whose instruction counts do not move with the machine's
//! load (`scripts/code_instructions.sh`). `interleaved` times both in turns and prints the
//! medians and their ratio.
//!
//! ```sh
//! cargo run --release -p errcodes-bench --example code_loop -- wechat_global interleaved 100
//! ```

use std::collections::HashMap;
use std::hint::black_box;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::top_gateway::TopGatewayError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_global::WechatGlobalError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::Code;
use errcodes_bench::turns;

#[allow(dead_code)] // the spec generators are for build.rs
#[path = "../benches/support/synth.rs"]
mod synth;

/// The same specs expanded in this crate, as a user's own `platform_errors!` and the
/// criterion benchmark's are (`local_<spec>`): the table is a local `static`, which the
/// optimiser reads, where the shipped enums' tables are another crate's.
mod local {
    pub mod aliexpress {
        errcodes::platform_errors!("../specs/aliexpress.yaml");
    }
    pub mod tiktok_local_services {
        errcodes::platform_errors!("../specs/tiktok_local_services.yaml");
    }
    pub mod top_gateway {
        errcodes::platform_errors!("../specs/top_gateway.yaml");
    }
    pub mod wangdiantong {
        errcodes::platform_errors!("../specs/wangdiantong.yaml");
    }
    pub mod wechat_global {
        errcodes::platform_errors!("../specs/wechat_global.yaml");
    }
    pub mod wechat_shop {
        errcodes::platform_errors!("../specs/wechat_shop.yaml");
    }
    pub mod wechat_transaction {
        errcodes::platform_errors!("../specs/wechat_transaction.yaml");
    }
    pub mod lazada {
        errcodes::platform_errors!("../specs/lazada.yaml");
    }
    pub mod tiktok_shop {
        errcodes::platform_errors!("../specs/tiktok_shop.yaml");
    }
}

#[path = "../benches/support/queries.rs"]
mod queries;

use queries::{queries, QUERIES};

fn run<E: PlatformError + Catalog>(reader: &str, times: usize) {
    let mut codes: Vec<i64> = E::ALL
        .iter()
        .flat_map(|e| e.codes())
        .filter_map(|code| match code {
            Code::Int(code) => Some(*code),
            _ => None,
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let queries = queries(&codes);
    let map: HashMap<i64, E> = codes.iter().map(|&c| (c, E::from_code(c))).collect();
    let ours = || from_codes::<E>(&queries);
    let theirs = || gets(&map, &queries);
    match reader {
        "errcodes" => (0..times).for_each(|_| ours()),
        "hashmap" => (0..times).for_each(|_| theirs()),
        _ => {
            let (a, b) = turns::medians(&ours, &theirs, times, QUERIES as f64);
            println!("| {} | {a:.1} ns | {b:.1} ns | {:.2} |", E::PLATFORM, a / b);
        }
    }
}

#[inline(never)]
fn from_codes<E: Catalog>(queries: &[i64]) {
    for &code in queries {
        black_box(E::from_code(black_box(code)));
    }
}

#[inline(never)]
fn gets<E>(map: &HashMap<i64, E>, queries: &[i64]) {
    for &code in queries {
        black_box(map.get(&black_box(code)));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [spec, reader, times] = args.as_slice() else {
        eprintln!("usage: code_loop <spec> <errcodes|hashmap|interleaved> <times>");
        std::process::exit(2);
    };
    let times: usize = times.parse().unwrap_or(0);
    match spec.as_str() {
        "aliexpress" => run::<AliexpressError>(reader, times),
        "tiktok_local_services" => run::<TiktokLocalServicesError>(reader, times),
        "top_gateway" => run::<TopGatewayError>(reader, times),
        "wangdiantong" => run::<WangdiantongError>(reader, times),
        "wechat_global" => run::<WechatGlobalError>(reader, times),
        "wechat_shop" => run::<WechatShopError>(reader, times),
        "wechat_transaction" => run::<WechatTransactionError>(reader, times),
        "local_aliexpress" => run::<local::aliexpress::AliexpressError>(reader, times),
        "local_lazada" => run::<local::lazada::LazadaError>(reader, times),
        "local_tiktok_shop" => run::<local::tiktok_shop::TiktokShopError>(reader, times),
        "local_tiktok_local_services" => {
            run::<local::tiktok_local_services::TiktokLocalServicesError>(reader, times)
        }
        "local_top_gateway" => run::<local::top_gateway::TopGatewayError>(reader, times),
        "local_wangdiantong" => run::<local::wangdiantong::WangdiantongError>(reader, times),
        "local_wechat_global" => run::<local::wechat_global::WechatGlobalError>(reader, times),
        "local_wechat_shop" => run::<local::wechat_shop::WechatShopError>(reader, times),
        "local_wechat_transaction" => {
            run::<local::wechat_transaction::WechatTransactionError>(reader, times)
        }
        _ => {
            eprintln!("no shipped spec with integer codes called {spec}");
            std::process::exit(2);
        }
    }
}
