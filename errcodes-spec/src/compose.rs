//! Files → [`Spec`]: a spec with its `include`s and `extends`, read and merged in layers.
//!
//! The spec itself is layer 0; then come the specs it includes, in order, each followed by
//! its own layers; then the spec it extends, followed by its own. A code belongs to the
//! first layer that lists it: the entries of later layers lose that code (an entry left with
//! no code is left out), so `from_code` and `classify` read only the meaning of the layer
//! that knows the code best. Entries without a code are kept from every layer. Names and
//! group ids must stay unique across layers: a clash is an error naming both places.

use std::path::{Path as FsPath, PathBuf};

use crate::ast::{Code, Entry, Group, Spec};
use std::collections::HashMap;

use crate::ctxt::{Ctxt, Path, Place};
use crate::parse::{self, Document, Head, Override, Reference, Target};

use crate::source::{FileId, Files};
use crate::{load, shipped};

/// Where a file of the spec comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk, by its absolute path.
    Disk(PathBuf),
    /// A spec shipped with errcodes, by name.
    Shipped(String),
}

/// One file read, and the files it composes.
struct Node {
    doc: Document,
    /// Its place in the order of precedence.
    rank: usize,
    includes: Vec<Node>,
    base: Option<Box<Node>>,
}

/// What reading the files needs: where problems go, and which files were read.
pub struct Session<'a> {
    pub files: &'a mut Files,
    pub cx: &'a mut Ctxt,
    /// Every file on disk read, so that editing one rebuilds.
    pub tracked: Vec<PathBuf>,
    stack: Vec<Origin>,
}

impl<'a> Session<'a> {
    pub fn new(files: &'a mut Files, cx: &'a mut Ctxt) -> Self {
        Session {
            files,
            cx,
            tracked: Vec::new(),
            stack: Vec::new(),
        }
    }

    /// Reads the spec whose text is `text` (file `file`, from `origin`) with every file it
    /// composes, and merges them; `None` when the root is too broken to name its enum.
    pub fn compose(&mut self, text: &str, file: FileId, origin: Origin) -> Option<Spec> {
        let mut node = self.node(text, file, origin)?;
        rank(&mut node, &mut 0);
        let (mut spec, shadowed) = merge(&node);
        let mut spec = spec.take()?;
        apply_overrides(&node, &mut spec, &shadowed, self.cx);
        Some(spec)
    }

    fn node(&mut self, text: &str, file: FileId, origin: Origin) -> Option<Node> {
        let doc = parse::parse(text, file, self.cx)?;
        let dir = match &origin {
            Origin::Disk(path) => path.parent().map(FsPath::to_path_buf),
            Origin::Shipped(_) => None,
        };
        self.stack.push(origin);
        let includes = doc
            .include
            .iter()
            .filter_map(|reference| self.follow(reference, dir.as_deref()))
            .collect();
        let base = doc
            .extends
            .as_ref()
            .and_then(|reference| self.follow(reference, dir.as_deref()))
            .map(Box::new);
        self.stack.pop();
        Some(Node {
            doc,
            rank: 0,
            includes,
            base,
        })
    }

    /// Reads the spec `reference` names, relative to `dir` (none for a shipped spec).
    fn follow(&mut self, reference: &Reference, dir: Option<&FsPath>) -> Option<Node> {
        let at = Place::Node(reference.path.clone());
        let (origin, display) = match &reference.target {
            Target::Shipped(name) => (Origin::Shipped(name.clone()), shipped::display(name)),
            Target::File(relative) => {
                let Some(dir) = dir else {
                    self.cx
                        .push(at, format!("a shipped spec names the file `{relative}`"))
                        .help("a shipped spec may only compose other shipped specs, by name");
                    return None;
                };
                let absolute = dir.join(relative);
                let canonical = absolute.canonicalize().unwrap_or_else(|_| absolute.clone());
                let named_by = self.files.display(reference.path.file);
                (Origin::Disk(canonical), beside(named_by, relative))
            }
        };
        if let Some(start) = self.stack.iter().position(|known| *known == origin) {
            let chain: Vec<String> = self.stack[start..]
                .iter()
                .chain([&origin])
                .map(name_of)
                .collect();
            self.cx
                .push(at, format!("specs include each other in a cycle: {}", chain.join(" → ")))
                .help("a spec cannot include or extend itself, directly or through another; remove one link of the cycle");
            return None;
        }
        let file = self.files.add(display, "");
        let text = match &origin {
            Origin::Shipped(name) => shipped_text(name, &at, self.cx)?.to_owned(),
            Origin::Disk(absolute) => {
                let missing = (
                    "the spec file does not exist",
                    "the path is relative to the directory of the spec that names it; check the spelling and that the file is there",
                );
                let text = load::read(absolute, file, &at, missing, self.cx)?;
                self.tracked.push(absolute.clone());
                text
            }
        };
        self.files.set_text(file, text.clone());
        self.node(&text, file, origin)
    }
}

