//! Spec files on disk: where they are and what they hold.

use std::path::Path as FsPath;

use crate::ctxt::{Ctxt, Place};
use crate::locate::Location;
use crate::source::FileId;

/// Checks the path the macro was given, before reading it: problems are the file's own.
pub fn check_root(relative: &str, absolute: &FsPath, file: FileId, cx: &mut Ctxt) -> bool {
    if relative.trim().is_empty() {
        cx.push(Place::File(file), "the spec path is empty")
            .help("give the path of a YAML spec relative to your Cargo.toml, as in `\"specs/wechat_shop.yaml\"`");
        return false;
    }
    if absolute.is_dir() {
        cx.push(
            Place::File(file),
            "the path is a directory, not a spec file",
        )
        .help("name the YAML file inside it, as in `\"specs/wechat_shop.yaml\"`");
        return false;
    }
    true
}

/// The text of the spec at `absolute`, which is file `file`. Why it cannot be read is
/// reported at `at` (`missing` is the message and help for a file that does not exist): the
/// file itself for the spec the macro names, the `include` or
/// `extends` that names it otherwise. Text that is not UTF-8 is reported in the file and
/// read lossily, so that the line can be quoted.
pub fn read(
    absolute: &FsPath,
    file: FileId,
    at: &Place,
    missing: (&str, &str),
    cx: &mut Ctxt,
) -> Option<String> {
    let bytes = match std::fs::read(absolute) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let (message, help) = missing;
            cx.push(at.clone(), message).help(help);
            return None;
        }
        Err(error) => {
            cx.push(at.clone(), format!("the spec file cannot be read: {error}"))
                .help("check that the file is readable");
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            cx.push(
                Place::At(file, Location { line, column }),
                format!(
                    "the spec is not valid UTF-8 (byte {:#04x})",
                    error.as_bytes()[valid.len()]
                ),
            )
            .help("save the file as UTF-8");
            Some(String::from_utf8_lossy(error.as_bytes()).into_owned())
        }
    }
}
