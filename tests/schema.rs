//! `specs/schema.json` describes spec format v1 for editors (yaml-language-server): every
//! spec the project ships or compiles validates against it, and the mistakes an editor can
//! catch are rejected by it.
//!
//! The validator is a small one written here rather than a dependency: it implements the
//! JSON Schema keywords the schema uses and nothing else, and `the_schema_uses_only_keywords_the_validator_knows`
//! fails if the schema ever uses another, so no keyword is silently ignored. (The
//! `jsonschema` crate would pull in dozens of crates, resolvers and an HTTP client for a test
//! that needs none of them.)

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Keywords the validator checks.
const CHECKED: &[&str] = &[
    "type",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "minLength",
    "minProperties",
    "patternProperties",
    "pattern",
    "minimum",
    "maximum",
    "oneOf",
    "anyOf",
    "not",
    "$ref",
];
/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description", "definitions"];

struct Validator<'s> {
    root: &'s Value,
}

impl Validator<'_> {
    /// Every violation of `schema` by `value`, as `path: what`.
    fn errors(&self, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
        let Some(schema) = schema.as_object() else {
            return;
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let target = self.resolve(reference);
            self.errors(target, value, at, out);
        }
        let mut fail_list = Vec::new();
        if let Some(types) = schema.get("type") {
            let types: Vec<&str> = match types {
                Value::Array(types) => types.iter().filter_map(Value::as_str).collect(),
                other => other.as_str().into_iter().collect(),
            };
            if !types.iter().any(|ty| has_type(value, ty)) {
                fail_list.push(format!("expected {}, found {value}", types.join(" or ")));
            }
        }
        if let Some(options) = schema.get("enum").and_then(Value::as_array) {
            if !options.contains(value) {
                fail_list.push(format!(
                    "{value} is not one of {}",
                    Value::Array(options.clone())
                ));
            }
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
            if let Some(text) = value.as_str() {
                let regex = regex_lite::Regex::new(pattern).expect("a valid pattern");
                if !regex.is_match(text) {
                    fail_list.push(format!("{text:?} does not match {pattern}"));
                }
            }
        }
        if let Some(min) = schema.get("minLength").and_then(Value::as_u64) {
            if value
                .as_str()
                .is_some_and(|text| (text.chars().count() as u64) < min)
            {
                fail_list.push(format!("shorter than {min}"));
            }
        }
        if let Some(number) = value.as_f64() {
            if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
                if number < min {
                    fail_list.push(format!("{value} is below {min}"));
                }
            }
            if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
                if number > max {
                    fail_list.push(format!("{value} is above {max}"));
                }
            }
        }
        if let Some(items) = value.as_array() {
            if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
                if (items.len() as u64) < min {
                    fail_list.push(format!("fewer than {min} items"));
                }
            }
            if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
                if (items.len() as u64) > max {
                    fail_list.push(format!("more than {max} items"));
                }
            }
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    self.errors(item_schema, item, &format!("{at}[{i}]"), out);
                }
            }
        }
        if let Some(map) = value.as_object() {
            self.object(schema, map, at, out, &mut fail_list);
        }
        for (keyword, exactly_one) in [("oneOf", true), ("anyOf", false)] {
            if let Some(options) = schema.get(keyword).and_then(Value::as_array) {
                let passing = options
                    .iter()
                    .filter(|option| self.valid(option, value))
                    .count();
                if passing == 0 || (exactly_one && passing > 1) {
                    fail_list.push(format!("{passing} of the {keyword} options match {value}"));
                }
            }
        }
        if let Some(negated) = schema.get("not") {
            if self.valid(negated, value) {
                fail_list.push(format!("{value} is not allowed"));
            }
        }
        out.extend(fail_list.into_iter().map(|what| format!("{at}: {what}")));
    }

    fn object(
        &self,
        schema: &Map<String, Value>,
        map: &Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
        fail: &mut Vec<String>,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !map.contains_key(key) {
                fail.push(format!("missing `{key}`"));
            }
        }
        if let Some(min) = schema.get("minProperties").and_then(Value::as_u64) {
            if (map.len() as u64) < min {
                fail.push(format!("fewer than {min} keys"));
            }
        }
        let patterns = schema.get("patternProperties").and_then(Value::as_object);
        for (key, value) in map {
            let at = format!("{at}.{key}");
            let by_pattern = patterns.into_iter().flatten().find(|(pattern, _)| {
                regex_lite::Regex::new(pattern).is_ok_and(|re| re.is_match(key))
            });
            match (
                properties.and_then(|properties| properties.get(key)),
                by_pattern,
            ) {
                (Some(property), _) | (None, Some((_, property))) => {
                    self.errors(property, value, &at, out);
                }
                (None, None) => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => fail.push(format!("unknown key `{key}`")),
                    Some(other @ Value::Object(_)) => self.errors(other, value, &at, out),
                    _ => {}
                },
            }
        }
    }

    fn valid(&self, schema: &Value, value: &Value) -> bool {
        let mut errors = Vec::new();
        self.errors(schema, value, "", &mut errors);
        errors.is_empty()
    }

    fn resolve(&self, reference: &str) -> &Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local references: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("no {reference} in the schema"))
    }
}

