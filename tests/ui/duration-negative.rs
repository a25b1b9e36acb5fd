errcodes::platform_errors!("tests/ui/specs/duration-negative.yaml");

fn main() {}
