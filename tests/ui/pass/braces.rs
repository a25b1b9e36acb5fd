errcodes::platform_errors!("tests/ui/specs/braces.yaml");

fn main() {
    assert_eq!(DemoError::from_code(1).message(), "bad json: {} expected");
    assert_eq!(DemoError::from_code(2).message(), "field {name} must not be {empty}");
    let (error, fields) = DemoError::classify_fields(2, "field x must not be {empty}");
    assert_eq!(error, DemoError::Template);
    assert_eq!(fields.get("name"), Some("x"));
}
