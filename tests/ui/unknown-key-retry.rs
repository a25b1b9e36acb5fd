errcodes::platform_errors!("tests/ui/specs/unknown-key-retry.yaml");

fn main() {}
