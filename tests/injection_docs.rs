//! The generated docs of `tests/fixtures/injection.yaml` show its text (quotes, Markdown,
//! HTML, code fences, bidi chars, 100 KB) without rendering or running any of it. The
//! values themselves are checked in `errcodes/tests/injection.rs`.

use errcodes::prelude::*;

use std::path::Path;

errcodes::platform_errors!("tests/fixtures/injection.yaml");

use InjectionError as E;

mod scratch;

/// One line of the `Big` text; the fixture holds it 1,000 times, numbered.
const LINE: &str = "\"#\"## r#\"x\"# */ /* {{}} {{ }} \\ \\\\ ' <script>alert(1)</script> ](javascript:alert(1)) `x` | # > - \u{202E}rtl\u{202C} \u{200B}zw e\u{301} 长 \t end";

const NASTY_CODE: &str = "x`<img src=x onerror=alert(1)>`y\"#";

/// rustdoc renders the fixture's docs without a warning, shows its HTML as text, and finds
/// no doctest in them (a code block made of spec text would run in the user's `cargo test`).
#[test]
fn rendered_docs_show_the_text_and_run_nothing() {
    let spec =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/injection.yaml"))
            .expect("read the fixture");
    let lib = "//! Docs of the injection fixture.\n#![deny(warnings, missing_docs)]\n\
               errcodes::platform_errors!(\"injection.yaml\");\n";
    let dir = scratch::crate_with(
        "injection_docs",
        &[("injection.yaml", &spec), ("src/lib.rs", lib.as_bytes())],
    );
    let mut doc = scratch::cargo(&dir, &["doc", "--no-deps"]);
    doc.env("RUSTDOCFLAGS", "-D warnings");
    scratch::run(doc);
    let html_path =
        scratch::target_dir().join("doc/scratch_injection_docs/enum.InjectionError.html");
    let html = std::fs::read_to_string(&html_path).expect("read the rendered docs");
    // Quotes may or may not be written as references, depending on the rustdoc version.
    let html = html.replace("&quot;", "\"").replace("&#39;", "'");
    for live in [
        "<script>alert",
        "<img",
        "<b>bold",
        "<!-- -->",
        "href=\"javascript",
        "not-a-heading",
    ] {
        assert!(
            !html.contains(live),
            "{live:?} is live in {}",
            html_path.display()
        );
    }
    assert_eq!(
        html.matches("<pre").count(),
        1,
        "only the enum's declaration is code"
    );
    assert_eq!(
        html.matches("<table>").count(),
        1,
        "only the table of groups"
    );
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for shown in [
        format!("<p>{}</p>", escape(E::Markup.message())),
        format!("<code>{:?}</code>", escape(NASTY_CODE)),
        "<p>    assert!(false, \"message\");</p>".to_owned(),
        escape(E::Markup.hint().unwrap_or_default()).replace('\n', "<br>"),
        "<td>Group | a | b |<br># not a heading<br>&lt;b&gt;bold&lt;/b&gt; \"# */</td>".to_owned(),
        format!("<br>0999 {}", escape(LINE)),
        "from <code>injection.yaml</code>".to_owned(),
    ] {
        assert!(
            html.contains(&shown),
            "{shown:?} is not shown in {}",
            html_path.display()
        );
    }

    let out = scratch::run(scratch::cargo(&dir, &["test", "--doc"]));
    assert!(out.contains("running 0 tests"), "doctests ran:\n{out}");
}
