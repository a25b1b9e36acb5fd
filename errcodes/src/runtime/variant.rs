//! [`Variant`]: an entry of a run-time table, or a code it does not know: what a value of a
//! generated enum is.

use core::fmt;

use errcodes_layout::UNKNOWN;

use super::Table;
use crate::{Code, Lang, PlatformError, RetryClass, UnknownCode};

/// A value of a run-time [`Table`], as a variant is of a generated enum: one of its
/// entries, or `Unknown` with the code as received. Its methods are [`PlatformError`]'s
/// (`name`, `code`, `message`, `hint`, `retry_class`, `group`...), which give what the
/// generated enum's variant gives.
///
/// ```
/// use errcodes::prelude::*;
/// use errcodes::runtime::Table;
///
/// let table = Table::shipped("wechat_transaction")?;
/// let error = table.from_code(45009);
/// assert_eq!(error.name(), "DailyQuotaExceeded");
/// assert!(error.to_string().starts_with("45009: "));
/// assert_eq!(error.group(), Some("universal"));
/// let unknown = table.from_code("0031337");
/// assert!(unknown.is_unknown());
/// assert_eq!(unknown.name(), "Unknown");
/// assert_eq!(unknown.code().to_string(), "0031337"); // as received
/// # Ok::<(), errcodes::runtime::LoadError>(())
/// ```
#[derive(Clone)]
pub struct Variant {
    table: Table,
    /// The entry, or [`UNKNOWN`].
    index: usize,
    /// What the lookup kept of the code: read only for `Unknown` (an entry's may hold the
    /// integer received, kept without a branch, as a generated enum's lookup keeps it).
    unknown: UnknownCode<Variant>,
}

impl Variant {
    /// Only the table's lookups make one: `unknown` is what they keep for `index`. No
    /// branch on whether the code is known: that is what a mix of codes varies.
    #[inline]
    pub(super) fn new(table: Table, index: usize, unknown: UnknownCode<Variant>) -> Self {
        let index = if index < table.len() { index } else { UNKNOWN };
        Variant {
            table,
            index,
            unknown,
        }
    }

    /// The table it is a value of.
    #[must_use]
    pub fn table(&self) -> Table {
        self.table
    }

    /// The entry's sub-code rule, as a spec writes it: exact (`ACQ.TRADE_NOT_EXIST`), a
    /// prefix (`isp.*`) or a template (`isp.service-error:{code}`, its literal text
    /// normalised as it is matched). `None` for an entry without one, and for `Unknown`.
    #[must_use]
    pub fn sub_code_rule(&self) -> Option<String> {
        self.table.table().sub_code_of(self.index)
    }

    /// The code of `Unknown`, as received; `None` for an entry of the table.
    #[must_use]
    pub fn unknown_code(&self) -> Option<&UnknownCode<Variant>> {
        self.is_unknown().then_some(&self.unknown)
    }
}

/// The same entry of the same table, or `Unknown` of codes that compare equal.
impl PartialEq for Variant {
    fn eq(&self, other: &Self) -> bool {
        self.table == other.table
            && self.index == other.index
            && self.unknown_code() == other.unknown_code()
    }
}

impl Eq for Variant {}

impl core::hash::Hash for Variant {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.table.hash(state);
        self.index.hash(state);
        self.unknown_code().hash(state);
    }
}

/// The entry's name, or `Unknown(code)`, after the platform: `wechat_shop::ProductNotFound`.
impl fmt::Debug for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::", self.platform())?;
        match self.unknown_code() {
            Some(code) => f.debug_tuple("Unknown").field(code).finish(),
            None => f.write_str(self.name()),
        }
    }
}

/// As a generated enum's: `<code>: <message>`; the message alone for an entry without a
/// code.
impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Code::None => f.write_str(self.message()),
            code => write!(f, "{code}: {}", self.message()),
        }
    }
}

impl std::error::Error for Variant {}

impl PlatformError for Variant {
    fn platform(&self) -> &'static str {
        self.table.platform()
    }

    fn code(&self) -> Code<'_> {
        match self.unknown_code() {
            Some(code) => code.code(),
            None => self.codes().first().copied().unwrap_or(Code::None),
        }
    }

    fn codes(&self) -> &'static [Code<'static>] {
        self.table.table().codes_of(self.index)
    }

    fn name(&self) -> &'static str {
        self.table.table().name(self.index)
    }

    fn message(&self) -> &str {
        self.table.table().message(self.index)
    }

    fn message_in(&self, lang: Lang) -> Option<&'static str> {
        self.table.table().message_in(self.index, lang)
    }

    fn hint(&self) -> Option<&'static str> {
        self.table.table().hint(self.index)
    }

    fn hint_in(&self, lang: Lang) -> Option<&'static str> {
        self.table.table().hint_in(self.index, lang)
    }

    fn retry_class(&self) -> RetryClass {
        self.table.table().retry_class(self.index)
    }

    fn group(&self) -> Option<&'static str> {
        self.table.table().group(self.index)
    }

    fn http_status(&self) -> Option<u16> {
        self.table.table().http_status(self.index)
    }

    fn endpoint(&self) -> Option<&'static str> {
        self.table.table().endpoint(self.index)
    }

    fn scene(&self) -> Option<&'static str> {
        self.table.table().scene(self.index)
    }

    fn field_names(&self) -> &'static [&'static str] {
        self.table.table().field_names(self.index)
    }

    fn is_unknown(&self) -> bool {
        self.index == UNKNOWN
    }
}
