//! The spec front end of [errcodes](https://docs.rs/errcodes): load → parse → check, then
//! encode, on plain data. `errcodes-macros` turns the result into tokens and the `errcodes`
//! command reads it as it is, so both give exactly the same diagnostics (as `typify-impl`
//! serves `typify-macro` and `cargo-typify`).
//!
//! The format is documented in `specs/README.md` and on `errcodes::platform_errors!`. This
//! crate is versioned in lockstep with errcodes; its API follows the spec format.

#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]
#![allow(
    clippy::missing_errors_doc,
    clippy::module_name_repetitions,
    clippy::must_use_candidate,
    clippy::return_self_not_must_use
)]
#![cfg_attr(
    test,
    allow(
        clippy::needless_pass_by_value,
        clippy::cast_possible_wrap,
        clippy::format_collect
    )
)]

pub mod ast;
mod check;
mod compose;
pub mod ctxt;
pub mod encode;
mod feature;
mod load;
mod locate;
mod notes;
mod parse;
mod shadow;
mod shipped;
pub mod source;
pub mod template;

use std::path::{Path, PathBuf};

pub use ast::Spec;
pub use check::skeleton;
pub use encode::{encode, encode_with, Encoded};
pub use errcodes_layout::{path_text, Format};
pub use parse::{type_name_problem, MAX_WAIT};
pub use shipped::names as shipped_names;

use compose::{Origin, Session};
use ctxt::{Ctxt, Place};
use source::{FileId, Files};

/// Why a spec gave no model: the rendered problems (`path:line:column: message`, the line
/// quoted with a caret, then help) and, when the spec got far enough to name its enum, an
/// empty spec to stand in for it so that one mistake does not cascade.
#[derive(Debug)]
pub struct Failure {
    /// Every problem found, rendered as `rustc` renders its own.
    pub reports: Vec<String>,
    /// The spec without entries, when its enum name is valid.
    pub stub: Option<Box<Spec>>,
}

/// A spec read from files.
#[derive(Debug)]
pub struct Loaded {
    /// The checked model.
    pub spec: Spec,
    /// The absolute path of every file of the spec, the one named first: editing any of
    /// them must rebuild the crate.
    pub tracked: Vec<PathBuf>,
    /// Every file read, for [`Loaded::notes`].
    files: Files,
}

impl Loaded {
    /// What composing the spec shadowed ([`Spec::shadowings`]), each rendered as a problem
    /// is, with both places; not those between two shipped specs, which are errcodes' own.
    /// Rendering reads the files again, so only a tool that shows them pays for it.
    pub fn notes(&self) -> Vec<String> {
        notes::notes(&self.spec, &self.files)
    }

    /// For a spec whose envelope reads XML (`format: xml` or `auto`), the report to give
    /// where errcodes' feature `xml` is off: `path:line:column` of its `format`, the line
    /// quoted, how to enable it. `None` for a spec that reads JSON.
    pub fn xml_feature_report(&self) -> Option<String> {
        feature::xml(&self.spec, &self.files)
    }
}

/// Reads, parses, composes and checks the spec at `relative` to `base` (a crate's manifest
/// directory); `relative` names it in reports.
pub fn load(base: &Path, relative: &str) -> Result<Loaded, Failure> {
    let mut files = Files::default();
    let mut cx = Ctxt::default();
    let root = files.add(relative, "");
    let absolute = base.join(relative);
    let missing = (
        "the spec file does not exist",
        "the path is relative to the directory of your crate's Cargo.toml (CARGO_MANIFEST_DIR); check the spelling and that the file is there",
    );
    let text = load::check_root(relative, &absolute, root, &mut cx)
        .then(|| load::read(&absolute, root, &Place::File(root), missing, &mut cx))
        .flatten();
    let Some(text) = text else {
        return Err(failure(&cx.into_problems(), &files, None));
    };
    files.set_text(root, text.clone());
    let canonical = absolute.canonicalize().unwrap_or_else(|_| absolute.clone());
    let (spec, mut tracked) = compose(&text, root, Origin::Disk(canonical), &mut files, &mut cx);
    tracked.insert(0, absolute);
    let spec = finish(spec, &files, cx)?;
    Ok(Loaded {
        spec,
        tracked,
        files,
    })
}

