//! The shipped platforms as data, for the tools (`explain`, `gen_docs`): one object per
//! platform, whatever its enum.

use std::marker::PhantomData;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
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
    fn groups(&self) -> &'static [(&'static str, &'static str)];
    /// Every entry, in spec order.
    fn rows(&self) -> Vec<Row>;
    /// The entry for a code (as text) and, when given, its message.
    fn find(&self, code: &str, message: Option<&str>) -> Found;
}

/// What the generic [`Platform`] needs from a generated enum: its inherent API.
trait Enum: Sized + 'static {
    const ENUM: &'static str;
    const PLATFORM: &'static str;
    const TITLE: &'static str;
    const SOURCE: &'static str;
    const GROUPS: &'static [(&'static str, &'static str)];
    fn all() -> &'static [Self];
    fn from_code_str(code: &str) -> Self;
    fn unknown() -> Self;
    fn classify_fields_str<'m>(code: &str, message: &'m str) -> (Self, errcodes::Fields<'m>);
    fn row(&self) -> Row;
}

macro_rules! platform_enum {
    ($($ty:ident),*) => {$(
        impl Enum for $ty {
            const ENUM: &'static str = stringify!($ty);
            const PLATFORM: &'static str = $ty::PLATFORM;
            const TITLE: &'static str = $ty::TITLE;
            const SOURCE: &'static str = $ty::SOURCE;
            const GROUPS: &'static [(&'static str, &'static str)] = $ty::GROUPS;
            fn all() -> &'static [Self] {
                $ty::ALL
            }
            fn from_code_str(code: &str) -> Self {
                $ty::from_code_str(code)
            }
            fn unknown() -> Self {
                $ty::Unknown(errcodes::RawCode::NONE)
            }
            fn classify_fields_str<'m>(
                code: &str,
                message: &'m str,
            ) -> (Self, errcodes::Fields<'m>) {
                $ty::classify_fields_str(code, message)
            }
            fn row(&self) -> Row {
                Row {
                    name: self.name(),
                    code: self.code().to_string(),
                    codes: self.codes().iter().map(ToString::to_string).collect(),
                    message: self.message(),
                    hint: self.hint(),
                    retry: self.retry_class(),
                    group: self.group(),
                    field_names: self.field_names(),
                    unknown: self.is_unknown(),
                }
            }
        }
    )*};
}

platform_enum!(
    WechatShopError,
    WechatTransactionError,
    WangdiantongError,
    TiktokLocalServicesError,
    AliexpressError
);

struct Of<T>(PhantomData<fn() -> T>);

impl<T: Enum> Platform for Of<T> {
    fn id(&self) -> &'static str {
        T::PLATFORM
    }

    fn enum_name(&self) -> &'static str {
        T::ENUM
    }

    fn title(&self) -> &'static str {
        T::TITLE
    }

    fn source(&self) -> &'static str {
        T::SOURCE
    }

    fn unknown_retry(&self) -> RetryClass {
        T::unknown().row().retry
    }

    fn groups(&self) -> &'static [(&'static str, &'static str)] {
        T::GROUPS
    }

    fn rows(&self) -> Vec<Row> {
        T::all().iter().map(T::row).collect()
    }

    fn find(&self, code: &str, message: Option<&str>) -> Found {
        let (found, fields) = match message {
            Some(message) => {
                let (found, fields) = T::classify_fields_str(code, message);
                let fields = fields
                    .iter()
                    .map(|(name, value)| (name, value.to_owned()))
                    .collect();
                (found, fields)
            }
            None => (T::from_code_str(code), Vec::new()),
        };
        let row = found.row();
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
