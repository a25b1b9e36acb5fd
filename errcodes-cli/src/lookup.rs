//! What was received (a code, and the message, endpoint and sub-code with it) to its entry,
//! by the runtime's own lookups, as `Catalog::from_code` and `Catalog::lookup` run them.

use errcodes::__private::{Key, Table};
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
    /// The entry; `None` for a code the table does not know.
    pub index: Option<usize>,
    /// `(name, value)` of the matched template's fields.
    pub fields: Vec<(&'static str, String)>,
    /// The other entries of the received code, in spec order.
    pub others: Vec<usize>,
}

/// The entry of `received`: the one of its code whose message matches, else the code's
/// fallback (without a message, the fallback), then the twin documented for its endpoint.
pub fn find(table: &'static Table, received: &Received) -> Found {
    let key = received
        .code
        .as_ref()
        .map_or(Key::None, |code| Key::of(code.code()));
    let sub_code = received.sub_code.as_deref();
    let (mut index, fields) = match (&received.message, sub_code) {
        (None, None) => (table.lookup(key), Vec::new()),
        (message, _) => {
            let message = message.as_deref().unwrap_or_default();
            let (index, fields, _) = table.find(key, sub_code, message);
            let fields = fields
                .iter()
                .map(|(name, value)| (name, value.to_owned()))
                .collect();
            (index, fields)
        }
    };
    if let Some(endpoint) = &received.endpoint {
        index = table.at_endpoint(index, endpoint);
    }
    let others = (0..table.len())
        .filter(|&other| {
            other != index
                && key != Key::None
                && table
                    .codes_of(other)
                    .iter()
                    .any(|&code| Key::of(code) == key)
        })
        .collect();
    Found {
        index: (index < table.len()).then_some(index),
        fields,
        others,
    }
}
