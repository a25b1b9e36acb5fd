//! Reads one body of `errcodes_bench::responses` many times, with `from_response` or as a
//! `serde_json::Value`: a loop for `valgrind --tool=callgrind`, whose instruction counts,
//! unlike times, do not move with the machine's load.
//!
//! ```sh
//! cargo build --release -p errcodes-bench --example response_instructions
//! scripts/response_instructions.sh     # instructions per read, every body, both readers
//! ```

use std::hint::black_box;

use errcodes_bench::responses::{cases, parse_value};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, reader, times] = args.as_slice() else {
        eprintln!("usage: response_instructions <body> <errcodes|value> <times>");
        std::process::exit(2);
    };
    let Some(case) = cases().into_iter().find(|case| case.name == name) else {
        eprintln!("no body called {name}");
        std::process::exit(2);
    };
    let read = match reader.as_str() {
        "errcodes" => case.read,
        "value" => parse_value,
        _ => {
            eprintln!("the reader is `errcodes` or `value`, not {reader}");
            std::process::exit(2);
        }
    };
    let times: usize = times.parse().unwrap_or(0);
    let body = case.body.as_bytes();
    assert!(read(body), "{name} reads as expected");
    for _ in 0..times {
        black_box(read(black_box(body)));
    }
}
