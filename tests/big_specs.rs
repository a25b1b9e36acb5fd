//! Big inputs: a user crate with a generated 10,000-entry spec and a spec with a 1 MB
//! message builds with cargo, and its lookups give the entries the generator put there.
//! The specs and the checks are generated together, from the same rules.

use std::fmt::Write as _;
use std::time::Instant;

mod scratch;

const ENTRIES: usize = 10_000;
const PER_GROUP: usize = 1_000;

/// The code of entry `i`, as YAML, and as Rust text that looks it up.
enum Code {
    Int(i64),
    Str(String),
    List(i64, i64),
    None,
}

/// Entries `50k`, `50k + 1` and `50k + 2` share a code, the first is its fallback; a few
/// take the extreme integers, long string codes with quotes and backticks, two codes, or none.
fn code(i: usize) -> Code {
    let int = 100_000 + i as i64;
    match i {
        7 => Code::Int(i64::MIN),
        8 => Code::Int(i64::MAX),
        9 => Code::Int(0),
        10 => Code::Int(-1),
        _ if i % 50 < 3 => Code::Int(int - (i % 50) as i64),
        _ if i % 1000 == 999 => Code::None,
        _ if i % 97 == 5 => Code::Str(format!("S-{i}-\"`-a-string-code-past-22-bytes")),
        _ if i % 113 == 3 => Code::List(int, int + 1_000_000),
        _ => Code::Int(int),
    }
}

fn is_template(i: usize) -> bool {
    i % 7 == 0
}

fn message(i: usize) -> String {
    if is_template(i) {
        format!("message {i} for {{order_no}} done")
    } else {
        format!("message {i}")
    }
}

fn big_spec() -> String {
    let mut yaml = String::from(
        "platform: big\nenum: BigError\ntitle: Ten thousand entries\nsource: generated\n\
         unknown_retry: permanent\ngroups:\n",
    );
    for i in 0..ENTRIES {
        if i % PER_GROUP == 0 {
            let g = i / PER_GROUP;
            let _ = write!(
                yaml,
                "  - id: g{g}\n    title: Group {g}\n    retry: transient\n    errors:\n"
            );
        }
        let code = match code(i) {
            Code::Int(n) => n.to_string(),
            Code::Str(s) => format!("{s:?}"),
            Code::List(a, b) => format!("[{a}, {b}]"),
            Code::None => "null".to_owned(),
        };
        let _ = write!(
            yaml,
            "      - code: {code}\n        name: E{i}\n        message: \"{}\"\n",
            message(i)
        );
        if i % 11 == 1 {
            let _ = writeln!(yaml, "        hint: hint {i}");
        }
        if i % 50 == 0 {
            yaml.push_str("        fallback: true\n");
        }
    }
    yaml
}

/// A `main` that checks, for a sample of entries, every lookup the generator implies.
fn big_checks() -> String {
    let mut main =
        String::from("fn big() -> usize {\n    use big::BigError as B;\n    let mut n = 0;\n");
    let _ = writeln!(
        main,
        "    assert_eq!(B::ALL.len(), {ENTRIES});\n    n += 1;"
    );
    let sample = (0..ENTRIES)
        .filter(|i| i % 89 == 0 || matches!(i % 1000, 0..=12 | 999) || i % 97 == 5 || i % 113 == 3);
    for i in sample {
        let name = format!("E{i}");
        let message = message(i);
        let text = if is_template(i) {
            message.replace("{order_no}", "A-9")
        } else {
            message.clone()
        };
        let fallback = format!("E{}", i - i % 50);
        let check = |main: &mut String, call: String, expected: &str| {
            let _ = writeln!(
                main,
                "    assert_eq!({call}.name(), {expected:?}, \"{{}}\", {call:?});\n    n += 1;"
            );
        };
        match code(i) {
            Code::Int(c) => {
                let by_code = if i % 50 < 3 { &fallback } else { &name };
                check(&mut main, format!("B::from_code({c}_i64)"), by_code);
                check(&mut main, format!("B::classify({c}_i64, {text:?})"), &name);
                check(&mut main, format!("B::from_code(\"{c}\")"), by_code);
            }
            Code::Str(s) => {
                check(&mut main, format!("B::from_code({s:?})"), &name);
                check(&mut main, format!("B::classify({s:?}, {text:?})"), &name);
                let _ = writeln!(
                    main,
                    "    assert!(B::from_code({s:?}).code() == {s:?});\n    n += 1;"
                );
            }
            Code::List(a, b) => {
                for c in [a, b] {
                    check(&mut main, format!("B::from_code({c}_i64)"), &name);
                    let _ = writeln!(
                        main,
                        "    assert!(B::from_code({c}_i64).codes().contains(&Code::Int({c})));\n    n += 1;"
                    );
                }
            }
            Code::None => {
                check(&mut main, format!("B::classify(42, {text:?})"), &name);
                let _ = writeln!(
                    main,
                    "    assert!(B::classify(42, {text:?}).codes().is_empty());\n    n += 1;"
                );
            }
        }
        if is_template(i) {
            let call = match code(i) {
                Code::Int(c) => Some(format!("B::lookup(&Query::new({c}_i64).message({text:?}))")),
                Code::Str(s) => Some(format!("B::lookup(&Query::new({s:?}).message({text:?}))")),
                Code::List(..) | Code::None => None,
            };
            if let Some(call) = call {
                let _ = writeln!(
                    main,
                    "    assert_eq!({call}.fields.get(\"order_no\"), Some(\"A-9\"));\n    n += 1;"
                );
            }
        }
        let hint = if i % 11 == 1 {
            format!("Some(\"hint {i}\")")
        } else {
            "None".to_owned()
        };
        let _ = writeln!(main, "    assert_eq!(B::ALL[{i}].hint(), {hint});\n    assert_eq!(B::ALL[{i}].message(), {message:?});\n    assert_eq!(B::ALL[{i}].group(), Some(\"g{}\"));\n    n += 3;", i / PER_GROUP);
    }
    main.push_str("    assert!(B::from_code(42).is_unknown());\n    n + 1\n}\n");
    main
}

