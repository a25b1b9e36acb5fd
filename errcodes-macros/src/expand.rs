//! [`Spec`] → tokens.
//!
//! The generated code is mostly data: one static `Table` that `errcodes::__private` reads.
//! Only three functions match on the variants (a unit variant from its index, any variant
//! from its index, the payload), so the expansion and its compile time grow linearly with
//! the spec.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::ast::{Code, Entry, Envelope, Lang, Retry, Spec, Template, Text};
use crate::check::{entries_by_code, skeleton};
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
    let layout = Layout::new(spec);
    let name = |i: usize| &spec.entries[i].name;
    // The lists with one item per entry are written as source text and lexed once by the
    // compiler: building them token by token costs a call into the compiler per token.
    let variant_defs = |order: &[usize]| {
        source_tokens(order.iter().map(|&i| {
            let entry = &spec.entries[i];
            let field = if entry.codes.len() == 1 {
                ""
            } else {
                "(::errcodes::RawCode)"
            };
            format!(
                "#[doc = {:?}] {}{field},",
                variant_doc(spec, entry),
                name(i)
            )
        }))
    };
    let units = layout.units;
    let unit_defs = variant_defs(&layout.order[..units]);
    let payload_defs = variant_defs(&layout.order[units..]);
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

    let payload_patterns = source_tokens(
        layout.order[units..]
            .iter()
            .map(|&i| format!("{ty}::{}(code) |", name(i))),
    );
    let unit_arms = source_tokens(
        layout.order[..units]
            .iter()
            .enumerate()
            .map(|(at, &i)| format!("{at} => {ty}::{},", name(i))),
    );
    let payload_arms = source_tokens(
        layout.order[units..]
            .iter()
            .enumerate()
            .map(|(at, &i)| format!("{} => {ty}::{}(code),", units + at, name(i))),
    );
    // A match whose every arm is a unit variant, the default included, is lowered by LLVM
    // to arithmetic on the tag (when it is optimised before being inlined, hence a function
    // of its own); one arm that holds a code makes it a jump table, which a mix of results
    // mispredicts. So the unit variants are built apart from those that hold a code.
    let first_unit = layout
        .order
        .first()
        .filter(|_| units > 0)
        .map(|&i| Ident::new(name(i), Span::call_site()));
    let unit_from_index = first_unit.map(|first| {
        quote! {
            #[inline]
            fn unit_from_index(index: usize) -> #ty {
                match index {
                    #unit_arms
                    _ => #ty::#first,
                }
            }
        }
    });
    let from_index = match (units, count - units) {
        (_, 0) => quote! {
            if index < #units {
                unit_from_index(index)
            } else {
                #ty::Unknown(code)
            }
        },
        (0, _) => quote! {
            match index {
                #payload_arms
                _ => #ty::Unknown(code),
            }
        },
        _ => quote! {
            if index < #units {
                unit_from_index(index)
            } else {
                match index {
                    #payload_arms
                    _ => #ty::Unknown(code),
                }
            }
        },
    };
    let all = source_tokens(spec.entries.iter().map(|entry| {
        let payload = match entry.codes.as_slice() {
            [_] => String::new(),
            [] => "(::errcodes::RawCode::NONE)".to_owned(),
            [Code::Int(code), ..] => format!("(::errcodes::RawCode::int({code}))"),
            [Code::Str(code), ..] => format!("(::errcodes::RawCode::static_str({code:?}))"),
        };
        format!("{ty}::{}{payload},", entry.name)
    }));

    // Inlined into each caller, building a variant is a store of the index as the tag and of
    // the code, without a branch; out of line, LLVM may lower it to a jump table. Past a few
    // thousand arms, copies of the match would cost build time, so it is only a hint.
    let inline_from_index = if count <= 2048 {
        quote!(#[inline(always)])
    } else {
        quote!(#[inline])
    };
    let table = table(spec, &layout);
    let platform = &spec.platform;
    let (title, source_link) = (&spec.title, &spec.source);
    let group_ids = spec.groups.iter().map(|group| &group.id);
    let group_titles = spec.groups.iter().map(|group| &group.title);
    let response = spec.envelope.as_ref().map(|envelope| {
        let envelope = envelope_tokens(envelope);
        quote! {
            ::errcodes::__private::response_impls!(#ty, #envelope, |key, message| {
                from_index(TABLE.classify_index(key, message), key.raw())
            });
        }
    });
    let twins = crate::check::twins(spec)
        .into_iter()
        .map(|(a, b)| (u32_of(a), u32_of(b)))
        .map(|(a, b)| quote!((#a, #b)));
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
            #unit_defs
            #[doc = #unknown_doc]
            Unknown(::errcodes::RawCode),
            #payload_defs
        }

        const _: () = {
            #track

            static TABLE: ::errcodes::__private::Table = #table;

            // Entries that share a code and a message but not an endpoint, both ways round.
            static TWINS: &[(u32, u32)] = &[#(#twins),*];

            // The variant's index in the table, read from its discriminant: no match over
            // the variants, whose compile time grows much faster than linearly.
            fn to_index(value: &#ty) -> usize {
                ::errcodes::__private::entry_index(::core::mem::discriminant(value), #units)
            }

            #unit_from_index

            #inline_from_index
            fn from_index(index: usize, code: ::errcodes::RawCode) -> #ty {
                #from_index
            }

            fn payload(value: &#ty) -> ::core::option::Option<&::errcodes::RawCode> {
                match value {
                    #payload_patterns #ty::Unknown(code) => ::core::option::Option::Some(code),
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
                pub const ALL: &'static [#ty] = &[#all];

                /// The entry for an integer code: its only entry, or its `fallback` entry when
                /// it has several. An unknown code gives `Unknown`, which keeps the code.
                #[must_use]
                #[inline]
                pub fn from_code(code: i64) -> Self {
                    let key = ::errcodes::__private::Key::Int(code);
                    from_index(TABLE.lookup(key), key.raw())
                }

                /// Like [`from_code`](Self::from_code) for a code received as text. Numeric
                /// text (`"45009"`, ` -1 `) is read as the integer code. Other text is looked
                /// up without surrounding whitespace; an unknown code keeps the text exactly
                /// as received.
                #[must_use]
                #[inline]
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
                    let key = ::errcodes::__private::Key::Int(code);
                    from_index(TABLE.classify_index(key, message), key.raw())
                }

                /// Like [`classify`](Self::classify) for a code received as text.
                #[must_use]
                pub fn classify_str(code: &str, message: &str) -> Self {
                    let key = ::errcodes::__private::Key::parse(code);
                    from_index(TABLE.classify_index(key, message), TABLE.received(key, code))
                }

                /// Like [`classify`](Self::classify), for a response from `endpoint`: where
                /// the spec documents the same code and message for several endpoints, the
                /// entry of this one is chosen (trailing slashes do not matter).
                #[must_use]
                pub fn classify_at(endpoint: &str, code: i64, message: &str) -> Self {
                    let key = ::errcodes::__private::Key::Int(code);
                    let index = TABLE.classify_index(key, message);
                    from_index(TABLE.at_endpoint(index, TWINS, endpoint), key.raw())
                }

                /// Like [`classify`](Self::classify), and also gives the values of the
                /// matched template's fields, borrowed from `message`.
                #[must_use]
                pub fn classify_fields(code: i64, message: &str) -> (Self, ::errcodes::Fields<'_>) {
                    let key = ::errcodes::__private::Key::Int(code);
                    let (index, fields) = TABLE.classify(key, message);
                    (from_index(index, key.raw()), fields)
                }

                /// Like [`classify_fields`](Self::classify_fields) for a code received as
                /// text.
                #[must_use]
                pub fn classify_fields_str<'m>(code: &str, message: &'m str) -> (Self, ::errcodes::Fields<'m>) {
                    let key = ::errcodes::__private::Key::parse(code);
                    let (index, fields) = TABLE.classify(key, message);
                    (from_index(index, TABLE.received(key, code)), fields)
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
                    TABLE.codes(to_index(self))
                }

                /// The names of the fields of the entry's message template, in order; empty
                /// for a plain message and for `Unknown`.
                #[must_use]
                pub fn field_names(&self) -> &'static [&'static str] {
                    TABLE.field_names(to_index(self))
                }

                /// The remedy from the spec, if it gives one.
                #[must_use]
                pub fn hint(&self) -> ::core::option::Option<&'static str> {
                    TABLE.hint(to_index(self))
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
                    TABLE.http_status(to_index(self))
                }

                /// The endpoint the spec gives, if any.
                #[must_use]
                pub fn endpoint(&self) -> ::core::option::Option<&'static str> {
                    TABLE.endpoint(to_index(self))
                }

                /// The scene the spec gives, if any.
                #[must_use]
                pub fn scene(&self) -> ::core::option::Option<&'static str> {
                    TABLE.scene(to_index(self))
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
                #[inline]
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

/// The order of the entries in the table: those without a payload first, then those that
/// keep the code received, each in spec order. The variants are declared in that order, with
/// `Unknown` between the two: the tags of the variants that hold a code are then one range,
/// so that building a variant from its index, and dropping one, compile to comparisons
/// rather than jump tables, whatever the size of the spec.
struct Layout {
    /// Spec index of each variant, in declaration order.
    order: Vec<usize>,
    /// Declaration index of each spec entry: the entry's index in the table.
    position: Vec<usize>,
    /// How many variants have no payload: they come first.
    units: usize,
}

impl Layout {
    fn new(spec: &Spec) -> Self {
        let mut order: Vec<usize> = (0..spec.entries.len()).collect();
        order.sort_by_key(|&i| spec.entries[i].codes.len() != 1);
        let mut position = vec![0; order.len()];
        for (at, &i) in order.iter().enumerate() {
            position[i] = at;
        }
        let units = spec
            .entries
            .iter()
            .filter(|entry| entry.codes.len() == 1)
            .count();
        Layout {
            order,
            position,
            units,
        }
    }
}

/// A code with more patterns than this finds them in the bucket of its message's first
/// char; one with fewer scans them all, which is faster for a handful.
const SCAN: usize = 8;
/// `u32`s per probe, as the runtime's `PROBE`.
const PROBE: usize = 11;
/// Marks an absent string, code or status, as `errcodes::__private::NONE`.
const NONE: u32 = u32::MAX;

/// The `errcodes::__private::Table`: flat arrays of integers and one string, which the
/// compiler checks and lowers in time linear in the size of the spec.
fn table(spec: &Spec, layout: &Layout) -> TokenStream {
    let mut data = Data::new(spec, layout);
    let mut retries: Vec<Retry> = Vec::new();
    let mut retry_index = |retry: Retry| {
        let at = retries.iter().position(|&known| known == retry);
        u32_of(at.unwrap_or_else(|| {
            retries.push(retry);
            retries.len() - 1
        }))
    };
    let mut entries: Vec<u32> = Vec::new();
    let mut entry_codes: Vec<String> = Vec::new();
    let mut field_names: Vec<String> = Vec::new();
    for &i in &layout.order {
        let entry = &spec.entries[i];
        let lang = |lang| {
            let at = entry.message.langs.iter().position(|(l, _)| *l == lang)?;
            Some(entry.templates[at].display())
        };
        let (codes, fields) = (u32_of(entry_codes.len()), u32_of(field_names.len()));
        entry_codes.extend(entry.codes.iter().map(|code| match code {
            Code::Int(code) => format!("::errcodes::Code::Int({code}),"),
            Code::Str(code) => format!("::errcodes::Code::Str({code:?}),"),
        }));
        field_names.extend(
            entry.templates[0]
                .fields
                .iter()
                .map(|field| format!("{field:?},")),
        );
        entries.extend([
            data.string(&entry.name),
            data.string(&entry.templates[0].display()),
            data.optional(lang(Lang::Zh).as_deref()),
            data.optional(lang(Lang::En).as_deref()),
            data.optional(entry.hint.as_ref().map(Text::first)),
            data.optional(entry.endpoint.as_deref()),
            data.optional(entry.scene.as_deref()),
            u32_of(entry.group),
            entry.http_status.map_or(NONE, u32::from),
            retry_index(entry.retry),
            codes,
            u32_of(entry.codes.len()),
            fields,
            u32_of(entry.templates[0].fields.len()),
        ]);
    }
    let groups: Vec<u32> = spec
        .groups
        .iter()
        .flat_map(|group| [data.string(&group.id), data.string(&group.title)])
        .collect();
    let mut ints: Vec<(i64, [i64; 1])> = Vec::new();
    let mut strs: Vec<((String, u32), [u32; 2])> = Vec::new();
    for (code, indices) in &entries_by_code(spec) {
        let index = data.code(indices);
        let fallback = indices
            .iter()
            .copied()
            .find(|&i| spec.entries[i].fallback)
            .unwrap_or(indices[0]);
        let fallback = u32_of(layout.position[fallback]);
        match code {
            Code::Int(code) => {
                ints.push((*code, [(i64::from(fallback) << 32) | i64::from(index)]));
            }
            Code::Str(code) => strs.push(((code.clone(), data.string(code)), [fallback, index])),
        }
    }
    // The last code is the entries without one.
    let codeless: Vec<usize> = (0..spec.entries.len())
        .filter(|&i| spec.entries[i].codes.is_empty())
        .collect();
    data.code(&codeless);
    let noise: Vec<u32> = spec
        .noise
        .iter()
        .map(|template| data.pattern(template))
        .collect();
    let ints = phf_tokens(
        &ints,
        |i, seed| phf::hash_int(ints[i].0, seed),
        |&code| code,
        longs,
    );
    let strs = phf_tokens(
        &strs,
        |i, seed| phf::hash_str(&strs[i].0 .0, seed),
        |&(_, id)| id,
        words,
    );
    let Data {
        text,
        bounds,
        patterns,
        probes,
        codes,
        buckets,
        ..
    } = data;
    let text = Literal::string(&text);
    let (bounds, entries, groups) = (words(&bounds), words(&entries), words(&groups));
    let entry_codes = source_tokens(entry_codes.into_iter());
    let field_names = source_tokens(field_names.into_iter());
    let (codes, probes, buckets) = (words(&codes), words(&probes), words(&buckets));
    let (patterns, noise) = (words(&patterns), words(&noise));
    let retries = retries.into_iter().map(retry);
    let platform = &spec.platform;
    let unknown_retry = retry(spec.unknown_retry);
    quote! {
        ::errcodes::__private::Table {
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
            unknown_retry: #unknown_retry,
        }
    }
}

/// The arrays of the table, as they are built.
struct Data<'s> {
    spec: &'s Spec,
    layout: &'s Layout,
    /// Rank of each entry's first template: templates are ranked in spec order, and the
    /// earliest wins a tie.
    ranks: Vec<usize>,
    /// The pattern of each (entry, template) made so far: an entry with several codes has
    /// its patterns under each.
    made: std::collections::HashMap<(usize, usize), u32>,
    text: String,
    bounds: Vec<u32>,
    patterns: Vec<u32>,
    probes: Vec<u32>,
    codes: Vec<u32>,
    buckets: Vec<u32>,
}

impl<'s> Data<'s> {
    fn new(spec: &'s Spec, layout: &'s Layout) -> Self {
        let ranks = spec
            .entries
            .iter()
            .scan(0, |next, entry| {
                let rank = *next;
                *next += entry.templates.len();
                Some(rank)
            })
            .collect();
        Data {
            spec,
            layout,
            ranks,
            made: std::collections::HashMap::new(),
            text: String::new(),
            bounds: vec![0],
            patterns: Vec::new(),
            probes: Vec::new(),
            codes: Vec::new(),
            buckets: Vec::new(),
        }
    }

    /// Appends a string and gives its id.
    fn string(&mut self, text: &str) -> u32 {
        self.text.push_str(text);
        self.bounds.push(u32_of(self.text.len()));
        u32_of(self.bounds.len() - 2)
    }

    fn optional(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE, |text| self.string(text))
    }

    /// A template as the matcher reads it: literals trimmed at the ends (messages are) and
    /// normalised, each literal and each field name a string, in a row.
    fn pattern(&mut self, template: &Template) -> u32 {
        let lits = skeleton(template);
        let min_len = u32_of(lits.iter().map(String::len).sum::<usize>() + template.fields.len());
        let first_lit = u32_of(self.bounds.len() - 1);
        for lit in &lits {
            self.string(lit);
        }
        let first_field = u32_of(self.bounds.len() - 1);
        for field in &template.fields {
            self.string(field);
        }
        let count = u32_of(template.fields.len());
        self.patterns
            .extend([first_lit, first_field, count, min_len]);
        u32_of(self.patterns.len() / 4 - 1)
    }

    /// Appends the patterns of `entries` (one code's, or those without a code) and gives the
    /// code's index. A handful are kept in order of preference, to be scanned; of many,
    /// those that start with a field come first, to be scanned, and the others go in buckets
    /// by the lead of their first char, in order of preference within a bucket.
    fn code(&mut self, entries: &[usize]) -> u32 {
        let spec = self.spec;
        let mut probes: Vec<(u32, u32, usize, usize)> = entries
            .iter()
            .flat_map(|&entry| {
                spec.entries[entry]
                    .templates
                    .iter()
                    .enumerate()
                    .map(move |(i, template)| {
                        let lits = skeleton(template);
                        let first = lits.first().and_then(|lit| lit.chars().next());
                        let last = lits.last().and_then(|lit| lit.chars().next_back());
                        (lead(first), lead(last), entry, i)
                    })
            })
            .collect();
        // Each probe's place in the order of preference: most literal text first, then spec
        // order. Sorted so, each range of probes is tried best first and stops at a match.
        let ranks = &self.ranks;
        let preference = |&(_, _, entry, template): &(u32, u32, usize, usize)| {
            let weight = spec.entries[entry].templates[template].weight();
            (std::cmp::Reverse(weight), ranks[entry] + template)
        };
        probes.sort_by_key(preference);
        let mut probes: Vec<(u32, u32, usize, usize, u32)> = probes
            .into_iter()
            .enumerate()
            .map(|(order, (lead, tail, entry, template))| {
                (lead, tail, entry, template, u32_of(order))
            })
            .collect();
        let start = self.probes.len() / PROBE;
        let (scanned, bits, buckets) = if probes.len() > SCAN {
            let bits = (2 * probes.len()).next_power_of_two().trailing_zeros();
            probes.sort_by_key(|&(lead, _, _, _, order)| {
                (lead != 0, (lead != 0).then(|| bucket(lead, bits)), order)
            });
            let scanned = probes.iter().take_while(|probe| probe.0 == 0).count();
            let mut sizes = vec![0; 1 << bits];
            for probe in &probes[scanned..] {
                sizes[bucket(probe.0, bits)] += 1;
            }
            let at = self.buckets.len();
            let mut offset = start + scanned;
            self.buckets.push(u32_of(offset));
            for size in sizes {
                offset += size;
                self.buckets.push(u32_of(offset));
            }
            (scanned, bits, u32_of(at))
        } else {
            (probes.len(), 0, 0)
        };
        for (lead, tail, entry, template, order) in probes {
            let pattern = match self.made.get(&(entry, template)) {
                Some(&pattern) => pattern,
                None => {
                    let pattern = self.pattern(&spec.entries[entry].templates[template]);
                    self.made.insert((entry, template), pattern);
                    pattern
                }
            };
            let entry = u32_of(self.layout.position[entry]);
            // What the matcher needs first, read from the probe rather than through the
            // pattern and the bounds: its length, its field count, its end literals' bytes.
            let at = 4 * pattern as usize;
            let (lits, count, min_len) = (
                self.patterns[at] as usize,
                self.patterns[at + 2],
                self.patterns[at + 3],
            );
            let last = lits + count as usize;
            self.probes.extend([
                lead,
                tail,
                min_len,
                order,
                entry,
                pattern,
                count,
                self.bounds[lits],
                self.bounds[lits + 1],
                self.bounds[last],
                self.bounds[last + 1],
            ]);
        }
        self.codes
            .extend([u32_of(start), u32_of(start + scanned), buckets, bits]);
        u32_of(self.codes.len() / 4 - 1)
    }
}

