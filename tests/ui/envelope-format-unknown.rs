errcodes::platform_errors!("tests/ui/specs/envelope-format-unknown.yaml");

fn main() {}
