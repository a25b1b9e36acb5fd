//! [`Spec`] → tokens.
//!
//! The generated code is mostly data: one static `Table` that the runtime reads through the
//! `errcodes::Catalog` trait, whose provided methods hold the behaviour. Only two functions
//! have an arm per entry (a variant's index, a variant from its index: every variant is a
//! unit but `Unknown`, so each lowers to arithmetic on the tag), and an unoptimized build
//! has only the second. Each expression per entry costs rustc time in every pass, in
//! errcodes' own build for the shipped platforms too: the lists hold literals where they
//! can (BENCHMARKS.md).

mod docs;
mod table;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::spec::ast::Spec;
use crate::spec::encode::encode;
use docs::{enum_doc, variant_doc};
use table::{source_tokens, table};

/// Where the expansion comes from and what it may name.
pub struct Source<'a> {
    /// Absolute path of each file of the spec, so that editing one rebuilds the crate.
    pub tracked: &'a [String],
    /// The file beside the expansion that the table's bytes are included from, for an
    /// expansion kept in a file; else they are a byte-string literal.
    pub bytes: Option<&'a str>,
    /// The expansion stands in for a broken spec, next to its errors.
    pub stub: bool,
    /// The path as the macro call wrote it.
    pub display: &'a str,
    /// The path of the errcodes crate: `::errcodes`, or a re-export (`crate = my_sdk::errcodes`).
    pub krate: &'a TokenStream,
}

