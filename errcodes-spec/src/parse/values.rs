//! Single values: codes, durations, names, and the words problems are reported with.

use serde_yaml::Value;

use crate::ast::Code;
use crate::ctxt::{Ctxt, Path};

pub(super) fn code(cx: &mut Ctxt, path: &Path, value: &Value) -> Option<Code> {
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
pub(super) fn duration(text: &str) -> Result<u64, &'static str> {
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
    let number: u64 = number.parse().map_err(|_| TOO_LONG)?;
    if number == 0 {
        return Err("a wait must be longer than zero");
    }
    number
        .checked_mul(scale)
        .filter(|&secs| secs <= MAX_WAIT)
        .ok_or(TOO_LONG)
}

/// The longest wait a spec may give: 30 days. A platform that asks for longer is not asking
/// for a retry.
pub use errcodes_layout::MAX_WAIT;
pub(super) const TOO_LONG: &str = "a wait may be at most 30 days (`30d`)";

pub(super) fn check_snake(cx: &mut Ctxt, path: &Path, text: &str, what: &str) {
    let mut chars = text.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        cx.error(path, format!("{what} `{text}` is not snake_case"))
            .help("use lowercase ASCII letters, digits and `_`, starting with a letter, as in `wechat_shop`");
    }
}

pub(super) const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Names the generated code uses itself, beside the variants.
pub(super) const RESERVED: &[&str] = &["Unknown", "ALL", "PLATFORM", "TITLE", "SOURCE", "GROUPS"];

pub(super) fn check_type_name(cx: &mut Ctxt, path: &Path, name: &str, what: &str) -> bool {
    match type_name_problem(name, what) {
        Some((problem, help)) => {
            cx.error(path, problem).help(help);
            false
        }
        None => true,
    }
}

/// What is wrong with `name` as a Rust type name (`what` names it in the message), with how
/// to fix it; `None` for a good name.
pub fn type_name_problem(name: &str, what: &str) -> Option<(String, String)> {
    if KEYWORDS.contains(&name) {
        return Some((
            format!("{what} `{name}` is a Rust keyword"),
            "choose another UpperCamelCase name".to_owned(),
        ));
    }
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric());
    (!ok).then(|| {
        (
            format!("{what} `{name}` is not UpperCamelCase"),
            format!(
                "use ASCII letters and digits starting with a capital, as in `{}`",
                camel_suggestion(name)
            ),
        )
    })
}

pub(super) fn check_variant_name(cx: &mut Ctxt, path: &Path, name: &str) {
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

pub(super) fn camel_suggestion(name: &str) -> String {
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

pub(super) fn kind(value: &Value) -> String {
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

pub(super) fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The allowed key nearest to a typo, if it is near enough to be what was meant.
pub(crate) fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(key, candidate), *candidate))
        .filter(|&(distance, candidate)| distance <= 2.max(candidate.len() / 3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
