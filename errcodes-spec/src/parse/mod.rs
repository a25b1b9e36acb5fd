//! YAML text → [`Spec`]: reads every key, checks its type and form, and records each
//! problem with the path of the offending node. Checks across entries are in `check.rs`.

mod envelope;
mod map;
mod syntax;
#[cfg(test)]
mod tests;
mod values;

use serde_yaml::Value;

use crate::ast::{Entry, Group, Lang, Retry, Spec, Template, Text};
use crate::ctxt::{Ctxt, Path, Place};
use crate::template;
use map::{Map, Need};
use values::{check_snake, check_type_name, check_variant_name, kind};

const TOP_KEYS: &[&str] = &[
    "platform",
    "enum",
    "title",
    "source",
    "unknown_retry",
    "groups",
    "note",
    "non_exhaustive",
    "noise",
    "envelope",
];
const GROUP_KEYS: &[&str] = &[
    "id",
    "title",
    "retry",
    "hint",
    "http_status",
    "endpoint",
    "scene",
    "note",
    "errors",
];
const ENTRY_KEYS: &[&str] = &[
    "code",
    "name",
    "message",
    "hint",
    "retry",
    "fallback",
    "http_status",
    "endpoint",
    "scene",
    "note",
];
const TEXT_KEYS: &[&str] = &["zh", "en"];

/// Parses a spec; `None` when the document is too broken to read further. Problems go to
/// `cx` either way.
pub fn parse(text: &str, cx: &mut Ctxt) -> Option<Spec> {
    let root = match serde_yaml::from_str::<Value>(text) {
        Ok(root) => root,
        Err(error) => {
            syntax::syntax_error(text, &error, cx);
            return None;
        }
    };
    let top = Path::default();
    if matches!(root, Value::Null) {
        cx.push(Place::File, "the spec is empty").help(
            "start with `platform:`, `enum:`, `title:`, `source:`, `unknown_retry:` and `groups:`; see specs/README.md",
        );
        return None;
    }
    let map = Map::new(cx, &root, &top, TOP_KEYS, "the spec")?;
    let platform = map.string(cx, "platform", Need::Required);
    if let Some(platform) = &platform {
        check_snake(cx, &top.key("platform"), platform, "platform");
    }
    // Only a valid name may name the stub that stands in for a broken spec.
    let enum_name = map
        .string(cx, "enum", Need::Required)
        .filter(|name| check_type_name(cx, &top.key("enum"), name, "enum name"));
    let title = map.string(cx, "title", Need::Required);
    let source = map.string(cx, "source", Need::Required);
    let note = map.string(cx, "note", Need::Optional);
    let unknown_retry = map.retry(cx, "unknown_retry", Need::Required);
    let non_exhaustive = map.bool(cx, "non_exhaustive").unwrap_or(false);
    let noise = map
        .list(cx, "noise", Need::Optional)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(path, value)| noise_pattern(cx, &path, value))
        .collect();
    let envelope = map
        .get("envelope")
        .and_then(|value| envelope::envelope(cx, &top.key("envelope"), value));

    let mut groups = Vec::new();
    let mut entries = Vec::new();
    let group_values = map.list(cx, "groups", Need::Required);
    if group_values.as_ref().is_some_and(Vec::is_empty) {
        cx.error(&top.key("groups"), "`groups` is empty")
            .help("add at least one group with `id`, `title` and `errors`");
    }
    for (path, value) in group_values.unwrap_or_default() {
        let index = groups.len();
        if let Some(group) = parse_group(cx, &path, value, index, &mut entries) {
            groups.push(group);
        }
    }

    // Past this point a spec with problems only stands in as a stub for the enum, so
    // anything but its names may take a default.
    Some(Spec {
        platform: platform?,
        enum_name: enum_name?,
        title: title.unwrap_or_default(),
        source: source.unwrap_or_default(),
        note,
        unknown_retry: unknown_retry.unwrap_or(Retry::Permanent),
        non_exhaustive,
        noise,
        envelope,
        groups,
        entries,
    })
}

