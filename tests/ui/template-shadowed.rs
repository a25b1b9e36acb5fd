errcodes::platform_errors!("tests/ui/specs/template-shadowed.yaml");

fn main() {}
