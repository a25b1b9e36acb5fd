errcodes::platform_errors!("tests/ui/specs/missing-code.yaml");

fn main() {}
