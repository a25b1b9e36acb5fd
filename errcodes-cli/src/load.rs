//! A spec file named on the command line, read by the front end `platform_errors!` uses, so
//! its problems are reported exactly as a build reports them.

use std::path::Path;

use errcodes_spec::{Loaded, Spec};

/// The checked spec at `path` (relative to the current directory, which is also how reports
/// name it), or every problem found in it.
pub fn load(path: &str) -> Result<Spec, Vec<String>> {
    loaded(path).map(|loaded| loaded.spec)
}

/// The same, as read: with its notes.
pub fn loaded(path: &str) -> Result<Loaded, Vec<String>> {
    errcodes_spec::load(Path::new(""), path).map_err(|failure| failure.reports)
}
