//! Workspace root: holds the examples and integration tests of errcodes, and the logic of
//! the `client` example, here so that `tests/client.rs` can call it. The tools are the
//! `errcodes` command (`errcodes-cli/`).

pub mod client;

// The README's Rust examples run as doctests of this crate, which has every feature on.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
