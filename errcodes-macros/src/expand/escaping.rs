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
