//! The `from_code` query mix, shared by `benches/from_code.rs` and `examples/code_loop.rs`
//! so that both time the same sequence.

use std::collections::HashSet;

use super::synth;

/// Enough distinct queries that the branch predictor cannot learn the sequence.
pub const QUERIES: usize = 1 << 16;

/// Half known codes, half unknown codes near known ones (as a newer table would add), in a
/// fixed shuffled order.
pub fn queries(codes: &[i64]) -> Vec<i64> {
    let known: HashSet<i64> = codes.iter().copied().collect();
    let mut rng = synth::XorShift(0x2545_f491_4f6c_dd1d);
    let mut out: Vec<i64> = (0..QUERIES)
        .map(|i| {
            let base = codes[rng.below(codes.len() as u64) as usize];
            if i % 2 == 0 {
                return base;
            }
            loop {
                let code = base + rng.below(199) as i64 - 99;
                if !known.contains(&code) {
                    break code;
                }
            }
        })
        .collect();
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i as u64 + 1) as usize);
    }
    out
}
