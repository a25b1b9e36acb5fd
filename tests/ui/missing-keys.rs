errcodes::platform_errors!("tests/ui/specs/missing-keys.yaml");

fn main() {}
