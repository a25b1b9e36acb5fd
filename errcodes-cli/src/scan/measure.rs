//! `scan --measure N` (hidden): the scan's throughput against parsing each line of the same
//! logs into a `serde_json::Value`, in one process, in alternating rounds; medians. What
//! BENCHMARKS.md reports.

use std::time::{Duration, Instant};

use errcodes::runtime::Table;

use super::input::{self, Source};
use super::tally::Tally;

pub fn run(table: Table, sources: &[Source], rounds: u32) -> String {
    let mut scan = Vec::new();
    let mut value = Vec::new();
    let (mut bytes, mut lines, mut parsed) = (0u64, 0u64, 0u64);
    let rounds = rounds.max(1);
    for _ in 0..rounds {
        let start = Instant::now();
        let mut tally = Tally::default();
        super::scan(table, sources, &mut tally);
        scan.push(start.elapsed());
        lines = tally.lines;
        let start = Instant::now();
        (bytes, parsed) = parse_values(sources);
        value.push(start.elapsed());
    }
    let (scan, value) = (median(&mut scan), median(&mut value));
    // Megabytes: exact in an f64 up to 2^53 bytes.
    #[allow(clippy::cast_precision_loss)]
    let megabytes = bytes as f64 / 1e6;
    let rate = |time: Duration| megabytes / time.as_secs_f64().max(1e-9);
    format!(
        "{lines} lines ({parsed} JSON), {bytes} bytes, {rounds} rounds (medians)\nscan:                 {:.3} s, {:.1} MB/s\nserde_json::Value:    {:.3} s, {:.1} MB/s\nthroughput ratio scan/Value: {:.2}\n",
        scan.as_secs_f64(),
        rate(scan),
        value.as_secs_f64(),
        rate(value),
        value.as_secs_f64() / scan.as_secs_f64().max(1e-9),
    )
}

/// Reads every line into a `Value`, as a baseline: the bytes read, and the lines that were
/// JSON (printed, so that the parse is not optimised away).
fn parse_values(sources: &[Source]) -> (u64, u64) {
    let mut bytes = 0u64;
    let mut parsed = 0u64;
    for source in sources {
        let Ok(reader) = source.open(|_| {}) else {
            continue;
        };
        let _ = input::lines(reader, |_, line| {
            bytes += line.len() as u64 + 1;
            if let Ok(text) = std::str::from_utf8(line) {
                if serde_json::from_str::<serde_json::Value>(text).is_ok() {
                    parsed += 1;
                }
            }
        });
    }
    (bytes, parsed)
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}
