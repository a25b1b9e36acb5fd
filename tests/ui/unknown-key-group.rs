errcodes::platform_errors!("tests/ui/specs/unknown-key-group.yaml");

fn main() {}
