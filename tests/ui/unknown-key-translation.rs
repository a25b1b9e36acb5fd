errcodes::platform_errors!("tests/ui/specs/unknown-key-translation.yaml");

fn main() {}
