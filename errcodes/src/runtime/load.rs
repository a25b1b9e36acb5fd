//! A spec to a [`Table`]: read, composed and checked by `errcodes-spec`, encoded by the
//! writer `platform_errors!` uses, then kept for the rest of the process, once per distinct
//! table.

use core::fmt;
use std::path::Path;
use std::sync::Mutex;

use errcodes_spec::{Encoded, Spec};

use super::{Inner, Table};
use crate::{table, Group};

/// Why a spec could not be loaded: every problem found, each rendered as
/// `platform_errors!` renders it in a build (`path:line:column: message`, the line quoted
/// with a caret, then how to fix it).
///
/// ```
/// use errcodes::runtime::Table;
///
/// let error = Table::from_yaml("platform: demo\nenum: demo\n", "demo.yaml").unwrap_err();
/// assert!(error.problems()[0].starts_with("demo.yaml:2:7: enum name `demo` is not UpperCamelCase"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    problems: Vec<String>,
}

impl LoadError {
    fn one(problem: String) -> Self {
        LoadError {
            problems: vec![problem],
        }
    }

    /// Every problem, rendered.
    #[must_use]
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Every problem, one after the other, as a build prints them.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, problem) in self.problems.iter().enumerate() {
            if n > 0 {
                f.write_str("\n")?;
            }
            f.write_str(problem)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

pub(super) fn file(path: &Path) -> Result<Table, LoadError> {
    let Some(display) = path.to_str() else {
        return Err(LoadError::one(format!(
            "{}: the path is not valid UTF-8; move the spec to a UTF-8 path",
            path.display()
        )));
    };
    // The front end's own message for a missing file speaks of a crate's Cargo.toml, where
    // the macro's paths start; here they start in the current directory.
    if matches!(std::fs::metadata(path), Err(error) if error.kind() == std::io::ErrorKind::NotFound)
    {
        return Err(LoadError::one(format!(
            "{display}: no such spec file; the path is relative to the current directory"
        )));
    }
    let loaded = errcodes_spec::load(Path::new(""), display).map_err(failed)?;
    table(&loaded.spec, display)
}

pub(super) fn text(text: &str, name: &str) -> Result<Table, LoadError> {
    let spec = errcodes_spec::read(text, name).map_err(failed)?;
    table(&spec, name)
}

pub(super) fn shipped(name: &str) -> Result<Table, LoadError> {
    let known = |shipped: &Vec<(String, Table)>| {
        shipped
            .iter()
            .find_map(|(known, table)| (known == name).then_some(*table))
    };
    if let Some(table) = known(&lock(&SHIPPED)) {
        return Ok(table);
    }
    let table = read_shipped(name)?;
    let mut shipped = lock(&SHIPPED);
    if known(&shipped).is_none() {
        shipped.push((name.to_owned(), table));
    }
    Ok(table)
}

/// The shipped tables loaded so far, by name: a second load reads no YAML.
static SHIPPED: Mutex<Vec<(String, Table)>> = Mutex::new(Vec::new());

/// A poisoned lock only means another thread panicked while pushing: the list is whole.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn read_shipped(name: &str) -> Result<Table, LoadError> {
    let Some(spec) = errcodes_spec::read_shipped(name) else {
        let names: Vec<&str> = errcodes_spec::shipped_names().collect();
        return Err(LoadError::one(format!(
            "errcodes ships no spec `{name}`; it ships {}",
            names.join(", ")
        )));
    };
    table(&spec.map_err(failed)?, name)
}

fn failed(failure: errcodes_spec::Failure) -> LoadError {
    LoadError {
        problems: failure.reports,
    }
}

/// The tables loaded so far: loading a spec whose table is already kept gives that one.
static LOADED: Mutex<Vec<(Key, &'static Inner)>> = Mutex::new(Vec::new());

/// What makes two tables the same: the encoded table and what a generated enum keeps
/// beside it.
#[derive(PartialEq, Eq)]
struct Key {
    encoded: Encoded,
    enum_name: String,
    title: String,
    source: String,
}

/// The table of a checked spec, encoded as `platform_errors!` encodes it.
fn table(spec: &Spec, display: &str) -> Result<Table, LoadError> {
    let encoded = errcodes_spec::encode(spec)
        .map_err(|error| LoadError::one(format!("{display}: {error}")))?;
    let key = Key {
        encoded,
        enum_name: spec.enum_name.clone(),
        title: spec.title.clone(),
        source: spec.source.clone(),
    };
    let mut loaded = lock(&LOADED);
    if let Some(&(_, inner)) = loaded.iter().find(|(kept, _)| *kept == key) {
        return Ok(Table { inner });
    }
    let inner = leak(spec, key.encoded.clone());
    loaded.push((key, inner));
    Ok(Table { inner })
}

fn leak(spec: &Spec, encoded: Encoded) -> &'static Inner {
    let leak = |text: &str| -> &'static str { text.to_owned().leak() };
    let groups: Vec<Group> = spec
        .groups
        .iter()
        .map(|group| Group::__new(leak(&group.id), leak(&group.title)))
        .collect();
    Box::leak(Box::new(Inner {
        table: table::Table::leaking(encoded),
        enum_name: leak(&spec.enum_name),
        title: leak(&spec.title),
        source: leak(&spec.source),
        groups: groups.leak(),
    }))
}
