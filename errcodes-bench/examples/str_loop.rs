//! `from_code` on the shipped specs whose codes are text (expanded here), against a
//! `HashMap<&str, E>` of the same codes, timed in turns: half known codes, half a known code
//! with a suffix (`invalid_params_x`), in a fixed shuffled order. The criterion benchmark
//! `from_code` measures the same (groups `from_code_text/<spec>`).
//!
//! ```sh
//! cargo run --release -p errcodes-bench --example str_loop -- 100
//! ```

use std::collections::HashMap;
use std::hint::black_box;

use errcodes::prelude::*;
use errcodes::Code;

#[allow(dead_code)] // the spec generators are for build.rs
#[path = "../benches/support/synth.rs"]
mod synth;

mod local {
    pub mod tiktok_global {
        errcodes::platform_errors!("../specs/tiktok_global.yaml");
    }
    pub mod shopee {
        errcodes::platform_errors!("../specs/shopee.yaml");
    }
    pub mod amazon_sp_api {
        errcodes::platform_errors!("../specs/amazon_sp_api.yaml");
    }
    pub mod wechat_pay_v3 {
        errcodes::platform_errors!("../specs/wechat_pay_v3.yaml");
    }
}

#[path = "../benches/support/queries.rs"]
mod queries;

use queries::{text_queries, QUERIES};

fn run<E: Catalog + PlatformError>(turns: usize) {
    let codes: Vec<String> = E::ALL
        .iter()
        .flat_map(PlatformError::codes)
        .filter_map(|code| match code {
            Code::Str(text) => Some((*text).to_owned()),
            _ => None,
        })
        .collect();
    let queries = text_queries(&codes);
    let map: HashMap<&str, E> = codes
        .iter()
        .map(|code| (code.as_str(), E::from_code(code.as_str())))
        .collect();
    let ours = || {
        for query in &queries {
            black_box(E::from_code(black_box(query.as_str())));
        }
    };
    let theirs = || {
        for query in &queries {
            black_box(map.get(black_box(query.as_str())));
        }
    };
    let (a, b) = errcodes_bench::turns::medians(&ours, &theirs, turns, QUERIES as f64);
    println!("| {} | {a:.1} ns | {b:.1} ns | {:.2} |", E::PLATFORM, a / b);
}

fn main() {
    let turns = std::env::args()
        .nth(1)
        .and_then(|turns| turns.parse().ok())
        .unwrap_or(100);
    println!("| spec | errcodes | `HashMap<&str, _>` | errcodes ÷ `HashMap` |\n| --- | ---: | ---: | ---: |");
    run::<local::tiktok_global::TiktokGlobalError>(turns);
    run::<local::shopee::ShopeeError>(turns);
    run::<local::amazon_sp_api::AmazonSpApiError>(turns);
    run::<local::wechat_pay_v3::WechatPayV3Error>(turns);
}
