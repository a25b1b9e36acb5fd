//! The whole pipeline on `proc_macro2` tokens: input → load → parse → check → expand.

use std::path::Path;

use proc_macro2::TokenStream;
use syn::LitStr;

use crate::ast::Spec;
use crate::ctxt::{render, Ctxt};
use crate::expand::{expand, Source};
use crate::{check, load, parse};

/// Expands `platform_errors!(input)` for a crate whose manifest is in `manifest_dir`.
pub fn platform_errors(input: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let lit: LitStr = match syn::parse2(input) {
        Ok(lit) => lit,
        Err(error) => {
            return syn::Error::new(
                error.span(),
                "expected the path of a YAML spec, relative to your Cargo.toml: `platform_errors!(\"specs/wechat_shop.yaml\")`",
            )
            .to_compile_error();
        }
    };
    let Some(manifest_dir) = manifest_dir else {
        return syn::Error::new(
            lit.span(),
            "CARGO_MANIFEST_DIR is not set; build with cargo",
        )
        .to_compile_error();
    };
    let relative = lit.value();
    match compile(manifest_dir, &relative) {
        Ok(tokens) => tokens,
        Err(Failure { reports, stub }) => {
            let errors = reports
                .into_iter()
                .map(|report| syn::Error::new(lit.span(), report).to_compile_error());
            let stub = stub.map(|spec| {
                expand(
                    &spec,
                    &Source {
                        absolute: None,
                        display: &relative,
                    },
                )
            });
            quote::quote!(#(#errors)* #stub)
        }
    }
}

/// Why a spec gave no expansion: the rendered problems and, when the spec got far enough to
/// name its enum, an empty spec to expand in its place so that one mistake does not cascade.
#[derive(Debug)]
pub struct Failure {
    pub reports: Vec<String>,
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

/// The expansion, or the rendered problems and, when the spec got far enough to name its
/// enum, an empty spec to expand in its place so that one mistake does not cascade.
pub fn compile(manifest_dir: &Path, relative: &str) -> Result<TokenStream, Failure> {
    let mut cx = Ctxt::default();
    let Some(loaded) = load::load(manifest_dir, relative, &mut cx) else {
        return Err(Failure::new(
            render(&cx.into_problems(), relative, ""),
            None,
        ));
    };
    if !cx.is_empty() {
        return Err(Failure::new(
            render(&cx.into_problems(), relative, &loaded.text),
            None,
        ));
    }
    let spec = read(&loaded.text, relative)?;
    let Some(absolute) = loaded.absolute.to_str() else {
        return Err(Failure::new(
            vec![format!(
                "{relative}: the spec's absolute path is not valid UTF-8; move it to a UTF-8 path"
            )],
            Some(stub(spec)),
        ));
    };
    Ok(expand(
        &spec,
        &Source {
            absolute: Some(absolute),
            display: relative,
        },
    ))
}

/// Parses and checks a spec's text; `display` names it in reports.
pub fn read(text: &str, display: &str) -> Result<Spec, Failure> {
    let mut cx = Ctxt::default();
    let spec = parse::parse(text, &mut cx);
    if let Some(spec) = &spec {
        check::check(spec, &mut cx);
    }
    match spec {
        Some(spec) if cx.is_empty() => Ok(spec),
        spec => Err(Failure::new(
            render(&cx.into_problems(), display, text),
            spec.map(stub),
        )),
    }
}

fn stub(spec: Spec) -> Spec {
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
    fn every_shipped_spec_expands_to_valid_rust() {
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
            let tokens = compile(&specs_dir(), &relative)
                .unwrap_or_else(|failure| panic!("{relative}:\n{}", failure.reports.join("\n")));
            syn::parse2::<syn::File>(tokens).expect("the expansion parses as Rust items");
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

    #[test]
    fn a_broken_spec_expands_to_errors_and_a_stub() {
        let dir = std::env::temp_dir().join(format!("errcodes-generate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("broken.yaml"),
            BROKEN
                .replace("platform: Demo", "platform: demo")
                .replace("enum: demo_error", "enum: DemoError"),
        )
        .expect("write");
        let tokens = platform_errors(quote::quote!("broken.yaml"), Some(&dir)).to_string();
        assert!(tokens.contains("compile_error"), "{tokens}");
        assert!(
            tokens.contains("broken.yaml:13:9: unknown key `mesage`"),
            "{tokens}"
        );
        assert!(
            tokens.contains("pub enum DemoError"),
            "a stub enum keeps later errors away"
        );
        let missing = platform_errors(quote::quote!("nope.yaml"), Some(&dir)).to_string();
        assert!(
            missing.contains("the spec file does not exist"),
            "{missing}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_input_must_be_a_string_literal() {
        let tokens = platform_errors(quote::quote!(specs::demo), Some(Path::new("."))).to_string();
        assert!(
            tokens.contains("expected the path of a YAML spec"),
            "{tokens}"
        );
    }
}