/// Parses, composes and checks a spec's text; `display` names it in reports, and the files
/// it includes are found relative to it.
pub fn read(text: &str, display: &str) -> Result<Spec, Failure> {
    let mut files = Files::default();
    let mut cx = Ctxt::default();
    let root = files.add(display, text);
    let origin = Origin::Disk(std::env::current_dir().unwrap_or_default().join(display));
    let (spec, _) = compose(text, root, origin, &mut files, &mut cx);
    finish(spec, &files, cx)
}

/// Composes and checks the spec errcodes ships as `name` (`wechat_shop`); `None` when
/// there is none of that name.
pub fn read_shipped(name: &str) -> Option<Result<Spec, Failure>> {
    let text = shipped::text(name)?;
    let mut files = Files::default();
    let mut cx = Ctxt::default();
    let root = files.add(shipped::display(name), text);
    let origin = Origin::Shipped(name.to_owned());
    let (spec, _) = compose(text, root, origin, &mut files, &mut cx);
    Some(finish(spec, &files, cx))
}

fn compose(
    text: &str,
    root: FileId,
    origin: Origin,
    files: &mut Files,
    cx: &mut Ctxt,
) -> (Option<Spec>, Vec<PathBuf>) {
    let mut session = Session::new(files, cx);
    let spec = session.compose(text, root, origin);
    (spec, session.tracked)
}

/// Checks a composed spec: the spec, or every problem found on the way.
fn finish(spec: Option<Spec>, files: &Files, mut cx: Ctxt) -> Result<Spec, Failure> {
    if let Some(spec) = &spec {
        check::check(spec, &mut cx);
    }
    match spec {
        Some(spec) if cx.is_empty() => Ok(spec),
        // A missing or invalid enum name is left empty: then there is nothing to stand in.
        spec => {
            let named = spec.filter(|spec| !spec.enum_name.is_empty());
            Err(failure(&cx.into_problems(), files, named))
        }
    }
}

fn failure(problems: &[ctxt::Problem], files: &Files, stub_of: Option<Spec>) -> Failure {
    Failure {
        reports: ctxt::render(problems, files),
        stub: stub_of.map(stub).map(Box::new),
    }
}

