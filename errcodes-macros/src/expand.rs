//! [`Spec`] → tokens.
//!
//! The generated code is mostly data: one static `Table` that `errcodes::__private` reads.
//! Only three functions match on the variants (to an index, from an index, to the payload),
//! so the expansion and its compile time grow linearly with the spec.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::ast::{Code, Entry, Envelope, Lang, Retry, Spec, Template, Text};
use crate::check::entries_by_code;
use crate::phf;

pub struct Source<'a> {
    /// Absolute path of the spec, so that editing it rebuilds the crate.
    pub absolute: Option<&'a str>,
    /// The path as the macro call wrote it.
    pub display: &'a str,
}

pub fn expand(spec: &Spec, source: &Source<'_>) -> TokenStream {
    let ty = Ident::new(&spec.enum_name, Span::call_site());
    let count = spec.entries.len();
    let variants: Vec<Ident> = spec
        .entries
        .iter()
        .map(|entry| Ident::new(&entry.name, Span::call_site()))
        .collect();
    let has_payload: Vec<bool> = spec.entries.iter().map(|e| e.codes.len() != 1).collect();

    let variant_defs =
        spec.entries
            .iter()
            .zip(&variants)
            .zip(&has_payload)
            .map(|((entry, variant), &payload)| {
                let doc = variant_doc(spec, entry);
                let field = payload.then(|| quote!((::errcodes::RawCode)));
                quote! { #[doc = #doc] #variant #field }
            });
    let enum_doc = enum_doc(spec, source.display);
    let unknown_doc = format!(
        "A code this spec does not know, kept as received.\n\n\
         Retry class: {}. The payload is opaque on purpose: a `match` cannot single out one \
         unknown code, so a later spec that gives the code its own variant cannot silently \
         change which arm runs.",
        spec.unknown_retry
    );
    let non_exhaustive = spec.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    // The stub that stands in for a broken spec should add no warnings of its own.
    let stub_allow = source
        .absolute
        .is_none()
        .then(|| quote!(#[allow(dead_code)]));

    let to_index = variants
        .iter()
        .zip(&has_payload)
        .enumerate()
        .map(|(i, (v, &p))| {
            let pat = if p {
                quote!(#ty::#v(_))
            } else {
                quote!(#ty::#v)
            };
            quote!(#pat => #i,)
        });
    let from_index = variants
        .iter()
        .zip(&has_payload)
        .enumerate()
        .map(|(i, (v, &p))| {
            let value = if p {
                quote!(#ty::#v(code))
            } else {
                quote!(#ty::#v)
            };
            quote!(#i => #value,)
        });
    let payload_variants: Vec<&Ident> = variants
        .iter()
        .zip(&has_payload)
        .filter_map(|(v, &p)| p.then_some(v))
        .collect();
    let all = spec
        .entries
        .iter()
        .zip(&variants)
        .map(|(entry, v)| match entry.codes.as_slice() {
            [_] => quote!(#ty::#v),
            [] => quote!(#ty::#v(::errcodes::RawCode::NONE)),
            [first, ..] => {
                let raw = raw_code(first);
                quote!(#ty::#v(#raw))
            }
        });

    let table = table(spec);
    let platform = &spec.platform;
    let (title, source_link) = (&spec.title, &spec.source);
    let group_ids = spec.groups.iter().map(|group| &group.id);
    let group_titles = spec.groups.iter().map(|group| &group.title);
    let response = spec.envelope.as_ref().map(|envelope| {
        let envelope = envelope_tokens(envelope);
        quote! {
            ::errcodes::__private::response_impls!(#ty, #envelope, |key, message| {
                let (index, _) = TABLE.classify(key, message);
                from_index(index, key.raw())
            });
        }
    });
    let track = source.absolute.map(|absolute| {
        quote! {
            // Editing the spec rebuilds the crate: rustc tracks files that `include_str!` reads.
            const _: &str = ::core::include_str!(#absolute);
        }
    });

    quote! {
        #[doc = #enum_doc]
        #[derive(::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #non_exhaustive
        #stub_allow
        // Variant names come from the spec: shared prefixes and the platform's name are
        // expected, and the docs quote the source's text as it is.
        #[allow(clippy::enum_variant_names, clippy::module_name_repetitions, clippy::doc_markdown)]
        pub enum #ty {
            #(#variant_defs,)*
            #[doc = #unknown_doc]
            Unknown(::errcodes::RawCode),
        }

        const _: () = {
            #track

            static TABLE: ::errcodes::__private::Table = #table;

            fn to_index(value: &#ty) -> usize {
                match value {
                    #(#to_index)*
                    #ty::Unknown(_) => #count,
                }
            }

            fn from_index(index: usize, code: ::errcodes::RawCode) -> #ty {
                match index {
                    #(#from_index)*
                    _ => #ty::Unknown(code),
                }
            }

            fn payload(value: &#ty) -> ::core::option::Option<&::errcodes::RawCode> {
                match value {
                    #(#ty::#payload_variants(code) |)* #ty::Unknown(code) => ::core::option::Option::Some(code),
                    #[allow(unreachable_patterns)]
                    _ => ::core::option::Option::None,
                }
            }

            // A crate uses only part of the API; the rest must not warn in a binary crate.
            #[allow(dead_code)]
            impl #ty {
                /// The platform id of this spec.
                pub const PLATFORM: &'static str = #platform;

                /// The spec's title.
                pub const TITLE: &'static str = #title;

                /// Where the spec's table comes from (a URL or a citation).
                pub const SOURCE: &'static str = #source_link;

                /// The spec's groups in order, as `(id, title)`.
                pub const GROUPS: &'static [(&'static str, &'static str)] = &[#((#group_ids, #group_titles)),*];

                /// Every known variant, in spec order. Variants that stand for several codes
                /// hold their first code; one without a code holds `RawCode::NONE`.
                pub const ALL: &'static [#ty] = &[#(#all),*];

                /// The entry for an integer code: its only entry, or its `fallback` entry when
                /// it has several. An unknown code gives `Unknown`, which keeps the code.
                #[must_use]
                pub fn from_code(code: i64) -> Self {
                    let key = ::errcodes::__private::Key::Int(code);
                    from_index(TABLE.lookup(key), key.raw())
                }

                /// Like [`from_code`](Self::from_code) for a code received as text. Numeric
                /// text (`"45009"`, ` -1 `) is read as the integer code. Other text is looked
                /// up without surrounding whitespace; an unknown code keeps the text exactly
                /// as received.
                #[must_use]
                pub fn from_code_str(code: &str) -> Self {
                    let key = ::errcodes::__private::Key::parse(code);
                    from_index(TABLE.lookup(key), TABLE.received(key, code))
                }

                /// The entry of `code` whose message matches `message`: equal after
                /// normalisation, or a template whose literal text matches (the template
                /// with the most literal text wins). Else an entry without a code whose
                /// message matches, else the code's fallback, else `Unknown`.
                #[must_use]
                pub fn classify(code: i64, message: &str) -> Self {
                    Self::classify_fields(code, message).0
                }

                /// Like [`classify`](Self::classify) for a code received as text.
                #[must_use]
                pub fn classify_str(code: &str, message: &str) -> Self {
                    let key = ::errcodes::__private::Key::parse(code);
                    let (index, _) = TABLE.classify(key, message);
                    from_index(index, TABLE.received(key, code))
                }

                /// Like [`classify`](Self::classify), and also gives the values of the
                /// matched template's fields, borrowed from `message`.
                #[must_use]
                pub fn classify_fields(code: i64, message: &str) -> (Self, ::errcodes::Fields<'_>) {
                    let key = ::errcodes::__private::Key::Int(code);
                    let (index, fields) = TABLE.classify(key, message);
                    (from_index(index, key.raw()), fields)
                }

                /// The code: the one received for `Unknown` and for entries that stand for
                /// several codes or none.
                #[must_use]
                pub fn code(&self) -> ::errcodes::Code<'_> {
                    TABLE.code(to_index(self), payload(self))
                }

                /// The variant's name, `"Unknown"` for an unknown code.
                #[must_use]
                pub fn name(&self) -> &'static str {
                    TABLE.name(to_index(self))
                }

                /// The message from the spec (templates show their fields as `{name}`).
                #[must_use]
                pub fn message(&self) -> &'static str {
                    TABLE.message(to_index(self))
                }

                /// Every code of the entry, as the spec lists them; empty for an entry without
                /// a code and for `Unknown`.
                #[must_use]
                pub fn codes(&self) -> &'static [::errcodes::Code<'static>] {
                    TABLE.entry(to_index(self)).map_or(&[], |entry| entry.codes)
                }

                /// The names of the fields of the entry's message template, in order; empty
                /// for a plain message and for `Unknown`.
                #[must_use]
                pub fn field_names(&self) -> &'static [&'static str] {
                    TABLE
                        .entry(to_index(self))
                        .and_then(|entry| entry.patterns.first())
                        .map_or(&[], |pattern| pattern.fields)
                }

                /// The remedy from the spec, if it gives one.
                #[must_use]
                pub fn hint(&self) -> ::core::option::Option<&'static str> {
                    TABLE.entry(to_index(self)).and_then(|entry| entry.hint)
                }

                /// What to do about this error: retry, wait, refresh the token, or stop.
                #[must_use]
                pub fn retry_class(&self) -> ::errcodes::RetryClass {
                    TABLE.retry_class(to_index(self))
                }

                /// The id of the spec group the entry belongs to; `None` for `Unknown`.
                #[must_use]
                pub fn group(&self) -> ::core::option::Option<&'static str> {
                    TABLE.group(to_index(self))
                }

                /// The HTTP status the spec gives, if any.
                #[must_use]
                pub fn http_status(&self) -> ::core::option::Option<u16> {
                    TABLE.entry(to_index(self)).and_then(|entry| entry.http_status)
                }

                /// The endpoint the spec gives, if any.
                #[must_use]
                pub fn endpoint(&self) -> ::core::option::Option<&'static str> {
                    TABLE.entry(to_index(self)).and_then(|entry| entry.endpoint)
                }

                /// The scene the spec gives, if any.
                #[must_use]
                pub fn scene(&self) -> ::core::option::Option<&'static str> {
                    TABLE.entry(to_index(self)).and_then(|entry| entry.scene)
                }

                /// Whether the code is unknown to the spec.
                #[must_use]
                pub fn is_unknown(&self) -> bool {
                    ::core::matches!(self, #ty::Unknown(_))
                }
            }

            #[automatically_derived]
            impl ::core::clone::Clone for #ty {
                fn clone(&self) -> Self {
                    let code = payload(self).map_or(::errcodes::RawCode::NONE, ::core::clone::Clone::clone);
                    from_index(to_index(self), code)
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #ty {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::errcodes::__private::debug(f, self.name(), payload(self))
                }
            }

            /// Prints `<code>: <message>`, with the code actually received, such as
            /// `45009: ...`; an unknown code prints `<code>: unknown error code`.
            #[automatically_derived]
            impl ::core::fmt::Display for #ty {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::errcodes::__private::display(f, self.code(), self.message())
                }
            }

            #[automatically_derived]
            impl ::std::error::Error for #ty {}

            #[automatically_derived]
            impl ::core::convert::From<i64> for #ty {
                fn from(code: i64) -> Self {
                    #ty::from_code(code)
                }
            }

            /// Never fails: text that is no known code gives `Unknown`, which keeps it.
            #[automatically_derived]
            impl ::core::str::FromStr for #ty {
                type Err = ::core::convert::Infallible;

                fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::result::Result::Ok(#ty::from_code_str(code))
                }
            }

            #[automatically_derived]
            impl ::errcodes::PlatformError for #ty {
                fn platform(&self) -> &'static str {
                    #platform
                }

                fn code(&self) -> ::errcodes::Code<'_> {
                    #ty::code(self)
                }

                fn name(&self) -> &'static str {
                    #ty::name(self)
                }

                fn message(&self) -> &'static str {
                    #ty::message(self)
                }

                fn hint(&self) -> ::core::option::Option<&'static str> {
                    #ty::hint(self)
                }

                fn retry_class(&self) -> ::errcodes::RetryClass {
                    #ty::retry_class(self)
                }

                fn is_unknown(&self) -> bool {
                    #ty::is_unknown(self)
                }
            }

            // Expands to nothing unless errcodes has feature `serde` (not the caller's).
            ::errcodes::__private::serde_impls!(#ty);
            #response
        };
    }
}

