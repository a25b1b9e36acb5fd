//! `errcodes check` gives exactly the diagnostics `platform_errors!` gives: on every bad
//! spec of the compile-fail suite (`tests/ui/`), its reports are the compiler's errors.

mod support;

use std::fs;

use support::{errcodes, json, root, status, stderr, stdout};

/// Where rustc's `error: ` ends: it indents a message's later lines by as much.
const INDENT: &str = "       ";

/// The errors of a compile-fail case's expected output, each from after `error: ` up to its
/// ` --> ` line, later lines unindented.
fn compiler_errors(stderr: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in stderr.lines() {
        if let Some(first) = line.strip_prefix("error: ") {
            current = Some(vec![first]);
        } else if line.starts_with(" --> ") {
            if let Some(lines) = current.take() {
                errors.push(lines.join("\n"));
            }
        } else if let Some(lines) = &mut current {
            lines.push(line.strip_prefix(INDENT).unwrap_or(line));
        }
    }
    errors
}

/// `(spec path, expected output)` of each compile-fail case whose macro call is a path
/// alone: the cases about the macro's other input report nothing about their spec.
fn ui_cases() -> Vec<(String, String)> {
    let dir = root().join("tests/ui");
    let mut cases = Vec::new();
    for entry in fs::read_dir(&dir).expect("tests/ui") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        let source = fs::read_to_string(&path).expect("a case");
        let spec = source.lines().find_map(|line| {
            line.trim()
                .strip_prefix("errcodes::platform_errors!(\"")?
                .strip_suffix("\");")
                .map(str::to_owned)
        });
        if let Some(spec) = spec {
            let expected = fs::read_to_string(path.with_extension("stderr")).expect("its .stderr");
            cases.push((spec, expected));
        }
    }
    cases.sort();
    cases
}

#[test]
fn every_bad_spec_of_the_ui_suite_gives_the_compilers_errors() {
    let cases = ui_cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for (spec, expected) in &cases {
        if !root().join(spec).exists() {
            // The command words a missing file its own way (`cli.rs`): its paths are
            // relative to the current directory, not to a Cargo.toml.
            continue;
        }
        let out = errcodes(&["check", spec, "--format", "json"]);
        assert_eq!(status(&out), 1, "{spec}: {}", stderr(&out));
        let checked = json(&out);
        let reports: Vec<String> = checked["specs"][0]["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|problem| problem["report"].as_str().expect("a report"))
            // rustc shows a tab as four spaces.
            .map(|report| report.replace('\t', "    "))
            .collect();
        assert_eq!(reports, compiler_errors(expected), "{spec}");
    }
}

#[test]
fn text_output_is_the_compilers_without_the_macro_call() {
    let spec = "tests/ui/specs/missing-keys-all-at-once.yaml";
    let out = errcodes(&["check", spec]);
    assert_eq!(status(&out), 1);
    assert!(stdout(&out).is_empty());
    let expected = fs::read_to_string(root().join("tests/ui/missing-keys-all-at-once.stderr"))
        .expect("the .stderr");
    let without_call: String = expected
        .split("\n\n")
        .map(|error| error.split("\n --> ").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(
        stderr(&out),
        format!("{without_call}\n\n4 problems in 1 of 1 spec\n")
    );
}

#[test]
fn clean_specs_pass_with_their_entry_counts() {
    let specs = [
        "specs/wechat_shop.yaml",
        "specs/wechat_transaction.yaml",
        "specs/wangdiantong.yaml",
        "specs/tiktok_local_services.yaml",
        "specs/aliexpress.yaml",
    ];
    let out = errcodes(&[&["check"][..], &specs].concat());
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    // With the global tables they include: 101 + WeChat's 172; 146 + 172 less the 7 codes
    // the transaction table lists too, each a note; 56 + TikTok's 7; 14 + TOP's 32.
    let warned = stderr(&out);
    let notes: Vec<&str> = warned
        .lines()
        .filter(|line| line.starts_with("note: "))
        .collect();
    assert_eq!(notes.len(), 7, "{warned}");
    assert!(notes[0].starts_with(
        "note: specs/wechat_transaction.yaml:24:15: `DailyQuotaReached` of <errcodes>/specs/wechat_global.yaml, a later layer, is left out: this entry has its code 45009"
    ), "{}", notes[0]);
    assert_eq!(
        stdout(&out),
        "specs/wechat_shop.yaml: ok, 273 entries\n\
         specs/wechat_transaction.yaml: ok, 311 entries, 7 notes\n\
         specs/wangdiantong.yaml: ok, 80 entries\n\
         specs/tiktok_local_services.yaml: ok, 63 entries\n\
         specs/aliexpress.yaml: ok, 46 entries\n"
    );
}

#[test]
fn json_gives_each_problems_place_and_one_bad_spec_fails_the_run() {
    let out = errcodes(&[
        "check",
        "specs/aliexpress.yaml",
        "tests/ui/specs/fallback-missing.yaml",
        "tests/ui/specs/no-such-spec.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(status(&out), 1);
    let checked = json(&out);
    assert_eq!(checked["ok"], false);
    let specs = checked["specs"].as_array().expect("specs");
    assert_eq!(specs[0]["ok"], true);
    assert_eq!(specs[0]["entries"], 46);
    assert_eq!(specs[0]["problems"], serde_json::json!([]));
    let problem = &specs[1]["problems"][0];
    assert_eq!(specs[1]["path"], "tests/ui/specs/fallback-missing.yaml");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(11), Some(15))
    );
    assert_eq!(
        problem["message"],
        "code 100 has 2 entries but none is marked `fallback: true`"
    );
    let missing = &specs[2]["problems"][0];
    assert_eq!(missing["line"], serde_json::Value::Null);
    assert_eq!(
        missing["message"],
        "no such spec file `tests/ui/specs/no-such-spec.yaml`; give the spec's path, relative to the current directory"
    );
}

/// A spec that names an entry as a shipped spec it extends does: the shipped entry is left
/// out, the spec is clean, and the note says so with both places.
#[test]
fn a_shadowed_entry_is_a_note_that_leaves_the_spec_clean() {
    let spec = "tests/ui/specs/extends-shadowing.yaml";
    let out = errcodes(&["check", spec]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{spec}: ok, 311 entries, 1 note\n"));
    let note = stderr(&out);
    assert!(
        note.starts_with(&format!(
            "note: {spec}:11:15: `AccessTokenExpired` of <errcodes>/specs/wechat_global.yaml, a later layer, is left out: this entry has its name\n"
        )),
        "{note}"
    );
    assert!(
        note.contains(
            "= note: the entry left out is at <errcodes>/specs/wechat_global.yaml:208:15"
        ),
        "{note}"
    );

    let out = errcodes(&["check", spec, "--format", "json"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let checked = json(&out);
    assert_eq!(checked["ok"], true);
    let notes = checked["specs"][0]["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0]["line"].as_u64(), notes[0]["column"].as_u64()),
        (Some(11), Some(15))
    );
    assert!(notes[0]["message"]
        .as_str()
        .is_some_and(|message| message.starts_with("`AccessTokenExpired` of <errcodes>")));
    assert_eq!(checked["specs"][0]["problems"], serde_json::json!([]));
}

#[test]
fn without_a_spec_it_is_a_usage_error() {
    let out = errcodes(&["check"]);
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).contains("<SPEC>..."), "{}", stderr(&out));
}