/// The spec without entries: what stands in for a broken one.
#[must_use]
pub fn stub(spec: Spec) -> Spec {
    Spec {
        groups: Vec::new(),
        entries: Vec::new(),
        noise: Vec::new(),
        shadowings: Vec::new(),
        fallbacks_left_out: std::collections::BTreeMap::new(),
        ..spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// And its codes (integers, and text codes' keys) take one multiply: the faster
    /// placement (see BENCHMARKS.md), which a spec change could lose without another
    /// failure.
    #[test]
    fn every_shipped_spec_loads_and_encodes() {
        let dir = specs_dir().join("specs");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("specs/") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|ext| ext != "yaml") {
                continue;
            }
            let relative = format!(
                "specs/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let loaded = load(&specs_dir(), &relative)
                .unwrap_or_else(|failure| panic!("{relative}:\n{}", failure.reports.join("\n")));
            let encoded =
                encode(&loaded.spec).unwrap_or_else(|error| panic!("{relative}: {error}"));
            let view = errcodes_layout::View::new(&encoded.text, &encoded.bytes);
            assert!(!view.is_empty());
            for index in [view.int_index(), view.str_index()] {
                let multiply = matches!(index, errcodes_layout::IntIndex::Multiply { .. });
                assert!(multiply, "{relative}: {index:?}");
            }
            seen += 1;
        }
        assert!(seen >= 5, "found {seen} specs");
    }

    const BROKEN: &str = "\
platform: Demo
enum: demo_error
title: Demo
source: x
unknown_retry: sometimes
groups:
  - id: general
    title: General
    retry: permanent
    errors:
      - code: 1
        name: First
        mesage: typo
      - code: 1
        name: First
        message: \"{unclosed\"
";

    #[test]
    fn every_problem_is_reported_in_one_pass() {
        let Failure { reports, stub } = read(BROKEN, "demo.yaml").expect_err("broken spec");
        let expected = [
            "demo.yaml:1:11: platform `Demo` is not snake_case",
            "demo.yaml:2:7: enum name `demo_error` is not UpperCamelCase",
            "demo.yaml:5:16: unknown retry class `sometimes`",
            "demo.yaml:13:9: unknown key `mesage` in an entry",
            "demo.yaml:11:9: an entry is missing `message`",
            "demo.yaml:16:18: invalid message template: unclosed `{`",
            // Checked though the enum name is invalid and an entry is incomplete.
            "demo.yaml:15:15: duplicate name `First`",
            "demo.yaml:11:15: code 1 has 2 entries but none is marked `fallback: true`",
        ];
        for (report, expected) in reports.iter().zip(&expected) {
            assert!(
                report.starts_with(expected),
                "{report}\n  should start with {expected}"
            );
        }
        assert_eq!(reports.len(), expected.len(), "{reports:#?}");
        assert!(stub.is_none(), "no stub without a valid enum name");
    }

    /// Every required key missing somewhere, and duplicates beside them.
    const INCOMPLETE: &str = "\
title: Demo
source: x
unknown_retry: permanent
envelope: {message: errmsg, success: [1]}
groups:
  - id: general
    retry: permanent
    errors:
      - code: 1
        name: First
        message: first
      - code: 1
        name: First
        message: second
      - name: NoCode
        message: no code
        fallback: true
      - code: 2
        message: nameless
        sub_code: \"a*b\"
  - id: general
    title: Again
    errors:
      - code: 3
        name: Third
        message: third
";

    #[test]
    fn a_missing_key_stops_only_the_checks_that_need_it() {
        let Failure { reports, stub } = read(INCOMPLETE, "demo.yaml").expect_err("problems");
        let firsts: Vec<&str> = reports.iter().filter_map(|r| r.lines().next()).collect();
        assert_eq!(
            firsts,
            [
                "demo.yaml:1:1: the spec is missing `platform`",
                "demo.yaml:1:1: the spec is missing `enum`",
                "demo.yaml:4:11: the envelope is missing `code`",
                "demo.yaml:6:5: a group is missing `title`",
                "demo.yaml:15:9: an entry is missing `code`",
                "demo.yaml:18:9: an entry is missing `name`",
                "demo.yaml:20:19: `*` may only end a sub-code rule, but `a*b` has it elsewhere",
                "demo.yaml:24:9: entry has no retry class",
                "demo.yaml:21:9: duplicate group id `general`",
                "demo.yaml:13:15: duplicate name `First`",
                "demo.yaml:9:15: code 1 has 2 entries but none is marked `fallback: true`",
                "demo.yaml:4:39: success code 1 is also the code of entry `First`",
            ]
        );
        // Not read as an entry without a code, which could not be a fallback.
        assert!(!reports.iter().any(|r| r.contains("cannot be a fallback")));
        assert!(stub.is_none(), "no stub without an enum name");
    }

    #[test]
    fn semantic_problems_point_at_the_entry() {
        let text = BROKEN
            .replace("platform: Demo", "platform: demo")
            .replace("enum: demo_error", "enum: DemoError")
            .replace("sometimes", "permanent")
            .replace("mesage", "message")
            .replace("\"{unclosed\"", "second");
        let Failure { reports, stub } = read(&text, "demo.yaml").expect_err("duplicates");
        assert!(
            reports[0].starts_with("demo.yaml:15:15: duplicate name `First`"),
            "{reports:#?}"
        );
        assert!(
            reports[0].contains("first used at demo.yaml:12:15"),
            "{}",
            reports[0]
        );
        assert!(
            reports[1].starts_with(
                "demo.yaml:11:15: code 1 has 2 entries but none is marked `fallback: true`"
            ),
            "{reports:#?}"
        );
        let stub = stub.expect("a stub stands in for the broken enum");
        assert_eq!(stub.enum_name, "DemoError");
        assert!(stub.entries.is_empty());
    }
}
