errcodes::platform_errors!("tests/ui/specs/envelope-success-not-a-code.yaml");

fn main() {}
