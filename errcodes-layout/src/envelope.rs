//! Where a platform's response keeps its code and message, as section
//! [`ENVELOPE`](crate::section::ENVELOPE) stores it: ranges of the table's lists of paths
//! and codes, and a word of flags; one such record per level of the envelope.

/// One level of a spec's `envelope`: for each value a response carries, the range of the
/// table's paths to try in order, as `(start, len)`; the success codes, a range of the
/// table's codes; and flags. The flags of the whole envelope (`status_led`, `format`) are
/// those of the first level.
// Each bool is one bit of the stored flags word, read and written in one place.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Envelope {
    /// Paths to the code.
    pub code: (u32, u32),
    /// Paths to the message.
    pub message: (u32, u32),
    /// Paths to the sub-code.
    pub sub_code: (u32, u32),
    /// Paths to the sub-message.
    pub sub_message: (u32, u32),
    /// Paths to the request id.
    pub request_id: (u32, u32),
    /// Codes that mean success.
    pub success: (u32, u32),
    /// Messages a body without a code may carry and still be a success, a range of the
    /// table's names.
    pub success_message: (u32, u32),
    /// Whether a body with no code at any path is a success.
    pub success_without_code: bool,
    /// Whether the HTTP status leads: a 2xx without a code is a success, whatever else the
    /// body says.
    pub status_led: bool,
    /// Whether a code that is empty text (`"error": ""`) means success.
    pub success_empty: bool,
    /// Whether a path goes through a list (`errors[].code`).
    pub lists: bool,
    /// What the body is written in.
    pub format: Format,
}

use alloc::string::String;

/// The key of a path that goes through each item of a list: `errors[].code` is stored as
/// the keys `errors`, `[]`, `code`. The spec's parser writes it, the response reader reads it.
pub const ITEMS: &str = "[]";

/// The key of a path that reads a string as the JSON text it holds: `data@json.code` is
/// stored as the keys `data`, `@json`, `code`, and reads `code` in the document that the
/// text of `data` is. The spec's parser writes it, the response reader reads it.
pub const JSON_TEXT: &str = "@json";

/// A path as a spec writes it: its keys joined by `.`, and [`ITEMS`] after its list's key
/// (`errors[].code`), [`JSON_TEXT`] after its string's (`data@json.code`).
#[must_use]
pub fn path_text(keys: &[String]) -> String {
    let mut text = String::new();
    for (i, key) in keys.iter().enumerate() {
        if i > 0 && key != ITEMS && key != JSON_TEXT {
            text.push('.');
        }
        text.push_str(key);
    }
    text
}

/// What a response body is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON.
    #[default]
    Json,
    /// XML: the root element is the object, its child elements the keys.
    Xml,
    /// XML when the body starts with `<`, else JSON.
    Auto,
}

/// `u32`s per level in the section of a spec with an envelope.
pub(crate) const LEN: usize = 15;

const SUCCESS_WITHOUT_CODE: u32 = 1;
const STATUS_LED: u32 = 1 << 1;
const SUCCESS_EMPTY: u32 = 1 << 2;
const LISTS: u32 = 1 << 3;
const FORMAT_SHIFT: u32 = 4;

impl Envelope {
    pub(crate) fn words(&self) -> [u32; LEN] {
        let ranges = [
            self.code,
            self.message,
            self.sub_code,
            self.sub_message,
            self.request_id,
            self.success,
            self.success_message,
        ];
        let format = match self.format {
            Format::Json => 0,
            Format::Xml => 1,
            Format::Auto => 2,
        };
        let flags = [
            (self.success_without_code, SUCCESS_WITHOUT_CODE),
            (self.status_led, STATUS_LED),
            (self.success_empty, SUCCESS_EMPTY),
            (self.lists, LISTS),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .fold(format << FORMAT_SHIFT, |flags, (_, bit)| flags | bit);
        let mut words = [flags; LEN];
        for (at, (start, len)) in ranges.into_iter().enumerate() {
            words[2 * at] = start;
            words[2 * at + 1] = len;
        }
        words
    }

    pub(crate) fn from_words(w: [u32; LEN]) -> Envelope {
        let flags = w[14];
        Envelope {
            code: (w[0], w[1]),
            message: (w[2], w[3]),
            sub_code: (w[4], w[5]),
            sub_message: (w[6], w[7]),
            request_id: (w[8], w[9]),
            success: (w[10], w[11]),
            success_message: (w[12], w[13]),
            success_without_code: flags & SUCCESS_WITHOUT_CODE != 0,
            status_led: flags & STATUS_LED != 0,
            success_empty: flags & SUCCESS_EMPTY != 0,
            lists: flags & LISTS != 0,
            format: match flags >> FORMAT_SHIFT & 3 {
                1 => Format::Xml,
                2 => Format::Auto,
                _ => Format::Json,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::borrow::ToOwned;
    use alloc::vec::Vec;

    use super::*;

    #[test]
    fn path_text_writes_list_keys_after_their_list() {
        let text =
            |keys: &[&str]| path_text(&keys.iter().map(|&k| k.to_owned()).collect::<Vec<_>>());
        assert_eq!(text(&["errors", ITEMS, "code"]), "errors[].code");
        assert_eq!(text(&["*", ITEMS, "code"]), "*[].code");
        assert_eq!(text(&["error", "code"]), "error.code");
        assert_eq!(text(&["", "", "x"]), "..x");
        assert_eq!(text(&["data", JSON_TEXT, "code"]), "data@json.code");
        assert_eq!(
            text(&["errors", ITEMS, JSON_TEXT, "result", JSON_TEXT, "code"]),
            "errors[]@json.result@json.code"
        );
        assert_eq!(text(&[]), "");
    }
}
