//! Placing a table's codes at compile time: a one-multiply hash for integer codes where a
//! multiplier is found quickly, else hash and displace. Both searches are bounded, and a
//! table that cannot be built is an error that says why, never a build that hangs.

pub(crate) mod displace;
pub(crate) mod multiply;

use core::fmt;

use crate::Code;

/// Why a table's codes could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Two codes hash alike under every seed tried: no displacement can part them.
    Collision(Code, Code),
    /// No seed of the first few placed the codes.
    Unplaced {
        /// How many codes.
        codes: usize,
        /// How many seeds were tried.
        seeds: u64,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const REPORT: &str =
            "please report this at https://github.com/errcodes/errcodes/issues, with the spec";
        match self {
            Error::Collision(first, second) => write!(
                f,
                "the codes {first} and {second} have the same hash, so errcodes cannot build a table that tells them apart; {REPORT}"
            ),
            Error::Unplaced { codes, seeds } => write!(
                f,
                "errcodes found no perfect hash for the {codes} codes of this spec in {seeds} tries; {REPORT}"
            ),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Int(code) => write!(f, "{code}"),
            Code::Str(code) => write!(f, "{code:?}"),
        }
    }
}
