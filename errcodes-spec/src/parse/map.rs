//! A mapping of the spec, read key by key: each getter checks the value's type and form and
//! records a problem where it is wrong.

use serde_yaml::{Mapping, Value};

use super::values::{closest, code, duration, kind, list, TOO_LONG};
use super::TEXT_KEYS;
use crate::ast::{Code, Lang, Retry, Text};
use crate::ctxt::{Ctxt, Path};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    Required,
    Optional,
}

/// A mapping whose keys have been checked against the allowed ones.
pub(super) struct Map<'v> {
    entries: &'v Mapping,
    path: Path,
    what: &'static str,
}

impl<'v> Map<'v> {
    pub(super) fn new(
        cx: &mut Ctxt,
        value: &'v Value,
        path: &Path,
        allowed: &[&str],
        what: &'static str,
    ) -> Option<Self> {
        let Value::Mapping(map) = value else {
            cx.error(
                path,
                format!("{what} must be a mapping, found {}", kind(value)),
            )
            .help(format!(
                "write {what} as `key: value` lines; its keys are {}",
                list(allowed)
            ));
            return None;
        };
        for key in map.keys() {
            match key.as_str() {
                Some(key) if allowed.contains(&key) => {}
                Some(key) => {
                    let problem = cx.error(
                        &path.key_name(key),
                        format!("unknown key `{key}` in {what}"),
                    );
                    match closest(key, allowed) {
                        Some(near) => problem.help(format!(
                            "did you mean `{near}`? the keys of {what} are {}",
                            list(allowed)
                        )),
                        None => problem.help(format!("the keys of {what} are {}", list(allowed))),
                    };
                }
                None => {
                    cx.error(
                        path,
                        format!("{what} has a key that is not text: {}", kind(key)),
                    )
                    .help(format!("the keys of {what} are {}", list(allowed)));
                }
            }
        }
        Some(Map {
            entries: map,
            path: path.clone(),
            what,
        })
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    pub(super) fn get(&self, key: &str) -> Option<&'v Value> {
        self.entries.get(key)
    }

    /// The value of `key`, reporting it when required and missing.
    pub(super) fn value(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<&'v Value> {
        let value = self.get(key);
        if value.is_none() && need == Need::Required {
            cx.error(&self.path, format!("{} is missing `{key}`", self.what))
                .help(format!("add `{key}:` to {}", self.what));
        }
        value
    }

    pub(super) fn string(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<String> {
        match self.value(cx, key, need)? {
            Value::String(text) => Some(text.clone()),
            other => {
                cx.error(
                    &self.path.key(key),
                    format!("`{key}` must be text, found {}", kind(other)),
                )
                .help("put the text in quotes");
                None
            }
        }
    }

    pub(super) fn bool(&self, cx: &mut Ctxt, key: &str) -> Option<bool> {
        match self.value(cx, key, Need::Optional)? {
            Value::Bool(flag) => Some(*flag),
            other => {
                cx.error(
                    &self.path.key(key),
                    format!("`{key}` must be `true` or `false`, found {}", kind(other)),
                )
                .help(format!(
                    "write `{key}: true` or `{key}: false`, without quotes"
                ));
                None
            }
        }
    }

    pub(super) fn list(
        &self,
        cx: &mut Ctxt,
        key: &str,
        need: Need,
    ) -> Option<Vec<(Path, &'v Value)>> {
        match self.value(cx, key, need)? {
            Value::Sequence(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (self.path.key(key).index(i), item))
                    .collect(),
            ),
            other => {
                cx.error(
                    &self.path.key(key),
                    format!("`{key}` must be a list, found {}", kind(other)),
                )
                .help("write each item on its own line, starting with `- `");
                None
            }
        }
    }

