errcodes::platform_errors!("tests/ui/specs/include-missing.yaml");

fn main() {}
