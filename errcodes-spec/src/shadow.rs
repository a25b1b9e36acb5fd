//! Which of two layers' definitions is kept: the rule that makes the layers of a composed
//! spec one enum, and the record of what each layer lost to an earlier one.
//!
//! Layers are taken in order of precedence, and only what is kept claims anything. An entry
//! loses every code an earlier layer claimed, and is left out when it has no code left (it
//! had some), or when an earlier layer claimed its name, its sub-code rule (for the same
//! codes), the message a join gives one of its codes, or, for an entry without a code, its
//! message (the literal text, for the same endpoint). A group whose id an earlier layer
//! claimed becomes part of that layer's group. Within one layer nothing is shadowed: a
//! duplicate there is a mistake, which `check` reports.

use std::collections::{BTreeMap, HashMap};

use crate::ast::{Code, Entry, Group, Layer, Shadowed, Shadowing, Site};
use crate::check::{is_codeless, rule_key, skeleton};
use crate::ctxt::Path;

/// The layers made one.
pub struct Resolved {
    /// The groups that have entries, in reading order.
    pub groups: Vec<Group>,
    /// The entries kept, in reading order.
    pub entries: Vec<Entry>,
    /// Every shadowing, but those between two readings of one file (two specs that include
    /// the same one): a row does not shadow itself.
    pub shadowings: Vec<Shadowing>,
    /// Why each entry left out is: a shadowing whose `lost` is the entry.
    pub left_out: Vec<Shadowing>,
    /// The codes whose fallback was left out, that other entries of its layer still list.
    pub fallbacks_left_out: BTreeMap<Code, Site>,
}

/// What the layers taken so far have claimed, each with where.
#[derive(Default)]
struct Claims {
    /// A code, by the first entry of the first layer that lists it.
    codes: HashMap<Code, Site>,
    names: HashMap<String, Site>,
    /// The literal text of a template of an entry without a code, and the endpoint.
    messages: HashMap<(Vec<String>, Option<String>), Site>,
    /// A sub-code rule, with the codes of its entry.
    rules: HashMap<(Vec<Code>, String), Site>,
    /// A code, the literal text of a template a join gives it, and the endpoint.
    joined: HashMap<(Code, Vec<String>, Option<String>), Site>,
}

/// Applies the rule to the groups and entries of every layer, in reading order; `layers`
/// by rank.
pub fn resolve(groups: Vec<Group>, mut entries: Vec<Entry>, layers: &[Layer]) -> Resolved {
    let mut shadowings = Vec::new();
    let part_of = merge_groups(&groups, layers, &mut shadowings);
    let mut claims = Claims::default();
    let mut left_out = Vec::new();
    let mut fallbacks_left_out = BTreeMap::new();
    let mut kept = vec![false; entries.len()];
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&index| entries[index].layer);
    for index in order {
        let entry = &mut entries[index];
        let (found, out) = take(entry, &claims);
        if out {
            if entry.fallback && !entry.join {
                let site = entry_site(entry);
                fallbacks_left_out
                    .extend(entry.codes.iter().map(|code| (code.clone(), site.clone())));
            }
            left_out.extend(found.last().cloned());
        } else {
            claim(entry, &mut claims);
            kept[index] = true;
        }
        shadowings.extend(found.into_iter().filter(|found| !same_row(found, layers)));
    }
    let mut kept = kept.into_iter();
    entries.retain(|_| kept.next().unwrap_or(false));
    // Where no other entry of its layer lists the code, it went to a later layer, or is
    // unknown anyway.
    fallbacks_left_out.retain(|code, site| {
        let lists =
            |entry: &Entry| entry.layer == site.layer && !entry.join && entry.codes.contains(code);
        entries.iter().any(lists)
    });
    for entry in &mut entries {
        entry.group = part_of.get(entry.group).copied().unwrap_or(entry.group);
    }
    Resolved {
        groups: drop_empty(groups, &mut entries),
        entries,
        shadowings,
        left_out,
        fallbacks_left_out,
    }
}

/// For each group, the group it is part of: itself, or the group of an earlier layer with
/// its id.
fn merge_groups(groups: &[Group], layers: &[Layer], shadowings: &mut Vec<Shadowing>) -> Vec<usize> {
    let mut part_of: Vec<usize> = (0..groups.len()).collect();
    let mut order = part_of.clone();
    order.sort_by_key(|&index| groups[index].layer);
    let mut claimed: HashMap<&str, usize> = HashMap::new();
    // An empty id is a missing one, reported already.
    for index in order.into_iter().filter(|&i| !groups[i].id.is_empty()) {
        let group = &groups[index];
        match claimed.get(group.id.as_str()) {
            Some(&first) if groups[first].layer < group.layer => {
                part_of[index] = first;
                let found = Shadowing {
                    what: Shadowed::Group(group.id.clone()),
                    kept: group_site(&groups[first]),
                    lost: group_site(group),
                };
                if !same_row(&found, layers) {
                    shadowings.push(found);
                }
            }
            Some(_) => {}
            None => {
                claimed.insert(&group.id, index);
            }
        }
    }
    part_of
}

