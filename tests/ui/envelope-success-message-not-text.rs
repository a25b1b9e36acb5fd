errcodes::platform_errors!("tests/ui/specs/envelope-success-message-not-text.yaml");

fn main() {}