pub fn expand(spec: &Spec, source: &Source<'_>) -> TokenStream {
    let ty = Ident::new(&spec.enum_name, Span::call_site());
    let krate = source.krate;
    let variants = source_tokens(spec.entries.iter().map(|entry| {
        let deprecated = entry
            .deprecated
            .as_ref()
            .map(|note| format!("#[deprecated = {note:?}] "))
            .unwrap_or_default();
        format!(
            "#[doc = {:?}] {deprecated}{},",
            variant_doc(spec, entry),
            entry.name
        )
    }));
    let enum_doc = enum_doc(spec, source.display);
    let unknown_doc = format!(
        "A code this spec does not know, kept as received.\n\n\
         Retry class: {}. Only lookups make one, and only for a code the spec does not know. \
         The payload is opaque on purpose: a `match` cannot single out one \
         unknown code, so a later spec that gives the code its own variant cannot silently \
         change which arm runs.",
        spec.unknown_retry
    );
    let non_exhaustive = spec.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    // The stub that stands in for a broken spec should add no warnings of its own.
    let stub_allow = source.stub.then(|| quote!(#[allow(dead_code)]));
    let all = all(&ty, spec);
    // A variant's index: a `match` (lowered to arithmetic on the tag) up to a few thousand
    // entries; past that, LLVM takes seconds over the `match`, and a binary search of `ALL`
    // by the derived order (the variants' order in the declaration, `Catalog::__search`)
    // takes none. Safe Rust
    // has no other way to the discriminant of an enum with a field (`Unknown`): its `Hash`
    // writes it, but std does not promise how. An unoptimized build (`debug_assertions`)
    // searches too: the same index, where the `match` of an arm per entry would cost every
    // debug build of the enum's crate more than anything else in it but `unit`.
    let search = quote!(<Self as #krate::Catalog>::__search(self));
    let to_index = if spec.entries.len() <= 2048 {
        let arms = source_tokens(
            spec.entries
                .iter()
                .enumerate()
                .map(|(i, entry)| format!("{ty}::{} => {i},", entry.name)),
        );
        quote! {
            #[cfg(not(debug_assertions))]
            #[inline]
            #[allow(clippy::too_many_lines)]
            fn __index(&self) -> usize {
                match self {
                    #arms
                    #ty::Unknown(_) => #krate::__private::UNKNOWN,
                }
            }

            #[cfg(debug_assertions)]
            fn __index(&self) -> usize {
                #search
            }
        }
    } else {
        quote! {
            #[inline(never)]
            fn __index(&self) -> usize {
                #search
            }
        }
    };
    let count = spec.entries.len();
    let unit = unit_from_index(&ty, spec);
    let from_index = match &unit {
        Some(_) => quote! {
            if index < #count {
                unknown.__discard();
                unit(index)
            } else {
                #ty::Unknown(unknown)
            }
        },
        None => quote! {
            let _ = index;
            #ty::Unknown(unknown)
        },
    };
    // Inlined into each caller, building a variant is arithmetic on the index. Past a few
    // thousand arms, a copy of the match in each of the runtime's generic methods costs
    // seconds of release build, so it stays out of line. Unoptimized, nothing is inlined
    // anyway: `#[inline]` would only have each crate that calls it compile the match again,
    // so a debug build of errcodes compiles it once (`debug_assertions` stands for a build
    // without optimizations; the attribute changes speed, never behaviour).
    let (inline, inline_unit) = if count <= 2048 {
        (
            quote!(#[inline(always)]),
            quote!(#[cfg_attr(not(debug_assertions), inline)]),
        )
    } else {
        (quote!(#[inline]), quote!(#[inline(never)]))
    };
    let unit = unit.map(|unit| quote!(#inline_unit #unit));
    let table = match encode(spec) {
        Ok(encoded) => table(&encoded, source.bytes, krate),
        Err(error) => {
            let message = format!("{}: {error}", source.display);
            quote!(::core::compile_error!(#message))
        }
    };
    let (platform, title, source_link) = (&spec.platform, &spec.title, &spec.source);
    let groups = spec.groups.iter().map(|group| {
        let (id, title) = (&group.id, &group.title);
        quote!(#krate::Group::__new(#id, #title))
    });
    let response = spec
        .envelope
        .as_ref()
        .map(|_| quote!(#krate::__private::response_impls!(#ty);));
    let tracked = source.tracked;
    let of_code = of_code(&ty, krate);
    let inherent = inherent(&ty, krate);
    let traits = traits(&ty, krate);

    quote! {
        #[doc = #enum_doc]
        #[derive(
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
            ::core::hash::Hash
        )]
        #non_exhaustive
        #stub_allow
        // Variant names come from the spec: shared prefixes and the platform's name are
        // expected, and the docs quote the source's text as it is.
        #[allow(clippy::enum_variant_names, clippy::module_name_repetitions, clippy::doc_markdown)]
        pub enum #ty {
            #variants
            #[doc = #unknown_doc]
            Unknown(#krate::UnknownCode<#ty>),
        }

        const _: () = {
            // Editing a spec file rebuilds the crate: rustc tracks files `include_str!` reads.
            #(const _: &str = ::core::include_str!(#tracked);)*

            // Codes as the platform writes them, so that a search of the expansion finds them.
            #[allow(clippy::unreadable_literal)]
            static TABLE: #krate::__private::Table = #table;
            static CACHE: #krate::__private::Cache = #krate::__private::Cache::new();

            #unit

            // The table names every variant, those the spec deprecates too.
            #[automatically_derived]
            #[allow(deprecated)]
            impl #krate::Catalog for #ty {
                const PLATFORM: &'static str = #platform;
                const TITLE: &'static str = #title;
                const SOURCE: &'static str = #source_link;
                const GROUPS: &'static [#krate::Group] = &[#(#groups),*];
                const ALL: &'static [Self] = #all;

                #[inline]
                fn __table() -> &'static #krate::__private::Table {
                    &TABLE
                }

                #to_index

                #inline
                #[allow(clippy::inline_always)]
                fn __from_index(index: usize, unknown: #krate::UnknownCode<Self>) -> Self {
                    #from_index
                }

                #[inline]
                fn __unknown_code(&self) -> ::core::option::Option<&#krate::UnknownCode<Self>> {
                    match self {
                        #ty::Unknown(code) => ::core::option::Option::Some(code),
                        _ => ::core::option::Option::None,
                    }
                }
            }

            #of_code
            #inherent
            #traits

            // Each expands to nothing unless errcodes has the feature (not the caller's).
            #krate::__private::serde_impls!(#ty);
            #response
        };
    }
}

/// `Catalog::ALL`: a list, which a crate evaluates where it reads `ALL` (the runtime does
/// not). Filling an array by `unit` in a `const` loop was cheaper to check but cost the
/// interpreter about 180,000 instructions an entry wherever `ALL` was read.
fn all(ty: &Ident, spec: &Spec) -> TokenStream {
    let names = source_tokens(
        spec.entries
            .iter()
            .map(|entry| format!("{ty}::{},", entry.name)),
    );
    quote!(&[#names])
}

/// The variant of entry `index`, for an index below the entry count: a `match` whose every
/// arm, the default included, is a unit variant lowers to arithmetic on the tag, where one
/// arm that holds a code would make it a jump table, which a mix of codes mispredicts.
/// LLVM finds that arithmetic only where the keys are contiguous as signed bytes once it
/// has narrowed them to a byte, so below 256 entries the key is the index plus 128 as a
/// byte (entries 0 to 255 are -128 to 127); keys as the indexes themselves give a table of
/// 166 entries a lookup table or a jump table. `None` for a spec without entries.
fn unit_from_index(ty: &Ident, spec: &Spec) -> Option<TokenStream> {
    let first_name = &spec.entries.first()?.name;
    let first = Ident::new(first_name, Span::call_site());
    // All 256 byte values as keys would leave the default arm unreachable, a warning.
    let byte = spec.entries.len() < 256;
    // At least 32 arms, those past the entries repeating the first (never taken: the caller
    // checks the index): with fewer, LLVM may make the match a jump table (it did for
    // `lazada`'s 13), an indirect jump that a mix of known and unknown codes mispredicts.
    let arms = source_tokens((0..spec.entries.len().max(32)).map(|i| {
        let name = spec.entries.get(i).map_or(first_name, |entry| &entry.name);
        let key = if byte { (i + 128) % 256 } else { i };
        format!("{key} => {ty}::{name},")
    }));
    let key = if byte {
        quote!((index as u8).wrapping_add(128))
    } else {
        quote!(index)
    };
    // An arm per entry; the default arm, which repeats the first, is never taken.
    Some(quote! {
        #[allow(
            deprecated,
            clippy::cast_possible_truncation,
            clippy::match_same_arms,
            clippy::too_many_lines
        )]
        fn unit(index: usize) -> #ty {
            match #key {
                #arms
                _ => #ty::#first,
            }
        }
    })
}

/// `Catalog::from_code` of the enum, not generic: what `from_code`, `From<i64>` and `FromStr`
/// call, so that an unoptimized build compiles the lookup once, in the enum's crate, rather
/// than in each crate that calls them (as for the matches above).
fn of_code(ty: &Ident, krate: &TokenStream) -> TokenStream {
    quote! {
        #[cfg_attr(not(debug_assertions), inline)]
        fn of_code(code: #krate::Code<'_>) -> #ty {
            <#ty as #krate::Catalog>::from_code(code)
        }
    }
}

/// The lookups users call by path; everything else is on `errcodes::Catalog` and
/// `errcodes::PlatformError`.
fn inherent(ty: &Ident, krate: &TokenStream) -> TokenStream {
    quote! {
        // A crate uses only part of the API; the rest must not warn in a binary crate.
        #[allow(dead_code)]
        impl #ty {
            /// The entry of a code, an integer or text (`"45009"` is 45009): its only entry,
            /// or its `fallback` entry when it has several. An unknown code gives
            /// `Unknown`, which keeps the code as received. See `errcodes::Catalog`.
            #[must_use]
            #[inline]
            pub fn from_code<'a>(code: impl ::core::convert::Into<#krate::Code<'a>>) -> Self {
                of_code(code.into())
            }

            /// The entry of `code` whose message matches `message` (a template's literal
            /// text matches, the one with the most literal text wins); else an entry without
            /// a code whose message matches, else the code's fallback, else `Unknown`. See
            /// `errcodes::Catalog::lookup` for the fields and the endpoint.
            #[must_use]
            pub fn classify<'a>(
                code: impl ::core::convert::Into<#krate::Code<'a>>,
                message: &str,
            ) -> Self {
                <Self as #krate::Catalog>::classify(code, message)
            }
        }
    }
}

/// The std traits, each through one generic function of the runtime. Each method is
/// `#[inline]`: compiled in the crate that calls it, as a generic function is, rather than
/// in the crate of the enum, where every build of errcodes with a shipped platform would
/// compile all of them, used or not. `Display`, which nearly every user calls, is the
/// exception in an unoptimized build: compiled once in the enum's crate, rather than again
/// (with the runtime's generic code under it) in each crate that prints one.
fn traits(ty: &Ident, krate: &TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl ::core::clone::Clone for #ty {
            #[inline]
            fn clone(&self) -> Self {
                #krate::__private::clone(self)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #ty {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #krate::__private::debug(self, f)
            }
        }

        /// Prints `<code>: <message>` from the spec (the message alone for an entry without
        /// a code); an unknown code prints `<code>: unknown error code`. `errcodes::ApiError`
        /// prints what the platform sent.
        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            #[cfg_attr(not(debug_assertions), inline)]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                <Self as #krate::Catalog>::__display(self, f)
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #ty {}

        #[automatically_derived]
        impl ::core::convert::From<i64> for #ty {
            #[inline]
            fn from(code: i64) -> Self {
                of_code(#krate::Code::Int(code))
            }
        }

        /// Never fails: text that is no known code gives `Unknown`, which keeps it.
        #[automatically_derived]
        impl ::core::str::FromStr for #ty {
            type Err = ::core::convert::Infallible;

            #[inline]
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(of_code(#krate::Code::from(code)))
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::spec::read;

    /// A spec of one entry, for the expansion's tests to vary.
    pub(crate) const SPEC: &str = "platform: demo
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
        message: first
";

    fn expansion(text: &str) -> String {
        let spec = read(text, "demo.yaml").unwrap_or_else(|f| panic!("{:#?}", f.reports));
        expand(
            &spec,
            &Source {
                tracked: &["/demo.yaml".to_owned()],
                bytes: None,
                stub: false,
                display: "demo.yaml",
                krate: &quote!(::errcodes),
            },
        )
        .to_string()
    }

    #[test]
    fn non_exhaustive_is_asked_for_by_the_spec() {
        assert!(!expansion(SPEC).contains("non_exhaustive"));
        let text = SPEC.replace("groups:", "non_exhaustive: true\ngroups:");
        assert!(expansion(&text).contains("# [non_exhaustive]"));
    }

    #[test]
    fn editing_the_spec_is_tracked_through_include_str() {
        assert!(expansion(SPEC).contains(":: core :: include_str ! (\"/demo.yaml\")"));
    }

    #[test]
    fn every_variant_is_a_unit_but_unknown() {
        let text = SPEC.replace("      - code: 1\n", "      - code: [1, 2]\n")
            + "      - code: null\n        name: NoCode\n        message: none\n";
        let file: syn::File = syn::parse_str(&expansion(&text)).expect("valid Rust");
        let syn::Item::Enum(item) = &file.items[0] else {
            panic!("the enum comes first")
        };
        let shapes: Vec<(String, bool)> = item
            .variants
            .iter()
            .map(|v| (v.ident.to_string(), matches!(v.fields, syn::Fields::Unit)))
            .collect();
        assert_eq!(
            shapes,
            [
                ("First".to_owned(), true),
                ("NoCode".to_owned(), true),
                ("Unknown".to_owned(), false)
            ]
        );
    }

    #[test]
    fn paths_start_at_the_crate_given() {
        let spec = read(SPEC, "demo.yaml").unwrap_or_else(|f| panic!("{:#?}", f.reports));
        let tokens = expand(
            &spec,
            &Source {
                tracked: &[],
                bytes: None,
                stub: false,
                display: "demo.yaml",
                krate: &quote!(my_sdk::errcodes),
            },
        )
        .to_string();
        assert!(tokens.contains("my_sdk :: errcodes :: Catalog"), "{tokens}");
        // Every path into errcodes goes through the re-export.
        assert_eq!(
            tokens.matches(":: errcodes ::").count(),
            tokens.matches("my_sdk :: errcodes ::").count()
        );
    }
}