fn has_type(value: &Value, ty: &str) -> bool {
    match ty {
        "string" => value.is_string(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        other => panic!("unknown type {other}"),
    }
}

fn schema() -> Value {
    let text = std::fs::read_to_string(Path::new(ROOT).join("specs/schema.json")).expect("read");
    serde_json::from_str(&text).expect("specs/schema.json is JSON")
}

/// The errors of the spec at `path` (relative to the root).
fn validate(path: &Path) -> Vec<String> {
    let schema = schema();
    let text = std::fs::read_to_string(path).expect("read spec");
    let value: Value = serde_yaml::from_str(&text)
        .unwrap_or_else(|error| panic!("{}: not YAML: {error}", path.display()));
    let mut errors = Vec::new();
    Validator { root: &schema }.errors(&schema, &value, "spec", &mut errors);
    errors
}

fn yaml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .expect("read dir")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_schema_uses_only_keywords_the_validator_knows() {
    fn walk(schema: &Value, at: &str) {
        let Some(map) = schema.as_object() else {
            return;
        };
        for (key, value) in map {
            assert!(
                CHECKED.contains(&key.as_str()) || ANNOTATIONS.contains(&key.as_str()),
                "{at}: keyword `{key}` is not implemented by the test's validator"
            );
            match key.as_str() {
                "properties" | "definitions" | "patternProperties" => {
                    for (name, sub) in value.as_object().expect("a map") {
                        walk(sub, &format!("{at}/{key}/{name}"));
                    }
                }
                "items" | "not" => walk(value, &format!("{at}/{key}")),
                "oneOf" | "anyOf" => {
                    for (i, sub) in value.as_array().expect("a list").iter().enumerate() {
                        walk(sub, &format!("{at}/{key}/{i}"));
                    }
                }
                _ => {}
            }
        }
    }
    walk(&schema(), "#");
}

#[test]
fn every_shipped_and_example_spec_is_valid() {
    let mut files = yaml_files("specs");
    assert!(files.len() >= 5, "{files:?}");
    // The compile-pass cases' specs, composition among them (not merge-keys.yaml: its `<<`
    // keys are YAML's, merged before the schema applies).
    for pass in ["braces", "envelope", "extends", "layers/mine"] {
        files.push(Path::new(ROOT).join(format!("tests/ui/specs/{pass}.yaml")));
    }
    for path in files {
        let errors = validate(&path);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn every_spec_in_specs_names_the_schema_for_editors() {
    for path in yaml_files("specs") {
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=schema.json"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_specs_that_must_compile_are_valid() {
    for path in [
        "tests/ui/specs/braces.yaml",
        "tests/ui/specs/envelope.yaml",
        "tests/fixtures/user_crate/demo.yaml",
        "errcodes/tests/envelopes/status_led.yaml",
        "errcodes/tests/envelopes/success_empty.yaml",
        "errcodes/tests/envelopes/error_lists.yaml",
        "errcodes/tests/envelopes/levels.yaml",
        "errcodes/tests/envelopes/json_text.yaml",
    ] {
        let errors = validate(&Path::new(ROOT).join(path));
        assert!(errors.is_empty(), "{path}:\n{}", errors.join("\n"));
    }
}

/// The compile-fail fixtures whose mistake is one of form, which an editor can show before
/// the build does. (The rest are YAML syntax, cross-entry or template mistakes.)
#[test]
fn the_schema_rejects_mistakes_of_form() {
    let cases = [
        ("code-empty-list", "spec.groups[0].errors[0].code: 0 of the oneOf options match []"),
        ("code-empty-string", "spec.groups[0].errors[0].code: 0 of the oneOf options match \"\""),
        ("code-fraction", "spec.groups[0].errors[0].code: 0 of the oneOf options match 1.5"),
        ("code-true", "spec.groups[0].errors[0].code: 0 of the oneOf options match true"),
        ("duration-in-words", "spec.groups[0].errors[0].retry: 0 of the oneOf options match {\"throttled\":\"5 minutes\"}"),
        ("duration-negative", "spec.groups[0].errors[0].retry: 0 of the oneOf options match {\"throttled\":\"-1s\"}"),
        ("duration-without-unit", "spec.groups[0].errors[0].retry: 0 of the oneOf options match {\"throttled\":30}"),
        ("duration-zero", "spec.groups[0].errors[0].retry: 0 of the oneOf options match {\"throttled\":\"0s\"}"),
        ("empty-groups", "spec.groups: fewer than 1 items"),
        ("enum-not-an-identifier", "spec.enum: \"Demo-Error\" does not match ^[A-Z][A-Za-z0-9]*$"),
        ("http-status-out-of-range", "spec.groups[0].errors[0].http_status: 999 is above 599"),
        ("message-not-text", "spec.groups[0].errors[0].message: 0 of the oneOf options match 404"),
        ("missing-code", "spec.groups[0].errors[0]: missing `code`"),
        ("missing-enum", "spec: missing `enum`"),
        ("missing-errors", "spec.groups[0]: missing `errors`"),
        // Without `groups`, a spec must include or extend others.
        ("missing-groups", "spec: 0 of the anyOf options match {\"enum\":\"DemoError\",\"platform\":\"demo\",\"source\":\"https://example.com\",\"title\":\"Demo\",\"unknown_retry\":\"permanent\"}"),
        ("missing-message", "spec.groups[0].errors[0]: missing `message`"),
        ("missing-name", "spec.groups[0].errors[0]: missing `name`"),
        ("name-keyword-self", "spec.groups[0].errors[0].name: \"Self\" is not allowed"),
        ("name-not-upper-camel-case", "spec.groups[0].errors[0].name: \"rate_limited\" does not match ^[A-Z][A-Za-z0-9]*$"),
        ("name-reserved-unknown", "spec.groups[0].errors[0].name: \"Unknown\" is not allowed"),
        ("platform-not-snake-case", "spec.platform: \"Demo-Shop\" does not match ^[a-z][a-z0-9_]*$"),
        ("retry-unknown-class", "spec.groups[0].errors[0].retry: 0 of the oneOf options match \"transiant\""),
        ("top-level-not-a-mapping", "spec: expected object, found [{\"platform\":\"demo\"},{\"enum\":\"DemoError\"}]"),
        ("unknown-key-entry", "spec.groups[0].errors[0]: unknown key `hnit`"),
        ("unknown-key-group", "spec.groups[0]: unknown key `retyr`"),
        ("unknown-key-retry", "spec.groups[0].errors[0].retry: 0 of the oneOf options match {\"jitter\":\"1s\",\"throttled\":\"5m\"}"),
        ("unknown-key-top", "spec: unknown key `plaform`"),
        ("unknown-key-translation", "spec.groups[0].errors[0].message: 0 of the oneOf options match {\"fr\":\"erreur\",\"zh\":\"应用错误\"}"),
        ("envelope-not-a-mapping", "spec.envelope: expected object, found \"errcode\""),
        ("envelope-missing-code", "spec.envelope: 0 of the anyOf options match {\"message\":\"errmsg\"}"),
        ("envelope-unknown-key", "spec.envelope: unknown key `mesage`"),
        ("envelope-empty-path-key", "spec.envelope.code: 0 of the oneOf options match \"error..code\""),
        ("envelope-path-not-text", "spec.envelope.code: 0 of the oneOf options match [\"errcode\",{\"nested\":true}]"),
        ("envelope-partial-wildcard", "spec.envelope.code: 0 of the oneOf options match \"resp*.code\""),
        ("envelope-success-not-a-code", "spec.envelope.success: 0 of the oneOf options match [\"ok\",true]"),
        ("envelope-success-message-not-text", "spec.envelope.success_message: 0 of the oneOf options match [\"ok\",0]"),
        ("envelope-status-led-not-a-bool", "spec.envelope.status_led: expected boolean, found \"yes\""),
        ("envelope-too-many-levels", "spec.envelope.levels: more than 3 items"),
        ("envelope-format-unknown", "spec.envelope.format: \"yaml\" is not one of [\"json\",\"xml\",\"auto\"]"),
        ("envelope-path-index", "spec.envelope.code: 0 of the oneOf options match \"errors[0].code\""),
        ("envelope-json-text-typo", "spec.envelope.code: 0 of the oneOf options match \"data@jsn.code\""),
        ("envelope-json-text-at-end", "spec.envelope.code: 0 of the oneOf options match \"data@json\""),
        ("envelope-json-text-no-key", "spec.envelope.code: 0 of the oneOf options match \"@json.code\""),
        ("sub-code-bad-rule", "spec.groups[0].errors[1].sub_code: \"isp.*.timeout\" does not match ^[^*\\s]([^*]*[^*\\s])?\\*?$"),
    ];
    for (name, expected) in cases {
        let path = Path::new(ROOT).join(format!("tests/ui/specs/{name}.yaml"));
        let errors = validate(&path);
        assert_eq!(errors, [expected], "{name}");
    }
}

#[test]
fn the_validator_checks_each_keyword() {
    let root = json!({"definitions": {"small": {"type": "integer", "maximum": 3}}});
    let validator = Validator { root: &root };
    let check = |schema: Value, good: Value, bad: Value| {
        assert!(
            validator.valid(&schema, &good),
            "{schema} should accept {good}"
        );
        assert!(
            !validator.valid(&schema, &bad),
            "{schema} should reject {bad}"
        );
    };
    check(json!({"type": "string"}), json!("x"), json!(1));
    check(
        json!({"type": ["string", "null"]}),
        json!(null),
        json!(true),
    );
    check(json!({"enum": ["a", 1]}), json!(1), json!("b"));
    check(json!({"pattern": "^[a-z]+$"}), json!("abc"), json!("aBc"));
    check(json!({"minLength": 2}), json!("ab"), json!("a"));
    check(json!({"minimum": 1}), json!(1), json!(0));
    check(json!({"maximum": 2}), json!(2), json!(3));
    check(
        json!({"minItems": 1, "items": {"type": "integer"}}),
        json!([1]),
        json!([]),
    );
    check(
        json!({"items": {"type": "integer"}}),
        json!([1, 2]),
        json!([1, "2"]),
    );
    check(json!({"maxItems": 1}), json!([1]), json!([1, 2]));
    check(json!({"required": ["a"]}), json!({"a": 1}), json!({"b": 1}));
    check(
        json!({"properties": {"a": {"type": "integer"}}, "additionalProperties": false}),
        json!({"a": 1}),
        json!({"a": 1, "b": 2}),
    );
    check(
        json!({"properties": {"a": {"type": "integer"}}}),
        json!({"b": "x"}),
        json!({"a": "x"}),
    );
    check(json!({"minProperties": 1}), json!({"a": 1}), json!({}));
    check(
        json!({"patternProperties": {"^x-": {}}, "additionalProperties": false}),
        json!({"x-anchor": 1}),
        json!({"y-anchor": 1}),
    );
    check(
        json!({"additionalProperties": {"type": "integer"}}),
        json!({"any": 1}),
        json!({"any": "x"}),
    );
    check(
        json!({"oneOf": [{"type": "integer"}, {"minimum": 5}]}),
        json!(1),
        json!(7),
    );
    check(
        json!({"anyOf": [{"type": "integer"}, {"type": "string"}]}),
        json!("x"),
        json!(null),
    );
    check(
        json!({"not": {"enum": ["Self"]}}),
        json!("Me"),
        json!("Self"),
    );
    check(json!({"$ref": "#/definitions/small"}), json!(3), json!(4));
}
