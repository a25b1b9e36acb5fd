errcodes::platform_errors!("tests/ui/specs/envelope-status-led-not-a-bool.yaml");

fn main() {}
