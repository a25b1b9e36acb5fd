errcodes::platform_errors!("tests/ui/specs/platform-not-snake-case.yaml");

fn main() {}
