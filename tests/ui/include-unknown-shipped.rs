errcodes::platform_errors!("tests/ui/specs/include-unknown-shipped.yaml");

fn main() {}
