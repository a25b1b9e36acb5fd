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
        Err((reports, stub)) => {
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

/// The expansion, or the rendered problems and, when the spec got far enough to name its
/// enum, an empty spec to expand in its place so that one mistake does not cascade.
pub fn compile(
    manifest_dir: &Path,
    relative: &str,
) -> Result<TokenStream, (Vec<String>, Option<Spec>)> {
    let mut cx = Ctxt::default();
    let Some(loaded) = load::load(manifest_dir, relative, &mut cx) else {
        return Err((render(&cx.into_problems(), relative, ""), None));
    };
    let spec = if cx.is_empty() {
        parse::parse(&loaded.text, &mut cx)
    } else {
        None
    };
    if let Some(spec) = &spec {
        check::check(spec, &mut cx);
    }
    if !cx.is_empty() {
        let reports = render(&cx.into_problems(), relative, &loaded.text);
        return Err((reports, spec.map(stub)));
    }
    let Some(spec) = spec else {
        return Err((
            vec![format!("{relative}: the spec could not be read")],
            None,
        ));
    };
    let Some(absolute) = loaded.absolute.to_str() else {
        return Err((
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

fn stub(spec: Spec) -> Spec {
    Spec {
        groups: Vec::new(),
        entries: Vec::new(),
        noise: Vec::new(),
        ..spec
    }
}
