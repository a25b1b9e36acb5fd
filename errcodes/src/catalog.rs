//! [`Catalog`]: what every generated enum is, as a trait of this crate, so that generic code
//! (a retry loop, `errcodes explain`, a docs generator) needs no glue, and so that what is
//! added later arrives here rather than in code generated into your crate.

use core::cmp::Ordering;
use core::fmt;
use core::hash::Hash;

use crate::raw_code::RawCode;
use crate::table::{Key, Match, Table};
use crate::{Code, Fields, PlatformError, RetryClass, UnknownCode};

/// A platform's table of errors: the enum `platform_errors!` generates implements it.
///
/// ```
/// use errcodes::platforms::wangdiantong::WangdiantongError;
/// use errcodes::prelude::*;
///
/// fn describe<E: Catalog>() -> String {
///     format!("{}: {} entries, from {}", E::PLATFORM, E::ALL.len(), E::SOURCE)
/// }
/// assert!(describe::<WangdiantongError>().starts_with("wangdiantong: 80 entries"));
///
/// let found = WangdiantongError::lookup(
///     &Query::new(100).message("商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"),
/// );
/// assert_eq!(found.error, WangdiantongError::SpecNoBelongsToDeletedGoods);
/// assert_eq!(found.fields.get("spec_no"), Some("A-1"));
/// ```
///
/// Only `platform_errors!` implements it: the items whose names start with `__` are its
/// hidden interface and may change in any release.
pub trait Catalog:
    std::error::Error + Clone + Eq + Hash + fmt::Debug + Send + Sync + Sized + 'static
{
    /// The spec's platform id, such as `"wechat_shop"`.
    const PLATFORM: &'static str;
    /// The spec's title.
    const TITLE: &'static str;
    /// Where the spec's table comes from (a URL or a citation).
    const SOURCE: &'static str;
    /// The spec's groups, in order.
    const GROUPS: &'static [Group];
    /// Every known variant, in spec order.
    const ALL: &'static [Self];

    #[doc(hidden)]
    fn __table() -> &'static Table;
    #[doc(hidden)]
    fn __index(&self) -> usize;
    #[doc(hidden)]
    fn __from_index(index: usize, unknown: UnknownCode<Self>) -> Self;

    /// `__index` by a binary search of `ALL`, which is in the order the derived `Ord`
    /// follows (the variants' declaration order); `Unknown`, the last variant, is past them
    /// all. Written out rather than `<[Self]>::binary_search`, whose closure would be
    /// compiled apart from the enum's other code, repeating the enum's debug info there.
    #[doc(hidden)]
    fn __search(&self) -> usize
    where
        Self: Ord,
    {
        let all = Self::ALL;
        let (mut low, mut high) = (0, all.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match all[mid].cmp(self) {
                Ordering::Less => low = mid + 1,
                Ordering::Greater => high = mid,
                Ordering::Equal => return mid,
            }
        }
        errcodes_layout::UNKNOWN
    }

    /// `Display` of a generated enum: `<code>: <message>`; the message alone for an entry
    /// without a code. A method of the trait rather than a function of the runtime, so that
    /// it is compiled with the enum's other code.
    #[doc(hidden)]
    fn __display(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Code::None => f.write_str(self.message()),
            code => write!(f, "{code}: {}", self.message()),
        }
    }
    #[doc(hidden)]
    fn __unknown_code(&self) -> Option<&UnknownCode<Self>>;

    /// The entry of a code: its only entry, or its `fallback` entry when it has several.
    /// Takes an integer or text (numeric text such as `"45009"` is the integer). An
    /// unknown code gives `Unknown`, which keeps the code as received.
    #[must_use]
    #[inline]
    fn from_code<'a>(code: impl Into<Code<'a>>) -> Self {
        let (index, unknown) = of_code(Self::__table(), code.into());
        Self::__from_index(index, UnknownCode::new(unknown))
    }

    /// The entry of `code` whose message matches `message`: equal after normalisation, or
    /// a template whose literal text matches (the template with the most literal text
    /// wins). Else an entry without a code whose message matches, else the code's
    /// fallback, else `Unknown`.
    #[must_use]
    fn classify<'a>(code: impl Into<Code<'a>>, message: &str) -> Self {
        let (index, unknown) = of_message(Self::__table(), code.into(), message);
        Self::__from_index(index, unknown)
    }

    /// What a [`Query`] (a code, and what else was received with it) finds: the entry, as
    /// [`classify`](Self::classify) chooses it, and the values of its template's fields.
    #[must_use]
    fn lookup<'m>(query: &Query<'m>) -> Found<'m, Self> {
        of_query(Self::__table(), query, Match::Now, Self::__from_index)
    }

    /// The variant called `name` (`"RateLimited"`); `None` for a name the spec does not
    /// have, `"Unknown"` included.
    #[must_use]
    fn from_name(name: &str) -> Option<Self> {
        let index = Self::__table().index_of_name(name)?;
        Some(Self::__from_index(index, UnknownCode::new(RawCode::NONE)))
    }

    /// The retry class of codes the spec does not know.
    #[must_use]
    fn unknown_retry() -> RetryClass {
        Self::__table().unknown_retry()
    }
}

