errcodes::platform_errors!("tests/ui/specs/envelope-unknown-key.yaml");

fn main() {}
