errcodes::platform_errors!("tests/ui/specs/message-not-text.yaml");

fn main() {}
