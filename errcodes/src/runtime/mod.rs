//! Specs loaded at run time (feature `runtime`): a spec file, or a platform errcodes ships,
//! read into a [`Table`] that answers every lookup a generated enum answers, with the same
//! answers.
//!
//! ```
//! use errcodes::prelude::*;
//! use errcodes::runtime::Table;
//!
//! let table = Table::shipped("wangdiantong")?;
//! let error = table.classify(100, "超过每分钟最大调用频率限制，请稍后重试");
//! assert_eq!(error.name(), "RateLimited");
//! assert!(error.retry_class().is_retryable());
//! assert!(table.from_code(31337).is_unknown());
//! # Ok::<(), errcodes::runtime::LoadError>(())
//! ```
//!
//! # Same answers by construction
//!
//! A spec is read, composed (`include`, `extends`) and checked by `errcodes-spec`, the front
//! end `platform_errors!` runs, so a broken spec gets exactly the diagnostics a build
//! would print ([`LoadError`]). It is then encoded by the same writer into the same table
//! format, and every lookup runs the one matcher generated enums run: there is no second
//! implementation to drift. A test runs every shipped spec's rows and a corpus of real
//! responses through both and compares every answer.
//!
//! # What a table costs
//!
//! A loaded table lives until the process ends, as a generated table (a `static`) does: its
//! values are [`Variant`]s that lend out `&'static` text, as [`PlatformError`] asks. Load
//! each spec once and copy the [`Table`] (a pointer) where it is needed. Loading the same
//! spec again gives the table already loaded, so a service that reloads a spec on change
//! keeps one table per distinct version of it.
//!
//! [`PlatformError`]: crate::PlatformError

mod load;
#[cfg(feature = "json")]
mod response;
mod variant;

use core::fmt;
use std::path::Path;

pub use load::LoadError;
pub use variant::Variant;

use crate::catalog::{of_code, of_message, of_query};
use crate::raw_code::RawCode;
use crate::table::Match;
use crate::{table, Code, Found, Group, Query, RetryClass, UnknownCode};

/// A spec's table, loaded at run time: the lookups of a generated enum, as methods.
///
/// `Copy`: a table is loaded once and lives until the process ends (see the
/// [module docs](self)).
///
/// ```
/// use errcodes::prelude::*;
/// use errcodes::runtime::Table;
///
/// let table = Table::shipped("top_gateway")?;
/// let found = table.lookup(&Query::new(15).sub_code("isv.item-not-exist"));
/// assert!(!found.error.is_unknown());
/// assert_eq!(found.error.platform(), "top_gateway");
/// # Ok::<(), errcodes::runtime::LoadError>(())
/// ```
#[derive(Clone, Copy)]
pub struct Table {
    inner: &'static Inner,
}

/// What a table holds: the encoded table and what a generated enum has as constants.
struct Inner {
    table: table::Table,
    enum_name: &'static str,
    title: &'static str,
    source: &'static str,
    groups: &'static [Group],
}

impl Table {
    /// Reads, composes and checks the spec at `path` (relative to the current directory;
    /// its `include`s and `extends` relative to it, or shipped specs by name).
    ///
    /// # Errors
    /// When the file cannot be read, or the spec has problems: every problem, rendered as
    /// `platform_errors!` renders it in a build (`path:line:column`, the line, a caret and
    /// how to fix it).
    pub fn load(path: impl AsRef<Path>) -> Result<Table, LoadError> {
        load::file(path.as_ref())
    }

    /// The spec errcodes ships as `name` (`"wechat_shop"`; see [`Table::shipped_names`]),
    /// whether or not its cargo feature is on.
    ///
    /// # Errors
    /// When errcodes ships no spec of that name.
    pub fn shipped(name: &str) -> Result<Table, LoadError> {
        load::shipped(name)
    }

