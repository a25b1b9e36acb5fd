//! The shipped platforms as data, for the tools (`explain`, `gen_docs`): one object per
//! platform, whatever its enum.

use std::marker::PhantomData;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::RetryClass;

/// One variant as the tools show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The variant's name.
    pub name: &'static str,
    /// The code, as the platform sends it; the received one for `Unknown`.
    pub code: String,
    /// Every code of the entry as the spec lists them (`990001`, `990002`).
    pub codes: Vec<String>,
    /// The spec's message (templates show `{field}`).
    pub message: &'static str,
    /// The remedy, if the spec gives one.
    pub hint: Option<&'static str>,
    /// The retry class.
    pub retry: RetryClass,
    /// The group's id; `None` for `Unknown`.
    pub group: Option<&'static str>,
    /// The template's field names.
    pub field_names: &'static [&'static str],
    /// Whether the code is unknown to the spec.
    pub unknown: bool,
}

/// What a lookup found: the entry, the values of its template's fields, and the other
/// entries that share its code.
#[derive(Clone, Debug)]
pub struct Found {
    /// The entry.
    pub row: Row,
    /// `(field, value)` pairs from the message given.
    pub fields: Vec<(&'static str, String)>,
    /// Other entries of the same code, in spec order.
    pub siblings: Vec<Row>,
}

/// One platform's table.
pub trait Platform: Sync {
    /// The platform id: `wangdiantong`.
    fn id(&self) -> &'static str;
    /// The generated enum's name.
    fn enum_name(&self) -> &'static str;
    /// The spec's title.
    fn title(&self) -> &'static str;
    /// Where the table comes from.
    fn source(&self) -> &'static str;
    /// The retry class of unknown codes.
    fn unknown_retry(&self) -> RetryClass;
    /// The groups, `(id, title)`, in spec order.
    fn groups(&self) -> Vec<(&'static str, &'static str)>;
    /// Every entry, in spec order.
    fn rows(&self) -> Vec<Row>;
    /// The entry for a code (as text) and, when given, its message.
    fn find(&self, code: &str, message: Option<&str>) -> Found;
}

fn row<T: Catalog>(error: &T) -> Row {
    Row {
        name: error.name(),
        code: error.code().to_string(),
        codes: error.codes().iter().map(ToString::to_string).collect(),
        message: T::__table().message(error.__index()),
        hint: error.hint(),
        retry: error.retry_class(),
        group: error.group(),
        field_names: error.field_names(),
        unknown: error.is_unknown(),
    }
}

struct Of<T>(PhantomData<fn() -> T>);

impl<T: Catalog> Platform for Of<T> {
    fn id(&self) -> &'static str {
        T::PLATFORM
    }

    fn enum_name(&self) -> &'static str {
        let path = std::any::type_name::<T>();
        path.rsplit("::").next().unwrap_or(path)
    }

    fn title(&self) -> &'static str {
        T::TITLE
    }

    fn source(&self) -> &'static str {
        T::SOURCE
    }

    fn unknown_retry(&self) -> RetryClass {
        T::unknown_retry()
    }

    fn groups(&self) -> Vec<(&'static str, &'static str)> {
        T::GROUPS
            .iter()
            .map(|group| (group.id, group.title))
            .collect()
    }

    fn rows(&self) -> Vec<Row> {
        T::ALL.iter().map(row).collect()
    }

    fn find(&self, code: &str, message: Option<&str>) -> Found {
        let (found, fields) = match message {
            Some(message) => {
                let found = T::lookup(&Query::new(code).message(message));
                let fields = found
                    .fields
                    .iter()
                    .map(|(name, value)| (name, value.to_owned()))
                    .collect();
                (found.error, fields)
            }
            None => (T::from_code(code), Vec::new()),
        };
        let mut row = row(&found);
        let received =
            errcodes::ApiError::<T>::new(&Query::new(code).message(message.unwrap_or("")));
        row.code = received.code().to_string();
        let siblings = if row.unknown {
            Vec::new()
        } else {
            self.rows()
                .into_iter()
                .filter(|other| other.codes.contains(&row.code) && other.name != row.name)
                .collect()
        };
        Found {
            row,
            fields,
            siblings,
        }
    }
}

/// The five shipped platforms, in the order of `errcodes::platforms`' docs.
pub static PLATFORMS: [&dyn Platform; 5] = [
    &Of::<WechatShopError>(PhantomData),
    &Of::<WechatTransactionError>(PhantomData),
    &Of::<WangdiantongError>(PhantomData),
    &Of::<TiktokLocalServicesError>(PhantomData),
    &Of::<AliexpressError>(PhantomData),
];

/// The platform with this id.
#[must_use]
pub fn platform(id: &str) -> Option<&'static dyn Platform> {
    PLATFORMS
        .iter()
        .copied()
        .find(|platform| platform.id() == id)
}
