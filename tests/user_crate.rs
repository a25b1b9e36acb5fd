//! A crate outside the workspace depends on `errcodes` by path, with its own spec and the
//! strictest lints (`tests/fixtures/user_crate`). These tests build it with cargo, as a user
//! would, and check what it prints.

use std::fs;
use std::path::{Path, PathBuf};

mod scratch;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Copies the fixture crate to a scratch directory of its own, so that tests can edit it.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("src")).expect("create scratch crate");
    let fixture = Path::new(ROOT).join("tests/fixtures/user_crate");
    for file in ["demo.yaml", "src/lib.rs", "src/main.rs"] {
        fs::copy(fixture.join(file), dir.join(file)).expect("copy fixture");
    }
    let manifest = fs::read_to_string(fixture.join("Cargo.toml.in"))
        .expect("read manifest template")
        .replace(
            "@ERRCODES@",
            &Path::new(ROOT).join("errcodes").display().to_string(),
        );
    fs::write(dir.join("Cargo.toml"), manifest).expect("write manifest");
    shipped_specs(&dir);
    // The workspace's lock file pins the same dependency versions, with no network.
    fs::copy(Path::new(ROOT).join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy lock");
    dir
}

/// Copies every spec of `specs/` into the crate and generates a module for each, so that
/// the lint test covers all of them.
fn shipped_specs(dir: &Path) {
    fs::create_dir_all(dir.join("specs")).expect("create specs/");
    let mut modules = String::from("//! Every spec shipped in `specs/`, under the same lints.\n");
    let mut names: Vec<String> = fs::read_dir(Path::new(ROOT).join("specs"))
        .expect("read specs/")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5, "the shipped specs: {names:?}");
    for name in names {
        fs::copy(
            Path::new(ROOT).join("specs").join(format!("{name}.yaml")),
            dir.join("specs").join(format!("{name}.yaml")),
        )
        .expect("copy spec");
        modules.push_str(&format!(
            "\n/// `specs/{name}.yaml`\npub mod {name} {{\n    ::errcodes::platform_errors!(\"specs/{name}.yaml\");\n}}\n"
        ));
    }
    fs::write(dir.join("src/shipped.rs"), modules).expect("write shipped.rs");
}

fn cargo(dir: &Path, args: &[&str]) -> String {
    scratch::run(scratch::cargo(dir, args))
}

fn line<'a>(output: &'a str, label: &str) -> &'a str {
    output
        .lines()
        .find_map(|line| line.strip_prefix(label)?.strip_prefix(": "))
        .unwrap_or_else(|| panic!("no line {label:?} in:\n{output}"))
}

#[test]
fn user_crate_behaves_as_documented() {
    let dir = scratch("user_crate_behaves");
    let out = cargo(&dir, &["run", "--quiet"]);
    assert_eq!(
        line(&out, "from_code 100"),
        "ApplicationError | 100: 应用错误 | retry=permanent | group=Some(\"general\") | http=None | unknown=false"
    );
    assert_eq!(
        line(&out, "from i64 990002"),
        "InvalidOpenid | 990001: OPEN ILLEGAL | retry=permanent | group=Some(\"general\") | http=None | unknown=false"
    );
    assert_eq!(
        line(&out, "from_code F00"),
        "FulfillSystemError | F00-00-10013-002: Order fulfill system error. Please try again later | retry=transient | group=Some(\"general\") | http=None | unknown=false"
    );
    assert_eq!(
        line(&out, "parse 40001"),
        "InvalidCredential | 40001: 不合法的凭证 | retry=reauthenticate | group=Some(\"tokens\") | http=Some(401) | unknown=false"
    );
    assert_eq!(
        line(&out, "unknown 7"),
        "Unknown(7) | 7: unknown error code | retry=transient | group=None | http=None | unknown=true"
    );
    assert_eq!(
        line(&out, "unknown str"),
        "Unknown(\"X-1\") | X-1: unknown error code | retry=transient | group=None | http=None | unknown=true"
    );
    assert!(line(&out, "classify rate").starts_with(
        "RateLimited | 100: 超过每分钟最大调用频率限制，请稍后重试 | retry=throttled 5m"
    ));
    assert!(line(&out, "classify template")
        .starts_with("SpecNoBelongsToDeletedGoods | 100: 商家编码{spec_no}已存在"));
    assert_eq!(
        line(&out, "fields"),
        "{\"spec_no\": \"A1\", \"goods_no\": \"G2\"}"
    );
    assert!(line(&out, "classify other").starts_with("ApplicationError | "));
    assert!(line(&out, "classify codeless")
        .starts_with("CoreLogicFailed | Redemption interface failed"));
    assert_eq!(
        line(&out, "received"),
        "-3000105: Redemption interface failed (error in fulfill_core layer logic execution)."
    );
    assert!(line(&out, "classify en").starts_with("InvalidCredential | 40001: 不合法的凭证"));
    assert_eq!(
        line(&out, "dyn"),
        "platform=demo_shop code=40001 name=InvalidCredential message=不合法的凭证 hint=None"
    );
    assert!(line(&out, "response").starts_with("RateLimited | 100: "));
    assert_eq!(line(&out, "request id"), "Some(\"65-ab\")");
    assert_eq!(line(&out, "proxy"), "Err(Transient)");
    assert_eq!(line(&out, "by_name"), "{\"error\":\"RateLimited\"}");
    assert_eq!(line(&out, "response ok"), "Ok(None)");
    assert_eq!(line(&out, "serde"), "\"X-1\" -> Unknown(\"X-1\")");
    assert_eq!(
        line(&out, "all"),
        "ApplicationError,RateLimited,SpecNoBelongsToDeletedGoods,InvalidOpenid,FulfillSystemError,InvalidCredential,CoreLogicFailed"
    );
}

