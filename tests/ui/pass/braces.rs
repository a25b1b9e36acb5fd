use errcodes::prelude::*;

errcodes::platform_errors!("tests/ui/specs/braces.yaml");

fn main() {
    assert_eq!(DemoError::from_code(1).message(), "bad json: {} expected");
    assert_eq!(DemoError::from_code(2).message(), "field {name} must not be {empty}");
    let found = DemoError::lookup(&Query::new(2).message("field x must not be {empty}"));
    assert_eq!(found.error, DemoError::Template);
    assert_eq!(found.fields.get("name"), Some("x"));
}