    /// The names of the specs errcodes ships, which [`Table::shipped`] takes.
    pub fn shipped_names() -> impl Iterator<Item = &'static str> {
        errcodes_spec::shipped_names()
    }

    /// Reads a spec from its YAML text; `name` names it in reports, and its `include`s and
    /// `extends` are found relative to it (from the current directory).
    ///
    /// # Errors
    /// As [`Table::load`].
    pub fn from_yaml(text: &str, name: &str) -> Result<Table, LoadError> {
        load::text(text, name)
    }

    /// The spec's platform id, such as `"wechat_shop"`.
    #[must_use]
    pub fn platform(&self) -> &'static str {
        self.table().platform()
    }

    /// The name of the enum `platform_errors!` would generate, such as
    /// `"WechatShopError"`.
    #[must_use]
    pub fn enum_name(&self) -> &'static str {
        self.inner.enum_name
    }

    /// The spec's title.
    #[must_use]
    pub fn title(&self) -> &'static str {
        self.inner.title
    }

    /// Where the spec's table comes from (a URL or a citation).
    #[must_use]
    pub fn source(&self) -> &'static str {
        self.inner.source
    }

    /// The spec's groups, in order.
    #[must_use]
    pub fn groups(&self) -> &'static [Group] {
        self.inner.groups
    }

    /// How many entries the spec has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.table().len()
    }

    /// Whether the spec has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, in spec order: a generated enum's `ALL`.
    #[must_use]
    pub fn variants(&self) -> impl ExactSizeIterator<Item = Variant> + '_ {
        (0..self.len()).map(|index| self.variant(index, UnknownCode::new(RawCode::NONE)))
    }

    /// The retry class of codes the spec does not know.
    #[must_use]
    pub fn unknown_retry(&self) -> RetryClass {
        self.table().unknown_retry()
    }

    /// Whether the spec declares an `envelope`, so that responses can be read.
    #[must_use]
    pub fn has_envelope(&self) -> bool {
        self.table().envelope().is_some()
    }

    /// The entry of a code, as a generated enum's `from_code`: its only entry, or its
    /// `fallback` entry when it has several; else `Unknown`, which keeps the code as
    /// received.
    #[must_use]
    #[inline]
    pub fn from_code<'a>(&self, code: impl Into<Code<'a>>) -> Variant {
        let (index, unknown) = of_code(self.table(), code.into());
        self.variant(index, UnknownCode::new(unknown))
    }

    /// The entry of `code` whose message matches `message`, as a generated enum's
    /// `classify`.
    #[must_use]
    pub fn classify<'a>(&self, code: impl Into<Code<'a>>, message: &str) -> Variant {
        let (index, unknown) = of_message(self.table(), code.into(), message);
        self.variant(index, unknown)
    }

    /// What a [`Query`] (a code, and the message, sub-code and endpoint received with it)
    /// finds, as a generated enum's `lookup`: the entry and its template's fields.
    #[must_use]
    pub fn lookup<'m>(&self, query: &Query<'m>) -> Found<'m, Variant> {
        of_query(self.table(), query, Match::Now, |index, unknown| {
            self.variant(index, unknown)
        })
    }

    /// `message` as the spec's entries are matched against it: trimmed, the spec's `noise`
    /// (WeChat's ` rid: <id>`) stripped. What a new entry for the message should say.
    ///
    /// ```
    /// use errcodes::runtime::Table;
    ///
    /// let table = Table::shipped("wechat_global")?;
    /// assert_eq!(table.matched_text(" system busy rid: 65a1-77 "), "system busy");
    /// # Ok::<(), errcodes::runtime::LoadError>(())
    /// ```
    #[must_use]
    pub fn matched_text<'m>(&self, message: &'m str) -> &'m str {
        self.table().matched_text(message)
    }

    /// The entry called `name` (`"RateLimited"`); `None` for a name the spec does not
    /// have, `"Unknown"` included.
    #[must_use]
    pub fn from_name(&self, name: &str) -> Option<Variant> {
        let index = self.table().index_of_name(name)?;
        Some(self.variant(index, UnknownCode::new(RawCode::NONE)))
    }

    fn variant(self, index: usize, unknown: UnknownCode<Variant>) -> Variant {
        Variant::new(self, index, unknown)
    }

    fn table(self) -> &'static table::Table {
        &self.inner.table
    }
}

/// Two tables are the same table: loading the same spec twice gives the same one.
impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.inner, other.inner)
    }
}

impl Eq for Table {}

impl core::hash::Hash for Table {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        core::ptr::hash(self.inner, state);
    }
}

/// Its platform and enum name.
impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("platform", &self.platform())
            .field("enum", &self.enum_name())
            .field("entries", &self.len())
            .finish()
    }
}
