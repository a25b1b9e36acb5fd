errcodes::platform_errors!("tests/ui/specs/duration-too-long.yaml");

fn main() {}
