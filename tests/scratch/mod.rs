//! Scratch crates outside the workspace that depend on `errcodes` by path, built with cargo
//! as a user would. They share the target directory of `tests/user_crate.rs`, so that the
//! dependencies build once. Other packages of the workspace include this file by path
//! (`errcodes-cli/tests/import.rs`), so paths start from the workspace root.

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root: the nearest directory up from the test's package with `Cargo.lock`.
fn root() -> &'static Path {
    let package = Path::new(env!("CARGO_MANIFEST_DIR"));
    package
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").is_file())
        .unwrap_or(package)
}

pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("user_crate_target")
}

/// A fresh crate `scratch_<name>` with the given files (paths relative to the crate).
pub fn crate_with(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scratch_{name}"));
    let _ = fs::remove_dir_all(&dir);
    let errcodes = root().join("errcodes");
    let manifest = format!(
        "[package]\nname = \"scratch_{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nerrcodes = {{ path = {:?} }}\n\n[workspace]\n",
        errcodes.display().to_string()
    );
    let mut all: Vec<(&str, &[u8])> = vec![("Cargo.toml", manifest.as_bytes())];
    all.extend_from_slice(files);
    for (path, contents) in all {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create a directory");
        fs::write(&path, contents).expect("write a scratch file");
    }
    // The workspace's lock file pins the same dependency versions, with no network.
    fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy lock");
    dir
}

/// `cargo <command> --offline <args>` in `dir`, with the shared target directory.
pub fn cargo(dir: &Path, args: &[&str]) -> Command {
    let (command, rest) = args.split_first().expect("a cargo command");
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo
        .args([command, "--offline"])
        .args(rest)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env_remove("ERRCODES_TEST_MANIFEST_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS");
    cargo
}

/// Runs a command that must succeed; its standard output.
pub fn run(mut command: Command) -> String {
    let output = command.output().expect("run cargo");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{command:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
