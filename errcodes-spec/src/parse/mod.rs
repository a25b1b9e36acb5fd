//! YAML text → [`Document`]: reads every key of one file, checks its type and form, and
//! records each problem with the path of the offending node. Composing files into a spec is
//! in `compose.rs`; checks across entries are in `check.rs`.

mod envelope;
mod layers;
mod map;
mod syntax;
#[cfg(test)]
mod tests;
mod values;

use serde_yaml::Value;

use crate::ast::{Entry, Envelope, Group, Lang, Retry, Template, Text};
use crate::ctxt::{Ctxt, Path, Place};
use crate::source::FileId;
use crate::template;
pub use layers::{Override, Reference, Target};
use map::{Map, Need};
pub(crate) use values::closest as closest_name;
use values::{check_snake, check_type_name, check_variant_name, kind};
pub use values::{type_name_problem, MAX_WAIT};

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
    "include",
    "extends",
    "overrides",
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
    "sub_code",
    "name",
    "message",
    "hint",
    "retry",
    "fallback",
    "join",
    "http_status",
    "endpoint",
    "scene",
    "note",
    "deprecated",
];
const TEXT_KEYS: &[&str] = &["zh", "en"];

/// One file of a spec, as written: what it says of the whole spec, its own groups and
/// entries (group indices local to it), and the files it composes.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub head: Head,
    pub groups: Vec<Group>,
    pub entries: Vec<Entry>,
    pub include: Vec<Reference>,
    pub extends: Option<Reference>,
    pub overrides: Vec<Override>,
}

/// The keys about the whole spec; a spec that `extends` another takes what it leaves out
/// from it.
#[derive(Debug, Clone, Default)]
pub struct Head {
    pub platform: Option<String>,
    pub enum_name: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub unknown_retry: Option<Retry>,
    pub non_exhaustive: Option<bool>,
    pub noise: Option<Vec<Template>>,
    pub envelope: Option<Envelope>,
}

/// Parses file `file` of a spec; `None` when the document is too broken to read further.
/// Problems go to `cx` either way.
pub fn parse(text: &str, file: FileId, cx: &mut Ctxt) -> Option<Document> {
    let mut root = match serde_yaml::from_str::<Value>(text) {
        Ok(root) => root,
        Err(error) => {
            syntax::syntax_error(text, file, &error, cx);
            return None;
        }
    };
    // `<<: *defaults` merges a mapping into another, as YAML 1.1 defines it.
    if let Err(error) = root.apply_merge() {
        cx.push(Place::File(file), format!("a YAML merge key `<<` cannot be applied: {error}"))
            .help("`<<:` takes a mapping (`<<: *defaults`) or a list of mappings; a key of the mapping itself wins over a merged one");
        return None;
    }
    // Keys starting with `x-` are ignored: a place for anchors that `<<:` merges.
    if let Value::Mapping(map) = &mut root {
        map.retain(|key, _| !key.as_str().is_some_and(|key| key.starts_with("x-")));
    }
    let top = Path::root(file);
    if matches!(root, Value::Null) {
        cx.push(Place::File(file), "the spec is empty").help(
            "start with `platform:`, `enum:`, `title:`, `source:`, `unknown_retry:` and `groups:`; see specs/README.md",
        );
        return None;
    }
    let map = Map::new(cx, &root, &top, TOP_KEYS, "the spec")?;
    let extends = layers::extends(cx, &map);
    let include = layers::include(cx, &map);
    // A spec that extends another inherits what it leaves out; one that includes others
    // may add no group of its own.
    let inherits = if extends.is_some() {
        Need::Optional
    } else {
        Need::Required
    };
    let head = head(cx, &map, &top, inherits);
    let overrides = layers::overrides(cx, &map);
    let groups_need = if extends.is_some() || !include.is_empty() {
        Need::Optional
    } else {
        Need::Required
    };
    let mut groups = Vec::new();
    let mut entries = Vec::new();
    let group_values = map.list(cx, "groups", groups_need);
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
    Some(Document {
        head,
        groups,
        entries,
        include,
        extends,
        overrides,
    })
}

/// The keys about the whole spec. The enum's name is required, and checked first: only a
/// valid name may name the stub that stands in for a broken spec.
fn head(cx: &mut Ctxt, map: &Map<'_>, top: &Path, inherits: Need) -> Head {
    let platform = map.string(cx, "platform", inherits);
    if let Some(platform) = &platform {
        check_snake(cx, &top.key("platform"), platform, "platform");
    }
    let enum_name = map
        .string(cx, "enum", Need::Required)
        .filter(|name| check_type_name(cx, &top.key("enum"), name, "enum name"));
    let noise = map.list(cx, "noise", Need::Optional).map(|items| {
        items
            .into_iter()
            .filter_map(|(path, value)| noise_pattern(cx, &path, value))
            .collect()
    });
    Head {
        platform,
        enum_name,
        title: map.string(cx, "title", inherits),
        source: map.string(cx, "source", inherits),
        note: map.string(cx, "note", Need::Optional),
        unknown_retry: map.retry(cx, "unknown_retry", inherits),
        non_exhaustive: map.bool(cx, "non_exhaustive"),
        noise,
        envelope: map
            .get("envelope")
            .and_then(|value| envelope::envelope(cx, &top.key("envelope"), value)),
    }
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
    // A missing id or title is left empty: the spec has a problem already, and the group
    // still holds its entries for the checks that do not need them.
    Some(Group {
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        note,
        path: path.clone(),
        layer: 0,
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
    let join = map.bool(cx, "join").unwrap_or(false);
    let sub_code = match map.get("sub_code") {
        None => Some(None),
        Some(value) => layers::sub_code(cx, &path.key("sub_code"), value).map(Some),
    };
    let http_status = map.http_status(cx).or(defaults.http_status);
    let endpoint = map
        .string(cx, "endpoint", Need::Optional)
        .or_else(|| defaults.endpoint.clone());
    let scene = map
        .string(cx, "scene", Need::Optional)
        .or_else(|| defaults.scene.clone());
    let note = map.string(cx, "note", Need::Optional);
    let deprecated = map.string(cx, "deprecated", Need::Optional);
    // What is missing or invalid is left empty: the spec has a problem already, and the
    // entry stands in for the checks that do not need it. Without its code or sub-code
    // rule, the checks of codes skip it.
    Some(Entry {
        name: name.unwrap_or_default(),
        group,
        codes_read: codes.is_some() && sub_code.is_some(),
        codes: codes.unwrap_or_default(),
        message: message.unwrap_or(Text { langs: Vec::new() }),
        templates: templates.unwrap_or_default(),
        hint,
        retry: retry.unwrap_or(Retry::Permanent),
        fallback,
        join,
        sub_code: sub_code.flatten(),
        http_status,
        endpoint,
        scene,
        note,
        deprecated,
        path: path.clone(),
        layer: 0,
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
