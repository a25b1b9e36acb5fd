//! Reads one body of `errcodes_bench::responses` many times, with `from_response` or as a
//! `serde_json::Value`: a loop for `valgrind --tool=callgrind`, whose instruction counts,
//! unlike times, do not move with the machine's load (`scripts/response_instructions.sh`).
//! `interleaved` times both readers in turns of 10,000 reads and prints the medians of the
//! turns and their ratio, so that a load that comes and goes weighs on both alike.
//!
//! ```sh
//! cargo run --release -p errcodes-bench --example read_loop -- wechat_error interleaved 200
//! ```

use errcodes_bench::responses::{cases, parse_value};
use errcodes_bench::turns;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, reader, times] = args.as_slice() else {
        eprintln!("usage: read_loop <body> <errcodes|value|interleaved> <times>");
        std::process::exit(2);
    };
    let Some(case) = cases().into_iter().find(|case| case.name == name) else {
        eprintln!("no body called {name}");
        std::process::exit(2);
    };
    let times: usize = times.parse().unwrap_or(0);
    let body = case.body.as_bytes();
    assert!((case.read)(body), "{name} reads as expected");
    let read = match reader.as_str() {
        "errcodes" => case.read,
        "value" => parse_value,
        "interleaved" => return interleaved(name, body, case.read, times),
        _ => {
            eprintln!("the reader is `errcodes`, `value` or `interleaved`, not {reader}");
            std::process::exit(2);
        }
    };
    for _ in 0..times {
        black_box(read(black_box(body)));
    }
}

/// Nanoseconds a read, in turns of 10,000, the readers one after the other: the medians.
fn interleaved(name: &str, body: &[u8], read: fn(&[u8]) -> bool, turns: usize) {
    const READS: u32 = 10_000;
    let reads = |read: fn(&[u8]) -> bool| {
        move || {
            for _ in 0..READS {
                black_box(read(black_box(body)));
            }
        }
    };
    let (ours, value) = turns::medians(&reads(read), &reads(parse_value), turns, f64::from(READS));
    println!(
        "| {name} | {} | {ours:.0} ns | {value:.0} ns | {:.2} |",
        body.len(),
        ours / value
    );
}
