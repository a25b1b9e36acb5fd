errcodes::platform_errors!("tests/ui/specs/code-true.yaml");

fn main() {}
