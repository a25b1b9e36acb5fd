//! The whole pipeline on `proc_macro2` tokens: input → `errcodes_spec` (load → parse →
//! check) → expand.

use std::path::Path;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

use crate::expand::{expand, Source};
use crate::spec;

/// `"specs/x.yaml"`, optionally followed by `, crate = path::to::errcodes`.
struct Input {
    path: LitStr,
    krate: Option<syn::Path>,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the path of a YAML spec, relative to your Cargo.toml: `platform_errors!(\"specs/wechat_shop.yaml\")`",
            )
        })?;
        let mut krate = None;
        if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
            let key: Token![crate] = input.parse().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected `crate = path`, the path of errcodes re-exported by your crate: `platform_errors!(\"specs/x.yaml\", crate = my_sdk::errcodes)`",
                )
            })?;
            input.parse::<Token![=]>()?;
            krate = Some(input.parse().map_err(|error| {
                syn::Error::new(
                    key.span,
                    format!("expected a path after `crate =`: {error}"),
                )
            })?);
            input.parse::<Option<Token![,]>>()?;
        }
        if !input.is_empty() {
            return Err(input.error(
                "unexpected input: the macro takes a path and, optionally, `crate = path`",
            ));
        }
        Ok(Input { path, krate })
    }
}

/// Where the expansion goes.
#[derive(Clone, Copy)]
pub enum Output<'a> {
    /// A macro call's: editing a file of the spec rebuilds the calling crate.
    Macro,
    /// A file kept in a repository, which has no call site to rebuild; the table's bytes are
    /// included from the file `bytes` beside it, which rustc reads faster than the literal.
    #[cfg_attr(not(test), allow(dead_code))]
    Kept { bytes: &'a str },
}

/// Expands `platform_errors!(input)` for a crate whose manifest is in `manifest_dir`.
pub fn platform_errors(
    input: TokenStream,
    manifest_dir: Option<&Path>,
    output: Output<'_>,
) -> TokenStream {
    let Input { path, krate } = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let krate = krate.map_or_else(|| quote!(::errcodes), |path| path.to_token_stream());
    let Some(manifest_dir) = manifest_dir else {
        return syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set; build with cargo",
        )
        .to_compile_error();
    };
    let relative = path.value();
    let failure = match spec::load(manifest_dir, &relative) {
        Ok(loaded) => {
            let tracked: Option<Vec<String>> = loaded
                .tracked
                .iter()
                .map(|file| file.to_str().map(str::to_owned))
                .collect();
            let Some(tracked) = tracked else {
                let message = format!(
                    "{relative}: the absolute path of a file of the spec is not valid UTF-8; move it to a UTF-8 path"
                );
                return syn::Error::new(path.span(), message).to_compile_error();
            };
            let (tracked, bytes) = match output {
                Output::Macro => (tracked.as_slice(), None),
                Output::Kept { bytes } => (&[][..], Some(bytes)),
            };
            let source = Source {
                tracked,
                bytes,
                stub: false,
                display: &relative,
                krate: &krate,
            };
            // Where the facade's feature `xml` is off, its `xml_bodies!` is this report as
            // a compile error.
            let xml = loaded
                .xml_feature_report()
                .map(|report| quote!(#krate::__private::xml_bodies!(#report);));
            let expanded = expand(&loaded.spec, &source);
            return quote!(#expanded #xml);
        }
        Err(failure) => failure,
    };
    let errors = failure
        .reports
        .iter()
        .map(|report| syn::Error::new(path.span(), report).to_compile_error());
    let stub = failure.stub.map(|spec| {
        let source = Source {
            tracked: &[],
            bytes: None,
            stub: true,
            display: &relative,
            krate: &krate,
        };
        expand(&spec, &source)
    });
    quote!(#(#errors)* #stub)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = "\
platform: demo
enum: DemoError
title: Demo
source: x
unknown_retry: permanent
groups:
  - id: general
    title: General
    retry: permanent
    errors:
      - code: 1
        name: First
        mesage: typo
";

    fn temp_dir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("errcodes-generate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn a_broken_spec_expands_to_errors_and_a_stub() {
        let dir = temp_dir();
        std::fs::write(dir.join("broken.yaml"), BROKEN).expect("write");
        let tokens = platform_errors(quote!("broken.yaml"), Some(&dir), Output::Macro).to_string();
        assert!(tokens.contains("compile_error"), "{tokens}");
        assert!(
            tokens.contains("broken.yaml:13:9: unknown key `mesage`"),
            "{tokens}"
        );
        assert!(
            tokens.contains("pub enum DemoError"),
            "a stub enum keeps later errors away"
        );
        let missing = platform_errors(quote!("nope.yaml"), Some(&dir), Output::Macro).to_string();
        assert!(
            missing.contains("the spec file does not exist"),
            "{missing}"
        );
    }

    #[test]
    fn an_xml_envelope_asks_for_the_feature_where_it_is_written() {
        let dir = temp_dir();
        let good = BROKEN.replace("mesage", "message");
        let xml = good.replace(
            "groups:",
            "envelope:\n  format: xml\n  code: return_code\ngroups:",
        );
        std::fs::write(dir.join("xml.yaml"), xml).expect("write");
        let tokens = platform_errors(quote!("xml.yaml"), Some(&dir), Output::Macro).to_string();
        assert!(tokens.contains("xml_bodies !"), "{tokens}");
        assert!(
            tokens.contains("xml.yaml:7:11: the envelope reads XML (`format: xml`), and errcodes feature `xml` is off"),
            "{tokens}"
        );
        assert!(tokens.contains(r#"features = [\"xml\"]"#), "{tokens}");
        std::fs::write(dir.join("json.yaml"), good).expect("write");
        let tokens = platform_errors(quote!("json.yaml"), Some(&dir), Output::Macro).to_string();
        assert!(!tokens.contains("xml_bodies"), "{tokens}");
    }

    #[test]
    fn the_input_must_be_a_string_literal() {
        let tokens =
            platform_errors(quote!(specs::demo), Some(Path::new(".")), Output::Macro).to_string();
        assert!(
            tokens.contains("expected the path of a YAML spec"),
            "{tokens}"
        );
    }

    #[test]
    fn a_crate_path_may_follow() {
        let dir = temp_dir();
        std::fs::write(dir.join("good.yaml"), BROKEN.replace("mesage", "message")).expect("write");
        let tokens = platform_errors(
            quote!("good.yaml", crate = my_sdk::errcodes),
            Some(&dir),
            Output::Macro,
        )
        .to_string();
        assert!(
            tokens.contains("impl my_sdk :: errcodes :: Catalog for DemoError"),
            "{tokens}"
        );
        for bad in [
            quote!("good.yaml", krate = x),
            quote!("good.yaml", crate = ),
            quote!("good.yaml" x),
        ] {
            let tokens = platform_errors(bad.clone(), Some(&dir), Output::Macro).to_string();
            assert!(tokens.contains("compile_error"), "{bad}: {tokens}");
        }
    }
}
