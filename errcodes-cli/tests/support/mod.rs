//! Running the built `errcodes` binary as a user runs it, for every test file.

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root, where `specs/` and `tests/ui/` are.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `errcodes <args>`, run in the workspace root.
pub fn errcodes(args: &[&str]) -> Output {
    errcodes_in(&root(), args)
}

/// `errcodes <args>`, run in `dir`.
pub fn errcodes_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run errcodes")
}

pub fn status(output: &Output) -> i32 {
    output.status.code().expect("an exit status, not a signal")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as JSON; it must be one document.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "not JSON ({error}):\n{}\n{}",
            stdout(output),
            stderr(output)
        )
    })
}

/// A fresh directory for one test's files.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}
