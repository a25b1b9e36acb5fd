//! Two checked specs → the changes between them. Entries are matched by name; an entry gone
//! and one new with the same codes and message are one entry renamed.

use errcodes_spec::ast::{
    Code, Entry, Envelope, Lang, Shadowed, Shadowing, Site, Spec, Template, Text,
};
use serde::Serialize;

use super::policy::{Kind, Level};

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub kind: Kind,
    /// The entry or group it is about, if any; a rename has the names as `old` and `new`.
    pub subject: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub level: Level,
}

/// Every change from `old` to `new`, the enum's first, then entry by entry.
pub fn changes(old: &Spec, new: &Spec) -> Vec<Change> {
    let mut out = Changes {
        list: Vec::new(),
        non_exhaustive: new.non_exhaustive,
    };
    spec_changes(&mut out, old, new);
    group_changes(&mut out, old, new);
    let renamed = entry_changes(&mut out, old, new);
    for (name, was, is) in super::order::changes(old, new, &renamed) {
        out.push(Kind::Order, Some(&name), Some(was), Some(is));
    }
    shadowing_changes(&mut out, old, new);
    out.list
}

struct Changes {
    list: Vec<Change>,
    non_exhaustive: bool,
}

impl Changes {
    fn push(
        &mut self,
        kind: Kind,
        subject: Option<&str>,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.list.push(Change {
            kind,
            subject: subject.map(str::to_owned),
            old,
            new,
            level: kind.level(self.non_exhaustive),
        });
    }

    /// Each kind of change whose `show` reads the two sides differently.
    fn compare<T>(&mut self, subject: Option<&str>, sides: [&T; 2], shows: &[Show<'_, T>]) {
        for (kind, show) in shows {
            let [old, new] = sides.map(show);
            if old != new {
                self.push(*kind, subject, Some(old), Some(new));
            }
        }
    }
}

/// A kind of change, and how to show the value it is about.
type Show<'a, T> = (Kind, &'a dyn Fn(&T) -> String);

fn spec_changes(out: &mut Changes, old: &Spec, new: &Spec) {
    out.compare(
        None,
        [old, new],
        &[
            (Kind::Platform, &|spec| spec.platform.clone()),
            (Kind::Enum, &|spec| spec.enum_name.clone()),
            (Kind::NonExhaustive, &|spec| spec.non_exhaustive.to_string()),
            (Kind::UnknownRetry, &|spec| {
                spec.unknown_retry.short().to_string()
            }),
            (Kind::Envelope, &|spec| envelope(spec.envelope.as_ref())),
            (Kind::Noise, &|spec| templates(&spec.noise)),
            (Kind::Title, &|spec| spec.title.clone()),
            (Kind::Source, &|spec| spec.source.clone()),
            (Kind::Note, &|spec| optional(spec.note.as_ref())),
        ],
    );
}

fn group_changes(out: &mut Changes, old: &Spec, new: &Spec) {
    for group in &old.groups {
        match new.groups.iter().find(|other| other.id == group.id) {
            None => out.push(
                Kind::GroupRemoved,
                Some(&group.id),
                Some(group.title.clone()),
                None,
            ),
            Some(other) => out.compare(
                Some(&group.id),
                [group, other],
                &[
                    (Kind::GroupTitle, &|group| group.title.clone()),
                    (Kind::GroupNote, &|group| optional(group.note.as_ref())),
                ],
            ),
        }
    }
    for group in &new.groups {
        if !old.groups.iter().any(|other| other.id == group.id) {
            out.push(
                Kind::GroupAdded,
                Some(&group.id),
                None,
                Some(group.title.clone()),
            );
        }
    }
}

/// The entries removed, added and changed; the renamed, as `(old name, new name)`.
fn entry_changes(out: &mut Changes, old: &Spec, new: &Spec) -> Vec<(String, String)> {
    let find = |spec: &'_ Spec, name: &str| spec.entries.iter().position(|e| e.name == name);
    let removed: Vec<&Entry> = old
        .entries
        .iter()
        .filter(|e| find(new, &e.name).is_none())
        .collect();
    let mut added: Vec<&Entry> = new
        .entries
        .iter()
        .filter(|e| find(old, &e.name).is_none())
        .collect();
    let mut renamed_pairs = Vec::new();
    for entry in removed {
        let renamed = added
            .iter()
            .position(|other| other.codes == entry.codes && other.message == entry.message);
        match renamed {
            Some(at) => {
                let other = added.remove(at);
                out.push(
                    Kind::EntryRenamed,
                    None,
                    Some(entry.name.clone()),
                    Some(other.name.clone()),
                );
                renamed_pairs.push((entry.name.clone(), other.name.clone()));
                compare_entries(out, (old, entry), (new, other));
            }
            None => out.push(
                Kind::EntryRemoved,
                Some(&entry.name),
                Some(summary(entry)),
                None,
            ),
        }
    }
    for entry in &new.entries {
        if let Some(index) = find(old, &entry.name) {
            compare_entries(out, (old, &old.entries[index]), (new, entry));
        } else if added.iter().any(|other| other.name == entry.name) {
            out.push(
                Kind::EntryAdded,
                Some(&entry.name),
                None,
                Some(summary(entry)),
            );
        }
    }
    renamed_pairs
}

