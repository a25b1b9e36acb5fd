errcodes::platform_errors!("tests/ui/specs/template-repeated-field.yaml");

fn main() {}
