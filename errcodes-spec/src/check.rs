//! Checks across entries: uniqueness, fallbacks, templates that shadow each other.

use std::collections::{BTreeMap, HashMap};

use crate::ast::{Code, Entry, Envelope, Spec, SubCode, Template};
use crate::ctxt::Ctxt;

pub fn check(spec: &Spec, cx: &mut Ctxt) {
    unique_group_ids(spec, cx);
    unique_names(spec, cx);
    codes_and_fallbacks(spec, cx);
    joins(spec, cx);
    sub_codes(spec, cx);
    distinct_templates(spec, cx);
    success_codes(spec, cx);
}

/// A success code that is also an entry's code would hide the entry from `from_response`.
fn success_codes(spec: &Spec, cx: &mut Ctxt) {
    let Some(first) = &spec.envelope else {
        return;
    };
    let by_code = entries_by_code(spec);
    for envelope in std::iter::once(first).chain(&first.next) {
        success_codes_of(envelope, spec, &by_code, cx);
    }
}

fn success_codes_of(
    envelope: &Envelope,
    spec: &Spec,
    by_code: &BTreeMap<&Code, Vec<usize>>,
    cx: &mut Ctxt,
) {
    let at = envelope.path.key("success");
    for (i, code) in envelope.success.iter().enumerate() {
        let Some(&first) = by_code.get(code).and_then(|entries| entries.first()) else {
            continue;
        };
        let entry = &spec.entries[first];
        cx.error(
            &at.index(i),
            format!(
                "success code {code} is also the code of entry `{}`",
                entry.name
            ),
        )
        .related(&entry.path.key("code"), "the entry's code is")
        .help("a response with a success code is never an error, so the entry could never be returned: remove the code from `success` or from the entry");
    }
}

fn unique_group_ids(spec: &Spec, cx: &mut Ctxt) {
    let mut seen = HashMap::new();
    // An empty id is a missing one, reported already.
    for group in spec.groups.iter().filter(|group| !group.id.is_empty()) {
        if let Some(first) = seen.insert(group.id.as_str(), &group.path) {
            cx.error(
                &group.path.key("id"),
                format!("duplicate group id `{}`", group.id),
            )
            .related(&first.key("id"), "first used")
            .help("give each group its own id");
        }
    }
}

fn unique_names(spec: &Spec, cx: &mut Ctxt) {
    let mut seen = HashMap::new();
    // An empty name is a missing one, reported already.
    for entry in spec.entries.iter().filter(|entry| !entry.name.is_empty()) {
        if let Some(first) = seen.insert(entry.name.as_str(), &entry.path) {
            cx.error(
                &entry.path.key("name"),
                format!("duplicate name `{}`", entry.name),
            )
            .related(&first.key("name"), "first used")
            .help("each entry becomes a variant, so names must be unique; rename one of them");
        }
    }
}

/// Entry indices of the entries without a code that their message finds (not those with a
/// sub-code rule).
pub fn codeless(spec: &Spec) -> Vec<usize> {
    (0..spec.entries.len())
        .filter(|&i| is_codeless(&spec.entries[i]))
        .collect()
}

/// Whether the entry has no code and no sub-code rule, so that its message alone finds it.
pub fn is_codeless(entry: &Entry) -> bool {
    entry.codes_read && entry.codes.is_empty() && entry.sub_code.is_none()
}

/// Entry indices of every code, in spec order: the entries a code's message decides
/// between, so not those with a sub-code rule (the sub-code decides those).
pub fn entries_by_code(spec: &Spec) -> BTreeMap<&Code, Vec<usize>> {
    let mut by_code: BTreeMap<&Code, Vec<usize>> = BTreeMap::new();
    let plain = spec.entries.iter().enumerate();
    for (index, entry) in plain.filter(|(_, entry)| entry.sub_code.is_none() && entry.codes_read) {
        for code in &entry.codes {
            let entries = by_code.entry(code).or_default();
            if entries.last() != Some(&index) {
                entries.push(index);
            }
        }
    }
    by_code
}

