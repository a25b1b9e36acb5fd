//! The keys that compose a spec from others (`include`, `extends`, `overrides`), and an
//! entry's `sub_code` rule.

use serde_yaml::Value;

use super::map::{Map, Need};
use super::values::{check_snake, kind};
use crate::ast::{Retry, SubCode, Text};
use crate::ctxt::{Ctxt, Path};
use crate::template;

const OVERRIDE_KEYS: &[&str] = &["retry", "hint", "note"];

/// Another spec named by this one, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub target: Target,
    pub path: Path,
}

/// A spec shipped with errcodes, by name (`wechat_global`), or a file, by its path
/// relative to the spec that names it (`./my_codes.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Shipped(String),
    File(String),
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Shipped(name) => write!(f, "the shipped spec `{name}`"),
            Target::File(path) => write!(f, "`{path}`"),
        }
    }
}

/// What a spec changes in an entry of a spec it includes or extends, by the entry's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub name: String,
    pub retry: Option<Retry>,
    pub hint: Option<Text>,
    pub note: Option<String>,
    pub path: Path,
}

const TARGET_HELP: &str = "name a shipped spec (`wechat_global`), or give a path relative to this spec that ends in `.yaml` (`./my_codes.yaml`)";

fn target(cx: &mut Ctxt, path: &Path, value: &Value, key: &str) -> Option<Reference> {
    let Value::String(text) = value else {
        cx.error(path, format!("`{key}` names a spec, found {}", kind(value)))
            .help(TARGET_HELP);
        return None;
    };
    let extension = std::path::Path::new(text).extension();
    let is_yaml = extension
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"));
    let is_path = text.contains('/') || is_yaml;
    let target = if is_path {
        Target::File(text.clone())
    } else {
        check_snake(cx, path, text, "a shipped spec's name");
        Target::Shipped(text.clone())
    };
    Some(Reference {
        target,
        path: path.clone(),
    })
}

/// `extends: wechat_transaction`.
pub(super) fn extends(cx: &mut Ctxt, map: &Map<'_>) -> Option<Reference> {
    let value = map.get("extends")?;
    target(cx, &map.path().key("extends"), value, "extends")
}

/// `include: wechat_global`, or a list of such names and paths.
pub(super) fn include(cx: &mut Ctxt, map: &Map<'_>) -> Vec<Reference> {
    let path = map.path().key("include");
    match map.get("include") {
        None => Vec::new(),
        Some(Value::Sequence(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| target(cx, &path.index(i), item, "include"))
            .collect(),
        Some(value) => target(cx, &path, value, "include").into_iter().collect(),
    }
}

/// `overrides: {DailyQuotaExceeded: {retry: {throttled: 1h}, note: ...}}`.
pub(super) fn overrides(cx: &mut Ctxt, map: &Map<'_>) -> Vec<Override> {
    let path = map.path().key("overrides");
    let Some(value) = map.get("overrides") else {
        return Vec::new();
    };
    let Value::Mapping(entries) = value else {
        cx.error(&path, format!("`overrides` must be a mapping, found {}", kind(value)))
            .help("map an entry's name to what changes: `overrides: {DailyQuotaExceeded: {retry: {throttled: 1h}}}`");
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, value) in entries {
        let Some(name) = name.as_str() else {
            cx.error(
                &path,
                format!(
                    "an override is keyed by an entry's name, found {}",
                    kind(name)
                ),
            )
            .help("write the variant name of the entry to change, as in `DailyQuotaExceeded:`");
            continue;
        };
        let at = path.key(name);
        let Some(fields) = Map::new(cx, value, &at, OVERRIDE_KEYS, "an override") else {
            continue;
        };
        let retry = fields.retry(cx, "retry", Need::Optional);
        let hint = fields.text(cx, "hint", Need::Optional);
        let note = fields.string(cx, "note", Need::Optional);
        if retry.is_none() && hint.is_none() && note.is_none() {
            cx.error(&at, format!("the override of `{name}` changes nothing"))
                .help("give `retry`, `hint` or `note`, or remove the override");
        }
        out.push(Override {
            name: name.to_owned(),
            retry,
            hint,
            note,
            path: at,
        });
    }
    out
}

const SUB_CODE_HELP: &str = "write the sub-code (`isv.invalid-parameter`), a template (`isp.service-error:{code}`), or a prefix that ends in `*` (`isp.*`)";

/// `isv.invalid-parameter`, `isp.service-error:{code}` or `isp.*`.
pub(super) fn sub_code(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<SubCode> {
    let Value::String(text) = value else {
        cx.error(
            path,
            format!("`sub_code` must be text, found {}", kind(value)),
        )
        .help(SUB_CODE_HELP);
        return None;
    };
    let stars = text.matches('*').count();
    let problem = if text.trim().is_empty() {
        Some("the sub-code rule is empty".to_owned())
    } else if text.trim() != text {
        Some(format!("the sub-code rule `{text}` has spaces around it"))
    } else if stars > 1 || (stars == 1 && !text.ends_with('*')) {
        Some(format!(
            "`*` may only end a sub-code rule, but `{text}` has it elsewhere"
        ))
    } else if text == "*" {
        Some("the rule `*` would match every sub-code".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        cx.error(path, problem).help(SUB_CODE_HELP);
        return None;
    }
    if let Some(prefix) = text.strip_suffix('*') {
        return Some(SubCode::Prefix(prefix.to_owned()));
    }
    match template::parse(text) {
        Ok(template) if template.fields.is_empty() => Some(SubCode::Exact(template.lits.concat())),
        Ok(template) => Some(SubCode::Template(template)),
        Err(error) => {
            cx.error(path, format!("invalid sub-code template: {error}"))
                .help(SUB_CODE_HELP);
            None
        }
    }
}
