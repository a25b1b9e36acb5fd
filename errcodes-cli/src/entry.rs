//! One entry of a table as the commands show it, read with the runtime's own getters: what
//! `list` prints, `explain` details and `docs` tabulates.

use errcodes::__private::{Key, Table};
use errcodes::{Code, Lang, RetryClass};
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
    pub message: &'static str,
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
    /// Entry `index` of `table`.
    pub fn at(table: &'static Table, index: usize) -> Entry {
        Entry {
            name: table.name(index),
            codes: table
                .codes_of(index)
                .iter()
                .filter_map(|&code| CodeValue::of(Key::of(code)))
                .collect(),
            sub_code: table.sub_code_of(index),
            message: table.message(index),
            message_zh: table.message_in(index, Lang::Zh),
            message_en: table.message_in(index, Lang::En),
            hint: table.hint(index),
            hint_zh: table.hint_in(index, Lang::Zh),
            hint_en: table.hint_in(index, Lang::En),
            retry: Retry::of(table.retry_class(index)),
            group: table.group(index),
            fields: table.field_names(index),
            http_status: table.http_status(index),
            endpoint: table.endpoint(index),
            scene: table.scene(index),
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
    /// `None` for no code.
    pub fn of(key: Key<'_>) -> Option<CodeValue> {
        match key {
            Key::Int(code) => Some(CodeValue::Int(code)),
            Key::Str(code) => Some(CodeValue::Str(code.to_owned())),
            Key::None => None,
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
