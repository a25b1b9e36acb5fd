errcodes::platform_errors!("tests/ui/specs/duration-without-unit.yaml");

fn main() {}
