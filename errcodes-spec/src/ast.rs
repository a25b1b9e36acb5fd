//! The validated model of a spec: plain data between parsing and code generation.
#![allow(missing_docs)]

use std::collections::BTreeMap;

use crate::ctxt::Path;

/// A code as a spec writes it, and a retry class: the table format's own, so that the
/// spec, the tables and the runtime read them one way.
pub use errcodes_layout::{Code, Retry};

#[derive(Debug, Clone)]
pub struct Spec {
    pub platform: String,
    pub enum_name: String,
    pub title: String,
    pub source: String,
    pub note: Option<String>,
    pub unknown_retry: Retry,
    pub non_exhaustive: bool,
    pub noise: Vec<Template>,
    pub envelope: Option<Envelope>,
    pub groups: Vec<Group>,
    pub entries: Vec<Entry>,
    /// The specs it is composed of, by rank: `layers[0]` is the spec itself, and
    /// [`Entry::layer`] indexes them.
    pub layers: Vec<Layer>,
    /// What earlier layers took from later ones: every code, name, message and group id that
    /// two layers define, the later one's left out or merged (`specs/README.md`,
    /// Composition).
    pub shadowings: Vec<Shadowing>,
    /// The codes whose fallback was left out (for its name, or the message an earlier
    /// layer's join gives the code), each with that fallback: the code keeps its layer's
    /// other entries, and `from_code` gives `Unknown`, as it does for the codes of a
    /// left-out entry that no other entry lists.
    pub fallbacks_left_out: BTreeMap<Code, Site>,
}

/// One spec of a composed spec: the spec itself, or one it includes or extends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// Its own `platform`, `title` and `source` (or, where it leaves them out, those of the
    /// spec it extends): where its rows come from.
    pub platform: String,
    pub title: String,
    pub source: String,
    /// How reports name its file: `specs/acme.yaml`, `<errcodes>/specs/wechat_global.yaml`.
    pub file: String,
    /// Whether errcodes ships it (a spec named by `include` or `extends` without a path).
    pub shipped: bool,
}

/// A code, name, message or group id that two layers define: the earlier layer's wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadowing {
    pub what: Shadowed,
    /// The entry or group that is kept.
    pub kept: Site,
    /// The entry that loses the code or is left out, or the group merged into the kept one.
    pub lost: Site,
}

/// What a later layer loses to an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shadowed {
    /// A code: the later entry loses it, and is left out when it has no code left.
    Code(Code),
    /// A variant name: the later entry is left out.
    Name(String),
    /// The message of an entry without a code (as the later entry writes it; only the
    /// literal text counts): the later entry is left out.
    Message(String),
    /// A sub-code rule of entries with the same codes (most often, of entries without a
    /// code), as the later entry writes it: the later entry is left out.
    SubCode(String),
    /// A message of a code that an earlier layer's join gives it (only the literal text
    /// counts, for the same endpoint): the later entry is left out.
    Joined(Code, String),
    /// A group id: the groups are one, with the earlier one's title and note.
    Group(String),
}

/// An entry or a group of a layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Its layer: an index of [`Spec::layers`].
    pub layer: usize,
    /// The entry's name, or the group's id.
    pub name: String,
    pub path: Path,
}

/// Where a platform's JSON response keeps its code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// Paths to the code, tried in order; each split at `.`, `*` standing for any key.
    pub code: Vec<Vec<String>>,
    pub message: Vec<Vec<String>>,
    pub sub_code: Vec<Vec<String>>,
    pub sub_message: Vec<Vec<String>>,
    pub request_id: Vec<Vec<String>>,
    /// Codes that mean success.
    pub success: Vec<Code>,
    /// Whether a response with no code at any path is a success.
    pub success_without_code: bool,
    /// Messages a response without a code may carry and still be a success (WeChat's `ok`).
    pub success_message: Vec<String>,
    /// Whether the HTTP status leads: a 2xx response without a code is a success, a 4xx
    /// or 5xx one is the error its body describes (WeChat Pay API v3).
    pub status_led: bool,
    /// Whether a code that is empty text means success (Shopee's `"error": ""`).
    pub success_empty: bool,
    /// What the body is written in (the whole envelope's: the first level's).
    pub format: errcodes_layout::Format,
    /// The levels after this one (`levels:`), each read where those before it read as a
    /// success: WeChat Pay API v2's `return_code`, then its `result_code`. Empty but for the
    /// first level.
    pub next: Vec<Envelope>,
    pub path: Path,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub note: Option<String>,
    pub path: Path,
    /// The group's layer, as [`Entry::layer`].
    pub layer: usize,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub group: usize,
    /// Empty for a row whose source gives no code (`code: null`).
    pub codes: Vec<Code>,
    pub message: Text,
    /// One per language of `message`, in the same order.
    pub templates: Vec<Template>,
    pub hint: Option<Text>,
    pub retry: Retry,
    pub fallback: bool,
    /// Whether the entry adds a meaning to codes a later layer lists (`join: true`) rather
    /// than taking the codes for its own layer: it claims no code, and the code's fallback
    /// stays the later layer's.
    pub join: bool,
    /// The sub-code rule, for platforms whose errors have two levels (TOP's `sub_code`).
    pub sub_code: Option<SubCode>,
    pub http_status: Option<u16>,
    pub endpoint: Option<String>,
    pub scene: Option<String>,
    pub note: Option<String>,
    /// Why the entry is deprecated, and what to use instead: the variant gets
    /// `#[deprecated]`, so that a table update retires an entry without breaking users.
    pub deprecated: Option<String>,
    pub path: Path,
    /// The entry's layer in a composed spec: 0 is the spec itself, higher numbers are the
    /// specs it includes or extends, in order of precedence; an index of [`Spec::layers`].
    pub layer: usize,
    /// `false` only in a spec with problems, for an entry whose `code` or `sub_code` is
    /// missing or invalid: the checks of codes skip it, so that one problem does not hide
    /// the others nor report false ones.
    pub codes_read: bool,
}

/// Which sub-codes an entry stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubCode {
    /// Exactly this sub-code: `isv.invalid-parameter`.
    Exact(String),
    /// Sub-codes that fill this template: `isp.service-error:{code}`.
    Template(Template),
    /// Every sub-code that starts with this: `isp.*` is `Prefix("isp.")`.
    Prefix(String),
}

impl std::fmt::Display for SubCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SubCode::Exact(code) => f.write_str(code),
            SubCode::Template(template) => f.write_str(&template.display()),
            SubCode::Prefix(prefix) => write!(f, "{prefix}*"),
        }
    }
}

/// Text in one or more languages, in the order the spec gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub langs: Vec<(Lang, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Plain text: the spec does not say which language.
    Any,
    Zh,
    En,
}

impl Text {
    pub fn first(&self) -> &str {
        self.langs.first().map_or("", |(_, text)| text)
    }
}

/// A message split into literal text and fields: `lits.len() == fields.len() + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub lits: Vec<String>,
    pub fields: Vec<String>,
}

impl Template {
    /// The message as users read it: literal braces unescaped, fields as `{name}`.
    pub fn display(&self) -> String {
        let mut out = self.lits[0].clone();
        for (field, lit) in self.fields.iter().zip(&self.lits[1..]) {
            out.push('{');
            out.push_str(field);
            out.push('}');
            out.push_str(lit);
        }
        out
    }

    /// Literal text in chars: the more, the more specific.
    pub fn weight(&self) -> usize {
        self.lits.iter().map(|lit| lit.chars().count()).sum()
    }
}
