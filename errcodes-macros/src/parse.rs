//! YAML text → [`Spec`]: reads every key, checks its type and form, and records each
//! problem with the path of the offending node. Checks across entries are in `check.rs`.

use serde_yaml::{Mapping, Value};

use crate::ast::{Code, Entry, Envelope, Group, Lang, Retry, Spec, Template, Text};
use crate::ctxt::{Ctxt, Path, Place};
use crate::locate::Location;
use crate::template;

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
const ENVELOPE_KEYS: &[&str] = &["code", "message", "success"];
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
            syntax_error(text, &error, cx);
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
        .and_then(|value| envelope(cx, &top.key("envelope"), value));

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

fn syntax_error(text: &str, error: &serde_yaml::Error, cx: &mut Ctxt) {
    let full = error.to_string();
    // serde_yaml writes "<what> at line L column C[, while <context> at line L column C]";
    // the report states positions itself.
    let (primary, context) = full.split_once(", while ").unwrap_or((&full, ""));
    let what = primary.split(" at line ").next().unwrap_or(primary);
    // A semantic error of the YAML loader starts with the path of the node ("groups[0]: ").
    let what = what
        .split_once(": ")
        .filter(|(path, _)| {
            path.chars()
                .all(|c| c.is_alphanumeric() || "_.[]".contains(c))
        })
        .map_or(what, |(_, rest)| rest);
    let (context_what, context_at) = context
        .split_once(" at line ")
        .map_or((context, None), |(what, at)| (what, line_column(at)));
    let mut place = Location::of(error).map_or(Place::File, Place::At);
    let mut message = format!("invalid YAML: {what}");
    if !context_what.is_empty() {
        message.push_str(&format!(" ({context_what})"));
    }
    // An unclosed quote or bracket is noticed where parsing gives up, often far below or at
    // the end of the file; where it opened is where the mistake is.
    let unclosed = [
        "scanning a quoted scalar",
        "parsing a flow sequence",
        "parsing a flow mapping",
    ]
    .contains(&context_what);
    if let (Place::At(at), Some(context_at)) = (&place, context_at) {
        if unclosed || at.line > text.lines().count() {
            place = Place::At(context_at);
        }
    }
    if unclosed {
        message = format!("invalid YAML: this quote or bracket is never closed ({what})");
    }
    let mut help = "fix the YAML syntax here (check indentation, quotes and colons); a value that starts with `{`, `[`, `*`, `&`, `!`, `|`, `>`, `'`, `\"`, `%`, `@` or a backtick needs quotes".to_owned();
    if let Some(key) = what
        .strip_prefix("duplicate entry with key ")
        .and_then(|key| serde_yaml::from_str::<String>(key).ok())
    {
        message = format!("key `{key}` appears twice in one mapping");
        help =
            "each key may appear once in a mapping; remove or rename the repeated key".to_owned();
        if let Place::At(at) = place {
            place = Place::At(repeated_key(text, at, &key).unwrap_or(at));
        }
    } else if let Some(number) = what
        .strip_prefix("invalid type: integer `")
        .and_then(|rest| rest.split('`').next())
    {
        message = format!("the number {number} does not fit in i64");
        help = "a code is an integer within i64 (`45009`, `-30000`) or a quoted string (`\"F00-00-10013-002\"`)".to_owned();
    } else if unclosed {
        help = "close the quote or bracket that opens here, on the same value".to_owned();
    } else if let Place::At(at) = &place {
        let tab = text
            .lines()
            .nth(at.line.saturating_sub(1))
            .is_some_and(|line| line.contains('\t'));
        if tab {
            help = "YAML does not allow tabs for indentation; indent with spaces".to_owned();
        }
    }
    cx.push(place, message).help(help);
}

fn line_column(text: &str) -> Option<Location> {
    let (line, column) = text.split_once(" column ")?;
    Some(Location {
        line: line.trim().parse().ok()?,
        column: column.trim().parse().ok()?,
    })
}

