errcodes::platform_errors!("tests/ui/specs/template-adjacent-fields.yaml");

fn main() {}
