errcodes::platform_errors!("tests/ui/specs/missing-message.yaml");

fn main() {}
