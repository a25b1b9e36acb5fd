//! The encoded table as tokens: `Table::new` of one string literal, one byte-string literal
//! (which the compiler reads as fast as text, where a literal per number costs time in every
//! pass; a kept expansion includes the bytes from a file, which costs less still), and the
//! three lists the runtime lends out as slices of its own types. What the bytes hold is
//! `errcodes_layout`'s business: nothing here knows.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

use crate::spec::ast::Code;
use crate::spec::encode::{Encoded, Path};

/// `Table::new(..)` of `encoded`, its paths rooted at `krate`; its bytes included from the
/// file `bytes` if there is one; what it reads once kept in the static `CACHE` beside it.
pub fn table(encoded: &Encoded, bytes_file: Option<&str>, krate: &TokenStream) -> TokenStream {
    let Encoded {
        text,
        bytes,
        codes,
        names,
        paths,
    } = encoded;
    let text = Literal::string(text);
    let bytes = match bytes_file {
        Some(file) => quote!(::core::include_bytes!(#file)),
        None => Literal::byte_string(bytes).into_token_stream(),
    };
    let codes = codes_tokens(codes, krate);
    let names = source_tokens(names.iter().map(|name| format!("{name:?},")));
    let paths = paths.iter().map(
        |Path { text, keys }| quote!(#krate::__private::Path { text: #text, keys: &[#(#keys),*] }),
    );
    quote! {
        #krate::__private::Table::new(#text, #bytes, #codes, &[#names], &[#(#paths),*], &CACHE)
    }
}

/// The codes as a slice: where all are integers, a list of literals that a `const fn` turns
/// into codes, which costs rustc half what a `Code::Int(..)` expression a code does.
fn codes_tokens(codes: &[Code], krate: &TokenStream) -> TokenStream {
    let ints: Option<Vec<i64>> = codes
        .iter()
        .map(|code| match code {
            Code::Int(code) => Some(*code),
            Code::Str(_) => None,
        })
        .collect();
    match ints {
        Some(ints) if !ints.is_empty() => {
            let count = Literal::usize_unsuffixed(ints.len());
            let ints = source_tokens(ints.iter().map(|code| format!("{code},")));
            quote! {{
                const CODES: [#krate::Code<'static>; #count] = #krate::__private::int_codes([#ints]);
                &CODES
            }}
        }
        _ => {
            let codes = source_tokens(codes.iter().map(|code| {
                let code = code_tokens(code, krate);
                format!("{code},")
            }));
            quote!(&[#codes])
        }
    }
}

fn code_tokens(code: &Code, krate: &TokenStream) -> TokenStream {
    match code {
        Code::Int(code) => quote!(#krate::Code::Int(#code)),
        Code::Str(code) => quote!(#krate::Code::Str(#code)),
    }
}

/// Items of Rust source (names checked as identifiers, strings written with `{:?}`),
/// lexed once: building them token by token costs a call into the compiler per token.
pub fn source_tokens(items: impl Iterator<Item = String>) -> TokenStream {
    let source: String = items.collect();
    source.parse().unwrap_or_else(|error| {
        let message = format!("errcodes: generated code does not lex ({error}); please report");
        quote!(::core::compile_error!(#message);)
    })
}
