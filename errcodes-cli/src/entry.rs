//! One entry of a table as the commands show it, read with the runtime's own getters: what
//! `list` prints, `explain` details and `docs` tabulates.

use errcodes::runtime::Variant;
use errcodes::{Code, Lang, PlatformError, RetryClass};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub name: &'static str,
    /// Every code, as the spec lists them; empty for an entry found by message only.
    pub codes: Vec<CodeValue>,
    /// The sub-code rule that chooses the entry (`isp.*`, `ACQ.TRADE_NOT_EXIST`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_code: Option<String>,
    /// The message in its first language; a template shows its fields as `{name}`.
    pub message: String,
    pub message_zh: Option<&'static str>,
    pub message_en: Option<&'static str>,
    pub hint: Option<&'static str>,
    pub hint_zh: Option<&'static str>,
    pub hint_en: Option<&'static str>,
    pub retry: Retry,
    pub group: Option<&'static str>,
    /// The template's field names.
    pub fields: &'static [&'static str],
    pub http_status: Option<u16>,
    pub endpoint: Option<&'static str>,
    pub scene: Option<&'static str>,
}

impl Entry {
    /// An entry of a table, as the runtime reads it.
    pub fn of(variant: &Variant) -> Entry {
        Entry {
            name: variant.name(),
            codes: variant
                .codes()
                .iter()
                .filter_map(|&code| CodeValue::of(code))
                .collect(),
            sub_code: variant.sub_code_rule(),
            message: variant.message().to_owned(),
            message_zh: variant.message_in(Lang::Zh),
            message_en: variant.message_in(Lang::En),
            hint: variant.hint(),
            hint_zh: variant.hint_in(Lang::Zh),
            hint_en: variant.hint_in(Lang::En),
            retry: Retry::of(variant.retry_class()),
            group: variant.group(),
            fields: variant.field_names(),
            http_status: variant.http_status(),
            endpoint: variant.endpoint(),
            scene: variant.scene(),
        }
    }

    /// The codes joined with `sep`, each through `show`.
    pub fn codes_text(&self, sep: &str, show: impl Fn(&CodeValue) -> String) -> String {
        self.codes.iter().map(show).collect::<Vec<_>>().join(sep)
    }
}

/// A code: a JSON number or string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CodeValue {
    Int(i64),
    Str(String),
}

impl CodeValue {
    /// A code as lookups read it: numeric text is the integer, other text is trimmed;
    /// `None` for no code.
    pub fn of(code: Code<'_>) -> Option<CodeValue> {
        match (code, code.as_i64()) {
            (_, Some(code)) => Some(CodeValue::Int(code)),
            (Code::Str(text), None) => Some(CodeValue::Str(text.trim().to_owned())),
            (Code::Int(_) | Code::None, None) => None,
        }
    }

    /// The code as the runtime's type.
    pub fn code(&self) -> Code<'_> {
        match self {
            CodeValue::Int(code) => Code::Int(*code),
            CodeValue::Str(code) => Code::Str(code),
        }
    }
}

impl std::fmt::Display for CodeValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.code(), f)
    }
}

/// A retry class: `class` as the spec writes it, the wait in seconds, and the whole as
/// `Display` prints it (`throttled 5m`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retry {
    #[serde(skip)]
    pub value: RetryClass,
    pub class: &'static str,
    pub wait_secs: Option<u64>,
    pub text: String,
}

impl Retry {
    pub fn of(retry: RetryClass) -> Retry {
        Retry {
            value: retry,
            class: retry.as_str(),
            wait_secs: retry.retry_after().map(|wait| wait.as_secs()),
            text: retry.to_string(),
        }
    }

    /// The class and what it asks of a client.
    pub fn advice(&self) -> String {
        let advice = match self.value {
            RetryClass::Permanent => "do not retry: fix the request".to_owned(),
            RetryClass::Transient => "retry with backoff".to_owned(),
            RetryClass::Throttled { wait: Some(_) } => {
                let wait = self.text.strip_prefix("throttled ").unwrap_or_default();
                format!("rate limited: wait at least {wait}, then retry")
            }
            RetryClass::Throttled { wait: None } => "rate limited: wait, then retry".to_owned(),
            RetryClass::Reauthenticate => "refresh the access token, then retry once".to_owned(),
            RetryClass::AlreadyApplied => "already done: a retried write has succeeded".to_owned(),
        };
        format!("{} ({advice})", self.text)
    }
}
