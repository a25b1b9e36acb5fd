//! [`PlatformError`]: what every error of every platform tells, behind one object-safe
//! trait, so that one retry loop or one logger serves them all.

use crate::catalog::Catalog;
use crate::{Code, Lang, RetryClass};

/// What every platform error tells: the generated enums and [`ApiError`](crate::ApiError)
/// implement it, and `dyn PlatformError` serves every platform at once.
///
/// Methods about the entry (`name`, `hint`, `retry_class`...) give the spec's data; `code`
/// and `message` give what was received where it was kept (an `ApiError`), else the
/// spec's.
pub trait PlatformError: std::error::Error {
    /// The platform id of the spec, such as `"wechat_shop"`.
    fn platform(&self) -> &'static str;
    /// The code: as received by an `ApiError` and kept by `Unknown`; else the entry's first
    /// code, or [`Code::None`] for an entry whose source gives none.
    fn code(&self) -> Code<'_>;
    /// Every code of the entry, as the spec lists them; empty for `Unknown` and for an
    /// entry without a code.
    fn codes(&self) -> &'static [Code<'static>];
    /// The variant's name; `"Unknown"` for a code the spec does not know.
    fn name(&self) -> &'static str;
    /// The message: as received by an `ApiError`; else the spec's, in its first language
    /// (templates show their fields as `{name}`), or `"unknown error code"`.
    fn message(&self) -> &str;
    /// The spec's message in `lang`, where the spec gives one.
    fn message_in(&self, lang: Lang) -> Option<&'static str>;
    /// The remedy from the spec, in its first language, if it gives one.
    fn hint(&self) -> Option<&'static str>;
    /// The remedy from the spec in `lang`, where the spec gives one.
    fn hint_in(&self, lang: Lang) -> Option<&'static str>;
    /// What a client should do about the error: retry, wait, refresh the token, or stop.
    fn retry_class(&self) -> RetryClass;
    /// The id of the spec group the entry belongs to; `None` for `Unknown`.
    fn group(&self) -> Option<&'static str>;
    /// The HTTP status the spec gives, if any.
    fn http_status(&self) -> Option<u16>;
    /// The endpoint the spec gives, if any.
    fn endpoint(&self) -> Option<&'static str>;
    /// The scene the spec gives, if any.
    fn scene(&self) -> Option<&'static str>;
    /// The names of the fields of the entry's message template, in order.
    fn field_names(&self) -> &'static [&'static str];
    /// Whether the code is unknown to the spec.
    fn is_unknown(&self) -> bool;
    /// The request id the platform sent with the error, where it was kept (an
    /// `ApiError`).
    fn request_id(&self) -> Option<&str> {
        None
    }
}

impl<E: Catalog> PlatformError for E {
    fn platform(&self) -> &'static str {
        E::PLATFORM
    }

    fn code(&self) -> Code<'_> {
        match self.__unknown_code() {
            Some(code) => code.code(),
            None => self.codes().first().copied().unwrap_or(Code::None),
        }
    }

    fn codes(&self) -> &'static [Code<'static>] {
        E::__table().codes_of(self.__index())
    }

    fn name(&self) -> &'static str {
        E::__table().name(self.__index())
    }

    fn message(&self) -> &str {
        E::__table().message(self.__index())
    }

    fn message_in(&self, lang: Lang) -> Option<&'static str> {
        E::__table().message_in(self.__index(), lang)
    }

    fn hint(&self) -> Option<&'static str> {
        E::__table().hint(self.__index())
    }

    fn hint_in(&self, lang: Lang) -> Option<&'static str> {
        E::__table().hint_in(self.__index(), lang)
    }

    fn retry_class(&self) -> RetryClass {
        E::__table().retry_class(self.__index())
    }

    fn group(&self) -> Option<&'static str> {
        E::__table().group(self.__index())
    }

    fn http_status(&self) -> Option<u16> {
        E::__table().http_status(self.__index())
    }

    fn endpoint(&self) -> Option<&'static str> {
        E::__table().endpoint(self.__index())
    }

    fn scene(&self) -> Option<&'static str> {
        E::__table().scene(self.__index())
    }

    fn field_names(&self) -> &'static [&'static str] {
        E::__table().field_names(self.__index())
    }

    fn is_unknown(&self) -> bool {
        self.__unknown_code().is_some()
    }
}
