//! The proc-macro behind [errcodes](https://docs.rs/errcodes): use it through
//! `errcodes::platform_errors!`, which documents the spec format.
//!
//! This crate is a thin shim: everything below works on `proc_macro2` tokens, so the
//! stages (load → parse → check → expand) are tested without a compiler in the loop.

mod ast;
mod check;
mod ctxt;
mod expand;
mod generate;
mod load;
mod locate;
mod parse;
mod phf;
mod template;

/// Generates an error enum from a YAML spec; see `errcodes::platform_errors!`.
#[proc_macro]
pub fn platform_errors(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    // trybuild compiles UI tests in a generated crate, whose manifest directory holds no
    // specs; its tests point the macro back at the real one (dtolnay/trybuild#202).
    let manifest_dir = std::env::var_os("ERRCODES_TEST_MANIFEST_DIR")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(std::path::PathBuf::from);
    generate::platform_errors(input.into(), manifest_dir.as_deref()).into()
}