/// The 1 MB message: a line of text repeated, without a char YAML would need to escape.
const UNIT: &str = "长消息 long message, 全角，标点 and spaces   ";

fn megabyte() -> usize {
    (1 << 20) / UNIT.len() + 1
}

fn huge_spec() -> String {
    let text = UNIT.repeat(megabyte());
    format!(
        "platform: huge\nenum: HugeError\ntitle: A megabyte message\nsource: generated\n\
         unknown_retry: permanent\ngroups:\n  - id: huge\n    title: Huge\n    retry: permanent\n    errors:\n\
         \x20     - code: 1\n        name: Huge\n        message: \"{text}end\"\n        hint: \"{text}\"\n\
         \x20     - code: 1\n        name: HugeTemplate\n        message: \"{text}then {{tail}}\"\n        fallback: true\n"
    )
}

fn huge_checks() -> String {
    format!(
        r#"fn huge() -> usize {{
    use huge::HugeError as H;
    let text = {UNIT:?}.repeat({count});
    assert!(text.len() >= 1 << 20);
    let message = format!("{{text}}end");
    assert_eq!(H::from_code(1), H::HugeTemplate);
    assert_eq!(H::classify(1, &message), H::Huge);
    assert_eq!(H::Huge.message(), message);
    assert_eq!(H::Huge.hint(), Some(text.as_str()));
    assert_eq!(H::Huge.to_string(), format!("1: {{message}}"));
    let tailed = format!("{{text}}then the tail");
    let found = H::lookup(&Query::new(1).message(&tailed));
    assert_eq!(found.error, H::HugeTemplate);
    assert_eq!(found.fields.get("tail"), Some("the tail"));
    assert_eq!(H::classify(1, "something else"), H::HugeTemplate);
    7
}}
"#,
        count = megabyte()
    )
}

#[test]
fn a_10000_entry_spec_and_a_megabyte_message_build_and_work() {
    let main = format!(
        "//! Big specs.\n\nuse errcodes::prelude::*;\nuse errcodes::Code;\n\nmod big {{\n    errcodes::platform_errors!(\"big.yaml\");\n}}\n\n\
         mod huge {{\n    errcodes::platform_errors!(\"huge.yaml\");\n}}\n\n{}\n{}\n\
         fn main() {{\n    println!(\"checks: {{}}\", big() + huge());\n}}\n",
        big_checks(),
        huge_checks()
    );
    let (big, huge) = (big_spec(), huge_spec());
    assert!(huge.len() > 2 << 20, "two megabyte texts");
    let dir = scratch::crate_with(
        "big_specs",
        &[
            ("big.yaml", big.as_bytes()),
            ("huge.yaml", huge.as_bytes()),
            ("src/main.rs", main.as_bytes()),
        ],
    );
    let started = Instant::now();
    let out = scratch::run(scratch::cargo(&dir, &["run", "--quiet"]));
    eprintln!("built and ran in {:?}", started.elapsed());
    let checks: usize = out
        .trim()
        .strip_prefix("checks: ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected output:\n{out}"));
    assert!(checks > 1_000, "{checks} checks");
}
