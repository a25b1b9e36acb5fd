errcodes::platform_errors!("tests/ui/specs/template-unclosed.yaml");

fn main() {}
