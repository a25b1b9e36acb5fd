errcodes::platform_errors!("tests/ui/specs/bad-retry-class.yaml");

fn main() {}
