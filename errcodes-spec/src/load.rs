//! The macro's input and the spec file: where it is and what it holds.

use std::path::{Path as FsPath, PathBuf};

use crate::ctxt::{Ctxt, Place};
use crate::locate::Location;

pub struct Loaded {
    pub absolute: PathBuf,
    pub text: String,
}

/// Reads the spec at `relative` (to `manifest_dir`), reporting why it cannot.
pub fn load(manifest_dir: &FsPath, relative: &str, cx: &mut Ctxt) -> Option<Loaded> {
    let absolute = manifest_dir.join(relative);
    if relative.trim().is_empty() {
        cx.push(Place::File, "the spec path is empty")
            .help("give the path of a YAML spec relative to your Cargo.toml, as in `\"specs/wechat_shop.yaml\"`");
        return None;
    }
    if absolute.is_dir() {
        cx.push(Place::File, "the path is a directory, not a spec file")
            .help("name the YAML file inside it, as in `\"specs/wechat_shop.yaml\"`");
        return None;
    }
    let bytes = match std::fs::read(&absolute) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            cx.push(Place::File, "the spec file does not exist")
                .help("the path is relative to the directory of your crate's Cargo.toml (CARGO_MANIFEST_DIR); check the spelling and that the file is there");
            return None;
        }
        Err(error) => {
            cx.push(
                Place::File,
                format!("the spec file cannot be read: {error}"),
            )
            .help("check that the file is readable");
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(Loaded { absolute, text }),
        // The problem is reported on a lossy copy, so that its line can be quoted.
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            cx.push(
                Place::At(Location { line, column }),
                format!(
                    "the spec is not valid UTF-8 (byte {:#04x})",
                    error.as_bytes()[valid.len()]
                ),
            )
            .help("save the file as UTF-8");
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            Some(Loaded { absolute, text })
        }
    }
}