fn codes_and_fallbacks(spec: &Spec, cx: &mut Ctxt) {
    for entry in &spec.entries {
        for (i, code) in entry.codes.iter().enumerate() {
            if entry.codes[..i].contains(code) {
                cx.error(
                    &entry.path.key("code").index(i),
                    format!("code {code} is listed twice in this entry"),
                )
                .help("remove the repeated code");
            }
        }
    }
    let by_code = entries_by_code(spec);
    for (code, indices) in &by_code {
        // A code's joins leave its fallback to the layer that lists it.
        if indices.iter().filter(|&&i| !spec.entries[i].join).count() < 2 {
            continue;
        }
        let fallbacks: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|&i| spec.entries[i].fallback && !spec.entries[i].join)
            .collect();
        match fallbacks.as_slice() {
            // Its fallback was left out (an earlier layer took its name or message): `from_code`
            // gives `Unknown`.
            [] if spec.fallbacks_left_out.contains_key(*code) => {}
            [] => {
                let first = &spec.entries[indices[0]];
                cx.error(&first.path.key("code"), format!("code {code} has {} entries but none is marked `fallback: true`", indices.len()))
                    .help(format!(
                        "add `fallback: true` to the entry that `from_code({code})` should give, usually the most general one (entries: {})",
                        names(spec, indices)
                    ));
            }
            [_] => {}
            [first, rest @ ..] => {
                for &other in rest {
                    cx.error(
                        &spec.entries[other].path.key("fallback"),
                        format!("code {code} has more than one `fallback: true`"),
                    )
                    .related(
                        &spec.entries[*first].path.key("fallback"),
                        "the first fallback is",
                    )
                    .help("keep `fallback: true` on exactly one entry of the code");
                }
            }
        }
    }
    for entry in &spec.entries {
        // In a composed spec, an included layer's fallback may have lost the codes it shared
        // to an earlier layer: that is no mistake of the spec being read.
        if !entry.fallback || entry.sub_code.is_some() || entry.layer > 0 || !entry.codes_read {
            continue;
        }
        let shared = entry
            .codes
            .iter()
            .any(|code| by_code.get(code).is_some_and(|entries| entries.len() > 1));
        if entry.codes.is_empty() {
            cx.error(
                &entry.path.key("fallback"),
                "an entry without a code cannot be a fallback",
            )
            .help("remove `fallback: true`; a code-less entry is found by its message only");
        } else if !shared {
            cx.error(
                &entry.path.key("fallback"),
                "`fallback: true` on an entry whose code has no other entry",
            )
            .help("remove it: a fallback chooses among entries that share a code");
        }
    }
}

/// A join adds a meaning to a code that a spec this one includes or extends lists: it needs
/// a code, and that spec, and leaves the code's fallback to it.
fn joins(spec: &Spec, cx: &mut Ctxt) {
    for entry in spec
        .entries
        .iter()
        .filter(|entry| entry.join && entry.codes_read)
    {
        if entry.fallback {
            cx.error(&entry.path.key("fallback"), "an entry with `join: true` cannot be a fallback")
                .help("the code's fallback stays the one of the spec that lists the code: remove `fallback: true`, or `join: true` to make the code this spec's own");
        }
        if entry.codes.is_empty() {
            cx.error(&entry.path.key("join"), "`join: true` on an entry without a code")
                .help("a join adds a meaning to a code of a spec this one includes or extends: give the entry that code, or remove `join: true`");
        }
        for code in &entry.codes {
            let below = spec.entries.iter().any(|other| {
                !other.join && other.layer > entry.layer && other.codes.contains(code)
            });
            if !below {
                cx.error(&entry.path.key("code"), format!("`join: true`, but no spec this one includes or extends lists code {code}"))
                    .help("remove `join: true` to make the entry the code's own, or give the code of the entries it joins");
            }
        }
    }
}

