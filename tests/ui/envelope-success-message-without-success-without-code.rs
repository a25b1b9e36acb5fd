errcodes::platform_errors!("tests/ui/specs/envelope-success-message-without-success-without-code.yaml");

fn main() {}
