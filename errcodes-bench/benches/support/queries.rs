//! The `from_code` query mixes, shared by `benches/from_code.rs` and the examples
//! `code_loop` (integer codes) and `str_loop` (text codes), so that each pair times the same
//! sequence.

use std::collections::HashSet;

use super::synth;

/// Enough distinct queries that the branch predictor cannot learn the sequence.
pub const QUERIES: usize = 1 << 16;

/// Half known codes, half unknown codes near known ones (as a newer table would add), in a
/// fixed shuffled order.
#[allow(dead_code)] // each user of the module takes one mix
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
    shuffle(&mut out, &mut rng);
    out
}

/// Half known text codes, half a known code with a suffix (`invalid_params_x`), in a fixed
/// shuffled order. The strings are allocated in that order, so that a loop over them reads
/// memory in sequence: shuffling them once allocated would time cache misses, which a
/// lookup of a code just received does not pay.
#[allow(dead_code)] // each user of the module takes one mix
pub fn text_queries(codes: &[String]) -> Vec<String> {
    let mut rng = synth::XorShift(0x2545_f491_4f6c_dd1d);
    let mut picks: Vec<(usize, bool)> = (0..QUERIES)
        .map(|i| (rng.below(codes.len() as u64) as usize, i % 2 == 0))
        .collect();
    shuffle(&mut picks, &mut rng);
    picks
        .into_iter()
        .map(|(code, known)| {
            if known {
                codes[code].clone()
            } else {
                format!("{}_x", codes[code])
            }
        })
        .collect()
}

fn shuffle<T>(out: &mut [T], rng: &mut synth::XorShift) {
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i as u64 + 1) as usize);
    }
}
