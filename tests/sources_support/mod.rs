//! What the source-fixture tests (`sources`, `platform_sources`, `intl_sources`) share: a
//! file of the repository read, a shipped spec read as YAML, and the line that ends a
//! fixture's header.

/// Ends a fixture's header; the source's text, verbatim, follows.
pub const CUT: &str = "-----8<-----\n";

/// The file at `path`, relative to the workspace root.
pub fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// `specs/<name>.yaml` as a YAML value: read without the macro, so that a test can name the
/// fixture line a difference comes from.
pub fn spec_value(name: &str) -> serde_yaml::Value {
    serde_yaml::from_str(&read(&format!("specs/{name}.yaml")))
        .unwrap_or_else(|error| panic!("specs/{name}.yaml: {error}"))
}
