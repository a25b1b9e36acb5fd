errcodes::platform_errors!("tests/ui/specs/bad-durations.yaml");

fn main() {}
