//! What composing a spec shadowed, said to the people who maintain it: one note for each
//! code, name, message, sub-code rule or group id that an earlier layer took from a later
//! one.

use crate::ast::{Shadowed, Shadowing, Site, Spec};
use crate::ctxt::{self, Place, Problem};
use crate::shadow;
use crate::source::Files;

/// The notes of `spec`, rendered as its problems are (`path:line:column: message`, the line
/// quoted, the other place, then help). A shadowing between two shipped specs is errcodes'
/// own choice, said in their notes, and is left out.
pub fn notes(spec: &Spec, files: &Files) -> Vec<String> {
    spec.shadowings
        .iter()
        .filter(|found| {
            let shipped = |layer: usize| spec.layers.get(layer).is_some_and(|layer| layer.shipped);
            !(shipped(found.kept.layer) && shipped(found.lost.layer))
        })
        .map(|found| ctxt::render_one(&note(spec, found), files))
        .collect()
}

/// What leaving out `lost` does to the codes it was the fallback of, said after the note.
fn orphaned(spec: &Spec, lost: &Site) -> String {
    let codes: Vec<String> = spec
        .fallbacks_left_out
        .iter()
        .filter(|(_, site)| *site == lost)
        .map(|(code, _)| format!("`from_code({code})`"))
        .collect();
    if codes.is_empty() {
        return String::new();
    }
    format!(
        "; it was a fallback, so {} now gives `Unknown` (the code's other entries stay)",
        codes.join(" and ")
    )
}

fn note(spec: &Spec, found: &Shadowing) -> Problem {
    let (kept, lost) = (&found.kept, &found.lost);
    let file = spec
        .layers
        .get(lost.layer)
        .map_or("", |layer| layer.file.as_str());
    let left_out = !spec
        .entries
        .iter()
        .any(|entry| entry.name == lost.name && entry.layer == lost.layer);
    let lost_name = &lost.name;
    let (message, related, help) = match &found.what {
        Shadowed::Code(code) if left_out => (
            format!("`{lost_name}` of {file}, a later layer, is left out: this entry has its code {code}"),
            "the entry left out is",
            "a code belongs to the first layer that lists it; to keep both entries, remove the code from one of them",
        ),
        Shadowed::Code(code) => (
            format!("`{lost_name}` of {file}, a later layer, loses its code {code}: this entry has it"),
            "the entry that loses the code is",
            "a code belongs to the first layer that lists it; to let the other entry have it, remove it from this one",
        ),
        Shadowed::Name(_) => (
            format!("`{lost_name}` of {file}, a later layer, is left out: this entry has its name"),
            "the entry left out is",
            "a name belongs to the first layer that defines it; to keep both entries, rename one of them",
        ),
        Shadowed::Message(message) => (
            format!("`{lost_name}` of {file}, a later layer, is left out: this entry has no code either, and its message {message:?}"),
            "the entry left out is",
            "the message of an entry without a code belongs to the first layer that has it; to keep both entries, make the messages differ",
        ),
        Shadowed::SubCode(rule) => (
            format!("`{lost_name}` of {file}, a later layer, is left out: this entry has its sub-code rule `{rule}`, with the same codes"),
            "the entry left out is",
            "a sub-code rule belongs to the first layer that has it; to keep both entries, make the rules or the codes differ",
        ),
        Shadowed::Joined(code, message) => (
            format!("`{lost_name}` of {file}, a later layer, is left out: this join gives code {code} its message {message:?}"),
            "the entry left out is",
            "a message of a code belongs to the first layer that gives it; to keep both entries, make the messages differ",
        ),
        Shadowed::Group(_) => (
            format!("group `{lost_name}` of {file}, a later layer, is part of this one: one group, with this one's title"),
            "the group merged into this one is",
            "a group id belongs to the first layer that defines it; to keep the groups apart, rename one of them",
        ),
    };
    Problem {
        place: Place::Node(shadow::at(kept, &found.what)),
        message: match found.what {
            // What leaves out a fallback: its codes stay, with no meaning alone.
            Shadowed::Name(_) | Shadowed::Joined(..) => message + &orphaned(spec, lost),
            _ => message,
        },
        help: Some(help.to_owned()),
        related: Some((shadow::at(lost, &found.what), related.to_owned())),
    }
}