/// The entry of `code` and what `Unknown` keeps for it: what `from_code` finds in
/// `table`, for a generated enum and a run-time table alike. Not generic, so that it is
/// compiled once whatever the enums.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn of_code(table: &Table, code: Code<'_>) -> (usize, RawCode) {
    let key = Key::of(code);
    let index = table.lookup(key);
    (index, unknown_raw(table, index, code, key))
}

/// The entry `classify` finds in `table`.
pub(crate) fn of_message<E>(
    table: &Table,
    code: Code<'_>,
    message: &str,
) -> (usize, UnknownCode<E>) {
    let key = Key::of(code);
    let index = table.find_index(key, None, message);
    (index, unknown_code(table, index, code, key))
}

/// What `lookup` finds in `table`, the entry made by `make`; `when` says when a message
/// that does not choose the entry is matched ([`Match`]).
pub(crate) fn of_query<'m, E>(
    table: &'static Table,
    query: &Query<'m>,
    when: Match,
    make: impl FnOnce(usize, UnknownCode<E>) -> E,
) -> Found<'m, E> {
    let key = Key::of(query.code);
    let (mut index, fields, by) = table.find(key, query.sub_code, query.message, when);
    if let Some(endpoint) = query.endpoint {
        index = table.at_endpoint(index, endpoint);
    }
    Found {
        error: make(index, unknown_code(table, index, query.code, key)),
        fields,
        by,
        unknown_sub_code: by != By::SubCode && table.lacks_sub_code(query.sub_code),
    }
}

/// The code `Unknown` keeps, should the lookup have found no entry (an index past the
/// entries): what lookups alone may build. An integer is kept without a branch on that:
/// whether a code is known is what a mix of codes varies. Text is only copied when it is
/// needed.
#[inline]
fn unknown_code<E>(table: &Table, index: usize, code: Code<'_>, key: Key<'_>) -> UnknownCode<E> {
    UnknownCode::new(unknown_raw(table, index, code, key))
}

/// What `Unknown` keeps of `code` (its key `key`) where `index` is no entry.
#[inline]
fn unknown_raw(table: &Table, index: usize, code: Code<'_>, key: Key<'_>) -> RawCode {
    match code {
        Code::Int(code) => RawCode::int(code),
        _ if index >= table.len() => RawCode::keyed(code, key),
        _ => RawCode::NONE,
    }
}

/// What was received, to be classified: a code (an integer, text, or none), and where the
/// platform sends them, its message, its sub-code and the endpoint called.
///
/// ```
/// use errcodes::Query;
///
/// let query = Query::new(-9990202).message("Invalid parameter").endpoint("/v2/voucher/verify");
/// assert_eq!(query.code, -9990202);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Query<'a> {
    /// The code received.
    pub code: Code<'a>,
    /// The message received; empty when there is none.
    pub message: &'a str,
    /// The sub-code received, for platforms whose errors have two levels (TOP's
    /// `sub_code`, Alipay's `ACQ.*`).
    pub sub_code: Option<&'a str>,
    /// The endpoint called, where the spec documents one code and message for several.
    pub endpoint: Option<&'a str>,
}

impl<'a> Query<'a> {
    /// A query for `code`: an integer, text, or [`Code::None`].
    #[must_use]
    pub fn new(code: impl Into<Code<'a>>) -> Self {
        Query {
            code: code.into(),
            message: "",
            sub_code: None,
            endpoint: None,
        }
    }

    /// With the message received.
    #[must_use]
    pub fn message(mut self, message: &'a str) -> Self {
        self.message = message;
        self
    }

    /// With the sub-code received: an entry whose `sub_code` rule matches it is chosen
    /// first, the most specific rule first (an exact sub-code, a template, the longest
    /// prefix; rules of the code, then rules of any code).
    #[must_use]
    pub fn sub_code(mut self, sub_code: &'a str) -> Self {
        self.sub_code = Some(sub_code);
        self
    }

    /// With the endpoint called: where the spec documents the same code and message for
    /// several endpoints, the entry of this one is chosen (trailing slashes do not matter).
    #[must_use]
    pub fn endpoint(mut self, endpoint: &'a str) -> Self {
        self.endpoint = Some(endpoint);
        self
    }
}

