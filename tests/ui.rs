//! Compile-fail tests: every bad spec is a compile error that names `path:line:column`,
//! quotes the line and says how to fix it. Each `tests/ui/<mistake>.rs` has its `.stderr`.
//! `tests/ui/api/` holds the uses of a generated enum that must not compile.

#[test]
fn ui() {
    // trybuild builds the cases in a generated crate; specs are found from this one.
    std::env::set_var("ERRCODES_TEST_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    // Valid specs, code that misuses the generated API: what the type system rules out.
    t.compile_fail("tests/ui/api/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
