//! Spec text cannot change the generated docs' structure, and comes out of them unaltered.

use proptest::prelude::*;

use super::md;

/// One unit of `md`'s output, as rustdoc's Markdown reads it.
#[derive(Debug, PartialEq)]
enum Piece {
    /// A backslash escape: the char stands for itself.
    Escaped(char),
    /// `<br>`: a line break.
    Break,
    /// `&#N;`: the char N.
    Reference(char),
    /// Any other char, which Markdown gives no meaning.
    Plain(char),
}

fn pieces(doc: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<br>") {
            out.push(Piece::Break);
            rest = after;
        } else if let Some((number, after)) = rest
            .strip_prefix("&#")
            .and_then(|after| after.split_once(';'))
        {
            let c = number
                .parse()
                .ok()
                .and_then(char::from_u32)
                .unwrap_or_else(|| panic!("bad reference &#{number}; in {doc:?}"));
            out.push(Piece::Reference(c));
            rest = after;
        } else if c == '\\' {
            let escaped = rest[1..].chars().next().expect("an escaped char");
            out.push(Piece::Escaped(escaped));
            rest = &rest[1 + escaped.len_utf8()..];
        } else {
            out.push(Piece::Plain(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// What a reader of the rendered docs gets back.
fn unmd(doc: &str) -> String {
    pieces(doc)
        .into_iter()
        .map(|piece| match piece {
            Piece::Escaped(c) | Piece::Reference(c) | Piece::Plain(c) => c,
            Piece::Break => '\n',
        })
        .collect()
}

/// `md`'s output leaves Markdown nothing to interpret: every ASCII punctuation char is
/// escaped, no char can start a block (it is one line, not starting with a space), and no
/// control char is raw.
fn assert_inert(text: &str) {
    let doc = md(text);
    let pieces = pieces(&doc);
    for (i, piece) in pieces.iter().enumerate() {
        if let Piece::Plain(c) = *piece {
            assert!(
                !c.is_ascii_punctuation() && !c.is_control(),
                "raw {c:?} in {doc:?}"
            );
            assert!(!(i == 0 && c.is_whitespace() && c.is_ascii()), "{doc:?}");
        }
        if let Piece::Escaped(c) = *piece {
            assert!(c.is_ascii_punctuation(), "needless escape of {c:?}");
        }
    }
}

/// Strings that mean something to Rust, Markdown, HTML, or a terminal.
pub const NASTY: &[&str] = &[
    "\"",
    "\\",
    "\"#",
    "\"##;",
    "*/",
    "/*",
    "{}",
    "{{",
    "}}",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "\u{202E}evil\u{202C}",
    "zero\u{200B}width",
    "\u{FEFF}",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "](javascript:",
    "`code`",
    "```rust\nfn main() {}\n```",
    "    assert!(false);",
    "\tassert!(false);",
    "| a | b |\n| --- | --- |",
    "# Heading",
    "> quote",
    "- item",
    "1. item",
    "***",
    "[Self]",
    "[`Vec`]",
    "&amp; &#0; &lt;",
    "<br>",
    "\\<br>",
    "$x^2$",
    "~~gone~~",
    "__bold__",
    "e\u{301}",
    "line  \nbreak",
    "",
    " ",
];

#[test]
fn md_round_trips_nasty_text() {
    for text in NASTY {
        assert_eq!(unmd(&md(text)), *text, "md({text:?}) = {:?}", md(text));
        assert_inert(text);
    }
    let all = NASTY.concat();
    assert_eq!(unmd(&md(&all)), all);
}

#[test]
fn leading_spaces_cannot_start_a_code_block() {
    // Four spaces at the start of a paragraph make a code block, which rustdoc runs as a
    // doctest in the user's crate.
    assert_eq!(md("    x"), "&#32;&#32;&#32;&#32;x");
    assert_eq!(md("x    y"), "x    y");
}

proptest! {
    #[test]
    fn md_round_trips_any_text(text in any::<String>()) {
        prop_assert_eq!(unmd(&md(&text)), text.clone());
        assert_inert(&text);
    }

    #[test]
    fn md_round_trips_nasty_mixtures(parts in prop::collection::vec(prop::sample::select(NASTY), 0..8)) {
        let text = parts.concat();
        prop_assert_eq!(unmd(&md(&text)), text.clone());
        assert_inert(&text);
    }
}

/// The text of a code span as CommonMark reads it; `None` if `doc` is not one whole span.
fn read_code_span(doc: &str) -> Option<String> {
    let fence = doc.len() - doc.trim_start_matches('`').len();
    let inner = doc.get(fence..doc.len().checked_sub(fence)?)?;
    if fence == 0 || !doc.ends_with(&"`".repeat(fence)) || inner.is_empty() {
        return None;
    }
    // The span closes at the first run of exactly `fence` backticks.
    let runs_inside = inner.split(|c| c != '`').any(|run| run.len() == fence);
    if runs_inside || inner.starts_with('`') || inner.ends_with('`') {
        return None;
    }
    let strip = inner.starts_with(' ') && inner.ends_with(' ') && !inner.trim().is_empty();
    Some(if strip {
        inner[1..inner.len() - 1].to_owned()
    } else {
        inner.to_owned()
    })
}

#[test]
fn code_spans_hold_any_backticks() {
    for text in [
        "\"F00-00-10013-002\"",
        "x`<img src=x onerror=alert(1)>`y",
        "`",
        "``",
        "a``b`",
        " padded ",
        "specs/wechat_shop.yaml",
    ] {
        let span = super::code_span(text);
        assert_eq!(read_code_span(&span).as_deref(), Some(text), "{span:?}");
    }
    assert_eq!(
        super::code_span("a\nb"),
        md("a\nb"),
        "a span cannot hold a line break"
    );
}

proptest! {
    #[test]
    fn code_spans_round_trip(text in "[`a <>\\\\\"]{1,12}") {
        let span = super::code_span(&text);
        if text.trim().is_empty() {
            // Markdown keeps an all-space span as it is.
            prop_assert!(span.contains(&text));
        } else {
            prop_assert_eq!(read_code_span(&span), Some(text.clone()));
        }
    }
}

// ---------------------------------------------------------------------------------------
// The expansion of `tests/fixtures/injection.yaml`.

mod injection {
    use std::collections::BTreeMap;

    use proc_macro2::{TokenStream, TokenTree};
    use serde_yaml::Value;

    use super::unmd;
    use crate::expand::{expand, Source};
    use crate::spec::read;

    fn fixture() -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/injection.yaml");
        std::fs::read_to_string(path).expect("read the injection fixture")
    }

    fn expansion(text: &str) -> TokenStream {
        let spec =
            read(text, "injection.yaml").unwrap_or_else(|failure| panic!("{:#?}", failure.reports));
        expand(
            &spec,
            &Source {
                tracked: &["/fixtures/injection.yaml".to_owned()],
                bytes: None,
                stub: false,
                display: "tests/fixtures/injection.yaml",
                krate: &quote::quote!(::errcodes),
            },
        )
    }

    /// The tokens with every literal reduced to its kind: what spec text must not change.
    fn shape(tokens: TokenStream, out: &mut Vec<String>) {
        for token in tokens {
            match token {
                TokenTree::Group(group) => {
                    out.push(format!("{:?}(", group.delimiter()));
                    shape(group.stream(), out);
                    out.push(")".to_owned());
                }
                TokenTree::Ident(ident) => out.push(ident.to_string()),
                TokenTree::Punct(punct) => out.push(punct.as_char().to_string()),
                TokenTree::Literal(literal) => {
                    let kind = if literal.to_string().starts_with('"') {
                        "string"
                    } else {
                        "number"
                    };
                    out.push(kind.to_owned());
                }
            }
        }
    }

    /// The fixture with every text and string code replaced by plain words; templates keep
    /// their fields.
    fn blanded(value: &mut Value, key: &str, n: &mut usize) {
        *n += 1;
        match value {
            Value::Mapping(map) => {
                for (child_key, child) in map.iter_mut() {
                    let child_key = match child_key.as_str() {
                        Some("zh" | "en") | None => key,
                        Some(child_key) => child_key,
                    };
                    blanded(child, child_key, n);
                }
            }
            Value::Sequence(items) => items.iter_mut().for_each(|item| blanded(item, key, n)),
            Value::String(text) => match key {
                "message" => {
                    let template = crate::spec::template::parse(text).expect("a valid template");
                    let fields: String = template
                        .fields
                        .iter()
                        .map(|f| format!("{{{f}}} and "))
                        .collect();
                    *text = format!("message {n} {fields}end");
                }
                "title" | "source" | "note" | "hint" | "endpoint" | "scene" => {
                    *text = format!("text {n}");
                }
                "code" => *text = format!("S-{n}"),
                _ => {}
            },
            _ => {}
        }
    }

    #[test]
    fn spec_text_changes_only_the_literals_of_the_expansion() {
        let fixture = fixture();
        let mut bland: Value = serde_yaml::from_str(&fixture).expect("YAML");
        blanded(&mut bland, "", &mut 0);
        let bland = serde_yaml::to_string(&bland).expect("YAML");
        assert!(
            !bland.contains("script"),
            "every text is replaced:\n{bland}"
        );
        let (mut nasty_shape, mut bland_shape) = (Vec::new(), Vec::new());
        shape(expansion(&fixture), &mut nasty_shape);
        shape(expansion(&bland), &mut bland_shape);
        assert_eq!(nasty_shape, bland_shape);
    }

    #[test]
    fn the_expansion_has_exactly_the_expected_items() {
        let file: syn::File = syn::parse2(expansion(&fixture())).expect("valid Rust");
        let [syn::Item::Enum(item), syn::Item::Const(block)] = file.items.as_slice() else {
            panic!(
                "an enum and a const block, found {} items",
                file.items.len()
            );
        };
        let variants: Vec<String> = item.variants.iter().map(|v| v.ident.to_string()).collect();
        assert_eq!(
            variants,
            [
                "Quotes",
                "Controls",
                "Markup",
                "Indented",
                "NastyCode",
                "Translated",
                "Template",
                "Big",
                "InBigGroup",
                "Unknown"
            ]
        );
        let syn::Expr::Block(body) = &*block.expr else {
            panic!("the const block is a block");
        };
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for stmt in &body.block.stmts {
            let kind = match stmt {
                syn::Stmt::Item(syn::Item::Const(_)) => "const",
                syn::Stmt::Item(syn::Item::Static(_)) => "static",
                syn::Stmt::Item(syn::Item::Fn(_)) => "fn",
                syn::Stmt::Item(syn::Item::Impl(_)) => "impl",
                syn::Stmt::Macro(_) => "macro",
                other => panic!("unexpected {}", quote::quote!(#other)),
            };
            *kinds.entry(kind).or_default() += 1;
        }
        // include_str! of the spec; TABLE and its CACHE; the unit variant of an index and `of_code`;
        // Catalog, the inherent impl and Clone, Debug, Display, Error, From<i64>, FromStr;
        // the serde impls, which a macro of the runtime writes.
        let expected = BTreeMap::from([
            ("const", 1),
            ("static", 2),
            ("fn", 2),
            ("impl", 8),
            ("macro", 1),
        ]);
        assert_eq!(kinds, expected);
    }

    /// The one `#[doc = "..."]` of a list of attributes, which must be a plain string literal.
    fn doc(attrs: &[syn::Attribute]) -> String {
        let docs: Vec<String> = attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"))
            .map(|attr| match &attr.meta {
                syn::Meta::NameValue(syn::MetaNameValue {
                    value:
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(text),
                            ..
                        }),
                    ..
                }) => text.value(),
                other => panic!(
                    "a doc that is not a string literal: {}",
                    quote::quote!(#other)
                ),
            })
            .collect();
        assert_eq!(docs.len(), 1, "{docs:#?}");
        docs.into_iter().next().unwrap_or_default()
    }

    fn text<'v>(value: &'v Value, key: &str) -> Vec<&'v str> {
        match &value[key] {
            Value::String(text) => vec![text.as_str()],
            Value::Mapping(langs) => langs.values().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Each doc is the expected lines, each line's spec text escaped whole: decoding it gives
    /// back exactly the spec's text, and no text adds or breaks a line.
    #[test]
    fn docs_carry_every_text_unaltered() {
        let fixture = fixture();
        let spec: Value = serde_yaml::from_str(&fixture).expect("YAML");
        let file: syn::File = syn::parse2(expansion(&fixture)).expect("valid Rust");
        let syn::Item::Enum(item) = &file.items[0] else {
            panic!("the enum comes first");
        };

        let enum_doc = doc(&item.attrs);
        let paragraphs: Vec<&str> = enum_doc.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 7, "{paragraphs:#?}");
        assert_eq!(unmd(paragraphs[0]), text(&spec, "title")[0]);
        let source = paragraphs[1].strip_prefix("Source: ").expect("Source:");
        assert_eq!(unmd(source), text(&spec, "source")[0]);
        assert!(paragraphs[2].contains(" from `tests/fixtures/injection.yaml`: 9 entries"));
        assert_eq!(unmd(paragraphs[3]), text(&spec, "note")[0]);
        let groups = spec["groups"].as_sequence().expect("groups");
        let rows: Vec<&str> = paragraphs[4].lines().skip(2).collect();
        assert_eq!(rows.len(), groups.len());
        for ((row, group), count) in rows.iter().zip(groups).zip([8, 1]) {
            let id = group["id"].as_str().expect("id");
            let title = row
                .strip_prefix(&format!("| `{id}` | "))
                .and_then(|rest| rest.strip_suffix(&format!(" | {count} |")))
                .unwrap_or_else(|| panic!("row {row:?}"));
            assert_eq!(unmd(title), text(group, "title")[0]);
        }
        for (paragraph, group) in paragraphs[5..].iter().zip(groups) {
            let id = group["id"].as_str().expect("id");
            let note = paragraph
                .strip_prefix(&format!("Group `{id}`: "))
                .unwrap_or_else(|| panic!("{paragraph:?}"));
            assert_eq!(unmd(note), text(group, "note")[0]);
        }

        let mut variants = item.variants.iter();
        for group in groups {
            for entry in group["errors"].as_sequence().expect("errors") {
                let variant = variants.next().expect("a variant per entry");
                let doc = doc(&variant.attrs);
                let mut lines = doc.lines();
                let message = crate::spec::template::parse(text(entry, "message")[0])
                    .expect("template")
                    .display();
                assert_eq!(unmd(lines.next().expect("message")), message);
                assert_eq!(lines.next(), Some(""));
                // The raw doc text of each `- **key**: value` line, by key.
                let mut found: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
                for line in lines {
                    let (key, value) = line
                        .strip_prefix("- **")
                        .and_then(|rest| rest.split_once("**: "))
                        .unwrap_or_else(|| panic!("{line:?} in {doc:?}"));
                    found.entry(key).or_default().push(value);
                }
                let name = entry["name"].as_str().expect("name");
                let decoded = |key: &str| -> Vec<String> {
                    found
                        .get(key)
                        .map_or_else(Vec::new, |values| values.iter().map(|v| unmd(v)).collect())
                };
                let inherited = |key: &str| {
                    let own = text(entry, key);
                    if own.is_empty() {
                        text(group, key)
                    } else {
                        own
                    }
                };
                let (hint, hints) = if entry["hint"].is_mapping() {
                    (Vec::new(), text(entry, "hint"))
                } else if inherited("hint").is_empty() {
                    (vec!["none in the source"], Vec::new())
                } else {
                    (inherited("hint"), Vec::new())
                };
                let (hint_zh, hint_en) = (decoded("hint (zh)"), decoded("hint (en)"));
                let messages = if entry["message"].is_mapping() {
                    text(entry, "message")
                } else {
                    Vec::new()
                };
                let (message_zh, message_en) = (decoded("message (zh)"), decoded("message (en)"));
                for (key, got, expected) in [
                    ("hint", decoded("hint"), hint),
                    (
                        "hints",
                        hint_zh.iter().chain(&hint_en).cloned().collect(),
                        hints,
                    ),
                    (
                        "messages",
                        message_zh.iter().chain(&message_en).cloned().collect(),
                        messages,
                    ),
                    ("note", decoded("note"), text(entry, "note")),
                    ("endpoint", decoded("endpoint"), inherited("endpoint")),
                    ("scene", decoded("scene"), inherited("scene")),
                ] {
                    // Messages stay short: the big texts would flood the report.
                    assert!(
                        got == expected,
                        "{key} of {name} differs: {} lines, {} expected",
                        got.len(),
                        expected.len()
                    );
                }
                let id = group["id"].as_str().expect("id");
                let group_title = found["group"][0]
                    .strip_prefix(&format!("`{id}` ("))
                    .and_then(|rest| rest.strip_suffix(')'))
                    .map(unmd);
                assert!(
                    group_title.as_deref() == Some(text(group, "title")[0]),
                    "group of {name}"
                );
            }
        }
    }
}
