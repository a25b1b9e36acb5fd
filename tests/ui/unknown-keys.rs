errcodes::platform_errors!("tests/ui/specs/unknown-keys.yaml");

fn main() {}
