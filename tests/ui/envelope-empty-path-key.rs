errcodes::platform_errors!("tests/ui/specs/envelope-empty-path-key.yaml");

fn main() {}
