//! What was received (a code, and the message, endpoint and sub-code with it) to its entry,
//! by the runtime's own lookups, as `Catalog::from_code` and `Catalog::lookup` run them.

use errcodes::runtime::{Table, Variant};
use errcodes::{By, Code, PlatformError, Query};
use serde::Serialize;

use crate::entry::CodeValue;

/// What a platform sent, as given on the command line.
#[derive(Debug, Clone, Serialize)]
pub struct Received {
    /// The code as the runtime reads it: numeric text is the integer.
    pub code: Option<CodeValue>,
    pub message: Option<String>,
    pub endpoint: Option<String>,
    /// Matched against the spec's sub-code rules before the message is.
    pub sub_code: Option<String>,
}

/// What the received error is.
#[derive(Debug, Clone)]
pub struct Found {
    /// The entry, or `Unknown` for a code the table does not know.
    pub variant: Variant,
    /// `(name, value)` of the matched template's fields.
    pub fields: Vec<(&'static str, String)>,
    /// The other entries of the received code, in spec order.
    pub others: Vec<Variant>,
    /// How the entry was chosen: a fallback or `Unknown` is what the spec lacks.
    pub by: By,
    /// A sub-code was given that none of the spec's sub-code rules matches.
    pub unknown_sub_code: bool,
}

/// The entry of `received`, as `lookup` on the generated enum finds it: the one of its
/// code whose message matches, else the code's fallback (without a message, the
/// fallback), then the twin documented for its endpoint.
pub fn find(table: Table, received: &Received) -> Found {
    let code = received.code.as_ref().map_or(Code::None, CodeValue::code);
    let mut query = Query::new(code).message(received.message.as_deref().unwrap_or_default());
    if let Some(sub_code) = &received.sub_code {
        query = query.sub_code(sub_code);
    }
    if let Some(endpoint) = &received.endpoint {
        query = query.endpoint(endpoint);
    }
    let found = table.lookup(&query);
    let fields = found
        .fields
        .iter()
        .map(|(name, value)| (name, value.to_owned()))
        .collect();
    let others = table
        .variants()
        .filter(|other| {
            *other != found.error && code != Code::None && other.codes().contains(&code)
        })
        .collect();
    Found {
        variant: found.error,
        fields,
        others,
        by: found.by,
        unknown_sub_code: found.unknown_sub_code,
    }
}
