//! The shipped platforms' expansions, kept in `errcodes/src/platforms/generated/`: each is
//! what `platform_errors!("specs/<name>.yaml")` expands to in errcodes, so a user's build
//! compiles it without running the macro, with its table's bytes in `<name>.bin` beside it
//! (included, not a literal). These tests fail when a kept file differs from what the macro
//! makes of its spec today; `ERRCODES_BLESS=1` rewrites the files instead.
//!
//! ```sh
//! ERRCODES_BLESS=1 cargo test -p errcodes-macros --lib kept
//! ```

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::generate::{platform_errors, Output};

fn errcodes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../errcodes")
}

/// The shipped platforms: one spec each in `specs/`, sorted.
fn platforms() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(errcodes_dir().join("specs"))
        .expect("errcodes/specs")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            path.file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The files kept for `name`: a header, then the expansion formatted; and the table's bytes,
/// which the expansion includes.
fn kept(name: &str) -> Result<(String, Vec<u8>), String> {
    let relative = format!("specs/{name}.yaml");
    let bytes_file = format!("{name}.bin");
    let tokens = platform_errors(
        quote::quote!(#relative),
        Some(&errcodes_dir()),
        Output::Kept { bytes: &bytes_file },
    );
    if tokens.to_string().contains("compile_error") {
        return Err(format!("{relative} does not expand cleanly: {tokens}"));
    }
    let file: syn::File = syn::parse2(tokens)
        .map_err(|error| format!("{relative} expands to invalid Rust: {error}"))?;
    let mut text = format!(
        "// @generated from `{relative}` by `errcodes::platform_errors!`: do not edit.\n\
         // After changing the spec: `ERRCODES_BLESS=1 cargo test -p errcodes-macros --lib kept`.\n\n"
    );
    text.push_str(&prettyplease::unparse(&file));
    let loaded = crate::spec::load(&errcodes_dir(), &relative)
        .map_err(|failure| format!("{relative}: {:?}", failure.reports))?;
    let encoded = crate::spec::encode::encode(&loaded.spec)
        .map_err(|error| format!("{relative}: {error}"))?;
    Ok((text, encoded.bytes))
}

#[test]
fn kept_expansions_are_the_macros_output_for_todays_specs() {
    let bless = std::env::var_os("ERRCODES_BLESS").is_some();
    let dir = errcodes_dir().join("src/platforms/generated");
    if bless {
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    let mut problems = String::new();
    for name in platforms() {
        let (text, bytes) = match kept(&name) {
            Ok(files) => files,
            Err(problem) => {
                writeln!(problems, "{problem}").unwrap();
                continue;
            }
        };
        for (path, expected) in [
            (dir.join(format!("{name}.rs")), text.into_bytes()),
            (dir.join(format!("{name}.bin")), bytes),
        ] {
            if bless {
                fs::write(&path, &expected).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            } else if fs::read(&path).ok() != Some(expected) {
                writeln!(
                    problems,
                    "{} is not the expansion of specs/{name}.yaml",
                    path.display()
                )
                .unwrap();
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{problems}regenerate: ERRCODES_BLESS=1 cargo test -p errcodes-macros --lib kept"
    );
}

#[test]
fn kept_files_are_only_for_shipped_specs() {
    let platforms = platforms();
    let dir = errcodes_dir().join("src/platforms/generated");
    for entry in fs::read_dir(&dir).expect("errcodes/src/platforms/generated") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        assert!(
            platforms.contains(&name),
            "{}: no spec specs/{name}.yaml; delete the file",
            path.display()
        );
    }
}

/// A platform module includes its kept expansion instead of calling the macro, so that a
/// user's build does not run it.
#[test]
fn each_platform_module_includes_its_kept_expansion() {
    for name in platforms() {
        let path = errcodes_dir().join(format!("src/platforms/{name}.rs"));
        let module =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let calls_the_macro = module
            .lines()
            .any(|line| !line.trim_start().starts_with("//") && line.contains("platform_errors!"));
        assert!(
            module.contains(&format!("include!(\"generated/{name}.rs\");")) && !calls_the_macro,
            "{} must `include!(\"generated/{name}.rs\");` rather than call the macro",
            path.display()
        );
    }
}
