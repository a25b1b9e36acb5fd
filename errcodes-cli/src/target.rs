//! `<platform | spec.yaml>`: a platform errcodes ships, by id, or a spec file, by path.

use std::path::Path;

use crate::platform::{self, Platform};

/// What to name instead of a missing spec file.
const INSTEAD: &str = "give a spec file's path, relative to the current directory, or a shipped platform's name (`errcodes list` names them)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Shipped(String),
    Spec(String),
}

/// clap's parser: a path is what names a file or ends in `.yaml`/`.yml`; anything else must
/// be a shipped platform's id.
pub fn parse(text: &str) -> Result<Target, String> {
    let is_path = Path::new(text)
        .extension()
        .is_some_and(|extension| extension == "yaml" || extension == "yml")
        || Path::new(text).is_file();
    if is_path {
        return Ok(Target::Spec(text.to_owned()));
    }
    if platform::shipped_names().contains(&text) {
        return Ok(Target::Shipped(text.to_owned()));
    }
    Err(format!(
        "no shipped platform is called `{text}`; the platforms are {}, and a spec file is named by its path (`specs/acme.yaml`)",
        platform::shipped_ids()
    ))
}

impl Target {
    /// The platform, or the spec's problems as a build reports them.
    pub fn open(&self) -> Result<Platform, Vec<String>> {
        match self {
            Target::Shipped(id) => Platform::shipped(id),
            Target::Spec(path) => {
                let spec = crate::load::load(path, INSTEAD)?;
                Platform::from_spec(&spec, path)
            }
        }
    }

    /// The platform's id or the spec's path, as given.
    pub fn name(&self) -> &str {
        match self {
            Target::Shipped(name) | Target::Spec(name) => name,
        }
    }
}
