errcodes::platform_errors!("tests/ui/specs/envelope-not-a-mapping.yaml");

fn main() {}
