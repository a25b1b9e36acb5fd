errcodes::platform_errors!("tests/ui/specs/envelope-path-not-text.yaml");

fn main() {}
