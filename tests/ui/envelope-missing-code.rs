errcodes::platform_errors!("tests/ui/specs/envelope-missing-code.yaml");

fn main() {}