/// How reports name the file at `relative` to the file `named_by` names: as the crate sees
/// it (`specs/layers/x.yaml`), `.` and `..` resolved where they can be.
fn beside(named_by: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = named_by.split('/').collect();
    parts.pop();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|last| *last != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

fn shipped_text(name: &str, at: &Place, cx: &mut Ctxt) -> Option<&'static str> {
    let text = shipped::text(name);
    if text.is_none() {
        let names: Vec<&str> = shipped::names().collect();
        let near = parse::closest_name(name, &names)
            .map(|near| format!("did you mean `{near}`? "))
            .unwrap_or_default();
        cx.push(at.clone(), format!("there is no shipped spec `{name}`"))
            .help(format!(
                "{near}the shipped specs are {}; a file is named by a path ending in `.yaml`",
                names.join(", ")
            ));
    }
    text
}

fn name_of(origin: &Origin) -> String {
    match origin {
        Origin::Disk(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
        Origin::Shipped(name) => name.clone(),
    }
}

/// Ranks the nodes in order of precedence: a node, its includes, then its base.
fn rank(node: &mut Node, next: &mut usize) {
    node.rank = *next;
    *next += 1;
    for include in &mut node.includes {
        rank(include, next);
    }
    if let Some(base) = &mut node.base {
        rank(base, next);
    }
}

/// The head of the spec: the root's keys, each missing one taken from the spec it extends.
fn head(node: &Node) -> Head {
    let own = node.doc.head.clone();
    let Some(base) = &node.base else {
        return own;
    };
    let base = head(base);
    Head {
        platform: own.platform.or(base.platform),
        enum_name: own.enum_name,
        title: own.title.or(base.title),
        source: own.source.or(base.source),
        note: own.note.or(base.note),
        unknown_retry: own.unknown_retry.or(base.unknown_retry),
        non_exhaustive: own.non_exhaustive,
        noise: own.noise.or(base.noise),
        envelope: own.envelope.or(base.envelope),
    }
}

/// The groups and entries of every layer, in reading order (a base first, then the spec's
/// own, then its includes), each entry with its layer, and later layers' codes shadowed;
/// and the entries left out, each with the entry that took its code.
fn merge(node: &Node) -> (Option<Spec>, Vec<(Entry, Path)>) {
    let head = head(node);
    let mut groups = Vec::new();
    let mut entries = Vec::new();
    for layer in reading_order(node) {
        let offset = groups.len();
        groups.extend(layer.doc.groups.iter().cloned());
        entries.extend(layer.doc.entries.iter().cloned().map(|mut entry: Entry| {
            entry.group += offset;
            entry.layer = layer.rank;
            entry
        }));
    }
    let shadowed = shadow(&mut entries);
    (spec(head, groups, entries), shadowed)
}

/// The spec, once its enum has a name. Past this point a spec with problems only stands in
/// as a stub for the enum, so anything but its names may take a default.
fn spec(head: Head, groups: Vec<Group>, mut entries: Vec<Entry>) -> Option<Spec> {
    Some(Spec {
        platform: head.platform?,
        enum_name: head.enum_name?,
        title: head.title.unwrap_or_default(),
        source: head.source.unwrap_or_default(),
        note: head.note,
        unknown_retry: head.unknown_retry.unwrap_or(crate::ast::Retry::Permanent),
        non_exhaustive: head.non_exhaustive.unwrap_or(false),
        noise: head.noise.unwrap_or_default(),
        envelope: head.envelope,
        groups: drop_empty(groups, &mut entries),
        entries,
    })
}

/// A base's nodes, then the node itself, then its includes'.
fn reading_order(node: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    if let Some(base) = &node.base {
        out.extend(reading_order(base));
    }
    out.push(node);
    for include in &node.includes {
        out.extend(reading_order(include));
    }
    out
}

/// Takes from each entry the codes an earlier layer lists; an entry left with none (that
/// had some) is dropped, and returned with the code of the entry that took its last code.
fn shadow(entries: &mut Vec<Entry>) -> Vec<(Entry, Path)> {
    let mut owner: HashMap<Code, (usize, Path)> = HashMap::new();
    for entry in entries.iter() {
        for (i, code) in entry.codes.iter().enumerate() {
            let at = entry.path.key("code");
            let at = if entry.codes.len() > 1 {
                at.index(i)
            } else {
                at
            };
            let known = owner
                .entry(code.clone())
                .or_insert((entry.layer, at.clone()));
            if entry.layer < known.0 {
                *known = (entry.layer, at);
            }
        }
    }
    let mut dropped = Vec::new();
    entries.retain_mut(|entry| {
        let Some(last) = entry.codes.last().cloned() else {
            return true;
        };
        entry.codes.retain(|code| {
            owner
                .get(code)
                .is_some_and(|(layer, _)| *layer == entry.layer)
        });
        if entry.codes.is_empty() {
            let taker = owner
                .get(&last)
                .map(|(_, at)| at.clone())
                .unwrap_or_default();
            dropped.push((entry.clone(), taker));
        }
        !entry.codes.is_empty()
    });
    dropped
}

/// The groups that still have entries, with the entries' group indices renumbered. (An
/// entry of a group that did not parse points past the groups: the spec has a problem
/// already, and the entry keeps its index.)
fn drop_empty(groups: Vec<Group>, entries: &mut [Entry]) -> Vec<Group> {
    let mut renumbered = vec![None; groups.len()];
    let mut kept = Vec::new();
    for (index, group) in groups.into_iter().enumerate() {
        if entries.iter().any(|entry| entry.group == index) {
            renumbered[index] = Some(kept.len());
            kept.push(group);
        }
    }
    for entry in entries {
        if let Some(&Some(group)) = renumbered.get(entry.group) {
            entry.group = group;
        }
    }
    kept
}

/// Applies each layer's overrides to the entries of the layers after it, by name.
fn apply_overrides(node: &Node, spec: &mut Spec, shadowed: &[(Entry, Path)], cx: &mut Ctxt) {
    for layer in reading_order(node) {
        for change in &layer.doc.overrides {
            let found = spec
                .entries
                .iter_mut()
                .find(|entry| entry.name == change.name && entry.layer > layer.rank);
            match found {
                Some(entry) => apply(entry, change),
                None => match shadowed.iter().find(|(entry, _)| entry.name == change.name) {
                    Some((_, taker)) => left_out(change, taker, cx),
                    None => unknown_override(spec, change, layer.rank, cx),
                },
            }
        }
    }
}

fn apply(entry: &mut Entry, change: &Override) {
    if let Some(retry) = change.retry {
        entry.retry = retry;
    }
    if let Some(hint) = &change.hint {
        entry.hint = Some(hint.clone());
    }
    if let Some(note) = &change.note {
        entry.note = Some(note.clone());
    }
}

fn left_out(change: &Override, taker: &Path, cx: &mut Ctxt) {
    cx.error(
        &change.path,
        format!(
            "`{}` is left out of this spec: an earlier layer defines its code",
            change.name
        ),
    )
    .related(taker, "the code is defined")
    .help("override the entry that now has the code, or remove the override");
}

fn unknown_override(spec: &Spec, change: &Override, rank: usize, cx: &mut Ctxt) {
    let names: Vec<&str> = spec
        .entries
        .iter()
        .map(|entry| entry.name.as_str())
        .collect();
    let own = spec
        .entries
        .iter()
        .any(|entry| entry.name == change.name && entry.layer <= rank);
    let help = if own {
        "the entry is this spec's own: change it where it is defined".to_owned()
    } else {
        match parse::closest_name(&change.name, &names) {
            Some(near) => format!("did you mean `{near}`? an override names an entry of a spec this one includes or extends"),
            None => "an override names an entry of a spec this one includes or extends; `errcodes list <spec>` lists them".to_owned(),
        }
    };
    cx.error(
        &change.path.clone(),
        format!("no entry named `{}` to override", change.name),
    )
    .help(help);
}

#[cfg(test)]
mod tests {
    use super::beside;

    #[test]
    fn included_files_are_named_as_the_crate_sees_them() {
        assert_eq!(beside("specs/a.yaml", "./b.yaml"), "specs/b.yaml");
        assert_eq!(
            beside("specs/a.yaml", "layers/b.yaml"),
            "specs/layers/b.yaml"
        );
        assert_eq!(beside("specs/layers/b.yaml", "../a.yaml"), "specs/a.yaml");
        assert_eq!(beside("a.yaml", "../x/b.yaml"), "../x/b.yaml");
    }
}
