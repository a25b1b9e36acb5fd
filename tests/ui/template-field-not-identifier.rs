errcodes::platform_errors!("tests/ui/specs/template-field-not-identifier.yaml");

fn main() {}
