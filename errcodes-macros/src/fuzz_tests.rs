//! The pipeline never panics: arbitrary text, arbitrary bytes, and valid specs with random
//! mutations go through load → parse → check → expand, which must return an expansion
//! that parses as Rust or a list of problems.
//!
//! A longer run: `PROPTEST_CASES=200000 cargo test --release -p errcodes-macros fuzz`.

use proptest::prelude::*;

use crate::expand::{expand, Source};
use crate::generate::{platform_errors, Output};
use crate::spec::{load, read};

/// A valid spec that uses every feature, for mutations to start from.
const SEED: &str = r#"platform: demo
enum: DemoError
title: Demo
source: https://example.com
unknown_retry: permanent
noise: [" rid: {rid}"]
non_exhaustive: true
groups:
  - id: general
    title: General
    retry: permanent
    http_status: 500
    errors:
      - code: 100
        name: ApplicationError
        message: 应用错误
        hint: {zh: 检查参数, en: check the parameters}
        fallback: true
      - code: 100
        name: RateLimited
        message: 超过每分钟最大调用频率限制，请稍后重试
        retry: {throttled: 5m}
      - code: 100
        name: Template
        message: "商家编码{spec_no}已存在,货品编号: {goods_no} {{literal}}"
      - code: [990001, "F00-1"]
        name: Several
        message: {zh: 非法, en: illegal}
        endpoint: /v2/x
      - code: null
        name: Codeless
        message: found by message only
        retry: transient
"#;

/// Characters that matter to YAML and to templates, plus a few others.
const ALPHABET: &[char] = &[
    ':', '{', '}', '[', ']', '-', '"', '\'', '\n', ' ', '#', '&', '*', '!', '|', '>', '%', '@',
    '\t', ',', '?', '0', '9', 'a', 'Z', '_', '\\', '长', '\u{0}', '\u{202E}',
];

fn check_total(text: &str) -> Result<(), TestCaseError> {
    match read(text, "fuzz.yaml") {
        Ok(spec) => {
            let tokens = expand(
                &spec,
                &Source {
                    tracked: &["/fuzz.yaml".to_owned()],
                    bytes: None,
                    stub: false,
                    display: "fuzz.yaml",
                    krate: &quote::quote!(::errcodes),
                },
            );
            prop_assert!(
                syn::parse2::<syn::File>(tokens).is_ok(),
                "an accepted spec must expand to valid Rust"
            );
        }
        Err(failure) => {
            prop_assert!(!failure.reports.is_empty(), "a rejected spec says why");
            if let Some(stub) = failure.stub {
                let tokens = expand(
                    &stub,
                    &Source {
                        tracked: &[],
                        bytes: None,
                        stub: true,
                        display: "fuzz.yaml",
                        krate: &quote::quote!(::errcodes),
                    },
                );
                prop_assert!(
                    syn::parse2::<syn::File>(tokens).is_ok(),
                    "the stub is valid Rust"
                );
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, char),
    Delete(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(ALPHABET))
            .prop_map(|(at, c)| Mutation::Insert(at, c)),
        (any::<usize>(), 1..12usize).prop_map(|(at, len)| Mutation::Delete(at, len)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for mutation in mutations {
        match *mutation {
            Mutation::Insert(at, c) => chars.insert(at % (chars.len() + 1), c),
            Mutation::Delete(at, len) if !chars.is_empty() => {
                let at = at % chars.len();
                chars.drain(at..(at + len).min(chars.len()));
            }
            Mutation::Delete(..) => {}
            Mutation::DuplicateLine(i) | Mutation::SwapLines(i, _) => {
                let text: String = chars.iter().collect();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let i = i % lines.len();
                if let Mutation::SwapLines(_, j) = *mutation {
                    let j = j % lines.len();
                    lines.swap(i, j);
                } else {
                    lines.insert(i, lines[i]);
                }
                chars = lines.join("\n").chars().collect();
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #[test]
    fn fuzz_mutated_specs(mutations in prop::collection::vec(mutation(), 1..6)) {
        check_total(&apply(SEED, &mutations))?;
    }

    #[test]
    fn fuzz_arbitrary_text(text in "\\PC*") {
        check_total(&text)?;
    }

    #[test]
    fn fuzz_text_from_yaml_characters(chars in prop::collection::vec(prop::sample::select(ALPHABET), 0..200)) {
        check_total(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn fuzz_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = std::env::temp_dir().join(format!("errcodes-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| TestCaseError::fail(e.to_string()))?;
        std::fs::write(dir.join("spec.yaml"), &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Err(failure) = load(&dir, "spec.yaml") {
            prop_assert!(!failure.reports.is_empty());
        }
        let tokens = platform_errors(quote::quote!("spec.yaml"), Some(&dir), Output::Macro);
        prop_assert!(syn::parse2::<syn::File>(tokens).is_ok());
    }
}

#[test]
fn the_seed_is_a_valid_spec() {
    let spec = read(SEED, "seed.yaml").unwrap_or_else(|failure| panic!("{:#?}", failure.reports));
    assert_eq!(spec.entries.len(), 5);
}