    pub(super) fn text(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<Text> {
        let path = self.path.key(key);
        match self.value(cx, key, need)? {
            Value::String(text) => Some(Text {
                langs: vec![(Lang::Any, text.clone())],
            }),
            value @ Value::Mapping(_) => {
                let map = Map::new(cx, value, &path, TEXT_KEYS, "a translated text")?;
                let mut langs = Vec::new();
                for (lang_key, value) in map.entries {
                    let lang = match lang_key.as_str() {
                        Some("zh") => Lang::Zh,
                        Some("en") => Lang::En,
                        _ => continue,
                    };
                    let lang_key = lang_key.as_str().unwrap_or_default();
                    match value {
                        Value::String(text) => langs.push((lang, text.clone())),
                        other => {
                            cx.error(
                                &path.key(lang_key),
                                format!("`{lang_key}` must be text, found {}", kind(other)),
                            )
                            .help("put the text in quotes");
                        }
                    }
                }
                if langs.is_empty() {
                    cx.error(&path, format!("`{key}` has no text"))
                        .help("give `zh:`, `en:` or both");
                    return None;
                }
                Some(Text { langs })
            }
            other => {
                cx.error(
                    &path,
                    format!(
                        "`{key}` must be text or `{{zh: ..., en: ...}}`, found {}",
                        kind(other)
                    ),
                )
                .help("put the text in quotes");
                None
            }
        }
    }

    pub(super) fn retry(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<Retry> {
        const HELP: &str = "use `permanent`, `transient`, `throttled`, `{throttled: 30s}` (s, m, h or d), `reauthenticate` or `already_applied`";
        let path = self.path.key(key);
        let value = self.value(cx, key, need)?;
        match value {
            Value::String(class) => match class.as_str() {
                "permanent" => Some(Retry::Permanent),
                "transient" => Some(Retry::Transient),
                "throttled" => Some(Retry::Throttled(None)),
                "reauthenticate" => Some(Retry::Reauthenticate),
                "already_applied" => Some(Retry::AlreadyApplied),
                other => {
                    let problem = cx.error(&path, format!("unknown retry class `{other}`"));
                    match closest(
                        other,
                        &[
                            "permanent",
                            "transient",
                            "throttled",
                            "reauthenticate",
                            "already_applied",
                        ],
                    ) {
                        Some(near) => problem.help(format!("did you mean `{near}`? {HELP}")),
                        None => problem.help(HELP),
                    };
                    None
                }
            },
            value @ Value::Mapping(_) => {
                let map = Map::new(cx, value, &path, &["throttled"], "a retry class")?;
                let wait = map.value(cx, "throttled", Need::Required)?;
                let at = path.key("throttled");
                let Some(text) = wait.as_str() else {
                    cx.error(
                        &at,
                        format!(
                            "the wait must be a duration such as `30s` or `5m`, found {}",
                            kind(wait)
                        ),
                    )
                    .help("write a positive whole number and a unit: `30s`, `5m`, `1h`, `1d`");
                    return None;
                };
                match duration(text) {
                    Ok(secs) => Some(Retry::Throttled(Some(secs))),
                    Err(TOO_LONG) => {
                        cx.error(&at, format!("bad duration `{text}`: {TOO_LONG}"))
                            .help("a platform that asks for a longer wait is not asking for a retry: write `throttled` without a wait, or `permanent`");
                        None
                    }
                    Err(error) => {
                        cx.error(&at, format!("bad duration `{text}`: {error}"))
                            .help(
                                "write a positive whole number and a unit: `30s`, `5m`, `1h`, `1d`",
                            );
                        None
                    }
                }
            }
            other => {
                cx.error(&path, format!("bad retry class: {}", kind(other)))
                    .help(HELP);
                None
            }
        }
    }

    pub(super) fn http_status(&self, cx: &mut Ctxt) -> Option<u16> {
        let value = self.value(cx, "http_status", Need::Optional)?;
        if let Some(status @ 100..=599) = value.as_u64().and_then(|n| u16::try_from(n).ok()) {
            Some(status)
        } else {
            cx.error(
                &self.path.key("http_status"),
                format!(
                    "`http_status` must be an HTTP status from 100 to 599, found {}",
                    kind(value)
                ),
            )
            .help("write the status as a number, as in `http_status: 500`");
            None
        }
    }

    /// The entry's codes: `Some(vec![])` for `code: null`.
    pub(super) fn codes(&self, cx: &mut Ctxt) -> Option<Vec<Code>> {
        let Some(value) = self.get("code") else {
            cx.error(&self.path, "an entry is missing `code`")
                .help("add `code:` (an integer, a string, or a list); write `code: null` for a row whose source gives no code");
            return None;
        };
        let path = self.path.key("code");
        match value {
            Value::Null => Some(Vec::new()),
            Value::Sequence(items) if items.is_empty() => {
                cx.error(&path, "the list of codes is empty")
                    .help("list at least one code, or write `code: null` for a row whose source gives no code");
                None
            }
            Value::Sequence(items) => {
                let codes: Vec<Option<Code>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| code(cx, &path.index(i), item))
                    .collect();
                codes.into_iter().collect()
            }
            other => code(cx, &path, other).map(|code| vec![code]),
        }
    }
}
