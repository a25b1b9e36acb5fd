//! A spec file named on the command line, read by the front end `platform_errors!` uses, so
//! its problems are reported exactly as a build reports them.

use std::io;
use std::path::Path;

use errcodes_spec::{Loaded, Spec};

/// What to name instead of a missing file, where only a spec file will do.
pub const A_SPEC: &str = "give the spec's path, relative to the current directory";

/// The checked spec at `path` (relative to the current directory, which is also how reports
/// name it), or every problem found in it. A path that names no file is the command's own
/// problem, not the macro's (whose paths are relative to a Cargo.toml): `instead` says what
/// to name.
pub fn load(path: &str, instead: &str) -> Result<Spec, Vec<String>> {
    loaded(path, instead).map(|loaded| loaded.spec)
}

/// The same, as read: with its notes.
pub fn loaded(path: &str, instead: &str) -> Result<Loaded, Vec<String>> {
    if matches!(std::fs::metadata(path), Err(error) if error.kind() == io::ErrorKind::NotFound) {
        return Err(vec![format!("no such spec file `{path}`; {instead}")]);
    }
    errcodes_spec::load(Path::new(""), path).map_err(|failure| failure.reports)
}
