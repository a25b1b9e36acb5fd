//! Rows that share a code: a repeated message is merged into its first row (the spec could
//! never reach the second), and one row of every shared code is its `fallback`: the first
//! row of the code in table order, where pages put the general meaning before the
//! special ones.

use std::collections::HashMap;

use errcodes_spec::ast::Template;

use crate::import::codes::Code;
use crate::import::problem::Problem;
use crate::import::spec::Entry;

/// What the generated enum cannot tell apart: one code (or none), the message's literal
/// text as `classify` compares it, and the endpoint.
type Key = (Option<Code>, Vec<String>, Option<String>);

/// Takes from each row the codes for which an earlier row has the same message; a row left
/// with none is merged into the note of that earlier row.
pub fn merge_repeats(entries: &mut Vec<Entry>) {
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
    for mut entry in entries.drain(..) {
        let skeleton = skeleton(&entry.lits);
        let key = |code: &Option<Code>, endpoint: &Option<String>| {
            (code.clone(), skeleton.clone(), endpoint.clone())
        };
        let codes = codes_or_none(&entry);
        let first = codes
            .iter()
            .find_map(|code| seen.get(&key(code, &entry.endpoint)).copied());
        if let Some(first) = first {
            let (fresh, taken): (Vec<_>, Vec<_>) = codes
                .into_iter()
                .partition(|code| !seen.contains_key(&key(code, &entry.endpoint)));
            if fresh.is_empty() {
                let note = repeat_note(&entry);
                kept[first].notes.push(note);
                continue;
            }
            let taken: Vec<String> = taken
                .into_iter()
                .flatten()
                .map(|code| code.to_string())
                .collect();
            entry.codes = fresh.into_iter().flatten().collect();
            entry.notes.push(format!(
                "the source also gives this row code {}, left to the row at line {} with the same message",
                taken.join(", "),
                kept[first].line
            ));
        }
        for code in codes_or_none(&entry) {
            seen.insert(key(&code, &entry.endpoint), kept.len());
        }
        kept.push(entry);
    }
    *entries = kept;
}

fn codes_or_none(entry: &Entry) -> Vec<Option<Code>> {
    if entry.codes.is_empty() {
        vec![None]
    } else {
        entry.codes.iter().cloned().map(Some).collect()
    }
}

/// What the merged row said, so that nothing of it is lost.
fn repeat_note(merged: &Entry) -> String {
    let said: Vec<String> = merged
        .hint
        .iter()
        .map(|hint| format!("hint: {hint}"))
        .chain(
            merged
                .http_status
                .map(|status| format!("HTTP status: {status}")),
        )
        .chain(merged.notes.iter().cloned())
        .collect();
    if said.is_empty() {
        format!("the source repeats this row at line {}", merged.line)
    } else {
        format!(
            "the source repeats this row at line {} ({})",
            merged.line,
            said.join("; ")
        )
    }
}

/// Marks the first row of each shared code, unless a row with several codes already is its
/// fallback; fails when every row of a code would be a second fallback of another code.
pub fn choose(entries: &mut [Entry]) -> Result<(), Problem> {
    let mut order: Vec<Code> = Vec::new();
    let mut rows: HashMap<Code, Vec<usize>> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        for code in &entry.codes {
            rows.entry(code.clone())
                .or_insert_with(|| {
                    order.push(code.clone());
                    Vec::new()
                })
                .push(i);
        }
    }
    let shared = |code: &Code| rows[code].len() > 1;
    let has_one = |code: &Code, fallback: &[bool]| rows[code].iter().any(|&i| fallback[i]);
    let mut fallback = vec![false; entries.len()];
    for code in order.iter().filter(|code| shared(code)) {
        if has_one(code, &fallback) {
            continue;
        }
        let pick = rows[code].iter().copied().find(|&i| {
            entries[i]
                .codes
                .iter()
                .all(|other| !shared(other) || !has_one(other, &fallback))
        });
        let Some(pick) = pick else {
            return Err(Problem::at(
                entries[rows[code][0]].line,
                format!("code {code} needs one row as its fallback, but each of its rows has another code that already has one; give these rows one code each"),
            ));
        };
        fallback[pick] = true;
    }
    for (entry, fallback) in entries.iter_mut().zip(fallback) {
        entry.fallback = fallback;
    }
    Ok(())
}

/// The literal pieces of a template as `classify` compares them: the spec front end's own
/// skeleton, so the importer merges exactly the rows the generated enum could not tell apart.
fn skeleton(lits: &[String]) -> Vec<String> {
    if lits.is_empty() {
        return Vec::new();
    }
    errcodes_spec::skeleton(&Template {
        lits: lits.to_vec(),
        fields: vec![String::new(); lits.len() - 1],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(line: usize, codes: &[i64], lits: &[&str]) -> Entry {
        Entry {
            line,
            group: 0,
            codes: codes.iter().map(|&code| Code::Int(code)).collect(),
            name: format!("Row{line}"),
            message: lits.join("{f}"),
            lits: lits.iter().map(|&lit| lit.to_owned()).collect(),
            words: String::new(),
            hint: Some(format!("hint {line}")),
            fallback: false,
            http_status: None,
            endpoint: None,
            scene: None,
            notes: Vec::new(),
        }
    }

    fn fallbacks(entries: &[Entry]) -> Vec<usize> {
        entries
            .iter()
            .filter(|entry| entry.fallback)
            .map(|entry| entry.line)
            .collect()
    }

    #[test]
    fn the_first_row_of_a_shared_code_is_its_fallback() {
        let mut entries = vec![
            entry(1, &[100], &["a"]),
            entry(2, &[1], &["b"]),
            entry(3, &[100], &["c"]),
            entry(4, &[1], &["d"]),
            entry(5, &[7], &["e"]),
        ];
        choose(&mut entries).expect("fallbacks");
        assert_eq!(fallbacks(&entries), [1, 2]);
    }

    #[test]
    fn a_row_of_several_codes_serves_each_of_them() {
        let mut entries = vec![
            entry(1, &[5], &["a"]),
            entry(2, &[5, 6], &["b"]),
            entry(3, &[6], &["c"]),
        ];
        choose(&mut entries).expect("fallbacks");
        assert_eq!(fallbacks(&entries), [1, 3]);
        let mut entries = vec![
            entry(1, &[5, 6], &["a"]),
            entry(2, &[6, 7], &["b"]),
            entry(3, &[5, 7], &["c"]),
        ];
        let problem = choose(&mut entries).expect_err("no way to choose");
        assert_eq!(problem.line, 2);
    }

    #[test]
    fn repeated_messages_merge_as_the_matcher_compares_them() {
        let mut entries = vec![
            entry(1, &[100], &["货品 ", " 重复!"]),
            entry(2, &[100], &["货品  ", " 重复！ "]),
            entry(3, &[100, 200], &["货品 ", " 重复!"]),
            entry(4, &[200], &["other"]),
        ];
        merge_repeats(&mut entries);
        let lines: Vec<usize> = entries.iter().map(|entry| entry.line).collect();
        assert_eq!(lines, [1, 3, 4]);
        assert_eq!(
            entries[0].notes,
            ["the source repeats this row at line 2 (hint: hint 2)"]
        );
        assert_eq!(entries[1].codes, [Code::Int(200)]);
        assert!(
            entries[1].notes[0].contains("code 100, left to the row at line 1"),
            "{:?}",
            entries[1].notes
        );
    }
}
