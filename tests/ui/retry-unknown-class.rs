errcodes::platform_errors!("tests/ui/specs/retry-unknown-class.yaml");

fn main() {}
