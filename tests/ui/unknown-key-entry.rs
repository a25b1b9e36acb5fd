errcodes::platform_errors!("tests/ui/specs/unknown-key-entry.yaml");

fn main() {}
