errcodes::platform_errors!("tests/ui/specs/code-fraction.yaml");

fn main() {}