/// The bucket of a lead among `1 << bits`, as the runtime's `bucket`.
fn bucket(lead: u32, bits: u32) -> usize {
    (lead.wrapping_mul(0x9e37_79b9) >> (32 - bits)) as usize
}

/// The UTF-8 bytes of `c`, big-endian in a `u32`, as the runtime's `lead`; 0 for none.
fn lead(c: Option<char>) -> u32 {
    let mut bytes = [0; 4];
    if let Some(c) = c {
        c.encode_utf8(&mut bytes);
    }
    u32::from_be_bytes(bytes)
}

/// A perfect-hash table whose slots hold each key's id (`key_value`) then its values, as
/// little-endian bytes.
fn phf_tokens<K, V: Copy, const N: usize>(
    keys: &[(K, [V; N])],
    hash: impl Fn(usize, u64) -> u64,
    key_value: impl Fn(&K) -> V,
    bytes: impl Fn(&[V]) -> TokenStream,
) -> TokenStream {
    let built = phf::build(keys.len(), hash);
    let seed = built.seed;
    let displacements = words(&built.displacements);
    let slots: Vec<V> = built
        .order
        .iter()
        .flat_map(|&i| {
            let (key, values) = &keys[i];
            std::iter::once(key_value(key)).chain(values.iter().copied())
        })
        .collect();
    let slots = bytes(&slots);
    quote! {
        ::errcodes::__private::Phf {
            seed: #seed,
            displacements: #displacements,
            slots: #slots,
        }
    }
}

/// Items of Rust source (names checked as identifiers, strings written with `{:?}`),
/// lexed once.
fn source_tokens(items: impl Iterator<Item = String>) -> TokenStream {
    let source: String = items.collect();
    source.parse().unwrap_or_else(|error| {
        let message = format!("errcodes: generated code does not lex ({error}); please report");
        quote!(::core::compile_error!(#message);)
    })
}

/// `u32`s as one little-endian byte-string literal: one token, which the compiler reads as
/// fast as text, where a literal per number costs time in every pass.
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

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn enum_doc(spec: &Spec, display_path: &str) -> String {
    let mut doc = format!(
        "{}\n\nSource: {}\n\nGenerated by `errcodes::platform_errors!` from {}: {} entries in {} group{}, plus `Unknown`.",
        md(&spec.title),
        md(&spec.source),
        code_span(display_path),
        spec.entries.len(),
        spec.groups.len(),
        if spec.groups.len() == 1 { "" } else { "s" },
    );
    if spec.entries.iter().any(|entry| entry.codes.len() != 1) {
        doc.push_str(
            " Variants are in spec order, except that those which keep the code received \
             (entries with several codes, or none) come after `Unknown`; `ALL` is in spec order.",
        );
    }
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
