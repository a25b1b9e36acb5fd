//! Files → [`Spec`]: a spec with its `include`s and `extends`, read and merged in layers.
//!
//! The spec itself is layer 0; then come the specs it includes, in order, each followed by
//! its own layers; then the spec it extends, followed by its own. What two layers both
//! define, the earlier one's wins (`shadow.rs`): so `from_code` and `classify` read only
//! the meaning of the layer that knows a code best, and a name, code or message a spec
//! defines is never broken by one that a spec it includes or extends adds later.

use std::path::{Path as FsPath, PathBuf};

use crate::ast::{Entry, Layer, Shadowed, Shadowing, Spec};
use crate::ctxt::{Ctxt, Place};
use crate::parse::{self, Document, Head, Override, Reference, Target};
use crate::shadow::{self, Resolved};
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
    file: FileId,
    shipped: bool,
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
    /// composes, and merges them; `None` when the root is too broken to read.
    pub fn compose(&mut self, text: &str, file: FileId, origin: Origin) -> Option<Spec> {
        let mut node = self.node(text, file, origin)?;
        rank(&mut node, &mut 0);
        let (mut spec, left_out) = merge(&node, self.files);
        apply_overrides(&node, &mut spec, &left_out, self.cx);
        Some(spec)
    }

    fn node(&mut self, text: &str, file: FileId, origin: Origin) -> Option<Node> {
        let doc = parse::parse(text, file, self.cx)?;
        let shipped = matches!(origin, Origin::Shipped(_));
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
            file,
            shipped,
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
        non_exhaustive: own.non_exhaustive.or(base.non_exhaustive),
        noise: own.noise.or(base.noise),
        envelope: own.envelope.or(base.envelope),
    }
}

/// The spec: the groups and entries of every layer, in reading order (a base first, then
/// the spec's own, then its includes), each with its layer, and what later layers lost to
/// earlier ones; and why each entry left out is.
fn merge(node: &Node, files: &Files) -> (Spec, Vec<Shadowing>) {
    let layers = layers(node, files);
    let mut groups = Vec::new();
    let mut entries = Vec::new();
    for layer in reading_order(node) {
        let offset = groups.len();
        groups.extend(layer.doc.groups.iter().cloned().map(|mut group| {
            group.layer = layer.rank;
            group
        }));
        entries.extend(layer.doc.entries.iter().cloned().map(|mut entry: Entry| {
            entry.group += offset;
            entry.layer = layer.rank;
            entry
        }));
    }
    let mut resolved = shadow::resolve(groups, entries, &layers);
    let left_out = std::mem::take(&mut resolved.left_out);
    (spec(head(node), resolved, layers), left_out)
}

/// The spec. One with problems only stands in as a stub for the enum, and only when its
/// enum has a valid name, so anything missing is left empty.
fn spec(head: Head, resolved: Resolved, layers: Vec<Layer>) -> Spec {
    Spec {
        platform: head.platform.unwrap_or_default(),
        enum_name: head.enum_name.unwrap_or_default(),
        title: head.title.unwrap_or_default(),
        source: head.source.unwrap_or_default(),
        note: head.note,
        unknown_retry: head.unknown_retry.unwrap_or(crate::ast::Retry::Permanent),
        non_exhaustive: head.non_exhaustive.unwrap_or(false),
        noise: head.noise.unwrap_or_default(),
        envelope: head.envelope,
        groups: resolved.groups,
        entries: resolved.entries,
        layers,
        shadowings: resolved.shadowings,
        fallbacks_left_out: resolved.fallbacks_left_out,
    }
}

/// Each node's layer, by rank.
fn layers(node: &Node, files: &Files) -> Vec<Layer> {
    let mut nodes = reading_order(node);
    nodes.sort_by_key(|node| node.rank);
    nodes
        .into_iter()
        .map(|node| {
            let head = head(node);
            Layer {
                platform: head.platform.unwrap_or_default(),
                title: head.title.unwrap_or_default(),
                source: head.source.unwrap_or_default(),
                file: files.display(node.file).to_owned(),
                shipped: node.shipped,
            }
        })
        .collect()
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

/// Applies each layer's overrides to the entries of the layers after it, by name.
fn apply_overrides(node: &Node, spec: &mut Spec, left_out: &[Shadowing], cx: &mut Ctxt) {
    for layer in reading_order(node) {
        for change in &layer.doc.overrides {
            let found = spec
                .entries
                .iter_mut()
                .find(|entry| entry.name == change.name && entry.layer > layer.rank);
            match found {
                Some(entry) => apply(entry, change),
                None => match left_out
                    .iter()
                    .find(|why| why.lost.name == change.name && why.lost.layer > layer.rank)
                {
                    // A shipped spec's change to a row that the user's own layer replaced:
                    // the user's row wins, and errcodes' release cannot break their build.
                    Some(why) if layer.shipped && !is_shipped(spec, why.kept.layer) => {}
                    Some(why) => shadowed(change, why, cx),
                    None => unknown_override(spec, change, layer.rank, cx),
                },
            }
        }
    }
}

fn is_shipped(spec: &Spec, layer: usize) -> bool {
    spec.layers.get(layer).is_some_and(|layer| layer.shipped)
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

/// An override of an entry left out: an earlier layer defines its code, name, message or
/// sub-code rule.
fn shadowed(change: &Override, why: &Shadowing, cx: &mut Ctxt) {
    let (what, help) = match &why.what {
        Shadowed::Code(_) => (
            "its code",
            "override the entry that now has the code, or remove the override",
        ),
        Shadowed::Name(_) => (
            "an entry of that name",
            "change the entry of that name where it is defined, or remove the override",
        ),
        Shadowed::Joined(..) => (
            "a join with the same code and message",
            "override the join, or remove the override",
        ),
        Shadowed::SubCode(_) => (
            "an entry with the same sub-code rule",
            "override the entry that now has the rule, or remove the override",
        ),
        _ => (
            "an entry without a code with the same message",
            "override the entry that now has the message, or remove the override",
        ),
    };
    cx.error(
        &change.path,
        format!(
            "`{}` is left out of this spec: an earlier layer defines {what}",
            change.name
        ),
    )
    .related(&shadow::at(&why.kept, &why.what), "it is defined")
    .help(help);
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
mod tests;
