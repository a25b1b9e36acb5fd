errcodes::platform_errors!("tests/ui/specs/missing-retry.yaml");

fn main() {}
