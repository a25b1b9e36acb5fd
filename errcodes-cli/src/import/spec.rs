//! The spec being written, built from the placed rows: names, templates, group ids and
//! titles, and the spec's own keys with their defaults.

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::import::codes::Code;
use crate::import::fallback;
use crate::import::naming::Namer;
use crate::import::placeholders;
use crate::import::problem::Problem;
use crate::import::rows::{Draft, DraftGroup};
use crate::import::unique::first_free;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub platform: String,
    pub enum_name: String,
    pub title: String,
    pub source: String,
    pub note: String,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub note: Option<String>,
    pub errors: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The row's line in the input; not written.
    pub line: usize,
    /// The index of the entry's group; not written.
    pub group: usize,
    pub codes: Vec<Code>,
    pub name: String,
    /// The message as a template: fields in braces, literal braces doubled.
    pub message: String,
    /// The literal text around the template's fields; not written.
    pub lits: Vec<String>,
    /// The message with placeholders blanked, which names the entry; not written.
    pub words: String,
    pub hint: Option<String>,
    pub fallback: bool,
    pub http_status: Option<u16>,
    pub endpoint: Option<String>,
    pub scene: Option<String>,
    pub notes: Vec<String>,
}

/// The spec's own keys, from the options or their defaults.
pub struct Head {
    pub platform: String,
    pub enum_name: String,
    pub title: String,
    pub source: String,
}

pub fn build(head: Head, drafts: Vec<DraftGroup>) -> Result<Spec, Problem> {
    let mut groups: Vec<Group> = Vec::new();
    let mut entries = Vec::new();
    for (index, draft) in drafts.into_iter().enumerate() {
        let title = draft.title.unwrap_or_else(|| head.title.clone());
        let taken: Vec<String> = groups.iter().map(|group| group.id.clone()).collect();
        groups.push(Group {
            id: unique_id(&group_id(&title, index + 1), &taken),
            title,
            note: draft.note,
            errors: Vec::new(),
        });
        entries.extend(draft.drafts.into_iter().map(|row| entry(row, index)));
    }
    fallback::merge_repeats(&mut entries);
    let mut namer = Namer::default();
    for entry in &mut entries {
        entry.name = namer.name(&entry.codes, &entry.words);
    }
    fallback::choose(&mut entries)?;
    let count = entries.len();
    for entry in entries {
        groups[entry.group].errors.push(entry);
    }
    groups.retain(|group| !group.errors.is_empty());
    Ok(Spec {
        note: note(&head.source, count, groups.len()),
        platform: head.platform,
        enum_name: head.enum_name,
        title: head.title,
        source: head.source,
        groups,
    })
}

fn entry(row: Draft, group: usize) -> Entry {
    let template = placeholders::template(&row.message);
    let mut notes = row.notes;
    notes.extend(template.note());
    Entry {
        line: row.line,
        group,
        codes: row.codes,
        name: String::new(),
        message: template.text,
        lits: template.lits,
        words: template.words,
        hint: row.hint,
        fallback: false,
        http_status: row.http_status,
        endpoint: row.endpoint,
        scene: row.scene,
        notes,
    }
}

fn note(source: &str, entries: usize, groups: usize) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "Imported by `errcodes import` from {source}: {} in {}. Every retry class is `permanent`, a default: the source does not state them, so review each (rate limits are `throttled`, expired tokens `reauthenticate`, a repeated write `already_applied`). Names, fallbacks (the first row of a code) and template fields follow the rules of `errcodes import --help`.",
        count(entries, "entry", "entries"),
        count(groups, "group", "groups"),
    )
}

/// The `snake_case` of the title's ASCII words (leading numbers dropped), else `table_<n>`.
fn group_id(title: &str, index: usize) -> String {
    let words = ascii_words(title);
    let start = words
        .iter()
        .position(|word| !word.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(words.len());
    let id = words[start..].join(" ").to_snake_case();
    if id.is_empty() {
        format!("table_{index}")
    } else {
        id
    }
}

fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

fn unique_id(id: &str, taken: &[String]) -> String {
    first_free(id, "_", 2, |id| !taken.iter().any(|taken| taken == id))
}

/// `wechat_shop` from `WeChat Shop.md`; `imported` when the file name has no such word.
pub fn default_platform(stem: &str) -> String {
    let platform = ascii_words(stem).join(" ").to_snake_case();
    if platform.starts_with(|c: char| c.is_ascii_lowercase()) {
        platform
    } else {
        "imported".to_owned()
    }
}

/// `WechatShopError` from `wechat_shop`.
pub fn default_enum(platform: &str) -> String {
    let name = platform.to_upper_camel_case();
    if name.ends_with("Error") || name.ends_with("Errors") {
        name
    } else {
        format!("{name}Error")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_ids_are_snake_case_and_unique() {
        assert_eq!(group_id("Common Error Code", 1), "common_error_code");
        assert_eq!(
            group_id("Upload pictures/File error code", 1),
            "upload_pictures_file_error_code"
        );
        assert_eq!(group_id("2.1 Orders", 1), "orders");
        assert_eq!(group_id("错误码说明", 3), "table_3");
        let taken = vec!["orders".to_owned(), "orders_2".to_owned()];
        assert_eq!(unique_id("orders", &taken), "orders_3");
    }

    #[test]
    fn defaults_from_the_file_name() {
        assert_eq!(default_platform("WeChat Shop"), "we_chat_shop");
        assert_eq!(
            default_platform("wangdiantong-errors"),
            "wangdiantong_errors"
        );
        assert_eq!(default_platform("000_a0e6f0c3136890b7"), "imported");
        assert_eq!(default_platform("错误码"), "imported");
        assert_eq!(default_enum("wangdiantong_errors"), "WangdiantongErrors");
        assert_eq!(default_enum("wechat_shop"), "WechatShopError");
    }
}