fn envelope_tokens(envelope: &Envelope) -> TokenStream {
    let paths = |paths: &[Vec<String>]| {
        let paths = paths.iter().map(|keys| {
            let text = keys.join(".");
            quote!(::errcodes::__private::Path { text: #text, keys: &[#(#keys),*] })
        });
        quote!(&[#(#paths),*])
    };
    let (code, message) = (paths(&envelope.code), paths(&envelope.message));
    let success = envelope.success.iter().map(|code| match code {
        Code::Int(code) => quote!(::errcodes::Code::Int(#code)),
        Code::Str(code) => quote!(::errcodes::Code::Str(#code)),
    });
    quote! {
        ::errcodes::__private::Envelope {
            code: #code,
            message: #message,
            success: &[#(#success),*],
        }
    }
}

fn table(spec: &Spec) -> TokenStream {
    let by_code = entries_by_code(spec);
    let mut candidates: Vec<u32> = Vec::new();
    let mut ints: Vec<(i64, TokenStream)> = Vec::new();
    let mut strs: Vec<(String, TokenStream)> = Vec::new();
    for (code, indices) in &by_code {
        let start = u32_of(candidates.len());
        candidates.extend(indices.iter().map(|&i| u32_of(i)));
        let end = u32_of(candidates.len());
        let fallback = indices
            .iter()
            .copied()
            .find(|&i| spec.entries[i].fallback)
            .unwrap_or(indices[0]);
        let fallback = u32_of(fallback);
        let slot =
            quote!(::errcodes::__private::Slot { fallback: #fallback, start: #start, end: #end });
        match code {
            Code::Int(code) => ints.push((*code, slot)),
            Code::Str(code) => strs.push((code.clone(), slot)),
        }
    }
    let ints = phf_tokens(
        &ints,
        |i, seed| phf::hash_int(ints[i].0, seed),
        |&code| quote!(#code),
    );
    let strs = phf_tokens(
        &strs,
        |i, seed| phf::hash_str(&strs[i].0, seed),
        |code| quote!(#code),
    );
    let codeless = spec
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.codes.is_empty())
        .map(|(i, _)| u32_of(i));
    let entries = spec.entries.iter().map(|entry| entry_tokens(spec, entry));
    let groups = spec.groups.iter().map(|group| {
        let (id, title) = (&group.id, &group.title);
        quote!(::errcodes::__private::Group { id: #id, title: #title })
    });
    let noise = spec.noise.iter().map(pattern);
    let platform = &spec.platform;
    let unknown_retry = retry(spec.unknown_retry);
    quote! {
        ::errcodes::__private::Table {
            platform: #platform,
            entries: &[#(#entries),*],
            groups: &[#(#groups),*],
            ints: #ints,
            strs: #strs,
            candidates: &[#(#candidates),*],
            codeless: &[#(#codeless),*],
            noise: &[#(#noise),*],
            unknown_retry: #unknown_retry,
        }
    }
}

fn phf_tokens<K>(
    keys: &[(K, TokenStream)],
    hash: impl Fn(usize, u64) -> u64,
    key_tokens: impl Fn(&K) -> TokenStream,
) -> TokenStream {
    let built = phf::build(keys.len(), hash);
    let seed = built.seed;
    let displacements = &built.displacements;
    let slot_keys = built.order.iter().map(|&i| key_tokens(&keys[i].0));
    let slots = built.order.iter().map(|&i| &keys[i].1);
    quote! {
        ::errcodes::__private::Phf {
            seed: #seed,
            displacements: &[#(#displacements),*],
            keys: &[#(#slot_keys),*],
            slots: &[#(#slots),*],
        }
    }
}

fn entry_tokens(spec: &Spec, entry: &Entry) -> TokenStream {
    let name = &entry.name;
    let codes = entry.codes.iter().map(|code| match code {
        Code::Int(code) => quote!(::errcodes::Code::Int(#code)),
        Code::Str(code) => quote!(::errcodes::Code::Str(#code)),
    });
    let message = &entry.templates[0].display();
    let lang = |lang| {
        let text = entry
            .message
            .langs
            .iter()
            .position(|(l, _)| *l == lang)
            .map(|i| entry.templates[i].display());
        option(text.as_deref())
    };
    let (message_zh, message_en) = (lang(Lang::Zh), lang(Lang::En));
    let hint = option(entry.hint.as_ref().map(Text::first));
    let retry = retry(entry.retry);
    let group = u32_of(entry.group);
    let http_status = match entry.http_status {
        Some(status) => quote!(::core::option::Option::Some(#status)),
        None => quote!(::core::option::Option::None),
    };
    let endpoint = option(entry.endpoint.as_deref());
    let scene = option(entry.scene.as_deref());
    let patterns = entry.templates.iter().map(pattern);
    let _ = spec;
    quote! {
        ::errcodes::__private::Entry {
            name: #name,
            codes: &[#(#codes),*],
            message: #message,
            message_zh: #message_zh,
            message_en: #message_en,
            hint: #hint,
            retry: #retry,
            group: #group,
            http_status: #http_status,
            endpoint: #endpoint,
            scene: #scene,
            patterns: &[#(#patterns),*],
        }
    }
}

/// A template as the matcher reads it: the message is trimmed, so the template's ends are.
fn pattern(template: &Template) -> TokenStream {
    let last = template.lits.len() - 1;
    let lits = template.lits.iter().enumerate().map(|(i, lit)| {
        let lit = if i == 0 { lit.trim_start() } else { lit };
        if i == last {
            lit.trim_end()
        } else {
            lit
        }
    });
    let fields = &template.fields;
    let weight = u32_of(template.weight());
    quote! {
        ::errcodes::__private::Pattern {
            lits: &[#(#lits),*],
            fields: &[#(#fields),*],
            weight: #weight,
        }
    }
}

fn retry(retry: Retry) -> TokenStream {
    match retry {
        Retry::Permanent => quote!(::errcodes::RetryClass::Permanent),
        Retry::Transient => quote!(::errcodes::RetryClass::Transient),
        Retry::Throttled(None) => {
            quote!(::errcodes::RetryClass::Throttled {
                wait: ::core::option::Option::None
            })
        }
        Retry::Throttled(Some(secs)) => quote!(::errcodes::RetryClass::Throttled {
            wait: ::core::option::Option::Some(::core::time::Duration::from_secs(#secs))
        }),
        Retry::Reauthenticate => quote!(::errcodes::RetryClass::Reauthenticate),
        Retry::AlreadyApplied => quote!(::errcodes::RetryClass::AlreadyApplied),
    }
}

fn raw_code(code: &Code) -> TokenStream {
    match code {
        Code::Int(code) => quote!(::errcodes::RawCode::int(#code)),
        Code::Str(code) => quote!(::errcodes::RawCode::static_str(#code)),
    }
}

fn option(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => {
            let text = Literal::string(text);
            quote!(::core::option::Option::Some(#text))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn enum_doc(spec: &Spec, display_path: &str) -> String {
    let mut doc = format!(
        "{}\n\nSource: {}\n\nGenerated by `errcodes::platform_errors!` from {}: {} entries in {} groups, plus `Unknown`.",
        md(&spec.title),
        md(&spec.source),
        code_span(display_path),
        spec.entries.len(),
        spec.groups.len(),
    );
    if let Some(note) = &spec.note {
        doc.push_str("\n\n");
        doc.push_str(&md(note));
    }
    doc.push_str("\n\n| group | title | entries |\n| --- | --- | --- |");
    for (i, group) in spec.groups.iter().enumerate() {
        let count = spec.entries.iter().filter(|e| e.group == i).count();
        doc.push_str(&format!(
            "\n| `{}` | {} | {count} |",
            group.id,
            md(&group.title)
        ));
    }
    for group in spec.groups.iter().filter(|g| g.note.is_some()) {
        let note = group.note.as_deref().unwrap_or_default();
        doc.push_str(&format!("\n\nGroup `{}`: {}", group.id, md(note)));
    }
    doc
}

fn variant_doc(spec: &Spec, entry: &Entry) -> String {
    let codes = if entry.codes.is_empty() {
        "none in the source; found by message only".to_owned()
    } else {
        entry
            .codes
            .iter()
            .map(|code| code_span(&code.to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut doc = md(&entry.templates[0].display());
    doc.push_str("\n\n");
    let mut line = |key: &str, value: String| doc.push_str(&format!("- **{key}**: {value}\n"));
    line("code", codes);
    for (lang, text) in &entry.message.langs {
        match lang {
            Lang::Zh => line("message (zh)", md(text)),
            Lang::En => line("message (en)", md(text)),
            Lang::Any => {}
        }
    }
    match &entry.hint {
        Some(hint) => {
            for (lang, text) in &hint.langs {
                let key = match lang {
                    Lang::Any => "hint",
                    Lang::Zh => "hint (zh)",
                    Lang::En => "hint (en)",
                };
                line(key, md(text));
            }
        }
        None => line("hint", "none in the source".to_owned()),
    }
    line("retry", entry.retry.to_string());
    let group = &spec.groups[entry.group];
    line("group", format!("`{}` ({})", group.id, md(&group.title)));
    if entry.fallback {
        line(
            "fallback",
            "yes: `from_code` gives this entry for its code".to_owned(),
        );
    }
    if let Some(status) = entry.http_status {
        line("HTTP status", status.to_string());
    }
    if let Some(endpoint) = &entry.endpoint {
        line("endpoint", md(endpoint));
    }
    if let Some(scene) = &entry.scene {
        line("scene", md(scene));
    }
    if let Some(note) = &entry.note {
        line("note", md(note));
    }
    if entry.codes.len() != 1 {
        line(
            "payload",
            "the code actually received (`code()` returns it)".to_owned(),
        );
    }
    doc
}

/// `text` as a Markdown code span, shown as written: the fence is longer than any run of
/// backticks in it, so none can close the span early and let the rest be read as Markdown.
/// Text a span cannot hold (empty, or with a line break or other control char) is escaped
/// instead.
pub fn code_span(text: &str) -> String {
    if text.is_empty() || text.chars().any(char::is_control) {
        return md(text);
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // Markdown strips one space from each end of a span that has one at both ends, and a
    // span cannot start or end with its fence char; a space on each side covers both.
    let spaced = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    let pad = if spaced { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes text for rustdoc's Markdown, so that it renders exactly as written: all ASCII
/// punctuation is backslash-escaped, a line break becomes `<br>`, and other control chars and
/// leading spaces become character references (four leading spaces would start a code block,
/// which rustdoc also runs as a doctest).
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut leading = true;
    for c in text.chars() {
        leading &= c == ' ';
        match c {
            '\n' => out.push_str("<br>"),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || leading => out.push_str(&format!("&#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::read;

    const SPEC: &str = "platform: demo
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
                absolute: Some("/demo.yaml"),
                display: "demo.yaml",
            },
        )
        .to_string()
    }

    #[test]
    fn non_exhaustive_is_asked_for_by_the_spec() {
        assert!(!expansion(SPEC).contains("non_exhaustive"));
        let text = SPEC.replace("groups:", "non_exhaustive: true\ngroups:");
        assert!(expansion(&text).contains("# [non_exhaustive] # [allow"));
    }

    #[test]
    fn editing_the_spec_is_tracked_through_include_str() {
        assert!(expansion(SPEC).contains(":: core :: include_str ! (\"/demo.yaml\")"));
    }

    #[test]
    fn every_variant_doc_shows_code_message_hint_and_retry_class() {
        let text = SPEC.replace(
            "      - code: 1\n        name: First\n        message: first\n",
            "      - code: 100
        name: RateLimited
        message: 超过每分钟最大调用频率限制，请稍后重试
        hint: 请静置接口5-10分钟后重试 [点击这里](https://example.com/a_b)
        retry: {throttled: 5m}
      - code: 45009
        name: DailyQuota
        message: Day level frequency limit
        retry: {throttled: 1d}
      - code: null
        name: NoCode
        message: \"Unparseable date: {date}\"
",
        );
        let spec = read(&text, "demo.yaml").unwrap_or_else(|f| panic!("{:#?}", f.reports));
        let docs: Vec<String> = spec.entries.iter().map(|e| variant_doc(&spec, e)).collect();
        assert_eq!(docs.len(), 3);
        assert!(docs[0].starts_with("超过每分钟最大调用频率限制，请稍后重试\n\n"));
        assert!(docs[0].contains("- **code**: `100`\n"), "{}", docs[0]);
        assert!(docs[0].contains(
            "- **hint**: 请静置接口5\\-10分钟后重试 \\[点击这里\\]\\(https\\:\\/\\/example\\.com\\/a\\_b\\)\n"
        ));
        assert!(docs[0].contains("- **retry**: throttled, wait at least 5m\n"));
        assert!(docs[1].contains("- **hint**: none in the source\n"));
        assert!(docs[1].contains("- **retry**: throttled, wait at least 1d\n"));
        assert!(docs[2].starts_with("Unparseable date\\: \\{date\\}\n\n"));
        assert!(docs[2].contains("- **code**: none in the source; found by message only\n"));
        assert!(docs[2].contains("- **retry**: permanent\n"));
    }

    #[test]
    fn markdown_in_source_text_is_escaped_so_rustdoc_shows_it_as_written() {
        // Unescaped, a URL trips rustdoc::bare_urls and `[x]` becomes an intra-doc link.
        assert_eq!(
            md("URL：http://wdt.wangdian.cn/openapi"),
            "URL：http\\:\\/\\/wdt\\.wangdian\\.cn\\/openapi"
        );
        assert_eq!(md("[OrderId]"), "\\[OrderId\\]");
        assert_eq!(md("shop_no *x* <b>"), "shop\\_no \\*x\\* \\<b\\>");
        assert_eq!(md("a\nb\r"), "a<br>b&#13;");
    }
}

#[cfg(test)]
mod escaping;
