//! What an envelope's paths find in a body, and the rule that makes the readers of bytes and
//! of a `serde_json::Value` agree:
//!
//! - a repeated key: the last wins, as in a `Value`;
//! - `*` takes the matching key least in byte order whose value (the rest of the path) is
//!   not null; a path that leads only to nulls leads to null;
//! - of a slot's paths, the first that leads to a value that is not null; else the first
//!   that leads to null.
//!
//! None of this depends on the order of a map's keys, so a `Value` reads the same with
//! `serde_json`'s `preserve_order` as without.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde_json::{Number, Value};

use crate::table::{Envelope, Path};

/// The values an envelope names, in this order.
pub(crate) const CODE: usize = 0;
pub(crate) const MESSAGE: usize = 1;
pub(crate) const SUB_CODE: usize = 2;
pub(crate) const SUB_MESSAGE: usize = 3;
pub(crate) const REQUEST_ID: usize = 4;
pub(crate) const SLOTS: usize = 5;

pub(crate) use errcodes_layout::{ITEMS, JSON_TEXT};

/// The paths of each slot, in the order they are tried.
pub(crate) fn slots(envelope: &Envelope) -> [&'static [Path]; SLOTS] {
    [
        envelope.code,
        envelope.message,
        envelope.sub_code,
        envelope.sub_message,
        envelope.request_id,
    ]
}

/// Whether a path of `slots` reads a string as JSON text (`data@json.code`).
pub(crate) fn through_text(slots: &[&'static [Path]; SLOTS]) -> bool {
    slots
        .iter()
        .flat_map(|paths| paths.iter())
        .any(|path| path.keys.contains(&JSON_TEXT))
}

/// A value found at the end of a path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Found<'de> {
    Null,
    Bool(bool),
    Int(i64),
    /// A number that is no `i64` (a fraction, or beyond its range), as Rust writes it.
    Number(String),
    Text(Cow<'de, str>),
    Object,
    Array,
}

impl Found<'_> {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Found::Null => "null",
            Found::Bool(_) => "a boolean",
            Found::Int(_) | Found::Number(_) => "a number",
            Found::Text(_) => "text",
            Found::Object => "an object",
            Found::Array => "a list",
        }
    }

    /// A number that is no `i64`, as both readers write it.
    pub(crate) fn u64(n: u64) -> Self {
        i64::try_from(n).map_or_else(|_| Found::Number(n.to_string()), Found::Int)
    }

    pub(crate) fn f64(n: f64) -> Self {
        Found::Number(n.to_string())
    }

    pub(crate) fn number(n: &Number) -> Self {
        match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(n), _, _) => Found::Int(n),
            (None, Some(n), _) => Found::u64(n),
            (None, None, Some(n)) => Found::f64(n),
            (None, None, None) => Found::Number(n.to_string()),
        }
    }
}

/// The key of the one-entry map `serde_json` hands a number over as when its
/// `arbitrary_precision` feature is on (any crate that depends on `serde_json` can switch it
/// on), with the number's text as the value.
const NUMBER_KEY: &str = "$serde_json::private::Number";

/// Whether `key`, the first of a map, makes the map a number: only with
/// `arbitrary_precision`, so that without it an object with that key stays an object, as it
/// does in a `Value`.
pub(crate) fn is_number_key(key: &[u8]) -> bool {
    static NUMBERS_ARE_MAPS: OnceLock<bool> = OnceLock::new();
    key == NUMBER_KEY.as_bytes()
        && *NUMBERS_ARE_MAPS.get_or_init(|| {
            let probe = format!(r#"{{"{NUMBER_KEY}":"1"}}"#);
            serde_json::from_str::<Value>(&probe).is_ok_and(|value| value.is_number())
        })
}

/// The number a map of [`is_number_key`] holds, from its text.
pub(crate) fn number_of<E: serde::de::Error>(text: &str) -> Result<Number, E> {
    text.parse::<Number>().map_err(E::custom)
}

/// For each slot, the value its paths lead to and the path that leads there.
#[derive(Debug, Default)]
pub(crate) struct Values<'de> {
    slots: [Option<(&'static Path, Found<'de>)>; SLOTS],
}

impl<'de> Values<'de> {
    #[inline]
    pub(crate) fn set(&mut self, slot: usize, path: &'static Path, found: Found<'de>) {
        if let Some(kept) = self.slots.get_mut(slot) {
            *kept = Some((path, found));
        }
    }

    /// Chooses, for each slot, among what each of its paths leads to (`found(slot, alt)`).
    pub(crate) fn choose(
        slots: &[&'static [Path]; SLOTS],
        mut found: impl FnMut(usize, usize) -> Option<Found<'de>>,
    ) -> Self {
        let mut values = Values::default();
        for (slot, paths) in slots.iter().enumerate() {
            let mut null = None;
            for (alt, path) in paths.iter().enumerate() {
                match found(slot, alt) {
                    None => {}
                    Some(Found::Null) => {
                        null = null.or(Some(path));
                    }
                    Some(value) => {
                        values.slots[slot] = Some((path, value));
                        break;
                    }
                }
            }
            if values.slots[slot].is_none() {
                values.slots[slot] = null.map(|path| (path, Found::Null));
            }
        }
        values
    }

    pub(crate) fn get(&self, slot: usize) -> Option<(&'static Path, &Found<'de>)> {
        let (path, found) = self.slots.get(slot)?.as_ref()?;
        Some((path, found))
    }
}