/// serde_yaml places a duplicate key at its mapping; the second `key:` after it is the one.
fn repeated_key(text: &str, mapping: Location, key: &str) -> Option<Location> {
    text.lines()
        .enumerate()
        .skip(mapping.line.saturating_sub(1))
        .filter_map(|(i, line)| {
            let body = line.trim_start().trim_start_matches("- ");
            let column = line.len() - body.len();
            let bare = body.strip_prefix(key)?;
            bare.trim_start().starts_with(':').then(|| Location {
                line: i + 1,
                column: line[..column].chars().count() + 1,
            })
        })
        .nth(1)
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

fn envelope(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Envelope> {
    let map = Map::new(cx, value, path, ENVELOPE_KEYS, "the envelope")?;
    let code_paths = map
        .value(cx, "code", Need::Required)
        .map(|value| response_paths(cx, &path.key("code"), value, "code"));
    let message = map
        .get("message")
        .map(|value| response_paths(cx, &path.key("message"), value, "message"));
    let success = match map.get("success") {
        None => Some(Vec::new()),
        Some(Value::Sequence(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| code(cx, &path.key("success").index(i), item))
            .collect::<Vec<_>>()
            .into_iter()
            .collect(),
        Some(other) => code(cx, &path.key("success"), other).map(|code| vec![code]),
    };
    Some(Envelope {
        code: code_paths??,
        message: message.unwrap_or(Some(Vec::new()))?,
        success: success?,
    })
}

/// `error.code`, or a list of such paths tried in order.
fn response_paths(
    cx: &mut Ctxt,
    path: &Path,
    value: &Value,
    what: &str,
) -> Option<Vec<Vec<String>>> {
    const HELP: &str = "write the keys that lead to the value, joined by `.`: `errcode`, `error.code`, `*.result.error_code` (`*` is any key); or a list of such paths, tried in order";
    let items: Vec<(Path, &Value)> = match value {
        Value::Sequence(items) if items.is_empty() => {
            cx.error(path, format!("the list of {what} paths is empty"))
                .help(HELP);
            return None;
        }
        Value::Sequence(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (path.index(i), item))
            .collect(),
        other => vec![(path.clone(), other)],
    };
    let mut ok = true;
    let mut paths = Vec::new();
    for (at, item) in items {
        let Value::String(text) = item else {
            cx.error(
                &at,
                format!("a {what} path must be text, found {}", kind(item)),
            )
            .help(HELP);
            ok = false;
            continue;
        };
        let keys: Vec<String> = text.split('.').map(str::to_owned).collect();
        let problem = if keys.iter().any(String::is_empty) {
            Some(format!("the {what} path `{text}` has an empty key"))
        } else if let Some(key) = keys.iter().find(|key| key.trim() != key.as_str()) {
            Some(format!("the key `{key}` in `{text}` has spaces around it"))
        } else {
            keys.iter()
                .find(|key| key.contains('*') && key.as_str() != "*")
                .map(|key| format!("`*` stands for a whole key, but `{text}` has `{key}`"))
        };
        match problem {
            Some(problem) => {
                cx.error(&at, problem).help(HELP);
                ok = false;
            }
            None => paths.push(keys),
        }
    }
    ok.then_some(paths)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    Optional,
}

/// A mapping whose keys have been checked against the allowed ones.
struct Map<'v> {
    map: &'v Mapping,
    path: Path,
    what: &'static str,
}

impl<'v> Map<'v> {
    fn new(
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
            map,
            path: path.clone(),
            what,
        })
    }

    fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key)
    }

    /// The value of `key`, reporting it when required and missing.
    fn value(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<&'v Value> {
        let value = self.get(key);
        if value.is_none() && need == Need::Required {
            cx.error(&self.path, format!("{} is missing `{key}`", self.what))
                .help(format!("add `{key}:` to {}", self.what));
        }
        value
    }

    fn string(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<String> {
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

    fn bool(&self, cx: &mut Ctxt, key: &str) -> Option<bool> {
        match self.value(cx, key, Need::Optional)? {
            Value::Bool(flag) => Some(*flag),
            other => {
                cx.error(
                    &self.path.key(key),
                    format!("`{key}` must be `true` or `false`, found {}", kind(other)),
                );
                None
            }
        }
    }

    fn list(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<Vec<(Path, &'v Value)>> {
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

    fn text(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<Text> {
        let path = self.path.key(key);
        match self.value(cx, key, need)? {
            Value::String(text) => Some(Text {
                langs: vec![(Lang::Any, text.clone())],
            }),
            value @ Value::Mapping(_) => {
                let map = Map::new(cx, value, &path, TEXT_KEYS, "a translated text")?;
                let mut langs = Vec::new();
                for (lang_key, value) in map.map {
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

    fn retry(&self, cx: &mut Ctxt, key: &str, need: Need) -> Option<Retry> {
        let path = self.path.key(key);
        let value = self.value(cx, key, need)?;
        const HELP: &str = "use `permanent`, `transient`, `throttled`, `{throttled: 30s}` (s, m, h or d), `reauthenticate` or `already_applied`";
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

    fn http_status(&self, cx: &mut Ctxt) -> Option<u16> {
        let value = self.value(cx, "http_status", Need::Optional)?;
        match value.as_u64().and_then(|n| u16::try_from(n).ok()) {
            Some(status @ 100..=599) => Some(status),
            _ => {
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
    }

    /// The entry's codes: `Some(vec![])` for `code: null`.
    fn codes(&self, cx: &mut Ctxt) -> Option<Vec<Code>> {
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

fn code(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Code> {
    const HELP: &str = "a code is an integer within i64 (`45009`, `-30000`) or a quoted string (`\"F00-00-10013-002\"`)";
    match value {
        Value::Number(n) => {
            if let Some(code) = n.as_i64() {
                return Some(Code::Int(code));
            }
            let what = if n.is_f64()
                && n.as_f64()
                    .is_some_and(|f| f.fract() != 0.0 || !f.is_finite())
            {
                format!("a code must be a whole number, found {n}")
            } else {
                format!("code {n} does not fit in i64")
            };
            cx.error(path, what).help(HELP);
            None
        }
        Value::String(text) if text.trim().is_empty() => {
            cx.error(path, "a code must not be empty").help(HELP);
            None
        }
        Value::String(text) if text.trim() != text => {
            cx.error(path, format!("code {text:?} has spaces around it"))
                .help("remove the spaces inside the quotes");
            None
        }
        Value::String(text) => Some(
            text.parse()
                .map_or_else(|_| Code::Str(text.clone()), Code::Int),
        ),
        other => {
            cx.error(
                path,
                format!(
                    "a code must be an integer or a string, found {}",
                    kind(other)
                ),
            )
            .help(HELP);
            None
        }
    }
}

/// `30s`, `5m`, `1h`, `1d` → seconds.
fn duration(text: &str) -> Result<u64, &'static str> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    if number.is_empty() {
        return Err("it must start with a positive whole number");
    }
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "" => return Err("it has no unit"),
        _ => return Err("the unit must be `s`, `m`, `h` or `d`"),
    };
    let number: u64 = number.parse().map_err(|_| "the number is too large")?;
    if number == 0 {
        return Err("a wait must be longer than zero");
    }
    number.checked_mul(scale).ok_or("the number is too large")
}

fn check_snake(cx: &mut Ctxt, path: &Path, text: &str, what: &str) {
    let mut chars = text.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        cx.error(path, format!("{what} `{text}` is not snake_case"))
            .help("use lowercase ASCII letters, digits and `_`, starting with a letter, as in `wechat_shop`");
    }
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Names the generated code uses itself, beside the variants.
const RESERVED: &[&str] = &["Unknown", "ALL", "PLATFORM", "TITLE", "SOURCE", "GROUPS"];

fn check_type_name(cx: &mut Ctxt, path: &Path, name: &str, what: &str) -> bool {
    if KEYWORDS.contains(&name) {
        cx.error(path, format!("{what} `{name}` is a Rust keyword"))
            .help("choose another UpperCamelCase name");
        return false;
    }
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric());
    if !ok {
        cx.error(path, format!("{what} `{name}` is not UpperCamelCase"))
            .help(format!(
                "use ASCII letters and digits starting with a capital, as in `{}`",
                camel_suggestion(name)
            ));
    }
    ok
}

fn check_variant_name(cx: &mut Ctxt, path: &Path, name: &str) {
    if RESERVED.contains(&name) {
        cx.error(
            path,
            format!("name `{name}` is taken by the generated code"),
        )
        .help(format!(
            "choose another name; {} are reserved",
            list(RESERVED)
        ));
        return;
    }
    check_type_name(cx, path, name, "name");
}

fn camel_suggestion(name: &str) -> String {
    let out: String = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_uppercase()) {
        out
    } else {
        "RateLimited".to_owned()
    }
}

fn kind(value: &Value) -> String {
    match value {
        Value::Null => "nothing (null)".to_owned(),
        Value::Bool(flag) => format!("`{flag}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(text) if text.chars().count() > 40 => "text".to_owned(),
        Value::String(text) => format!("the text {text:?}"),
        Value::Sequence(_) => "a list".to_owned(),
        Value::Mapping(_) => "a mapping".to_owned(),
        Value::Tagged(tagged) => format!("a value tagged `{}`", tagged.tag),
    }
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The allowed key nearest to a typo, if it is near enough to be what was meant.
fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(key, candidate), *candidate))
        .filter(|&(distance, candidate)| distance <= 2.max(candidate.len() / 3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_need_a_positive_number_and_a_unit() {
        assert_eq!(duration("30s"), Ok(30));
        assert_eq!(duration("5m"), Ok(300));
        assert_eq!(duration("1d"), Ok(86_400));
        for bad in [
            "5 minutes",
            "-1s",
            "0s",
            "5",
            "m",
            "",
            "99999999999999999999d",
        ] {
            assert!(duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn entries_inherit_the_group_defaults_and_may_override_them() {
        let spec = "\
platform: demo
enum: DemoError
title: Demo
source: https://example.com
unknown_retry: permanent
groups:
  - id: block
    title: Retry may succeed.
    retry: transient
    hint: Retry in place; if it still fails, contact support.
    http_status: 500
    endpoint: /v2/redeem/
    scene: Write-off
    errors:
      - code: 1
        name: Inherits
        message: first
      - code: 2
        name: Overrides
        message: second
        retry: permanent
        hint: {zh: 换一个码, en: Use another code}
        http_status: 400
        endpoint: /v2/query/
        scene: Scan
";
        let mut cx = Ctxt::default();
        let spec = parse(spec, &mut cx).expect("parsed");
        assert!(cx.is_empty(), "{:?}", cx.into_problems());
        let [inherits, overrides] = &spec.entries[..] else {
            panic!("two entries expected, got {}", spec.entries.len());
        };
        assert_eq!(inherits.retry, Retry::Transient);
        assert_eq!(
            inherits.hint.as_ref().map(Text::first),
            Some("Retry in place; if it still fails, contact support.")
        );
        assert_eq!(inherits.http_status, Some(500));
        assert_eq!(inherits.endpoint.as_deref(), Some("/v2/redeem/"));
        assert_eq!(inherits.scene.as_deref(), Some("Write-off"));
        assert_eq!(overrides.retry, Retry::Permanent);
        assert_eq!(
            overrides.hint.as_ref().map(|hint| hint.langs.clone()),
            Some(vec![
                (Lang::Zh, "换一个码".to_owned()),
                (Lang::En, "Use another code".to_owned())
            ])
        );
        assert_eq!(overrides.http_status, Some(400));
        assert_eq!(overrides.endpoint.as_deref(), Some("/v2/query/"));
        assert_eq!(overrides.scene.as_deref(), Some("Scan"));
    }

    #[test]
    fn envelopes_give_paths_split_at_dots_and_success_codes() {
        let spec = "\
platform: demo
enum: DemoError
title: Demo
source: https://example.com
unknown_retry: permanent
envelope:
  code: [error_response.code, \"*.result.result_error_code\"]
  message: errmsg
  success: [0, ok, \"7\"]
groups:
  - id: general
    title: General
    retry: permanent
    errors:
      - code: 1
        name: First
        message: first
";
        let mut cx = Ctxt::default();
        let spec = parse(spec, &mut cx).expect("parsed");
        assert!(cx.is_empty(), "{:?}", cx.into_problems());
        let envelope = spec.envelope.expect("an envelope");
        let keys = |paths: &[Vec<String>]| -> Vec<String> {
            paths.iter().map(|keys| keys.join("|")).collect()
        };
        assert_eq!(
            keys(&envelope.code),
            ["error_response|code", "*|result|result_error_code"]
        );
        assert_eq!(keys(&envelope.message), ["errmsg"]);
        assert_eq!(
            envelope.success,
            [Code::Int(0), Code::Str("ok".to_owned()), Code::Int(7)]
        );
    }

    #[test]
    fn typos_suggest_the_nearest_key() {
        assert_eq!(closest("mesage", ENTRY_KEYS), Some("message"));
        assert_eq!(closest("fallbak", ENTRY_KEYS), Some("fallback"));
        assert_eq!(closest("zzzzzzzz", ENTRY_KEYS), None);
    }
}
