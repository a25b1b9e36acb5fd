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
pub mod ctxt;
pub mod encode;
mod load;
mod locate;
mod parse;
mod phf;
pub mod template;

use std::path::{Path, PathBuf};

pub use ast::Spec;
pub use check::skeleton;
pub use encode::{encode, Encoded};

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

impl Failure {
    fn new(reports: Vec<String>, stub: Option<Spec>) -> Self {
        Failure {
            reports,
            stub: stub.map(Box::new),
        }
    }
}

/// A spec read from a file.
#[derive(Debug)]
pub struct Loaded {
    /// The checked model.
    pub spec: Spec,
    /// The file's absolute path: editing it must rebuild the crate.
    pub absolute: PathBuf,
}

/// Reads, parses and checks the spec at `relative` to `base` (a crate's manifest
/// directory); `relative` names it in reports.
pub fn load(base: &Path, relative: &str) -> Result<Loaded, Failure> {
    let mut cx = ctxt::Ctxt::default();
    let Some(file) = load::load(base, relative, &mut cx) else {
        return Err(Failure::new(
            ctxt::render(&cx.into_problems(), relative, ""),
            None,
        ));
    };
    if !cx.is_empty() {
        return Err(Failure::new(
            ctxt::render(&cx.into_problems(), relative, &file.text),
            None,
        ));
    }
    let spec = read(&file.text, relative)?;
    Ok(Loaded {
        spec,
        absolute: file.absolute,
    })
}

/// Parses and checks a spec's text; `display` names it in reports.
pub fn read(text: &str, display: &str) -> Result<Spec, Failure> {
    let mut cx = ctxt::Ctxt::default();
    let spec = parse::parse(text, &mut cx);
    if let Some(spec) = &spec {
        check::check(spec, &mut cx);
    }
    match spec {
        Some(spec) if cx.is_empty() => Ok(spec),
        spec => Err(Failure::new(
            ctxt::render(&cx.into_problems(), display, text),
            spec.map(stub),
        )),
    }
}

/// The spec without entries: what stands in for a broken one.
#[must_use]
pub fn stub(spec: Spec) -> Spec {
    Spec {
        groups: Vec::new(),
        entries: Vec::new(),
        noise: Vec::new(),
        ..spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

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
            assert!(!encode(&loaded.spec).entries.is_empty());
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
