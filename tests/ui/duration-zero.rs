errcodes::platform_errors!("tests/ui/specs/duration-zero.yaml");

fn main() {}
