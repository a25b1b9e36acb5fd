//! The benchmarks of errcodes: `cargo bench -p errcodes-bench`. The numbers and what they
//! mean are in `BENCHMARKS.md`.

pub mod responses;
pub mod turns;
