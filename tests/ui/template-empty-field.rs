errcodes::platform_errors!("tests/ui/specs/template-empty-field.yaml");

fn main() {}
