//! A table as the writer gives it and a reader takes it.

use alloc::string::String;
use alloc::vec::Vec;

/// One spec's table: what generated code writes out as literals and the runtime reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Encoded {
    /// Every string of the spec, back to back.
    pub text: String,
    /// The sections ([`section`](crate::section)), header first.
    pub bytes: Vec<u8>,
    /// Every entry's codes in spec order, then the envelope's success codes.
    pub codes: Vec<Code>,
    /// The field names of every entry's first template, then the envelope's success
    /// messages.
    pub names: Vec<String>,
    /// The envelope's paths, value by value.
    pub paths: Vec<Path>,
}

/// A code as a spec writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// An integer code.
    Int(i64),
    /// A code that is text.
    Str(String),
}

/// One path into a response: `error.code` is `["error", "code"]`; `*` is any key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Path {
    /// The path as the spec writes it, for error messages.
    pub text: String,
    /// Its keys.
    pub keys: Vec<String>,
}