/// What [`Catalog::lookup`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Found<'m, E> {
    /// The entry.
    pub error: E,
    /// The values of the matched template's fields, borrowed from the message.
    pub fields: Fields<'m>,
    /// How the entry was chosen: what tells a code or a message the spec lacks.
    pub by: By,
    /// Whether a sub-code was received that none of the spec's sub-code rules matches
    /// (only where the spec has sub-code rules): the entry then comes from the code and
    /// message alone.
    pub unknown_sub_code: bool,
}

/// How [`Catalog::lookup`] chose its entry.
///
/// `Unknown` and `Fallback` are what a spec lacks: a code it does not list, and a message
/// of a known code that none of the code's entries matches (the code's `fallback` entry
/// stands in for it). `errcodes scan` and the `tracing` feature report both.
///
/// ```
/// use errcodes::platforms::wangdiantong::WangdiantongError;
/// use errcodes::prelude::*;
/// use errcodes::By;
///
/// let by = |code, message| WangdiantongError::lookup(&Query::new(code).message(message)).by;
/// assert_eq!(by(100, "超过每分钟最大调用频率限制，请稍后重试"), By::Message);
/// assert_eq!(by(100, "a message no entry of code 100 has"), By::Fallback);
/// assert_eq!(by(31337, "whatever"), By::Unknown);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum By {
    /// A sub-code rule matched the sub-code received.
    SubCode,
    /// The message matched an entry's message or template.
    Message,
    /// The code has one meaning: its entry, whatever the message.
    Code,
    /// The code has several meanings and the message matched none of them: the code's
    /// fallback entry.
    Fallback,
    /// The code is not in the table (`Unknown`), or there was no code and the message
    /// matched no entry.
    Unknown,
}

/// A group of a spec: `(id, title)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Group {
    /// The group's id (`snake_case`): what `group()` returns.
    pub id: &'static str,
    /// The section title, as the source writes it.
    pub title: &'static str,
}

impl Group {
    #[doc(hidden)]
    #[must_use]
    pub const fn __new(id: &'static str, title: &'static str) -> Self {
        Group { id, title }
    }
}

/// A language a spec may give a message or hint in, as `{zh: ..., en: ...}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// Chinese (`zh`).
    Zh,
    /// English (`en`).
    En,
}

#[cfg(all(test, feature = "wechat_global", feature = "alipay"))]
mod tests {
    use super::Catalog;
    use crate::platforms::alipay::AlipayError;
    use crate::platforms::wechat_global::WechatGlobalError;
    use crate::PlatformError;

    fn every_entry_is_at_its_place<E: Catalog + PlatformError>() {
        for (i, entry) in E::ALL.iter().enumerate() {
            assert_eq!(entry.__index(), i, "{}", entry.name());
            assert_eq!(
                E::__from_index(i, crate::UnknownCode::new(crate::raw_code::RawCode::NONE)),
                *entry
            );
        }
    }

    /// Every shipped enum whose feature is on. A debug build finds an index by a search of
    /// `ALL` and a release build by a `match`: CI runs this test in both.
    #[test]
    fn every_entry_of_a_shipped_enum_is_at_its_place() {
        macro_rules! each {
            ($($feature:literal $module:ident::$ty:ident,)*) => {$(
                #[cfg(feature = $feature)]
                every_entry_is_at_its_place::<crate::platforms::$module::$ty>();
            )*};
        }
        each!(
            "aliexpress" aliexpress::AliexpressError,
            "amazon_sp_api" amazon_sp_api::AmazonSpApiError,
            "jd_daojia" jd_daojia::JdDaojiaError,
            "lazada" lazada::LazadaError,
            "shopee" shopee::ShopeeError,
            "tiktok_global" tiktok_global::TiktokGlobalError,
            "tiktok_local_services" tiktok_local_services::TiktokLocalServicesError,
            "tiktok_shop" tiktok_shop::TiktokShopError,
            "top_gateway" top_gateway::TopGatewayError,
            "wangdiantong" wangdiantong::WangdiantongError,
            "wechat_channels_store" wechat_channels_store::WechatChannelsStoreError,
            "wechat_pay_v3" wechat_pay_v3::WechatPayV3Error,
            "wechat_shop" wechat_shop::WechatShopError,
            "wechat_transaction" wechat_transaction::WechatTransactionError,
        );
        every_entry_is_at_its_place::<WechatGlobalError>();
        every_entry_is_at_its_place::<AlipayError>();
        let unknown = WechatGlobalError::from_code(123_456_789);
        assert!(unknown.is_unknown());
        assert_eq!(unknown.__index(), errcodes_layout::UNKNOWN);
    }
}
