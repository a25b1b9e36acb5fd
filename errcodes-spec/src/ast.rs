//! The validated model of a spec: plain data between parsing and code generation.
#![allow(missing_docs)]

use crate::ctxt::Path;

#[derive(Debug, Clone)]
pub struct Spec {
    pub platform: String,
    pub enum_name: String,
    pub title: String,
    pub source: String,
    pub note: Option<String>,
    pub unknown_retry: Retry,
    pub non_exhaustive: bool,
    pub noise: Vec<Template>,
    pub envelope: Option<Envelope>,
    pub groups: Vec<Group>,
    pub entries: Vec<Entry>,
}

/// Where a platform's JSON response keeps its code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// Paths to the code, tried in order; each split at `.`, `*` standing for any key.
    pub code: Vec<Vec<String>>,
    pub message: Vec<Vec<String>>,
    pub sub_code: Vec<Vec<String>>,
    pub sub_message: Vec<Vec<String>>,
    pub request_id: Vec<Vec<String>>,
    /// Codes that mean success.
    pub success: Vec<Code>,
    /// Whether a response with no code at any path is a success.
    pub success_without_code: bool,
    /// Messages a response without a code may carry and still be a success (WeChat's `ok`).
    pub success_message: Vec<String>,
    pub path: Path,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub note: Option<String>,
    pub path: Path,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub group: usize,
    /// Empty for a row whose source gives no code (`code: null`).
    pub codes: Vec<Code>,
    pub message: Text,
    /// One per language of `message`, in the same order.
    pub templates: Vec<Template>,
    pub hint: Option<Text>,
    pub retry: Retry,
    pub fallback: bool,
    /// The sub-code rule, for platforms whose errors have two levels (TOP's `sub_code`).
    pub sub_code: Option<SubCode>,
    pub http_status: Option<u16>,
    pub endpoint: Option<String>,
    pub scene: Option<String>,
    pub note: Option<String>,
    /// Why the entry is deprecated, and what to use instead: the variant gets
    /// `#[deprecated]`, so that a table update retires an entry without breaking users.
    pub deprecated: Option<String>,
    pub path: Path,
    /// The entry's layer in a composed spec: 0 is the spec itself, higher numbers are the
    /// specs it includes or extends, in order of precedence.
    pub layer: usize,
}

/// Which sub-codes an entry stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubCode {
    /// Exactly this sub-code: `isv.invalid-parameter`.
    Exact(String),
    /// Sub-codes that fill this template: `isp.service-error:{code}`.
    Template(Template),
    /// Every sub-code that starts with this: `isp.*` is `Prefix("isp.")`.
    Prefix(String),
}

impl std::fmt::Display for SubCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SubCode::Exact(code) => f.write_str(code),
            SubCode::Template(template) => f.write_str(&template.display()),
            SubCode::Prefix(prefix) => write!(f, "{prefix}*"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Int(i64),
    Str(String),
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Code::Int(code) => write!(f, "{code}"),
            Code::Str(code) => write!(f, "{code:?}"),
        }
    }
}

/// Text in one or more languages, in the order the spec gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub langs: Vec<(Lang, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Plain text: the spec does not say which language.
    Any,
    Zh,
    En,
}

impl Text {
    pub fn first(&self) -> &str {
        self.langs.first().map_or("", |(_, text)| text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    Permanent,
    Transient,
    Throttled(Option<u64>),
    Reauthenticate,
    AlreadyApplied,
}

impl std::fmt::Display for Retry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Retry::Permanent => f.write_str("permanent"),
            Retry::Transient => f.write_str("transient"),
            Retry::Throttled(None) => f.write_str("throttled"),
            Retry::Throttled(Some(secs)) => {
                // The largest unit that divides the wait, as the spec writes it (1d, not 86400s),
                // like `errcodes::RetryClass`'s Display, which this crate cannot call.
                let (size, unit) = [(86_400, "d"), (3_600, "h"), (60, "m")]
                    .into_iter()
                    .find(|&(size, _)| secs % size == 0)
                    .unwrap_or((1, "s"));
                write!(f, "throttled, wait at least {}{unit}", secs / size)
            }
            Retry::Reauthenticate => f.write_str("reauthenticate"),
            Retry::AlreadyApplied => f.write_str("already_applied"),
        }
    }
}

/// A message split into literal text and fields: `lits.len() == fields.len() + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub lits: Vec<String>,
    pub fields: Vec<String>,
}

impl Template {
    /// The message as users read it: literal braces unescaped, fields as `{name}`.
    pub fn display(&self) -> String {
        let mut out = self.lits[0].clone();
        for (field, lit) in self.fields.iter().zip(&self.lits[1..]) {
            out.push('{');
            out.push_str(field);
            out.push('}');
            out.push_str(lit);
        }
        out
    }

    /// Literal text in chars: the more, the more specific.
    pub fn weight(&self) -> usize {
        self.lits.iter().map(|lit| lit.chars().count()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttled_waits_read_in_the_largest_whole_unit() {
        let shown = |secs| Retry::Throttled(Some(secs)).to_string();
        assert_eq!(shown(86_400), "throttled, wait at least 1d");
        assert_eq!(shown(7_200), "throttled, wait at least 2h");
        assert_eq!(shown(300), "throttled, wait at least 5m");
        assert_eq!(shown(30), "throttled, wait at least 30s");
        assert_eq!(shown(90), "throttled, wait at least 90s");
        assert_eq!(Retry::Throttled(None).to_string(), "throttled");
    }
}
