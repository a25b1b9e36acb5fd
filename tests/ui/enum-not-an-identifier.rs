errcodes::platform_errors!("tests/ui/specs/enum-not-an-identifier.yaml");

fn main() {}
