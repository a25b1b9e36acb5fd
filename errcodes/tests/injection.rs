//! Spec text cannot inject code: every text of `tests/fixtures/injection.yaml` (quotes,
//! backslashes, raw-string and comment delimiters, braces, control chars, bidi and zero-width
//! chars, Markdown and HTML, 100 KB) comes out of the generated enum byte for byte, and the
//! generated docs show it without running or rendering any of it.

use errcodes::prelude::*;

errcodes::platform_errors!("../tests/fixtures/injection.yaml");

use InjectionError as E;

/// One line of the `Big` text; the fixture holds it 1,000 times, numbered.
const LINE: &str = "\"#\"## r#\"x\"# */ /* {{}} {{ }} \\ \\\\ ' <script>alert(1)</script> ](javascript:alert(1)) `x` | # > - \u{202E}rtl\u{202C} \u{200B}zw e\u{301} 长 \t end";

/// The `Big` text as the fixture writes it: a message's `{{` and `}}` are literal braces.
fn big() -> String {
    (0..1000)
        .map(|i| format!("{i:04} {LINE}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn unescape_braces(template: &str) -> String {
    template.replace("{{", "{").replace("}}", "}")
}

const GROUP_ENDPOINT: &str = "/v1/\"#/*/{}\n?q=<script>";
const GROUP_SCENE: &str = "scene ` | \t \u{202E} \u{200B}";
const NASTY_CODE: &str = "x`<img src=x onerror=alert(1)>`y\"#";

#[test]
fn the_spec_makes_exactly_its_variants() {
    let names: Vec<&str> = E::ALL.iter().map(E::name).collect();
    assert_eq!(
        names,
        [
            "Quotes",
            "Controls",
            "Markup",
            "Indented",
            "NastyCode",
            "Translated",
            "Template",
            "Big",
            "InBigGroup"
        ]
    );
    assert_eq!(E::PLATFORM, "injection");
    let unknown = E::from_code(9);
    assert!(unknown.is_unknown());
    assert_eq!(unknown.to_string(), "9: unknown error code");
}

#[test]
fn messages_and_hints_come_out_byte_for_byte() {
    let cases: [(E, &str, Option<&str>); 4] = [
        (
            E::Quotes,
            "say \"hi\", then \\, then \"#; r#\"raw\"# */ /* {} { }",
            Some("hint {} {{ }} \" \\ \"# */ /* {x}"),
        ),
        (
            E::Controls,
            "line\nbreak\ttab\0nul\r\ncrlf\rcr end",
            Some("\u{202E}override\u{202C} and \u{200B}zero width and e\u{301}"),
        ),
        (
            E::Markup,
            "<script>alert(1)</script> [x](javascript:alert(1)) ](javascript: `code` | <!-- --> &amp;",
            Some("```\nfn main() { panic!() }\n```"),
        ),
        (
            E::Indented,
            "    assert!(false, \"message\");",
            Some("    assert!(false, \"hint\");"),
        ),
    ];
    for (error, message, hint) in cases {
        assert_eq!(error.message(), message);
        assert_eq!(error.hint(), hint);
        let code = error.code().as_i64().expect("an integer code");
        assert_eq!(error.to_string(), format!("{code}: {message}"));
        assert_eq!(E::classify(code, message), error, "{message:?}");
        assert_eq!(error.group(), Some("nasty"));
    }
}

#[test]
fn endpoints_and_scenes_come_out_byte_for_byte() {
    assert_eq!(E::Quotes.endpoint(), Some(GROUP_ENDPOINT), "from the group");
    assert_eq!(E::Quotes.scene(), Some(GROUP_SCENE), "from the group");
    assert_eq!(E::Markup.endpoint(), Some("</a><script>alert(1)</script>"));
    assert_eq!(E::Markup.scene(), Some("[Self] [`Vec`] $x^2$ ~~x~~"));
}

#[test]
fn a_string_code_comes_out_byte_for_byte() {
    let error = E::from_code(NASTY_CODE);
    assert_eq!(error, E::NastyCode);
    assert!(error.code() == NASTY_CODE);
    assert_eq!(
        error.to_string(),
        format!("{NASTY_CODE}: a code with a backtick")
    );
    assert_eq!(format!("{error:?}"), "NastyCode");
}

#[test]
fn translations_and_templates_come_out_byte_for_byte() {
    let translated = E::Translated;
    assert_eq!(translated.message(), "中文 \"# */ {}");
    assert_eq!(translated.hint(), Some("提示 ` |"));
    assert_eq!(E::classify(5, "english \\ <b>"), translated);
    assert_eq!(E::classify(5, "中文 \"# */ {}"), translated);

    let template = E::Template;
    assert_eq!(
        template.message(),
        "value {value} \"# {literal} */ then {other}!"
    );
    let found = E::lookup(&Query::new(6).message("value \"#{ \"# {literal} */ then */!!"));
    assert_eq!(found.error, template);
    let values: Vec<(&str, &str)> = found.fields.iter().collect();
    assert_eq!(values, [("value", "\"#{"), ("other", "*/!")]);
}

#[test]
fn a_100_kb_text_comes_out_byte_for_byte_everywhere() {
    let big = big();
    assert!(big.len() > 100_000, "{} bytes", big.len());
    let error = E::Big;
    assert_eq!(error.message(), unescape_braces(&big));
    assert_eq!(error.hint(), Some(big.as_str()));
    assert_eq!(error.endpoint(), Some(big.as_str()));
    assert_eq!(error.scene(), Some(big.as_str()));
    assert_eq!(error.to_string(), format!("7: {}", unescape_braces(&big)));
    assert_eq!(E::classify(7, error.message()), error);
    assert_eq!(E::InBigGroup.group(), Some("big"));
    assert_eq!(E::InBigGroup.endpoint(), None, "the big group sets none");
}