fn parse_group(
    cx: &mut Ctxt,
    path: &Path,
    value: &Value,
    index: usize,
    entries: &mut Vec<Entry>,
) -> Option<Group> {
    let map = Map::new(cx, value, path, GROUP_KEYS, "a group")?;
    let id = map.string(cx, "id", Need::Required);
    if let Some(id) = &id {
        check_snake(cx, &path.key("id"), id, "group id");
    }
    let title = map.string(cx, "title", Need::Required);
    let note = map.string(cx, "note", Need::Optional);
    let defaults = Defaults {
        retry: map.retry(cx, "retry", Need::Optional),
        hint: map.text(cx, "hint", Need::Optional),
        http_status: map.http_status(cx),
        endpoint: map.string(cx, "endpoint", Need::Optional),
        scene: map.string(cx, "scene", Need::Optional),
    };
    let errors = map.list(cx, "errors", Need::Required);
    if errors.as_ref().is_some_and(Vec::is_empty) {
        cx.error(&path.key("errors"), "`errors` is empty")
            .help("add at least one entry with `code`, `name` and `message`, or remove the group");
    }
    for (path, value) in errors.unwrap_or_default() {
        if let Some(entry) = parse_entry(cx, &path, value, index, &defaults) {
            entries.push(entry);
        }
    }
    Some(Group {
        id: id?,
        title: title?,
        note,
        path: path.clone(),
    })
}

struct Defaults {
    retry: Option<Retry>,
    hint: Option<Text>,
    http_status: Option<u16>,
    endpoint: Option<String>,
    scene: Option<String>,
}

fn parse_entry(
    cx: &mut Ctxt,
    path: &Path,
    value: &Value,
    group: usize,
    defaults: &Defaults,
) -> Option<Entry> {
    let map = Map::new(cx, value, path, ENTRY_KEYS, "an entry")?;
    let codes = map.codes(cx);
    let name = map.string(cx, "name", Need::Required);
    if let Some(name) = &name {
        check_variant_name(cx, &path.key("name"), name);
    }
    let message = map.text(cx, "message", Need::Required);
    let templates = message.as_ref().and_then(|message| {
        let mut ok = true;
        let templates: Vec<Template> = message
            .langs
            .iter()
            .filter_map(|(lang, text)| {
                let at = match lang {
                    Lang::Any => path.key("message"),
                    Lang::Zh => path.key("message").key("zh"),
                    Lang::En => path.key("message").key("en"),
                };
                template::parse(text)
                    .map_err(|error| {
                        ok = false;
                        cx.error(&at, format!("invalid message template: {error}"));
                    })
                    .ok()
            })
            .collect();
        ok.then_some(templates)
    });
    let hint = map
        .text(cx, "hint", Need::Optional)
        .or_else(|| defaults.hint.clone());
    let retry = map.retry(cx, "retry", Need::Optional).or(defaults.retry);
    if retry.is_none() && map.get("retry").is_none() {
        cx.error(path, "entry has no retry class")
            .help("add `retry:` to the entry or to its group (`permanent`, `transient`, `throttled`, `{throttled: 30s}`, `reauthenticate`, `already_applied`)");
    }
    let fallback = map.bool(cx, "fallback").unwrap_or(false);
    let http_status = map.http_status(cx).or(defaults.http_status);
    let endpoint = map
        .string(cx, "endpoint", Need::Optional)
        .or_else(|| defaults.endpoint.clone());
    let scene = map
        .string(cx, "scene", Need::Optional)
        .or_else(|| defaults.scene.clone());
    let note = map.string(cx, "note", Need::Optional);
    Some(Entry {
        name: name?,
        group,
        codes: codes?,
        message: message?,
        templates: templates?,
        hint,
        retry: retry?,
        fallback,
        http_status,
        endpoint,
        scene,
        note,
        path: path.clone(),
    })
}

fn noise_pattern(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Template> {
    let Value::String(text) = value else {
        cx.error(
            path,
            format!("a noise pattern must be text, found {}", kind(value)),
        )
        .help("write the text the platform appends, with fields: `\" rid: {rid}\"`");
        return None;
    };
    match template::parse(text) {
        Ok(template) if template.lits[0].trim().is_empty() => {
            cx.error(path, "a noise pattern must start with literal text")
                .help("start with the fixed text the platform appends, as in `\" rid: {rid}\"`");
            None
        }
        Ok(template) => Some(template),
        Err(error) => {
            cx.error(path, format!("invalid noise pattern: {error}"));
            None
        }
    }
}
