//! [`ApiError`] as a structured record: what a log line or an error report keeps.

use core::fmt;
use core::time::Duration;
use std::borrow::Cow;

use ::serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use ::serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::api_error::Received;
use crate::raw_code::RawCode;
use crate::{ApiError, Catalog, PlatformError, Query};

/// `{"platform", "code", "name", "message", "retry", "request_id"}`, and `sub_code`,
/// `sub_message`, `status` and `retry_after` (whole seconds) where received. `retry` is the
/// retry class as the spec writes it (`throttled 5m`). The same for a generated enum's
/// error and a run-time table's.
impl<E: PlatformError + 'static> Serialize for ApiError<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("ApiError", 10)?;
        record.serialize_field("platform", self.platform())?;
        record.serialize_field("code", &self.code())?;
        record.serialize_field("name", self.name())?;
        record.serialize_field("message", self.message())?;
        record.serialize_field("retry", &self.retry_class().to_string())?;
        record.serialize_field("request_id", &self.request_id())?;
        for (key, value) in [
            ("sub_code", self.sub_code()),
            ("sub_message", self.sub_message()),
        ] {
            match value {
                Some(value) => record.serialize_field(key, value)?,
                None => record.skip_field(key)?,
            }
        }
        match self.status() {
            Some(status) => record.serialize_field("status", &status)?,
            None => record.skip_field("status")?,
        }
        match self.retry_after() {
            Some(wait) => record.serialize_field("retry_after", &wait.as_secs())?,
            None => record.skip_field("retry_after")?,
        }
        record.end()
    }
}

/// Reads the record back: the variant by its `name` (so an entry that shares its code keeps
/// its meaning), or, for a name the spec does not know, by its code and message.
impl<'de, E: Catalog> Deserialize<'de> for ApiError<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const FIELDS: &[&str] = &[
            "platform",
            "code",
            "name",
            "message",
            "retry",
            "request_id",
            "sub_code",
            "sub_message",
            "status",
            "retry_after",
        ];
        let visitor = RecordVisitor {
            platform: E::PLATFORM,
        };
        let record = deserializer.deserialize_struct("ApiError", FIELDS, visitor)?;
        Ok(record.into_error())
    }
}

#[derive(Default)]
struct Record<'de> {
    code: Option<RawCode>,
    name: Option<Cow<'de, str>>,
    message: Option<Cow<'de, str>>,
    request_id: Option<Cow<'de, str>>,
    sub_code: Option<Cow<'de, str>>,
    sub_message: Option<Cow<'de, str>>,
    status: Option<u16>,
    retry_after: Option<u64>,
}

impl Record<'_> {
    fn into_error<E: Catalog>(self) -> ApiError<E> {
        let code = self.code.unwrap_or(RawCode::NONE);
        let message = self.message.unwrap_or_default();
        let query = Query::new(code.code()).message(&message);
        let received = Received {
            sub_code: self.sub_code.as_deref(),
            sub_message: self.sub_message.as_deref(),
            request_id: self.request_id.as_deref(),
            status: self.status,
            retry_after: self
                .retry_after
                .filter(|&secs| secs <= errcodes_layout::MAX_WAIT)
                .map(Duration::from_secs),
        };
        let mut error = ApiError::with(&query, received);
        let named = self.name.as_deref().and_then(E::from_name);
        if let Some(named) = named.filter(|named| named != error.error()) {
            error.reclassify(named);
        }
        error
    }
}

/// Reads a record of `platform`'s errors; a record of another platform is an error.
struct RecordVisitor {
    platform: &'static str,
}

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error record: {platform, code, name, message, ...}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<'de>, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "platform" => {
                    let platform = map.next_value::<Cow<'de, str>>()?;
                    if platform != self.platform {
                        return Err(de::Error::custom(format_args!(
                            "a record of platform `{platform}` read as one of `{}`",
                            self.platform
                        )));
                    }
                }
                "code" => record.code = Some(map.next_value::<Wire>()?.0),
                "name" => record.name = map.next_value()?,
                "message" => record.message = map.next_value()?,
                "request_id" => record.request_id = map.next_value()?,
                "sub_code" => record.sub_code = map.next_value()?,
                "sub_message" => record.sub_message = map.next_value()?,
                "status" => record.status = map.next_value()?,
                "retry_after" => record.retry_after = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(record)
    }
}

/// A code as written: an integer, a string, or null.
struct Wire(RawCode);

impl<'de> Deserialize<'de> for Wire {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WireVisitor;
        impl Visitor<'_> for WireVisitor {
            type Value = Wire;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code: an integer, a string or null")
            }
            fn visit_i64<X: de::Error>(self, code: i64) -> Result<Wire, X> {
                Ok(Wire(RawCode::int(code)))
            }
            fn visit_u64<X: de::Error>(self, code: u64) -> Result<Wire, X> {
                Ok(Wire(RawCode::wide(code)))
            }
            fn visit_str<X: de::Error>(self, code: &str) -> Result<Wire, X> {
                Ok(Wire(RawCode::string(code)))
            }
            fn visit_unit<X: de::Error>(self) -> Result<Wire, X> {
                Ok(Wire(RawCode::NONE))
            }
            fn visit_none<X: de::Error>(self) -> Result<Wire, X> {
                self.visit_unit()
            }
        }
        deserializer.deserialize_any(WireVisitor)
    }
}
