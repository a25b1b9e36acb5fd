//! Workspace root: holds the examples and integration tests of errcodes, and the logic of
//! the example tools, here so that tests can call it.

pub mod catalog;
pub mod client;
pub mod explain;

// The README's Rust examples run as doctests of this crate, which has every feature on.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
