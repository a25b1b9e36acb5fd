//! The encoded table as tokens: one `errcodes::__private::Table` of byte-string literals,
//! which the compiler reads as fast as text, where a literal per number costs time in every
//! pass.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::spec::ast::{Code, Envelope, Retry, Spec};
use crate::spec::encode::{Encoded, Hashed};

/// `Table { .. }` for `spec`, its paths rooted at `krate`.
pub fn table(spec: &Spec, encoded: &Encoded, krate: &TokenStream) -> TokenStream {
    let Encoded {
        text,
        bounds,
        entries,
        entry_codes,
        field_names,
        retries,
        groups,
        ints,
        strs,
        codes,
        probes,
        buckets,
        patterns,
        noise,
        twins,
        sub_codes,
    } = encoded;
    let text = Literal::string(text);
    let (bounds, entries, groups) = (words(bounds), words(entries), words(groups));
    let entry_codes = source_tokens(entry_codes.iter().map(|code| {
        let code = code_tokens(code, krate);
        format!("{code},")
    }));
    let field_names = source_tokens(field_names.iter().map(|name| format!("{name:?},")));
    let ints = phf(ints, krate, longs);
    let strs = phf(strs, krate, words);
    let (codes, probes, buckets) = (words(codes), words(probes), words(buckets));
    let (patterns, noise, sub_codes) = (words(patterns), words(noise), words(sub_codes));
    let retries = retries.iter().map(|&r| retry(r, krate));
    let twins = twins.iter().map(|(a, b)| quote!((#a, #b)));
    let platform = &spec.platform;
    let unknown_retry = retry(spec.unknown_retry, krate);
    let envelope = match &spec.envelope {
        Some(envelope) => {
            let envelope = envelope_tokens(envelope, krate);
            quote!(::core::option::Option::Some(#envelope))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #krate::__private::Table {
            platform: #platform,
            text: #text,
            bounds: #bounds,
            entries: #entries,
            entry_codes: &[#entry_codes],
            field_names: &[#field_names],
            retries: &[#(#retries),*],
            groups: #groups,
            ints: #ints,
            strs: #strs,
            codes: #codes,
            probes: #probes,
            buckets: #buckets,
            patterns: #patterns,
            noise: #noise,
            twins: &[#(#twins),*],
            sub_codes: #sub_codes,
            unknown_retry: #unknown_retry,
            envelope: #envelope,
        }
    }
}

fn phf<V: Copy>(
    hashed: &Hashed<V>,
    krate: &TokenStream,
    bytes: fn(&[V]) -> TokenStream,
) -> TokenStream {
    let seed = hashed.seed;
    let displacements = words(&hashed.displacements);
    let slots = bytes(&hashed.slots);
    quote! {
        #krate::__private::Phf {
            seed: #seed,
            displacements: #displacements,
            slots: #slots,
        }
    }
}

fn envelope_tokens(envelope: &Envelope, krate: &TokenStream) -> TokenStream {
    let paths = |paths: &[Vec<String>]| {
        let paths = paths.iter().map(|keys| {
            let text = keys.join(".");
            quote!(#krate::__private::Path { text: #text, keys: &[#(#keys),*] })
        });
        quote!(&[#(#paths),*])
    };
    let (code, message) = (paths(&envelope.code), paths(&envelope.message));
    let (sub_code, sub_message) = (paths(&envelope.sub_code), paths(&envelope.sub_message));
    let request_id = paths(&envelope.request_id);
    let success = envelope.success.iter().map(|code| code_tokens(code, krate));
    let success_without_code = envelope.success_without_code;
    let success_message = &envelope.success_message;
    quote! {
        #krate::__private::Envelope {
            code: #code,
            message: #message,
            sub_code: #sub_code,
            sub_message: #sub_message,
            request_id: #request_id,
            success: &[#(#success),*],
            success_without_code: #success_without_code,
            success_message: &[#(#success_message),*],
        }
    }
}

fn code_tokens(code: &Code, krate: &TokenStream) -> TokenStream {
    match code {
        Code::Int(code) => quote!(#krate::Code::Int(#code)),
        Code::Str(code) => quote!(#krate::Code::Str(#code)),
    }
}

pub fn retry(retry: Retry, krate: &TokenStream) -> TokenStream {
    match retry {
        Retry::Permanent => quote!(#krate::RetryClass::Permanent),
        Retry::Transient => quote!(#krate::RetryClass::Transient),
        Retry::Throttled(None) => quote!(#krate::RetryClass::Throttled {
            wait: ::core::option::Option::None
        }),
        Retry::Throttled(Some(secs)) => quote!(#krate::RetryClass::Throttled {
            wait: ::core::option::Option::Some(::core::time::Duration::from_secs(#secs))
        }),
        Retry::Reauthenticate => quote!(#krate::RetryClass::Reauthenticate),
        Retry::AlreadyApplied => quote!(#krate::RetryClass::AlreadyApplied),
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

/// `u32`s as one little-endian byte-string literal.
fn words(values: &[u32]) -> TokenStream {
    le_bytes(values, u32::to_le_bytes)
}

/// `i64`s as one little-endian byte-string literal.
fn longs(values: &[i64]) -> TokenStream {
    le_bytes(values, i64::to_le_bytes)
}

fn le_bytes<T: Copy, const N: usize>(values: &[T], to_le: fn(T) -> [u8; N]) -> TokenStream {
    let bytes: Vec<u8> = values.iter().flat_map(|&value| to_le(value)).collect();
    let literal = Literal::byte_string(&bytes);
    quote!(#literal)
}