/// The same entry in two specs (renamed, or not).
fn compare_entries(out: &mut Changes, old: (&Spec, &Entry), new: (&Spec, &Entry)) {
    out.compare(
        Some(&new.1.name),
        [&old, &new],
        &[
            (Kind::Codes, &|(_, entry)| codes(&entry.codes)),
            (Kind::SubCode, &|(_, entry)| {
                optional(entry.sub_code.as_ref())
            }),
            (Kind::Deprecated, &|(_, entry)| {
                optional(entry.deprecated.as_ref())
            }),
            (Kind::Fallback, &|(_, entry)| entry.fallback.to_string()),
            (Kind::Retry, &|(_, entry)| entry.retry.short().to_string()),
            (Kind::Fields, &|(_, entry)| fields(entry)),
            (Kind::Group, &|(spec, entry)| {
                spec.groups
                    .get(entry.group)
                    .map_or_else(String::new, |group| group.id.clone())
            }),
            (Kind::Message, &|(_, entry)| text(&entry.message)),
            (Kind::Hint, &|(_, entry)| {
                entry.hint.as_ref().map_or_else(String::new, text)
            }),
            (Kind::EntryNote, &|(_, entry)| optional(entry.note.as_ref())),
            (Kind::HttpStatus, &|(_, entry)| {
                optional(entry.http_status.as_ref())
            }),
            (Kind::Endpoint, &|(_, entry)| {
                optional(entry.endpoint.as_ref())
            }),
            (Kind::Scene, &|(_, entry)| optional(entry.scene.as_ref())),
        ],
    );
}

/// Each shadowing `new` has and `old` has not, by what is shadowed, the entries or groups
/// and their layers' platforms (a file's path may differ between the two).
fn shadowing_changes(out: &mut Changes, old: &Spec, new: &Spec) {
    let key = |spec: &Spec, found: &Shadowing| {
        let platform = |site: &Site| {
            spec.layers
                .get(site.layer)
                .map(|layer| layer.platform.clone())
        };
        let (kept, lost) = (&found.kept, &found.lost);
        (
            found.what.clone(),
            kept.name.clone(),
            platform(kept),
            lost.name.clone(),
            platform(lost),
        )
    };
    let known: Vec<_> = old.shadowings.iter().map(|found| key(old, found)).collect();
    for found in &new.shadowings {
        if !known.contains(&key(new, found)) {
            out.push(
                Kind::Shadowed,
                Some(&found.lost.name),
                None,
                Some(shadowing(new, found)),
            );
        }
    }
}

/// `name, by Busy of mine.yaml over Busy of <errcodes>/specs/wechat_global.yaml`.
fn shadowing(spec: &Spec, found: &Shadowing) -> String {
    let what = match &found.what {
        Shadowed::Code(code) => format!("code {code}"),
        Shadowed::Name(_) => "name".to_owned(),
        Shadowed::Message(message) => format!("message {message:?}"),
        Shadowed::SubCode(rule) => format!("sub-code rule {rule}"),
        Shadowed::Joined(code, message) => format!("message {message:?} of code {code}"),
        Shadowed::Group(_) => "group id".to_owned(),
    };
    let site = |site: &Site| {
        let file = spec
            .layers
            .get(site.layer)
            .map_or("", |layer| layer.file.as_str());
        format!("{} of {file}", site.name)
    };
    format!(
        "{what}, by {} over {}",
        site(&found.kept),
        site(&found.lost)
    )
}

/// The field names of each template: `order_id / order_id`.
fn fields(entry: &Entry) -> String {
    entry
        .templates
        .iter()
        .map(|template| template.fields.join(", "))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// `100: 应用错误`, as a removed or added entry is shown.
fn summary(entry: &Entry) -> String {
    format!("{}: {}", codes(&entry.codes), text(&entry.message))
}

fn codes(codes: &[Code]) -> String {
    if codes.is_empty() {
        return "(no code)".to_owned();
    }
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A text in each of its languages: `zh: 应用错误 / en: application error`.
fn text(text: &Text) -> String {
    text.langs
        .iter()
        .map(|(lang, text)| match lang {
            Lang::Any => text.clone(),
            Lang::Zh => format!("zh: {text}"),
            Lang::En => format!("en: {text}"),
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Every path and success code of an envelope, as the spec writes them.
fn envelope(envelope: Option<&Envelope>) -> String {
    // Destructured whole, so that a new key of the envelope fails to build here.
    let Some(Envelope {
        code,
        message,
        sub_code,
        sub_message,
        request_id,
        success,
        success_without_code,
        success_message,
        status_led,
        success_empty,
        format,
        next,
        path: _,
    }) = envelope
    else {
        return "(none)".to_owned();
    };
    let paths = |paths: &[Vec<String>]| {
        paths
            .iter()
            .map(|keys| errcodes_spec::path_text(keys))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let without = match (*success_without_code, success_message.as_slice()) {
        (false, _) => String::new(),
        (true, []) => ", or no code".to_owned(),
        (true, messages) => format!(", or no code and a message of {}", messages.join(" | ")),
    };
    let flags = [
        (*status_led, "; led by the HTTP status"),
        (*success_empty, "; an empty code is none"),
    ]
    .into_iter()
    .filter_map(|(on, text)| on.then_some(text))
    .collect::<String>();
    let format = match format {
        errcodes_spec::Format::Json => "",
        errcodes_spec::Format::Xml => "; XML",
        errcodes_spec::Format::Auto => "; XML or JSON",
    };
    let mut then = String::new();
    for level in next {
        then.push_str("; then ");
        then.push_str(&self::envelope(Some(level)));
    }
    format!(
        "code: {}; message: {}; sub_code: {}; sub_message: {}; request_id: {}; success: {}{without}{flags}{format}{then}",
        paths(code),
        paths(message),
        paths(sub_code),
        paths(sub_message),
        paths(request_id),
        codes(success),
    )
}

fn templates(templates: &[Template]) -> String {
    templates
        .iter()
        .map(Template::display)
        .collect::<Vec<_>>()
        .join(" / ")
}

fn optional(value: Option<&impl ToString>) -> String {
    value.map_or_else(String::new, ToString::to_string)
}