/// A sub-code rule picks its entry before the message is read, so such an entry cannot be a
/// fallback, and two entries of one code cannot have the same rule.
fn sub_codes(spec: &Spec, cx: &mut Ctxt) {
    let mut seen: HashMap<(Vec<&Code>, String), &Entry> = HashMap::new();
    for entry in &spec.entries {
        let Some(rule) = &entry.sub_code else {
            continue;
        };
        if entry.fallback {
            cx.error(
                &entry.path.key("fallback"),
                "an entry with a `sub_code` cannot be a fallback",
            )
            .help("its sub-code chooses it; put `fallback: true` on an entry of the code without a `sub_code`");
        }
        let key = (entry.codes.iter().collect(), rule_key(rule));
        if let Some(first) = seen.insert(key, entry) {
            cx.error(
                &entry.path.key("sub_code"),
                format!(
                    "sub-code rule `{rule}` of `{}` is also that of `{}`, with the same code",
                    entry.name, first.name
                ),
            )
            .related(&first.path.key("sub_code"), "the first rule is")
            .help(
                "the later entry could never be chosen: give it another rule or code, or remove it",
            );
        }
    }
}

/// What two sub-code rules must differ in: their kind and literal text.
pub(crate) fn rule_key(rule: &SubCode) -> String {
    match rule {
        SubCode::Exact(code) => format!("={code}"),
        SubCode::Template(template) => format!("~{}", skeleton(template).join("{}")),
        SubCode::Prefix(prefix) => format!("*{prefix}"),
    }
}

/// Two templates with the same literal text under one code: the later can never win, unless
/// the two are documented for different endpoints (see [`twins`]).
fn distinct_templates(spec: &Spec, cx: &mut Ctxt) {
    for (code, first, later) in same_text(spec) {
        let (earlier, entry) = (&spec.entries[first], &spec.entries[later]);
        if earlier.endpoint != entry.endpoint {
            continue;
        }
        let which = match code {
            None => "another entry without a code".to_owned(),
            Some(code) => format!("an earlier entry of code {code}"),
        };
        cx.error(
            &entry.path.key("message"),
            format!(
                "message can never be matched: `{}` has the same text as {which}, `{}`",
                entry.name, earlier.name
            ),
        )
        .related(&earlier.path.key("message"), "the earlier message is")
        .help("make the messages differ (fields match any text, so only the literal text counts), or, if the source documents them for different endpoints, say so with `endpoint:` (then a lookup with the endpoint tells them apart)");
    }
}

/// Entries that share a code (or have none) and a message, documented for different
/// endpoints: a lookup with the endpoint tells them apart. Each pair comes both ways round.
pub fn twins(spec: &Spec) -> Vec<(usize, usize)> {
    same_text(spec)
        .into_iter()
        .filter(|&(_, a, b)| spec.entries[a].endpoint != spec.entries[b].endpoint)
        .flat_map(|(_, a, b)| [(a, b), (b, a)])
        .collect()
}

/// `(code, earlier, later)` for each entry with a template whose literal text an earlier
/// entry of the same code already has; `None` for entries without a code.
fn same_text(spec: &Spec) -> Vec<(Option<&Code>, usize, usize)> {
    let codeless = codeless(spec);
    let groups = entries_by_code(spec)
        .into_iter()
        .map(|(code, indices)| (Some(code), indices))
        .chain((!codeless.is_empty()).then_some((None, codeless)));
    let mut found = Vec::new();
    for (code, indices) in groups {
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        for index in indices {
            for template in &spec.entries[index].templates {
                match seen.get(&skeleton(template)) {
                    Some(&first) if first != index => found.push((code, first, index)),
                    Some(_) => {}
                    None => {
                        seen.insert(skeleton(template), index);
                    }
                }
            }
        }
    }
    found
}

/// The literal pieces of a template as the matcher compares them: the message is trimmed,
/// so the template's ends are too, and normalised.
pub fn skeleton(template: &Template) -> Vec<String> {
    let last = template.lits.len() - 1;
    template
        .lits
        .iter()
        .enumerate()
        .map(|(i, lit)| {
            let lit = if i == 0 { lit.trim_start() } else { lit };
            normalize(if i == last { lit.trim_end() } else { lit })
        })
        .collect()
}

/// `text` normalised char by char as the runtime normalises messages, with whitespace runs
/// collapsed to one space, as the runtime compares them.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(errcodes_layout::normalize) {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

fn names(spec: &Spec, indices: &[usize]) -> String {
    let mut names: Vec<&str> = indices
        .iter()
        .take(5)
        .map(|&i| spec.entries[i].name.as_str())
        .collect();
    if indices.len() > 5 {
        names.push("...");
    }
    names.join(", ")
}
