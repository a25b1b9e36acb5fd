//! The tables `platform_errors!` generates and the lookups over them.
//!
//! Generated code is data, not logic: one static [`Table`] per enum, made of one byte string
//! of sections and one string holding all the spec's text (and three short lists), which
//! the compiler checks and lowers in time linear in the size of the spec. The format is
//! defined once, in `errcodes_layout`: its writer serves the macro and the `errcodes`
//! command, and its reader, [`View`], this module.
//!
//! Codes are found with a perfect hash built at compile time ([`lookup`]); messages are
//! compared only with the patterns that can match them ([`classify`]).

mod classify;
pub(crate) use classify::Match;
mod lookup;
mod sub_rule;

use errcodes_layout::{entry, record, section, Encoded, Retry, View};

pub use lookup::Key;

use std::sync::OnceLock;

use crate::text::{Pattern, Prepared, Strings};
use crate::{Code, Lang, RetryClass};

/// Where a platform's JSON response keeps its code and message (see `specs/README.md`).
// Each bool is one flag of the table's envelope (errcodes_layout::Envelope), read as stored.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy)]
pub struct Envelope {
    /// Paths to the code, tried in order.
    pub code: &'static [Path],
    /// Paths to the message, tried in order.
    pub message: &'static [Path],
    /// Paths to the sub-code, tried in order.
    pub sub_code: &'static [Path],
    /// Paths to the sub-message, tried in order.
    pub sub_message: &'static [Path],
    /// Paths to the request id, tried in order.
    pub request_id: &'static [Path],
    /// Codes that mean success.
    pub success: &'static [Code<'static>],
    /// Whether a body with no code at any path is a success.
    pub success_without_code: bool,
    /// Messages that a body without a code may carry and still be a success (WeChat's
    /// `ok`), compared after trimming.
    pub success_message: &'static [&'static str],
    /// Whether the HTTP status leads: a 2xx without a code is a success whatever else the
    /// body says, and an empty body is read by its status alone.
    pub status_led: bool,
    /// Whether a code that is empty text (`"error": ""`) means what no code means.
    pub success_empty: bool,
    /// Whether a path goes through a list's items (`errors[].code`).
    pub lists: bool,
    /// What the body is written in.
    pub format: errcodes_layout::Format,
}

/// One path into a response: `error.code` is `["error", "code"]`; `*` is any key.
#[derive(Debug)]
pub struct Path {
    /// The path as the spec writes it, for error messages.
    pub text: &'static str,
    /// Its keys.
    pub keys: &'static [&'static str],
}

/// All the data behind one generated enum: what `errcodes_layout`'s writer gave, the text
/// and the sections read in place through its [`View`], and the three lists this crate
/// lends out as slices of its own types.
#[derive(Debug)]
pub struct Table {
    view: View<'static>,
    /// Every entry's codes, then the envelope's success codes.
    codes: &'static [Code<'static>],
    /// The field names of every entry's first template, then the envelope's success
    /// messages.
    names: &'static [&'static str],
    /// The envelope's paths.
    paths: &'static [Path],
    /// What is read from the table once, when first needed: a static of its own, so that
    /// the table holds no interior mutability and the compiler reads a generated table's
    /// fields (the multiplier, the shift, where the slots are) as constants.
    cache: &'static Cache,
}

/// What a [`Table`] reads from its data once, when first needed.
#[derive(Debug, Default)]
pub struct Cache {
    /// The noise patterns as the plain search reads them, read at the first message: the
    /// search reads its literals and anchors from here rather than decoding the patterns
    /// for each message.
    noise: OnceLock<Option<Prepared<'static>>>,
    #[cfg(feature = "json")]
    /// The envelope's first level and its paths as the scan reads them, read at the first
    /// response: a read then decodes neither.
    reader: OnceLock<Option<crate::response::Reader>>,
}

impl Cache {
    /// Nothing read yet.
    #[must_use]
    pub const fn new() -> Self {
        Cache {
            noise: OnceLock::new(),
            #[cfg(feature = "json")]
            reader: OnceLock::new(),
        }
    }
}

/// The class a spec's retry names: the one conversion from the table's classes to the
/// runtime's.
#[must_use]
pub const fn retry_class(retry: Retry) -> RetryClass {
    match retry {
        Retry::Permanent => RetryClass::Permanent,
        Retry::Transient => RetryClass::Transient,
        Retry::Throttled(None) => RetryClass::Throttled { wait: None },
        Retry::Throttled(Some(secs)) => RetryClass::Throttled {
            wait: Some(core::time::Duration::from_secs(secs)),
        },
        Retry::Reauthenticate => RetryClass::Reauthenticate,
        Retry::AlreadyApplied => RetryClass::AlreadyApplied,
    }
}

