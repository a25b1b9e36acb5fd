errcodes::platform_errors!("tests/ui/specs/name-reserved-unknown.yaml");

fn main() {}
