//! `errcodes::runtime`: specs loaded at run time, composed and checked as a build does, and
//! read by the lookups of a generated enum.

use std::path::PathBuf;

use errcodes::prelude::*;
use errcodes::response::ResponseErrorKind;
use errcodes::runtime::Table;
use errcodes::By;

/// A directory of this test's own, holding `files`.
fn dir_with(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcodes-runtime-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("write");
    }
    dir
}

const BASE: &str = "\
platform: acme
enum: AcmeError
title: Acme
source: https://acme.example/errors
unknown_retry: permanent
envelope: {code: error.code, message: error.message, request_id: request_id, success: [0]}
groups:
  - id: general
    title: General
    retry: permanent
    errors:
      - code: 100
        name: BadThing
        message: a bad thing
        hint: do not
      - code: 100
        name: SkuExists
        message: \"sku {sku} exists\"
        retry: already_applied
      - code: 100
        name: Other
        message: something else
        fallback: true
";

const LAYER: &str = "\
extends: ./base.yaml
enum: AcmeMoreError
groups:
  - id: learned
    title: Learned from traffic
    retry: transient
    errors:
      - code: 200
        name: Busy
        message: busy
";

#[test]
fn a_spec_file_loads_with_what_it_extends() {
    let dir = dir_with("extends", &[("base.yaml", BASE), ("layer.yaml", LAYER)]);
    let table = Table::load(dir.join("layer.yaml")).expect("loads");
    assert_eq!(table.enum_name(), "AcmeMoreError");
    assert_eq!(table.platform(), "acme");
    let busy = table.from_code(200);
    assert_eq!(busy.name(), "Busy");
    assert_eq!(busy.retry_class(), RetryClass::Transient);
    assert_eq!(busy.group(), Some("learned"));
    let found = table.lookup(&Query::new("100").message("sku A-1 exists"));
    assert_eq!(found.error.name(), "SkuExists");
    assert_eq!(found.fields.get("sku"), Some("A-1"));
    assert_eq!(found.error.retry_class(), RetryClass::AlreadyApplied);
    assert_eq!(table.classify(100, "no such message").name(), "Other");
    let fallback = table.lookup(&Query::new(100).message("no such message"));
    assert_eq!(
        (fallback.error.name(), fallback.by),
        ("Other", By::Fallback)
    );
    let unknown = table.lookup(&Query::new(300).message("new"));
    assert!(unknown.error.is_unknown());
    assert_eq!(unknown.by, By::Unknown);
    assert_eq!(table.lookup(&Query::new(200)).by, By::Code);
    assert_eq!(table.from_code(100).name(), "Other");
    let names: Vec<&str> = table.variants().map(|v| v.name()).collect();
    assert_eq!(names, ["BadThing", "SkuExists", "Other", "Busy"]);
    assert_eq!(
        table.from_name("BadThing").and_then(|v| v.hint()),
        Some("do not")
    );
    assert!(table.from_name("Unknown").is_none());
}

#[test]
fn an_unknown_code_keeps_the_code_as_received() {
    let table = Table::shipped("wechat_shop").expect("shipped");
    let unknown = table.from_code("0031337");
    assert!(unknown.is_unknown());
    assert_eq!(unknown.name(), "Unknown");
    assert_eq!(unknown.code().to_string(), "0031337");
    assert_eq!(unknown.retry_class(), table.unknown_retry());
    assert!(unknown.codes().is_empty());
    assert_eq!(unknown, table.from_code("0031337"));
    // Codes compare as lookups read them, as a generated enum's do.
    assert_eq!(unknown, table.from_code(31337));
    assert_ne!(unknown, table.from_code(31338));
    assert_eq!(format!("{unknown:?}"), "wechat_shop::Unknown(\"0031337\")");
    assert_eq!(
        format!("{:?}", table.from_code(9401002)),
        "wechat_shop::ProductNotFound"
    );
}