/// The table's class of a retry class: [`retry_class`] backwards, a wait in whole seconds.
#[must_use]
pub(crate) const fn retry(class: RetryClass) -> Retry {
    match class {
        RetryClass::Permanent => Retry::Permanent,
        RetryClass::Transient => Retry::Transient,
        RetryClass::Throttled { wait: None } => Retry::Throttled(None),
        RetryClass::Throttled { wait: Some(wait) } => Retry::Throttled(Some(wait.as_secs())),
        RetryClass::Reauthenticate => Retry::Reauthenticate,
        RetryClass::AlreadyApplied => Retry::AlreadyApplied,
    }
}

impl Table {
    /// The table `platform_errors!` wrote: its text and bytes, and its lists. `const`: the
    /// sections are found at compile time.
    #[must_use]
    pub const fn new(
        text: &'static str,
        bytes: &'static [u8],
        codes: &'static [Code<'static>],
        names: &'static [&'static str],
        paths: &'static [Path],
        cache: &'static Cache,
    ) -> Table {
        Table {
            view: View::new(text, bytes),
            codes,
            names,
            paths,
            cache,
        }
    }

    /// A table encoded at run time, leaked: a generated table is a `static`, and a
    /// run-time table lives until the process ends (`errcodes::runtime`).
    #[must_use]
    pub fn leak(encoded: Encoded) -> &'static Table {
        Box::leak(Box::new(Table::leaking(encoded)))
    }

    /// A table encoded at run time, its data leaked: to be kept in a leaked value of the
    /// caller's, one pointer away.
    #[must_use]
    pub fn leaking(encoded: Encoded) -> Table {
        let Encoded {
            text,
            bytes,
            codes,
            names,
            paths,
        } = encoded;
        let leak_str = |text: String| -> &'static str { text.leak() };
        let codes = codes.into_iter().map(|code| match code {
            errcodes_layout::Code::Int(code) => Code::Int(code),
            errcodes_layout::Code::Str(code) => Code::Str(leak_str(code)),
        });
        let paths = paths.into_iter().map(|path| Path {
            text: leak_str(path.text),
            keys: path
                .keys
                .into_iter()
                .map(leak_str)
                .collect::<Vec<_>>()
                .leak(),
        });
        Table::new(
            leak_str(text),
            bytes.leak(),
            codes.collect::<Vec<_>>().leak(),
            names.into_iter().map(leak_str).collect::<Vec<_>>().leak(),
            paths.collect::<Vec<_>>().leak(),
            Box::leak(Box::default()),
        )
    }

    /// How many entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.view.len()
    }

    /// Whether the table has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The spec's `platform`.
    #[must_use]
    pub fn platform(&self) -> &'static str {
        self.view.platform()
    }

    /// The retry class of unknown codes.
    #[must_use]
    pub fn unknown_retry(&self) -> RetryClass {
        self.view
            .unknown_retry()
            .map_or(RetryClass::Permanent, retry_class)
    }

    /// Where a response keeps its code and message, if the spec says: the envelope's first
    /// level.
    #[must_use]
    pub fn envelope(&self) -> Option<Envelope> {
        self.level(0)
    }

    /// [`envelope`](Self::envelope) as the reader of a response reads it, read once.
    #[cfg(feature = "json")]
    pub(crate) fn reader(&self) -> Option<&crate::response::Reader> {
        self.cache
            .reader
            .get_or_init(|| self.envelope().map(crate::response::Reader::new))
            .as_ref()
    }

    /// How many levels the envelope has; 0 without one.
    #[must_use]
    pub fn levels(&self) -> usize {
        self.view.levels()
    }

    /// Level `index` of the envelope.
    #[must_use]
    pub fn level(&self, index: usize) -> Option<Envelope> {
        let envelope = self.view.level(index)?;
        // The whole envelope's flags are stored with its first level.
        let first = if index == 0 {
            envelope
        } else {
            self.view.level(0)?
        };
        let paths = |range| slice(self.paths, range);
        Some(Envelope {
            code: paths(envelope.code),
            message: paths(envelope.message),
            sub_code: paths(envelope.sub_code),
            sub_message: paths(envelope.sub_message),
            request_id: paths(envelope.request_id),
            success: slice(self.codes, envelope.success),
            success_without_code: envelope.success_without_code,
            success_message: slice(self.names, envelope.success_message),
            status_led: first.status_led,
            success_empty: envelope.success_empty,
            lists: envelope.lists,
            format: first.format,
        })
    }

    /// String `id`; empty for [`NONE`](errcodes_layout::NONE).
    #[inline]
    fn string(&self, id: u32) -> &'static str {
        self.view.string(id)
    }

    fn optional(&self, id: u32) -> Option<&'static str> {
        self.view.optional(id)
    }

    /// Strings `first..first + len`.
    fn strings(&self, first: u32, len: u32) -> Strings<'static> {
        Strings::new(self.view.text(), self.view.bounds(first, len))
    }

    fn pattern(&self, index: u32) -> Option<Pattern<'static>> {
        let [lits, fields, count, min_len] = errcodes_layout::record::<{ record::PATTERN }>(
            self.section(section::PATTERNS),
            index as usize,
        )?;
        Some(Pattern {
            lits: self.strings(lits, count + 1),
            fields: self.strings(fields, count),
            min_len,
        })
    }

    /// Section `id` of the table's bytes.
    #[inline]
    fn section(&self, id: usize) -> &'static [u8] {
        self.view.section(id)
    }

    /// Value `field` of entry `index`; `None` for [`UNKNOWN`](errcodes_layout::UNKNOWN).
    #[inline]
    fn field(&self, index: usize, field: usize) -> Option<u32> {
        self.view.field(index, field)
    }

    /// The part of list `all` that entry `index`'s fields `start` and `len` give.
    fn entry_slice<T>(
        &self,
        all: &'static [T],
        index: usize,
        start: usize,
        len: usize,
    ) -> &'static [T] {
        match (self.field(index, start), self.field(index, len)) {
            (Some(start), Some(len)) => slice(all, (start, len)),
            _ => &[],
        }
    }

    /// Every code of entry `index`, as the spec lists them.
    #[must_use]
    pub fn codes_of(&self, index: usize) -> &'static [Code<'static>] {
        self.entry_slice(self.codes, index, entry::CODES, entry::CODES_LEN)
    }

    /// The field names of entry `index`'s first template.
    #[must_use]
    pub fn field_names(&self, index: usize) -> &'static [&'static str] {
        self.entry_slice(self.names, index, entry::FIELDS, entry::FIELDS_LEN)
    }

    /// The variant name of entry `index`; `"Unknown"` past the entries.
    #[must_use]
    pub fn name(&self, index: usize) -> &'static str {
        self.field(index, entry::NAME)
            .map_or("Unknown", |id| self.string(id))
    }

    /// The message of entry `index` in its first language; `"unknown error code"` past the
    /// entries.
    #[must_use]
    pub fn message(&self, index: usize) -> &'static str {
        self.field(index, entry::MESSAGE)
            .map_or("unknown error code", |id| self.string(id))
    }

    /// The message of entry `index` in `lang`, where the spec gives one.
    #[must_use]
    pub fn message_in(&self, index: usize, lang: Lang) -> Option<&'static str> {
        let at = match lang {
            Lang::Zh => entry::MESSAGE_ZH,
            Lang::En => entry::MESSAGE_EN,
        };
        self.optional(self.field(index, at)?)
    }

    /// The remedy of entry `index` in its first language.
    #[must_use]
    pub fn hint(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::HINT)?)
    }

    /// The remedy of entry `index` in `lang`, where the spec gives one.
    #[must_use]
    pub fn hint_in(&self, index: usize, lang: Lang) -> Option<&'static str> {
        let at = match lang {
            Lang::Zh => entry::HINT_ZH,
            Lang::En => entry::HINT_EN,
        };
        self.optional(self.field(index, at)?)
    }

    /// The endpoint of entry `index`.
    #[must_use]
    pub fn endpoint(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::ENDPOINT)?)
    }

    /// The scene of entry `index`.
    #[must_use]
    pub fn scene(&self, index: usize) -> Option<&'static str> {
        self.optional(self.field(index, entry::SCENE)?)
    }

    /// The HTTP status of entry `index`.
    #[must_use]
    pub fn http_status(&self, index: usize) -> Option<u16> {
        u16::try_from(self.field(index, entry::HTTP_STATUS)?).ok()
    }

    /// The retry class of entry `index`; the spec's `unknown_retry` past the entries.
    #[must_use]
    pub fn retry_class(&self, index: usize) -> RetryClass {
        self.field(index, entry::RETRY)
            .and_then(|retry| self.view.retry(retry))
            .map_or_else(|| self.unknown_retry(), retry_class)
    }

    /// The group id of entry `index`.
    #[must_use]
    pub fn group(&self, index: usize) -> Option<&'static str> {
        let (id, _title) = self.view.group(self.field(index, entry::GROUP)?)?;
        Some(id)
    }

    /// The entry named `name`, if any.
    #[must_use]
    pub fn index_of_name(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&index| self.name(index) == name)
    }
}

/// Part `(start, len)` of `all`; empty where `all` is shorter.
fn slice<T>(all: &[T], (start, len): (u32, u32)) -> &[T] {
    let start = start as usize;
    all.get(start..start.saturating_add(len as usize))
        .unwrap_or_default()
}