/// Takes from `entry` the codes that earlier layers claimed: the shadowings found, and
/// whether the entry is left out (the last shadowing says why).
fn take(entry: &mut Entry, claims: &Claims) -> (Vec<Shadowing>, bool) {
    let lost = entry_site(entry);
    let shadowing = |what: Shadowed, kept: &Site| Shadowing {
        what,
        kept: kept.clone(),
        lost: lost.clone(),
    };
    let earlier = |site: &&Site| site.layer < entry.layer;
    let mut found = Vec::new();
    let had_codes = !entry.codes.is_empty();
    // A join takes no code (it adds a meaning to a code a later layer holds), but a code an
    // earlier layer holds is that layer's, with every meaning: the join loses it too.
    entry
        .codes
        .retain(|code| match claims.codes.get(code).filter(earlier) {
            Some(kept) => {
                found.push(shadowing(Shadowed::Code(code.clone()), kept));
                false
            }
            None => true,
        });
    if had_codes && entry.codes.is_empty() {
        return (found, true);
    }
    if let Some(kept) = claims.names.get(&entry.name).filter(earlier) {
        found.push(shadowing(Shadowed::Name(entry.name.clone()), kept));
        return (found, true);
    }
    if is_codeless(entry) {
        for template in &entry.templates {
            let key = (skeleton(template), entry.endpoint.clone());
            if let Some(kept) = claims.messages.get(&key).filter(earlier) {
                found.push(shadowing(Shadowed::Message(template.display()), kept));
                return (found, true);
            }
        }
    }
    if let Some(rule) = &entry.sub_code {
        if let Some(kept) = claims
            .rules
            .get(&(entry.codes.clone(), rule_key(rule)))
            .filter(earlier)
        {
            found.push(shadowing(Shadowed::SubCode(rule.to_string()), kept));
            return (found, true);
        }
    }
    if let Some((code, template, kept)) = joined(entry, claims) {
        found.push(shadowing(Shadowed::Joined(code, template), kept));
        return (found, true);
    }
    (found, false)
}

/// A code of `entry` and a message of it that a join of an earlier layer gives it, with
/// the join.
fn joined<'c>(entry: &Entry, claims: &'c Claims) -> Option<(Code, String, &'c Site)> {
    let mut pairs = entry
        .codes
        .iter()
        .flat_map(|code| entry.templates.iter().map(move |t| (code, t)));
    pairs.find_map(|(code, template)| {
        let key = (code.clone(), skeleton(template), entry.endpoint.clone());
        let kept = claims
            .joined
            .get(&key)
            .filter(|site| site.layer < entry.layer)?;
        Some((code.clone(), template.display(), kept))
    })
}

/// Claims what a kept entry defines, where no entry of its own or an earlier layer has.
fn claim(entry: &Entry, claims: &mut Claims) {
    let site = entry_site(entry);
    let codes = if entry.join {
        &[][..]
    } else {
        &entry.codes[..]
    };
    for code in codes {
        claims
            .codes
            .entry(code.clone())
            .or_insert_with(|| site.clone());
    }
    // An empty name is a missing one, reported already.
    if !entry.name.is_empty() {
        claims
            .names
            .entry(entry.name.clone())
            .or_insert_with(|| site.clone());
    }
    if is_codeless(entry) {
        for template in &entry.templates {
            let key = (skeleton(template), entry.endpoint.clone());
            claims.messages.entry(key).or_insert_with(|| site.clone());
        }
    }
    if let Some(rule) = &entry.sub_code {
        let key = (entry.codes.clone(), rule_key(rule));
        claims.rules.entry(key).or_insert_with(|| site.clone());
    }
    if entry.join {
        for code in &entry.codes {
            for template in &entry.templates {
                let key = (code.clone(), skeleton(template), entry.endpoint.clone());
                claims.joined.entry(key).or_insert_with(|| site.clone());
            }
        }
    }
}

/// Where `site` defines `what`: its `code`, `name`, `message`, `sub_code` or `id`.
pub fn at(site: &Site, what: &Shadowed) -> Path {
    site.path.key(match what {
        Shadowed::Code(_) => "code",
        Shadowed::Name(_) => "name",
        Shadowed::Message(_) | Shadowed::Joined(..) => "message",
        Shadowed::SubCode(_) => "sub_code",
        Shadowed::Group(_) => "id",
    })
}

fn entry_site(entry: &Entry) -> Site {
    Site {
        layer: entry.layer,
        name: entry.name.clone(),
        path: entry.path.clone(),
    }
}

fn group_site(group: &Group) -> Site {
    Site {
        layer: group.layer,
        name: group.id.clone(),
        path: group.path.clone(),
    }
}

/// Whether both sides are the same place of the same file, read twice.
fn same_row(found: &Shadowing, layers: &[Layer]) -> bool {
    let file = |site: &Site| layers.get(site.layer).map(|layer| layer.file.as_str());
    file(&found.kept) == file(&found.lost) && found.kept.path.segs == found.lost.path.segs
}

/// The groups that still have entries, with the entries' group indices renumbered.
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