/// The fixture's spec and every spec in `specs/` compile under `#![deny(warnings,
/// missing_docs, unsafe_code)]`, `#![deny(clippy::all, clippy::pedantic)]` and
/// `#![forbid(unsafe_code)]`, and their docs build with `-D warnings`.
#[test]
fn generated_code_is_lint_clean_under_deny_warnings_and_clippy_pedantic() {
    let dir = scratch("user_crate_lints");
    cargo(
        &dir,
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
    // Documentation lints run only under rustdoc.
    let mut doc = scratch::cargo(&dir, &["doc", "--no-deps", "--quiet"]);
    doc.env("RUSTDOCFLAGS", "-D warnings");
    scratch::run(doc);
}

#[test]
fn editing_the_spec_regenerates_the_enum() {
    let dir = scratch("user_crate_rebuild");
    let before = cargo(&dir, &["run", "--quiet"]);
    assert!(!line(&before, "all").contains("AddedLater"));
    let spec = dir.join("demo.yaml");
    let mut text = fs::read_to_string(&spec).expect("read spec");
    text.push_str(
        "      - code: 40002\n        name: AddedLater\n        message: added after the first build\n",
    );
    fs::write(&spec, text).expect("edit spec");
    let after = cargo(&dir, &["run", "--quiet"]);
    assert!(
        line(&after, "all").ends_with(",CoreLogicFailed,AddedLater"),
        "the new entry is a new variant after a plain rebuild:\n{after}"
    );
}

/// An SDK re-exports errcodes and its users depend on the SDK only: with
/// `crate = user_crate::runtime`, the generated code names nothing else, under the same
/// lints.
#[test]
fn a_crate_that_reexports_errcodes_serves_users_who_do_not_depend_on_it() {
    let sdk = scratch("user_crate_sdk");
    let app = Path::new(env!("CARGO_TARGET_TMPDIR")).join("user_crate_app");
    let _ = fs::remove_dir_all(&app);
    fs::create_dir_all(app.join("src")).expect("create app");
    fs::copy(sdk.join("demo.yaml"), app.join("app.yaml")).expect("copy spec");
    fs::copy(sdk.join("Cargo.lock"), app.join("Cargo.lock")).expect("copy lock");
    let manifest = format!(
        "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nuser-crate = {{ path = {:?} }}\n\n[workspace]\n",
        sdk.display().to_string()
    );
    fs::write(app.join("Cargo.toml"), manifest).expect("write manifest");
    fs::write(
        app.join("src/main.rs"),
        "//! Uses errcodes through an SDK's re-export only.\n\
         #![deny(warnings, missing_docs)]\n\
         #![deny(clippy::all, clippy::pedantic)]\n\n\
         use user_crate::runtime::prelude::*;\n\n\
         user_crate::runtime::platform_errors!(\"app.yaml\", crate = user_crate::runtime);\n\n\
         fn main() {\n\
         \x20   let error = DemoShopError::from_code(40001);\n\
         \x20   println!(\"app: {error} | {}\", error.retry_class());\n\
         }\n",
    )
    .expect("write main");
    cargo(&app, &["clippy", "--quiet", "--", "-D", "warnings"]);
    let out = cargo(&app, &["run", "--quiet"]);
    assert_eq!(line(&out, "app"), "40001: 不合法的凭证 | reauthenticate");
}

/// Editing a file that the spec includes rebuilds the crate, as editing the spec does.
#[test]
fn editing_an_included_file_regenerates_the_enum() {
    let spec = "platform: demo\nenum: DemoError\ntitle: Demo\nsource: x\nunknown_retry: permanent\n\
                include: [./more.yaml]\ngroups:\n  - id: own\n    title: Own\n    retry: permanent\n    errors:\n\
                \x20     - code: 1\n        name: Own\n        message: own\n";
    let more = |extra: &str| {
        format!(
            "platform: more\nenum: MoreError\ntitle: More\nsource: x\nunknown_retry: permanent\n\
             groups:\n  - id: more\n    title: More\n    retry: transient\n    errors:\n\
             \x20     - code: 2\n        name: More\n        message: more\n{extra}"
        )
    };
    let main = "use errcodes::prelude::*;\n\nerrcodes::platform_errors!(\"spec.yaml\");\n\n\
                fn main() {\n    let names: Vec<&str> = DemoError::ALL.iter().map(|e| e.name()).collect();\n    \
                println!(\"all: {}\", names.join(\",\"));\n}\n";
    let dir = scratch::crate_with(
        "include_rebuild",
        &[
            ("spec.yaml", spec.as_bytes()),
            ("more.yaml", more("").as_bytes()),
            ("src/main.rs", main.as_bytes()),
        ],
    );
    let before = cargo(&dir, &["run", "--quiet"]);
    assert_eq!(line(&before, "all"), "Own,More");
    let added = "      - code: 3\n        name: AddedLater\n        message: added later\n";
    fs::write(dir.join("more.yaml"), more(added)).expect("edit the included file");
    let after = cargo(&dir, &["run", "--quiet"]);
    assert_eq!(
        line(&after, "all"),
        "Own,More,AddedLater",
        "the included file's new entry is a new variant after a plain rebuild"
    );
}

/// A spec that extends a `non_exhaustive` one gives a `#[non_exhaustive]` enum, unless it
/// says `non_exhaustive: false`: in a crate that uses the enum, a `match` that lists every
/// variant needs a wildcard arm for the first and not for the second.
#[test]
fn an_enum_that_extends_a_non_exhaustive_spec_is_non_exhaustive_unless_its_spec_says_otherwise() {
    let base = "platform: base\nenum: BaseError\ntitle: Base\nsource: x\nunknown_retry: permanent\n\
                non_exhaustive: true\ngroups:\n  - id: general\n    title: General\n    retry: permanent\n\
                \x20   errors:\n      - code: 1\n        name: One\n        message: one\n";
    let lib = "//! Two enums that extend one spec.\n\n\
               /// Leaves `non_exhaustive` out.\npub mod inherits {\n    errcodes::platform_errors!(\"inherits.yaml\");\n}\n\n\
               /// Says `non_exhaustive: false`.\npub mod exhaustive {\n    errcodes::platform_errors!(\"exhaustive.yaml\");\n}\n";
    let sdk = scratch::crate_with(
        "extends_sdk",
        &[
            ("base.yaml", base.as_bytes()),
            (
                "inherits.yaml",
                b"extends: ./base.yaml\nenum: InheritsError\n",
            ),
            (
                "exhaustive.yaml",
                b"extends: ./base.yaml\nenum: ExhaustiveError\nnon_exhaustive: false\n",
            ),
            ("src/lib.rs", lib.as_bytes()),
        ],
    );
    let manifest = format!(
        "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nscratch_extends_sdk = {{ path = {:?} }}\n\n[workspace]\n",
        sdk.display().to_string()
    );
    let main = |enum_name: &str| {
        format!(
            "use scratch_extends_sdk::{{exhaustive::ExhaustiveError, inherits::InheritsError}};\n\n\
             fn main() {{\n    let name = match {enum_name}::from_code(1) {{\n        \
             {enum_name}::One => \"one\",\n        {enum_name}::Unknown(_) => \"unknown\",\n    }};\n    \
             println!(\"matched: {{name}}\");\n    let _ = (ExhaustiveError::One, InheritsError::One);\n}}\n"
        )
    };
    // The manifest given replaces the one that depends on errcodes alone.
    let app = scratch::crate_with(
        "extends_app",
        &[
            ("Cargo.toml", manifest.as_bytes()),
            ("src/main.rs", main("ExhaustiveError").as_bytes()),
        ],
    );
    assert_eq!(line(&cargo(&app, &["run", "--quiet"]), "matched"), "one");
    fs::write(app.join("src/main.rs"), main("InheritsError")).expect("write main");
    let output = scratch::cargo(&app, &["check", "--quiet"])
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "a match without `_` compiled");
    assert!(
        stderr.contains("E0004") && stderr.contains("`InheritsError` is marked as non-exhaustive"),
        "{stderr}"
    );
}
