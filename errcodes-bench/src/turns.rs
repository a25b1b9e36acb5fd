//! Two loops timed in turns, one after the other, so that a load on the machine that comes
//! and goes weighs on both alike: what the examples' `interleaved` prints.

use std::time::Instant;

/// The medians over `turns` turns (at least one) of the time `ours` and `theirs` take,
/// each divided by `per` (the queries or reads a call makes): nanoseconds each.
pub fn medians(ours: &dyn Fn(), theirs: &dyn Fn(), turns: usize, per: f64) -> (f64, f64) {
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1e9 / per
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..turns.max(1) {
        a.push(time(ours));
        b.push(time(theirs));
    }
    (median(&mut a), median(&mut b))
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