#[test]
fn a_broken_spec_gives_the_diagnostics_of_a_build() {
    let broken = BASE.replace("message: a bad thing", "mesage: a bad thing");
    let dir = dir_with("broken", &[("broken.yaml", &broken)]);
    let path = dir.join("broken.yaml");
    let error = Table::load(&path).expect_err("broken");
    let build = errcodes_spec::load(std::path::Path::new(""), path.to_str().expect("utf-8"))
        .expect_err("broken");
    assert_eq!(error.problems(), build.reports.as_slice());
    let first = &error.problems()[0];
    assert!(
        first.starts_with(&format!(
            "{}:14:9: unknown key `mesage` in an entry",
            path.display()
        )),
        "{first}"
    );
    assert!(
        error.to_string().contains("an entry is missing `message`"),
        "{error}"
    );
}

#[test]
fn a_missing_file_is_named_with_where_paths_start() {
    let error = Table::load("no/such/spec.yaml").expect_err("missing");
    assert_eq!(
        error.to_string(),
        "no/such/spec.yaml: no such spec file; the path is relative to the current directory"
    );
}

#[test]
fn an_unknown_shipped_name_lists_the_shipped_ones() {
    let error = Table::shipped("acme").expect_err("not shipped");
    assert!(error.to_string().contains("wechat_shop"), "{error}");
    for name in Table::shipped_names() {
        assert_eq!(Table::shipped(name).expect("shipped").platform(), name);
    }
}

#[test]
fn loading_a_spec_again_gives_the_same_table() {
    assert_eq!(
        Table::shipped("aliexpress").expect("shipped"),
        Table::shipped("aliexpress").expect("shipped")
    );
    let dir = dir_with("again", &[("base.yaml", BASE)]);
    let first = Table::load(dir.join("base.yaml")).expect("loads");
    assert_eq!(first, Table::load(dir.join("base.yaml")).expect("loads"));
    let changed = BASE.replace("a bad thing", "a worse thing");
    let other = Table::from_yaml(&changed, "changed.yaml").expect("loads");
    assert_ne!(first, other);
    assert_eq!(other.from_code(100).table(), other);
}

#[test]
fn a_response_is_read_through_the_specs_envelope() {
    let table = Table::from_yaml(BASE, "acme.yaml").expect("loads");
    let body = r#"{"error":{"code":100,"message":"sku B-2 exists"},"request_id":"r-1"}"#;
    let error = table.from_response(body).expect("json").expect("an error");
    assert_eq!(error.name(), "SkuExists");
    assert_eq!(error.by(), By::Message);
    assert!(!error.has_unknown_sub_code());
    assert_eq!(error.fields().get("sku"), Some("B-2"));
    assert_eq!(error.request_id(), Some("r-1"));
    assert_eq!(error.message(), "sku B-2 exists");
    assert_eq!(error.to_string(), "100: sku B-2 exists");
    assert!(matches!(
        table.from_response(r#"{"error":{"code":0}}"#),
        Ok(None)
    ));
    let unknown = table
        .from_http(503, r#"{"error":{"code":7,"message":"new"}}"#)
        .expect("json")
        .expect("an error");
    assert!(unknown.is_unknown());
    assert_eq!(
        unknown.retry_class(),
        RetryClass::Transient,
        "as its status says"
    );
    let record = serde_json::to_value(&error).expect("a record");
    assert_eq!(record["platform"], "acme");
    assert_eq!(record["name"], "SkuExists");
}

#[test]
fn a_spec_without_an_envelope_reads_no_response() {
    let text = BASE.replace(
        "envelope: {code: error.code, message: error.message, request_id: request_id, success: [0]}\n",
        "",
    );
    let table = Table::from_yaml(&text, "bare.yaml").expect("loads");
    assert!(!table.has_envelope());
    let error = table.from_response("{}").expect_err("no envelope");
    assert_eq!(error.kind(), ResponseErrorKind::NoEnvelope);
}
