//! Workspace root: holds the examples and integration tests of errcodes. The tools are the
//! `errcodes` command (`errcodes-cli/`).

// The README's Rust examples run as doctests of this crate, which has every feature on.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
